// Placeholder: the notify capability (reminders, notifications, calendar feed) is being written.
import type { FastifyInstance } from 'fastify';

export async function notifyRoutes(_app: FastifyInstance) {}
