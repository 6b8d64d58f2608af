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

export interface LatestValue { indicatorId: string; periodKey: string; unitId: string; numerator: number | null; denominator: number | null; value: number | null }

/**
 * Each visible indicator of an active plan at its latest period with a usable value, and every visible
 * unit value of that period. Period keys of one indicator share a format ('2026-07', '2026-Q3',
 * '2026-H2', '2026'), so the greatest key is the latest period.
 */
export async function latestIndicatorValues(tx: Tx, scope: Scope): Promise<LatestValue[]> {
  const res = await tx.execute(sql`
    WITH visible AS (
      SELECT v.indicator_id, v.unit_id, v.period_key, v.numerator, v.denominator, v.value,
        CASE WHEN i.measure = 'ratio' THEN v.numerator IS NOT NULL AND v.denominator > 0 ELSE v.value IS NOT NULL END AS usable
      FROM indicator_values v
      JOIN indicators i ON i.id = v.indicator_id
      -- Only the units responsible for the indicator count, as on the indicator's own page.
      JOIN indicator_units iu ON iu.indicator_id = v.indicator_id AND iu.unit_id = v.unit_id
      JOIN plans p ON p.id = i.plan_id AND p.status = 'active'
      WHERE ${inScope(scope, sql`p.owner_unit_id`, sql`v.unit_id`)}
    ), latest AS (
      SELECT indicator_id, max(period_key) AS period_key FROM visible WHERE usable GROUP BY indicator_id
    )
    SELECT v.indicator_id AS "indicatorId", v.period_key AS "periodKey", v.unit_id AS "unitId", v.numerator, v.denominator, v.value
    FROM visible v JOIN latest l ON l.indicator_id = v.indicator_id AND l.period_key = v.period_key`);
  return rowsOf<LatestValue>(res);
}

/** The indicators with their plan's title and how many visible units report on each. */
export async function indicatorsWithPlans(tx: Tx, scope: Scope, ids: string[]) {
  if (!ids.length) return [];
  const expected = sql<number>`(SELECT count(*)::int FROM indicator_units iu
    WHERE iu.indicator_id = ${indicators.id} AND ${inScope(scope, sql`${plans.ownerUnitId}`, sql`iu.unit_id`)})`;
  return tx.select({ indicator: indicators, planTitle: plans.title, expectedUnits: expected })
    .from(indicators).innerJoin(plans, eq(plans.id, indicators.planId)).where(inArray(indicators.id, ids));
}
