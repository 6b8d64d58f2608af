import { describe, expect, it } from 'vitest';
import { addToCounts, emptyCounts, occurrenceStatus, onTimeRate, rollupStatus } from './status.ts';

const today = '2026-11-23';

describe('occurrenceStatus', () => {
  it('is computed from the dates on the day asked', () => {
    expect(occurrenceStatus({ dueOn: '2026-11-30', completedOn: null, started: false }, today)).toBe('not_due');
    expect(occurrenceStatus({ dueOn: '2026-11-30', completedOn: null, started: true }, today)).toBe('in_progress');
    expect(occurrenceStatus({ dueOn: '2026-11-22', completedOn: null, started: true }, today)).toBe('overdue');
    // Due today is not yet late: "Trước ngày 23/11" means by the 23rd.
    expect(occurrenceStatus({ dueOn: today, completedOn: null, started: false }, today)).toBe('not_due');
    expect(occurrenceStatus({ dueOn: '2026-11-20', completedOn: '2026-11-20', started: true }, today)).toBe('done_on_time');
    expect(occurrenceStatus({ dueOn: '2026-11-20', completedOn: '2026-11-21', started: true }, today)).toBe('done_late');
    expect(occurrenceStatus({ dueOn: null, completedOn: null, started: false }, today)).toBe('not_due');
    expect(occurrenceStatus({ dueOn: null, completedOn: '2026-01-05', started: true }, today)).toBe('done_on_time');
  });
  it('turns overdue the day after the due date, with no stored state to go stale', () => {
    const o = { dueOn: '2026-11-23', completedOn: null, started: true };
    expect(occurrenceStatus(o, '2026-11-23')).toBe('in_progress');
    expect(occurrenceStatus(o, '2026-11-24')).toBe('overdue');
  });
});

describe('counts and roll-up', () => {
  it('count as the Government’s tracking does, and roll up to one status', () => {
    const c = emptyCounts();
    addToCounts(c, 'done_on_time', 3);
    addToCounts(c, 'done_late', 1);
    expect(onTimeRate(c)).toBe(75);
    expect(rollupStatus(c)).toBe('done_late');
    addToCounts(c, 'not_due', 2, 1);
    expect(rollupStatus(c)).toBe('not_due');
    addToCounts(c, 'in_progress');
    expect(rollupStatus(c)).toBe('in_progress');
    addToCounts(c, 'overdue');
    expect(rollupStatus(c)).toBe('overdue');
    expect(c).toEqual({ total: 8, notDue: 2, inProgress: 1, overdue: 1, doneOnTime: 3, doneLate: 1, dueSoon: 1 });
    expect(rollupStatus(emptyCounts())).toBeNull();
    expect(onTimeRate(emptyCounts())).toBeNull();
  });
});
