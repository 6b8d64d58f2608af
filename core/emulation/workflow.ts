// The life of a nomination (hồ sơ đề nghị khen thưởng) in the Sở (seed 001 IV.1 and IV.4): the unit drafts and
// submits it; Phòng TCCB checks the dossier against the form and returns it or sends it to the council; the council
// votes; the Director decides the Sở's own forms, higher forms are forwarded and their decision recorded later.

export const NOMINATION_STATUSES = ['draft', 'submitted', 'returned', 'checked', 'passed', 'failed', 'forwarded', 'decided'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const NOMINATION_STATUS_LABELS: Record<NominationStatus, string> = {
  draft: 'Đang lập',
  submitted: 'Chờ Phòng TCCB kiểm tra',
  returned: 'Trả lại để bổ sung',
  checked: 'Chờ Hội đồng xét',
  passed: 'Hội đồng đề nghị khen thưởng',
  failed: 'Hội đồng không đề nghị',
  forwarded: 'Đã trình cấp trên',
  decided: 'Đã khen thưởng',
};

export type NominationAction = 'submit' | 'return' | 'check' | 'vote' | 'decide' | 'forward' | 'record';

const FROM: Record<NominationAction, readonly NominationStatus[]> = {
  submit: ['draft', 'returned'],
  return: ['submitted'],
  check: ['submitted'],
  vote: ['checked'],
  decide: ['passed'],
  forward: ['passed'],
  record: ['forwarded'],
};

/** Why the action does not fit the nomination's state, or null. */
export function actionBlocked(action: NominationAction, n: { status: NominationStatus; decidedBySo: boolean }): string | null {
  if (!FROM[action].includes(n.status)) return `Hồ sơ đang ở trạng thái "${NOMINATION_STATUS_LABELS[n.status]}", không thực hiện được thao tác này.`;
  if (action === 'decide' && !n.decidedBySo) return 'Hình thức khen thưởng này do cấp trên quyết định: trình cấp trên, rồi ghi nhận quyết định khi có.';
  if ((action === 'forward' || action === 'record') && n.decidedBySo) return 'Hình thức khen thưởng này do Giám đốc Sở quyết định.';
  return null;
}

/** The rounds of a movement: every year's annual awards, and the review at the end of each phase. */
export type RoundKind = 'annual' | 'so_ket' | 'tong_ket';
export const ROUND_LABELS: Record<RoundKind, string> = { annual: 'Khen thưởng hằng năm', so_ket: 'Khen thưởng sơ kết', tong_ket: 'Khen thưởng tổng kết' };

export interface Phase { name: string; fromYear: number; toYear: number; review: Exclude<RoundKind, 'annual'> }

/** Phases follow each other inside the movement's years; the last one ends with the final review. */
export function checkPhases(movement: { startYear: number; endYear: number }, phases: readonly Phase[]): { field: string; message: string } | null {
  if (movement.endYear < movement.startYear) return { field: 'endYear', message: 'Năm kết thúc phải không trước năm bắt đầu.' };
  if (!phases.length) return { field: 'phases', message: 'Phong trào cần ít nhất một giai đoạn.' };
  let from = movement.startYear;
  for (const [i, p] of phases.entries()) {
    if (p.fromYear !== from) return { field: `phases.${i}.fromYear`, message: `Giai đoạn "${p.name}" phải bắt đầu từ năm ${from}.` };
    if (p.toYear < p.fromYear) return { field: `phases.${i}.toYear`, message: `Giai đoạn "${p.name}" kết thúc trước khi bắt đầu.` };
    // Seed 001 III.4: phase 1 "2025 - 2027", phase 2 "2027 - 2030": the review year opens the next phase.
    from = p.toYear;
  }
  if (phases[phases.length - 1].toYear !== movement.endYear) return { field: `phases.${phases.length - 1}.toYear`, message: `Giai đoạn cuối phải kết thúc năm ${movement.endYear}.` };
  if (phases[phases.length - 1].review !== 'tong_ket') return { field: `phases.${phases.length - 1}.review`, message: 'Giai đoạn cuối kết thúc bằng tổng kết phong trào.' };
  return null;
}

/** The achievement period of a round: the year, or the phase's years for a review ("2025-2027"). */
export function roundPeriod(kind: RoundKind, year: number, phases: readonly Phase[]): string | null {
  if (kind === 'annual') return String(year);
  const p = phases.find((x) => x.review === kind && x.toYear === year);
  return p ? `${p.fromYear}-${p.toYear}` : null;
}
