// The one mechanism that scopes every query to a tenant: each request's transaction runs as the
// non-owning role `kehoach_app` with `kehoach.tenant_id` set, and row-level security does the rest.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';

export async function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('kehoach.tenant_id', ${tenantId}, true), set_config('role', 'kehoach_app', true)`);
    return fn(tx);
  }, opts.readOnly ? { accessMode: 'read only' } : undefined);
}

/**
 * A transaction as the owner, outside any tenant. Only for what precedes or spans tenants:
 * log-in and sessions, the tenant list, the audit chain of system events, migrations and the demo seed.
 */
export async function withSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
