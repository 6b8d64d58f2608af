// Leadership's view across plans: counts per unit and per plan, what is overdue and what falls due soon.
import { sql, type SQL } from 'drizzle-orm';
import { emptyCounts, onTimeRate, type StatusCounts } from '../../../core/plans/status.ts';
import { addDays } from '../../../core/schedule/dates.ts';
import { compareVi } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { plans } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../http/request.ts';
import { allUnits, type UnitRow } from '../org/queries.ts';
import { listOccurrences, type OccurrenceQuery } from './occurrences.service.ts';
import { countsBy, countsFromSummary } from './queries.ts';

const sum = (all: Iterable<StatusCounts>) => {
  const total = emptyCounts();
  for (const c of all) for (const k of Object.keys(total) as (keyof StatusCounts)[]) total[k] += c[k];
  return total;
};

/** Narrows the overview to what a user's grants cover (the dashboard of someone outside leadership). */
export interface OverviewScope {
  /** Over occurrences `o` of plans `p`. */
  where: SQL;
  /** The same over the tables `occurrences` and `plans`, for the lists. */
  listWhere: SQL;
}

/** How many overdue and due-soon periods the overview lists. */
const LIST_LIMIT = 100;

/** `planId` narrows everything to one plan; otherwise every active plan of the tenant counts. `orgTree` saves re-reading the units. */
export async function overview(tx: Tx, user: CurrentUser, today: string, q: { planId?: string }, narrow?: OverviewScope, orgTree?: UnitRow[]) {
  const base = q.planId ? sql`p.id = ${q.planId}` : sql`p.status = 'active'`;
  const scope = narrow ? sql`${base} AND ${narrow.where}` : base;
  const units = new Map((orgTree ?? await allUnits(tx)).map((u) => [u.id, u]));
  // The tenant-wide view reads the trigger-kept summaries; one plan, or a narrowed scope, counts live.
  const whole = !q.planId && !narrow;
  const byUnitCounts = whole ? await countsFromSummary(tx, 'unit_id', today) : await countsBy(tx, 'unit_id', today, scope);
  const byPlanCounts = whole ? await countsFromSummary(tx, 'plan_id', today) : await countsBy(tx, 'plan_id', today, scope);
  const planRows = await tx.select({ id: plans.id, title: plans.title, number: plans.number, ownerUnitId: plans.ownerUnitId }).from(plans);
  const byUnit = [...byUnitCounts].map(([id, counts]) => {
    const u = units.get(id);
    return { unit: { id, name: u?.name ?? '', shortName: u?.shortName ?? '', kind: u?.kind ?? 'unit' }, counts, onTimeRate: onTimeRate(counts) };
  }).sort((a, b) => b.counts.overdue - a.counts.overdue || compareVi(a.unit.name, b.unit.name));
  const byPlan = planRows.filter((p) => byPlanCounts.has(p.id)).map((p) => {
    const counts = byPlanCounts.get(p.id)!;
    return { plan: { id: p.id, title: p.title, number: p.number, owner: units.get(p.ownerUnitId)?.name ?? '' }, counts, onTimeRate: onTimeRate(counts) };
  }).sort((a, b) => b.counts.overdue - a.counts.overdue || compareVi(a.plan.title, b.plan.title));
  // The lists are cut in the database: of a province's million periods only the first hundred are read.
  const list = (q2: OccurrenceQuery) => listOccurrences(tx, user, today, { planId: q.planId, where: narrow?.listWhere, limit: LIST_LIMIT, indexOrder: true, ...q2 }, units);
  const overdue = await list({ status: 'overdue' });
  const dueSoon = await list({ open: true, from: today, to: addDays(today, 7) });
  return {
    today,
    totals: sum(byPlanCounts.values()),
    byUnit,
    byPlan,
    overdue,
    dueSoon,
  };
}
