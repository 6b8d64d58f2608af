// Checks of a unit's report against its form: types, ranges, required fields on submission,
// the form's cross-field rules, and explanations for large changes from the previous period.
import { fieldsOf, FIELD_TYPES, NUMERIC_TYPES, PREFILL_SOURCES, type Cell, type CellType, type Field, type ReportValues, type TableRow, type TemplateDef } from './template.ts';

export interface Issue { field: string; message: string }

export interface CheckOptions {
  /** On submission required fields must be filled; a draft may be saved half-done. */
  submit: boolean;
  /** The unit's values of the previous period, for the change explanations. */
  previous?: ReportValues | null;
  previousLabel?: string;
  explanations?: Record<string, string>;
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A number, "" or null for a cell of the given type: returns the problem, or null when it is fine. */
function cellProblem(type: CellType, v: Cell): string | null {
  if (isBlank(v)) return null;
  if (type === 'text') return typeof v === 'string' ? (v.length > 20_000 ? 'quá dài (tối đa 20.000 ký tự)' : null) : 'phải là văn bản';
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'phải là một số';
  if (v < 0) return 'không được âm';
  if (type === 'percent' && v > 100) return 'phải từ 0 đến 100%';
  if (type === 'money' && !Number.isInteger(v)) return 'phải là số tiền nguyên (đồng)';
  if (type === 'number' && v > 1e12) return 'quá lớn';
  return null;
}

function checkTable(field: Field, value: unknown, submit: boolean, out: Issue[]) {
  if (!Array.isArray(value)) {
    out.push({ field: `values.${field.key}`, message: `"${field.label}" phải là một bảng (danh sách dòng)` });
    return;
  }
  if (value.length > 1000) out.push({ field: `values.${field.key}`, message: `"${field.label}" có quá nhiều dòng (tối đa 1.000)` });
  const columns = field.columns ?? [];
  value.slice(0, 1000).forEach((row: TableRow, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      out.push({ field: `values.${field.key}.${i}`, message: `"${field.label}", dòng ${i + 1}: không đúng dạng` });
      return;
    }
    for (const key of Object.keys(row)) {
      if (!columns.some((c) => c.key === key)) out.push({ field: `values.${field.key}.${i}.${key}`, message: `"${field.label}", dòng ${i + 1}: không có cột "${key}"` });
    }
    for (const c of columns) {
      const problem = cellProblem(c.type, row[c.key] ?? null);
      if (problem) out.push({ field: `values.${field.key}.${i}.${c.key}`, message: `"${field.label}", dòng ${i + 1}, cột "${c.label}": ${problem}` });
      else if (submit && c.required && isBlank(row[c.key])) out.push({ field: `values.${field.key}.${i}.${c.key}`, message: `"${field.label}", dòng ${i + 1}: chưa nhập "${c.label}"` });
    }
  });
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<=': (a, b) => a <= b + 1e-9, '>=': (a, b) => a >= b - 1e-9, '<': (a, b) => a < b, '>': (a, b) => a > b, '=': (a, b) => Math.abs(a - b) < 1e-9,
};

/** How much a value moved from the previous period, in %; null when there is nothing to compare. */
export function changePct(current: unknown, previous: unknown): number | null {
  if (typeof current !== 'number' || typeof previous !== 'number' || previous === 0) return null;
  return Math.round((Math.abs(current - previous) / Math.abs(previous)) * 1000) / 10;
}

export function checkValues(def: TemplateDef, values: ReportValues, opts: CheckOptions): Issue[] {
  const out: Issue[] = [];
  const fields = fieldsOf(def);
  for (const key of Object.keys(values)) {
    if (!fields.some((f) => f.key === key)) out.push({ field: `values.${key}`, message: `Biểu mẫu không có trường "${key}"` });
  }
  for (const f of fields) {
    const v = values[f.key];
    if (f.type === 'table') {
      if (v !== undefined && v !== null) checkTable(f, v, opts.submit, out);
      continue;
    }
    const problem = Array.isArray(v) ? 'không đúng dạng' : cellProblem(f.type, (v ?? null) as Cell);
    if (problem) out.push({ field: `values.${f.key}`, message: `"${f.label}": ${problem}` });
    else if (opts.submit && f.required && isBlank(v)) out.push({ field: `values.${f.key}`, message: `Chưa nhập "${f.label}"` });
  }
  if (out.length) return out;

  for (const r of def.rules) {
    const a = values[r.left];
    const b = values[r.right];
    if (typeof a !== 'number' || typeof b !== 'number') continue;
    if (!COMPARE[r.op](a, b * (r.factor ?? 1))) out.push({ field: `values.${r.left}`, message: r.message });
  }

  for (const f of fields) {
    if (f.explainChangeOverPct === undefined || !opts.previous) continue;
    const pct = changePct(values[f.key], opts.previous[f.key]);
    if (pct === null || pct <= f.explainChangeOverPct) continue;
    if (opts.submit && isBlank(opts.explanations?.[f.key])) {
      out.push({
        field: `explanations.${f.key}`,
        message: `"${f.label}" thay đổi ${String(pct).replace('.', ',')}% so với ${opts.previousLabel ?? 'kỳ trước'} (quá ${f.explainChangeOverPct}%): cần ghi giải thích`,
      });
    }
  }
  return out;
}

const KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

/** Checks of a form a division builds: keys, labels, types, tables with columns, rules over numeric fields. */
export function checkTemplate(def: TemplateDef): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  if (!def.sections.length) out.push({ field: 'definition.sections', message: 'Biểu mẫu cần ít nhất một phần' });
  def.sections.forEach((s, i) => {
    const at = `definition.sections.${i}`;
    if (!s.title.trim()) out.push({ field: `${at}.title`, message: `Phần ${i + 1}: chưa có tên` });
    if (!s.fields.length) out.push({ field: `${at}.fields`, message: `Phần "${s.title || i + 1}": chưa có trường nào` });
    s.fields.forEach((f, j) => {
      const fat = `${at}.fields.${j}`;
      if (!KEY.test(f.key)) out.push({ field: `${fat}.key`, message: `Mã trường "${f.key}" chỉ gồm chữ không dấu, số, dấu gạch dưới, bắt đầu bằng chữ` });
      else if (seen.has(f.key)) out.push({ field: `${fat}.key`, message: `Mã trường "${f.key}" bị trùng` });
      seen.add(f.key);
      if (!f.label.trim()) out.push({ field: `${fat}.label`, message: `Trường "${f.key}": chưa có tên hiển thị` });
      if (!FIELD_TYPES.includes(f.type)) out.push({ field: `${fat}.type`, message: `Trường "${f.label}": kiểu "${f.type}" không hợp lệ` });
      if (f.prefill && !(PREFILL_SOURCES as readonly string[]).includes(f.prefill) && !/^indicator:[0-9a-f-]{36}$/.test(f.prefill)) {
        out.push({ field: `${fat}.prefill`, message: `Trường "${f.label}": không có nguồn số liệu "${f.prefill}" để lấy sẵn` });
      }
      if (f.type === 'table' && !f.columns?.length) out.push({ field: `${fat}.columns`, message: `Bảng "${f.label}" cần ít nhất một cột` });
      if (f.explainChangeOverPct !== undefined && !(f.explainChangeOverPct > 0 && f.explainChangeOverPct <= 1000)) {
        out.push({ field: `${fat}.explainChangeOverPct`, message: `Trường "${f.label}": ngưỡng thay đổi phải từ 1 đến 1000%` });
      }
    });
  });
  const numeric = new Set(fieldsOf(def).filter((f) => NUMERIC_TYPES.includes(f.type)).map((f) => f.key));
  def.rules.forEach((r, i) => {
    for (const side of ['left', 'right'] as const) {
      if (!numeric.has(r[side])) out.push({ field: `definition.rules.${i}.${side}`, message: `Quy tắc ${i + 1}: "${r[side]}" không phải trường số của biểu mẫu` });
    }
    if (!r.message.trim()) out.push({ field: `definition.rules.${i}.message`, message: `Quy tắc ${i + 1}: chưa có thông báo lỗi` });
  });
  return out;
}
