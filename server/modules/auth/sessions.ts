// Sessions: a random token in an httpOnly cookie, its hash in the database, an idle timeout.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Grant } from '../../../core/auth/policy.ts';
import type { Tx } from '../../db/client.ts';
import { orgUnits, roleGrants, sessions, users } from '../../db/schema/index.ts';

export const SESSION_COOKIE = 'kehoach_session';
const ABSOLUTE_HOURS = 12;
/** last_seen_at is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  homeTenantId: string | null;
  isSystemAdmin: boolean;
  grants: Grant[];
}

export interface LoadedSession {
  id: string;
  csrfToken: string;
  tenantId: string | null;
  user: SessionUser;
}

export async function createSession(tx: Tx, userId: string, tenantId: string | null) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ABSOLUTE_HOURS * 3600_000);
  await tx.insert(sessions).values({ id: tokenHash(token), userId, tenantId, csrfToken, expiresAt });
  return { token, csrfToken };
}

/** Grants of a user, with the path of each granted unit (inactive units grant nothing). */
export async function loadGrants(tx: Tx, userId: string): Promise<Grant[]> {
  const rows = await tx
    .select({ role: roleGrants.role, unitId: roleGrants.unitId, unitPath: orgUnits.path })
    .from(roleGrants)
    .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId))
    .where(and(eq(roleGrants.userId, userId), eq(orgUnits.active, true)));
  return rows;
}

/** The session for a cookie token, or null when unknown, expired or idle too long (then it is removed). */
export async function loadSession(tx: Tx, token: string, idleMinutes: number): Promise<LoadedSession | null> {
  const id = tokenHash(token);
  const [row] = await tx
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const now = Date.now();
  const idleFor = now - row.s.lastSeenAt.getTime();
  const superseded = !!row.u.passwordChangedAt && row.s.createdAt < row.u.passwordChangedAt;
  if (!row.u.active || superseded || row.s.expiresAt.getTime() <= now || idleFor > idleMinutes * 60_000) {
    await tx.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (idleFor > TOUCH_EVERY_MS) await tx.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
  return {
    id,
    csrfToken: row.s.csrfToken,
    tenantId: row.s.tenantId,
    user: {
      id: row.u.id,
      username: row.u.username,
      displayName: row.u.displayName,
      homeTenantId: row.u.tenantId,
      isSystemAdmin: row.u.isSystemAdmin,
      grants: await loadGrants(tx, row.u.id),
    },
  };
}

export async function deleteSession(tx: Tx, id: string) {
  await tx.delete(sessions).where(eq(sessions.id, id));
}

/** Removes expired sessions; called now and then so the table does not grow forever. */
export async function purgeExpired(tx: Tx) {
  await tx.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}

