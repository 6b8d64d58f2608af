// What every handler gets: the signed-in actor, the tenant it works in, and transactions that
// are scoped to that tenant and (for changes) carry their audit event.
import type { FastifyRequest } from 'fastify';
import type { Action, Actor } from '../../core/auth/policy.ts';
import type { Config } from '../config.ts';
import type { Database, Tx } from '../db/client.ts';
import { withTenant } from '../db/context.ts';
import { appendAudit, type AuditActor, type AuditInput } from '../modules/audit/service.ts';
import type { LoadedSession } from '../modules/auth/sessions.ts';
import { AppError, errors } from './errors.ts';
import { markWrote, routeRead } from './routing.ts';
import { todayInVietnam } from '../../core/schedule/dates.ts';

/** How a route is authorised: open to all, to any signed-in user, or to holders of an action. */
export type RouteAuthz = 'public' | 'authenticated' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    authz?: RouteAuthz;
    /** The action over the whole Sở (a grant on the tenant's root unit), not somewhere in it: settings, rates, the audit log. */
    wholeTenant?: boolean;
  }
  interface FastifyInstance {
    kh: { database: Database; config: Config };
  }
  interface FastifyRequest {
    session: LoadedSession | null;
  }
}

export interface CurrentUser extends Actor {
  username: string;
  displayName: string;
}

export function currentUser(req: FastifyRequest): CurrentUser {
  const s = req.session;
  if (!s) throw errors.unauthenticated();
  return { id: s.user.id, username: s.user.username, displayName: s.user.displayName, isSystemAdmin: s.user.isSystemAdmin, grants: s.user.grants };
}

function tenantOf(req: FastifyRequest): string {
  const tenantId = req.session?.tenantId;
  if (!tenantId) throw new AppError(409, 'conflict', 'Vui lòng chọn Sở Y tế để làm việc.');
  return tenantId;
}

export function auditActor(req: FastifyRequest, tenantId: string | null): AuditActor {
  return {
    tenantId,
    actorId: req.session?.user.id ?? null,
    actorName: req.session ? `${req.session.user.displayName} (${req.session.user.username})` : 'Ẩn danh',
    requestId: String(req.id),
    ip: req.ip,
  };
}

/**
 * A transaction in the actor's tenant without an audit event. In a GET it is read-only on every engine, so what
 * passes the tests also runs on a read replica, where it goes when one is configured (http/routing.ts). Changing
 * requests may use it for the user's own rows (marking notifications read); those run on the primary.
 */
export function read<T>(req: FastifyRequest, fn: (tx: Tx, user: CurrentUser) => Promise<T>): Promise<T> {
  const user = currentUser(req);
  const tenantId = tenantOf(req);
  const readOnly = req.method === 'GET' || req.method === 'HEAD';
  return routeRead(req, (db) => withTenant(db, tenantId, (tx) => fn(tx, user), { readOnly }));
}

export interface Mutation {
  tx: Tx;
  user: CurrentUser;
  tenantId: string;
  audit(event: AuditInput): Promise<void>;
}

/**
 * A changing request: one transaction in the actor's tenant that must record at least one audit
 * event, so a change without its audit trail cannot commit.
 */
export async function mutate<T>(req: FastifyRequest, fn: (m: Mutation) => Promise<T>): Promise<T> {
  const user = currentUser(req);
  const tenantId = tenantOf(req);
  const result = await withTenant(req.server.kh.database.db, tenantId, async (tx) => {
    // Events are kept as the work goes and chained at its end: the chain's head is locked from the
    // append to the commit, so appending last keeps every other writer of the tenant waiting least.
    const events: AuditInput[] = [];
    const result = await fn({ tx, user, tenantId, audit: async (e) => { events.push(e); } });
    if (events.length === 0) throw new Error(`Mutation ${req.method} ${req.url} recorded no audit event`);
    await appendAudit(tx, auditActor(req, tenantId), ...events);
    return result;
  });
  markWrote(req);
  return result;
}

/** Today's date in Vietnam (yyyy-mm-dd) by the app's clock, which tests freeze. */
export function today(req: FastifyRequest): string {
  return todayInVietnam(req.server.kh.config.now());
}
