import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocking, criteriaBlocked, duplicatesOf, matchKey, periodMonths } from './register.ts';

describe('reward criteria (seed 000 II.4)', () => {
  it.each([
    [['exceeds', 'replicable'], null], [['impact', 'replicable'], null], [['exceeds', 'impact', 'replicable'], null],
    [['replicable'], /vượt yêu cầu hoặc có tác động/], [['exceeds', 'impact'], /nhân rộng/], [[], /vượt yêu cầu/],
  ] as const)('%j → %s', (criteria, result) => {
    const blocked = criteriaBlocked(criteria);
    if (result === null) expect(blocked).toBeNull(); else expect(blocked).toMatch(result);
  });
});

describe('periods', () => {
  it.each([['2026', ['2026-01', '2026-12']], ['2026-H2', ['2026-07', '2026-12']], ['2026-Q3', ['2026-07', '2026-09']], ['2026-09', ['2026-09', '2026-09']], ['2026-H3', null], ['26', null]])('%s', (p, months) => {
    expect(periodMonths(p)).toEqual(months);
  });
});

describe('the same achievement', () => {
  const key = matchKey({ subject: 'collective', collectiveName: 'Phòng Công nghệ thông tin', taskText: 'Triển khai bệnh án điện tử' });
  it('is recognised however the names are typed, for the same nominee and task in an overlapping period', () => {
    expect(matchKey({ subject: 'collective', collectiveName: 'phòng công nghệ  thông tin', taskText: 'Trien khai benh an dien tu' })).toBe(key);
    const register = [
      { id: 'a', matchKey: key, period: '2026', outcomes: [{ kind: 'reward' as const, status: 'approved', text: 'QĐ 12/QĐ-SYT' }] },
      { id: 'b', matchKey: key, period: '2025', outcomes: [] },
      { id: 'c', matchKey: matchKey({ subject: 'individual', personId: 'p1', taskText: 'Triển khai bệnh án điện tử' }), period: '2026', outcomes: [] },
    ];
    const dups = duplicatesOf({ matchKey: key, period: '2026-H2' }, register);
    expect(dups.map((d) => d.id)).toEqual(['a']);
    expect(blocking(dups)).toHaveLength(1);
    expect(duplicatesOf({ id: 'a', matchKey: key, period: '2026' }, register)).toEqual([]);
  });

  it('overlaps symmetrically', () => {
    const period = fc.constantFrom('2026', '2026-H1', '2026-H2', '2026-Q1', '2026-Q3', '2026-05', '2026-11', '2027');
    fc.assert(fc.property(period, period, (a, b) => {
      const one = duplicatesOf({ id: 'x', matchKey: 'k', period: a }, [{ id: 'y', matchKey: 'k', period: b, outcomes: [] }]).length;
      const two = duplicatesOf({ id: 'y', matchKey: 'k', period: b }, [{ id: 'x', matchKey: 'k', period: a, outcomes: [] }]).length;
      return one === two;
    }), { seed: 7, numRuns: 200 });
  });
});
