// The support allowance of Resolution 07/2026/NQ-HĐND (seed 000): the policy's versions, assignment decisions,
// monthly ratings, other benefits (for the duplicate check), and each paying unit's monthly list with its lines
// and history. Money is whole đồng in bigint; a line's amount is negative only for a recovery (thu hồi).
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Category, PartialMonthRule, Rating, Reason } from '../../../core/allowance/types.ts';
import type { ListStatus } from '../../../core/allowance/workflow.ts';
import { users } from './auth.ts';
import { createdAt, id, tenantId, tenantIsolation, updatedAt } from './common.ts';
import { orgUnits, people, tenants } from './org.ts';
import { files, tasks } from './plans.ts';

/** A version of the policy; a version once used by a list is never edited, a change is a new version. */
export const allowancePolicies = pgTable('allowance_policies', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  version: integer('version').notNull(),
  effectiveFrom: date('effective_from').notNull(),
  effectiveTo: date('effective_to'),
  rateFullTime: bigint('rate_full_time', { mode: 'number' }).notNull(),
  ratePartTime: bigint('rate_part_time', { mode: 'number' }).notNull(),
  minRating: text('min_rating').$type<Rating>().notNull(),
  partialMonth: text('partial_month').$type<PartialMonthRule>().notNull(),
  /** The amounts are examples, not the city's: every screen and document showing them says so. */
  isExample: boolean('is_example').notNull().default(false),
  legalBasis: text('legal_basis').notNull().default(''),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [unique('allowance_policies_version').on(t.tenantId, t.version), tenantIsolation()]).enableRLS();

/** An assignment decision: rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm đầu ra. */
export const allowanceAssignments = pgTable('allowance_assignments', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  /** The paying unit (the Sở for its own staff, or a subordinate unit). */
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  personId: uuid('person_id').notNull().references(() => people.id),
  decisionNo: text('decision_no').notNull(),
  decisionDate: date('decision_date').notNull(),
  signer: text('signer').notNull().default(''),
  /** Rõ việc: the task as the decision writes it. */
  task: text('task').notNull(),
  /** The kehoach task it serves, when there is one. */
  taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
  /** Rõ sản phẩm đầu ra. */
  output: text('output').notNull(),
  category: text('category').$type<Category>().notNull(),
  /** The approved job position (vị trí việc làm) the task belongs to. */
  jobPosition: text('job_position').notNull(),
  startOn: date('start_on').notNull(),
  endOn: date('end_on'),
  /** Stopped early because the person no longer qualifies: the last day paid, and why. */
  stoppedOn: date('stopped_on'),
  stopReason: text('stop_reason').notNull().default(''),
  fileId: uuid('file_id').references(() => files.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('allowance_assignments_unit').on(t.tenantId, t.unitId), index('allowance_assignments_person').on(t.personId), tenantIsolation()]).enableRLS();

/** A person's monthly rating (kết quả đánh giá, xếp loại hằng tháng). */
export const allowanceRatings = pgTable('allowance_ratings', {
  tenantId: tenantId().references(() => tenants.id),
  personId: uuid('person_id').notNull().references(() => people.id),
  month: text('month').notNull(),
  rating: text('rating').$type<Rating>().notNull(),
  note: text('note').notNull().default(''),
  enteredBy: uuid('entered_by').references(() => users.id),
  enteredByName: text('entered_by_name').notNull(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.personId, t.month] }), tenantIsolation()]).enableRLS();

/** Another support the person receives; one for the same work makes the Resolution's support not due. */
export const allowanceOtherBenefits = pgTable('allowance_other_benefits', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  personId: uuid('person_id').notNull().references(() => people.id),
  name: text('name').notNull(),
  basis: text('basis').notNull().default(''),
  startOn: date('start_on').notNull(),
  endOn: date('end_on'),
  sameWork: boolean('same_work').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('allowance_other_benefits_person').on(t.personId), tenantIsolation()]).enableRLS();

/** A paying unit's list for one month and where it is in its workflow. */
export const allowanceLists = pgTable('allowance_lists', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  month: text('month').notNull(),
  status: text('status').$type<ListStatus>().notNull().default('draft'),
  policyId: uuid('policy_id').references(() => allowancePolicies.id),
  /** Bumped on every change; a step carrying an older version is refused, so two approvers cannot both win. */
  version: integer('version').notNull().default(1),
  proposedBy: uuid('proposed_by').references(() => users.id),
  proposedAt: timestamp('proposed_at', { withTimezone: true, mode: 'date' }),
  approvedBy: uuid('approved_by').references(() => users.id),
  approvedByName: text('approved_by_name').notNull().default(''),
  approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
  /** The number of the approval decision (quyết định phê duyệt danh sách), when the unit issues one. */
  decisionNo: text('decision_no').notNull().default(''),
  reviewComment: text('review_comment').notNull().default(''),
  payPeriod: text('pay_period').notNull().default(''),
  paidOn: date('paid_on'),
  paidAmount: bigint('paid_amount', { mode: 'number' }),
  paidBy: uuid('paid_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [unique('allowance_lists_month').on(t.unitId, t.month), index('allowance_lists_tenant_month').on(t.tenantId, t.month), tenantIsolation()]).enableRLS();

export type LineKind = 'regular' | 'adjustment';

/** One person on a list: the month's support, or an adjustment of an earlier paid month. */
export const allowanceLines = pgTable('allowance_lines', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  listId: uuid('list_id').notNull().references(() => allowanceLists.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id),
  kind: text('kind').$type<LineKind>().notNull(),
  /** The month the money is for: the list's month, or the earlier month an adjustment corrects. */
  forMonth: text('for_month').notNull(),
  /** As the person was when the list was made, so a later rename does not rewrite a paid list. */
  personName: text('person_name').notNull(),
  personTitle: text('person_title').notNull().default(''),
  unitName: text('unit_name').notNull().default(''),
  assignmentId: uuid('assignment_id').references(() => allowanceAssignments.id),
  decisionNo: text('decision_no').notNull().default(''),
  category: text('category').$type<Category>(),
  rating: text('rating').$type<Rating>(),
  rate: bigint('rate', { mode: 'number' }).notNull().default(0),
  daysCovered: integer('days_covered').notNull().default(0),
  daysInMonth: integer('days_in_month').notNull().default(0),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  /** What the engine decided, kept beside what the people decided. */
  engineEligible: boolean('engine_eligible').notNull(),
  reasons: jsonb('reasons').$type<Reason[]>().notNull().default([]),
  included: boolean('included').notNull(),
  /** Why IT excluded a person the engine found eligible, or added one it did not. */
  manualReason: text('manual_reason').notNull().default(''),
  note: text('note').notNull().default(''),
  createdAt: createdAt(),
}, (t) => [
  unique('allowance_lines_once').on(t.listId, t.personId, t.kind, t.forMonth),
  index('allowance_lines_person').on(t.tenantId, t.personId, t.forMonth),
  tenantIsolation(),
]).enableRLS();

/** The list's history: generated, excluded, added, proposed, returned with a comment, approved, paid. */
export const allowanceListEvents = pgTable('allowance_list_events', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  listId: uuid('list_id').notNull().references(() => allowanceLists.id, { onDelete: 'cascade' }),
  action: text('action').notNull(),
  comment: text('comment').notNull().default(''),
  actorId: uuid('actor_id').references(() => users.id),
  actorName: text('actor_name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('allowance_list_events_list').on(t.listId, t.createdAt), tenantIsolation()]).enableRLS();

/** A paying unit's yearly budget (dự toán): the reward fund beside the allowance estimated from assignments. */
export const allowanceBudgets = pgTable('allowance_budgets', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  year: integer('year').notNull(),
  rewardFund: bigint('reward_fund', { mode: 'number' }).notNull().default(0),
  note: text('note').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [unique('allowance_budgets_year').on(t.unitId, t.year), tenantIsolation()]).enableRLS();

/** An adjustment of the budget (điều chỉnh dự toán), never edited: a correction is another adjustment. */
export const allowanceBudgetAdjustments = pgTable('allowance_budget_adjustments', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  budgetId: uuid('budget_id').notNull().references(() => allowanceBudgets.id, { onDelete: 'cascade' }),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  reason: text('reason').notNull(),
  decisionNo: text('decision_no').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id),
  createdByName: text('created_by_name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('allowance_budget_adjustments_budget').on(t.budgetId), tenantIsolation()]).enableRLS();

/** Like the report reminders' claims: whoever inserts first sends the reminder, so it goes out once. */
export const allowanceReminderClaims = pgTable('allowance_reminder_claims', {
  tenantId: tenantId().references(() => tenants.id),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  month: text('month').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** "before-3" … "due", "overdue", "approve-v<version>". */
  kind: text('kind').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.unitId, t.month, t.userId, t.kind] }), tenantIsolation()]).enableRLS();
