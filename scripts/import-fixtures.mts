// Builds the plan-import fixtures in fixtures/import/ from the seed texts: Word files written the way
// a Department of Health writes them (header and signature as borderless tables, one appendix table
// with a repeated header row in a landscape section, a footnote), their PDFs through LibreOffice, and
// the bad inputs (scanned, encrypted). Run: npx tsx scripts/import-fixtures.mts
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import {
  AlignmentType, Document, FootnoteReferenceRun, Header, LevelFormat, Packer, PageNumber, PageOrientation, Paragraph,
  Table, TableBorders, TableCell, TableRow, TextRun, WidthType, type ISectionOptions,
} from 'docx';

const DIR = 'fixtures/import';

interface Seed {
  id: string;
  parentBody: string;
  number: string;
  placeDate: string;
  footnote: string;
}

const SEEDS: Seed[] = [
  { id: '000', parentBody: 'UBND THÀNH PHỐ HÀ NỘI', number: 'Số: /KH-SYT', placeDate: 'Hà Nội, ngày tháng 6 năm 2026', footnote: 'Nghị quyết số 07/2026/NQ-HĐND có hiệu lực từ ngày 01/7/2026.' },
  { id: '003', parentBody: 'UBND TỈNH ĐỒNG THÁP', number: 'Số: /KH-SYT', placeDate: 'Đồng Tháp, ngày tháng 3 năm 2026', footnote: 'Đăng tải trên Cổng thông tin điện tử tỉnh Đồng Tháp.' },
  { id: '004', parentBody: 'UBND THÀNH PHỐ HẢI PHÒNG', number: 'Số: /KH-SYT', placeDate: 'Hải Phòng, ngày tháng năm 2025', footnote: 'Quyết định số 5256/QĐ-UBND được đăng tải trên Cổng thông tin điện tử thành phố Hải Phòng.' },
];

type Item =
  | { kind: 'para'; text: string; style: 'title' | 'heading' | 'body' | 'bullet' | 'center' }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'sign'; recipients: string[]; title: string; name: string };

const stripMd = (s: string) => s.replace(/^#+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1').trim();
const stripHtml = (s: string) => s.replace(/<\/?(b|p|i|ul|li)\b[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
const isHeading = (s: string) => s.length < 300 && /^((I|II|III|IV|V|VI|VII|VIII|IX|X)\.|\d+\.|[a-zđ]\))\s/.test(s);

/** The seed text as the items of a Word document, undoing what extraction to text did to it. */
function parseSeed(text: string): Item[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const items: Item[] = [];
  let titleNext = false;
  let afterSign = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.includes('\t')) {
      let table = items[items.length - 1];
      if (table?.kind !== 'table') items.push(table = { kind: 'table', header: [], rows: [] });
      const cells = raw.split('\t').map(stripHtml);
      if (cells[0] === 'STT') { if (!table.header.length) table.header = cells; continue; } // repeated after a page break
      while (cells.length < table.header.length) cells.push('');
      const last = table.rows[table.rows.length - 1];
      // A row whose number cell is empty is the rest of the previous task, split by a page break.
      if (!cells[0] && last) cells.forEach((c, k) => { if (c) last[k] = last[k] ? `${last[k]} ${c}` : c; });
      else table.rows.push(cells);
      continue;
    }
    const line = stripMd(raw.trim());
    if (!line) continue;
    if (!items.length && (/^Số:/.test(line) || /, ngày/.test(line))) continue; // in the header table
    if (/^KẾ HOẠCH\b/.test(line)) {
      items.push({ kind: 'para', text: 'KẾ HOẠCH', style: 'title' });
      const rest = line.slice('KẾ HOẠCH'.length).trim();
      if (rest) items.push({ kind: 'para', text: rest, style: 'title' });
      else titleNext = true;
      continue;
    }
    if (titleNext) { items.push({ kind: 'para', text: line, style: 'title' }); titleNext = false; continue; }
    if (/^Nơi nhận:/.test(line)) {
      const recipients: string[] = [];
      let j = i + 1;
      for (; j < lines.length && (!lines[j].trim() || lines[j].startsWith('- ')); j++) if (lines[j].trim()) recipients.push(lines[j].trim());
      const signer: string[] = [];
      for (; j < lines.length && signer.length < 2; j++) if (lines[j].trim()) signer.push(stripMd(lines[j].trim()));
      items.push({ kind: 'sign', recipients, title: signer[0], name: signer[1] });
      i = j - 1;
      afterSign = true;
      continue;
    }
    const prev = items[items.length - 1];
    // A paragraph cut by a page break: the piece after it starts in lower case.
    if (prev?.kind === 'para' && prev.style !== 'title' && prev.style !== 'center' && /^[a-zà-ỹđ]/.test(line) && !/^[a-zđ]\)\s/.test(line) && !/[.;:!?]$/.test(prev.text)) {
      prev.text = `${prev.text} ${line}`;
      continue;
    }
    const style = afterSign ? 'center' : line.startsWith('- ') ? 'bullet' : isHeading(line) ? 'heading' : 'body';
    items.push({ kind: 'para', text: style === 'bullet' ? line.slice(2) : line, style });
  }
  return items;
}

const FONT = 'Times New Roman';

/** Inline **bold**, *italic*, <i>, <b> as runs. */
function runs(text: string, base: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const part of text.split(/(\*\*[^*]+\*\*|\*[^*]+\*|<i>[^<]*<\/i>|<b>[^<]*<\/b>)/)) {
    if (!part) continue;
    if (part.startsWith('**')) out.push(new TextRun({ ...base, text: part.slice(2, -2), bold: true }));
    else if (part.startsWith('*')) out.push(new TextRun({ ...base, text: part.slice(1, -1), italics: true }));
    else if (part.startsWith('<i>')) out.push(new TextRun({ ...base, text: part.slice(3, -4), italics: true }));
    else if (part.startsWith('<b>')) out.push(new TextRun({ ...base, text: part.slice(3, -4), bold: true }));
    else out.push(new TextRun({ ...base, text: part }));
  }
  return out;
}

const p = (text: string, o: { bold?: boolean; italics?: boolean; center?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, children: runs(text, o) });

const cell = (children: Paragraph[], width: number, columnSpan?: number) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, columnSpan });

/** Two columns without borders, as the header and the signature are laid out. */
const twoColumns = (left: Paragraph[], right: Paragraph[]) => new Table({
  borders: TableBorders.NONE, width: { size: 9600, type: WidthType.DXA }, columnWidths: [3800, 5800],
  rows: [new TableRow({ children: [cell(left, 3800), cell(right, 5800)] })],
});

const WIDTHS: Record<string, number> = { STT: 700, 'Ghi chú': 1800 };
const cellParas = (text: string) =>
  // Coordinator lists are written one unit per line: "- A; - B" in the seed.
  (text.startsWith('- ') ? text.split(/(?<=;)\s+(?=- )|\s+(?=- [A-ZĐÀ-Ỹ])/) : [text]).map((t) => p(t.replace(/<\/?(p|ul|li)\b[^>]*>/g, '').trim(), { size: 24 }));

function appendix(t: Extract<Item, { kind: 'table' }>): Table {
  const n = t.header.length;
  // Fixed widths for the narrow columns, the rest shared out (the task column wider) over the landscape text width.
  const weight = (h: string, k: number) => (WIDTHS[h] ? 0 : k === 1 ? 1.6 : 1);
  const fixed = t.header.reduce((a, h) => a + (WIDTHS[h] ?? 0), 0);
  const unit = (14570 - fixed) / t.header.reduce((a, h, k) => a + weight(h, k), 0);
  const widths = t.header.map((h, k) => WIDTHS[h] ?? Math.floor(unit * weight(h, k)));
  const header = new TableRow({ tableHeader: true, children: t.header.map((h, k) => cell([p(h, { bold: true, center: true, size: 24 })], widths[k])) });
  const rows = t.rows.map((r) => {
    if (/^[IVX]+$/.test(r[0]) && r.slice(2).every((c) => !c)) { // a section row: code + one cell over the rest
      return new TableRow({ children: [cell([p(r[0], { bold: true, center: true, size: 24 })], widths[0]), cell([p(r[1], { bold: true, size: 24 })], widths.slice(1).reduce((a, b) => a + b), n - 1)] });
    }
    return new TableRow({ children: r.map((c, k) => cell(k === 0 ? [p(c, { center: true, size: 24 })] : cellParas(c), widths[k])) });
  });
  return new Table({ width: { size: widths.reduce((a, b) => a + b), type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] });
}

function signature(s: Extract<Item, { kind: 'sign' }>): Table {
  const left = [p('Nơi nhận:', { bold: true, italics: true, size: 24 }), ...s.recipients.map((r) => {
    const sub = r.match(/^(.*)_\{(.*)\}$/); // "TCCB_{P.H.}": the drafter's initials in subscript
    return new Paragraph({ children: sub ? [new TextRun({ text: sub[1], size: 22 }), new TextRun({ text: sub[2], size: 22, subScript: true })] : runs(r, { size: 22 }) });
  })];
  const right = [p(s.title, { bold: true, center: true }), p('', {}), p('', {}), p(s.name, { bold: true, center: true })];
  return twoColumns(left, right);
}

// Page numbers at the top centre from page 2, as administrative documents number them.
const pageNumber = { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) };
const portrait = { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } };
const landscape = { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } };

function buildDocument(seed: Seed, items: Item[]): Document {
  const header = twoColumns(
    [p(seed.parentBody, { center: true, size: 24 }), p('SỞ Y TẾ', { bold: true, center: true, size: 24 }), p(seed.number, { center: true })],
    [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true, size: 24 }), p('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }), p(seed.placeDate, { italics: true, center: true })],
  );
  const tableAt = items.findIndex((x) => x.kind === 'table');
  const signAt = items.findIndex((x) => x.kind === 'sign');
  // The appendix's own title (after the signature) or the heading just above the table goes with it.
  let landscapeFrom = signAt >= 0 && signAt < tableAt ? signAt + 1 : tableAt - 1;
  if (landscapeFrom < 0) landscapeFrom = tableAt;
  let footnoteUsed = false;
  const render = (x: Item): Paragraph | Table => {
    if (x.kind === 'table') return appendix(x);
    if (x.kind === 'sign') return signature(x);
    if (x.style === 'title') return p(x.text, { bold: true, center: true });
    if (x.style === 'center') return p(x.text, { bold: x.text === x.text.toUpperCase() || /^Phụ lục$/i.test(x.text), center: true });
    if (x.style === 'heading') return p(x.text, { bold: true });
    if (x.style === 'bullet') return new Paragraph({ numbering: { reference: 'dash', level: 0 }, alignment: AlignmentType.JUSTIFIED, children: runs(x.text) });
    if (!footnoteUsed && /^(Căn cứ|Thực hiện)/.test(x.text)) {
      footnoteUsed = true;
      return new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [...runs(x.text), new FootnoteReferenceRun(1)] });
    }
    return p(x.text);
  };
  const sections: ISectionOptions[] = [
    { properties: { ...portrait, titlePage: true }, headers: pageNumber, children: [header, ...items.slice(0, landscapeFrom).map(render)] },
    { properties: landscape, headers: pageNumber, children: items.slice(landscapeFrom, tableAt + 1).map(render) },
  ];
  if (tableAt + 1 < items.length) sections.push({ properties: portrait, headers: pageNumber, children: items.slice(tableAt + 1).map(render) });
  return new Document({
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    numbering: { config: [{ reference: 'dash', levels: [{ level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }] }] },
    footnotes: { 1: { children: [p(seed.footnote, { size: 20 })] } },
    sections,
  });
}

/** A short plan with paragraphs only: no header table, no appendix. */
function noTableDocument(): Document {
  const lines: [string, 'title' | 'heading' | 'body' | 'bullet'][] = [
    ['SỞ Y TẾ', 'title'], ['KẾ HOẠCH', 'title'], ['Tiêm chủng mở rộng năm 2026', 'title'],
    ['I. MỤC ĐÍCH, YÊU CẦU', 'heading'], ['Bảo đảm tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi đạt trên 95%.', 'body'],
    ['II. NỘI DUNG', 'heading'], ['Tổ chức tiêm chủng thường xuyên tại các trạm y tế xã.', 'bullet'], ['Báo cáo kết quả hằng tháng về Sở Y tế trước ngày 05.', 'bullet'],
    ['III. TỔ CHỨC THỰC HIỆN', 'heading'], ['Trung tâm Kiểm soát bệnh tật chủ trì, phối hợp với các đơn vị triển khai Kế hoạch này./.', 'body'],
    ['GIÁM ĐỐC', 'title'], ['Trần Văn An', 'title'],
  ];
  return new Document({
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    numbering: { config: [{ reference: 'dash', levels: [{ level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT }] }] },
    sections: [{ properties: portrait, children: lines.map(([text, style]) => style === 'bullet'
      ? new Paragraph({ numbering: { reference: 'dash', level: 0 }, children: runs(text) })
      : p(text, { bold: style !== 'body', center: style === 'title' })) }],
  });
}

/** A one-page PDF whose only content is a grey image: what a scanner produces, no text layer. */
function scannedPdf(): Buffer {
  const w = 200, h = 280;
  const pixels = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels[y * w + x] = (y % 20 < 2 && x > 20 && x < 180) ? 40 : 235;
  const image = deflateSync(pixels);
  const content = Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>'),
    Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`), image, Buffer.from('\nendstream')]),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((o, k) => {
    const obj = Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const has = (cmd: string) => { try { execFileSync('which', [cmd], { stdio: 'ignore' }); return true; } catch { return false; } };

for (const seed of SEEDS) {
  const items = parseSeed(readFileSync(`${DIR}/seed-${seed.id}.txt`, 'utf8'));
  writeFileSync(`${DIR}/seed-${seed.id}.docx`, await Packer.toBuffer(buildDocument(seed, items)));
}
writeFileSync(`${DIR}/no-table.docx`, await Packer.toBuffer(noTableDocument()));
writeFileSync(`${DIR}/scanned.pdf`, scannedPdf());

if (has('soffice')) {
  const files = SEEDS.map((s) => `${DIR}/seed-${s.id}.docx`);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', DIR, ...files], { stdio: 'inherit' });
} else console.warn('soffice not found: the PDFs were not rebuilt');
if (has('qpdf') && existsSync(`${DIR}/seed-000.pdf`)) {
  execFileSync('qpdf', ['--encrypt', 'matkhau', 'matkhau-chu', '256', '--', `${DIR}/seed-000.pdf`, `${DIR}/encrypted.pdf`]);
} else console.warn('qpdf not found: encrypted.pdf was not rebuilt');
