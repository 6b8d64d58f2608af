// An indicator as the core rules see it (rule, periods), who may act on it, and the shapes the API returns.
import { can } from '../../../core/auth/policy.ts';
import { rag, valueOf, type IndicatorRule } from '../../../core/indicators/rollup.ts';
import { periodOf, periodsBetween, type Period, type PeriodType, type ScheduleRule } from '../../../core/reports/periods.ts';
import type { Tx } from '../../db/client.ts';
import type { IndicatorRow, IndicatorValueRow } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser } from '../../http/request.ts';
import { unitOr404, type UnitRow } from '../org/queries.ts';
import type { PlanRow } from '../plans/queries.ts';
import type { EvidenceItem } from './queries.ts';

export type IndicatorPeriodType = Exclude<PeriodType, 'adhoc'>;
export const INDICATOR_PERIOD_TYPES: readonly IndicatorPeriodType[] = ['month', 'quarter', 'half', 'year'];

export const ruleOf = (i: IndicatorRow): IndicatorRule => ({
  measure: i.measure, unit: i.unit, comparator: i.comparator, target: i.target, aggregation: i.aggregation, amberPct: i.amberPct,
});

/** Values belong to a period, not to a deadline: the schedule only serves to enumerate periods. */
export const scheduleOf = (periodType: IndicatorPeriodType): ScheduleRule => ({ periodType, dueRule: { kind: 'daysAfterEnd', days: 0 }, graceDays: 0, lockDays: 0 });

/** The periods of the plan's span that have started by `today`, oldest first. */
export function periodsSoFar(periodType: IndicatorPeriodType, plan: Pick<PlanRow, 'periodStart' | 'periodEnd'>, today: string): Period[] {
  const end = plan.periodEnd < today ? plan.periodEnd : today;
  return end >= plan.periodStart ? periodsBetween(scheduleOf(periodType), plan.periodStart, end) : [];
}

/** A period of the given type that overlaps the plan's span. */
export function periodOr404(periodType: IndicatorPeriodType, plan: Pick<PlanRow, 'periodStart' | 'periodEnd'>, key: string): Period {
  const p = periodOf(scheduleOf(periodType), key);
  if (!p || p.end < plan.periodStart || p.start > plan.periodEnd) throw errors.notFound('kỳ báo cáo của chỉ tiêu');
  return p;
}

/** The period of the given type that holds `day`. */
export const periodHolding = (periodType: IndicatorPeriodType, day: string): Period | null => periodsBetween(scheduleOf(periodType), day, day)[0] ?? null;

/** The plan's owner unit and whether the user manages the plan (and so its indicators). */
export async function planAccess(tx: Tx, user: CurrentUser, plan: PlanRow) {
  const owner = await unitOr404(tx, plan.ownerUnitId);
  return { owner, manage: can(user, 'plan.manage', { unitPath: owner.path }) };
}

/** A unit enters its own values; the plan's owner division may enter them on the unit's behalf. */
export const mayRecordFor = (user: CurrentUser, unit: UnitRow, owner: UnitRow) =>
  can(user, 'indicator.record', { unitPath: unit.path }) || can(user, 'plan.manage', { unitPath: owner.path });

export const unitRef = (u: UnitRow) => ({ id: u.id, name: u.name, shortName: u.shortName });
export const periodRef = (p: Period) => ({ key: p.key, label: p.label, start: p.start, end: p.end });

export function presentIndicator(i: IndicatorRow, units: UnitRow[]) {
  return {
    id: i.id, planId: i.planId, planTargetId: i.planTargetId, code: i.code, text: i.text, subject: i.subject,
    measure: i.measure, unit: i.unit, comparator: i.comparator, target: i.target, aggregation: i.aggregation, amberPct: i.amberPct,
    periodType: i.periodType, numeratorLabel: i.numeratorLabel, denominatorLabel: i.denominatorLabel, sortOrder: i.sortOrder,
    units: units.map(unitRef),
  };
}

export function presentValue(rule: IndicatorRule, v: IndicatorValueRow, evidence: EvidenceItem[]) {
  const value = valueOf(rule, v);
  return {
    id: v.id, periodKey: v.periodKey, unitId: v.unitId, numerator: v.numerator, denominator: v.denominator, value, rag: rag(rule, value),
    note: v.note, enteredByName: v.enteredByName, updatedAt: v.updatedAt.toISOString(),
    evidence: evidence.filter((e) => e.valueId === v.id).map((e) => ({ fileId: e.fileId, name: e.name, size: e.size, mime: e.mime })),
  };
}
