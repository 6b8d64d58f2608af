// What every allowance service starts from: the paying unit, its people, and the engine's inputs for them.
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import type { Assignment, OtherBenefit, PersonMonth, PolicyVersion, Rating } from '../../../core/allowance/types.ts';
import { hasDuty, payingUnitOf, type Duty, DUTY_LABELS } from '../../../core/allowance/workflow.ts';
import type { Tx } from '../../db/client.ts';
import { allowanceAssignments, allowanceOtherBenefits, allowancePolicies, allowanceRatings, people } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser } from '../../http/request.ts';
import { allUnits, type PersonRow, type UnitRow } from '../org/queries.ts';

export type PolicyRow = typeof allowancePolicies.$inferSelect;
export type AssignmentRow = typeof allowanceAssignments.$inferSelect;

export const toPolicy = (r: PolicyRow): PolicyVersion => ({
  id: r.id, version: r.version, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo,
  rates: { full_time: r.rateFullTime, part_time: r.ratePartTime }, minRating: r.minRating, partialMonth: r.partialMonth, isExample: r.isExample,
});

export const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id, decisionNo: r.decisionNo, category: r.category, startOn: r.startOn, endOn: r.endOn, stoppedOn: r.stoppedOn,
});

export const policyRows = (tx: Tx) => tx.select().from(allowancePolicies).orderBy(asc(allowancePolicies.version));

export interface Payer {
  unit: UnitRow;
  units: Map<string, UnitRow>;
}

/** The paying unit by id: the Sở itself or a subordinate unit, readable by the user. */
export async function payerOf(tx: Tx, user: CurrentUser, unitId: string, field = 'unitId'): Promise<Payer> {
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const unit = units.get(unitId);
  if (!unit) throw errors.notFound('đơn vị');
  if (!can(user, 'allowance.read', { unitPath: unit.path })) throw errors.forbidden('Bạn không có quyền xem hỗ trợ của đơn vị này.');
  if (unit.kind !== 'department' && unit.kind !== 'unit') throw errors.field(field, `${unit.name} không phải đơn vị chi trả; chọn cơ quan Sở hoặc một đơn vị trực thuộc.`);
  return { unit, units };
}

export function requireDuty(user: CurrentUser, duty: Duty, payer: Payer) {
  if (!hasDuty(user, duty, payer.unit.id)) throw errors.forbidden(`Bạn không có quyền ${DUTY_LABELS[duty]} của ${payer.unit.name}.`);
}

/** What the user may do on the unit's records, lists and budget, so the pages show only what the server allows. */
export const canOn = (user: CurrentUser, payer: Payer) => ({
  records: hasDuty(user, 'records', payer.unit.id), prepare: hasDuty(user, 'prepare', payer.unit.id), pay: hasDuty(user, 'pay', payer.unit.id),
});

/** People whose paying unit is this one (the Sở's divisions and leadership for the Sở; a unit's teams for the unit). */
export async function peopleOf(tx: Tx, payer: Payer): Promise<PersonRow[]> {
  const rows = await tx.select().from(people);
  return rows.filter((p) => payingUnitOf(p.unitId, payer.units)?.id === payer.unit.id);
}

/** A person of the paying unit, or a field error naming `field`. */
export async function personOfPayer(tx: Tx, payer: Payer, personId: string, field = 'personId'): Promise<PersonRow> {
  const [p] = await tx.select().from(people).where(eq(people.id, personId));
  if (!p || payingUnitOf(p.unitId, payer.units)?.id !== payer.unit.id) throw errors.field(field, `Cán bộ không thuộc ${payer.unit.name}.`);
  return p;
}

export interface EngineInputs {
  policies: PolicyVersion[];
  assignments: Map<string, AssignmentRow[]>;
  ratings: Map<string, Rating>;
  benefits: Map<string, OtherBenefit[]>;
}

/** Everything the engine needs for these people over months [from, to]. */
export async function engineInputs(tx: Tx, personIds: string[], from: string, to: string): Promise<EngineInputs> {
  const policies = (await policyRows(tx)).map(toPolicy);
  if (personIds.length === 0) return { policies, assignments: new Map(), ratings: new Map(), benefits: new Map() };
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const a = await tx.select().from(allowanceAssignments).where(inArray(allowanceAssignments.personId, personIds)).orderBy(asc(allowanceAssignments.startOn));
  const r = await tx.select().from(allowanceRatings).where(and(inArray(allowanceRatings.personId, personIds), gte(allowanceRatings.month, from), lte(allowanceRatings.month, to)));
  const b = await tx.select().from(allowanceOtherBenefits).where(inArray(allowanceOtherBenefits.personId, personIds));
  return {
    policies,
    assignments: group(a, (x) => x.personId),
    ratings: new Map(r.map((x) => [`${x.personId}|${x.month}`, x.rating])),
    benefits: new Map([...group(b, (x) => x.personId)].map(([k, v]) => [k, v.map((x) => ({ id: x.id, name: x.name, startOn: x.startOn, endOn: x.endOn, sameWork: x.sameWork }))])),
  };
}

/** The engine's input for one person and month. */
export function personMonth(inputs: EngineInputs, person: PersonRow, month: string): PersonMonth {
  return {
    month,
    employment: { joinedOn: person.joinedOn, leftOn: person.leftOn },
    assignments: (inputs.assignments.get(person.id) ?? []).map(toAssignment),
    rating: inputs.ratings.get(`${person.id}|${month}`) ?? null,
    otherBenefits: inputs.benefits.get(person.id) ?? [],
    policies: inputs.policies,
  };
}

function group<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}
