// What the engine reads, kept by the people responsible for it: the policy's versions (the Sở's administrator),
// and per paying unit its HR's records — assignment decisions, monthly ratings, other benefits, employment dates.
import { and, desc, eq } from 'drizzle-orm';
import { CATEGORY_LABELS, RATING_LABELS, type Category, type PartialMonthRule, type Rating } from '../../../core/allowance/types.ts';
import { payingUnitOf } from '../../../core/allowance/workflow.ts';
import { addDays, formatViDate } from '../../../core/schedule/dates.ts';
import { comparePersonName } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { allowanceAssignments, allowanceOtherBenefits, allowancePolicies, allowanceRatings, people } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits } from '../org/queries.ts';
import { canOn, payerOf, peopleOf, personOfPayer, policyRows, requireDuty } from './context.ts';

export interface PolicyInput {
  effectiveFrom: string;
  rateFullTime: number;
  ratePartTime: number;
  minRating: Rating;
  partialMonth: PartialMonthRule;
  isExample: boolean;
  legalBasis?: string;
  note?: string;
}

export async function listPolicies(tx: Tx) {
  return { items: (await policyRows(tx)).reverse() };
}

/** A new version from a date; the version before it ends the day before. Versions are never edited. */
export async function createPolicy(m: Mutation, input: PolicyInput) {
  // Part-time never above full-time: the engine pays the best category, and stopping a full-time assignment must not raise pay.
  if (input.ratePartTime > input.rateFullTime) throw errors.field('ratePartTime', 'Mức kiêm nhiệm không được cao hơn mức chuyên trách.');
  const [last] = await m.tx.select().from(allowancePolicies).orderBy(desc(allowancePolicies.version)).limit(1).for('update');
  if (last && input.effectiveFrom <= last.effectiveFrom) {
    throw errors.field('effectiveFrom', `Phiên bản mới phải áp dụng sau ngày ${formatViDate(last.effectiveFrom)} (phiên bản ${last.version}).`);
  }
  if (last && (last.effectiveTo === null || last.effectiveTo >= input.effectiveFrom)) {
    await m.tx.update(allowancePolicies).set({ effectiveTo: addDays(input.effectiveFrom, -1) }).where(eq(allowancePolicies.id, last.id));
  }
  const [row] = await m.tx.insert(allowancePolicies).values({
    tenantId: m.tenantId, version: (last?.version ?? 0) + 1, ...input, legalBasis: input.legalBasis ?? '', note: input.note ?? '', createdBy: m.user.id,
  }).returning();
  await m.audit({
    action: 'allowance.policy.create', entityType: 'allowance_policy', entityId: row.id,
    summary: `Chính sách hỗ trợ phiên bản ${row.version} từ ${formatViDate(row.effectiveFrom)}${row.isExample ? ' (mức minh họa)' : ''}`, after: row,
  });
  return row;
}

export interface AssignmentInput {
  personId: string;
  decisionNo: string;
  decisionDate: string;
  signer?: string;
  task: string;
  taskId?: string | null;
  output: string;
  category: Category;
  jobPosition: string;
  startOn: string;
  endOn?: string | null;
  fileId?: string | null;
}

/** The paying unit's staff, for the pickers of HR and IT (who need not hold the right to open the org pages). */
export async function listStaff(tx: Tx, user: CurrentUser, unitId: string) {
  const payer = await payerOf(tx, user, unitId);
  const staff = (await peopleOf(tx, payer)).filter((p) => p.active);
  const items = staff.map((p) => ({ id: p.id, fullName: p.fullName, title: p.title, position: p.position, unitName: payer.units.get(p.unitId)?.name ?? '', joinedOn: p.joinedOn, leftOn: p.leftOn }));
  items.sort((a, b) => comparePersonName(a.fullName, b.fullName));
  return { unit: { id: payer.unit.id, name: payer.unit.name }, items, can: canOn(user, payer) };
}

export async function listAssignments(tx: Tx, user: CurrentUser, unitId: string) {
  const payer = await payerOf(tx, user, unitId);
  const staff = new Map((await peopleOf(tx, payer)).map((p) => [p.id, p]));
  const rows = (await tx.select().from(allowanceAssignments).where(eq(allowanceAssignments.unitId, unitId))).filter((a) => staff.has(a.personId));
  const items = rows.map((a) => ({ ...a, personName: staff.get(a.personId)!.fullName, personTitle: staff.get(a.personId)!.title, categoryLabel: CATEGORY_LABELS[a.category] }));
  items.sort((a, b) => comparePersonName(a.personName, b.personName) || a.startOn.localeCompare(b.startOn));
  return { unit: { id: payer.unit.id, name: payer.unit.name }, items, can: canOn(user, payer) };
}

export async function createAssignment(m: Mutation, unitId: string, input: AssignmentInput) {
  const payer = await payerOf(m.tx, m.user, unitId);
  requireDuty(m.user, 'records', payer);
  await personOfPayer(m.tx, payer, input.personId);
  if (input.endOn && input.endOn < input.startOn) throw errors.field('endOn', 'Ngày kết thúc phân công phải từ ngày bắt đầu trở đi.');
  if (input.decisionDate > input.startOn) throw errors.field('decisionDate', 'Quyết định phải ký trước hoặc đúng ngày bắt đầu phân công.');
  const [row] = await m.tx.insert(allowanceAssignments).values({
    tenantId: m.tenantId, unitId, ...input, signer: input.signer ?? '', taskId: input.taskId ?? null, endOn: input.endOn ?? null, fileId: input.fileId ?? null, createdBy: m.user.id,
  }).returning();
  await m.audit({ action: 'allowance.assignment.create', entityType: 'allowance_assignment', entityId: row.id, summary: `Quyết định phân công ${row.decisionNo} (${CATEGORY_LABELS[row.category]}, từ ${formatViDate(row.startOn)})`, after: row });
  return row;
}

/** Stop paying from the day after `stoppedOn` (seed 000 II.5: "kịp thời dừng chi trả, điều chỉnh danh sách"). */
export async function stopAssignment(m: Mutation, id: string, input: { stoppedOn: string; reason: string }) {
  const [a] = await m.tx.select().from(allowanceAssignments).where(eq(allowanceAssignments.id, id)).for('update');
  if (!a) throw errors.notFound('quyết định phân công');
  requireDuty(m.user, 'records', await payerOf(m.tx, m.user, a.unitId));
  if (input.stoppedOn < addDays(a.startOn, -1)) throw errors.field('stoppedOn', `Ngày dừng không được trước ngày bắt đầu phân công (${formatViDate(a.startOn)}).`);
  if (a.stoppedOn) throw errors.conflict(`Phân công đã dừng từ sau ngày ${formatViDate(a.stoppedOn)}.`);
  const [row] = await m.tx.update(allowanceAssignments).set({ stoppedOn: input.stoppedOn, stopReason: input.reason, updatedAt: new Date() }).where(eq(allowanceAssignments.id, id)).returning();
  await m.audit({ action: 'allowance.assignment.stop', entityType: 'allowance_assignment', entityId: id, summary: `Dừng hưởng hỗ trợ theo quyết định ${a.decisionNo} sau ngày ${formatViDate(input.stoppedOn)}: ${input.reason}`, before: a, after: row });
  return row;
}

/** The month's ratings of everyone of the unit who holds an assignment. */
export async function listRatings(tx: Tx, user: CurrentUser, unitId: string, month: string) {
  const payer = await payerOf(tx, user, unitId);
  const staff = await peopleOf(tx, payer);
  const assigned = new Set((await tx.select({ p: allowanceAssignments.personId }).from(allowanceAssignments).where(eq(allowanceAssignments.unitId, unitId))).map((r) => r.p));
  const ratings = new Map((await tx.select().from(allowanceRatings).where(eq(allowanceRatings.month, month))).map((r) => [r.personId, r]));
  const items = staff.filter((p) => assigned.has(p.id)).map((p) => {
    const r = ratings.get(p.id);
    return { personId: p.id, fullName: p.fullName, title: p.title, rating: r?.rating ?? null, ratingLabel: r ? RATING_LABELS[r.rating] : '', note: r?.note ?? '', enteredByName: r?.enteredByName ?? '' };
  });
  items.sort((a, b) => comparePersonName(a.fullName, b.fullName));
  return { month, items, can: canOn(user, payer) };
}

export async function saveRatings(m: Mutation, unitId: string, input: { month: string; items: { personId: string; rating: Rating; note?: string }[] }) {
  const payer = await payerOf(m.tx, m.user, unitId);
  requireDuty(m.user, 'records', payer);
  for (const [i, item] of input.items.entries()) await personOfPayer(m.tx, payer, item.personId, `items.${i}.personId`);
  for (const item of input.items) {
    const values = { rating: item.rating, note: item.note ?? '', enteredBy: m.user.id, enteredByName: m.user.displayName, updatedAt: new Date() };
    await m.tx.insert(allowanceRatings).values({ tenantId: m.tenantId, personId: item.personId, month: input.month, ...values })
      .onConflictDoUpdate({ target: [allowanceRatings.personId, allowanceRatings.month], set: values });
  }
  await m.audit({ action: 'allowance.ratings.save', entityType: 'org_unit', entityId: unitId, summary: `Xếp loại tháng ${input.month} của ${input.items.length} cán bộ (${payer.unit.name})`, after: input });
  return listRatings(m.tx, m.user, unitId, input.month);
}

export async function listBenefits(tx: Tx, user: CurrentUser, unitId: string) {
  const payer = await payerOf(tx, user, unitId);
  const staff = new Map((await peopleOf(tx, payer)).map((p) => [p.id, p]));
  const rows = (await tx.select().from(allowanceOtherBenefits)).filter((b) => staff.has(b.personId));
  return { items: rows.map((b) => ({ ...b, personName: staff.get(b.personId)!.fullName })).sort((a, b) => comparePersonName(a.personName, b.personName)), can: canOn(user, payer) };
}

export async function createBenefit(m: Mutation, unitId: string, input: { personId: string; name: string; basis?: string; startOn: string; endOn?: string | null; sameWork: boolean }) {
  const payer = await payerOf(m.tx, m.user, unitId);
  requireDuty(m.user, 'records', payer);
  await personOfPayer(m.tx, payer, input.personId);
  if (input.endOn && input.endOn < input.startOn) throw errors.field('endOn', 'Ngày kết thúc phải từ ngày bắt đầu trở đi.');
  const [row] = await m.tx.insert(allowanceOtherBenefits).values({ tenantId: m.tenantId, ...input, basis: input.basis ?? '', endOn: input.endOn ?? null, createdBy: m.user.id }).returning();
  await m.audit({ action: 'allowance.benefit.create', entityType: 'allowance_other_benefit', entityId: row.id, summary: `Chính sách khác: ${row.name}${row.sameWork ? ' (cùng nhiệm vụ — không hưởng hỗ trợ trùng)' : ''}`, after: row });
  return row;
}

/** Employment dates of a person, kept by the HR of the person's paying unit. */
export async function setEmployment(m: Mutation, personId: string, input: { joinedOn?: string | null; leftOn?: string | null }) {
  const [p] = await m.tx.select().from(people).where(eq(people.id, personId)).for('update');
  if (!p) throw errors.notFound('cán bộ');
  const payingUnit = payingUnitOf(p.unitId, new Map((await allUnits(m.tx)).map((u) => [u.id, u])));
  if (!payingUnit) throw errors.notFound('đơn vị chi trả của cán bộ');
  const payer = await payerOf(m.tx, m.user, payingUnit.id);
  requireDuty(m.user, 'records', payer);
  const next = { joinedOn: input.joinedOn === undefined ? p.joinedOn : input.joinedOn, leftOn: input.leftOn === undefined ? p.leftOn : input.leftOn };
  if (next.joinedOn && next.leftOn && next.leftOn < next.joinedOn) throw errors.field('leftOn', 'Ngày cuối cùng công tác phải từ ngày về đơn vị trở đi.');
  const [row] = await m.tx.update(people).set({ ...next, updatedAt: new Date() }).where(and(eq(people.id, personId))).returning();
  await m.audit({ action: 'org.person.employment', entityType: 'person', entityId: personId, summary: `${p.fullName}: công tác ${next.joinedOn ? `từ ${formatViDate(next.joinedOn)}` : ''}${next.leftOn ? ` đến ${formatViDate(next.leftOn)}` : ''}`.trim(), before: { joinedOn: p.joinedOn, leftOn: p.leftOn }, after: next });
  return row;
}
