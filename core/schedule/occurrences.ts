// From a schedule to its occurrences: one period of work per month, quarter, half-year or year over
// the plan's horizon, each with a due date (a calendar date in Vietnam).
import {
  addDays, dayInMonth, formatViDate, isoDate, monthEnd, parts, quarterEnd, quarterOf, quarterStart, ROMAN, weekday,
} from './dates.ts';
import { parseRules, yearlyDates as ruleDates } from './rrule.ts';
import type { Cadence, OccurrenceSpec, PlanContext, Schedule } from './types.ts';

export interface OccurrenceOptions {
  /** The plan's check-in cadence for ongoing tasks. */
  cadence?: Cadence;
  /** The plan's days from an event to the due date. */
  eventDays?: number;
}

const DEFAULT_EVENT_DAYS = 30;

export function horizon(ctx: PlanContext): [string, string] {
  return [ctx.periodStart ?? `${ctx.year}-01-01`, ctx.periodEnd ?? `${ctx.year}-12-31`];
}

const yearsOf = ([from, to]: [string, string]) => {
  const out: number[] = [];
  for (let y = parts(from)[0]; y <= parts(to)[0]; y++) out.push(y);
  return out;
};

const month = (y: number, m: number, due = monthEnd(y, m)): OccurrenceSpec =>
  ({ key: `${y}-${String(m).padStart(2, '0')}`, label: `Tháng ${m}/${y}`, periodStart: isoDate(y, m, 1), periodEnd: monthEnd(y, m), due });
const quarter = (y: number, q: number, due = quarterEnd(y, q)): OccurrenceSpec =>
  ({ key: `${y}-Q${q}`, label: `Quý ${ROMAN[q - 1]}/${y}`, periodStart: quarterStart(y, q), periodEnd: quarterEnd(y, q), due });
const half = (y: number, h: 1 | 2, due = h === 1 ? `${y}-06-30` : `${y}-12-31`): OccurrenceSpec => ({
  key: `${y}-H${h}`, label: `6 tháng ${h === 1 ? 'đầu' : 'cuối'} năm ${y}`,
  periodStart: h === 1 ? `${y}-01-01` : `${y}-07-01`, periodEnd: h === 1 ? `${y}-06-30` : `${y}-12-31`, due,
});
const year = (y: number, due = `${y}-12-31`): OccurrenceSpec => ({ key: String(y), label: `Năm ${y}`, periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, due });

/** Periods of a cadence over the horizon's years. */
function periods(cadence: Cadence, years: number[]): OccurrenceSpec[] {
  return years.flatMap((y) => {
    switch (cadence) {
      case 'monthly': return Array.from({ length: 12 }, (_, i) => month(y, i + 1));
      case 'quarterly': return [1, 2, 3, 4].map((q) => quarter(y, q));
      case 'half-yearly': return [half(y, 1), half(y, 2)];
      case 'yearly': return [year(y)];
    }
  });
}

/** Weeks (Monday to Sunday) due on their Friday. */
function weeks([from, to]: [string, string]): OccurrenceSpec[] {
  const out: OccurrenceSpec[] = [];
  let monday = addDays(from, -((weekday(from) + 6) % 7));
  while (monday <= to) {
    const sunday = addDays(monday, 6);
    out.push({ key: `w-${monday}`, label: `Tuần ${formatViDate(monday)} – ${formatViDate(sunday)}`, periodStart: monday, periodEnd: sunday, due: addDays(monday, 4) });
    monday = addDays(monday, 7);
  }
  return out;
}

/** Yearly dates (month, day; -1 the last day): one a year is the year; two are the half-year and the year; four are quarters; twelve are months. */
function yearlyDates(dates: [number, number][], years: number[]): OccurrenceSpec[] {
  return years.flatMap((y) => dates.map(([m, d], i) => {
    const due = dayInMonth(y, m, d);
    if (dates.length === 1) return year(y, due);
    if (dates.length === 2) return i === 0 ? half(y, 1, due) : year(y, due);
    if (dates.length === 4) return quarter(y, quarterOf(m), due);
    if (dates.length === 12) return month(y, m, due);
    const start = i === 0 ? `${y}-01-01` : addDays(dayInMonth(y, dates[i - 1][0], dates[i - 1][1]), 1);
    return { key: `${y}-K${i + 1}`, label: `Kỳ ${i + 1}/${y}`, periodStart: start, periodEnd: due, due };
  }));
}

function recurring(value: string, range: [string, string]): OccurrenceSpec[] {
  const rules = parseRules(value);
  if (!rules) return [];
  const years = yearsOf(range);
  const dates = ruleDates(rules);
  if (dates) return yearlyDates(dates, years);
  const [r] = rules;
  if (r.freq === 'WEEKLY') return weeks(range);
  if (r.freq === 'YEARLY') return periods('yearly', years);
  if (r.interval === 3) return periods('quarterly', years);
  if (r.interval === 6) return periods('half-yearly', years);
  return years.flatMap((y) => Array.from({ length: 12 }, (_, i) => month(y, i + 1, r.day ? dayInMonth(y, i + 1, r.day) : undefined)));
}

function quarters(s: Schedule): OccurrenceSpec[] {
  const list = (s.value ?? '').split(',').map((q) => [Number(q.slice(0, 4)), Number(q.slice(6))] as const);
  if (list.length <= 1 || s.quarterMode === 'each') return list.map(([y, q]) => quarter(y, q));
  const [fy, fq] = list[0];
  const [ly, lq] = list[list.length - 1];
  const label = list.every(([y]) => y === fy) ? `Quý ${list.map(([, q]) => ROMAN[q - 1]).join(', ')}/${fy}` : list.map(([y, q]) => `Quý ${ROMAN[q - 1]}/${y}`).join(', ');
  return [{ key: `${fy}-Q${fq}..${ly}-Q${lq}`, label, periodStart: quarterStart(fy, fq), periodEnd: quarterEnd(ly, lq), due: quarterEnd(ly, lq) }];
}

/** "2026-06" one month; "2026-06,2026-09" one occurrence each; "2026-06..2026-09" one span due at its end. */
function months(value: string): OccurrenceSpec[] {
  const ym = (v: string) => [Number(v.slice(0, 4)), Number(v.slice(5, 7))] as const;
  if (!value.includes('..')) return value.split(',').map((v) => month(...ym(v)));
  const [[fy, fm], [ly, lm]] = value.split('..').map(ym);
  const label = fy === ly ? `Tháng ${fm}–${lm}/${fy}` : `Tháng ${fm}/${fy} – ${lm}/${ly}`;
  return [{ key: value, label, periodStart: isoDate(fy, fm, 1), periodEnd: monthEnd(ly, lm), due: monthEnd(ly, lm) }];
}

/** The occurrences of a schedule within the plan's horizon (explicit dates are kept even outside it). */
export function occurrencesOf(s: Schedule, ctx: PlanContext, opts: OccurrenceOptions = {}): OccurrenceSpec[] {
  const range = horizon(ctx);
  const inside = (o: OccurrenceSpec) => o.due >= range[0] && o.due <= range[1];
  switch (s.kind) {
    case 'date': return s.value ? [{ key: s.value, label: `Hạn ${formatViDate(s.value)}`, periodStart: range[0] < s.value ? range[0] : s.value, periodEnd: s.value, due: s.value }] : [];
    case 'month': return s.value ? months(s.value) : [];
    case 'quarter': return s.value ? quarters(s) : [];
    case 'year': {
      if (!s.value) return [];
      const [from, to = from] = s.value.split('..').map(Number);
      if (from === to) return [year(from)];
      return [{ key: s.value, label: `Giai đoạn ${from}–${to}`, periodStart: `${from}-01-01`, periodEnd: `${to}-12-31`, due: `${to}-12-31` }];
    }
    case 'recurring': return s.value ? recurring(s.value, range).filter(inside) : [];
    // The task's own cadence, when a person set one, wins over the plan's.
    case 'ongoing': return periods(s.cadence ?? opts.cadence ?? 'quarterly', yearsOf(range)).filter(inside);
    case 'event':
      if (s.event?.kind === 'plan_issued' && ctx.issuedOn) {
        const due = addDays(ctx.issuedOn, s.event.afterDays ?? opts.eventDays ?? DEFAULT_EVENT_DAYS);
        return [{ key: 'sau-ban-hanh', label: 'Sau khi ban hành kế hoạch', periodStart: ctx.issuedOn, periodEnd: due, due }];
      }
      return [];
    default: return [];
  }
}

/** One occurrence for a date a person set (a directive's deadline, "Theo chỉ đạo …"). */
export function occurrenceOn(due: string, label?: string): OccurrenceSpec {
  return { key: `ev-${due}`, label: label || `Hạn ${formatViDate(due)}`, periodStart: due, periodEnd: due, due };
}

/** One occurrence for an event that happened ("Khi phát sinh"): due the schedule's (or the plan's) days later. */
export function occurrenceAfterEvent(s: Schedule, eventOn: string, opts: OccurrenceOptions = {}): OccurrenceSpec {
  const due = addDays(eventOn, s.event?.afterDays ?? opts.eventDays ?? DEFAULT_EVENT_DAYS);
  return { key: `ev-${eventOn}`, label: `Phát sinh ngày ${formatViDate(eventOn)}`, periodStart: eventOn, periodEnd: due, due };
}
