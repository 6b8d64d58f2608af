import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The role every request's transaction runs as; created by the first (custom) migration. */
export const appRole = pgRole('kehoach_app').existing();

/** The tenant of the current transaction, set by `withTenant`; empty (so nothing matches) when unset. */
export const currentTenant = sql`nullif(current_setting('kehoach.tenant_id', true), '')::uuid`;

/** Row-level security: the app role sees and writes only rows of the current tenant. */
export const tenantIsolation = (column = sql`tenant_id`) =>
  pgPolicy('tenant_isolation', { as: 'permissive', to: appRole, for: 'all', using: sql`${column} = ${currentTenant}`, withCheck: sql`${column} = ${currentTenant}` });

export const id = () => uuid('id').primaryKey().defaultRandom();
export const tenantId = () => uuid('tenant_id').notNull();
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
