// First start of a database: the system administrator account, and the demo tenants when asked.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { withSystem } from './db/context.ts';
import { tenants, users } from './db/schema/index.ts';
import { seedDemo, DEMO_PASSWORD, type DemoLogin } from './demo/seed.ts';
import { appendAudit } from './modules/audit/service.ts';
import { hashPassword } from './modules/auth/passwords.ts';

export interface BootstrapResult {
  /** Set only when the administrator was created now with a generated password (printed once). */
  generatedAdminPassword?: string;
  adminCreated: boolean;
  demoLogins: DemoLogin[];
}

/** The administrator's first password (KEHOACH_ADMIN_PASSWORD or a generated one) and its argon2 hash. */
export interface AdminPassword {
  password: string;
  generated: boolean;
  hash: Promise<string>;
}

/**
 * Starts hashing the administrator's first password. Argon2 runs off the main thread but takes a few hundred
 * ms on a busy machine, so a start that expects a new database begins it while the database opens.
 */
export function hashAdminPassword(config: Pick<Config, 'adminPassword'>): AdminPassword {
  const password = config.adminPassword ?? randomBytes(9).toString('base64url');
  const hash = hashPassword(password);
  hash.catch(() => {}); // awaited by bootstrap when it creates the account, unused otherwise
  return { password, generated: !config.adminPassword, hash };
}

export async function bootstrap(
  database: Database, config: Pick<Config, 'adminPassword' | 'demo'> & { now?: () => Date; filesDir?: string }, early?: AdminPassword,
): Promise<BootstrapResult> {
  const result: BootstrapResult = { adminCreated: false, demoLogins: [] };
  await withSystem(database.db, async (tx) => {
    const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    if (!admin) {
      const { password, generated, hash } = early ?? hashAdminPassword(config);
      if (generated) result.generatedAdminPassword = password;
      const [row] = await tx.insert(users).values({
        username: 'admin', displayName: 'Quản trị hệ thống', passwordHash: await hash, isSystemAdmin: true,
      }).returning();
      await appendAudit(tx, { tenantId: null, actorId: null, actorName: 'Hệ thống', requestId: 'bootstrap', ip: '' }, {
        action: 'org.user.create', entityType: 'user', entityId: row.id, summary: 'Tạo tài khoản quản trị hệ thống', after: { username: 'admin' },
      });
      result.adminCreated = true;
    }
    const anyTenant = await tx.select({ id: tenants.id }).from(tenants).limit(1);
    if (config.demo && anyTenant.length === 0) result.demoLogins = await seedDemo(tx, config.now?.() ?? new Date(), config.filesDir);
  });
  return result;
}

export { DEMO_PASSWORD };
