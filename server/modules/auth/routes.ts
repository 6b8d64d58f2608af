import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { inArray } from 'drizzle-orm';
import { permissionsOf } from '../../../core/auth/policy.ts';
import { sortVi } from '../../../core/text/vietnamese.ts';
import { withSystem } from '../../db/context.ts';
import { orgUnits, tenants } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import { auditActor, currentUser } from '../../http/request.ts';
import { Ok, requiredText, text, uuid, withErrors } from '../../http/schemas.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { changeOwnPassword, login, logout, switchTenant } from './service.ts';


const Me = Type.Object({
  user: Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String(), isSystemAdmin: Type.Boolean() }),
  tenant: Type.Union([Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), Type.Null()]),
  tenants: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
  grants: Type.Array(Type.Object({ role: Type.String(), unitId: Type.String(), unitName: Type.String() })),
  permissions: Type.Array(Type.String()),
  csrfToken: Type.String(),
  sessionIdleMinutes: Type.Integer(),
});

export async function authRoutes(app: FastifyInstance) {
  const { database, config } = app.kh;
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });

  app.post('/api/auth/login', {
    schema: {
      tags: ['auth'], summary: 'Đăng nhập',
      body: Type.Object({ username: requiredText('Tên đăng nhập', 100), password: text('Mật khẩu', { min: 1, max: 200 }) }),
      response: withErrors({ 200: Type.Object({ csrfToken: Type.String() }) }),
    },
    config: { authz: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const body = req.body as { username: string; password: string };
    const { token, csrfToken } = await login(database.db, body, { requestId: String(req.id), ip: req.ip }, { delayScale: config.loginDelayScale });
    setCookie(reply, token);
    return { csrfToken };
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Đăng xuất', response: withErrors({ 200: Ok }) },
    config: { authz: 'authenticated' },
  }, async (req, reply) => {
    await logout(database.db, req.session!, auditActor(req, null));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'Người dùng đang đăng nhập, quyền và Sở đang làm việc', response: withErrors({ 200: Me }) },
    config: { authz: 'authenticated' },
  }, async (req) => {
    const s = req.session!;
    const user = currentUser(req);
    const { tenantRows, unitNames } = await withSystem(database.db, async (tx) => ({
      tenantRows: sortVi(await tx.select({ id: tenants.id, code: tenants.code, name: tenants.name }).from(tenants), (t) => t.name),
      unitNames: s.user.grants.length
        ? await tx.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, s.user.grants.map((g) => g.unitId)))
        : [],
    }));
    const names = new Map(unitNames.map((u) => [u.id, u.name]));
    return {
      user: { id: user.id, username: user.username, displayName: user.displayName, isSystemAdmin: user.isSystemAdmin },
      tenant: tenantRows.find((t) => t.id === s.tenantId) ?? null,
      tenants: user.isSystemAdmin ? tenantRows : tenantRows.filter((t) => t.id === s.user.homeTenantId),
      grants: s.user.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: names.get(g.unitId) ?? '' })),
      permissions: permissionsOf(user),
      csrfToken: s.csrfToken,
      sessionIdleMinutes: config.sessionIdleMinutes,
    };
  });

  app.post('/api/auth/tenant', {
    schema: { tags: ['auth'], summary: 'Chuyển Sở Y tế đang làm việc (quản trị hệ thống)', body: Type.Object({ tenantId: uuid('Sở Y tế') }), response: withErrors({ 200: Ok }) },
    config: { authz: 'tenant.manage' },
  }, async (req) => {
    await switchTenant(database.db, req.session!, (req.body as { tenantId: string }).tenantId, auditActor(req, null));
    return { ok: true as const };
  });

  app.post('/api/auth/password', {
    schema: {
      tags: ['auth'], summary: 'Đổi mật khẩu của mình',
      body: Type.Object({ currentPassword: text('Mật khẩu hiện tại', { min: 1, max: 200 }), newPassword: text('Mật khẩu mới', { min: 1, max: 200 }) }),
      response: withErrors({ 200: Ok }),
    },
    config: { authz: 'authenticated' },
  }, async (req) => {
    if (!req.session) throw errors.unauthenticated();
    await changeOwnPassword(database.db, req.session, req.body as { currentPassword: string; newPassword: string }, auditActor(req, null));
    return { ok: true as const };
  });
}
