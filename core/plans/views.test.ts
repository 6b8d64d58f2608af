import { describe, expect, it } from 'vitest';
import { occurrenceStatus } from './status.ts';
import { inView, UNIT_VIEWS, viewRule } from './views.ts';

const today = '2026-11-23';
const period = (dueOn: string | null, completedOn: string | null = null) => ({ dueOn, completedOn });

describe('the tabs of a unit’s task page', () => {
  it('"this month" is the calendar month of today, whatever the state', () => {
    expect(viewRule('thang-nay', today)).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(viewRule('thang-nay', '2026-12-31')).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(viewRule('thang-nay', '2028-02-10')).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(inView(period('2026-11-01', '2026-10-30'), 'thang-nay', today)).toBe(true);
    expect(inView(period('2026-12-01'), 'thang-nay', today)).toBe(false);
    expect(inView(period(null), 'thang-nay', today)).toBe(false);
  });

  it('"overdue" agrees with the overdue status on every kind of period', () => {
    const cases = [period('2026-11-22'), period(today), period('2026-11-24'), period(null), period('2026-01-01', '2026-02-01'), period('2025-12-31')];
    for (const o of cases) {
      const status = occurrenceStatus({ ...o, started: false }, today);
      expect(inView(o, 'qua-han', today), JSON.stringify(o)).toBe(status === 'overdue');
    }
  });

  it('"due soon" is open and due from today to two weeks ahead', () => {
    expect(inView(period(today), 'sap-den-han', today)).toBe(true);
    expect(inView(period('2026-12-07'), 'sap-den-han', today)).toBe(true);
    expect(inView(period('2026-12-08'), 'sap-den-han', today)).toBe(false);
    expect(inView(period('2026-11-30', '2026-11-20'), 'sap-den-han', today)).toBe(false);
    expect(inView(period('2026-11-22'), 'sap-den-han', today)).toBe(false);
  });

  it('"done" holds every finished period, newest first; "all" holds everything', () => {
    expect(viewRule('hoan-thanh', today).order).toBe('completed');
    expect(inView(period(null, '2026-03-01'), 'hoan-thanh', today)).toBe(true);
    expect(inView(period('2026-03-01'), 'hoan-thanh', today)).toBe(false);
    for (const o of [period(null), period('2020-01-01', '2020-01-01'), period('2030-01-01')]) expect(inView(o, 'tat-ca', today)).toBe(true);
    expect(UNIT_VIEWS.filter((v) => viewRule(v, today).order === 'due')).toEqual(['thang-nay', 'qua-han', 'sap-den-han', 'tat-ca']);
  });
});
