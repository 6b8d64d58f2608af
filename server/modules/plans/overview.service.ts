// Leadership's view across plans: counts per unit and per plan, what is overdue and what falls due soon.
import { sql, type SQL } from 'drizzle-orm';
import { emptyCounts, onTimeRate, type StatusCounts } from '../../../core/plans/status.ts';
import { addDays } from '../../../core/schedule/dates.ts';
import { compareVi } from '../../../core/text/vietnamese.ts';
import { rowsOf, type Tx } from '../../db/client.ts';
import { plans } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../http/request.ts';
import { allUnits } from '../org/queries.ts';
import { listOccurrences } from './occurrences.service.ts';
import { countsBy } from './queries.ts';

const sum = (all: Iterable<StatusCounts>) => {
  const total = emptyCounts();
  for (const c of all) for (const k of Object.keys(total) as (keyof StatusCounts)[]) total[k] += c[k];
  return total;
};

/** Narrows the overview to what a user's grants cover (the dashboard of someone outside leadership). */
export interface OverviewScope {
  /** Over occurrences `o` of plans `p`. */
  where: SQL;
  keep: (o: { unit: { id: string } | null; plan: { id: string }; ownerUnitId?: string }) => boolean;
}

/** `planId` narrows everything to one plan; otherwise every active plan of the tenant counts. */
export async function overview(tx: Tx, user: CurrentUser, today: string, q: { planId?: string }, narrow?: OverviewScope) {
  const base = q.planId ? sql`p.id = ${q.planId}` : sql`p.status = 'active'`;
  const scope = narrow ? sql`${base} AND ${narrow.where}` : base;
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const byUnitCounts = await countsBy(tx, 'unit_id', today, scope);
  const byPlanCounts = await countsBy(tx, 'plan_id', today, scope);
  const planRows = await tx.select({ id: plans.id, title: plans.title, number: plans.number, ownerUnitId: plans.ownerUnitId }).from(plans);
  const byUnit = [...byUnitCounts].map(([id, counts]) => {
    const u = units.get(id);
    return { unit: { id, name: u?.name ?? '', shortName: u?.shortName ?? '', kind: u?.kind ?? 'unit' }, counts, onTimeRate: onTimeRate(counts) };
  }).sort((a, b) => b.counts.overdue - a.counts.overdue || compareVi(a.unit.name, b.unit.name));
  const byPlan = planRows.filter((p) => byPlanCounts.has(p.id)).map((p) => {
    const counts = byPlanCounts.get(p.id)!;
    return { plan: { id: p.id, title: p.title, number: p.number, owner: units.get(p.ownerUnitId)?.name ?? '' }, counts, onTimeRate: onTimeRate(counts) };
  }).sort((a, b) => b.counts.overdue - a.counts.overdue || compareVi(a.plan.title, b.plan.title));
  const owners = new Map(planRows.map((p) => [p.id, p.ownerUnitId]));
  const open = (await listOccurrences(tx, user, today, { planId: q.planId, to: addDays(today, 7) }))
    .filter((o) => !narrow || narrow.keep({ unit: o.unit, plan: o.plan, ownerUnitId: owners.get(o.plan.id) }));
  return {
    today,
    totals: sum(byPlanCounts.values()),
    byUnit,
    byPlan,
    overdue: open.filter((o) => o.status === 'overdue').slice(0, 100),
    dueSoon: open.filter((o) => o.dueOn && o.dueOn >= today && (o.status === 'not_due' || o.status === 'in_progress')).slice(0, 100),
  };
}

/**
 * Open, overdue occurrences counted by lead unit — the "overdue by unit" question, answered from the
 * partial index on open occurrences (occurrences_open_due) without touching finished rows.
 */
export async function overdueByUnit(tx: Tx, today: string) {
  const res = await tx.execute(sql`
    SELECT o.unit_id AS "unitId", count(*)::int AS overdue, min(o.due_on)::text AS "oldestDue"
    FROM occurrences o JOIN plans p ON p.id = o.plan_id AND p.status = 'active'
    WHERE o.completed_on IS NULL AND o.due_on < ${today}::date
    GROUP BY o.unit_id ORDER BY overdue DESC`);
  return rowsOf<{ unitId: string; overdue: number; oldestDue: string }>(res);
}
