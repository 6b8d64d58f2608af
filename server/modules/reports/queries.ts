// Queries of the reports capability. Tenant scoping comes from row-level security on the transaction.
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { ScheduleRule } from '../../../core/reports/periods.ts';
import { compareVi } from '../../../core/text/vietnamese.ts';
import { rowsOf, type Tx } from '../../db/client.ts';
import { orgUnits, reportLockExceptions, reportSchedules, reportSubmissions, reportTemplates, type ReportScheduleRow, type ReportSubmissionRow, type ReportTemplateRow } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { UnitRow } from '../org/queries.ts';

export async function scheduleOr404(tx: Tx, id: string): Promise<ReportScheduleRow> {
  const [row] = await tx.select().from(reportSchedules).where(eq(reportSchedules.id, id));
  if (!row) throw errors.notFound('lịch báo cáo');
  return row;
}

export async function templateOr404(tx: Tx, id: string): Promise<ReportTemplateRow> {
  const [row] = await tx.select().from(reportTemplates).where(eq(reportTemplates.id, id));
  if (!row) throw errors.notFound('biểu mẫu báo cáo');
  return row;
}

export async function submissionOr404(tx: Tx, id: string): Promise<ReportSubmissionRow> {
  const [row] = await tx.select().from(reportSubmissions).where(eq(reportSubmissions.id, id));
  if (!row) throw errors.notFound('báo cáo');
  return row;
}

export async function findSubmission(tx: Tx, scheduleId: string, unitId: string, periodKey: string): Promise<ReportSubmissionRow | null> {
  const [row] = await tx.select().from(reportSubmissions)
    .where(and(eq(reportSubmissions.scheduleId, scheduleId), eq(reportSubmissions.unitId, unitId), eq(reportSubmissions.periodKey, periodKey)));
  return row ?? null;
}

export const ruleOf = (s: ReportScheduleRow): ScheduleRule => ({ periodType: s.periodType, dueRule: s.dueRule, graceDays: s.graceDays, lockDays: s.lockDays, adhoc: s.adhoc });

const byOrderThenName = (a: UnitRow, b: UnitRow) => a.sortOrder - b.sortOrder || compareVi(a.name, b.name);

/** Whether a unit owes the schedule's report: the rule of expectedUnits for one unit, with no query. */
export const owes = (s: Pick<ReportScheduleRow, 'assigneeMode' | 'assigneeUnitIds'>, u: Pick<UnitRow, 'id' | 'kind' | 'active'>) =>
  u.active && (s.assigneeMode === 'subordinates' ? u.kind === 'unit' : s.assigneeUnitIds.includes(u.id));

/**
 * The units that owe the schedule's report: every active subordinate unit, the units listed, or the division.
 * A caller already holding the org tree passes it (`units`) instead of reading it again.
 */
export async function expectedUnits(tx: Tx, s: Pick<ReportScheduleRow, 'assigneeMode' | 'assigneeUnitIds'>, units?: UnitRow[]): Promise<UnitRow[]> {
  if (units) return units.filter((u) => owes(s, u)).sort(byOrderThenName);
  const rows = s.assigneeMode === 'subordinates'
    ? await tx.select().from(orgUnits).where(and(eq(orgUnits.kind, 'unit'), eq(orgUnits.active, true)))
    : s.assigneeUnitIds.length ? await tx.select().from(orgUnits).where(and(inArray(orgUnits.id, s.assigneeUnitIds), eq(orgUnits.active, true))) : [];
  return rows.sort(byOrderThenName);
}

/** Units with a lock exception in force on `today`, for a schedule and period. */
export async function exceptionsInForce(tx: Tx, scheduleId: string, periodKey: string, today: string): Promise<Set<string>> {
  const rows = await tx.select({ unitId: reportLockExceptions.unitId }).from(reportLockExceptions)
    .where(and(eq(reportLockExceptions.scheduleId, scheduleId), eq(reportLockExceptions.periodKey, periodKey), gte(reportLockExceptions.expiresOn, today)));
  return new Set(rows.map((r) => r.unitId));
}

/** Where one unit's report of a period stands: what the period lists, the rates and the reminders read. */
export type SubmissionState = Pick<ReportSubmissionRow, 'id' | 'unitId' | 'periodKey' | 'status' | 'submittedAt' | 'onTime' | 'approvedAt'>;

/** The states of a schedule's reports in some periods, without their contents (a province's are thousands). */
export async function submissionsOf(tx: Tx, scheduleId: string, periodKeys: string[]): Promise<SubmissionState[]> {
  if (!periodKeys.length) return [];
  const r = reportSubmissions;
  return tx.select({ id: r.id, unitId: r.unitId, periodKey: r.periodKey, status: r.status, submittedAt: r.submittedAt, onTime: r.onTime, approvedAt: r.approvedAt })
    .from(r)
    .where(and(eq(r.scheduleId, scheduleId), inArray(r.periodKey, periodKeys)))
    .orderBy(asc(r.createdAt));
}

/** Units' names by id, for the history and lists. */
export async function unitNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Task periods of a unit due within [start, end]: what the report's task fields start from. */
export async function taskCounts(tx: Tx, unitId: string, start: string, end: string, today: string) {
  const [row] = rowsOf<{ due: number; done: number; doneLate: number; overdue: number; open: number }>(await tx.execute(sql`
    SELECT count(*)::int AS due,
      count(*) FILTER (WHERE o.completed_on IS NOT NULL)::int AS done,
      count(*) FILTER (WHERE o.completed_on > o.due_on)::int AS "doneLate",
      count(*) FILTER (WHERE o.completed_on IS NULL AND o.due_on < ${today}::date)::int AS overdue,
      count(*) FILTER (WHERE o.completed_on IS NULL AND o.due_on >= ${today}::date)::int AS open
    FROM occurrences o JOIN plans p ON p.id = o.plan_id AND p.status IN ('active', 'closed')
    WHERE o.unit_id = ${unitId} AND o.due_on BETWEEN ${start}::date AND ${end}::date`));
  return row;
}
