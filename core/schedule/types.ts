// The shape of a task's schedule: what a Vietnamese deadline ("Quý III, IV/2026", "Hằng tháng",
// "Theo chỉ đạo của Thành phố") means, kept next to the text as written.

export const SCHEDULE_KINDS = ['date', 'month', 'quarter', 'year', 'recurring', 'ongoing', 'event', 'directive', 'unspecified'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export const SCHEDULE_KIND_LABELS: Record<ScheduleKind, string> = {
  date: 'Ngày cụ thể',
  month: 'Trong tháng',
  quarter: 'Trong quý',
  year: 'Trong năm',
  recurring: 'Định kỳ',
  ongoing: 'Thường xuyên',
  event: 'Khi có sự kiện',
  directive: 'Theo chỉ đạo, hướng dẫn',
  unspecified: 'Chưa xác định',
};

/** How often an ongoing ("Thường xuyên") task is checked in on. */
export const CADENCES = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** Known events a deadline can hang on. */
export const EVENT_KINDS = ['plan_issued', 'arises', 'guidance', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What the plan tells the parser: its year or period, and when it was issued (ISO dates, yyyy-mm-dd). */
export interface PlanContext {
  /** The plan's year (the first year of a multi-year period). */
  year: number;
  /** First day the plan is in force, e.g. "2026-07-01"; defaults to 1 January of `year`. */
  periodStart?: string;
  /** Last day of the plan's horizon, e.g. "2030-12-31"; defaults to 31 December of `year`. */
  periodEnd?: string;
  /** Date the plan was issued, when known. */
  issuedOn?: string;
}

export interface Schedule {
  kind: ScheduleKind;
  /** The deadline exactly as written in the plan. */
  text: string;
  /**
   * Normalised: "2026-04-15" (date), "2026-06" (month), "2026-Q2" or "2026-Q3,2026-Q4" (quarter),
   * "2026" (year), an iCalendar RRULE (recurring, e.g. "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10"), else null.
   * Also: "2026-06,2026-09" (months, one occurrence each), "2026-06..2026-09" (a span of months), "2025..2030"
   * (a span of years), BYMONTHDAY=-1 (the month's last day), and yearly dates on different days as one RRULE per line.
   */
  value: string | null;
  /** 0..1: how sure the parser is; below 0.8 the task is flagged for a person to check. */
  confidence: number;
  /** Several quarters: one span due at the end of the last ("span"), or one occurrence per quarter ("each"). */
  quarterMode?: 'span' | 'each';
  /** Ongoing tasks: how often progress is checked in on (the plan's default when absent). */
  cadence?: Cadence;
  /** Event schedules: which event, and the days after it that the task is due (the plan's default when absent). */
  event?: { kind: EventKind; label: string; afterDays?: number };
  /** Directive schedules: who sets the date ("Thành phố", "Sở Tài chính", "Bộ Y tế", …). */
  authority?: string;
  /** Compounds joined by "hoặc": the other ways the task may fall due, as written. */
  alternatives?: string[];
  /** One Vietnamese sentence saying what was understood, shown next to the text. */
  explanation: string;
}

/** One period of work for a task, with its due date (Asia/Ho_Chi_Minh calendar date). */
export interface OccurrenceSpec {
  /** Stable key of the period within the task: "2026-07", "2026-Q3", "2026-H1", "2026", "2026-Q3..2026-Q4", "once". */
  key: string;
  /** Vietnamese label: "Tháng 7/2026", "Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026". */
  label: string;
  periodStart: string;
  periodEnd: string;
  /** yyyy-mm-dd. */
  due: string;
}
