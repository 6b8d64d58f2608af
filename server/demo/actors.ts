// The demo makes its workflows through the same services as the screens, each step by the demo account that
// would take it, in the tenant and as the application role, with the audit events a request would record.
import { eq, sql } from 'drizzle-orm';
import type { Grant, Role } from '../../core/auth/policy.ts';
import type { Tx } from '../db/client.ts';
import { orgUnits, roleGrants, users } from '../db/schema/index.ts';
import type { CurrentUser, Mutation } from '../http/request.ts';
import { appendAudit, type AuditInput } from '../modules/audit/service.ts';

export type As = <T>(username: string, fn: (m: Mutation) => Promise<T>) => Promise<T>;

/** Runs `fn` inside the tenant as the application role; the seed's transaction returns to the owner after. */
export async function asTenant<T>(tx: Tx, tenantId: string, fn: (as: As) => Promise<T>): Promise<T> {
  await tx.execute(sql`SELECT set_config('kehoach.tenant_id', ${tenantId}, true), set_config('role', 'kehoach_app', true)`);
  const actors = await actorsOf(tx, tenantId);
  const as: As = async (username, step) => {
    const user = actors.get(username);
    if (!user) throw new Error(`demo: no account ${username}`);
    const events: AuditInput[] = [];
    const result = await step({ tx, user, tenantId, audit: async (e) => { events.push(e); } });
    await appendAudit(tx, { tenantId, actorId: user.id, actorName: `${user.displayName} (${user.username})`, requestId: 'demo-seed', ip: '' }, ...events);
    return result;
  };
  const result = await fn(as);
  await tx.execute(sql`SELECT set_config('role', 'none', true), set_config('kehoach.tenant_id', '', true)`);
  return result;
}

async function actorsOf(tx: Tx, tenantId: string): Promise<Map<string, CurrentUser>> {
  const rows = await tx.select({ user: users, grant: roleGrants, path: orgUnits.path }).from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id)).innerJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId)).where(eq(users.tenantId, tenantId));
  const out = new Map<string, CurrentUser>();
  for (const r of rows) {
    const u = out.get(r.user.username) ?? { id: r.user.id, username: r.user.username, displayName: r.user.displayName, isSystemAdmin: false, grants: [] as Grant[] };
    out.set(r.user.username, { ...u, grants: [...u.grants, { role: r.grant.role as Role, unitId: r.grant.unitId, unitPath: r.path }] });
  }
  return out;
}
