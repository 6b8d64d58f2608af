// Targets (chỉ tiêu) measured per unit and rolled up to the department, the way DHIS2 does it:
// a ratio is Σnumerators / Σdenominators, never the average of the units' percentages.
import type { Comparator } from '../import/types.ts';
import { formatViNumber } from '../text/vietnamese.ts';

/** At least / at most / exactly — the same comparator the plan import finds in the text. */
export type { Comparator };
export const COMPARATOR_LABELS: Record<Comparator, string> = { '>=': 'Tối thiểu', '<=': 'Tối đa', '=': 'Đúng bằng' };
export type Measure = 'ratio' | 'value';
export type IndicatorUnit = '%' | 'count' | 'VND' | 'days';
export const INDICATOR_UNIT_LABELS: Record<IndicatorUnit, string> = { '%': '%', count: 'Số lượng', VND: 'VND', days: 'Ngày' };
/** How plain values of several units roll up: counts and money add up; durations and scores average. */
export type Aggregation = 'sum' | 'average';
export type Rag = 'green' | 'amber' | 'red' | 'none';

export interface IndicatorRule {
  measure: Measure;
  unit: IndicatorUnit;
  comparator: Comparator;
  target: number;
  /** Plain values only; a ratio always rolls up as Σ/Σ. */
  aggregation: Aggregation;
  /**
   * Amber band width, in % of the target: '>=' amber when value >= target×(1−amberPct/100);
   * '<=' amber when value <= target×(1+amberPct/100); '=' green within ±0.5% of the target, amber within ±amberPct%.
   */
  amberPct: number;
}

export interface UnitValue { unitId: string; numerator?: number | null; denominator?: number | null; value?: number | null }

const num = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const scaleOf = (rule: IndicatorRule): number => (rule.unit === '%' ? 100 : 1);

/** The numerator and denominator a ratio unit contributes, or null when it has nothing usable (denominator 0 or missing). */
function ratioParts(v: UnitValue): { n: number; d: number } | null {
  const n = num(v.numerator), d = num(v.denominator);
  return n !== null && d !== null && d > 0 ? { n, d } : null;
}

/** One unit's value: ratio → numerator/denominator×100 for '%' (×1 otherwise), null when not computable; plain → value. */
export function valueOf(rule: IndicatorRule, v: UnitValue): number | null {
  if (rule.measure === 'value') return num(v.value);
  const p = ratioParts(v);
  // Multiply first: 6300/100 is exactly 63 where 0.63×100 is not.
  return p ? (p.n * scaleOf(rule)) / p.d : null;
}

export interface RollUp {
  /** Null when nobody reported. */
  value: number | null;
  /** Sums over the units that reported, ratio only. */
  numerator: number | null;
  denominator: number | null;
  /** Units with a usable value. */
  reported: number;
  /** Expected units (the argument), or `reported` when not given. */
  expected: number;
  /** Expected unitIds without a usable value, in the order given. */
  missing: string[];
}

/**
 * The department value. Missing units are excluded, never counted as zero, and listed.
 * Every value given counts, expected or not; sums run in unitId order so the input order cannot change a digit.
 */
export function rollUp(rule: IndicatorRule, values: UnitValue[], expectedUnitIds?: string[]): RollUp {
  const sorted = [...values].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    // Two rows for one unit means the caller's query is wrong; guessing which one counts would hide it.
    if (sorted[i].unitId === sorted[i - 1].unitId) throw new Error(`rollUp: unit ${sorted[i].unitId} appears more than once`);
  }
  const usable = new Set<string>();
  let value: number | null = null, numerator: number | null = null, denominator: number | null = null;
  if (rule.measure === 'ratio') {
    let n = 0, d = 0;
    for (const v of sorted) {
      const p = ratioParts(v);
      if (!p) continue;
      n += p.n; d += p.d; usable.add(v.unitId);
    }
    if (usable.size) ({ value, numerator, denominator } = totalOf(rule, { reported: usable.size, numerator: n, denominator: d, valueSum: 0 }));
  } else {
    let total = 0;
    for (const v of sorted) {
      const x = num(v.value);
      if (x === null) continue;
      total += x; usable.add(v.unitId);
    }
    if (usable.size) value = totalOf(rule, { reported: usable.size, numerator: 0, denominator: 0, valueSum: total }).value;
  }
  const expected = expectedUnitIds ? [...new Set(expectedUnitIds)] : [...usable];
  return { value, numerator, denominator, reported: usable.size, expected: expected.length, missing: expected.filter((id) => !usable.has(id)) };
}

/** Sums over the units with a usable value, as the database adds them up (the dashboard's SQL roll-up). */
export interface Totals { reported: number; numerator: number; denominator: number; valueSum: number }

/** The department value from sums: Σ numerators / Σ denominators for a ratio; Σ or the mean of plain values. */
export function totalOf(rule: IndicatorRule, t: Totals): Pick<RollUp, 'value' | 'numerator' | 'denominator' | 'reported'> {
  if (!t.reported) return { value: null, numerator: null, denominator: null, reported: 0 };
  if (rule.measure === 'ratio') return { value: (t.numerator * scaleOf(rule)) / t.denominator, numerator: t.numerator, denominator: t.denominator, reported: t.reported };
  return { value: rule.aggregation === 'sum' ? t.valueSum : t.valueSum / t.reported, numerator: null, denominator: null, reported: t.reported };
}

/** Slack for values that went through a division: 62.99999999999999 still sits on the 63 boundary. */
const slack = (t: number) => 1e-9 * Math.max(1, Math.abs(t));

/** Red/amber/green against the target; the target itself is green and the amber boundary is inclusive. */
export function rag(rule: IndicatorRule, value: number | null): Rag {
  if (value === null || !Number.isFinite(value)) return 'none';
  const t = rule.target, band = (Math.abs(t) * rule.amberPct) / 100, e = slack(t);
  switch (rule.comparator) {
    case '>=': return value >= t - e ? 'green' : value >= t - band - e ? 'amber' : 'red';
    case '<=': return value <= t + e ? 'green' : value <= t + band + e ? 'amber' : 'red';
    case '=': {
      const off = Math.abs(value - t);
      if (t === 0) return value === 0 ? 'green' : 'red';
      return off <= Math.abs(t) * 0.005 + e ? 'green' : off <= band + e ? 'amber' : 'red';
    }
  }
}

export function meetsTarget(rule: IndicatorRule, value: number | null): boolean {
  return rag(rule, value) === 'green';
}

export interface ScorecardIndicator { id: string; rule: IndicatorRule }
export interface ScorecardCell { value: number | null; rag: Rag; vsAverage: 'above' | 'below' | 'average' | null }
export interface Scorecard {
  cells: Record<string /* indicatorId */, Record<string /* unitId */, ScorecardCell>>;
  /** Simple mean of the unit values: what "above/below average" is measured against. */
  averages: Record<string, number | null>;
  /** The correct roll-up (ratio: Σ/Σ) over the scorecard's units. */
  totals: Record<string, RollUp>;
}

/** Positive when `a` is better than `b` for this comparator: higher for '>=', lower for '<=', closer to the target for '='. */
function better(rule: IndicatorRule, a: number, b: number): number {
  if (rule.comparator === '>=') return a - b;
  if (rule.comparator === '<=') return b - a;
  return Math.abs(b - rule.target) - Math.abs(a - rule.target);
}

/** Units × indicators, as the HISP scorecard shows them: value, colour and whether the unit does better than the average. */
export function scorecard(indicators: ScorecardIndicator[], values: Record<string, UnitValue[]>, unitIds: string[]): Scorecard {
  const out: Scorecard = { cells: {}, averages: {}, totals: {} };
  const shown = new Set(unitIds);
  for (const { id, rule } of indicators) {
    const rows = (values[id] ?? []).filter((v) => shown.has(v.unitId));
    out.totals[id] = rollUp(rule, rows, unitIds);
    const byUnit = new Map(rows.map((v) => [v.unitId, valueOf(rule, v)]));
    const reported = unitIds.map((u) => byUnit.get(u) ?? null).filter((x): x is number => x !== null);
    const average = reported.length ? reported.reduce((s, x) => s + x, 0) / reported.length : null;
    out.averages[id] = average;
    const cells: Record<string, ScorecardCell> = {};
    for (const u of unitIds) {
      const value = byUnit.get(u) ?? null;
      let vs: ScorecardCell['vsAverage'] = null;
      if (value !== null && average !== null) {
        const d = better(rule, value, average);
        vs = Math.abs(d) <= 1e-9 ? 'average' : d > 0 ? 'above' : 'below';
      }
      cells[u] = { value, rag: rag(rule, value), vsAverage: vs };
    }
    out.cells[id] = cells;
  }
  return out;
}

export interface TrendPoint { periodKey: string; value: number | null; rag: Rag; change: number | null }

/** One point per period in the order given; the change is from the last earlier point that had a value. */
export function trend(rule: IndicatorRule, byPeriod: { periodKey: string; values: UnitValue[] }[], expectedUnitIds?: string[]): TrendPoint[] {
  let previous: number | null = null;
  return byPeriod.map(({ periodKey, values }) => {
    const { value } = rollUp(rule, values, expectedUnitIds);
    const change = value !== null && previous !== null ? value - previous : null;
    if (value !== null) previous = value;
    return { periodKey, value, rag: rag(rule, value), change };
  });
}

/** "89,2%", "1.234", "1.500.000 đ", "5 ngày"; "—" when there is no value. */
export function formatIndicatorValue(unit: IndicatorUnit, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case '%': return `${formatViNumber(value, 1)}%`;
    // Rates and averages of counts are fractional ("2,1 con/phụ nữ"); whole counts stay whole.
    case 'count': return formatViNumber(value, Number.isInteger(value) ? 0 : 1);
    case 'VND': return `${formatViNumber(value, 0)} đ`;
    // An average of durations is often fractional: "4,5 ngày".
    case 'days': return `${formatViNumber(value, 1)} ngày`;
  }
}

export interface FieldProblem { field: string; message: string }

/** Checks of an indicator definition entered in a form; at most one message per field, naming it. */
export function checkRule(rule: IndicatorRule): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!Number.isFinite(rule.target)) out.push({ field: 'target', message: 'Vui lòng nhập Mức chỉ tiêu là một số.' });
  else if (rule.target < 0) out.push({ field: 'target', message: 'Mức chỉ tiêu phải lớn hơn hoặc bằng 0.' });
  else if (rule.unit === '%' && rule.target > 100) out.push({ field: 'target', message: 'Mức chỉ tiêu tính theo % phải từ 0 đến 100.' });
  if (!Number.isFinite(rule.amberPct) || rule.amberPct < 0 || rule.amberPct > 100) {
    out.push({ field: 'amberPct', message: 'Ngưỡng cảnh báo (% của mức chỉ tiêu) phải từ 0 đến 100.' });
  }
  if (rule.measure === 'ratio' && rule.unit !== '%' && rule.unit !== 'count') {
    out.push({ field: 'unit', message: 'Đơn vị tính của chỉ tiêu dạng tỷ lệ phải là % hoặc Số lượng.' });
  }
  return out;
}

/** A required, finite, non-negative number: the message for `label`, or null when it is fine. */
function amountProblem(x: number | null | undefined, label: string): string | null {
  if (x === null || x === undefined) return `Vui lòng nhập ${label}.`;
  if (!Number.isFinite(x)) return `${label} phải là số.`;
  return x < 0 ? `${label} phải lớn hơn hoặc bằng 0.` : null;
}

/** Checks of one entered value; messages name the field ('Tử số', 'Mẫu số', 'Giá trị'), at most one per field. */
export function checkValue(rule: IndicatorRule, v: Omit<UnitValue, 'unitId'>): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (rule.measure === 'value') {
    const x = v.value;
    if (x === null || x === undefined) out.push({ field: 'value', message: 'Vui lòng nhập Giá trị.' });
    else if (!Number.isFinite(x)) out.push({ field: 'value', message: 'Giá trị phải là số.' });
    else if (rule.unit === '%' && (x < 0 || x > 100)) out.push({ field: 'value', message: 'Giá trị tính theo % phải từ 0 đến 100.' });
    return out;
  }
  // A numerator without a denominator (or the reverse) gives no value, so a ratio needs both.
  const n = amountProblem(v.numerator, 'Tử số'), d = amountProblem(v.denominator, 'Mẫu số');
  if (n) out.push({ field: 'numerator', message: n });
  if (d) out.push({ field: 'denominator', message: d });
  if (n || d) return out;
  const numerator = v.numerator as number, denominator = v.denominator as number;
  if (rule.unit === '%' && numerator > denominator) out.push({ field: 'numerator', message: 'Tử số không được lớn hơn Mẫu số.' });
  else if (denominator === 0 && numerator > 0) out.push({ field: 'denominator', message: 'Mẫu số phải lớn hơn 0 khi Tử số lớn hơn 0.' });
  return out;
}
