import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { auditActor } from '../../http/request.ts';
import { requiredText, withErrors } from '../../http/schemas.ts';
import { createTenant, listTenants } from './tenants.service.ts';

const Tenant = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export async function tenantRoutes(app: FastifyInstance) {
  const { database } = app.kh;
  app.get('/api/tenants', {
    schema: { tags: ['org'], summary: 'Danh sách Sở Y tế (quản trị hệ thống)', response: withErrors({ 200: Type.Object({ items: Type.Array(Tenant) }) }) },
    config: { authz: 'tenant.manage' },
  }, async () => ({ items: await listTenants(database.db) }));

  app.post('/api/tenants', {
    schema: {
      tags: ['org'], summary: 'Tạo Sở Y tế mới (quản trị hệ thống)',
      body: Type.Object({ code: Type.String({ title: 'Mã', pattern: '^[a-z0-9-]{2,30}$', minLength: 2, maxLength: 30 }), name: requiredText('Tên Sở Y tế', 200) }),
      response: withErrors({ 201: Tenant }),
    },
    config: { authz: 'tenant.manage' },
  }, async (req, reply) => reply.code(201).send(await createTenant(database.db, req.body as { code: string; name: string }, auditActor(req, null))));
}
