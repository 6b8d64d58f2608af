// Back-payments and recoveries: hand cases, and a property that paying the adjustments settles everything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustments } from './adjust.ts';

const line = (personId: string, month: string, amount: number) => ({ personId, month, amount });

describe('adjustments', () => {
  it('owes the difference when more is due than was paid (truy lĩnh)', () => {
    expect(adjustments([line('p1', '2026-10', 1_500_000)], [line('p1', '2026-10', 3_000_000)]))
      .toEqual([{ personId: 'p1', month: '2026-10', paid: 1_500_000, due: 3_000_000, delta: 1_500_000 }]);
  });

  it('recovers what is no longer due (thu hồi), all of it when the month is not due at all', () => {
    expect(adjustments([line('p1', '2026-10', 3_000_000)], [{ ...line('p1', '2026-10', 1_451_613), reasons: 'Thôi công tác từ 16/10/2026' }]))
      .toEqual([{ personId: 'p1', month: '2026-10', paid: 3_000_000, due: 1_451_613, delta: -1_548_387 }]);
    expect(adjustments([line('p2', '2026-11', 3_000_000)], []))
      .toEqual([{ personId: 'p2', month: '2026-11', paid: 3_000_000, due: 0, delta: -3_000_000 }]);
  });

  it('counts an earlier adjustment as paid, so paying twice across it nets out', () => {
    const paid = [line('p1', '2026-07', 1_645_161), line('p1', '2026-07', 1_354_839)];
    expect(adjustments(paid, [line('p1', '2026-07', 3_000_000)])).toEqual([]);
    expect(adjustments(paid, [line('p1', '2026-07', 1_645_161)]))
      .toEqual([{ personId: 'p1', month: '2026-07', paid: 3_000_000, due: 1_645_161, delta: -1_354_839 }]);
  });

  it('gives nothing when paid equals due, and nothing for a month neither paid nor due', () => {
    expect(adjustments([line('p1', '2026-10', 3_000_000)], [line('p1', '2026-10', 3_000_000)])).toEqual([]);
    expect(adjustments([], [line('p1', '2026-10', 0)])).toEqual([]);
  });

  it('pays a month due but never paid, sorted by month then person', () => {
    const rows = adjustments([line('b', '2026-08', 100)], [line('b', '2026-09', 300), line('a', '2026-09', 200), line('c', '2026-07', 50)]);
    expect(rows.map((r) => [r.month, r.personId, r.delta])).toEqual([['2026-07', 'c', 50], ['2026-08', 'b', -100], ['2026-09', 'a', 200], ['2026-09', 'b', 300]]);
  });

  it('leaves nothing to adjust once the adjustments are paid', () => {
    const lineArb = fc.record({
      personId: fc.constantFrom('p1', 'p2', 'p3'),
      month: fc.constantFrom('2026-07', '2026-08', '2026-09'),
      amount: fc.integer({ min: 0, max: 5_000_000 }),
    });
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 8 }), fc.array(lineArb, { maxLength: 6 }), (paid, due) => {
      const rows = adjustments(paid, due);
      for (const r of rows) expect(r.delta).toBe(r.due - r.paid);
      expect(rows.reduce((s, r) => s + r.delta, 0)).toBe(due.reduce((s, l) => s + l.amount, 0) - paid.reduce((s, l) => s + l.amount, 0));
      const settled = [...paid, ...rows.map((r) => line(r.personId, r.month, r.delta))];
      expect(adjustments(settled, due)).toEqual([]);
    }), { seed: 7, numRuns: 300 });
  });
});
