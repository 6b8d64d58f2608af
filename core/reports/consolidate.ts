// The department's consolidated report (báo cáo tổng hợp), drafted from the approved unit reports:
// numbers summed in tables by unit, repeating tables merged with a unit column, text answers gathered
// under unit headings for the officer to rewrite.
import { formatViNumber } from '../text/vietnamese.ts';
import { fieldsOf, NUMERIC_TYPES, type Cell, type Field, type ReportValues, type TableRow, type TemplateDef } from './template.ts';

export type DocBlock =
  | { type: 'heading'; text: string; level: 1 | 2 }
  | { type: 'paragraph'; text: string; italic?: boolean }
  | { type: 'table'; columns: { title: string; width?: number; align?: 'left' | 'center' | 'right' }[]; rows: string[][]; total?: string[] };

export interface ConsolidationBody { blocks: DocBlock[] }

export interface ConsolidationInput {
  template: TemplateDef;
  scheduleTitle: string;
  periodLabel: string;
  /** "Kế hoạch số 3764/KH-SYT ngày 20/6/2026 của Sở Y tế", when the schedule comes from a plan. */
  planReference: string;
  issuer: string;
  /** Approved reports, in the order the units should be listed. */
  reports: { unitName: string; values: ReportValues }[];
  /** Units expected that have no approved report. */
  missing: string[];
  expected: number;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Numbers in the report: whole, or one decimal where a value has one. */
export const formatNumber = (n: number) => formatViNumber(n, 1);

export function formatCell(field: { type: string }, v: Cell | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (field.type === 'percent') return `${formatNumber(v)}%`;
  return formatNumber(v);
}

/** Sums of each numeric field over the reports (percentages are not summed). */
export function totals(template: TemplateDef, reports: { values: ReportValues }[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of fieldsOf(template)) {
    if (f.type !== 'number' && f.type !== 'money') continue;
    const nums = reports.map((r) => r.values[f.key]).filter((v): v is number => typeof v === 'number');
    out[f.key] = nums.length ? nums.reduce((a, b) => a + b, 0) : null;
  }
  return out;
}

function numericTable(fields: Field[], input: ConsolidationInput): DocBlock {
  const sums = totals({ sections: [{ key: 's', title: '', fields }], rules: [] }, input.reports);
  return {
    type: 'table',
    columns: [{ title: 'STT', width: 1.4, align: 'center' }, { title: 'Đơn vị', width: 4 }, ...fields.map((f) => ({ title: f.label, width: 2, align: 'right' as const }))],
    rows: input.reports.map((r, i) => [String(i + 1), r.unitName, ...fields.map((f) => formatCell(f, r.values[f.key] as Cell))]),
    total: ['', 'Tổng cộng', ...fields.map((f) => (f.type === 'percent' || sums[f.key] === null ? '' : formatNumber(sums[f.key]!)))],
  };
}

function mergedTable(field: Field, input: ConsolidationInput): DocBlock | null {
  const columns = field.columns ?? [];
  const rows: string[][] = [];
  for (const r of input.reports) {
    for (const row of (Array.isArray(r.values[field.key]) ? r.values[field.key] : []) as TableRow[]) {
      rows.push([String(rows.length + 1), r.unitName, ...columns.map((c) => formatCell(c, row[c.key]))]);
    }
  }
  if (!rows.length) return null;
  const moneyCols = columns.filter((c) => c.type === 'money' || c.type === 'number');
  const sum = (key: string) => input.reports.flatMap((r) => (Array.isArray(r.values[field.key]) ? r.values[field.key] as TableRow[] : [])).reduce((a, row) => a + (typeof row[key] === 'number' ? row[key] as number : 0), 0);
  return {
    type: 'table',
    columns: [{ title: 'STT', width: 1.4, align: 'center' }, { title: 'Đơn vị', width: 3 }, ...columns.map((c) => ({ title: c.label, width: c.type === 'text' ? 4 : 2, align: c.type === 'text' ? 'left' as const : 'right' as const }))],
    rows,
    total: moneyCols.length ? ['', 'Tổng cộng', ...columns.map((c) => (moneyCols.includes(c) ? formatNumber(sum(c.key)) : ''))] : undefined,
  };
}

/** The consolidated report's title and body for the officer to edit. */
export function draftConsolidation(input: ConsolidationInput): { title: string; body: ConsolidationBody } {
  const blocks: DocBlock[] = [];
  const basis = input.planReference ? `Thực hiện ${input.planReference}, ` : '';
  blocks.push({
    type: 'paragraph',
    text: `${basis}trên cơ sở báo cáo của ${input.reports.length}/${input.expected} đơn vị, ${input.issuer} báo cáo ${lowerFirst(subjectOf(input.scheduleTitle, input.periodLabel))} như sau:`,
  });
  let section = 0;
  for (const s of input.template.sections) {
    const numeric = s.fields.filter((f) => NUMERIC_TYPES.includes(f.type));
    const tables = s.fields.filter((f) => f.type === 'table');
    const texts = s.fields.filter((f) => f.type === 'text');
    const parts: DocBlock[] = [];
    if (numeric.length && input.reports.length) {
      const sums = totals({ sections: [s], rules: [] }, input.reports);
      const summary = numeric.filter((f) => sums[f.key] !== null && f.type !== 'percent').map((f) => `${lowerFirst(f.label)}: ${formatNumber(sums[f.key]!)}${f.type === 'money' ? ' đồng' : f.suffix ? ` ${f.suffix}` : ''}`);
      if (summary.length) parts.push({ type: 'paragraph', text: `Tổng hợp chung: ${summary.join('; ')}.` });
      parts.push(numericTable(numeric, input));
    }
    for (const t of tables) {
      const table = mergedTable(t, input);
      if (table) parts.push({ type: 'paragraph', text: `${t.label}:` }, table);
    }
    let sub = 0;
    for (const f of texts) {
      const answers = input.reports.filter((r) => typeof r.values[f.key] === 'string' && (r.values[f.key] as string).trim());
      parts.push({ type: 'heading', level: 2, text: `${++sub}. ${f.label}` });
      if (!answers.length) parts.push({ type: 'paragraph', text: 'Các đơn vị không nêu nội dung này.', italic: true });
      for (const a of answers) parts.push({ type: 'paragraph', text: `- ${a.unitName}: ${(a.values[f.key] as string).trim()}` });
    }
    if (parts.length) blocks.push({ type: 'heading', level: 1, text: `${ROMAN[section++] ?? section}. ${s.title.toUpperCase()}` }, ...parts);
  }
  if (input.missing.length) {
    blocks.push({ type: 'paragraph', text: `Các đơn vị chưa có báo cáo được duyệt (${input.missing.length}/${input.expected}): ${input.missing.join('; ')}.`, italic: true });
  }
  return { title: subjectOf(input.scheduleTitle, input.periodLabel), body: { blocks } };
}

/**
 * "Báo cáo 6 tháng, năm thực hiện Nghị quyết số 07/2026/NQ-HĐND" of "6 tháng cuối năm 2026" →
 * "Kết quả thực hiện Nghị quyết số 07/2026/NQ-HĐND 6 tháng cuối năm 2026": the period is said once, by its label.
 */
export function subjectOf(scheduleTitle: string, periodLabel: string): string {
  const rest = scheduleTitle.trim()
    .replace(/^báo cáo\s+/i, '')
    .replace(/^(định kỳ\s+)?((6 tháng|sáu tháng|hằng quý|quý|hằng năm|năm|hằng tháng|tháng)(,\s*|\s+))+/i, '')
    .replace(/^kết quả\s+/i, '');
  return `Kết quả ${rest} ${lowerFirst(periodLabel)}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
