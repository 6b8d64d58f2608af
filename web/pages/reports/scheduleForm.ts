// The schedule form's values and their translation to the API: due dates typed as people write them
// ("10/6, 10/12") sent as "MM-DD", and the API's error fields mapped back onto the form's inputs.
import type { Dayjs } from 'dayjs';
import type { DueRule, PeriodType, ScheduleRule } from '../../../core/reports/periods.ts';

export type AssigneeMode = 'subordinates' | 'list' | 'division';

export interface AdhocValues { label?: string; range?: [Dayjs, Dayjs] | null; dueOn?: Dayjs | null }

export interface ScheduleValues {
  title: string;
  templateId: string;
  ownerUnitId: string;
  periodType: PeriodType;
  dueKind: DueRule['kind'];
  /** "10/6, 10/12" */
  dueDates?: string;
  dueDay?: number;
  dueDays?: number;
  graceDays: number;
  lockDays: number;
  assigneeMode: AssigneeMode;
  assigneeList?: string[];
  assigneeDivision?: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  adhoc?: AdhocValues[];
}

export const DUE_KIND_LABELS: Record<DueRule['kind'], string> = {
  dates: 'Vào các ngày cố định trong năm',
  dayOfLastMonth: 'Trước ngày N của tháng cuối kỳ',
  daysAfterEnd: 'N ngày sau khi kết thúc kỳ',
  dayOfNextMonth: 'Ngày N của tháng sau kỳ',
};

export const ASSIGNEE_LABELS: Record<AssigneeMode, string> = {
  subordinates: 'Tất cả đơn vị trực thuộc Sở',
  list: 'Một số đơn vị',
  division: 'Một phòng thuộc Sở',
};

/**
 * "10/6, 10/12" or "10/6 và 10/12" → ["06-10", "12-10"]; `typed` keeps each date as written (for messages),
 * `bad` the pieces that are not a day/month.
 */
export function parseDayMonths(text: string | undefined): { dates: string[]; typed: string[]; bad: string[] } {
  const dates: string[] = [];
  const typed: string[] = [];
  const bad: string[] = [];
  for (const token of (text ?? '').split(/[\s,;]+/).filter((t) => t && t.toLowerCase() !== 'và')) {
    const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(token);
    if (m) { dates.push(`${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`); typed.push(token); } else bad.push(token);
  }
  return { dates, typed, bad };
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

export function dueRuleOf(v: Partial<ScheduleValues>): DueRule {
  switch (v.dueKind) {
    case 'dayOfLastMonth': case 'dayOfNextMonth': return { kind: v.dueKind, day: v.dueDay as number };
    case 'daysAfterEnd': return { kind: 'daysAfterEnd', days: v.dueDays as number };
    default: return { kind: 'dates', dates: parseDayMonths(v.dueDates).dates };
  }
}

/** Ad-hoc requests get keys "dot-1", "dot-2"… (the period key in links; at least 4 characters). */
export function adhocOf(v: Partial<ScheduleValues>) {
  return (v.adhoc ?? []).map((r, i) => ({
    key: `dot-${i + 1}`, label: (r?.label ?? '').trim(), start: iso(r?.range?.[0]), end: iso(r?.range?.[1]), dueOn: iso(r?.dueOn),
  }));
}

export function ruleOf(v: Partial<ScheduleValues>): ScheduleRule {
  return { periodType: v.periodType ?? 'half', dueRule: dueRuleOf(v), graceDays: v.graceDays as number, lockDays: v.lockDays as number, adhoc: adhocOf(v) };
}

export function bodyOf(v: ScheduleValues) {
  const rule = ruleOf(v);
  return {
    title: v.title.trim(), templateId: v.templateId, ownerUnitId: v.ownerUnitId, periodType: v.periodType,
    // An ad-hoc schedule has no rule of its own; the API still wants one.
    dueRule: v.periodType === 'adhoc' ? { kind: 'daysAfterEnd', days: 0 } : rule.dueRule,
    graceDays: v.graceDays, lockDays: v.lockDays, adhoc: v.periodType === 'adhoc' ? rule.adhoc : [],
    assigneeMode: v.assigneeMode,
    assigneeUnitIds: v.assigneeMode === 'list' ? v.assigneeList ?? [] : v.assigneeMode === 'division' && v.assigneeDivision ? [v.assigneeDivision] : [],
    startsOn: iso(v.startsOn), endsOn: v.endsOn ? iso(v.endsOn) : null,
  };
}

/** A schedule drafted elsewhere (a plan's reporting duty) as the form's values; the division confirms it. */
export interface SchedulePreset { title: string; periodType: PeriodType; dueRule: DueRule; startsOn: string; endsOn: string | null; planId: string; reportingDutyId: string }

/** "06-10" → "10/6", as the form's date list is typed. */
const dayMonth = (mmdd: string) => `${Number(mmdd.slice(3))}/${Number(mmdd.slice(0, 2))}`;

export function presetValues(p: SchedulePreset, day: (iso: string) => Dayjs): Partial<ScheduleValues> {
  const r = p.dueRule;
  return {
    title: p.title, templateId: 'builtin:ket-qua-thuc-hien-ke-hoach', periodType: p.periodType, dueKind: r.kind,
    ...(r.kind === 'dates' ? { dueDates: r.dates.map(dayMonth).join(', ') } : r.kind === 'daysAfterEnd' ? { dueDays: r.days } : { dueDay: r.day }),
    startsOn: day(p.startsOn), endsOn: p.endsOn ? day(p.endsOn) : null,
  };
}

/** Where an API or checkRule error field ("dueRule.dates.1", "adhoc.0.end") shows on this form. */
export function formFieldOf(field: string, mode: AssigneeMode | undefined): (string | number)[] | null {
  const parts = field.split('.');
  if (parts[0] === 'dueRule') return [{ dates: 'dueDates', day: 'dueDay', days: 'dueDays' }[parts[1]] ?? 'dueKind'];
  if (parts[0] === 'assigneeUnitIds') return [mode === 'division' ? 'assigneeDivision' : mode === 'list' ? 'assigneeList' : 'assigneeMode'];
  if (parts[0] === 'adhoc' && parts.length >= 3) {
    const at = { key: 'label', label: 'label', start: 'range', end: 'range', dueOn: 'dueOn' }[parts[2]];
    return at ? ['adhoc', Number(parts[1]), at] : null;
  }
  const direct = ['title', 'templateId', 'ownerUnitId', 'periodType', 'graceDays', 'lockDays', 'startsOn', 'endsOn'];
  return direct.includes(parts[0]) ? [parts[0]] : null;
}
