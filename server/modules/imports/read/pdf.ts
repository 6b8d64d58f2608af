// Reads a PDF's text layer into blocks. A PDF has no paragraphs or tables, only positioned text, so
// lines are rebuilt from item positions, the plan appendix table from its header row's columns, and
// side-by-side blocks (the header and the signature) become a two-cell table as in a Word file.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportError, type Block, type Cell } from '../../../../core/import/types.ts';
import { cleanLines } from '../../../../core/text/vietnamese.ts';

interface Item { x: number; x1: number; y: number; size: number; text: string; bold: boolean }
interface Line { page: number; y: number; size: number; items: Item[]; text: string; bold: boolean; noteStart?: boolean }

const STT = /^(\d{1,3}\.?|[IVXL]{1,6}\.?)$/;
const HEADER_COLUMNS = [/Nhiệm vụ|Nội dung/i, /Chủ trì/i, /Phối hợp/i, /Thời gian|Thời hạn/i, /Sản phẩm|Kết quả/i];
const PAGE_NUMBER = /^([-–]\s*)?\d{1,3}(\s*[-–])?$|^Trang \d+/i;

const isHeaderLine = (l: Line) => /\bSTT\b/.test(l.text) && HEADER_COLUMNS.filter((re) => re.test(l.text)).length >= 2;

async function loadPages(buf: Buffer): Promise<Item[][]> {
  let doc: pdfjs.PDFDocumentProxy;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(buf), isEvalSupported: false, verbosity: 0 }).promise;
  } catch (e) {
    if ((e as Error)?.name === 'PasswordException') {
      throw new ImportError('Tệp PDF được đặt mật khẩu nên kehoach không đọc được. Hãy bỏ mật khẩu (hoặc xuất lại PDF từ Word) rồi tải lên lại.', 'encrypted');
    }
    throw new ImportError('Tệp PDF bị hỏng hoặc không phải PDF hợp lệ. Hãy mở thử tệp trên máy, xuất lại PDF từ Word rồi tải lên lại.', 'unreadable');
  }
  const pages: Item[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    // Font names (and so bold) are known only once the page's fonts are loaded.
    await page.getOperatorList();
    const bold = new Map<string, boolean>();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [a, b, , d, x, y] = it.transform as number[];
      if (!bold.has(it.fontName)) {
        let name = '';
        try { name = (page.commonObjs.get(it.fontName) as { name?: string })?.name ?? ''; } catch { /* not loaded: treat as regular */ }
        bold.set(it.fontName, /bold|black|heavy/i.test(name));
      }
      items.push({ x, x1: x + it.width, y, size: Math.abs(d) || Math.hypot(a, b), text: it.str, bold: bold.get(it.fontName)! });
    }
    pages.push(items);
  }
  await doc.destroy();
  return pages;
}

/** The size most of the text is set in, weighted by length. */
function bodySize(pages: Item[][]): number {
  const count = new Map<number, number>();
  for (const it of pages.flat()) count.set(Math.round(it.size), (count.get(Math.round(it.size)) ?? 0) + it.text.length);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

function joinItems(items: Item[]): string {
  let s = '';
  items.forEach((it, i) => { s += (i && it.x - items[i - 1].x1 > it.size * 0.15 ? ' ' : '') + it.text; });
  return cleanLines(s);
}

function makeLine(page: number, items: Item[]): Line {
  items.sort((a, b) => a.x - b.x);
  const size = Math.max(...items.map((i) => i.size));
  return { page, y: items[0].y, size, items, text: joinItems(items), bold: items.every((i) => i.bold) };
}

/** Lines in reading order, without superscript marks, page numbers; footnote lines marked by size and place. */
function buildLines(pages: Item[][], body: number): { lines: Line[]; notes: Line[] } {
  const lines: Line[] = [];
  const notes: Line[] = [];
  pages.forEach((items, page) => {
    const marks = items.filter((i) => i.size < body * 0.7 && /^\d{1,2}$/.test(i.text.trim()));
    const rows: Item[][] = [];
    for (const it of items.filter((i) => !marks.includes(i)).sort((a, b) => b.y - a.y || a.x - b.x)) {
      const row = rows.find((r) => Math.abs(r[0].y - it.y) <= Math.max(r[0].size, it.size) * 0.35);
      if (row) row.push(it); else rows.push([it]);
    }
    const pageLines = rows.map((r) => makeLine(page, r)).filter((l) => l.text).sort((a, b) => b.y - a.y);
    const first = pageLines[0], last = pageLines[pageLines.length - 1];
    const kept = pageLines.filter((l) => !((l === first || l === last) && PAGE_NUMBER.test(l.text)));
    // Footnotes: smaller lines at the foot of the page, the first of them after a superscript mark.
    const small = (l: Line) => l.size <= body * 0.85;
    const marked = (l: Line) => marks.some((m) => m.x <= l.items[0].x + 1 && Math.abs(m.y - l.y) < l.size);
    let from = kept.length;
    while (from > 0 && small(kept[from - 1])) from--;
    while (from < kept.length && !marked(kept[from])) from++;
    kept.forEach((l, k) => {
      if (k < from) { lines.push(l); return; }
      l.noteStart = marked(l);
      notes.push(l);
    });
  });
  return { lines, notes };
}

/** Runs of items separated by more than `gap` points. */
function segments(items: Item[], gap: number): Item[][] {
  const out: Item[][] = [];
  for (const it of items) {
    const seg = out[out.length - 1];
    if (seg && it.x - seg[seg.length - 1].x1 <= gap) seg.push(it); else out.push([it]);
  }
  return out;
}

interface Columns { bounds: number[] } // bounds[k]: where column k starts (bounds[0] = -Infinity)

/**
 * Column starts from the header cells. Header texts are often centred while cell texts are left
 * aligned, so a column starts at the x most cell lines below start at, between the previous header
 * text's end and this one's start.
 */
function columnsFrom(header: Line, below: Line[]): Columns {
  const cells = segments(header.items, header.size * 0.8).map((s) => ({ x0: s[0].x, x1: s[s.length - 1].x1 }));
  const starts = new Map<number, number>();
  for (const l of below) for (const it of l.items) starts.set(Math.round(it.x * 2) / 2, (starts.get(Math.round(it.x * 2) / 2) ?? 0) + 1);
  const bounds = [-Infinity];
  for (let k = 1; k < cells.length; k++) {
    const lo = cells[k - 1].x1 + 0.5, hi = cells[k].x0 + 2;
    const best = [...starts].filter(([x, n]) => x > lo && x <= hi && n >= 2).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    bounds.push((best ? best[0] : cells[k].x0) - 1);
  }
  return { bounds };
}

const columnOf = (cols: Columns, x: number) => cols.bounds.findLastIndex((b) => x >= b);

/** A line's text per column, or null when it does not fit the table (text crossing out of the number column). */
function splitLine(cols: Columns, line: Line): { texts: string[]; wide: boolean } | null {
  const texts = cols.bounds.map(() => '');
  let wide = false;
  const groups: Item[][] = [];
  for (const it of line.items) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    // A new column starts only after a real gap; text crossing a boundary with word spacing spans cells.
    if (g && (columnOf(cols, it.x) === columnOf(cols, g[0].x) || it.x - prev.x1 <= line.size * 0.6)) g.push(it);
    else groups.push([it]);
  }
  for (const g of groups) {
    const k = columnOf(cols, g[0].x);
    const end = g[g.length - 1].x1;
    if (k === 0 && cols.bounds.length > 1 && end > cols.bounds[1] + 2) return null;
    if (k + 1 < cols.bounds.length && end > cols.bounds[k + 1] + 2) wide = true;
    texts[k] = texts[k] ? `${texts[k]} ${joinItems(g)}` : joinItems(g);
  }
  return { texts, wide };
}

interface Row { cells: string[]; header: boolean; wide: boolean }

/** Wrapped text joined again: a word hyphenated at the line end ("NQ-" + "HĐND") closes up. */
const joinWrapped = (a: string, b: string) => `${a}${/\S-$/.test(a) ? '' : ' '}${b}`;

const append = (row: Row, texts: string[]) => texts.forEach((t, k) => {
  if (!t) return;
  if (!row.cells[k]) row.cells[k] = t;
  else row.cells[k] = /^[-+•]\s/.test(t) ? `${row.cells[k]}\n${t}` : joinWrapped(row.cells[k], t);
});

/** The appendix table starting at lines[start] (a header line); returns the block and the next line. */
function readTable(lines: Line[], start: number): { block: Block; next: number } {
  const header = lines[start];
  const cols = columnsFrom(header, lines.slice(start + 1, start + 80));
  const rows: Row[] = [];
  const headerLines: string[] = []; // the first header's wrapped lines, to recognise it when repeated
  let headerLine = -1; // index into headerLines while inside a (repeated) header, else -1
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i], prev = lines[i - 1];
    if (i > start && line.page === prev.page && prev.y - line.y > line.size * 3) break;
    if (i === start || (isHeaderLine(line) && i > start)) {
      rows.push({ cells: splitLine(cols, line)?.texts ?? [line.text], header: true, wide: false });
      headerLine = 0;
      continue;
    }
    const split = splitLine(cols, line);
    if (!split) break;
    const key = split.texts.join('|');
    if (STT.test(split.texts[0])) {
      rows.push({ cells: split.texts, header: false, wide: split.wide });
      headerLine = -1;
    } else if (headerLine >= 0 && rows.length === 1) {
      append(rows[0], split.texts);
      headerLines.push(key);
    } else if (headerLine >= 0 && headerLines[headerLine] === key) {
      append(rows[rows.length - 1], split.texts);
      headerLine++;
    } else {
      headerLine = -1;
      // Continuation lines belong to the last task row, even after a header repeated on a new page.
      const target = rows.findLast((r) => !r.header) ?? rows[rows.length - 1];
      append(target, split.texts);
      target.wide ||= split.wide;
    }
  }
  const n = cols.bounds.length;
  const out: Cell[][] = rows.map((r) => {
    const cells = Array.from({ length: n }, (_, k) => cleanLines(r.cells[k] ?? ''));
    const onlyTitle = cells.slice(2).every((c) => !c);
    if (!r.header && (r.wide || /^[IVXL]+\.?$/.test(cells[0])) && onlyTitle && n > 2) return [{ text: cells[0] }, { text: cells[1], span: n - 1 }];
    return cells.map((text) => ({ text }));
  });
  return { block: { kind: 'table', rows: out }, next: i };
}

/**
 * Side-by-side blocks (issuer | national motto, recipients | signer): lines split by a wide gap into a
 * left and a right part, and the one-sided lines around them that stay clear of the divide.
 */
function readTwoColumns(lines: Line[], start: number): { block: Block; next: number } | null {
  const parts = (l: Line) => segments(l.items, l.size * 2);
  const first = parts(lines[start]);
  if (first.length !== 2) return null;
  const leftEnd = first[0][first[0].length - 1].x1, rightStart = first[1][0].x;
  const left: string[] = [], right: string[] = [];
  // A right-side line starting left of the right column (a wider centred name) counts only when more of
  // the block follows: the same shape ends the header block as a centred title ("KẾ HOẠCH").
  let pending: number[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (i > start && (l.page !== lines[i - 1].page || lines[i - 1].y - l.y > l.size * 2.2)) break;
    const segs = parts(l);
    const x0 = l.items[0].x, x1 = l.items[l.items.length - 1].x1;
    const split = segs.length === 2 && segs[0][segs[0].length - 1].x1 < rightStart - 5 && segs[1][0].x > leftEnd + 5;
    const leftOnly = segs.length === 1 && x1 < rightStart - 5 && x0 < leftEnd;
    const rightOnly = segs.length === 1 && x0 > leftEnd + 5;
    if (rightOnly && x0 < rightStart - 5) { pending.push(i); continue; }
    if (!split && !leftOnly && !rightOnly) break;
    right.push(...pending.map((k) => lines[k].text));
    pending = [];
    if (split) { left.push(joinItems(segs[0])); right.push(joinItems(segs[1])); }
    else (leftOnly ? left : right).push(l.text);
  }
  if (pending.length) i = pending[0];
  if (i - start < 2) return null;
  return { block: { kind: 'table', rows: [[{ text: left.join('\n') }, { text: right.join('\n') }]] }, next: i };
}

const startsParagraph = (t: string) =>
  /^[-+•*]/.test(t) || /^\(\w{1,3}\)/.test(t) || /^\(.*\)$/.test(t) || /^([IVXL]+|\d{1,2}(\.\d+)*|[a-zđ])[.)]\s/.test(t)
  || (t === t.toUpperCase() && /\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(t));

export async function readPdf(buf: Buffer): Promise<Block[]> {
  const pages = await loadPages(buf);
  if (!pages.some((p) => p.length)) {
    throw new ImportError('Tệp PDF là bản quét (ảnh), không có lớp chữ nên không đọc được nội dung. kehoach chưa đọc chữ từ ảnh (OCR); hãy dùng bản Word hoặc PDF xuất từ Word.', 'scanned');
  }
  const { lines, notes } = buildLines(pages, bodySize(pages));
  const blocks: Block[] = [];
  // Where text lines end on each page: a line reaching it was wrapped, so the paragraph goes on.
  const right = new Map<number, number>();
  for (const l of lines) right.set(l.page, Math.max(right.get(l.page) ?? 0, l.items[l.items.length - 1].x1));
  let para: (Block & { kind: 'para' }) | null = null;
  let prev: Line | null = null;
  for (let i = 0; i < lines.length;) {
    const line = lines[i];
    const found = isHeaderLine(line) ? readTable(lines, i) : readTwoColumns(lines, i);
    if (found) {
      blocks.push(found.block);
      para = null;
      prev = null;
      i = found.next;
      continue;
    }
    const prevText = para?.text ?? '';
    const full = !!prev && prev.items[prev.items.length - 1].x1 > right.get(prev.page)! - prev.size * 0.12;
    // A line continues the paragraph above unless it opens a list item or heading, or the one above ended a sentence.
    const continues = para && !startsParagraph(line.text) && (
      (/^\p{Ll}/u.test(line.text)) || full
      || (!/[.:;!?]$/.test(prevText) && prevText !== prevText.toUpperCase() && !!para.bold === line.bold));
    if (para && continues) para.text = joinWrapped(para.text, line.text);
    else {
      para = line.bold ? { kind: 'para', text: line.text, bold: true } : { kind: 'para', text: line.text };
      blocks.push(para);
    }
    prev = line;
    i++;
  }
  const footnotes: string[] = [];
  for (const n of notes) {
    if (n.noteStart || !footnotes.length) footnotes.push(n.text); else footnotes[footnotes.length - 1] += ` ${n.text}`;
  }
  for (const text of footnotes) blocks.push({ kind: 'para', text, footnote: true });
  return blocks;
}
