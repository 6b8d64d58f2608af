// The life of one unit's report for one period, and the reporting-rate measures over many of them.
// draft → submitted → (returned → submitted)* → approved; an approved report or a locked period changes
// only through a lock exception granted to that unit.
import type { SubmissionStatus } from './template.ts';

export type ReportState = SubmissionStatus | 'missing';
export type SubmissionAction = 'save' | 'submit' | 'return' | 'approve' | 'reopen';

export interface LockState {
  /** The period's lock date has passed. */
  periodLocked: boolean;
  /** A lock exception for this unit and period is in force. */
  exception: boolean;
}

const EDITABLE: readonly ReportState[] = ['missing', 'draft', 'returned', 'reopened'];

/** Why the unit cannot change its report now, or null when it can. */
export function editBlocked(state: ReportState, lock: LockState): string | null {
  if (state === 'approved') return 'Báo cáo đã được duyệt và khóa số liệu; cần Lãnh đạo Sở mở lại kỳ báo cáo cho đơn vị.';
  if (state === 'submitted') return 'Báo cáo đã gửi và đang chờ phòng chuyên môn xem xét.';
  if (!EDITABLE.includes(state)) return 'Báo cáo không thể sửa ở trạng thái này.';
  if (lock.periodLocked && !lock.exception) return 'Kỳ báo cáo đã khóa; cần Lãnh đạo Sở mở lại kỳ báo cáo cho đơn vị.';
  return null;
}

/** Why the reviewer cannot return or approve now, or null. */
export function reviewBlocked(state: ReportState): string | null {
  if (state === 'submitted') return null;
  if (state === 'approved') return 'Báo cáo đã được duyệt.';
  return 'Chỉ xem xét được báo cáo đơn vị đã gửi.';
}

/** Why a lock exception makes no sense now, or null. */
export function reopenBlocked(state: ReportState, lock: LockState): string | null {
  if (state === 'approved') return null;
  if (state === 'submitted') return 'Báo cáo đang chờ duyệt, không cần mở lại.';
  if (!lock.periodLocked) return 'Kỳ báo cáo chưa khóa: đơn vị vẫn có thể sửa và gửi.';
  if (lock.exception) return 'Kỳ báo cáo đã được mở lại cho đơn vị này.';
  return null;
}

/** The status after an action that was allowed. */
export function nextStatus(state: ReportState, action: SubmissionAction): SubmissionStatus {
  switch (action) {
    case 'save': return state === 'missing' ? 'draft' : (state as SubmissionStatus);
    case 'submit': return 'submitted';
    case 'return': return 'returned';
    case 'approve': return 'approved';
    case 'reopen': return state === 'approved' ? 'reopened' : state === 'missing' ? 'draft' : (state as SubmissionStatus);
  }
}

export interface UnitReport { state: ReportState; submitted: boolean; onTime: boolean | null }

export interface Completeness {
  expected: number;
  /** Units that have sent their report at least once (a returned report was sent). */
  submitted: number;
  onTime: number;
  approved: number;
  /** Percentages of `expected`, one decimal; null when nothing is expected. */
  submittedRate: number | null;
  onTimeRate: number | null;
  approvedRate: number | null;
}

const rate = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 10);

/** DHIS2's reporting rates: of the reports expected, how many came, came on time, were approved. */
export function completeness(reports: readonly UnitReport[]): Completeness {
  const expected = reports.length;
  const submitted = reports.filter((r) => r.submitted).length;
  const onTime = reports.filter((r) => r.submitted && r.onTime === true).length;
  const approved = reports.filter((r) => r.state === 'approved').length;
  return {
    expected, submitted, onTime, approved,
    submittedRate: rate(submitted, expected), onTimeRate: rate(onTime, expected), approvedRate: rate(approved, expected),
  };
}

/** Adds several completeness figures (units × periods, or schedules) into one. */
export function sumCompleteness(parts: readonly Completeness[]): Completeness {
  const t = parts.reduce((a, c) => ({ expected: a.expected + c.expected, submitted: a.submitted + c.submitted, onTime: a.onTime + c.onTime, approved: a.approved + c.approved }), { expected: 0, submitted: 0, onTime: 0, approved: 0 });
  return { ...t, submittedRate: rate(t.submitted, t.expected), onTimeRate: rate(t.onTime, t.expected), approvedRate: rate(t.approved, t.expected) };
}
