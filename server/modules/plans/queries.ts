// Queries of the plans module. Tenant scoping comes from row-level security on the transaction.
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { addToCounts, emptyCounts, OCCURRENCE_STATUS_SQL, type OccurrenceStatus, type StatusCounts } from '../../../core/plans/status.ts';
import type { PlanContext } from '../../../core/schedule/types.ts';
import { rowsOf, type Tx } from '../../db/client.ts';
import { occurrences, planSections, plans, tasks, taskUnits } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';

export type PlanRow = typeof plans.$inferSelect;
export type SectionRow = typeof planSections.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type TaskUnitRow = typeof taskUnits.$inferSelect;
export type OccurrenceRow = typeof occurrences.$inferSelect;

export async function planOr404(tx: Tx, id: string): Promise<PlanRow> {
  const [row] = await tx.select().from(plans).where(eq(plans.id, id));
  if (!row) throw errors.notFound('kế hoạch');
  return row;
}

export async function taskOr404(tx: Tx, id: string): Promise<TaskRow> {
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, id));
  if (!row) throw errors.notFound('nhiệm vụ');
  return row;
}

export async function sectionOr404(tx: Tx, planId: string, id: string): Promise<SectionRow> {
  const [row] = await tx.select().from(planSections).where(eq(planSections.id, id));
  if (!row || row.planId !== planId) throw errors.notFound('phần (nhóm nhiệm vụ)');
  return row;
}

export async function occurrenceOr404(tx: Tx, id: string): Promise<OccurrenceRow> {
  const [row] = await tx.select().from(occurrences).where(eq(occurrences.id, id));
  if (!row) throw errors.notFound('kỳ thực hiện nhiệm vụ');
  return row;
}

/** What the schedule parser needs to know of a plan. */
export const planContext = (p: Pick<PlanRow, 'periodStart' | 'periodEnd' | 'issuedOn'>): PlanContext => ({
  year: Number(p.periodStart.slice(0, 4)), periodStart: p.periodStart, periodEnd: p.periodEnd, issuedOn: p.issuedOn ?? undefined,
});

export async function unitsOfTasks(tx: Tx, taskIds: string[]): Promise<TaskUnitRow[]> {
  if (!taskIds.length) return [];
  return tx.select().from(taskUnits).where(inArray(taskUnits.taskId, taskIds)).orderBy(asc(taskUnits.sortOrder));
}

/** The status of each occurrence, computed in SQL against `today` (never stored). */
export const statusSql = (today: string) => sql.raw(OCCURRENCE_STATUS_SQL(
  { due: 'o.due_on', completed: 'o.completed_on', lastUpdate: 'o.last_update_at' },
  `'${today.replace(/[^0-9-]/g, '')}'::date`,
));

/**
 * Occurrence counts by status, grouped by one column of occurrences (plan_id, task_id, unit_id), over
 * active plans unless `where` says otherwise. "Due soon" is open and due within 7 days.
 */
export async function countsBy(tx: Tx, column: 'plan_id' | 'task_id' | 'unit_id', today: string, where: SQL = sql`p.status = 'active'`): Promise<Map<string, StatusCounts>> {
  const soon = sql`(o.completed_on IS NULL AND o.due_on >= ${today}::date AND o.due_on <= ${today}::date + 7)`;
  const res = await tx.execute(sql`
    SELECT o.${sql.raw(column)} AS key, ${statusSql(today)} AS status, count(*)::int AS n, count(*) FILTER (WHERE ${soon})::int AS soon
    FROM occurrences o JOIN plans p ON p.id = o.plan_id
    WHERE ${where}
    GROUP BY 1, 2`);
  const out = new Map<string, StatusCounts>();
  for (const r of rowsOf<{ key: string; status: OccurrenceStatus; n: number; soon: number }>(res)) {
    addToCounts(out.get(r.key) ?? out.set(r.key, emptyCounts()).get(r.key)!, r.status, r.n, r.soon);
  }
  return out;
}

/**
 * The same counts as countsBy over all active plans, read from the summary tables the triggers of
 * migration 0006 keep current: a few thousand rows instead of every occurrence of the tenant.
 */
export async function countsFromSummary(tx: Tx, by: 'unit_id' | 'plan_id', today: string): Promise<Map<string, StatusCounts>> {
  const from = by === 'unit_id' ? sql`unit_occurrence_counts s`
    : sql`plan_occurrence_counts s JOIN plans p ON p.id = s.plan_id AND p.status = 'active'`;
  const res = await tx.execute(sql`
    SELECT s.${sql.raw(by)} AS key,
      sum(s.open_started + s.open_fresh) FILTER (WHERE s.bucket < ${today}::date)::int AS overdue,
      sum(s.open_started) FILTER (WHERE s.bucket >= ${today}::date)::int AS in_progress,
      sum(s.open_fresh) FILTER (WHERE s.bucket >= ${today}::date)::int AS not_due,
      sum(s.done_on_time)::int AS done_on_time, sum(s.done_late)::int AS done_late,
      sum(s.open_started + s.open_fresh) FILTER (WHERE s.bucket BETWEEN ${today}::date AND ${today}::date + 7)::int AS soon
    FROM ${from} GROUP BY 1`);
  const out = new Map<string, StatusCounts>();
  for (const r of rowsOf<Record<'key' | OccurrenceStatus | 'soon', string | number | null>>(res)) {
    const c = emptyCounts();
    for (const status of ['overdue', 'in_progress', 'not_due', 'done_on_time', 'done_late'] as const) addToCounts(c, status, Number(r[status] ?? 0));
    c.dueSoon = Number(r.soon ?? 0);
    if (c.total) out.set(String(r.key), c);
  }
  return out;
}
