// The plan's scorecard: units as rows, indicators as columns, each cell coloured against the target and
// marked above or below the units' average, with the department's true roll-up as the totals row.
import { rag, scorecard } from '../../../core/indicators/rollup.ts';
import { periodOf, type Period } from '../../../core/reports/periods.ts';
import type { Tx } from '../../db/client.ts';
import type { IndicatorRow } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { UnitRow } from '../org/queries.ts';
import { planOr404, type PlanRow } from '../plans/queries.ts';
import { byOrderThenName, indicatorsOfPlan, unitsOf, valuesOf } from './queries.ts';
import { INDICATOR_PERIOD_TYPES, periodHolding, periodOr404, periodRef, periodsSoFar, ruleOf, scheduleOf, unitRef, type IndicatorPeriodType } from './present.ts';

/** The type most of the plan's indicators are measured by; the first indicator's on a tie. */
function commonType(rows: IndicatorRow[]): IndicatorPeriodType {
  const counts = new Map<IndicatorPeriodType, number>();
  for (const r of rows) counts.set(r.periodType, (counts.get(r.periodType) ?? 0) + 1);
  return [...counts.entries()].reduce((best, e) => (e[1] > best[1] ? e : best))[0];
}

/** The scorecard's period: the one asked for (its type read from the key), else the newest with values of the common type. */
function choosePeriod(plan: PlanRow, rows: IndicatorRow[], hasValues: (key: string) => boolean, today: string, key?: string): Period | null {
  if (key) {
    const type = INDICATOR_PERIOD_TYPES.find((t) => periodOf(scheduleOf(t), key));
    if (!type) throw errors.notFound('kỳ báo cáo');
    return periodOr404(type, plan, key);
  }
  const periods = periodsSoFar(commonType(rows), plan, today);
  return [...periods].reverse().find((p) => hasValues(p.key)) ?? periods.at(-1) ?? null;
}

export async function planScorecard(tx: Tx, planId: string, today: string, periodKey?: string) {
  const plan = await planOr404(tx, planId);
  const rows = await indicatorsOfPlan(tx, planId);
  if (!rows.length) return { period: null, periods: [], indicators: [], units: [] };
  const ids = rows.map((r) => r.id);
  const unitsBy = await unitsOf(tx, ids);
  const all = await valuesOf(tx, ids);
  const selected = choosePeriod(plan, rows, (key) => all.some((v) => v.periodKey === key), today, periodKey);
  if (!selected) return { period: null, periods: [], indicators: [], units: [] };
  // An indicator measured at another rhythm shows its latest figures as of the selected period's last day (or today, if
  // sooner): its newest period started by then that has values, else its period holding that day.
  const until = selected.end < today ? selected.end : today;
  const asOf = until < plan.periodStart ? plan.periodStart : until;
  const periodOfRow = new Map(rows.map((r) => {
    if (r.periodType === selected.type) return [r.id, selected];
    const started = periodsSoFar(r.periodType, plan, asOf).reverse();
    return [r.id, started.find((p) => all.some((v) => v.indicatorId === r.id && v.periodKey === p.key)) ?? periodHolding(r.periodType, asOf)];
  }));

  const columns = rows.map((r) => {
    const period = periodOfRow.get(r.id) ?? null;
    const unitIds = unitsBy.get(r.id)!.map((u) => u.id);
    const values = period ? all.filter((v) => v.indicatorId === r.id && v.periodKey === period.key) : [];
    // One indicator at a time, so averages and missing units count only the units that report on it.
    const card = scorecard([{ id: r.id, rule: ruleOf(r) }], { [r.id]: values }, unitIds);
    return { row: r, period, unitIds, values, cells: card.cells[r.id], average: card.averages[r.id], total: card.totals[r.id] };
  });

  const seen = new Map<string, UnitRow>();
  for (const list of unitsBy.values()) for (const u of list) seen.set(u.id, u);
  const units = [...seen.values()].sort(byOrderThenName).map((u) => ({
    unit: unitRef(u),
    cells: Object.fromEntries(columns.map((c) => {
      if (!c.unitIds.includes(u.id)) return [c.row.id, null];
      const raw = c.values.find((v) => v.unitId === u.id);
      return [c.row.id, { ...c.cells[u.id], numerator: raw?.numerator ?? null, denominator: raw?.denominator ?? null }];
    })),
  }));

  return {
    period: { ...periodRef(selected), type: selected.type },
    periods: periodsSoFar(selected.type as IndicatorPeriodType, plan, today).reverse().map(periodRef),
    indicators: columns.map((c) => ({
      id: c.row.id, code: c.row.code, subject: c.row.subject, measure: c.row.measure, unit: c.row.unit, comparator: c.row.comparator, target: c.row.target,
      period: c.period && periodRef(c.period), average: c.average,
      total: { value: c.total.value, numerator: c.total.numerator, denominator: c.total.denominator, reported: c.total.reported, expected: c.total.expected, rag: rag(ruleOf(c.row), c.total.value) },
    })),
    units,
  };
}
