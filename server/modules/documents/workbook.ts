// Tables of a report as an Excel workbook, one sheet per table, printed like the Word document's tables:
// Times New Roman, thin borders, A4 landscape fitted to the page width.
import ExcelJS from 'exceljs';

export type ColumnKind = 'text' | 'number' | 'money' | 'percent';
export type CellValue = string | number | null;

export interface SheetSpec {
  name: string;
  title: string;
  subtitle?: string;
  columns: { title: string; width?: number; kind?: ColumnKind }[];
  rows: CellValue[][];
  total?: CellValue[];
}

const FONT = { name: 'Times New Roman', size: 13 };
const BORDER = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

/** Money is shown in whole đồng; Excel draws the separators the reader's locale uses (1.234.567 in Vietnamese). */
const FORMATS: Record<ColumnKind, string | undefined> = { text: undefined, number: '#,##0', money: '#,##0', percent: '0.0' };

/** Excel refuses sheet names over 31 characters, with []:*?/\ or repeated (case-insensitively) in one workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim() || 'Bảng').slice(0, 31);
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 3)} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function cellValue(v: CellValue, kind: ColumnKind): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'text' || typeof v !== 'number') return v;
  return kind === 'money' ? Math.round(v) : v;
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, taken: Set<string>) {
  const ws = wb.addWorksheet(sheetName(spec.name, taken), {
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  const n = spec.columns.length;
  const kinds = spec.columns.map((c) => c.kind ?? 'text');
  ws.columns = spec.columns.map((c, i) => ({ width: c.width ?? (kinds[i] === 'text' ? 30 : 16) }));

  const banner = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = ws.addRow([text]);
    if (n > 1) ws.mergeCells(row.number, 1, row.number, n);
    row.getCell(1).font = { ...FONT, ...font };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    // A merged cell does not grow with its text, so long titles get the height of the lines they wrap to.
    const perLine = Math.max(20, ws.columns.reduce((a, c) => a + (c.width ?? 10), 0) * 0.9);
    row.height = 20 * Math.max(1, Math.ceil(text.length / perLine));
  };
  banner(spec.title, { bold: true, size: 14 });
  if (spec.subtitle) banner(spec.subtitle, { italic: true });
  ws.addRow([]);

  const header = ws.addRow(spec.columns.map((c) => c.title));
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  // Frozen on screen and repeated on every printed page, so long tables stay readable.
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

  const body = (values: CellValue[], bold: boolean) => {
    const row = ws.addRow(kinds.map((k, i) => cellValue(values[i] ?? null, k)));
    for (let i = 1; i <= n; i++) {
      const cell = row.getCell(i);
      const kind = kinds[i - 1];
      cell.font = { ...FONT, bold };
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: kind === 'text' ? (isOrdinal(spec.columns[i - 1].title) ? 'center' : 'left') : 'right' };
      // Counts are whole, but a "number" column may hold a ratio such as 2.5 that '#,##0' would round away.
      const format = kind === 'number' && typeof cell.value === 'number' && !Number.isInteger(cell.value) ? '#,##0.00' : FORMATS[kind];
      if (format) cell.numFmt = format;
    }
  };
  for (const r of spec.rows) body(r, false);
  if (spec.total) body(spec.total, true);
}

/** "STT"/"TT" columns hold short ordinals that read better centered. */
const isOrdinal = (title: string) => /^(stt|tt)$/i.test(title.trim());

export async function renderWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kehoach';
  const taken = new Set<string>();
  for (const s of sheets) addSheet(wb, s, taken);
  if (sheets.length === 0) wb.addWorksheet('Bảng'); // a workbook without sheets does not open in Excel
  return Buffer.from(await wb.xlsx.writeBuffer());
}
