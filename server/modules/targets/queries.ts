// Queries of the targets capability. Tenant scoping comes from row-level security on the transaction.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { files, indicatorEvidence, indicators, indicatorUnits, indicatorValues, orgUnits, planReportingDuties, planTargets, type IndicatorRow, type IndicatorValueRow } from '../../db/schema/index.ts';
import { compareVi } from '../../../core/text/vietnamese.ts';
import { errors } from '../../http/errors.ts';
import type { UnitRow } from '../org/queries.ts';

/** Units as lists show them: the org tree's sort order, then Vietnamese name order. */
export const byOrderThenName = (a: UnitRow, b: UnitRow) => a.sortOrder - b.sortOrder || compareVi(a.name, b.name);

export async function indicatorOr404(tx: Tx, id: string): Promise<IndicatorRow> {
  const [row] = await tx.select().from(indicators).where(eq(indicators.id, id));
  if (!row) throw errors.notFound('chỉ tiêu');
  return row;
}

export const indicatorsOfPlan = (tx: Tx, planId: string) =>
  tx.select().from(indicators).where(eq(indicators.planId, planId)).orderBy(asc(indicators.sortOrder), asc(indicators.createdAt));

/** Responsible units per indicator, in list order. */
export async function unitsOf(tx: Tx, indicatorIds: string[]): Promise<Map<string, UnitRow[]>> {
  const out = new Map<string, UnitRow[]>(indicatorIds.map((id) => [id, []]));
  if (!indicatorIds.length) return out;
  const rows = await tx.select({ indicatorId: indicatorUnits.indicatorId, unit: orgUnits }).from(indicatorUnits)
    .innerJoin(orgUnits, eq(orgUnits.id, indicatorUnits.unitId))
    .where(inArray(indicatorUnits.indicatorId, indicatorIds));
  for (const r of rows) out.get(r.indicatorId)!.push(r.unit);
  for (const list of out.values()) list.sort(byOrderThenName);
  return out;
}

/** Values of the indicators, of the given periods when listed. */
export async function valuesOf(tx: Tx, indicatorIds: string[], periodKeys?: string[]): Promise<IndicatorValueRow[]> {
  if (!indicatorIds.length || periodKeys?.length === 0) return [];
  const where = periodKeys
    ? and(inArray(indicatorValues.indicatorId, indicatorIds), inArray(indicatorValues.periodKey, periodKeys))
    : inArray(indicatorValues.indicatorId, indicatorIds);
  return tx.select().from(indicatorValues).where(where);
}

export async function findValue(tx: Tx, indicatorId: string, periodKey: string, unitId: string): Promise<IndicatorValueRow | null> {
  const [row] = await tx.select().from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, indicatorId), eq(indicatorValues.periodKey, periodKey), eq(indicatorValues.unitId, unitId)));
  return row ?? null;
}

export async function hasValues(tx: Tx, indicatorId: string, unitIds?: string[]): Promise<string[]> {
  const rows = await tx.selectDistinct({ unitId: indicatorValues.unitId }).from(indicatorValues)
    .where(unitIds ? and(eq(indicatorValues.indicatorId, indicatorId), inArray(indicatorValues.unitId, unitIds)) : eq(indicatorValues.indicatorId, indicatorId));
  return rows.map((r) => r.unitId);
}

export interface EvidenceItem { valueId: string; fileId: string; name: string; size: number; mime: string }

export async function evidenceOf(tx: Tx, valueIds: string[]): Promise<EvidenceItem[]> {
  if (!valueIds.length) return [];
  return tx.select({ valueId: indicatorEvidence.valueId, fileId: indicatorEvidence.fileId, name: indicatorEvidence.name, size: files.size, mime: files.mime })
    .from(indicatorEvidence).innerJoin(files, eq(files.id, indicatorEvidence.fileId))
    .where(inArray(indicatorEvidence.valueId, valueIds)).orderBy(asc(indicatorEvidence.createdAt));
}

/** The plan's targets that no indicator was made from yet. */
export function targetsWithoutIndicator(tx: Tx, planId: string) {
  return tx.select({ target: planTargets }).from(planTargets)
    .leftJoin(indicators, eq(indicators.planTargetId, planTargets.id))
    .where(and(eq(planTargets.planId, planId), isNull(indicators.id)))
    .orderBy(asc(planTargets.sortOrder))
    .then((rows) => rows.map((r) => r.target));
}

export const reportingDutiesOf = (tx: Tx, planId: string) =>
  tx.select().from(planReportingDuties).where(eq(planReportingDuties.planId, planId)).orderBy(asc(planReportingDuties.sortOrder));

/** Active subordinate units: who reports on a target made from the plan's text until the plan's owner says otherwise. */
export const subordinateUnits = async (tx: Tx) =>
  (await tx.select().from(orgUnits).where(and(eq(orgUnits.kind, 'unit'), eq(orgUnits.active, true)))).sort(byOrderThenName);
