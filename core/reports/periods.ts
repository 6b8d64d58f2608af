// Reporting periods: which month, quarter, half-year, year or ad-hoc request a report covers,
// when it is due, until when it still counts as on time, and when it locks.
import { addDays, dayInMonth, isoDate, isValidDate, monthEnd, parts, quarterEnd, quarterStart, ROMAN } from '../schedule/dates.ts';

export const PERIOD_TYPES = ['month', 'quarter', 'half', 'year', 'adhoc'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];
export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  month: 'Hằng tháng', quarter: 'Hằng quý', half: '6 tháng', year: 'Hằng năm', adhoc: 'Đột xuất',
};

/** How a period's due date is found. */
export type DueRule =
  /** "MM-DD" per period of the year, in order; fewer dates than periods repeat by position modulo length. */
  | { kind: 'dates'; dates: string[] }
  /** Day N of the period's last month; -1 = last day, 31 clamps to the month's length. */
  | { kind: 'dayOfLastMonth'; day: number }
  /** N days after the period's last day (DHIS2's "days after period end"). */
  | { kind: 'daysAfterEnd'; days: number }
  /** Day N of the month after the period ends. */
  | { kind: 'dayOfNextMonth'; day: number };

export interface AdhocRequest { key: string; label: string; start: string; end: string; dueOn: string }

export interface ScheduleRule {
  periodType: PeriodType;
  /** Ignored for adhoc. */
  dueRule: DueRule;
  /** Days after the due date a submission still counts as on time (0 = by 23:59 of the due day). */
  graceDays: number;
  /** Days after the due date after which the period locks (no more edits without a lock exception). */
  lockDays: number;
  /** The ad-hoc requests, when periodType is 'adhoc'. */
  adhoc?: AdhocRequest[];
}

export interface Period {
  /** '2026-07' | '2026-Q3' | '2026-H1' | '2026' | adhoc request key */
  key: string;
  type: PeriodType;
  /** 'Tháng 7/2026' | 'Quý III/2026' | '6 tháng đầu năm 2026' | '6 tháng cuối năm 2026' | 'Năm 2026' | adhoc label */
  label: string;
  /** yyyy-mm-dd, inclusive. */
  start: string;
  end: string;
  dueOn: string;
  /** dueOn + graceDays. */
  timelyUntil: string;
  /** dueOn + lockDays: the last day edits are allowed. */
  locksAfter: string;
}

type Regular = Exclude<PeriodType, 'adhoc'>;
interface PeriodSlot { key: string; type: PeriodType; label: string; start: string; end: string; index: number }

const PER_YEAR: Record<Regular, number> = { month: 12, quarter: 4, half: 2, year: 1 };

// Years outside this range are typos, and Date.UTC maps years below 100 onto the 1900s.
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3600_000;

const dayNumber = (iso: string) => {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

/** The last millisecond of a calendar day in Vietnam (UTC+7, no daylight saving). */
function endOfVietnamDay(iso: string): number {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d + 1) - VIETNAM_OFFSET_MS - 1;
}

/** The index-th period (0-based) of a year. */
function slot(type: Regular, year: number, index: number): PeriodSlot {
  switch (type) {
    case 'month': {
      const start = isoDate(year, index + 1, 1);
      return { key: start.slice(0, 7), type, label: `Tháng ${index + 1}/${year}`, start, end: monthEnd(year, index + 1), index };
    }
    case 'quarter':
      return { key: `${year}-Q${index + 1}`, type, label: `Quý ${ROMAN[index]}/${year}`, start: quarterStart(year, index + 1), end: quarterEnd(year, index + 1), index };
    case 'half':
      return {
        key: `${year}-H${index + 1}`, type, label: `6 tháng ${index === 0 ? 'đầu' : 'cuối'} năm ${year}`,
        start: isoDate(year, index * 6 + 1, 1), end: monthEnd(year, index * 6 + 6), index,
      };
    case 'year':
      return { key: String(year), type, label: `Năm ${year}`, start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), index: 0 };
  }
}

/** Year and index from a key of the given type, or null when the key is not one. */
function parseKey(type: Regular, key: string): [number, number] | null {
  const patterns: Record<Regular, RegExp> = { month: /^(\d{4})-(\d{2})$/, quarter: /^(\d{4})-Q(\d)$/, half: /^(\d{4})-H(\d)$/, year: /^(\d{4})()$/ };
  const match = patterns[type].exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const index = type === 'year' ? 0 : Number(match[2]) - 1;
  return year >= MIN_YEAR && year <= MAX_YEAR && index >= 0 && index < PER_YEAR[type] ? [year, index] : null;
}

/**
 * The occurrence of "MM-DD" nearest to `end`, so a date in the next January still belongs to the
 * year that just ended; ties go to the later date, giving the window (end − ~6 months, end + ~6 months].
 */
function nearestOccurrence(monthDay: string, end: string): string {
  const [m, d] = monthDay.split('-').map(Number);
  const [y] = parts(end);
  const target = dayNumber(end);
  let best = '';
  let bestGap = Infinity;
  for (const year of [y - 1, y, y + 1]) {
    // dayInMonth turns 29 February into the 28th in common years.
    const candidate = dayInMonth(year, m, d);
    const gap = Math.abs(dayNumber(candidate) - target);
    if (gap <= bestGap) [best, bestGap] = [candidate, gap];
  }
  return best;
}

const monthAfter = (end: string): [number, number] => {
  const [y, m] = parts(end);
  return m === 12 ? [y + 1, 1] : [y, m + 1];
};

export function dueDate(rule: ScheduleRule, p: { type: PeriodType; start: string; end: string; index: number }): string {
  if (p.type === 'adhoc') {
    // Ad-hoc dates are set by hand on each request; the period's end stands in for a request not on the rule.
    return rule.adhoc?.find((r) => r.start === p.start && r.end === p.end)?.dueOn ?? p.end;
  }
  const due = rule.dueRule;
  switch (due.kind) {
    case 'dates':
      return due.dates.length ? nearestOccurrence(due.dates[p.index % due.dates.length], p.end) : p.end;
    case 'dayOfLastMonth': {
      const [y, m] = parts(p.end);
      return dayInMonth(y, m, due.day);
    }
    case 'daysAfterEnd':
      return addDays(p.end, due.days);
    case 'dayOfNextMonth':
      return dayInMonth(...monthAfter(p.end), due.day);
  }
}

function toPeriod(rule: ScheduleRule, s: PeriodSlot): Period {
  const dueOn = dueDate(rule, s);
  return {
    key: s.key, type: s.type, label: s.label, start: s.start, end: s.end,
    dueOn, timelyUntil: addDays(dueOn, rule.graceDays), locksAfter: addDays(dueOn, rule.lockDays),
  };
}

function fromRequest(rule: ScheduleRule, r: AdhocRequest): Period {
  return {
    key: r.key, type: 'adhoc', label: r.label, start: r.start, end: r.end,
    dueOn: r.dueOn, timelyUntil: addDays(r.dueOn, rule.graceDays), locksAfter: addDays(r.dueOn, rule.lockDays),
  };
}

const oldestFirst = (a: Period, b: Period) =>
  a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.key.localeCompare(b.key);

export function periodOf(rule: ScheduleRule, key: string): Period | null {
  if (rule.periodType === 'adhoc') {
    const request = rule.adhoc?.find((r) => r.key === key);
    return request ? fromRequest(rule, request) : null;
  }
  const parsed = parseKey(rule.periodType, key);
  return parsed ? toPeriod(rule, slot(rule.periodType, ...parsed)) : null;
}

/** Every period overlapping [from, to], oldest first; ad-hoc requests also count when due inside it. */
export function periodsBetween(rule: ScheduleRule, from: string, to: string): Period[] {
  if (!isValidDate(from) || !isValidDate(to) || from > to) return [];
  if (rule.periodType === 'adhoc') {
    return (rule.adhoc ?? [])
      .filter((r) => (r.start <= to && r.end >= from) || (r.dueOn >= from && r.dueOn <= to))
      .map((r) => fromRequest(rule, r))
      .sort(oldestFirst);
  }
  const type = rule.periodType;
  const result: Period[] = [];
  // Regular periods never cross a calendar year, so the years of from and to bound the search.
  for (let year = Math.max(parts(from)[0], MIN_YEAR); year <= Math.min(parts(to)[0], MAX_YEAR); year++) {
    for (let index = 0; index < PER_YEAR[type]; index++) {
      const s = slot(type, year, index);
      if (s.start <= to && s.end >= from) result.push(toPeriod(rule, s));
    }
  }
  return result;
}

/** The period units should be working on at `today`: the earliest period whose locksAfter >= today and whose start <= today; else the latest started one. Null when none (adhoc with no request). */
export function currentPeriod(rule: ScheduleRule, today: string): Period | null {
  if (!isValidDate(today)) return null;
  let started: Period[];
  if (rule.periodType === 'adhoc') {
    started = (rule.adhoc ?? []).filter((r) => r.start <= today).map((r) => fromRequest(rule, r)).sort(oldestFirst);
  } else {
    // A period due up to a year after it ends can stay open lockDays more; look back that far (capped at
    // the largest valid lockDays so a broken rule cannot push the date out of range).
    const lookBack = Math.min(Math.max(rule.lockDays, 0), 3660) + 400;
    started = periodsBetween(rule, addDays(today, -lookBack), today);
  }
  return started.find((p) => p.locksAfter >= today) ?? started[started.length - 1] ?? null;
}

/** Submitted by 23:59:59.999 of timelyUntil in Asia/Ho_Chi_Minh (UTC+7, no DST). */
export function isOnTime(period: Period, submittedAt: Date): boolean {
  return submittedAt.getTime() <= endOfVietnamDay(period.timelyUntil);
}

/** After 23:59:59.999 (Vietnam time) of locksAfter. */
export function isLocked(period: Period, now: Date): boolean {
  return now.getTime() > endOfVietnamDay(period.locksAfter);
}

/** "10/6 và 10/12": day/month as people write deadlines, with "và" before the last. */
function listDayMonths(dates: string[]): string {
  const words = dates.map((md) => {
    const [m, d] = md.split('-').map(Number);
    return `${d}/${m}`;
  });
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} và ${words[words.length - 1]}` : words.join('');
}

const LAST_MONTH: Record<Regular, string> = { month: 'trong tháng', quarter: 'của tháng cuối quý', half: 'của tháng 6 và tháng 12', year: 'của tháng 12' };
const NEXT_MONTH: Record<Regular, string> = { month: 'tháng sau', quarter: 'tháng đầu quý sau', half: 'tháng 7 và tháng 1 năm sau', year: 'tháng 1 năm sau' };

/** Vietnamese one-line description of the rule, e.g. '6 tháng, hạn 10/6 và 10/12'. */
export function describeRule(rule: ScheduleRule): string {
  const type = rule.periodType;
  const name = PERIOD_TYPE_LABELS[type] ?? String(type);
  if (type === 'adhoc') return name;
  const due = rule.dueRule;
  switch (due.kind) {
    case 'dates':
      return `${name}, hạn ${listDayMonths(due.dates)}`;
    case 'dayOfLastMonth':
      return `${name}, trước ${due.day === -1 ? 'ngày cuối cùng' : `ngày ${due.day}`} ${LAST_MONTH[type]}`;
    case 'daysAfterEnd':
      return due.days === 0 ? `${name}, hạn ngày kết thúc kỳ` : `${name}, ${due.days} ngày sau khi kết thúc kỳ`;
    case 'dayOfNextMonth':
      return `${name}, hạn ${due.day === -1 ? `ngày cuối cùng của ${NEXT_MONTH[type]}` : `ngày ${due.day} ${NEXT_MONTH[type]}`}`;
  }
}

const isIntIn = (n: unknown, min: number, max: number): n is number => Number.isInteger(n) && (n as number) >= min && (n as number) <= max;

/** "MM-DD" that exists in some year (29 February included). */
const isMonthDay = (md: string) => isValidDate(`2024-${md}`);

/** Validation of a rule entered in a form: each problem names its field, in Vietnamese. */
export function checkRule(rule: ScheduleRule): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  const type = rule.periodType;
  if (!PERIOD_TYPES.includes(type)) add('periodType', `Loại kỳ báo cáo "${String(type)}" không hợp lệ`);

  if (type !== 'adhoc' && PERIOD_TYPES.includes(type)) {
    const due = rule.dueRule as DueRule | undefined;
    const perYear = PER_YEAR[type];
    if (due?.kind === 'dates') {
      const dates: unknown[] = Array.isArray(due.dates) ? due.dates : [];
      if (dates.length !== 1 && dates.length !== perYear) {
        add('dueRule.dates', perYear === 1
          ? 'Cần đúng 1 ngày hạn trong năm'
          : `Cần 1 ngày hạn chung hoặc đủ ${perYear} ngày hạn, mỗi kỳ một ngày (đang có ${dates.length})`);
      }
      dates.forEach((md, i) => {
        if (typeof md !== 'string' || !/^\d{2}-\d{2}$/.test(md)) add(`dueRule.dates.${i}`, `Ngày hạn "${String(md)}" phải viết theo dạng MM-DD, ví dụ 06-10`);
        else if (!isMonthDay(md)) add(`dueRule.dates.${i}`, `Ngày hạn "${md}" không có thật`);
      });
    } else if (due?.kind === 'dayOfLastMonth' || due?.kind === 'dayOfNextMonth') {
      if (!isIntIn(due.day, 1, 31) && due.day !== -1) add('dueRule.day', 'Ngày trong tháng phải từ 1 đến 31, hoặc -1 cho ngày cuối tháng');
    } else if (due?.kind === 'daysAfterEnd') {
      if (!isIntIn(due.days, 0, 366)) add('dueRule.days', 'Số ngày sau khi kết thúc kỳ phải là số nguyên từ 0 đến 366');
    } else {
      add('dueRule.kind', 'Chưa chọn cách tính hạn nộp');
    }
  }

  if (!isIntIn(rule.graceDays, 0, 366)) add('graceDays', 'Số ngày ân hạn phải là số nguyên từ 0 đến 366');
  if (!isIntIn(rule.lockDays, 0, 3660)) add('lockDays', 'Số ngày đến khi khóa số liệu phải là số nguyên từ 0 đến 3660');
  else if (Number.isInteger(rule.graceDays) && rule.lockDays < rule.graceDays) {
    add('lockDays', 'Số ngày đến khi khóa số liệu không được nhỏ hơn số ngày ân hạn');
  }

  if (type === 'adhoc') {
    const seen = new Set<string>();
    (rule.adhoc ?? []).forEach((r, i) => {
      const at = `adhoc.${i}`;
      const key = typeof r.key === 'string' ? r.key.trim() : '';
      if (!key) add(`${at}.key`, 'Mã yêu cầu báo cáo không được để trống');
      else if (seen.has(key)) add(`${at}.key`, `Mã yêu cầu báo cáo "${key}" bị trùng`);
      seen.add(key);
      if (typeof r.label !== 'string' || !r.label.trim()) add(`${at}.label`, 'Tên yêu cầu báo cáo không được để trống');
      const dateNames = { start: 'Ngày bắt đầu', end: 'Ngày kết thúc', dueOn: 'Hạn nộp' } as const;
      for (const f of ['start', 'end', 'dueOn'] as const) {
        if (typeof r[f] !== 'string' || !isValidDate(r[f])) add(`${at}.${f}`, `${dateNames[f]} "${String(r[f])}" không phải ngày hợp lệ`);
      }
      if (isValidDate(r.start) && isValidDate(r.end) && r.start > r.end) add(`${at}.end`, 'Ngày kết thúc không được trước ngày bắt đầu');
    });
  }
  return errors;
}
