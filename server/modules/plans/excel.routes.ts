// Placeholder: Excel export and import of a plan's appendix is being written.
import type { FastifyInstance } from 'fastify';

export async function planExcelRoutes(_app: FastifyInstance) {}
