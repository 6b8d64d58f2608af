// Shapes of the reports API as the pages use them, the labels and colours of a report's states, and
// the small helpers the pages share (links, number display, which reports are still owed).
import { formatNumber } from '../../components/format.ts';
import type { AdhocRequest, DueRule, Period, PeriodType } from '../../../core/reports/periods.ts';
import { SUBMISSION_STATUS_LABELS, type CellType, type ReportValues, type TemplateDef } from '../../../core/reports/template.ts';
import type { Completeness, ReportState } from '../../../core/reports/workflow.ts';

export type { Completeness, ReportState };
/** One expected unit's report of a period, as the server presents it. */
import type { UnitStatus } from '../../../server/modules/reports/schedules.service.ts';
export type { UnitStatus };

export interface PeriodView extends Period { locked: boolean }


export interface Schedule {
  id: string; title: string; templateId: string; templateName: string; owner: { id: string; name: string };
  planId: string | null; periodType: PeriodType; dueRule: DueRule; graceDays: number; lockDays: number; adhoc: AdhocRequest[];
  assigneeMode: 'subordinates' | 'list' | 'division'; assigneeUnitIds: string[]; startsOn: string; endsOn: string | null; active: boolean;
  /** "6 tháng, hạn 10/6 và 10/12". */
  rule: string;
}

export interface ScheduleListItem extends Schedule {
  current: { period: PeriodView; completeness: Completeness } | null;
  /** The user's own units' reports of the current period. */
  mine: UnitStatus[];
  canManage: boolean;
  canReview: boolean;
}

export interface ScheduleDetail {
  schedule: Schedule;
  /** Newest first, at most 12. */
  periods: { period: Period; completeness: Completeness }[];
  selected: { period: PeriodView; completeness: Completeness; units: UnitStatus[] } | null;
  canManage: boolean;
  canReview: boolean;
  canReadConsolidation: boolean;
}

export interface ReportTemplate { id: string; builtinKey: string | null; name: string; description: string; definition: TemplateDef; version: number }

export interface RemindResult { reminded: string[]; noRecipient: string[]; alreadyToday: number; emails: number }

export interface HistoryEvent { action: string; comment: string; actorName: string; at: string }

export interface SubmissionView {
  id: string | null;
  schedule: { id: string; title: string; owner: string };
  unit: { id: string; name: string };
  period: PeriodView;
  template: { id: string; name: string; version: number; definition: TemplateDef };
  state: ReportState;
  stateLabel: string;
  values: ReportValues;
  explanations: Record<string, string>;
  prefill: ReportValues;
  previous: { label: string; values: ReportValues } | null;
  submittedAt: string | null;
  onTime: boolean | null;
  approvedAt: string | null;
  reviewComment: string;
  version: number;
  exception: boolean;
  history: HistoryEvent[];
  can: { edit: boolean; review: boolean; reopen: boolean };
  blockedReason: string | null;
}

export const STATE_COLORS: Record<ReportState, string> = {
  missing: 'default', draft: 'blue', submitted: 'gold', returned: 'red', approved: 'green', reopened: 'purple',
};
export const stateLabel = (s: ReportState) => SUBMISSION_STATUS_LABELS[s];

/** Reports a unit still owes: nothing sent, a draft, returned or reopened (the reminders' rule too). */
export const OWED: readonly ReportState[] = ['missing', 'draft', 'returned', 'reopened'];

export const reportLink = (scheduleId: string, periodKey: string, unitId: string) =>
  `/bao-cao/${scheduleId}/ky/${encodeURIComponent(periodKey)}/don-vi/${unitId}`;
export const scheduleLink = (scheduleId: string, periodKey?: string) =>
  `/bao-cao/${scheduleId}${periodKey ? `?ky=${encodeURIComponent(periodKey)}` : ''}`;

/** A value as read: "180.000.000 đ", "12,5%", "12 người". */
export function formatValue(type: CellType, v: unknown, suffix?: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v !== 'number') return String(v);
  if (type === 'money') return `${formatNumber(v)} đ`;
  if (type === 'percent') return `${formatNumber(v)}%`;
  return suffix ? `${formatNumber(v)} ${suffix}` : formatNumber(v);
}
