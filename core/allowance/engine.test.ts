// The allowance engine: hand-worked months (each amount computed on paper), the reason texts, and properties
// over arbitrary policies, assignments, employment, other supports and ratings in 2026-2027.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../schedule/dates.ts';
import { decide, decideMonths, monthsBetween, policyFor } from './engine.ts';
import {
  PARTIAL_MONTH_RULES, RATINGS,
  type Assignment, type Category, type Decision, type OtherBenefit, type PersonMonth, type PolicyVersion, type Rating, type ReasonCode,
} from './types.ts';

const P1: PolicyVersion = {
  id: 'p1', version: 1, effectiveFrom: '2026-07-01', effectiveTo: null,
  rates: { full_time: 3_000_000, part_time: 1_500_000 }, minRating: 'done', partialMonth: 'by_days', isExample: false,
};
const rule = (partialMonth: PolicyVersion['partialMonth']): PolicyVersion => ({ ...P1, partialMonth });
// The mid-year change: v1 for the third quarter, v2 from October with higher amounts.
const V1: PolicyVersion = { ...P1, effectiveTo: '2026-09-30' };
const V2: PolicyVersion = { ...P1, id: 'p2', version: 2, effectiveFrom: '2026-10-01', rates: { full_time: 3_500_000, part_time: 1_800_000 } };

const assign = (id: string, category: Category, startOn: string, endOn: string | null = null, stoppedOn: string | null = null): Assignment =>
  ({ id, decisionNo: `${id}/QĐ-BV`, category, startOn, endOn, stoppedOn });
const benefit = (startOn: string, sameWork: boolean, endOn: string | null = null): OtherBenefit =>
  ({ id: 'b1', name: 'Phụ cấp dự án X', startOn, endOn, sameWork });
const A12 = assign('12', 'full_time', '2026-07-01', '2026-12-31');

const person = (over: Partial<PersonMonth> = {}): PersonMonth => ({
  month: '2026-10', employment: { joinedOn: null, leftOn: null }, assignments: [A12],
  rating: 'good', otherBenefits: [], policies: [P1], ...over,
});
const failing = (d: Decision) => d.reasons.filter((r) => !r.ok).map((r) => r.code);
const text = (d: Decision, code: ReasonCode) => d.reasons.find((r) => r.code === code)?.text;

type Case = [name: string, input: Partial<PersonMonth>, eligible: boolean, amount: number, daysCovered: number, failing: ReasonCode[]];
const cases: Case[] = [
  ['full month, full-time', {}, true, 3_000_000, 31, []],
  ['full month, part-time', { assignments: [assign('a', 'part_time', '2026-07-01')] }, true, 1_500_000, 31, []],
  // 15–31 July is 17 days: 3,000,000 × 17 / 31 = 1,645,161.29.
  ['from 15/07, by days', { month: '2026-07', assignments: [assign('a', 'full_time', '2026-07-15')] }, true, 1_645_161, 17, []],
  ['from 15/07, whole month', { month: '2026-07', assignments: [assign('a', 'full_time', '2026-07-15')], policies: [rule('whole_month')] }, true, 3_000_000, 17, []],
  ['from 15/07, not eligible', { month: '2026-07', assignments: [assign('a', 'full_time', '2026-07-15')], policies: [rule('not_eligible')] }, false, 0, 17, ['partial']],
  ['rating below the minimum', { rating: 'not_done' }, false, 0, 31, ['rating']],
  ['rating missing', { rating: null }, false, 0, 31, ['rating']],
  ['another support for the same work from 20/10', { otherBenefits: [benefit('2026-10-20', true)] }, false, 0, 31, ['duplicate']],
  ['another support ended before the month', { otherBenefits: [benefit('2026-08-01', true, '2026-09-30')] }, true, 3_000_000, 31, []],
  ['another support not for the same work', { otherBenefits: [benefit('2026-08-01', false)] }, true, 3_000_000, 31, []],
  // 1–15 October: 3,000,000 × 15 / 31 = 1,451,612.90.
  ['leaves the unit on 15/10', { employment: { joinedOn: null, leftOn: '2026-10-15' } }, true, 1_451_613, 15, []],
  ['the month after leaving', { month: '2026-11', employment: { joinedOn: null, leftOn: '2026-10-15' } }, false, 0, 0, ['employment']],
  // 11–31 October: 3,000,000 × 21 / 31 = 2,032,258.06.
  ['joins the unit on 11/10', { employment: { joinedOn: '2026-10-11', leftOn: null } }, true, 2_032_258, 21, []],
  // 1–10 October: 3,000,000 × 10 / 31 = 967,741.94.
  ['assignment stopped on 10/10', { assignments: [assign('12', 'full_time', '2026-07-01', '2026-12-31', '2026-10-10')] }, true, 967_742, 10, []],
  ['the month after the stop', { month: '2026-11', assignments: [assign('12', 'full_time', '2026-07-01', '2026-12-31', '2026-10-10')] }, false, 0, 0, ['assignment']],
  ['assignment only after leaving', { employment: { joinedOn: null, leftOn: '2026-10-10' }, assignments: [assign('a', 'full_time', '2026-10-20')] }, false, 0, 0, ['assignment']],
  ['September under v1', { month: '2026-09', policies: [V1, V2] }, true, 3_000_000, 30, []],
  ['October under v2', { month: '2026-10', policies: [V1, V2] }, true, 3_500_000, 31, []],
  ['June, before the policy', { month: '2026-06', assignments: [assign('a', 'full_time', '2026-06-01')] }, false, 0, 30, ['policy']],
  ['June, everything missing', { month: '2026-06', rating: null, assignments: [assign('a', 'full_time', '2026-06-01')], otherBenefits: [benefit('2026-06-10', true)] }, false, 0, 30, ['policy', 'rating', 'duplicate']],
  ['policy starting 15/07: not July', { month: '2026-07', policies: [{ ...P1, effectiveFrom: '2026-07-15' }] }, false, 0, 31, ['policy']],
  ['policy starting 15/07: August', { month: '2026-08', policies: [{ ...P1, effectiveFrom: '2026-07-15' }] }, true, 3_000_000, 31, []],
  ['part-time and full-time together: paid once, full-time', { assignments: [assign('p', 'part_time', '2026-07-01'), A12] }, true, 3_000_000, 31, []],
  // 15 days part-time and 16 full-time: (15 × 1,500,000 + 16 × 3,000,000) / 31 = 2,274,193.55.
  ['promoted on 16/10, by days', { assignments: [assign('p', 'part_time', '2026-07-01', '2026-10-15'), assign('f', 'full_time', '2026-10-16')] }, true, 2_274_194, 31, []],
  ['promoted on 16/10, not-eligible rule (month covered)', { assignments: [assign('p', 'part_time', '2026-07-01', '2026-10-15'), assign('f', 'full_time', '2026-10-16')], policies: [rule('not_eligible')] }, true, 2_274_194, 31, []],
  ['promoted on 16/10, whole-month rule: the best rate', { assignments: [assign('p', 'part_time', '2026-07-01', '2026-10-15'), assign('f', 'full_time', '2026-10-16')], policies: [rule('whole_month')] }, true, 3_000_000, 31, []],
  // 10 days part-time (11–20) and 11 full-time (21–31): (15,000,000 + 33,000,000) / 31 = 1,548,387.10.
  ['part of the month, promoted, by days', { assignments: [assign('p', 'part_time', '2026-10-11', '2026-10-20'), assign('f', 'full_time', '2026-10-21')] }, true, 1_548_387, 21, []],
  // February 2027 has 28 days; 15–28 is half of it.
  ['half of February 2027', { month: '2027-02', assignments: [assign('a', 'full_time', '2027-02-15')] }, true, 1_500_000, 14, []],
  ['rates of 0: eligible, nothing to pay', { policies: [{ ...P1, rates: { full_time: 0, part_time: 0 } }] }, true, 0, 31, []],
];

describe('decide: hand-worked months', () => {
  it.each(cases)('%s', (_name, input, eligible, amount, daysCovered, failed) => {
    const d = decide(person(input));
    expect({ eligible: d.eligible, amount: d.amount, daysCovered: d.daysCovered, failing: failing(d) }).toEqual({ eligible, amount, daysCovered, failing: failed });
  });

  it('names the category, rate, assignment and policy paid', () => {
    const d = decide(person({ assignments: [assign('p', 'part_time', '2026-07-01'), assign('f2', 'full_time', '2026-09-01'), assign('f1', 'full_time', '2026-08-01')], policies: [V1, V2] }));
    expect([d.category, d.rate, d.assignmentId, d.policyId, d.daysInMonth]).toEqual(['full_time', 3_500_000, 'f1', 'p2', 31]);
    const none = decide(person({ month: '2026-11', employment: { joinedOn: null, leftOn: '2026-10-15' } }));
    expect([none.category, none.rate, none.assignmentId, none.amount]).toEqual([null, 0, null, 0]);
  });

  it('lists the reasons in order, partial only for a partly covered month', () => {
    expect(decide(person()).reasons.map((r) => r.code)).toEqual(['policy', 'employment', 'assignment', 'rating', 'duplicate']);
    expect(decide(person({ month: '2026-07', assignments: [assign('a', 'full_time', '2026-07-15')] })).reasons.map((r) => r.code))
      .toEqual(['policy', 'employment', 'assignment', 'rating', 'duplicate', 'partial']);
  });

  it('writes the reasons as the HR officer would', () => {
    const ok = decide(person({ policies: [V1, { ...V2, isExample: true }] }));
    expect(ok.reasons.map((r) => r.text)).toEqual([
      'Chính sách phiên bản 2 áp dụng từ 01/10/2026 (mức hỗ trợ là số liệu minh họa)',
      'Công tác tại đơn vị trong tháng 10/2026',
      'Quyết định phân công số 12/QĐ-BV, chuyên trách, từ 01/07/2026 đến 31/12/2026',
      'Xếp loại tháng 10/2026: Hoàn thành tốt nhiệm vụ (đạt mức tối thiểu Hoàn thành nhiệm vụ)',
      'Không hưởng chính sách hỗ trợ khác cho cùng nhiệm vụ',
    ]);
    expect(text(decide(person({ month: '2026-06' })), 'policy')).toBe('Tháng 06/2026 chưa có chính sách hỗ trợ áp dụng');
    expect(text(decide(person({ rating: null })), 'rating')).toBe('Chưa có kết quả xếp loại tháng 10/2026');
    expect(text(decide(person({ rating: 'not_done' })), 'rating')).toBe('Xếp loại tháng 10/2026: Không hoàn thành nhiệm vụ, thấp hơn mức tối thiểu Hoàn thành nhiệm vụ');
    expect(text(decide(person({ otherBenefits: [benefit('2026-08-01', true)] })), 'duplicate')).toBe('Đang hưởng hỗ trợ khác cho cùng nhiệm vụ: Phụ cấp dự án X (từ 01/08/2026)');
    expect(text(decide(person({ month: '2026-11', employment: { joinedOn: null, leftOn: '2026-10-15' } })), 'employment'))
      .toBe('Không còn công tác tại đơn vị trong tháng 11/2026 (ngày công tác cuối cùng 15/10/2026)');
    expect(text(decide(person({ month: '2026-06', employment: { joinedOn: '2026-08-01', leftOn: null } })), 'employment'))
      .toBe('Chưa công tác tại đơn vị trong tháng 06/2026 (vào đơn vị từ 01/08/2026)');
    expect(text(decide(person({ month: '2027-01' })), 'assignment')).toBe('Không có quyết định phân công còn hiệu lực trong tháng 01/2027');
    expect(text(decide(person({ assignments: [assign('12', 'full_time', '2026-07-01', null, '2026-10-10')] })), 'assignment'))
      .toBe('Quyết định phân công số 12/QĐ-BV, chuyên trách, từ 01/07/2026, không xác định thời hạn, đã dừng, ngày thực hiện cuối cùng 10/10/2026');
    const july = (r: PolicyVersion) => text(decide(person({ month: '2026-07', assignments: [assign('a', 'full_time', '2026-07-15')], policies: [r] })), 'partial');
    expect([july(P1), july(rule('whole_month')), july(rule('not_eligible'))]).toEqual([
      'Tháng 07/2026 chỉ có 17/31 ngày đủ điều kiện: hưởng theo số ngày',
      'Tháng 07/2026 chỉ có 17/31 ngày đủ điều kiện: hưởng cả tháng',
      'Tháng 07/2026 chỉ có 17/31 ngày đủ điều kiện: không hưởng tháng đó',
    ]);
  });

  it('refuses a month that is not yyyy-mm', () => {
    expect(() => decide(person({ month: '2026-13' }))).toThrow(RangeError);
  });
});

describe('policyFor, monthsBetween, decideMonths', () => {
  it('takes the version in force on the first day, the highest when several are', () => {
    expect(policyFor([V1, V2], '2026-09')?.id).toBe('p1');
    expect(policyFor([V1, V2], '2026-10')?.id).toBe('p2');
    expect(policyFor([V1, V2], '2026-06')).toBeNull();
    expect(policyFor([{ ...V2, effectiveFrom: '2026-10-02' }, { ...V1, effectiveTo: '2026-10-01' }], '2026-10')?.id).toBe('p1');
    expect(policyFor([P1, { ...V2, effectiveFrom: '2026-08-01' }], '2026-10')?.id).toBe('p2');
    expect(policyFor([{ ...V2, effectiveFrom: '2026-08-01' }, P1], '2026-10')?.id).toBe('p2');
  });

  it('lists months inclusively across a new year', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-07-15', '2026-07-31')).toEqual(['2026-07']);
    expect(monthsBetween('2026-08', '2026-07')).toEqual([]);
  });

  it('decides each distinct month once, with its own rating', () => {
    const { month: _m, rating: _r, ...base } = person();
    const ds = decideMonths({ ...base, ratings: { '2026-09': 'excellent', '2026-10': 'not_done' } }, ['2026-09', '2026-10', '2026-11', '2026-09']);
    expect(ds.map((d) => [d.month, d.eligible, failing(d)])).toEqual([['2026-09', true, []], ['2026-10', false, ['rating']], ['2026-11', false, ['rating']]]);
  });
});

// Properties over 2026-2027. Dates are days after 01/01/2026, so every generated date is real; open ends
// and early starts are weighted up so that a good share of the months is paid (checked below).
const MONTHS = monthsBetween('2026-01', '2027-12');
const dateArb = fc.integer({ min: 0, max: 729 }).map((n) => addDays('2026-01-01', n));
const often = <T>(value: T) => fc.oneof({ arbitrary: fc.constant(value), weight: 2 }, { arbitrary: dateArb, weight: 1 });
const ratingArb = fc.option(fc.constantFrom(...RATINGS), { nil: null, freq: 5 });
const policiesArb = fc.array(fc.record({
  version: fc.integer({ min: 1, max: 3 }), effectiveFrom: often('2026-01-01'), effectiveTo: often(null),
  // Part-time never paid above full-time: the engine ranks full-time first, and a policy inverting the rates
  // would let a stopped full-time assignment leave the better-paid part-time one in charge.
  rates: fc.tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }))
    .map(([a, b]) => ({ full_time: Math.max(a, b), part_time: Math.min(a, b) })),
  minRating: fc.constantFrom(...RATINGS), partialMonth: fc.constantFrom(...PARTIAL_MONTH_RULES), isExample: fc.boolean(),
}), { minLength: 1, maxLength: 3 }).map((ps) => ps.map((p, i): PolicyVersion => ({ ...p, id: `p${i}` })));
const assignmentsArb = fc.array(fc.record({
  category: fc.constantFrom<Category>('full_time', 'part_time'), startOn: often('2026-01-01'), endOn: often(null), stoppedOn: often(null),
}), { maxLength: 3 }).map((as) => as.map((a, i): Assignment => ({ ...a, id: `a${i}`, decisionNo: `${i}/QĐ` })));
const benefitArb = fc.record({ startOn: dateArb, endOn: often(null), sameWork: fc.boolean() }).map((b): OtherBenefit => ({ ...b, id: 'b', name: 'Hỗ trợ khác' }));
const personArb = fc.record({
  month: fc.constantFrom(...MONTHS), employment: fc.record({ joinedOn: often(null), leftOn: often(null) }), assignments: assignmentsArb,
  rating: ratingArb, otherBenefits: fc.array(benefitArb, { maxLength: 1 }), policies: policiesArb,
});
const RUN = { seed: 7, numRuns: 300 };
const amounts = (p: PersonMonth) => MONTHS.map((month) => decide({ ...p, month }).amount);
const noneHigher = (after: number[], before: number[]) => after.every((a, i) => a <= before[i]);

describe('decide: properties', () => {
  it('pays whole đồng within the policy’s largest rate, only when every condition holds', () => {
    let eligible = 0;
    fc.assert(fc.property(personArb, (p) => {
      const d = decide(p);
      const policy = policyFor(p.policies, p.month);
      const max = policy ? Math.max(policy.rates.full_time, policy.rates.part_time) : 0;
      expect(Number.isInteger(d.amount) && d.amount >= 0 && d.amount <= max).toBe(true);
      expect(d.daysCovered).toBeLessThanOrEqual(d.daysInMonth);
      expect(d.reasons.map((r) => r.code).slice(0, 5)).toEqual(['policy', 'employment', 'assignment', 'rating', 'duplicate']);
      if (!d.eligible) expect(d.amount).toBe(0);
      else expect(d.reasons.every((r) => r.ok)).toBe(true);
      if (d.eligible) eligible++;
    }), RUN);
    // The generators must reach the paying branch often enough to mean something.
    expect(eligible).toBeGreaterThan(RUN.numRuns / 10);
  });

  it('is deterministic, whatever the order of the policies, one decision per month', () => {
    fc.assert(fc.property(personArb, fc.array(fc.constantFrom(...MONTHS), { maxLength: 8 }), (p, months) => {
      expect(decide(structuredClone(p))).toEqual(decide(p));
      expect(decide({ ...p, policies: [...p.policies].reverse() })).toEqual(decide(p));
      const { month: _m, rating, ...base } = p;
      const ds = decideMonths({ ...base, ratings: Object.fromEntries(months.map((m) => [m, rating ?? 'good'])) }, months);
      expect(ds.map((d) => d.month)).toEqual([...new Set(months)]);
    }), RUN);
  });

  it('never pays more after an assignment is stopped (or stopped earlier)', () => {
    fc.assert(fc.property(personArb, fc.nat(), dateArb, (p, index, stop) => {
      fc.pre(p.assignments.length > 0);
      const i = index % p.assignments.length;
      const stopped = p.assignments.map((a, j): Assignment => (j !== i ? a : { ...a, stoppedOn: a.stoppedOn && a.stoppedOn < stop ? a.stoppedOn : stop }));
      expect(noneHigher(amounts({ ...p, assignments: stopped }), amounts(p))).toBe(true);
    }), RUN);
  });

  it('never pays more with another support for the same work', () => {
    fc.assert(fc.property(personArb, benefitArb, (p, b) => {
      expect(noneHigher(amounts({ ...p, otherBenefits: [...p.otherBenefits, { ...b, sameWork: true }] }), amounts(p))).toBe(true);
    }), RUN);
  });

  it('never pays more for a lower rating', () => {
    fc.assert(fc.property(personArb, ratingArb, (p, other) => {
      const rank = (r: Rating | null) => (r === null ? RATINGS.length : RATINGS.indexOf(r));
      const lower = rank(other) >= rank(p.rating) ? other : p.rating;
      expect(noneHigher(amounts({ ...p, rating: lower }), amounts(p))).toBe(true);
    }), RUN);
  });
});
