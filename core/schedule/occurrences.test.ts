// Occurrence generation: month ends, leap years, quarters, halves, plans starting mid-year, multi-year horizons.
import { describe, expect, it } from 'vitest';
import { addDays, dayInMonth, formatViDate, monthEnd, todayInVietnam } from './dates.ts';
import { occurrenceAfterEvent, occurrenceOn, occurrencesOf } from './occurrences.ts';
import { normaliseSchedule, parseDeadline } from './parse.ts';
import type { PlanContext } from './types.ts';

const year2026: PlanContext = { year: 2026 };
const due = (text: string, ctx: PlanContext = year2026, opts = {}) =>
  occurrencesOf(parseDeadline(text, ctx), ctx, opts).map((o) => [o.label, o.due]);

describe('occurrencesOf', () => {
  it('gives monthly occurrences from the month a plan takes effect, due on each month’s last day', () => {
    const ctx = { year: 2026, periodStart: '2026-07-01', periodEnd: '2026-12-31' };
    expect(due('Hằng tháng', ctx)).toEqual([
      ['Tháng 7/2026', '2026-07-31'], ['Tháng 8/2026', '2026-08-31'], ['Tháng 9/2026', '2026-09-30'],
      ['Tháng 10/2026', '2026-10-31'], ['Tháng 11/2026', '2026-11-30'], ['Tháng 12/2026', '2026-12-31'],
    ]);
  });

  it('knows February in leap years and short months for a day-of-month rule', () => {
    expect(due('Hằng tháng', { year: 2028 })[1]).toEqual(['Tháng 2/2028', '2028-02-29']);
    expect(due('Hằng tháng', { year: 2027 })[1]).toEqual(['Tháng 2/2027', '2027-02-28']);
    const day31 = occurrencesOf({ ...parseDeadline('Hằng tháng', year2026), value: 'FREQ=MONTHLY;BYMONTHDAY=31' }, year2026);
    expect(day31.slice(1, 4).map((o) => o.due)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('reads the semi-annual report duty as the half-year and the year', () => {
    expect(due('Trước ngày 10/6 và 10/12 hằng năm')).toEqual([['6 tháng đầu năm 2026', '2026-06-10'], ['Năm 2026', '2026-12-10']]);
    const [h1] = occurrencesOf(parseDeadline('Trước ngày 10/6 và 10/12 hằng năm', year2026), year2026);
    expect(h1).toMatchObject({ key: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30' });
    // A plan effective from July has only the December report that year.
    expect(due('Trước ngày 10/6 và 10/12 hằng năm', { year: 2026, periodStart: '2026-07-01' })).toEqual([['Năm 2026', '2026-12-10']]);
  });

  it('gives quarters due on a day of the quarter’s last month', () => {
    expect(due('Trước ngày 10 của tháng cuối quý')).toEqual([
      ['Quý I/2026', '2026-03-10'], ['Quý II/2026', '2026-06-10'], ['Quý III/2026', '2026-09-10'], ['Quý IV/2026', '2026-12-10'],
    ]);
    expect(due('hằng quý').map(([, d]) => d)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect(due('định kỳ 6 tháng')).toEqual([['6 tháng đầu năm 2026', '2026-06-30'], ['6 tháng cuối năm 2026', '2026-12-31']]);
  });

  it('treats "Quý III, IV/2026" as one span by default, or one occurrence per quarter when changed', () => {
    const span = parseDeadline('Quý III, IV/2026', year2026);
    expect(occurrencesOf(span, year2026)).toEqual([{ key: '2026-Q3..2026-Q4', label: 'Quý III, IV/2026', periodStart: '2026-07-01', periodEnd: '2026-12-31', due: '2026-12-31' }]);
    const each = normaliseSchedule({ ...span, quarterMode: 'each' }, year2026);
    if (!('schedule' in each)) throw new Error('invalid');
    expect(occurrencesOf(each.schedule, year2026).map((o) => [o.key, o.due])).toEqual([['2026-Q3', '2026-09-30'], ['2026-Q4', '2026-12-31']]);
  });

  it('keeps explicit dates and months even outside the horizon', () => {
    const ctx = { year: 2026, periodStart: '2026-07-01', periodEnd: '2026-12-31' };
    expect(due('Tháng 06/2026', ctx)).toEqual([['Tháng 6/2026', '2026-06-30']]);
    expect(due('Trước ngày 10/ 01/2026', ctx)).toEqual([['Hạn 10/01/2026', '2026-01-10']]);
    expect(due('Năm 2026', ctx)).toEqual([['Năm 2026', '2026-12-31']]);
  });

  it('covers a 2025–2030 horizon', () => {
    const ctx = { year: 2025, periodStart: '2025-07-23', periodEnd: '2030-12-31' };
    const yearly = due('Dinh ky trudc ngay 30/11 hang nam', ctx);
    expect(yearly).toEqual([2025, 2026, 2027, 2028, 2029, 2030].map((y) => [`Năm ${y}`, `${y}-11-30`]));
    expect(due('Hằng tháng', ctx)).toHaveLength(66);
    expect(due('Giai đoạn 2025-2030', ctx)).toEqual([['Giai đoạn 2025–2030', '2030-12-31']]);
  });

  it('checks in on ongoing tasks quarterly by default, or at the plan’s or the task’s cadence', () => {
    expect(due('Thường xuyên')).toEqual([['Quý I/2026', '2026-03-31'], ['Quý II/2026', '2026-06-30'], ['Quý III/2026', '2026-09-30'], ['Quý IV/2026', '2026-12-31']]);
    expect(due('Thường xuyên', year2026, { cadence: 'monthly' })).toHaveLength(12);
    expect(due('Thường xuyên', year2026, { cadence: 'half-yearly' })).toEqual([['6 tháng đầu năm 2026', '2026-06-30'], ['6 tháng cuối năm 2026', '2026-12-31']]);
    // The task's own cadence ("định kỳ 6 tháng" written next to it) wins over the plan's.
    expect(due('Thường xuyên; định kỳ báo cáo 6 tháng', year2026, { cadence: 'monthly' })).toHaveLength(2);
    // Only periods due inside the plan's horizon, each due on its own last day.
    const ctx = { year: 2026, periodStart: '2026-03-15', periodEnd: '2026-11-15' };
    expect(due('Thường xuyên', ctx)).toEqual([['Quý I/2026', '2026-03-31'], ['Quý II/2026', '2026-06-30'], ['Quý III/2026', '2026-09-30']]);
    expect(due('Thường xuyên', { year: 2026, periodStart: '2026-07-01' }, { cadence: 'yearly' })).toEqual([['Năm 2026', '2026-12-31']]);
  });

  it('gives two yearly reports on different days, and a quarter’s or month’s end every year', () => {
    expect(due('trước ngày 25/5 và 10/11 (hoặc đột xuất khi có yêu cầu)')).toEqual([['6 tháng đầu năm 2026', '2026-05-25'], ['Năm 2026', '2026-11-10']]);
    expect(due('Quý I hằng năm')).toEqual([['Năm 2026', '2026-03-31']]);
    const feb = { ...parseDeadline('Tháng 12 hằng năm', year2026), value: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' };
    expect(occurrencesOf(feb, { year: 2027, periodEnd: '2028-12-31' }).map((o) => o.due)).toEqual(['2027-02-28', '2028-02-29']);
  });

  it('gives months as one span or one occurrence each, and quarters across a year end', () => {
    expect(occurrencesOf(parseDeadline('Tháng 6-7/2026', year2026), year2026)).toEqual([
      { key: '2026-06..2026-07', label: 'Tháng 6–7/2026', periodStart: '2026-06-01', periodEnd: '2026-07-31', due: '2026-07-31' },
    ]);
    expect(due('Tháng 6 và tháng 9/2026')).toEqual([['Tháng 6/2026', '2026-06-30'], ['Tháng 9/2026', '2026-09-30']]);
    expect(occurrencesOf(parseDeadline('Quý IV/2026 - Quý I/2027', year2026), year2026)).toEqual([
      { key: '2026-Q4..2027-Q1', label: 'Quý IV/2026, Quý I/2027', periodStart: '2026-10-01', periodEnd: '2027-03-31', due: '2027-03-31' },
    ]);
    expect(due('Quý I, III/2026')).toEqual([['Quý I/2026', '2026-03-31'], ['Quý III/2026', '2026-09-30']]);
    expect(due('6 tháng đầu năm 2026')).toEqual([['Quý I, II/2026', '2026-06-30']]);
  });

  it('dates an event after the plan is issued, and waits for other events and directions', () => {
    expect(due('Sau khi Kế hoạch được ban hành', { year: 2026 })).toEqual([]);
    expect(due('Sau khi Kế hoạch được ban hành', { year: 2026, issuedOn: '2026-06-20' })).toEqual([['Sau khi ban hành kế hoạch', '2026-07-20']]);
    expect(due('Sau khi Kế hoạch được ban hành', { year: 2026, issuedOn: '2026-06-20' }, { eventDays: 15 })).toEqual([['Sau khi ban hành kế hoạch', '2026-07-05']]);
    expect(due('Trong vòng 15 ngày kể từ ngày Kế hoạch được ban hành', { year: 2026, issuedOn: '2026-12-20' }, { eventDays: 30 })).toEqual([['Sau khi ban hành kế hoạch', '2027-01-04']]);
    expect(due('Khi phát sinh')).toEqual([]);
    expect(due('Theo chỉ đạo của Thành phố')).toEqual([]);
    expect(due('Kế hoạch kiểm tra, rà soát')).toEqual([]);
    expect(occurrenceOn('2026-08-15')).toEqual({ key: 'ev-2026-08-15', label: 'Hạn 15/08/2026', periodStart: '2026-08-15', periodEnd: '2026-08-15', due: '2026-08-15' });
    expect(occurrenceAfterEvent(parseDeadline('Khi phát sinh', year2026), '2026-12-20', { eventDays: 15 }).due).toBe('2027-01-04');
  });

  it('gives weeks due on Friday', () => {
    const weeks = occurrencesOf(parseDeadline('Hằng tuần', year2026), { year: 2026, periodStart: '2026-11-01', periodEnd: '2026-11-30' });
    expect(weeks.map((o) => o.due)).toEqual(['2026-11-06', '2026-11-13', '2026-11-20', '2026-11-27']);
  });
});

describe('dates', () => {
  it('gives Vietnam’s date whatever the machine’s time zone', () => {
    expect(todayInVietnam(new Date('2026-06-30T17:30:00Z'))).toBe('2026-07-01');
    expect(todayInVietnam(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06-30');
    expect(todayInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
  it('adds days across months and leap days, and writes dd/mm/yyyy', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(formatViDate('2026-04-05')).toBe('05/04/2026');
    expect([monthEnd(2028, 2), monthEnd(2100, 2), monthEnd(2000, 2), dayInMonth(2026, 4, 31)]).toEqual(['2028-02-29', '2100-02-28', '2000-02-29', '2026-04-30']);
  });
});
