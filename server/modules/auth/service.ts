// Log-in, log-out, switching tenant and changing one's password.
import { and, eq, sql } from 'drizzle-orm';
import { failureDelayMs, lockedMessage, lockUntil } from '../../../core/auth/throttle.ts';
import { cleanText, sortVi } from '../../../core/text/vietnamese.ts';
import type { Db } from '../../db/client.ts';
import { withSystem } from '../../db/context.ts';
import { loginThrottle, sessions, tenants, users } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import { appendAudit, type AuditActor } from '../audit/service.ts';
import { dummyHash, hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.ts';
import { createSession, deleteSession, purgeExpired, type LoadedSession } from './sessions.ts';

export interface LoginOptions {
  /** Multiplies the slow-down delay; tests set it to 0. */
  delayScale: number;
  sleep?: (ms: number) => Promise<void>;
}

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';

export async function login(db: Db, input: { username: string; password: string }, who: Omit<AuditActor, 'tenantId' | 'actorId' | 'actorName'>, opts: LoginOptions) {
  const username = cleanText(input.username).toLowerCase();
  const now = new Date();
  const outcome = await withSystem(db, async (tx) => {
    const [throttle] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, username)).for('update');
    if (throttle?.lockedUntil && throttle.lockedUntil > now) return { kind: 'locked' as const, until: throttle.lockedUntil };
    const [user] = await tx.select().from(users).where(eq(users.username, username));
    const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummyHash(), input.password), false);
    if (!ok || !user?.active) {
      const failures = throttle && !throttle.lockedUntil ? throttle.failures + 1 : 1;
      const until = lockUntil(failures, now);
      await tx.insert(loginThrottle).values({ key: username, failures, lastFailureAt: now, lockedUntil: until })
        .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, lastFailureAt: now, lockedUntil: until } });
      await appendAudit(tx, { ...who, tenantId: user?.tenantId ?? null, actorId: user?.id ?? null, actorName: username }, {
        action: until ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: user?.id ?? username,
        summary: until ? `Khóa tạm thời sau ${failures} lần sai mật khẩu` : `Đăng nhập sai lần ${failures}`,
      });
      return { kind: 'failed' as const, failures, until };
    }
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, username));
    // The system administrator starts in the first tenant by name; others in their own.
    const tenantId = user.tenantId ?? sortVi(await tx.select().from(tenants), (t) => t.name)[0]?.id ?? null;
    await purgeExpired(tx); // log-ins are rare enough to carry the clean-up of old sessions
    const session = await createSession(tx, user.id, tenantId);
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await appendAudit(tx, { ...who, tenantId: user.tenantId, actorId: user.id, actorName: `${user.displayName} (${user.username})` }, {
      action: 'auth.login', entityType: 'user', entityId: user.id, summary: 'Đăng nhập',
    });
    return { kind: 'ok' as const, session };
  });
  if (outcome.kind === 'locked') throw errors.locked(lockedMessage(outcome.until, now));
  if (outcome.kind === 'failed') {
    if (outcome.until) throw errors.locked(lockedMessage(outcome.until, now));
    const delay = failureDelayMs(outcome.failures) * opts.delayScale;
    if (delay > 0) await (opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(delay);
    throw errors.unauthenticated(WRONG);
  }
  return outcome.session;
}

export async function logout(db: Db, session: LoadedSession, who: AuditActor) {
  await withSystem(db, async (tx) => {
    await deleteSession(tx, session.id);
    await appendAudit(tx, { ...who, tenantId: session.user.homeTenantId }, { action: 'auth.logout', entityType: 'user', entityId: session.user.id, summary: 'Đăng xuất' });
  });
}

/** Only the system administrator works across tenants. */
export async function switchTenant(db: Db, session: LoadedSession, tenantId: string, who: AuditActor) {
  if (!session.user.isSystemAdmin) throw errors.forbidden();
  await withSystem(db, async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
    if (!tenant) throw errors.notFound('Sở Y tế');
    await tx.execute(sql`UPDATE sessions SET tenant_id = ${tenantId} WHERE id = ${session.id}`);
    await appendAudit(tx, { ...who, tenantId: null }, { action: 'auth.switch_tenant', entityType: 'tenant', entityId: tenantId, summary: `Chuyển sang làm việc tại ${tenant.name}` });
  });
}

export async function changeOwnPassword(db: Db, session: LoadedSession, input: { currentPassword: string; newPassword: string }, who: AuditActor) {
  validateNewPassword(input.newPassword, 'newPassword');
  await withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, session.user.id));
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw errors.field('currentPassword', 'Mật khẩu hiện tại không đúng.');
    // Every other session of the user ends; the one that changed the password goes on as if begun now.
    // (now() is the transaction's time: both stamps are equal, so this session is not older than the change.)
    await tx.update(users).set({ passwordHash: await hashPassword(input.newPassword), passwordChangedAt: sql`now()` }).where(and(eq(users.id, user.id)));
    await tx.update(sessions).set({ createdAt: sql`now()` }).where(eq(sessions.id, session.id));
    await appendAudit(tx, { ...who, tenantId: user.tenantId }, { action: 'auth.password_change', entityType: 'user', entityId: user.id, summary: 'Đổi mật khẩu' });
  });
}

export function validateNewPassword(password: string, field: string) {
  if (password.length < PASSWORD_MIN_LENGTH) throw errors.field(field, `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`);
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) throw errors.field(field, 'Mật khẩu phải có cả chữ và số.');
}
