// Queries of the leadership dashboard. Tenant scoping comes from row-level security; what a user's
// grants cover inside the tenant comes from the Scope, turned into SQL here.
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { can, type Actor } from '../../../core/auth/policy.ts';
import { rowsOf, type Tx } from '../../db/client.ts';
import { indicators, plans } from '../../db/schema/index.ts';
import type { UnitRow } from '../org/queries.ts';

/** Everything in the tenant (a grant on the root), or the units under the user's grants. */
export interface Scope {
  all: boolean;
  unitIds: ReadonlySet<string>;
  /** The units the grants are on, for the page's caption. */
  grantUnits: UnitRow[];
}

export function scopeOf(user: Actor, units: UnitRow[]): Scope {
  const root = units.find((u) => u.parentId === null);
  const all = user.isSystemAdmin || (!!root && can(user, 'plan.read', { unitPath: root.path }));
  const covered = units.filter((u) => can(user, 'plan.read', { unitPath: u.path }));
  const grantIds = new Set(user.grants.map((g) => g.unitId));
  return { all, unitIds: new Set(covered.map((u) => u.id)), grantUnits: units.filter((u) => grantIds.has(u.id)) };
}

export const covers = (scope: Scope, unitId: string) => scope.all || scope.unitIds.has(unitId);

/**
 * A row is visible when any of the given unit columns is covered: a plan's owner division sees all of
 * its plan, a unit sees its own rows of everyone's plans.
 */
export function inScope(scope: Scope, ...columns: SQL[]): SQL {
  if (scope.all) return sql`true`;
  if (!scope.unitIds.size) return sql`false`;
  const ids = sql.join([...scope.unitIds].map((id) => sql`${id}`), sql`, `);
  return sql`(${sql.join(columns.map((c) => sql`${c} IN (${ids})`), sql` OR `)})`;
}

export interface LatestTotals { indicatorId: string; periodKey: string; reported: number; numerator: number; denominator: number; valueSum: number }

/**
 * Each visible indicator of an active plan at its latest period with a usable value, with the sums of
 * that period over the visible responsible units. Period keys of one indicator share a format ('2026-07',
 * '2026-Q3', '2026-H2', '2026'), so the greatest key is the latest period. The latest period is found by
 * walking the (indicator, period, unit) index backwards, and the sums are made by the database: a
 * province's indicators hold millions of values, of which only the latest period's are read. Leadership
 * (the whole tenant) reads the trigger-kept totals instead (latestFromSummary); a narrower scope sums live.
 */
export async function latestIndicatorTotals(tx: Tx, scope: Scope): Promise<LatestTotals[]> {
  if (scope.all) return latestFromSummary(tx);
  const usable = sql`CASE WHEN i.measure = 'ratio' THEN v.numerator IS NOT NULL AND v.denominator > 0 ELSE v.value IS NOT NULL END`;
  // Only the units responsible for the indicator count, as on the indicator's own page.
  const visible = sql`JOIN indicator_units iu ON iu.indicator_id = v.indicator_id AND iu.unit_id = v.unit_id
    WHERE v.indicator_id = i.id AND ${usable} AND ${inScope(scope, sql`p.owner_unit_id`, sql`v.unit_id`)}`;
  const res = await tx.execute(sql`
    SELECT i.id AS "indicatorId", l.period_key AS "periodKey", t.reported, t.numerator, t.denominator, t.value_sum AS "valueSum"
    FROM indicators i JOIN plans p ON p.id = i.plan_id AND p.status = 'active'
    CROSS JOIN LATERAL (SELECT v.period_key FROM indicator_values v ${visible} ORDER BY v.period_key DESC LIMIT 1) l
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS reported, coalesce(sum(v.numerator), 0)::float8 AS numerator, coalesce(sum(v.denominator), 0)::float8 AS denominator,
        coalesce(sum(v.value), 0)::float8 AS value_sum
      FROM indicator_values v ${visible} AND v.period_key = l.period_key) t`);
  return rowsOf<LatestTotals>(res).map(numbers);
}

const numbers = (r: LatestTotals): LatestTotals => ({ ...r, reported: Number(r.reported), numerator: Number(r.numerator), denominator: Number(r.denominator), valueSum: Number(r.valueSum) });

/**
 * The same over every unit, from indicator_period_totals (migration 0007): one row per indicator, its latest
 * period with a value found by walking the totals' key (indicator, period) backwards, not by sorting them all.
 */
export async function latestFromSummary(tx: Tx): Promise<LatestTotals[]> {
  const res = await tx.execute(sql`
    SELECT i.id AS "indicatorId", t.period_key AS "periodKey", t.reported, t.numerator, t.denominator, t.value_sum AS "valueSum"
    FROM indicators i JOIN plans p ON p.id = i.plan_id AND p.status = 'active'
    CROSS JOIN LATERAL (SELECT * FROM indicator_period_totals t WHERE t.indicator_id = i.id AND t.reported > 0 ORDER BY t.period_key DESC LIMIT 1) t`);
  return rowsOf<LatestTotals>(res).map(numbers);
}

/**
 * The indicators with their plan's title and how many visible units report on each: for the whole tenant the
 * count a trigger keeps on the indicator (migration 0009), for a narrower scope counted in one pass.
 */
export async function indicatorsWithPlans(tx: Tx, scope: Scope, ids: string[]) {
  if (!ids.length) return [];
  const rows = await tx.select({ indicator: indicators, planTitle: plans.title })
    .from(indicators).innerJoin(plans, eq(plans.id, indicators.planId)).where(inArray(indicators.id, ids));
  if (scope.all) return rows.map((r) => ({ ...r, expectedUnits: r.indicator.unitCount }));
  const counted = rowsOf<{ id: string; n: number }>(await tx.execute(sql`
    SELECT iu.indicator_id AS id, count(*)::int AS n FROM indicator_units iu JOIN indicators i ON i.id = iu.indicator_id JOIN plans p ON p.id = i.plan_id
    WHERE iu.indicator_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND ${inScope(scope, sql`p.owner_unit_id`, sql`iu.unit_id`)}
    GROUP BY 1`));
  const expected = new Map(counted.map((r) => [r.id, Number(r.n)]));
  return rows.map((r) => ({ ...r, expectedUnits: expected.get(r.indicator.id) ?? 0 }));
}
