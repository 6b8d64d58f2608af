// Inspections (kiểm tra, giám sát) of seeds 000 and 004: a yearly plan for a subject with its units and coverage
// target, each inspection with its conclusion, findings, and the corrective actions findings give to units.
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ActionStatus, InspectionStatus } from '../../../core/inspections/rules.ts';
import { allowanceAssignments } from './allowance.ts';
import { users } from './auth.ts';
import { createdAt, id, tenantId, tenantIsolation, updatedAt } from './common.ts';
import { orgUnits, tenants } from './org.ts';
import { files, tasks } from './plans.ts';

export const inspectionPlans = pgTable('inspection_plans', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  year: integer('year').notNull(),
  /** "Kiểm tra công tác cải cách hành chính", "Kiểm tra thực hiện Nghị quyết 07/2026". */
  subject: text('subject').notNull(),
  /** The division that runs it (Phòng TCHC, Phòng QLBHYT&CNTT). */
  ownerUnitId: uuid('owner_unit_id').notNull().references(() => orgUnits.id),
  /** "tối thiểu 30% đơn vị thuộc Sở". */
  coverageTargetPct: integer('coverage_target_pct').notNull(),
  /** The plan task it carries out, when there is one ("Kiểm tra cải cách hành chính", seed 004 I.4). */
  taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
  basis: text('basis').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('inspection_plans_year').on(t.tenantId, t.year), tenantIsolation()]).enableRLS();

/** The units a plan schedules for inspection. */
export const inspectionPlanUnits = pgTable('inspection_plan_units', {
  tenantId: tenantId().references(() => tenants.id),
  planId: uuid('plan_id').notNull().references(() => inspectionPlans.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
}, (t) => [primaryKey({ columns: [t.planId, t.unitId] }), tenantIsolation()]).enableRLS();

export const inspections = pgTable('inspections', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  planId: uuid('plan_id').notNull().references(() => inspectionPlans.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  /** The team as the decision names it: head, members. */
  team: text('team').notNull(),
  startOn: date('start_on').notNull(),
  endOn: date('end_on').notNull(),
  scope: text('scope').notNull(),
  status: text('status').$type<InspectionStatus>().notNull().default('planned'),
  /** The conclusion (kết luận / thông báo kết luận): number, date, text, and the signed document. */
  conclusionNo: text('conclusion_no').notNull().default(''),
  conclusionDate: date('conclusion_date'),
  conclusion: text('conclusion').notNull().default(''),
  conclusionFileId: uuid('conclusion_file_id').references(() => files.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('inspections_plan').on(t.planId), index('inspections_unit').on(t.tenantId, t.unitId), tenantIsolation()]).enableRLS();

export const inspectionFindings = pgTable('inspection_findings', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  inspectionId: uuid('inspection_id').notNull().references(() => inspections.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  createdAt: createdAt(),
}, (t) => [index('inspection_findings_inspection').on(t.inspectionId), tenantIsolation()]).enableRLS();

/**
 * What a finding asks a unit to do, by when, tracked like a task; the inspector closes it. When the finding is a
 * person who no longer qualifies for the allowance (seed 000 II.5), it points at the assignment whose payment must
 * stop — a link, not a copy: the stop is made in the allowance and read from there.
 */
export const correctiveActions = pgTable('corrective_actions', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  findingId: uuid('finding_id').notNull().references(() => inspectionFindings.id, { onDelete: 'cascade' }),
  responsibleUnitId: uuid('responsible_unit_id').notNull().references(() => orgUnits.id),
  description: text('description').notNull(),
  dueOn: date('due_on').notNull(),
  status: text('status').$type<ActionStatus>().notNull().default('open'),
  assignmentId: uuid('assignment_id').references(() => allowanceAssignments.id),
  reportNote: text('report_note').notNull().default(''),
  reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }),
  reportedByName: text('reported_by_name').notNull().default(''),
  closeNote: text('close_note').notNull().default(''),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  closedByName: text('closed_by_name').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('corrective_actions_unit').on(t.tenantId, t.responsibleUnitId, t.status), index('corrective_actions_finding').on(t.findingId), tenantIsolation()]).enableRLS();

/** Evidence of a correction, attached when the unit reports it. */
export const correctiveActionFiles = pgTable('corrective_action_files', {
  tenantId: tenantId().references(() => tenants.id),
  actionId: uuid('action_id').notNull().references(() => correctiveActions.id, { onDelete: 'cascade' }),
  fileId: uuid('file_id').notNull().references(() => files.id),
  name: text('name').notNull(),
}, (t) => [index('corrective_action_files_action').on(t.actionId), tenantIsolation()]).enableRLS();

/** Like the other reminders' claims: whoever inserts first sends the reminder, so it goes out once. */
export const correctiveActionReminderClaims = pgTable('corrective_action_reminder_claims', {
  tenantId: tenantId().references(() => tenants.id),
  actionId: uuid('action_id').notNull().references(() => correctiveActions.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** "before-3" … "due", "overdue". */
  kind: text('kind').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.actionId, t.userId, t.kind] }), tenantIsolation()]).enableRLS();
