// The small subset of iCalendar RRULE that recurring schedules use, read and written in one place
// so the parser, the explanation, the occurrences and the hand-set form agree on what a rule means.

export interface Rule {
  freq: 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  /** Months between occurrences of a MONTHLY rule: 1, 3 (quarters) or 6 (halves). */
  interval: number;
  /** BYMONTH, 1–12, ascending. */
  months: number[];
  /** BYMONTHDAY: 1–31, or -1 for the month's last day; absent means the period's last day. */
  day?: number;
}

const SHAPE = /^FREQ=(WEEKLY|MONTHLY|YEARLY)(?:;INTERVAL=(\d{1,2}))?(?:;BYMONTH=(\d{1,2}(?:,\d{1,2})*))?(?:;BYMONTHDAY=(-1|\d{1,2}))?$/;

/** One rule, or null when it is not one kehoach can turn into periods. */
export function parseRule(rule: string): Rule | null {
  const m = rule.trim().match(SHAPE);
  if (!m) return null;
  const r: Rule = { freq: m[1] as Rule['freq'], interval: Number(m[2] ?? 1), months: m[3] ? m[3].split(',').map(Number) : [], ...(m[4] ? { day: Number(m[4]) } : {}) };
  const monthsOk = r.months.every((x, i) => x >= 1 && x <= 12 && (i === 0 || x > r.months[i - 1]));
  const dayOk = r.day === undefined || r.day === -1 || (r.day >= 1 && r.day <= 31);
  // Quarters and halves fall on their last day; a weekly rule falls on Friday.
  const shapeOk = r.freq === 'MONTHLY' ? [1, 3, 6].includes(r.interval) && !r.months.length && (r.interval === 1 || r.day === undefined)
    : r.interval === 1 && (r.freq === 'YEARLY' || (!r.months.length && r.day === undefined));
  return monthsOk && dayOk && shapeOk ? r : null;
}

/** A recurring value: one rule, or several yearly dates one rule per line. Null when any line is unreadable. */
export function parseRules(value: string): Rule[] | null {
  const rules = value.split('\n').map(parseRule);
  if (!rules.length || rules.some((r) => !r)) return null;
  if (rules.length > 1 && rules.some((r) => r!.freq !== 'YEARLY' || !r!.months.length)) return null;
  return rules as Rule[];
}

export function formatRule(r: Rule): string {
  return [`FREQ=${r.freq}`, r.interval > 1 ? `INTERVAL=${r.interval}` : '', r.months.length ? `BYMONTH=${r.months.join(',')}` : '', r.day !== undefined ? `BYMONTHDAY=${r.day}` : '']
    .filter(Boolean).join(';');
}

/** Yearly (month, day) pairs of yearly rules with months; day -1 is the month's last day. */
export function yearlyDates(rules: Rule[]): [number, number][] | null {
  if (!rules.every((r) => r.freq === 'YEARLY' && r.months.length)) return null;
  return rules.flatMap((r) => r.months.map((m) => [m, r.day ?? -1] as [number, number])).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
