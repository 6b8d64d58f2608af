// A paying unit's year in money: the estimate (dự toán) from its assignments and the policy plus the reward fund
// and recorded adjustments, what was paid month by month against it, and the settlement (quyết toán) per person
// and month from the paid lists. Money paid is counted in the month of the list that paid it, as the books do.
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { estimateYear } from '../../../core/allowance/budget.ts';
import { monthsBetween } from '../../../core/allowance/engine.ts';
import { formatViNumber, comparePersonName } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { allowanceBudgetAdjustments, allowanceBudgets, allowanceLines, allowanceLists, rewardProposals } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import type { SheetSpec } from '../documents/workbook.ts';
import { canOn, engineInputs, payerOf, peopleOf, requireDuty, toAssignment } from './context.ts';

const paidLines = (tx: Tx, unitId: string, year: number) => tx.select({ line: allowanceLines, month: allowanceLists.month }).from(allowanceLines)
  .innerJoin(allowanceLists, eq(allowanceLists.id, allowanceLines.listId))
  .where(and(eq(allowanceLists.unitId, unitId), eq(allowanceLists.status, 'paid'), like(allowanceLists.month, `${year}-%`), eq(allowanceLines.included, true)));

export async function budgetView(tx: Tx, user: CurrentUser, unitId: string, year: number) {
  const payer = await payerOf(tx, user, unitId);
  const staff = await peopleOf(tx, payer);
  const inputs = await engineInputs(tx, staff.map((p) => p.id), `${year}-01`, `${year}-12`);
  const [budget] = await tx.select().from(allowanceBudgets).where(and(eq(allowanceBudgets.unitId, unitId), eq(allowanceBudgets.year, year)));
  const adjustments = budget ? await tx.select().from(allowanceBudgetAdjustments).where(eq(allowanceBudgetAdjustments.budgetId, budget.id)).orderBy(asc(allowanceBudgetAdjustments.createdAt)) : [];
  const estimate = estimateYear({
    year, policies: inputs.policies, rewardFund: budget?.rewardFund ?? 0, adjustments: adjustments.reduce((s, a) => s + a.amount, 0),
    people: staff.map((p) => ({
      personId: p.id, employment: { joinedOn: p.joinedOn, leftOn: p.leftOn },
      assignments: (inputs.assignments.get(p.id) ?? []).filter((a) => a.unitId === unitId).map(toAssignment), otherBenefits: inputs.benefits.get(p.id) ?? [],
    })),
  });
  const spentByMonth = new Map<string, number>();
  for (const r of await paidLines(tx, unitId, year)) spentByMonth.set(r.month, (spentByMonth.get(r.month) ?? 0) + r.line.amount);
  const [rewards] = await tx.select({ amount: sql<number>`coalesce(sum(${rewardProposals.decidedAmount}), 0)`.mapWith(Number) }).from(rewardProposals)
    .where(and(eq(rewardProposals.unitId, unitId), eq(rewardProposals.status, 'approved'), like(sql`${rewardProposals.decisionDate}::text`, `${year}-%`)));
  const spentAllowance = [...spentByMonth.values()].reduce((s, v) => s + v, 0);
  return {
    unit: { id: payer.unit.id, name: payer.unit.name }, year,
    isExample: inputs.policies.some((p) => p.isExample),
    months: estimate.months.map((m) => ({ ...m, spent: spentByMonth.get(m.month) ?? 0 })),
    estimate: { allowance: estimate.allowance, rewardFund: estimate.rewardFund, adjustments: estimate.adjustments, total: estimate.total },
    spent: { allowance: spentAllowance, rewards: rewards.amount, total: spentAllowance + rewards.amount },
    remaining: estimate.total - spentAllowance - rewards.amount,
    adjustmentItems: adjustments, note: budget?.note ?? '', can: canOn(user, payer),
  };
}

async function budgetRow(m: Mutation, unitId: string, year: number) {
  const [row] = await m.tx.insert(allowanceBudgets).values({ tenantId: m.tenantId, unitId, year, updatedBy: m.user.id })
    .onConflictDoUpdate({ target: [allowanceBudgets.unitId, allowanceBudgets.year], set: { updatedAt: new Date() } }).returning();
  return row;
}

/** Finance sets the year's reward fund; the allowance part is always computed, never typed. */
export async function setRewardFund(m: Mutation, unitId: string, year: number, input: { rewardFund: number; note?: string }) {
  const payer = await payerOf(m.tx, m.user, unitId);
  requireDuty(m.user, 'pay', payer);
  const before = await budgetRow(m, unitId, year);
  const [row] = await m.tx.update(allowanceBudgets).set({ rewardFund: input.rewardFund, note: input.note ?? before.note, updatedBy: m.user.id, updatedAt: new Date() }).where(eq(allowanceBudgets.id, before.id)).returning();
  await m.audit({ action: 'allowance.budget.fund', entityType: 'allowance_budget', entityId: row.id, summary: `Quỹ thưởng năm ${year} của ${payer.unit.name}: ${formatViNumber(row.rewardFund)} đồng`, before: { rewardFund: before.rewardFund }, after: { rewardFund: row.rewardFund } });
  return row;
}

export async function addBudgetAdjustment(m: Mutation, unitId: string, year: number, input: { amount: number; reason: string; decisionNo?: string }) {
  const payer = await payerOf(m.tx, m.user, unitId);
  requireDuty(m.user, 'pay', payer);
  if (input.amount === 0) throw errors.field('amount', 'Số tiền điều chỉnh phải khác 0 (số âm để giảm dự toán).');
  const budget = await budgetRow(m, unitId, year);
  const [row] = await m.tx.insert(allowanceBudgetAdjustments).values({ tenantId: m.tenantId, budgetId: budget.id, amount: input.amount, reason: input.reason.trim(), decisionNo: input.decisionNo?.trim() ?? '', createdBy: m.user.id, createdByName: m.user.displayName }).returning();
  await m.audit({ action: 'allowance.budget.adjust', entityType: 'allowance_budget', entityId: budget.id, summary: `Điều chỉnh dự toán năm ${year} của ${payer.unit.name}: ${formatViNumber(input.amount)} đồng — ${row.reason}`, after: row });
  return row;
}

/** The settlement: each person's paid money per month of the year (by the month of the list that paid it). */
export async function settlement(tx: Tx, user: CurrentUser, unitId: string, year: number) {
  const payer = await payerOf(tx, user, unitId);
  const months = monthsBetween(`${year}-01`, `${year}-12`);
  const rows = await paidLines(tx, unitId, year);
  const people = new Map<string, { personId: string; name: string; title: string; months: number[]; adjustments: number; total: number }>();
  for (const { line, month } of rows) {
    const p = people.get(line.personId) ?? { personId: line.personId, name: line.personName, title: line.personTitle, months: months.map(() => 0), adjustments: 0, total: 0 };
    p.months[months.indexOf(month)] += line.amount;
    if (line.kind === 'adjustment') p.adjustments += line.amount;
    p.total += line.amount;
    people.set(line.personId, p);
  }
  const items = [...people.values()].sort((a, b) => comparePersonName(a.name, b.name));
  const lists = await tx.select().from(allowanceLists).where(and(eq(allowanceLists.unitId, unitId), inArray(allowanceLists.month, months))).orderBy(asc(allowanceLists.month));
  return {
    unit: { id: payer.unit.id, name: payer.unit.name }, year, months, items,
    totals: months.map((_, i) => items.reduce((s, p) => s + p.months[i], 0)),
    total: items.reduce((s, p) => s + p.total, 0),
    lists: lists.map((l) => ({ month: l.month, status: l.status, decisionNo: l.decisionNo, payPeriod: l.payPeriod, paidOn: l.paidOn, paidAmount: l.paidAmount })),
  };
}

export function settlementSheets(s: Awaited<ReturnType<typeof settlement>>): SheetSpec[] {
  return [{
    name: `Quyết toán ${s.year}`,
    title: `QUYẾT TOÁN KINH PHÍ HỖ TRỢ NĂM ${s.year}`,
    subtitle: `${s.unit.name} — số tiền đã chi theo tháng chi trả; truy lĩnh, thu hồi tính vào tháng chi`,
    columns: [{ title: 'STT', width: 6, kind: 'number' }, { title: 'Họ và tên', width: 26 }, { title: 'Chức danh', width: 20 },
      ...s.months.map((m) => ({ title: `T${Number(m.slice(5))}`, width: 12, kind: 'money' as const })), { title: 'Trong đó truy lĩnh, thu hồi', width: 14, kind: 'money' }, { title: 'Cộng', width: 14, kind: 'money' }],
    rows: s.items.map((p, i) => [i + 1, p.name, p.title, ...p.months, p.adjustments, p.total]),
    total: [null, 'Tổng cộng', null, ...s.totals, s.items.reduce((a, p) => a + p.adjustments, 0), s.total],
  }];
}
