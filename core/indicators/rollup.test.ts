import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRule, checkValue, formatIndicatorValue, meetsTarget, rag, rollUp, scorecard, trend, valueOf,
  type IndicatorRule, type UnitValue,
} from './rollup.ts';

const buildRule = (over: Partial<IndicatorRule> = {}): IndicatorRule => ({
  measure: 'ratio', unit: '%', comparator: '>=', target: 70, aggregation: 'sum', amberPct: 10, ...over,
});
// "70% hồ sơ được xử lý trực tuyến toàn trình": số hồ sơ toàn trình / tổng số hồ sơ.
const online = buildRule();
const cloudSystems = buildRule({ measure: 'value', unit: 'count', target: 40, aggregation: 'sum' });
const processingDays = buildRule({ measure: 'value', unit: 'days', comparator: '<=', target: 5, aggregation: 'average' });

describe('valueOf', () => {
  it('is numerator/denominator ×100 for %, ×1 otherwise, and null when it cannot be computed', () => {
    expect(valueOf(online, { unitId: 'A', numerator: 1, denominator: 2 })).toBe(50);
    expect(valueOf(buildRule({ unit: 'count' }), { unitId: 'A', numerator: 3, denominator: 2 })).toBe(1.5);
    expect(valueOf(online, { unitId: 'A', numerator: 0, denominator: 0 })).toBeNull();
    expect(valueOf(online, { unitId: 'A', numerator: 5 })).toBeNull();
    expect(valueOf(online, { unitId: 'A', numerator: null, denominator: 10 })).toBeNull();
    expect(valueOf(cloudSystems, { unitId: 'A', value: 12 })).toBe(12);
    expect(valueOf(cloudSystems, { unitId: 'A', numerator: 1, denominator: 2 })).toBeNull();
  });
});

describe('rollUp', () => {
  it('divides the sums, not the average of the units’ percentages', () => {
    // A: 1/2 = 50%, B: 90/100 = 90%. The average of the percentages would be 70% — on target, wrongly.
    const r = rollUp(online, [{ unitId: 'A', numerator: 1, denominator: 2 }, { unitId: 'B', numerator: 90, denominator: 100 }]);
    expect(r.numerator).toBe(91);
    expect(r.denominator).toBe(102);
    expect(r.value).toBeCloseTo(89.2157, 4);
    expect(formatIndicatorValue('%', r.value)).toBe('89,2%');
    expect(r).toMatchObject({ reported: 2, expected: 2, missing: [] });
  });

  it('lists missing units in the expected order and does not count them as zero', () => {
    const values: UnitValue[] = [{ unitId: 'C', numerator: 30, denominator: 40 }, { unitId: 'A', numerator: null, denominator: null }];
    const r = rollUp(online, values, ['A', 'B', 'C', 'D']);
    expect(r.value).toBe(75); // Counting A, B and D as 0/… would pull it down; they are excluded.
    expect(r).toMatchObject({ numerator: 30, denominator: 40, reported: 1, expected: 4, missing: ['A', 'B', 'D'] });
  });

  it('lets a unit with denominator 0 add nothing, and gives null when nobody reported', () => {
    const r = rollUp(online, [{ unitId: 'A', numerator: 0, denominator: 0 }, { unitId: 'B', numerator: 45, denominator: 50 }], ['A', 'B']);
    expect(r).toEqual({ value: 90, numerator: 45, denominator: 50, reported: 1, expected: 2, missing: ['A'] });
    expect(rollUp(online, [{ unitId: 'A', numerator: 0, denominator: 0 }], ['A', 'B']))
      .toEqual({ value: null, numerator: null, denominator: null, reported: 0, expected: 2, missing: ['A', 'B'] });
    expect(rollUp(online, [])).toEqual({ value: null, numerator: null, denominator: null, reported: 0, expected: 0, missing: [] });
  });

  it('adds counts and averages durations', () => {
    const values: UnitValue[] = [{ unitId: 'A', value: 12 }, { unitId: 'B', value: 3 }, { unitId: 'C', value: null }];
    expect(rollUp(cloudSystems, values, ['A', 'B', 'C'])).toEqual({ value: 15, numerator: null, denominator: null, reported: 2, expected: 3, missing: ['C'] });
    expect(rollUp(processingDays, values, ['A', 'B', 'C']).value).toBe(7.5);
  });

  it('refuses two rows for one unit', () => {
    expect(() => rollUp(cloudSystems, [{ unitId: 'A', value: 1 }, { unitId: 'A', value: 2 }])).toThrow(/A/);
  });
});

describe('rag', () => {
  it('is green at the target and amber down to the inclusive boundary for ">="', () => {
    expect(rag(online, 70)).toBe('green');
    expect(rag(online, 69.99)).toBe('amber');
    expect(rag(online, 63)).toBe('amber');
    expect(rag(online, 62.99)).toBe('red');
    // 63 reached through a division still sits on the boundary.
    expect(rag(online, rollUp(online, [{ unitId: 'A', numerator: 63, denominator: 100 }]).value)).toBe('amber');
    expect(meetsTarget(online, 70)).toBe(true);
    expect(meetsTarget(online, 69.9)).toBe(false);
  });

  it('is green at the target and amber up to the inclusive boundary for "<="', () => {
    const r = buildRule({ measure: 'value', unit: 'days', comparator: '<=', target: 5, amberPct: 20 });
    expect(rag(r, 4)).toBe('green');
    expect(rag(r, 5)).toBe('green');
    expect(rag(r, 5.5)).toBe('amber');
    expect(rag(r, 6)).toBe('amber');
    expect(rag(r, 6.01)).toBe('red');
  });

  it('for "=", is green within 0.5% of the target and amber within the band on both sides', () => {
    const r = buildRule({ measure: 'value', unit: 'count', comparator: '=', target: 200, amberPct: 5 });
    expect(rag(r, 200)).toBe('green');
    expect(rag(r, 201)).toBe('green');
    expect(rag(r, 199)).toBe('green');
    expect(rag(r, 201.5)).toBe('amber');
    expect(rag(r, 190)).toBe('amber');
    expect(rag(r, 210)).toBe('amber');
    expect(rag(r, 210.5)).toBe('red');
    expect(rag(r, 189)).toBe('red');
    const zero = buildRule({ measure: 'value', unit: 'count', comparator: '=', target: 0 });
    expect(rag(zero, 0)).toBe('green');
    expect(rag(zero, 0.001)).toBe('red');
  });

  it('is "none" without a value', () => {
    expect(rag(online, null)).toBe('none');
    expect(meetsTarget(online, null)).toBe(false);
  });
});

describe('scorecard', () => {
  it('shows each cell against the average of the units that reported, in the comparator’s direction', () => {
    const values = {
      online: [
        { unitId: 'A', numerator: 1, denominator: 2 }, { unitId: 'B', numerator: 90, denominator: 100 },
        { unitId: 'C', numerator: 70, denominator: 100 }, { unitId: 'X', numerator: 0, denominator: 1000 },
      ],
      days: [{ unitId: 'A', value: 3 }, { unitId: 'B', value: 9 }, { unitId: 'C', value: null }],
    };
    const s = scorecard([{ id: 'online', rule: online }, { id: 'days', rule: processingDays }], values, ['A', 'B', 'C']);
    // 50%, 90%, 70%: the average is 70; unit X is not on the scorecard and counts nowhere.
    expect(s.averages.online).toBe(70);
    expect(s.cells.online.A).toEqual({ value: 50, rag: 'red', vsAverage: 'below' });
    expect(s.cells.online.B).toEqual({ value: 90, rag: 'green', vsAverage: 'above' });
    expect(s.cells.online.C).toEqual({ value: 70, rag: 'green', vsAverage: 'average' });
    expect(s.totals.online).toMatchObject({ numerator: 161, denominator: 202, reported: 3, missing: [] });
    expect(s.totals.online.value).toBeCloseTo(79.70, 2);
    // Days, at most 5: fewer is better, so 3 is above the average of 6.
    expect(s.averages.days).toBe(6);
    expect(s.cells.days.A).toEqual({ value: 3, rag: 'green', vsAverage: 'above' });
    expect(s.cells.days.B).toEqual({ value: 9, rag: 'red', vsAverage: 'below' });
    expect(s.cells.days.C).toEqual({ value: null, rag: 'none', vsAverage: null });
    expect(s.totals.days).toMatchObject({ value: 6, reported: 2, expected: 3, missing: ['C'] });
  });

  it('for "=", counts closer to the target as better', () => {
    const r = buildRule({ measure: 'value', unit: 'count', comparator: '=', target: 10, aggregation: 'average' });
    const s = scorecard([{ id: 'k', rule: r }], { k: [{ unitId: 'A', value: 10 }, { unitId: 'B', value: 20 }] }, ['A', 'B', 'C']);
    expect(s.averages.k).toBe(15);
    expect(s.cells.k.A.vsAverage).toBe('above');
    expect(s.cells.k.B.vsAverage).toBe('below');
    expect(s.averages).toEqual({ k: 15 });
    expect(scorecard([{ id: 'k', rule: r }], {}, ['A']).averages.k).toBeNull();
  });
});

describe('trend', () => {
  it('rolls up each period and measures the change from the last period with a value', () => {
    const points = trend(online, [
      { periodKey: '2026-Q1', values: [{ unitId: 'A', numerator: 50, denominator: 100 }] },
      { periodKey: '2026-Q2', values: [{ unitId: 'A', numerator: 65, denominator: 100 }, { unitId: 'B', numerator: 0, denominator: 0 }] },
      { periodKey: '2026-Q3', values: [] },
      { periodKey: '2026-Q4', values: [{ unitId: 'A', numerator: 72, denominator: 100 }, { unitId: 'B', numerator: 78, denominator: 100 }] },
    ], ['A', 'B']);
    expect(points).toEqual([
      { periodKey: '2026-Q1', value: 50, rag: 'red', change: null },
      { periodKey: '2026-Q2', value: 65, rag: 'amber', change: 15 },
      { periodKey: '2026-Q3', value: null, rag: 'none', change: null },
      { periodKey: '2026-Q4', value: 75, rag: 'green', change: 10 },
    ]);
  });
});

describe('formatIndicatorValue', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(formatIndicatorValue('%', 70)).toBe('70%');
    expect(formatIndicatorValue('%', 89.2157)).toBe('89,2%');
    expect(formatIndicatorValue('%', 99.96)).toBe('100%');
    expect(formatIndicatorValue('count', 1234)).toBe('1.234');
    expect(formatIndicatorValue('count', 40.4)).toBe('40,4'); // a rate such as 2,1 con/phụ nữ keeps its decimal
    expect(formatIndicatorValue('count', 2.1)).toBe('2,1');
    expect(formatIndicatorValue('VND', 1_500_000)).toBe('1.500.000 đ');
    expect(formatIndicatorValue('days', 5)).toBe('5 ngày');
    expect(formatIndicatorValue('days', 4.5)).toBe('4,5 ngày');
    expect(formatIndicatorValue('count', -1234)).toBe('-1.234');
    expect(formatIndicatorValue('%', -0.01)).toBe('0%');
    expect(formatIndicatorValue('%', null)).toBe('—');
  });
});

describe('checkRule', () => {
  it('accepts a sound definition', () => {
    expect(checkRule(online)).toEqual([]);
    expect(checkRule(buildRule({ measure: 'value', unit: 'VND', target: 2_000_000_000, amberPct: 0 }))).toEqual([]);
  });
  it('names the field of each problem', () => {
    expect(checkRule(buildRule({ target: 120, amberPct: 150 }))).toEqual([
      { field: 'target', message: 'Mức chỉ tiêu tính theo % phải từ 0 đến 100.' },
      { field: 'amberPct', message: 'Ngưỡng cảnh báo (% của mức chỉ tiêu) phải từ 0 đến 100.' },
    ]);
    expect(checkRule(buildRule({ unit: 'count', target: -1 }))).toEqual([{ field: 'target', message: 'Mức chỉ tiêu phải lớn hơn hoặc bằng 0.' }]);
    expect(checkRule(buildRule({ target: Number.NaN }))).toEqual([{ field: 'target', message: 'Vui lòng nhập Mức chỉ tiêu là một số.' }]);
    expect(checkRule(buildRule({ unit: 'days', target: 5 }))).toEqual([{ field: 'unit', message: 'Đơn vị tính của chỉ tiêu dạng tỷ lệ phải là % hoặc Số lượng.' }]);
  });
});

describe('checkValue', () => {
  it('checks a ratio’s numerator and denominator', () => {
    expect(checkValue(online, { numerator: 45, denominator: 50 })).toEqual([]);
    expect(checkValue(online, { numerator: 0, denominator: 0 })).toEqual([]);
    expect(checkValue(online, { numerator: 60, denominator: 50 })).toEqual([{ field: 'numerator', message: 'Tử số không được lớn hơn Mẫu số.' }]);
    expect(checkValue(online, { numerator: 5 })).toEqual([{ field: 'denominator', message: 'Vui lòng nhập Mẫu số.' }]);
    expect(checkValue(online, { numerator: -1, denominator: Number.POSITIVE_INFINITY })).toEqual([
      { field: 'numerator', message: 'Tử số phải lớn hơn hoặc bằng 0.' },
      { field: 'denominator', message: 'Mẫu số phải là số.' },
    ]);
    const perSystem = buildRule({ unit: 'count' });
    expect(checkValue(perSystem, { numerator: 60, denominator: 50 })).toEqual([]);
    expect(checkValue(perSystem, { numerator: 3, denominator: 0 })).toEqual([{ field: 'denominator', message: 'Mẫu số phải lớn hơn 0 khi Tử số lớn hơn 0.' }]);
  });
  it('checks a plain value', () => {
    expect(checkValue(cloudSystems, { value: 12 })).toEqual([]);
    expect(checkValue(cloudSystems, {})).toEqual([{ field: 'value', message: 'Vui lòng nhập Giá trị.' }]);
    expect(checkValue(cloudSystems, { value: Number.NaN })).toEqual([{ field: 'value', message: 'Giá trị phải là số.' }]);
    expect(checkValue(buildRule({ measure: 'value' }), { value: 101 })).toEqual([{ field: 'value', message: 'Giá trị tính theo % phải từ 0 đến 100.' }]);
  });
});

describe('roll-up properties', () => {
  // Units with distinct ids; some without a usable denominator.
  const units = fc.uniqueArray(
    fc.record({ unitId: fc.string({ minLength: 1, maxLength: 4 }), numerator: fc.nat({ max: 1_000_000 }), denominator: fc.nat({ max: 1_000_000 }) })
      .map((u) => ({ ...u, numerator: Math.min(u.numerator, u.denominator) })),
    { selector: (u) => u.unitId, maxLength: 20 },
  );
  const rules = fc.constantFrom(online, buildRule({ unit: 'count' }));

  it('lies between the smallest and largest unit ratio', () => {
    fc.assert(fc.property(rules, units, (rule, vs) => {
      const ratios = vs.map((v) => valueOf(rule, v)).filter((x): x is number => x !== null);
      const { value } = rollUp(rule, vs);
      if (!ratios.length) return value === null;
      const tol = 1e-9 * Math.max(1, ...ratios);
      return value !== null && value >= Math.min(...ratios) - tol && value <= Math.max(...ratios) + tol;
    }));
  });

  it('gives back Σnumerators when multiplied by Σdenominators', () => {
    fc.assert(fc.property(rules, units, (rule, vs) => {
      const used = vs.filter((v) => v.denominator > 0);
      const r = rollUp(rule, vs);
      if (!used.length) return r.value === null;
      const sumNum = used.reduce((s, v) => s + v.numerator, 0), sumDen = used.reduce((s, v) => s + v.denominator, 0);
      const back = (r.value! * sumDen) / (rule.unit === '%' ? 100 : 1);
      return r.numerator === sumNum && r.denominator === sumDen && Math.abs(back - sumNum) <= 1e-9 * Math.max(1, sumNum);
    }));
  });

  it('does not change when a unit that did not report is added', () => {
    fc.assert(fc.property(rules, units, (rule, vs) => {
      const withSilent = [...vs, { unitId: 'silent-unit', numerator: null, denominator: null }];
      return rollUp(rule, withSilent).value === rollUp(rule, vs).value
        && rollUp(cloudSystems, withSilent.map((v) => ({ unitId: v.unitId, value: v.numerator }))).value
          === rollUp(cloudSystems, vs.map((v) => ({ unitId: v.unitId, value: v.numerator }))).value;
    }));
  });

  it('does not depend on the order of the input', () => {
    const plain = fc.uniqueArray(fc.record({ unitId: fc.string({ minLength: 1, maxLength: 4 }), value: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })) }), { selector: (u) => u.unitId, maxLength: 20 });
    fc.assert(fc.property(rules, units, fc.array(fc.nat()), (rule, vs, keys) => {
      const shuffled = vs.map((v, i) => ({ v, k: keys[i] ?? i })).sort((a, b) => a.k - b.k).map((x) => x.v);
      expect(rollUp(rule, shuffled)).toEqual(rollUp(rule, vs));
    }));
    fc.assert(fc.property(plain, fc.array(fc.nat()), fc.constantFrom<'sum' | 'average'>('sum', 'average'), (vs, keys, aggregation) => {
      const rule = buildRule({ measure: 'value', unit: 'count', aggregation });
      const shuffled = vs.map((v, i) => ({ v, k: keys[i] ?? i })).sort((a, b) => a.k - b.k).map((x) => x.v);
      const a = rollUp(rule, shuffled), b = rollUp(rule, vs);
      // Same units, same sums to the last bit; `missing` follows the expected order and is empty here.
      expect(a.value).toBe(b.value);
      expect(a.reported).toBe(b.reported);
    }));
  });
});
