// The steps that move a list (propose, return, approve, pay) and what the people at each step see.
// Each step is a conditional UPDATE on the version the user saw: of two approvers pressing at once, one wins
// and the other is told the list changed.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { hasDuty, listActionBlocked, LIST_STATUS_LABELS, NEXT, type ListAction, type ListStatus } from '../../../core/allowance/workflow.ts';
import { CATEGORY_LABELS, RATING_LABELS } from '../../../core/allowance/types.ts';
import { formatViDate, todayInVietnam } from '../../../core/schedule/dates.ts';
import { comparePersonName, formatViNumber } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { allowanceLines, allowanceListEvents, allowanceLists, allowancePolicies } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits } from '../org/queries.ts';
import { payerOf, toPolicy } from './context.ts';
import { listTotals, type ListRow } from './lists.service.ts';

export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
export const lockedList = (l: { status: ListStatus }) => l.status === 'approved' || l.status === 'paid';

/** Bump the version (and set fields) only if nobody changed the list since it was read. */
export async function touchList(tx: Tx, list: ListRow, set: Partial<ListRow>): Promise<ListRow> {
  const [row] = await tx.update(allowanceLists).set({ updatedAt: new Date(), ...set, version: list.version + 1 })
    .where(and(eq(allowanceLists.id, list.id), eq(allowanceLists.version, list.version), eq(allowanceLists.status, list.status))).returning();
  if (!row) throw errors.conflict('Danh sách vừa được người khác thay đổi; tải lại trang để xem bản mới nhất.');
  return row;
}

const STEP_WORDS: Record<Exclude<ListAction, 'edit'>, string> = { propose: 'Đề xuất', return: 'Trả lại', approve: 'Duyệt', pay: 'Chi trả' };

export interface StepInput {
  version: number;
  comment?: string;
  decisionNo?: string;
  payPeriod?: string;
  paidOn?: string;
  amount?: number;
}

/** `at` is the moment of the step by the app's clock (tests and the demo set it). */
export async function stepList(m: Mutation, listId: string, action: Exclude<ListAction, 'edit'>, input: StepInput, at: Date) {
  const today = todayInVietnam(at);
  // Read without a lock and let the conditional UPDATE decide: a racing second approver gets 409, not a wait.
  const [list] = await m.tx.select().from(allowanceLists).where(eq(allowanceLists.id, listId));
  if (!list) throw errors.notFound('danh sách hỗ trợ');
  const payer = await payerOf(m.tx, m.user, list.unitId);
  const blocked = listActionBlocked(action, list, m.user);
  if (blocked) throw blocked.startsWith('Bạn không có quyền') ? errors.forbidden(blocked) : errors.conflict(blocked);
  if (list.version !== input.version) throw errors.conflict('Danh sách vừa được người khác thay đổi; tải lại trang để xem bản mới nhất.');
  const comment = (input.comment ?? '').trim();
  const [totals] = await listTotals(m.tx, [list.id]);
  const total = (totals?.regular ?? 0) + (totals?.adjustments ?? 0);
  const set: Partial<ListRow> = { status: NEXT[action] };
  if (action === 'propose') Object.assign(set, { proposedBy: m.user.id, proposedAt: at, reviewComment: '' });
  if (action === 'return') {
    if (!comment) throw errors.field('comment', 'Nêu ý kiến để bộ phận lập danh sách biết cần sửa gì.');
    set.reviewComment = comment;
  }
  if (action === 'approve') Object.assign(set, { approvedBy: m.user.id, approvedByName: m.user.displayName, approvedAt: at, decisionNo: (input.decisionNo ?? '').trim() });
  if (action === 'pay') {
    if (!input.payPeriod?.trim()) throw errors.field('payPeriod', 'Nhập kỳ chi trả (ví dụ: kỳ lương tháng 7/2026).');
    if (!input.paidOn) throw errors.field('paidOn', 'Nhập ngày chi trả.');
    if (input.paidOn > today) throw errors.field('paidOn', 'Ngày chi trả không được sau hôm nay.');
    if (input.amount !== total) throw errors.field('amount', `Số tiền đã chi (${formatViNumber(input.amount ?? 0)} đồng) phải bằng tổng danh sách đã duyệt (${formatViNumber(total)} đồng).`);
    Object.assign(set, { payPeriod: input.payPeriod.trim(), paidOn: input.paidOn, paidAmount: total, paidBy: m.user.id });
  }
  const row = await touchList(m.tx, list, { ...set, updatedAt: at });
  const note = action === 'pay' ? `${input.payPeriod!.trim()}, ngày ${formatViDate(input.paidOn!)}, ${formatViNumber(total)} đồng`
    : action === 'approve' && set.decisionNo ? `Quyết định số ${set.decisionNo}${comment ? `; ${comment}` : ''}` : comment;
  await m.tx.insert(allowanceListEvents).values({ tenantId: m.tenantId, listId, action, comment: note, actorId: m.user.id, actorName: m.user.displayName, createdAt: at });
  await m.audit({
    action: `allowance.list.${action}`, entityType: 'allowance_list', entityId: listId,
    summary: `${STEP_WORDS[action]} danh sách hỗ trợ tháng ${monthLabel(list.month)} của ${payer.unit.name} (${formatViNumber(total)} đồng)${note ? `: ${note}` : ''}`,
    before: { status: list.status, version: list.version }, after: { status: row.status, version: row.version, total },
  });
  return row;
}

/** One list as its people see it: lines, totals, history, and what this user may do now. */
export async function listView(tx: Tx, user: CurrentUser, listId: string) {
  const [list] = await tx.select().from(allowanceLists).where(eq(allowanceLists.id, listId));
  if (!list) throw errors.notFound('danh sách hỗ trợ');
  const payer = await payerOf(tx, user, list.unitId);
  const lines = await tx.select().from(allowanceLines).where(eq(allowanceLines.listId, listId));
  const events = await tx.select().from(allowanceListEvents).where(eq(allowanceListEvents.listId, listId)).orderBy(asc(allowanceListEvents.createdAt));
  const [totals] = await listTotals(tx, [listId]);
  const [policy] = list.policyId ? await tx.select().from(allowancePolicies).where(eq(allowancePolicies.id, list.policyId)) : [];
  lines.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'regular' ? -1 : 1) || comparePersonName(a.personName, b.personName) || a.forMonth.localeCompare(b.forMonth));
  const may = (a: ListAction) => listActionBlocked(a, list, user) === null;
  return {
    ...list, statusLabel: LIST_STATUS_LABELS[list.status], unitName: payer.unit.name, unitKind: payer.unit.kind,
    policy: policy ? { ...toPolicy(policy), legalBasis: policy.legalBasis, note: policy.note } : null,
    totals: { people: totals?.people ?? 0, regular: totals?.regular ?? 0, adjustments: totals?.adjustments ?? 0, total: (totals?.regular ?? 0) + (totals?.adjustments ?? 0) },
    lines: lines.map((l) => ({ ...l, categoryLabel: l.category ? CATEGORY_LABELS[l.category] : '', ratingLabel: l.rating ? RATING_LABELS[l.rating] : '' })),
    events,
    can: { edit: may('edit'), propose: may('propose'), return: may('return'), approve: may('approve'), pay: may('pay') },
  };
}

/** The paying units the user may see, with the month's list of each (or none yet), the Sở first. */
export async function listsOfMonth(tx: Tx, user: CurrentUser, month: string) {
  const units = (await allUnits(tx)).filter((u) => u.active && (u.kind === 'department' || u.kind === 'unit') && can(user, 'allowance.read', { unitPath: u.path }));
  const lists = units.length ? await tx.select().from(allowanceLists).where(and(eq(allowanceLists.month, month), inArray(allowanceLists.unitId, units.map((u) => u.id)))) : [];
  const totals = new Map((await listTotals(tx, lists.map((l) => l.id))).map((t) => [t.listId, t]));
  const byUnit = new Map(lists.map((l) => [l.unitId, l]));
  const items = units.map((u) => {
    const l = byUnit.get(u.id);
    const t = l ? totals.get(l.id) : undefined;
    return {
      unitId: u.id, unitName: u.name, kind: u.kind, listId: l?.id ?? null, status: l?.status ?? null, statusLabel: l ? LIST_STATUS_LABELS[l.status] : 'Chưa lập',
      people: t?.people ?? 0, total: (t?.regular ?? 0) + (t?.adjustments ?? 0), sortOrder: u.sortOrder,
    };
  });
  items.sort((a, b) => (a.kind === 'department' ? -1 : b.kind === 'department' ? 1 : a.sortOrder - b.sortOrder || a.unitName.localeCompare(b.unitName, 'vi')));
  return { month, items };
}

/** The list of a unit and month, or null with what the user may do about it. */
export async function listOfUnitMonth(tx: Tx, user: CurrentUser, unitId: string, month: string) {
  const payer = await payerOf(tx, user, unitId);
  const [list] = await tx.select({ id: allowanceLists.id }).from(allowanceLists).where(and(eq(allowanceLists.unitId, unitId), eq(allowanceLists.month, month))).orderBy(desc(allowanceLists.createdAt));
  if (list) return { list: await listView(tx, user, list.id) };
  return { list: null, unitName: payer.unit.name, canGenerate: hasDuty(user, 'prepare', unitId) };
}
