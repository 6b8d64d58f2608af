// The life of a paying unit's monthly list (seed 000, appendix tasks 8 and 9) and who may move it.
// draft → proposed → (returned → proposed)* → approved → paid. IT prepares and proposes, HR approves or
// returns, finance records the payment. An approved list is locked: a later correction is an adjustment
// line in a later month's list, never an edit of the past.
import type { Actor, Role } from '../auth/policy.ts';
import type { UnitKindName } from '../org/units.ts';

export const LIST_STATUSES = ['draft', 'proposed', 'returned', 'approved', 'paid'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export const LIST_STATUS_LABELS: Record<ListStatus, string> = {
  draft: 'Đang lập',
  proposed: 'Chờ duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
  paid: 'Đã chi trả',
};

/**
 * The day of the month by which IT proposes the month's list, so that HR approves it and finance pays it with the
 * salary of the next pay period (seed 000 II.3: "thanh toán cùng kỳ lương … hoặc kỳ chi trả gần nhất").
 */
export const LIST_DUE_DAY = 25;

export type ListAction = 'edit' | 'propose' | 'return' | 'approve' | 'pay';

/** The duty each step needs, and the role that holds it on the paying unit. */
export type Duty = 'prepare' | 'approve' | 'records' | 'pay';
export const DUTY_ROLE: Record<Duty, Role> = { prepare: 'allowance_it', approve: 'allowance_hr', records: 'allowance_hr', pay: 'allowance_finance' };
export const DUTY_LABELS: Record<Duty, string> = {
  prepare: 'lập danh sách (CNTT)',
  records: 'ghi quyết định phân công, xếp loại (Tổ chức cán bộ)',
  approve: 'duyệt danh sách (Tổ chức cán bộ)',
  pay: 'chi trả (Kế toán)',
};
const ACTION_DUTY: Record<ListAction, Duty> = { edit: 'prepare', propose: 'prepare', return: 'approve', approve: 'approve', pay: 'pay' };

const FROM: Record<ListAction, readonly ListStatus[]> = {
  edit: ['draft', 'returned'],
  propose: ['draft', 'returned'],
  return: ['proposed'],
  approve: ['proposed'],
  pay: ['approved'],
};
export const NEXT: Record<Exclude<ListAction, 'edit'>, ListStatus> = { propose: 'proposed', return: 'returned', approve: 'approved', pay: 'paid' };

/**
 * Does the actor hold the duty on exactly this paying unit? Unlike reading, a duty does not flow down the
 * tree: the Sở's HR division approves the Sở's own staff, a hospital's HR section its hospital's
 * ("theo thẩm quyền"), so a grant on the Sở does not approve a hospital's list.
 */
export function hasDuty(actor: Actor, duty: Duty, payingUnitId: string): boolean {
  return actor.grants.some((g) => g.role === DUTY_ROLE[duty] && g.unitId === payingUnitId);
}

/** Why the actor cannot take the action on the list now, or null when it can. */
export function listActionBlocked(
  action: ListAction,
  list: { status: ListStatus; unitId: string; proposedBy: string | null },
  actor: Actor,
): string | null {
  const duty = ACTION_DUTY[action];
  if (!hasDuty(actor, duty, list.unitId)) return `Bạn không có quyền ${DUTY_LABELS[duty]} của đơn vị này.`;
  if (!FROM[action].includes(list.status)) {
    if (list.status === 'approved' || list.status === 'paid') return `Danh sách ${LIST_STATUS_LABELS[list.status].toLowerCase()} đã khóa; điều chỉnh bằng dòng truy lĩnh hoặc thu hồi ở danh sách tháng sau.`;
    return `Danh sách đang ở trạng thái “${LIST_STATUS_LABELS[list.status]}”, không thể ${ACTION_WORDS[action]}.`;
  }
  // One person does not both propose and approve the same list, even holding both duties.
  if ((action === 'approve' || action === 'return') && list.proposedBy === actorIdOf(actor)) return 'Người đề xuất danh sách không được tự duyệt hoặc trả lại danh sách của mình.';
  return null;
}

const ACTION_WORDS: Record<ListAction, string> = { edit: 'sửa', propose: 'đề xuất', return: 'trả lại', approve: 'duyệt', pay: 'ghi nhận chi trả' };
const actorIdOf = (a: Actor) => a.id;

/** The paying unit (đơn vị chi trả) of a person: the nearest of their unit and its ancestors that is the Sở or a subordinate unit. */
export function payingUnitOf<U extends { id: string; kind: UnitKindName | string; parentId: string | null }>(unitId: string, byId: ReadonlyMap<string, U>): U | null {
  for (let u = byId.get(unitId); u; u = u.parentId ? byId.get(u.parentId) : undefined) {
    if (u.kind === 'department' || u.kind === 'unit') return u;
  }
  return null;
}
