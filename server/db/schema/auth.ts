import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../../core/auth/policy.ts';
import { createdAt, id, tenantId, tenantIsolation } from './common.ts';
import { orgUnits, people, tenants } from './org.ts';

export const users = pgTable('users', {
  id: id(),
  /** Null for the deployment's system administrator, who belongs to no tenant. */
  tenantId: uuid('tenant_id').references(() => tenants.id),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  personId: uuid('person_id').references(() => people.id),
  isSystemAdmin: boolean('is_system_admin').notNull().default(false),
  active: boolean('active').notNull().default(true),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  /** Sessions begun before it are over: a new password ends every other log-in, wherever it was made. */
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  createdAt: createdAt(),
}, () => [tenantIsolation()]).enableRLS();

export const roleGrants = pgTable('role_grants', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role').$type<Role>().notNull(),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  createdAt: createdAt(),
}, (t) => [unique('role_grants_once').on(t.userId, t.role, t.unitId), index('role_grants_user').on(t.userId), tenantIsolation()]).enableRLS();

/**
 * Log-in sessions. Read before a tenant is known, so not row-secured; only the auth module
 * touches this table, in system transactions. The token itself is never stored, only its hash.
 */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tenantId: uuid('tenant_id').references(() => tenants.id),
  csrfToken: text('csrf_token').notNull(),
  createdAt: createdAt(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user').on(t.userId)]);

/** Failed log-ins per user name (known or not, so that probing names reveals nothing). */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
