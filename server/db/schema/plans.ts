import { sql } from 'drizzle-orm';
import {
  bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { Cadence, Schedule } from '../../../core/schedule/types.ts';
import type { PlanStatus, ProgressState, TaskUnitRole } from '../../../core/plans/status.ts';
import { users } from './auth.ts';
import { createdAt, id, tenantId, tenantIsolation, updatedAt } from './common.ts';
import { orgUnits, tenants } from './org.ts';

/** A plan (Kế hoạch) as signed: header, period, and the plans it implements or replaces. */
export const plans = pgTable('plans', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  /** The division or unit that owns the plan: it edits it and is told when its tasks run late. */
  ownerUnitId: uuid('owner_unit_id').notNull().references(() => orgUnits.id),
  /** Số/ký hiệu, e.g. "3764/KH-SYT"; empty in drafts ("Số: /KH-SYT"). */
  number: text('number').notNull().default(''),
  issuer: text('issuer').notNull(),
  /** The body above the issuer in the header block, e.g. "UBND THÀNH PHỐ HÀ NỘI". */
  issuerParent: text('issuer_parent').notNull().default(''),
  place: text('place').notNull().default(''),
  issuedOn: date('issued_on'),
  title: text('title').notNull(),
  signer: text('signer').notNull().default(''),
  /** Signing capacity: "GIÁM ĐỐC", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC". */
  signerTitle: text('signer_title').notNull().default(''),
  legalBases: text('legal_bases').array().notNull().default(sql`'{}'::text[]`),
  /** The plan this one implements, when it is in kehoach; otherwise `parentReference` says which. */
  parentPlanId: uuid('parent_plan_id').references((): AnyPgColumn => plans.id),
  parentReference: text('parent_reference').notNull().default(''),
  replacesPlanId: uuid('replaces_plan_id').references((): AnyPgColumn => plans.id),
  replacesReference: text('replaces_reference').notNull().default(''),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  status: text('status').$type<PlanStatus>().notNull().default('draft'),
  /** How often "Thường xuyên" tasks are checked in on. */
  checkinCadence: text('checkin_cadence').$type<Cadence>().notNull().default('quarterly'),
  /** Days after an event ("Sau khi Kế hoạch được ban hành") that a task falls due. */
  eventDays: integer('event_days').notNull().default(30),
  searchText: text('search_text').notNull(),
  /** The signed document the plan was imported from, kept as evidence. */
  sourceFileId: uuid('source_file_id').references((): AnyPgColumn => files.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('plans_tenant_period').on(t.tenantId, t.periodStart),
  index('plans_owner').on(t.ownerUnitId),
  index('plans_parent').on(t.parentPlanId),
  tenantIsolation(),
]).enableRLS();

/** Roman-numeral groups of the appendix ("I. NÂNG CAO NHẬN THỨC …"). */
export const planSections = pgTable('plan_sections', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  code: text('code').notNull().default(''),
  title: text('title').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
}, (t) => [index('plan_sections_plan').on(t.planId), tenantIsolation()]).enableRLS();

/** A row of the appendix: what to do, who leads, by when (as written and as understood), what it yields. */
export const tasks = pgTable('tasks', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  sectionId: uuid('section_id').references(() => planSections.id, { onDelete: 'set null' }),
  /** STT as written: "01", "1.", "13". */
  number: text('number').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  content: text('content').notNull(),
  product: text('product').notNull().default(''),
  note: text('note').notNull().default(''),
  /** Lead and coordinating units as written ("Các phòng thuộc Sở; các đơn vị trực thuộc"); the resolved units are in task_units. */
  leadText: text('lead_text').notNull().default(''),
  coordinatorText: text('coordinator_text').notNull().default(''),
  deadlineText: text('deadline_text').notNull().default(''),
  schedule: jsonb('schedule').$type<Schedule>().notNull(),
  scheduleKind: text('schedule_kind').notNull(),
  /** A person set or confirmed the schedule; until then a low-confidence parse is flagged. */
  scheduleReviewed: boolean('schedule_reviewed').notNull().default(false),
  /** Cascade: the department plan's task this unit task implements. */
  parentTaskId: uuid('parent_task_id').references((): AnyPgColumn => tasks.id, { onDelete: 'set null' }),
  searchText: text('search_text').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('tasks_plan').on(t.planId, t.sortOrder),
  index('tasks_parent').on(t.parentTaskId),
  tenantIsolation(),
]).enableRLS();

export const taskUnits = pgTable('task_units', {
  tenantId: tenantId().references(() => tenants.id),
  taskId: uuid('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  role: text('role').$type<TaskUnitRole>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.taskId, t.unitId, t.role] }),
  index('task_units_unit').on(t.tenantId, t.unitId),
  tenantIsolation(),
]).enableRLS();

/**
 * One period of a task for one lead unit ("Tháng 7/2026" of the monthly list, for Bệnh viện Xanh Pôn).
 * Its status is computed from the dates whenever it is read, never stored.
 */
export const occurrences = pgTable('occurrences', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  taskId: uuid('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  periodKey: text('period_key').notNull(),
  label: text('label').notNull(),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  /** Null while nobody has set a date (directive and event tasks). */
  dueOn: date('due_on'),
  percent: integer('percent').notNull().default(0),
  state: text('state').$type<ProgressState>().notNull().default('open'),
  completedOn: date('completed_on'),
  lastUpdateAt: timestamp('last_update_at', { withTimezone: true, mode: 'date' }),
  /** Set by a person (a date fixed for a directive, an event recorded), so regeneration keeps it. */
  manual: boolean('manual').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [
  unique('occurrences_period').on(t.taskId, t.unitId, t.periodKey),
  // "My unit's tasks this month" and the unit's calendar.
  // Completion and plan in the key too: a unit page's tab counts over a year of a hospital's 15,000 periods are
  // read from the index alone (600 ms with heap fetches, 25 ms without, on province data).
  index('occurrences_unit_due').on(t.tenantId, t.unitId, t.dueOn, t.completedOn, t.planId),
  // Leadership's overdue and due-soon lists: open occurrences in (due date, id) order, so the first
  // hundred are read from the index without sorting a province's hundred thousand open periods.
  index('occurrences_open_due').on(t.tenantId, t.dueOn, t.id).where(sql`${t.completedOn} IS NULL`),
  index('occurrences_task').on(t.taskId),
  index('occurrences_plan').on(t.planId),
  tenantIsolation(),
]).enableRLS();

/** What a unit reported on an occurrence, newest last; the occurrence keeps the latest state. */
export const progressUpdates = pgTable('progress_updates', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  occurrenceId: uuid('occurrence_id').notNull().references(() => occurrences.id, { onDelete: 'cascade' }),
  authorId: uuid('author_id').references(() => users.id),
  authorName: text('author_name').notNull(),
  state: text('state').$type<ProgressState>().notNull(),
  percent: integer('percent').notNull(),
  note: text('note').notNull().default(''),
  completedOn: date('completed_on'),
  createdAt: createdAt(),
}, (t) => [index('progress_updates_occurrence').on(t.occurrenceId, t.createdAt), tenantIsolation()]).enableRLS();

/** Uploaded files, one row per content (sha256) per tenant; the bytes live once on disk under that hash. */
export const files = pgTable('files', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  sha256: text('sha256').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  name: text('name').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [unique('files_content').on(t.tenantId, t.sha256), tenantIsolation()]).enableRLS();

/** A file attached as evidence to a progress update. */
export const evidence = pgTable('evidence', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  occurrenceId: uuid('occurrence_id').notNull().references(() => occurrences.id, { onDelete: 'cascade' }),
  progressUpdateId: uuid('progress_update_id').notNull().references(() => progressUpdates.id, { onDelete: 'cascade' }),
  fileId: uuid('file_id').notNull().references(() => files.id),
  /** The name it was uploaded under this time (the same content may carry several names). */
  name: text('name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('evidence_occurrence').on(t.occurrenceId), index('evidence_file').on(t.fileId), tenantIsolation()]).enableRLS();

/**
 * Occurrence counts kept current by triggers on occurrences and plans (migration 0006), in the same
 * transaction as the change, so that leadership's overview of a province's million periods reads a few
 * thousand rows. Open periods are kept per due date (`bucket`), because whether one is overdue depends on
 * the day it is read; done periods, and open ones without a date, sit in the 'infinity' bucket.
 */
const countColumns = () => ({
  openStarted: integer('open_started').notNull().default(0),
  openFresh: integer('open_fresh').notNull().default(0),
  doneOnTime: integer('done_on_time').notNull().default(0),
  doneLate: integer('done_late').notNull().default(0),
});

/** Per lead unit, over active plans only (a plan that stops being active takes its periods out). */
export const unitOccurrenceCounts = pgTable('unit_occurrence_counts', {
  tenantId: tenantId().references(() => tenants.id),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  bucket: date('bucket').notNull(),
  ...countColumns(),
}, (t) => [primaryKey({ columns: [t.unitId, t.bucket] }), index('unit_occurrence_counts_tenant').on(t.tenantId), tenantIsolation()]).enableRLS();

/** Per plan, whatever its status. */
export const planOccurrenceCounts = pgTable('plan_occurrence_counts', {
  tenantId: tenantId().references(() => tenants.id),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  bucket: date('bucket').notNull(),
  ...countColumns(),
}, (t) => [primaryKey({ columns: [t.planId, t.bucket] }), index('plan_occurrence_counts_tenant').on(t.tenantId), tenantIsolation()]).enableRLS();
