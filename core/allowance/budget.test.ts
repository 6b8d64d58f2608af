// The yearly estimate: a hand-worked year, and a property that no set of ratings costs more than the estimate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../schedule/dates.ts';
import { estimateYear, type BudgetPerson } from './budget.ts';
import { decide, monthsBetween } from './engine.ts';
import { RATINGS, type Assignment, type Category, type PolicyVersion } from './types.ts';

const P1: PolicyVersion = {
  id: 'p1', version: 1, effectiveFrom: '2026-07-01', effectiveTo: null,
  rates: { full_time: 3_000_000, part_time: 1_500_000 }, minRating: 'good', partialMonth: 'by_days', isExample: true,
};
const assign = (id: string, category: Category, startOn: string): Assignment => ({ id, decisionNo: id, category, startOn, endOn: null, stoppedOn: null });
const person = (personId: string, assignment: Assignment, leftOn: string | null = null): BudgetPerson =>
  ({ personId, employment: { joinedOn: null, leftOn }, assignments: [assignment], otherBenefits: [] });

describe('estimateYear', () => {
  it('adds up a hand-worked 2026', () => {
    const people = [
      person('A', assign('a', 'full_time', '2026-07-01')),
      // Part-time from 15/10: 1,500,000 × 17 / 31 = 822,580.65 in October.
      person('B', assign('b', 'part_time', '2026-10-15')),
      // Leaves on 15/08: 3,000,000 × 15 / 31 = 1,451,612.90 in August.
      person('C', assign('c', 'full_time', '2026-07-01'), '2026-08-15'),
    ];
    const e = estimateYear({ year: 2026, people, policies: [P1], rewardFund: 50_000_000, adjustments: -1_000_000 });
    expect(e.months.map((m) => [m.month, m.amount, m.people])).toEqual([
      ...monthsBetween('2026-01', '2026-06').map((m) => [m, 0, 0]),
      ['2026-07', 6_000_000, 2], ['2026-08', 4_451_613, 2], ['2026-09', 3_000_000, 1],
      ['2026-10', 3_822_581, 2], ['2026-11', 4_500_000, 2], ['2026-12', 4_500_000, 2],
    ]);
    expect([e.allowance, e.rewardFund, e.adjustments, e.total]).toEqual([26_274_194, 50_000_000, -1_000_000, 75_274_194]);
  });

  it('follows a policy change and refuses a support paid twice', () => {
    const v1 = { ...P1, effectiveTo: '2026-09-30' };
    const v2 = { ...P1, id: 'p2', version: 2, effectiveFrom: '2026-10-01', rates: { full_time: 3_500_000, part_time: 1_800_000 } };
    const twice = { ...person('D', assign('d', 'full_time', '2026-07-01')), otherBenefits: [{ id: 'x', name: 'Đề án khác', startOn: '2026-12-01', endOn: null, sameWork: true }] };
    const e = estimateYear({ year: 2026, people: [person('A', assign('a', 'full_time', '2026-07-01')), twice], policies: [v1, v2], rewardFund: 0, adjustments: 0 });
    // A: 3 × 3,000,000 + 3 × 3,500,000; D: the same without December.
    expect(e.allowance).toBe(19_500_000 + 16_000_000);
    expect(e.months.at(-1)).toEqual({ month: '2026-12', amount: 3_500_000, people: 1 });
  });

  it('never falls short of what any set of ratings would pay', () => {
    const dateArb = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2026-01-01', n));
    const personArb = fc.record({
      category: fc.constantFrom<Category>('full_time', 'part_time'), startOn: dateArb, leftOn: fc.option(dateArb, { nil: null }),
      ratings: fc.array(fc.option(fc.constantFrom(...RATINGS), { nil: null }), { minLength: 12, maxLength: 12 }),
    });
    fc.assert(fc.property(fc.array(personArb, { maxLength: 4 }), fc.constantFrom(...RATINGS), (ps, minRating) => {
      const policies = [{ ...P1, minRating }];
      const people = ps.map((p, i) => person(`p${i}`, assign(`a${i}`, p.category, p.startOn), p.leftOn));
      const e = estimateYear({ year: 2026, people, policies, rewardFund: 7, adjustments: 3 });
      expect(e.total).toBe(e.allowance + 10);
      e.months.forEach(({ month, amount }, m) => {
        const actual = people.reduce((s, p, i) => s + decide({ ...p, month, rating: ps[i].ratings[m], policies }).amount, 0);
        expect(actual).toBeLessThanOrEqual(amount);
      });
    }), { seed: 7, numRuns: 200 });
  });
});
