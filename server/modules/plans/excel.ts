// A plan's appendix as an Excel sheet laid out like the signed document, and back: reading such a sheet
// (or one a department typed by hand) into sections and tasks, with every problem named by row and column.
import ExcelJS from 'exceljs';
import { formatViDate } from '../../../core/schedule/dates.ts';
import { cleanText, searchKey } from '../../../core/text/vietnamese.ts';
import { SectionFields, TaskFields } from './schemas.ts';

export interface AppendixPlan {
  number: string; issuer: string; issuedOn: string | null; title: string;
  sections: { id: string; code: string; title: string }[];
  tasks: { sectionId: string | null; number: string; content: string; leadText: string; coordinatorText: string; leads: { name: string }[]; coordinators: { name: string }[]; deadlineText: string; product: string; note: string }[];
}

const COLUMNS = [
  { key: 'number', title: 'STT', width: 7 },
  { key: 'content', title: 'Nội dung nhiệm vụ', width: 48 },
  { key: 'lead', title: 'Đơn vị chủ trì', width: 22 },
  { key: 'coordinators', title: 'Đơn vị phối hợp', width: 26 },
  { key: 'deadline', title: 'Thời gian hoàn thành', width: 18 },
  { key: 'product', title: 'Sản phẩm, kết quả', width: 24 },
  { key: 'note', title: 'Ghi chú', width: 20 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

const FONT = { name: 'Times New Roman', size: 13 };
const BORDER = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

export async function planToWorkbook(plan: AppendixPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kehoach';
  const ws = wb.addWorksheet('Phụ lục', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const title = (text: string, bold = true, italic = false) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, COLUMNS.length);
    row.getCell(1).font = { ...FONT, bold, italic };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  title(plan.issuer.toUpperCase());
  title('PHỤ LỤC');
  title('DANH MỤC NHIỆM VỤ');
  title(`(Kèm theo Kế hoạch số ${plan.number || '…'} ngày ${plan.issuedOn ? formatViDate(plan.issuedOn) : '…'} của ${plan.issuer})`, false, true);
  title(plan.title, true);
  ws.getRow(5).height = Math.min(120, 20 * Math.ceil(plan.title.length / 120));
  ws.addRow([]);
  const header = ws.addRow(COLUMNS.map((c) => c.title));
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  // The header repeats on every printed page, as appendices do after a page break.
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  const body = (values: string[], bold = false) => {
    const row = ws.addRow(values);
    for (let i = 1; i <= COLUMNS.length; i++) {
      const cell = row.getCell(i);
      cell.font = { ...FONT, bold };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: i === 1 ? 'center' : 'left' };
      cell.border = BORDER;
    }
    return row;
  };
  const names = (units: { name: string }[]) => units.map((u) => u.name).join('; ');
  const taskRow = (t: AppendixPlan['tasks'][number]) =>
    body([t.number, t.content, t.leadText || names(t.leads), t.coordinatorText || names(t.coordinators), t.deadlineText, t.product, t.note]);
  for (const t of plan.tasks.filter((x) => !x.sectionId)) taskRow(t);
  for (const s of plan.sections) {
    const row = body([s.code, s.title], true);
    ws.mergeCells(row.number, 2, row.number, COLUMNS.length);
    for (const t of plan.tasks.filter((x) => x.sectionId === s.id)) taskRow(t);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Reading ---------------------------------------------------------------------------------------------

/** Column titles departments use, as search keys, longest first within each column. */
const SYNONYMS: Record<ColumnKey, string[]> = {
  number: ['stt', 'tt', 'so thu tu'],
  content: ['noi dung nhiem vu cong viec', 'noi dung nhiem vu', 'nhiem vu va giai phap', 'nhiem vu cu the', 'nhiem vu', 'noi dung', 'ten nhiem vu'],
  lead: ['phong ban don vi chu tri thuc hien', 'don vi chu tri', 'chu tri'],
  coordinators: ['phong ban don vi phoi hop', 'don vi phoi hop', 'phoi hop'],
  deadline: ['thoi gian thuc hien hoan thanh', 'thoi gian hoan thanh', 'thoi gian thuc hien', 'thoi han', 'thoi gian'],
  product: ['san pham ket qua', 'ket qua san pham', 'ke qua san pham' /* a typo in a signed appendix */, 'san pham', 'ket qua'],
  note: ['ghi chu'],
};
export const COLUMN_TITLES = Object.fromEntries(COLUMNS.map((c) => [c.key, c.title])) as Record<ColumnKey, string>;
const NUMERAL = '(?:X{0,3}(?:IX|IV|V?I{0,3}))';
const ROMAN = new RegExp(`^(?=[IVX])${NUMERAL}\\.?$`);
const ROMAN_TITLE = new RegExp(`^((?=[IVX])${NUMERAL})[.)]?\\s+(.+)$`);
/** Only numbers: the "(1) (2) (3)…" row official tables put under the header, or a numbered row left blank. */
const COLUMN_NUMBER = /^\(?\d{1,2}\)?$/;

export type SheetRow =
  | { kind: 'section'; row: number; code: string; title: string }
  | { kind: 'task'; row: number; number: string; content: string; lead: string; coordinators: string; deadline: string; product: string; note: string };

/** A cell's value as the person sees it: rich text joined, formula results, hyperlink text, dates as dd/mm/yyyy. */
function plain(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatViDate(v.toISOString().slice(0, 10));
  if (typeof v !== 'object') return String(v);
  const o = v as { richText?: { text: string }[]; result?: unknown; formula?: string; sharedFormula?: string; text?: unknown; error?: string };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) return plain(o.result);
  if ('text' in o) return plain(o.text);
  if ('error' in o) return String(o.error);
  return '';
}

/** Which column holds what, from a header row; null unless it names at least the task and its lead. */
function headerMap(values: string[]): Map<ColumnKey, number> | null {
  const map = new Map<ColumnKey, number>();
  values.forEach((v, i) => {
    const key = searchKey(v);
    if (!key) return;
    const hit = (Object.keys(SYNONYMS) as ColumnKey[]).find((k) => !map.has(k) && SYNONYMS[k].some((s) => key === s || key.startsWith(`${s} `)));
    if (hit) map.set(hit, i);
  });
  return map.has('content') && map.has('lead') ? map : null;
}

/**
 * A section heading: "I" then its title (the other cells empty, or the title merged over them), or one
 * text such as "II. NHIỆM VỤ TRỌNG TÂM" alone on the row or merged across it.
 */
function sectionOf(number: string, content: string, rest: string[]): { code: string; title: string } | null {
  if (ROMAN.test(number) && content && rest.every((o) => o === content)) return { code: number.replace(/\.$/, ''), title: content };
  const texts = new Set([number, content, ...rest].filter(Boolean));
  if (texts.size !== 1) return null;
  const [text] = texts;
  const m = ROMAN_TITLE.exec(text);
  if (m) return { code: m[1], title: m[2] };
  // Merged across the STT and content columns but without a numeral; a content cell alone is a task missing its lead.
  return number === content ? { code: '', title: text } : null;
}

const sameColumns = (a: Map<ColumnKey, number>, b: Map<ColumnKey, number>) => a.size === b.size && [...a].every(([k, i]) => b.get(k) === i);

export class SheetError extends Error {}

/** The sections and tasks of the first sheet that has an appendix header row. */
export async function workbookToRows(buffer: Buffer): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('Tệp không phải bảng tính Excel (.xlsx) đọc được.');
  }
  for (const ws of wb.worksheets) {
    let columns: Map<ColumnKey, number> | null = null;
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: string[] = [];
      for (let i = 1; i <= Math.max(row.cellCount, COLUMNS.length); i++) values.push(cleanText(plain(row.getCell(i).value)));
      const header = headerMap(values);
      if (!columns) { columns = header; return; }
      // The header repeated after a page break names the same columns in the same places, STT included, which no task row does.
      if (header && sameColumns(header, columns)) return;
      const mapped = [...columns.values()].map((i) => values[i]).filter(Boolean);
      if (!mapped.length || mapped.every((v) => COLUMN_NUMBER.test(v))) return;
      const found = columns;
      const get = (k: ColumnKey) => { const i = found.get(k); return i === undefined ? '' : values[i]; };
      const [number, content] = [get('number'), get('content')];
      const section = sectionOf(number, content, (['lead', 'coordinators', 'deadline', 'product', 'note'] as const).map(get).filter(Boolean));
      if (section) { rows.push({ kind: 'section', row: rowNumber, ...section }); return; }
      rows.push({ kind: 'task', row: rowNumber, number, content, lead: get('lead'), coordinators: get('coordinators'), deadline: get('deadline'), product: get('product'), note: get('note') });
    });
    if (columns) return rows;
  }
  throw new SheetError('Không tìm thấy dòng tiêu đề của bảng nhiệm vụ (cần các cột “Nội dung nhiệm vụ” và “Đơn vị chủ trì”).');
}

const maxOf = (schema: unknown) => (schema as { maxLength: number }).maxLength;
/** The same limits as typing a task in the form (TaskFields), so an imported task could be saved from the form too. */
const LIMITS: Record<ColumnKey, number> = {
  number: maxOf(TaskFields.properties.number), content: maxOf(TaskFields.properties.content), lead: maxOf(TaskFields.properties.leadText),
  coordinators: maxOf(TaskFields.properties.coordinatorText), deadline: maxOf(TaskFields.properties.deadlineText),
  product: maxOf(TaskFields.properties.product), note: maxOf(TaskFields.properties.note),
};

/** Problems keyed "Dòng 12, cột Nội dung nhiệm vụ" for the person fixing the sheet. */
export function validateRows(rows: SheetRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const at = (row: number, col: ColumnKey) => `Dòng ${row}, cột ${COLUMN_TITLES[col]}`;
  if (!rows.some((r) => r.kind === 'task')) errors.file = 'Bảng không có nhiệm vụ nào.';
  const sectionMax = maxOf(SectionFields.properties.title);
  for (const r of rows) {
    if (r.kind === 'section') {
      if (r.title.length > sectionMax) errors[at(r.row, 'content')] = `Tên phần không được dài quá ${sectionMax} ký tự.`;
      continue;
    }
    if (!r.content) errors[at(r.row, 'content')] = 'Vui lòng nhập Nội dung nhiệm vụ.';
    if (!r.lead) errors[at(r.row, 'lead')] = 'Vui lòng nhập Đơn vị chủ trì.';
    const values: Record<ColumnKey, string> = { ...r };
    for (const col of COLUMNS.map((c) => c.key)) {
      if (values[col].length > LIMITS[col]) errors[at(r.row, col)] = `${COLUMN_TITLES[col]} không được dài quá ${LIMITS[col]} ký tự.`;
    }
  }
  return errors;
}
