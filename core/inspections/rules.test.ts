import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionState, coverage } from './rules.ts';

describe('coverage of an inspection plan', () => {
  it('counts "tối thiểu 30%" of 9 units as 3 inspections, rounding up', () => {
    expect(coverage({ population: 9, planned: 3, concluded: 2, targetPct: 30 })).toMatchObject({ required: 3, needed: 1, meets: false, plannedMeets: true, concludedPct: 22.2, plannedPct: 33.3 });
    expect(coverage({ population: 10, planned: 3, concluded: 3, targetPct: 30 })).toMatchObject({ required: 3, needed: 0, meets: true, concludedPct: 30 });
    expect(coverage({ population: 0, planned: 0, concluded: 0, targetPct: 30 })).toMatchObject({ required: 0, meets: true, concludedPct: 0 });
  });

  it('meets the target exactly when the concluded share reaches it', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 100 }), (population, c, targetPct) => {
      const concluded = Math.min(c, population);
      const r = coverage({ population, planned: concluded, concluded, targetPct });
      return r.meets === (concluded * 100 >= population * targetPct) && r.needed >= 0;
    }), { seed: 7, numRuns: 500 });
  });
});

describe('a corrective action', () => {
  it('becomes overdue the day after its deadline while still open', () => {
    expect(actionState({ status: 'open', dueOn: '2026-11-30' }, '2026-11-30')).toBe('open');
    expect(actionState({ status: 'open', dueOn: '2026-11-30' }, '2026-12-01')).toBe('overdue');
    expect(actionState({ status: 'reported', dueOn: '2026-11-30' }, '2026-12-01')).toBe('reported');
    expect(actionState({ status: 'closed', dueOn: '2026-11-30' }, '2026-12-01')).toBe('closed');
  });
});
