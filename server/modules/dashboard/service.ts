// The leadership dashboard in one request, computed live: plans' progress, who is late, indicators
// off target, reports not yet in. Leadership sees the whole tenant; anyone else what their grants cover.
import { eq, sql } from 'drizzle-orm';
import { COMPARATOR_LABELS, formatIndicatorValue, rag, totalOf } from '../../../core/indicators/rollup.ts';
import { periodOf } from '../../../core/reports/periods.ts';
import { compareVi } from '../../../core/text/vietnamese.ts';
import { inspectionSummary } from '../inspections/inspections.service.ts';
import type { Tx } from '../../db/client.ts';
import { occurrences, plans, reportSchedules } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../http/request.ts';
import { allUnits, type UnitRow } from '../org/queries.ts';
import { overview } from '../plans/overview.service.ts';
import { expectedUnits } from '../reports/queries.ts';
import { periodStatus, periodsSoFar } from '../reports/schedules.service.ts';
import { ruleOf, scheduleOf } from '../targets/present.ts';
import { covers, indicatorsWithPlans, inScope, latestIndicatorTotals, scopeOf, type Scope } from './queries.ts';

/** How many units the "overdue by unit" chart shows: enough to name the laggards, few enough to read. */
const TOP_UNITS = 15;
const LIST_LIMIT = 100;
/** Units named under each report not yet in; the rest are counted and one click away on the schedule's page. */
const MISSING_NAMED = 8;

type Units = Map<string, UnitRow>;
const unitRef = (u: Pick<UnitRow, 'id' | 'name' | 'shortName'>) => ({ id: u.id, name: u.name, shortName: u.shortName });

export async function dashboard(tx: Tx, user: CurrentUser, now: Date, today: string) {
  const units = await allUnits(tx);
  const scope = scopeOf(user, units);
  const byId: Units = new Map(units.map((u) => [u.id, u]));
  const progress = await planProgress(tx, user, today, scope, units);
  return {
    today,
    scope: { all: scope.all, units: scope.grantUnits.map(unitRef) },
    ...progress,
    overdueByUnit: progress.byUnit.filter((r) => r.counts.overdue > 0).slice(0, TOP_UNITS).map((r) => ({
      unit: unitRef(r.unit), overdue: r.counts.overdue, total: r.counts.total,
      link: `/nhiem-vu-don-vi?don-vi=${r.unit.id}&xem=qua-han`,
    })),
    indicators: await offTargetIndicators(tx, scope),
    reports: await reportsDue(tx, scope, now, today, units, byId),
    inspections: await inspectionSummary(tx, units, (unitId) => covers(scope, unitId), today),
  };
}

/** The overview's figures (GET /api/plans-overview) over the user's scope, capped for the page. */
async function planProgress(tx: Tx, user: CurrentUser, today: string, scope: Scope, units: UnitRow[]) {
  // Leadership sees the whole tenant: no narrowing, so the overview reads its trigger-kept summaries
  // instead of counting a province's million periods on every request.
  const o = await overview(tx, user, today, {}, scope.all ? undefined : {
    where: inScope(scope, sql`p.owner_unit_id`, sql`o.unit_id`),
    listWhere: inScope(scope, sql`${plans.ownerUnitId}`, sql`${occurrences.unitId}`),
  }, units);
  return { totals: o.totals, byUnit: o.byUnit, byPlan: o.byPlan, overdue: o.overdue.slice(0, LIST_LIMIT), dueSoon: o.dueSoon.slice(0, LIST_LIMIT) };
}

const RAG_ORDER = { red: 0, amber: 1 };

/** Indicators whose latest period with values rolls up (Σ/Σ) to red or amber: red first, then by plan and order. */
async function offTargetIndicators(tx: Tx, scope: Scope) {
  const totals = new Map((await latestIndicatorTotals(tx, scope)).map((t) => [t.indicatorId, t]));
  const rows = await indicatorsWithPlans(tx, scope, [...totals.keys()]);
  return rows.flatMap(({ indicator: i, planTitle, expectedUnits }) => {
    const t = totals.get(i.id)!;
    const total = totalOf(ruleOf(i), t);
    const status = rag(ruleOf(i), total.value);
    return status === 'red' || status === 'amber' ? [{ i, planTitle, expectedUnits, total, status, periodKey: t.periodKey }] : [];
  }).sort((a, b) => RAG_ORDER[a.status] - RAG_ORDER[b.status] || compareVi(a.planTitle, b.planTitle) || a.i.sortOrder - b.i.sortOrder)
    .map(({ i, planTitle, expectedUnits, total, status, periodKey }) => ({
      id: i.id, code: i.code, text: i.text, subject: i.subject, plan: { id: i.planId, title: planTitle },
      periodKey, periodLabel: periodOf(scheduleOf(i.periodType), periodKey)?.label ?? periodKey,
      value: total.value, valueText: formatIndicatorValue(i.unit, total.value),
      target: i.target, targetText: `${COMPARATOR_LABELS[i.comparator]} ${formatIndicatorValue(i.unit, i.target)}`,
      rag: status, reported: total.reported, expected: expectedUnits, link: `/chi-tieu/${i.id}`,
    }));
}

/**
 * Each active schedule's current period (the one its list page shows), with the units that have not
 * sent their report. The owner division's reviewers see every unit; a unit sees its own row.
 */
async function reportsDue(tx: Tx, scope: Scope, now: Date, today: string, all: UnitRow[], units: Units) {
  const schedules = await tx.select().from(reportSchedules).where(eq(reportSchedules.active, true));
  const out = [];
  for (const s of schedules) {
    const period = periodsSoFar(s, today)[0];
    if (!period) continue;
    const reviewer = covers(scope, s.ownerUnitId);
    const expected = await expectedUnits(tx, s, all);
    const shown = reviewer ? expected : expected.filter((u) => covers(scope, u.id));
    if (!shown.length && !reviewer) continue;
    const status = await periodStatus(tx, s, period, now, today, shown);
    const link = `/bao-cao/${s.id}?ky=${encodeURIComponent(period.key)}`;
    const missing = status.units.filter((u) => u.submittedAt === null);
    out.push({
      schedule: { id: s.id, title: s.title, owner: unitRef(units.get(s.ownerUnitId) ?? { id: s.ownerUnitId, name: '', shortName: '' }) },
      period: { key: period.key, label: period.label, dueOn: period.dueOn, locked: status.period.locked },
      completeness: status.completeness,
      missingCount: missing.length,
      missing: missing.slice(0, MISSING_NAMED).map((u) => ({
        ...u.unit, link: `/bao-cao/${s.id}/ky/${encodeURIComponent(period.key)}/don-vi/${u.unit.id}`,
      })),
      link,
    });
  }
  return out.sort((a, b) => a.period.dueOn.localeCompare(b.period.dueOn) || compareVi(a.schedule.title, b.schedule.title));
}
