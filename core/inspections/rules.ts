// Inspections (kiểm tra, giám sát) of seeds 000 and 004: the coverage a yearly inspection plan must reach
// ("tối thiểu 30% đơn vị thuộc Sở", seed 004 I.2) and the life of a corrective action a finding gives a unit.

/**
 * Coverage of a plan: units whose inspection has concluded, over the units the target is counted on (the units
 * directly under the Sở). Planned coverage counts the units scheduled. `needed` is how many more concluded
 * inspections reach the target — rounded up, since "tối thiểu 30%" of 9 units is 3, not 2.7.
 */
export function coverage(input: { population: number; planned: number; concluded: number; targetPct: number }) {
  const pct = (n: number) => (input.population ? Math.round((n / input.population) * 1000) / 10 : 0);
  const required = Math.max(0, Math.ceil((input.population * input.targetPct) / 100 - 1e-9));
  return {
    population: input.population, planned: input.planned, concluded: input.concluded, targetPct: input.targetPct,
    plannedPct: pct(input.planned), concludedPct: pct(input.concluded), required,
    needed: Math.max(0, required - input.concluded), meets: input.concluded >= required, plannedMeets: input.planned >= required,
  };
}

export const ACTION_STATUSES = ['open', 'reported', 'closed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus | 'overdue', string> = {
  open: 'Đang khắc phục', reported: 'Đã báo cáo khắc phục', closed: 'Đã đóng', overdue: 'Quá hạn khắc phục',
};

/** The state shown: an open action past its deadline is overdue, the day after the deadline (Vietnam date). */
export const actionState = (a: { status: ActionStatus; dueOn: string }, today: string): ActionStatus | 'overdue' =>
  a.status === 'open' && a.dueOn < today ? 'overdue' : a.status;

export const INSPECTION_STATUSES = ['planned', 'concluded'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = { planned: 'Chưa kết luận', concluded: 'Đã có kết luận' };
