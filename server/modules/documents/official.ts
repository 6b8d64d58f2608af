// Official administrative documents (.docx) laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I prescribes:
// A4, Times New Roman, the two-column header with the national motto, the title, the body, "Nơi nhận" and the signature.
import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow,
  TextRun, VerticalAlignTable, WidthType, type IBorderOptions,
} from 'docx';
import type { DocBlock } from '../../../core/reports/consolidate.ts';
import { parts } from '../../../core/schedule/dates.ts';

/** Body blocks are the consolidated report's, so a draft edited in the browser renders as it is. */
export type Block = DocBlock;

export interface OfficialDocument {
  issuerParent: string;
  issuer: string;
  /** "125/BC-SYT", or "/BC-SYT" while the document has no number yet. */
  number: string;
  place: string;
  /** ISO date; null leaves day and month blank for the clerk who issues it. */
  issuedOn: string | null;
  year: number;
  kind: string;
  title: string;
  body: Block[];
  recipients: string[];
  /** Lines separated by "\n", e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
  signerTitle: string;
  signer: string;
}

// Twips (1/20 pt): A4 is 210 × 297 mm; margins 20 mm top and bottom, 30 mm left, 15 mm right.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const MIN_LEFT = 3600; // about 6.3 cm: room for "UBND THÀNH PHỐ HÀ NỘI" at 13 pt with a gap before the right column
const SIGN_COLUMNS = [4400, TEXT_WIDTH - 4400];
const CELL_PAD = 57;
const FONT = 'Times New Roman';
const INDENT = 567; // 1 cm first-line indent of body paragraphs
const BODY_LINE = 276; // 1.15 lines

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const ALL_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

interface Style { size?: number; bold?: boolean; italic?: boolean }
interface Line extends Style { align?: 'left' | 'center' | 'right' | 'both'; before?: number; after?: number; indent?: number; keepNext?: boolean; line?: number }

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED } as const;

// The font is written on every run too, so viewers that ignore style defaults still show Times New Roman.
const run = (text: string, s: Style = {}) => new TextRun({ text, font: FONT, size: (s.size ?? 14) * 2, bold: s.bold, italics: s.italic });

function para(text: string, o: Line = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'center'],
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: o.line ?? 240, lineRule: LineRuleType.AUTO },
    indent: o.indent ? { firstLine: o.indent } : undefined,
    keepNext: o.keepNext,
    keepLines: o.keepNext,
    children: text ? [run(text, o)] : [],
  });
}

// Advance widths of Times New Roman (Bold / Regular), A–Z then a–z, in 1/1000 em: enough to size the rule lines.
const WIDTHS = {
  bold: { upper: [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667], lower: [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444] },
  regular: { upper: [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611], lower: [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444] },
};

/** Printed width of a line in twips; diacritics do not change a letter's advance, so they are stripped first. */
export function textWidth(text: string, size: number, bold: boolean): number {
  const w = WIDTHS[bold ? 'bold' : 'regular'];
  let em = 0;
  for (const ch of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')) {
    const c = ch.charCodeAt(0);
    em += c >= 65 && c <= 90 ? w.upper[c - 65] : c >= 97 && c <= 122 ? w.lower[c - 97] : c >= 48 && c <= 57 ? 500 : ch === ' ' ? 250 : 333;
  }
  return (em * size * 20) / 1000;
}

/** A short centered horizontal rule: the top border of an empty paragraph narrowed by indents, which Word and LibreOffice both draw. */
function rule(length: number, space: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((space - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    // A little space above keeps the rule from reading as an underline of the line it sits under.
    spacing: { before: 60, after, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/** "Số: 125/BC-SYT"; an unnumbered "/BC-SYT" keeps room for the number written at issue. */
export const numberLine = (number: string) => (number.trim().startsWith('/') ? `Số:      ${number.trim()}` : `Số: ${number.trim()}`);

/** "Hà Nội, ngày 05 tháng 3 năm 2026": the decree pads days below 10 and months 1 and 2 with a zero. */
export function placeAndDate(place: string, issuedOn: string | null, year: number): string {
  if (!issuedOn) return `${place}, ngày      tháng      năm ${year}`;
  const [y, m, d] = parts(issuedOn);
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? `0${m}` : m} năm ${y}`;
}

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, margins: { left: CELL_PAD, right: CELL_PAD, top: 0, bottom: 0 }, children });

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * Column widths, font size and lines of the issuer block. The right column keeps the national name on one line; the
 * left one widens for a long "UBND TỈNH BÀ RỊA - VŨNG TÀU", the decree's 12 pt is used when 13 pt would not fit, and a
 * name still too long ("BỆNH VIỆN ĐA KHOA XANH PÔN") goes on two balanced lines instead of leaving one word alone.
 */
function headerLayout(parent: string, issuer: string): { columns: [number, number]; size: 12 | 13; issuerLines: string[] } {
  const slack = 2 * CELL_PAD + 60;
  const maxLeft = TEXT_WIDTH - Math.ceil(textWidth(NATION, 13, true) + slack);
  const need = (size: number, lines: string[]) => Math.max(textWidth(parent, size, false), ...lines.map((l) => textWidth(l, size, true))) + slack;
  const fits = ([13, 12] as const).find((size) => need(size, [issuer]) <= maxLeft);
  const size = fits ?? 13;
  const issuerLines = fits ? [issuer] : balancedLines(issuer, size);
  const left = Math.round(Math.min(maxLeft, Math.max(MIN_LEFT, need(size, issuerLines))));
  return { columns: [left, TEXT_WIDTH - left], size, issuerLines };
}

/** The split of a name into two lines at a space that makes the longer line shortest. */
function balancedLines(text: string, size: number): string[] {
  const words = text.split(' ');
  let best = [text];
  let bestWidth = textWidth(text, size, true);
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const width = Math.max(...lines.map((l) => textWidth(l, size, true)));
    if (width < bestWidth) [best, bestWidth] = [lines, width];
  }
  return best;
}

function headerTable(doc: OfficialDocument): Table {
  const parent = doc.issuerParent.toUpperCase();
  const issuer = doc.issuer.toUpperCase();
  const { columns, size, issuerLines } = headerLayout(parent, issuer);
  const [lw, rw] = columns.map((w) => w - 2 * CELL_PAD);
  const widest = Math.max(...issuerLines.map((l) => textWidth(l, size, true)));
  const left = [
    para(parent, { size }),
    ...issuerLines.map((l) => para(l, { size, bold: true })),
    rule(Math.max(567, Math.min(widest, lw) / 2), lw, 120),
  ];
  const right = [para(NATION, { size: 13, bold: true }), para(MOTTO, { size: 14, bold: true }), rule(textWidth(MOTTO, 14, true), rw, 120)];
  // "Số" and the date get a row of their own so they stay on one line however the names above them wrap.
  const row = (l: Paragraph[], r: Paragraph[]) => new TableRow({ cantSplit: true, children: [cell(columns[0], l), cell(columns[1], r)] });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    borders: NO_BORDERS,
    rows: [
      row(left, right),
      row([para(numberLine(doc.number), { size: 13 })], [para(placeAndDate(doc.place, doc.issuedOn, doc.year), { size: 14, italic: true })]),
    ],
  });
}

function titleBlock(doc: OfficialDocument): Paragraph[] {
  const lines = doc.title.split('\n').map((t) => t.trim()).filter(Boolean);
  const longest = Math.max(0, ...lines.map((t) => Math.min(textWidth(t, 14, true), TEXT_WIDTH)));
  return [
    para(doc.kind.toUpperCase(), { size: 14, bold: true, before: 480, keepNext: true }),
    ...lines.map((t) => para(t, { size: 14, bold: true, keepNext: true })),
    // The decree's rule under the title: a third to a half of the line, centered.
    rule(Math.max(850, longest / 3), TEXT_WIDTH, 240),
  ];
}

function bodyBlock(b: Block): (Paragraph | Table)[] {
  if (b.type === 'heading') {
    return [para(b.text, { size: 14, bold: true, align: 'both', indent: INDENT, before: b.level === 1 ? 160 : 120, line: BODY_LINE, keepNext: true })];
  }
  if (b.type === 'paragraph') {
    return b.text.split('\n').map((t) => t.trim()).filter(Boolean)
      .map((t) => para(t, { size: 14, italic: b.italic, align: 'both', indent: INDENT, before: 120, line: BODY_LINE }));
  }
  return [dataTable(b), para('', { size: 6 })];
}

/** Relative widths scaled to the text width, so a caller only says which columns are wide. */
function scaleWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] += total - widths.reduce((a, w) => a + w, 0);
  return widths;
}

function dataTable(b: Extract<Block, { type: 'table' }>): Table {
  const widths = scaleWidths(b.columns.map((c) => c.width ?? 1), TEXT_WIDTH);
  const tcell = (text: string, i: number, s: Style & { align?: 'left' | 'center' | 'right' }) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 20, bottom: 20 },
      children: text.split('\n').map((t) => para(t, { size: 12, bold: s.bold, align: s.align ?? 'left', before: 40, after: 40 })),
    });
  const row = (values: string[], s: Style, header = false) =>
    new TableRow({
      tableHeader: header, // repeated at the top of every page the table runs onto
      cantSplit: true,
      children: b.columns.map((c, i) => tcell(values[i] ?? '', i, { ...s, align: header ? 'center' : c.align })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: ALL_BORDERS,
    rows: [
      row(b.columns.map((c) => c.title), { bold: true }, true),
      ...b.rows.map((r) => row(r, {})),
      ...(b.total ? [row(b.total, { bold: true })] : []),
    ],
  });
}

/** Each recipient on its own "- X;" line, the last closed with a full stop, as the decree writes them. */
export function recipientLines(recipients: string[]): string[] {
  const names = recipients.map((r) => r.trim().replace(/^[-–]\s*/, '').replace(/[;.,]\s*$/, '')).filter(Boolean);
  return names.map((r, i) => `- ${r}${i === names.length - 1 ? '.' : ';'}`);
}

function signatureTable(doc: OfficialDocument): Table {
  const left = [
    new Paragraph({ spacing: { before: 0, after: 0 }, keepNext: true, children: [run('Nơi nhận:', { size: 12, bold: true, italic: true })] }),
    ...recipientLines(doc.recipients).map((r) => para(r, { size: 11, align: 'left', keepNext: true })),
  ];
  const titles = doc.signerTitle.split('\n').map((t) => t.trim()).filter(Boolean);
  const right = [
    ...titles.map((t) => para(t.toUpperCase(), { size: 14, bold: true, keepNext: true })),
    // Room for the handwritten signature and the seal.
    ...Array.from({ length: 4 }, () => para('', { size: 14, keepNext: true })),
    para(doc.signer, { size: 14, bold: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: SIGN_COLUMNS,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(SIGN_COLUMNS[0], left), cell(SIGN_COLUMNS[1], right)] })],
  });
}

export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: 28, children: [PageNumber.CURRENT] })] })],
  });
  const document = new Document({
    creator: 'kehoach',
    title: `${doc.kind} ${doc.title}`.replace(/\s+/g, ' ').trim(),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 28, language: { value: 'vi-VN', eastAsia: 'vi-VN', bidirectional: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [{
      properties: {
        page: { size: PAGE, margin: MARGIN },
        titlePage: true, // the decree numbers pages from the second one: the first page gets an empty header
      },
      headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
      children: [
        headerTable(doc),
        ...titleBlock(doc),
        ...doc.body.flatMap(bodyBlock),
        // A paragraph between the last body table and the signature table keeps Word from merging the two.
        para('', { size: 14 }),
        signatureTable(doc),
      ],
    }],
  });
  return Packer.toBuffer(document);
}
