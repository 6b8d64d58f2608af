import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { createdAt, id, tenantId, tenantIsolation } from './common.ts';
import { tenants } from './org.ts';
import { occurrences } from './plans.ts';

/** Settings of a tenant that its administrator may change. */
export const tenantSettings = pgTable('tenant_settings', {
  tenantId: uuid('tenant_id').primaryKey().references(() => tenants.id),
  /** Days before the due date on which reminders go out (0 = on the day). */
  reminderDays: integer('reminder_days').array().notNull().default(sql`'{7,3,1,0}'::integer[]`),
}, () => [tenantIsolation()]).enableRLS();

/** Per-user choices: e-mail on or off, one daily digest instead of separate mails. */
export const userPrefs = pgTable('user_prefs', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  tenantId: tenantId().references(() => tenants.id),
  emailEnabled: boolean('email_enabled').notNull().default(true),
  dailyDigest: boolean('daily_digest').notNull().default(false),
}, () => [tenantIsolation()]).enableRLS();

/** In-app notifications. */
export const notifications = pgTable('notifications', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  link: text('link').notNull().default(''),
  /** A task reminder's period; for a reminder grouping several periods, the first of them. */
  occurrenceId: uuid('occurrence_id').references(() => occurrences.id, { onDelete: 'cascade' }),
  /** How many task periods the reminder is about: one, or a group of the same unit, kind and due date. */
  itemCount: integer('item_count').notNull().default(1),
  createdAt: createdAt(),
  readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('notifications_user').on(t.userId, t.createdAt), tenantIsolation()]).enableRLS();

/**
 * The claim that a reminder was produced: the unique key makes two workers (or a restart) produce
 * each reminder once, because whoever inserts the row first owns it.
 */
export const reminderClaims = pgTable('reminder_claims', {
  tenantId: tenantId().references(() => tenants.id),
  occurrenceId: uuid('occurrence_id').notNull().references(() => occurrences.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** "before-7", "before-3", "before-1", "due", "overdue", "escalation". */
  kind: text('kind').notNull(),
  /** The due date the reminder was about: a moved due date earns new reminders. */
  dueOn: text('due_on').notNull(),
  createdAt: createdAt(),
}, (t) => [unique('reminder_claims_once').on(t.occurrenceId, t.userId, t.kind, t.dueOn), tenantIsolation()]).enableRLS();

/** E-mails waiting to go out; a worker leases a row, sends it, marks it sent. */
export const emailOutbox = pgTable('email_outbox', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  /** Stable Message-ID, so a resend after a crash is recognisably the same mail. */
  messageId: text('message_id').notNull().unique(),
  status: text('status').$type<'pending' | 'sent' | 'failed'>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  lastError: text('last_error').notNull().default(''),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
}, (t) => [index('email_outbox_pending').on(t.status, t.createdAt), tenantIsolation()]).enableRLS();

/** Secret calendar-feed tokens (only their hash is kept). */
export const calendarTokens = pgTable('calendar_tokens', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  tenantId: tenantId().references(() => tenants.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
}, () => [tenantIsolation()]).enableRLS();
