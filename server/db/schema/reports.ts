import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { AdhocRequest, DueRule, PeriodType } from '../../../core/reports/periods.ts';
import type { ReportValues, SubmissionStatus, TemplateDef } from '../../../core/reports/template.ts';
import type { ConsolidationBody } from '../../../core/reports/consolidate.ts';
import { users } from './auth.ts';
import { createdAt, id, tenantId, tenantIsolation, updatedAt } from './common.ts';
import { planReportingDuties } from './imports.ts';
import { orgUnits, tenants } from './org.ts';
import { plans } from './plans.ts';

/**
 * A report form. Built-in forms (seed 000's semi-annual report) are copied into the tenant when first
 * used; editing a form that has submissions makes a new version, so old reports keep the form they were filled on.
 */
export const reportTemplates = pgTable('report_templates', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  builtinKey: text('builtin_key'),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  definition: jsonb('definition').$type<TemplateDef>().notNull(),
  version: integer('version').notNull().default(1),
  /** The older version this one supersedes. */
  previousId: uuid('previous_id'),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('report_templates_tenant').on(t.tenantId, t.builtinKey), tenantIsolation()]).enableRLS();

/** Who owes which report, how often, by when; reviewed by the owner division. */
export const reportSchedules = pgTable('report_schedules', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  templateId: uuid('template_id').notNull().references(() => reportTemplates.id),
  title: text('title').notNull(),
  /** The division that reviews and approves the units' reports and consolidates them. */
  ownerUnitId: uuid('owner_unit_id').notNull().references(() => orgUnits.id),
  planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
  reportingDutyId: uuid('reporting_duty_id').references(() => planReportingDuties.id, { onDelete: 'set null' }),
  periodType: text('period_type').$type<PeriodType>().notNull(),
  dueRule: jsonb('due_rule').$type<DueRule>().notNull(),
  graceDays: integer('grace_days').notNull().default(0),
  lockDays: integer('lock_days').notNull().default(30),
  adhoc: jsonb('adhoc').$type<AdhocRequest[]>().notNull().default([]),
  /** 'subordinates' = every active subordinate unit; 'list' = the units named; 'division' = one division. */
  assigneeMode: text('assignee_mode').$type<'subordinates' | 'list' | 'division'>().notNull(),
  assigneeUnitIds: uuid('assignee_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
  /** Periods before this date are not owed. */
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on'),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('report_schedules_tenant').on(t.tenantId, t.active), tenantIsolation()]).enableRLS();

/** One unit's report for one period of a schedule. */
export const reportSubmissions = pgTable('report_submissions', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  scheduleId: uuid('schedule_id').notNull().references(() => reportSchedules.id, { onDelete: 'cascade' }),
  templateId: uuid('template_id').notNull().references(() => reportTemplates.id),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  periodKey: text('period_key').notNull(),
  status: text('status').$type<SubmissionStatus>().notNull().default('draft'),
  values: jsonb('values').$type<ReportValues>().notNull().default({}),
  /** Why a value differs from the last period or from what kehoach suggested, by field key. */
  explanations: jsonb('explanations').$type<Record<string, string>>().notNull().default({}),
  /** What kehoach suggested when the draft was started, so a reviewer sees what the unit changed. */
  prefill: jsonb('prefill').$type<ReportValues>().notNull().default({}),
  /** The first submission: timeliness is judged by it, a later resubmission after a return does not make it late. */
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
  lastSubmittedAt: timestamp('last_submitted_at', { withTimezone: true, mode: 'date' }),
  onTime: boolean('on_time'),
  approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
  approvedBy: uuid('approved_by').references(() => users.id),
  reviewComment: text('review_comment').notNull().default(''),
  /** Bumped on every change; a save carrying an older version is refused instead of overwriting. */
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  unique('report_submissions_period').on(t.scheduleId, t.unitId, t.periodKey),
  index('report_submissions_schedule').on(t.tenantId, t.scheduleId, t.periodKey),
  index('report_submissions_unit').on(t.tenantId, t.unitId),
  tenantIsolation(),
]).enableRLS();

/** The history a unit and its reviewer see: saved, submitted, returned with a comment, approved, reopened. */
export const reportSubmissionEvents = pgTable('report_submission_events', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  submissionId: uuid('submission_id').notNull().references(() => reportSubmissions.id, { onDelete: 'cascade' }),
  action: text('action').notNull(),
  comment: text('comment').notNull().default(''),
  actorId: uuid('actor_id').references(() => users.id),
  actorName: text('actor_name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('report_submission_events_submission').on(t.submissionId, t.createdAt), tenantIsolation()]).enableRLS();

/** A locked period reopened for one unit, by whom, why, until when. */
export const reportLockExceptions = pgTable('report_lock_exceptions', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  scheduleId: uuid('schedule_id').notNull().references(() => reportSchedules.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  periodKey: text('period_key').notNull(),
  reason: text('reason').notNull(),
  expiresOn: date('expires_on').notNull(),
  grantedBy: uuid('granted_by').references(() => users.id),
  grantedByName: text('granted_by_name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('report_lock_exceptions_lookup').on(t.scheduleId, t.unitId, t.periodKey), tenantIsolation()]).enableRLS();

/** Like reminder_claims for tasks: whoever inserts first sends the reminder, so it goes out once. */
export const reportReminderClaims = pgTable('report_reminder_claims', {
  tenantId: tenantId().references(() => tenants.id),
  scheduleId: uuid('schedule_id').notNull().references(() => reportSchedules.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  periodKey: text('period_key').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** "before-7" … "due", "overdue", "escalation", "manual-<date>". */
  kind: text('kind').notNull(),
  dueOn: text('due_on').notNull(),
  createdAt: createdAt(),
}, (t) => [unique('report_reminder_claims_once').on(t.scheduleId, t.unitId, t.periodKey, t.userId, t.kind, t.dueOn), tenantIsolation()]).enableRLS();

/** The department's consolidated report of a period, drafted from the approved unit reports and edited by the officer. */
export const reportConsolidations = pgTable('report_consolidations', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  scheduleId: uuid('schedule_id').notNull().references(() => reportSchedules.id, { onDelete: 'cascade' }),
  periodKey: text('period_key').notNull(),
  number: text('number').notNull().default(''),
  place: text('place').notNull().default(''),
  issuedOn: date('issued_on'),
  title: text('title').notNull(),
  body: jsonb('body').$type<ConsolidationBody>().notNull(),
  recipients: text('recipients').array().notNull().default(sql`'{}'::text[]`),
  signerTitle: text('signer_title').notNull().default(''),
  signer: text('signer').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [unique('report_consolidations_period').on(t.scheduleId, t.periodKey), tenantIsolation()]).enableRLS();

export type ReportTemplateRow = typeof reportTemplates.$inferSelect;
export type ReportScheduleRow = typeof reportSchedules.$inferSelect;
export type ReportSubmissionRow = typeof reportSubmissions.$inferSelect;
