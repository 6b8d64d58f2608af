// Reporting periods: keys and labels, the seeded due rules, Vietnam-time boundaries, look-ups and rule checks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, isoDate } from '../schedule/dates.ts';
import {
  checkRule, currentPeriod, describeRule, dueDate, isLocked, isOnTime, periodOf, periodsBetween,
  type DueRule, type Period, type PeriodType, type ScheduleRule,
} from './periods.ts';

const rule = (periodType: PeriodType, dueRule: DueRule, extra: Partial<ScheduleRule> = {}): ScheduleRule =>
  ({ periodType, dueRule, graceDays: 0, lockDays: 30, ...extra });

const semiAnnual = rule('half', { kind: 'dates', dates: ['06-10', '12-10'] });
const quarterly = rule('quarter', { kind: 'dayOfLastMonth', day: 10 });
const yearly = rule('year', { kind: 'dates', dates: ['11-30'] });
const monthly = rule('month', { kind: 'dayOfNextMonth', day: 5 });
const year2026 = (r: ScheduleRule) => periodsBetween(r, '2026-01-01', '2026-12-31');
const pick = (ps: Period[], ...fields: (keyof Period)[]) => ps.map((p) => fields.map((f) => p[f]));

describe('period keys, labels and bounds', () => {
  it('gives twelve months', () => {
    const months = year2026(monthly);
    expect(months).toHaveLength(12);
    expect(pick([months[0], months[1], months[6], months[11]], 'key', 'label', 'start', 'end')).toEqual([
      ['2026-01', 'Tháng 1/2026', '2026-01-01', '2026-01-31'],
      ['2026-02', 'Tháng 2/2026', '2026-02-01', '2026-02-28'],
      ['2026-07', 'Tháng 7/2026', '2026-07-01', '2026-07-31'],
      ['2026-12', 'Tháng 12/2026', '2026-12-01', '2026-12-31'],
    ]);
    expect(periodOf(monthly, '2028-02')?.end).toBe('2028-02-29');
  });

  it('gives quarters with Roman numerals', () => {
    expect(pick(year2026(quarterly), 'key', 'label', 'start', 'end')).toEqual([
      ['2026-Q1', 'Quý I/2026', '2026-01-01', '2026-03-31'],
      ['2026-Q2', 'Quý II/2026', '2026-04-01', '2026-06-30'],
      ['2026-Q3', 'Quý III/2026', '2026-07-01', '2026-09-30'],
      ['2026-Q4', 'Quý IV/2026', '2026-10-01', '2026-12-31'],
    ]);
  });

  it('gives half-years and years', () => {
    expect(pick(year2026(semiAnnual), 'key', 'label', 'start', 'end')).toEqual([
      ['2026-H1', '6 tháng đầu năm 2026', '2026-01-01', '2026-06-30'],
      ['2026-H2', '6 tháng cuối năm 2026', '2026-07-01', '2026-12-31'],
    ]);
    expect(pick(year2026(yearly), 'key', 'label', 'start', 'end')).toEqual([['2026', 'Năm 2026', '2026-01-01', '2026-12-31']]);
  });
});

describe('due dates', () => {
  it('puts the semi-annual report on 10/6 and 10/12', () => {
    expect(pick(year2026(semiAnnual), 'key', 'dueOn')).toEqual([['2026-H1', '2026-06-10'], ['2026-H2', '2026-12-10']]);
  });

  it('puts the quarterly report on day 10 of each quarter’s last month', () => {
    expect(year2026(quarterly).map((p) => p.dueOn)).toEqual(['2026-03-10', '2026-06-10', '2026-09-10', '2026-12-10']);
  });

  it('puts the yearly report on 30/11, and a January date in the following year', () => {
    expect(periodOf(yearly, '2026')?.dueOn).toBe('2026-11-30');
    const january = rule('year', { kind: 'dates', dates: ['01-15'] });
    expect(periodOf(january, '2026')?.dueOn).toBe('2027-01-15');
    const april = rule('quarter', { kind: 'dates', dates: ['04-05', '07-05', '10-05', '01-05'] });
    expect(year2026(april).map((p) => p.dueOn)).toEqual(['2026-04-05', '2026-07-05', '2026-10-05', '2027-01-05']);
  });

  it('turns 29 February into the 28th in common years', () => {
    const leapDay = rule('quarter', { kind: 'dates', dates: ['02-29'] });
    expect(periodOf(leapDay, '2027-Q1')?.dueOn).toBe('2027-02-28');
    expect(periodOf(leapDay, '2028-Q1')?.dueOn).toBe('2028-02-29');
  });

  it('counts days after the period ends', () => {
    const r = rule('month', { kind: 'daysAfterEnd', days: 5 });
    expect(pick([periodOf(r, '2026-01')!, periodOf(r, '2026-02')!, periodOf(r, '2026-12')!], 'dueOn')).toEqual([['2026-02-05'], ['2026-03-05'], ['2027-01-05']]);
    expect(periodOf(rule('quarter', { kind: 'daysAfterEnd', days: 0 }), '2026-Q2')?.dueOn).toBe('2026-06-30');
  });

  it('takes day N of the next month, December rolling into January', () => {
    expect(pick([periodOf(monthly, '2026-11')!, periodOf(monthly, '2026-12')!], 'dueOn')).toEqual([['2026-12-05'], ['2027-01-05']]);
    expect(periodOf(rule('quarter', { kind: 'dayOfNextMonth', day: 15 }), '2026-Q4')?.dueOn).toBe('2027-01-15');
  });

  it('reads day -1 as the last day and clamps day 31 in a 30-day month', () => {
    expect(periodOf(rule('quarter', { kind: 'dayOfLastMonth', day: -1 }), '2026-Q2')?.dueOn).toBe('2026-06-30');
    expect(periodOf(rule('quarter', { kind: 'dayOfLastMonth', day: 31 }), '2026-Q3')?.dueOn).toBe('2026-09-30');
    expect(periodOf(rule('month', { kind: 'dayOfNextMonth', day: 31 }), '2026-03')?.dueOn).toBe('2026-04-30');
    expect(periodOf(rule('month', { kind: 'dayOfNextMonth', day: -1 }), '2026-01')?.dueOn).toBe('2026-02-28');
  });

  it('is callable on its own with a period’s position in the year', () => {
    expect(dueDate(semiAnnual, { type: 'half', start: '2026-07-01', end: '2026-12-31', index: 1 })).toBe('2026-12-10');
  });

  it('adds grace and lock days to the due date', () => {
    const r = { ...semiAnnual, graceDays: 3, lockDays: 20 };
    expect(periodOf(r, '2026-H1')).toMatchObject({ dueOn: '2026-06-10', timelyUntil: '2026-06-13', locksAfter: '2026-06-30' });
  });
});

describe('Vietnam-time boundaries', () => {
  const h1 = periodOf({ ...semiAnnual, lockDays: 0 }, '2026-H1')!;

  it('counts a submission on time until 23:59:59.999 in Vietnam', () => {
    expect(h1.timelyUntil).toBe('2026-06-10');
    expect(isOnTime(h1, new Date('2026-06-10T16:59:59.999Z'))).toBe(true);
    expect(isOnTime(h1, new Date('2026-06-10T17:00:00.000Z'))).toBe(false);
    expect(isOnTime(h1, new Date('2026-06-09T17:00:00.000Z'))).toBe(true);
  });

  it('locks right after 23:59:59.999 in Vietnam of locksAfter', () => {
    expect(isLocked(h1, new Date('2026-06-10T16:59:59.999Z'))).toBe(false);
    expect(isLocked(h1, new Date('2026-06-10T17:00:00.000Z'))).toBe(true);
  });
});

describe('periodsBetween', () => {
  it('crosses a year boundary, oldest first', () => {
    expect(periodsBetween(monthly, '2026-11-15', '2027-02-01').map((p) => p.key)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween(quarterly, '2026-12-31', '2027-01-01').map((p) => p.key)).toEqual(['2026-Q4', '2027-Q1']);
    expect(periodsBetween(semiAnnual, '2025-06-30', '2027-01-01').map((p) => p.key)).toEqual(['2025-H1', '2025-H2', '2026-H1', '2026-H2', '2027-H1']);
  });

  it('returns nothing for a reversed or invalid range', () => {
    expect(periodsBetween(monthly, '2026-05-01', '2026-04-01')).toEqual([]);
    expect(periodsBetween(monthly, '2026-02-30', '2026-04-01')).toEqual([]);
  });

  it('lists ad-hoc requests that overlap the range or fall due in it', () => {
    const adhoc = rule('adhoc', { kind: 'daysAfterEnd', days: 0 }, {
      adhoc: [
        { key: 'covid', label: 'Báo cáo phòng chống dịch', start: '2026-03-01', end: '2026-03-31', dueOn: '2026-04-20' },
        { key: 'bao-lu', label: 'Báo cáo thiệt hại bão lũ', start: '2026-01-10', end: '2026-01-20', dueOn: '2026-01-25' },
      ],
    });
    expect(periodsBetween(adhoc, '2026-01-01', '2026-12-31').map((p) => p.key)).toEqual(['bao-lu', 'covid']);
    expect(periodsBetween(adhoc, '2026-04-01', '2026-04-30').map((p) => p.key)).toEqual(['covid']);
    expect(periodsBetween(adhoc, '2026-05-01', '2026-05-31')).toEqual([]);
    expect(periodOf(adhoc, 'covid')).toEqual({
      key: 'covid', type: 'adhoc', label: 'Báo cáo phòng chống dịch', start: '2026-03-01', end: '2026-03-31',
      dueOn: '2026-04-20', timelyUntil: '2026-04-20', locksAfter: '2026-05-20',
    });
    expect(currentPeriod(adhoc, '2026-02-01')?.key).toBe('bao-lu');
    expect(currentPeriod(adhoc, '2026-04-10')?.key).toBe('covid');
    expect(currentPeriod(adhoc, '2026-01-01')).toBeNull();
    expect(currentPeriod({ ...adhoc, adhoc: [] }, '2026-04-10')).toBeNull();
  });
});

describe('currentPeriod', () => {
  it('stays on the previous month until it locks', () => {
    // June is due 5/7 and locks 30 days later, on 4/8.
    expect(currentPeriod(monthly, '2026-07-15')?.key).toBe('2026-06');
    expect(currentPeriod(monthly, '2026-08-04')?.key).toBe('2026-06');
    expect(currentPeriod(monthly, '2026-08-05')?.key).toBe('2026-07');
  });

  it('moves through the half-years', () => {
    const r = { ...semiAnnual, lockDays: 10 };
    expect(currentPeriod(r, '2026-03-01')?.key).toBe('2026-H1');
    expect(currentPeriod(r, '2026-06-20')?.key).toBe('2026-H1');
    expect(currentPeriod(r, '2026-06-21')?.key).toBe('2026-H1'); // H1 locked, H2 not started: the latest started one.
    expect(currentPeriod(r, '2026-07-01')?.key).toBe('2026-H2');
    expect(currentPeriod(r, '2027-01-05')?.key).toBe('2027-H1');
  });

  it('keeps last year open while its report is still not locked', () => {
    const r = rule('year', { kind: 'dates', dates: ['01-15'] }, { lockDays: 15 });
    expect(currentPeriod(r, '2027-01-20')?.key).toBe('2026');
    expect(currentPeriod(r, '2027-01-30')?.key).toBe('2026'); // due 15/1/2027, locks 15 days later
    expect(currentPeriod(r, '2027-01-31')?.key).toBe('2027');
  });
});

describe('periodOf', () => {
  it('round-trips every key from periodsBetween', () => {
    for (const r of [monthly, quarterly, semiAnnual, yearly]) {
      for (const p of periodsBetween(r, '2025-01-01', '2027-12-31')) expect(periodOf(r, p.key)).toEqual(p);
    }
  });

  it('rejects garbage and keys of another period type', () => {
    expect(periodOf(quarterly, '2026-Q5')).toBeNull();
    expect(periodOf(quarterly, '2026-Q0')).toBeNull();
    expect(periodOf(monthly, '2026-13')).toBeNull();
    expect(periodOf(monthly, '2026-00')).toBeNull();
    expect(periodOf(monthly, '2026-7')).toBeNull();
    expect(periodOf(monthly, 'abc')).toBeNull();
    expect(periodOf(yearly, '0026')).toBeNull();
    expect(periodOf(semiAnnual, '2026-Q1')).toBeNull();
    expect(periodOf(semiAnnual, '2026-H3')).toBeNull();
    expect(periodOf(quarterly, '2026')).toBeNull();
    expect(periodOf(yearly, '2026-07')).toBeNull();
    expect(periodOf(rule('adhoc', { kind: 'daysAfterEnd', days: 0 }), '2026')).toBeNull();
  });
});

describe('describeRule', () => {
  it('says the rule in one Vietnamese line', () => {
    expect(describeRule(semiAnnual)).toBe('6 tháng, hạn 10/6 và 10/12');
    expect(describeRule(quarterly)).toBe('Hằng quý, trước ngày 10 của tháng cuối quý');
    expect(describeRule(yearly)).toBe('Hằng năm, hạn 30/11');
    expect(describeRule(monthly)).toBe('Hằng tháng, hạn ngày 5 tháng sau');
    expect(describeRule(rule('month', { kind: 'daysAfterEnd', days: 5 }))).toBe('Hằng tháng, 5 ngày sau khi kết thúc kỳ');
    expect(describeRule(rule('adhoc', { kind: 'daysAfterEnd', days: 5 }))).toBe('Đột xuất');
    expect(describeRule(rule('quarter', { kind: 'dayOfLastMonth', day: -1 }))).toBe('Hằng quý, trước ngày cuối cùng của tháng cuối quý');
    expect(describeRule(rule('quarter', { kind: 'dates', dates: ['04-05', '07-05', '10-05', '01-05'] }))).toBe('Hằng quý, hạn 5/4, 5/7, 5/10 và 5/1');
  });
});

describe('checkRule', () => {
  it('accepts the seeded rules', () => {
    for (const r of [semiAnnual, quarterly, yearly, monthly]) expect(checkRule(r)).toEqual([]);
  });

  it('names impossible dates and a wrong count of dates', () => {
    expect(checkRule(rule('half', { kind: 'dates', dates: ['06-10', '31-02'] }))).toEqual([
      { field: 'dueRule.dates.1', message: 'Ngày hạn "31-02" không có thật' },
    ]);
    expect(checkRule(rule('half', { kind: 'dates', dates: ['02-29', '6-10'] }))).toEqual([
      { field: 'dueRule.dates.1', message: 'Ngày hạn "6-10" phải viết theo dạng MM-DD, ví dụ 06-10' },
    ]);
    expect(checkRule(rule('quarter', { kind: 'dates', dates: ['03-10', '06-10', '09-10'] }))).toEqual([
      { field: 'dueRule.dates', message: 'Cần 1 ngày hạn chung hoặc đủ 4 ngày hạn, mỗi kỳ một ngày (đang có 3)' },
    ]);
    expect(checkRule(rule('quarter', { kind: 'dates', dates: ['04-31'] }))).toEqual([{ field: 'dueRule.dates.0', message: 'Ngày hạn "04-31" không có thật' }]);
  });

  it('bounds days, grace and lock', () => {
    expect(checkRule(rule('month', { kind: 'dayOfNextMonth', day: 0 })).map((e) => e.field)).toEqual(['dueRule.day']);
    expect(checkRule(rule('month', { kind: 'dayOfLastMonth', day: 32 })).map((e) => e.field)).toEqual(['dueRule.day']);
    expect(checkRule(rule('month', { kind: 'dayOfLastMonth', day: -1 }))).toEqual([]);
    expect(checkRule(rule('month', { kind: 'daysAfterEnd', days: 367 })).map((e) => e.field)).toEqual(['dueRule.days']);
    expect(checkRule(rule('month', { kind: 'daysAfterEnd', days: 1.5 })).map((e) => e.field)).toEqual(['dueRule.days']);
    expect(checkRule({ ...monthly, graceDays: -1 })).toEqual([{ field: 'graceDays', message: 'Số ngày ân hạn phải là số nguyên từ 0 đến 366' }]);
    expect(checkRule({ ...monthly, graceDays: 10, lockDays: 5 })).toEqual([
      { field: 'lockDays', message: 'Số ngày đến khi khóa số liệu không được nhỏ hơn số ngày ân hạn' },
    ]);
    expect(checkRule({ ...monthly, lockDays: 3661 }).map((e) => e.field)).toEqual(['lockDays']);
  });

  it('checks ad-hoc requests', () => {
    const errors = checkRule(rule('adhoc', { kind: 'daysAfterEnd', days: 0 }, {
      adhoc: [
        { key: 'a', label: 'Báo cáo A', start: '2026-03-10', end: '2026-03-01', dueOn: '2026-03-20' },
        { key: 'a', label: '', start: '2026-02-30', end: '2026-03-01', dueOn: '2026-03-20' },
      ],
    }));
    expect(errors).toEqual([
      { field: 'adhoc.0.end', message: 'Ngày kết thúc không được trước ngày bắt đầu' },
      { field: 'adhoc.1.key', message: 'Mã yêu cầu báo cáo "a" bị trùng' },
      { field: 'adhoc.1.label', message: 'Tên yêu cầu báo cáo không được để trống' },
      { field: 'adhoc.1.start', message: 'Ngày bắt đầu "2026-02-30" không phải ngày hợp lệ' },
    ]);
  });
});

describe('properties', () => {
  const monthDay = fc.integer({ min: 1, max: 12 }).chain((m) =>
    fc.integer({ min: 1, max: daysInMonth(2024, m) }).map((d) => isoDate(2024, m, d).slice(5)));
  const dayOfMonth = fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant(-1));
  const perYear = { month: 12, quarter: 4, half: 2, year: 1 } as const;

  const regularRule: fc.Arbitrary<ScheduleRule> = fc.record({
    periodType: fc.constantFrom('month', 'quarter', 'half', 'year' as const),
    graceDays: fc.integer({ min: 0, max: 366 }),
    extraLock: fc.integer({ min: 0, max: 3000 }),
    single: fc.boolean(),
    dates: fc.array(monthDay, { minLength: 12, maxLength: 12 }),
    day: dayOfMonth,
    days: fc.integer({ min: 0, max: 366 }),
    kind: fc.constantFrom('dates', 'dayOfLastMonth', 'daysAfterEnd', 'dayOfNextMonth' as const),
  }).map(({ periodType, graceDays, extraLock, single, dates, day, days, kind }) => {
    const dueRule: DueRule = kind === 'dates' ? { kind, dates: dates.slice(0, single ? 1 : perYear[periodType]) }
      : kind === 'daysAfterEnd' ? { kind, days } : { kind, day };
    return { periodType, dueRule, graceDays, lockDays: Math.min(graceDays + extraLock, 3660) };
  });

  const date = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays('2000-01-01', n));
  const range = fc.tuple(date, fc.integer({ min: 0, max: 365 * 5 })).map(([from, n]) => [from, addDays(from, n)] as const);

  it('gives contiguous, well-ordered periods that periodOf rebuilds', () => {
    fc.assert(fc.property(regularRule, range, (r, [from, to]) => {
      expect(checkRule(r)).toEqual([]);
      const ps = periodsBetween(r, from, to);
      expect(ps.length).toBeGreaterThan(0);
      expect(ps[0].start <= from && ps[0].end >= from).toBe(true);
      expect(ps[ps.length - 1].start <= to && ps[ps.length - 1].end >= to).toBe(true);
      ps.forEach((p, i) => {
        if (i > 0) expect(p.start).toBe(addDays(ps[i - 1].end, 1));
        expect(p.start <= p.end).toBe(true);
        expect(p.dueOn <= p.timelyUntil && p.timelyUntil <= p.locksAfter).toBe(true);
        expect(periodOf(r, p.key)).toEqual(p);
      });
      const current = currentPeriod(r, to);
      expect(current && current.start <= to).toBe(true);
    }));
  });

  it('round-trips ad-hoc requests and keeps only relevant ones', () => {
    const request = fc.tuple(date, fc.integer({ min: 0, max: 90 }), fc.integer({ min: -30, max: 120 }))
      .map(([start, len, dueAfter]) => ({ start, end: addDays(start, len), dueOn: addDays(start, len + dueAfter) }));
    fc.assert(fc.property(fc.array(request, { maxLength: 8 }), range, fc.integer({ min: 0, max: 30 }), (reqs, [from, to], grace) => {
      const r: ScheduleRule = {
        periodType: 'adhoc', dueRule: { kind: 'daysAfterEnd', days: 0 }, graceDays: grace, lockDays: grace + 10,
        adhoc: reqs.map((q, i) => ({ ...q, key: `yc-${i}`, label: `Yêu cầu ${i}` })),
      };
      expect(checkRule(r)).toEqual([]);
      const ps = periodsBetween(r, from, to);
      ps.forEach((p, i) => {
        if (i > 0) expect(ps[i - 1].start <= p.start).toBe(true);
        expect((p.start <= to && p.end >= from) || (p.dueOn >= from && p.dueOn <= to)).toBe(true);
        expect(p.timelyUntil <= p.locksAfter).toBe(true);
        expect(periodOf(r, p.key)).toEqual(p);
      });
      const inside = r.adhoc!.filter((q) => (q.start <= to && q.end >= from) || (q.dueOn >= from && q.dueOn <= to));
      expect(ps).toHaveLength(inside.length);
    }));
  });
});
