// Reads a Word (.docx) file into blocks. Only the three parts the importer needs are inflated, in
// small steps, so a zip bomb is stopped after at most a few megabytes past the cap; the sizes in the
// zip headers are never trusted.
import { Unzip, UnzipInflate } from 'fflate';
import { ImportError, type Block, type Cell } from '../../../../core/import/types.ts';
import { cleanLines } from '../../../../core/text/vietnamese.ts';

export const MAX_INFLATED = 50 * 1024 * 1024;
const PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/numbering.xml'];
// Compressed bytes handed to the inflater at a time: deflate expands at most ~1032×, so one step
// inflates at most ~16 MB before the cap is checked again.
const STEP = 16 * 1024;

const notDocx = () => new ImportError('Tệp không phải là tài liệu Word (.docx) hợp lệ. Hãy mở tệp bằng Word và lưu lại dưới dạng .docx rồi tải lên lại.', 'unreadable');

export function isCfb(buf: Buffer): boolean {
  return buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1;
}

/** An OLE compound file: either an encrypted .docx (it holds an "EncryptionInfo" stream) or a Word 97–2003 .doc. */
export function cfbError(buf: Buffer): ImportError {
  if (buf.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
    return new ImportError('Tệp Word được đặt mật khẩu nên kehoach không đọc được. Hãy mở tệp bằng Word, bỏ mật khẩu và lưu lại dưới dạng .docx rồi tải lên lại.', 'encrypted');
  }
  return new ImportError('Tệp là định dạng Word cũ (.doc, Word 97–2003) hoặc được đặt mật khẩu. Hãy mở bằng Word, chọn "Lưu thành" (Save As) kiểu "Tài liệu Word (.docx)", không đặt mật khẩu, rồi tải lên lại.', 'unsupported');
}

function unzipParts(buf: Buffer): Map<string, string> {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw notDocx();
  const chunks = new Map<string, Uint8Array[]>();
  let total = 0;
  let broken = false;
  const unzip = new Unzip((file) => {
    if (!PARTS.includes(file.name)) return;
    const list: Uint8Array[] = [];
    chunks.set(file.name, list);
    file.ondata = (err, data) => {
      if (err) { broken = true; return; }
      total += data.length;
      if (total <= MAX_INFLATED) list.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < buf.length && total <= MAX_INFLATED; at += STEP) {
      unzip.push(buf.subarray(at, at + STEP), at + STEP >= buf.length);
    }
  } catch {
    broken = true;
  }
  if (total > MAX_INFLATED) {
    throw new ImportError('Tệp Word quá lớn khi giải nén (trên 50 MB). Hãy bỏ bớt hình ảnh hoặc tách tài liệu rồi tải lên lại.', 'too_large');
  }
  if (broken || !chunks.has('word/document.xml')) throw notDocx();
  const decoder = new TextDecoder();
  return new Map([...chunks].map(([name, list]) => [name, decoder.decode(Buffer.concat(list))]));
}

const attr = (attrs: string, name: string): string | null => attrs.match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? null;

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()];
  });
}

interface Level { fmt: string; text: string; start: number }

/** Word list numbering: numId → levels. A bullet level becomes "- "; a numbered one its label ("1.", "a)"). */
class Numbering {
  private levels = new Map<string, Level[]>();
  private counters = new Map<string, number[]>();

  constructor(xml: string | undefined) {
    if (!xml) return;
    const abstracts = new Map<string, Level[]>();
    for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
      const levels: Level[] = [];
      for (const l of m[2].matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
        levels[Number(l[1])] = {
          fmt: l[2].match(/<w:numFmt\b[^>]*w:val="([^"]*)"/)?.[1] ?? 'decimal',
          text: decodeXml(l[2].match(/<w:lvlText\b[^>]*w:val="([^"]*)"/)?.[1] ?? ''),
          start: Number(l[2].match(/<w:start\b[^>]*w:val="(\d+)"/)?.[1] ?? 1),
        };
      }
      abstracts.set(m[1], levels);
    }
    for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
      const abs = m[2].match(/<w:abstractNumId\b[^>]*w:val="(\d+)"/)?.[1];
      if (abs && abstracts.has(abs)) this.levels.set(m[1], abstracts.get(abs)!);
    }
  }

  label(numId: string, ilvl: number): string {
    const level = this.levels.get(numId)?.[ilvl];
    if (!level || level.fmt === 'bullet' || level.fmt === 'none') return '- ';
    const levels = this.levels.get(numId)!;
    const counts = this.counters.get(numId) ?? [];
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1; // a deeper level restarts after its parent moves on
    this.counters.set(numId, counts);
    const text = level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(counts[i] ?? levels[i]?.start ?? 1, levels[i]?.fmt ?? 'decimal');
    });
    return text ? `${text} ` : '- ';
  }
}

function formatNumber(n: number, fmt: string): string {
  if (fmt === 'decimalZero') return String(n).padStart(2, '0');
  if (fmt === 'upperRoman' || fmt === 'lowerRoman') {
    let out = '';
    for (const [v, s] of [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']] as const) {
      for (; n >= v; n -= v) out += s;
    }
    return fmt === 'upperRoman' ? out : out.toLowerCase();
  }
  if (fmt === 'upperLetter' || fmt === 'lowerLetter') {
    const s = String.fromCharCode(64 + ((n - 1) % 26) + 1);
    return fmt === 'upperLetter' ? s : s.toLowerCase();
  }
  return String(n);
}

type Frame =
  | { kind: 'body'; blocks: Block[] }
  | { kind: 'tbl'; rows: Cell[][] }
  | { kind: 'tc'; paras: string[]; span: number; cont: boolean };

interface Para { parts: { text: string; bold: boolean }[]; label: string; numId: string | null; ilvl: number }

/**
 * Walks WordprocessingML with a tag scanner: paragraphs, runs, tables, cells (nested tables are
 * flattened into their cell). Only run text (w:t) counts, so deleted text and field codes are left out.
 */
function walk(xml: string, numbering: Numbering, footnoteIds: string[]): Block[] {
  const body: Frame = { kind: 'body', blocks: [] };
  const frames: Frame[] = [body];
  const paras: Para[] = [];
  let inRun = false, runBold = false, inRunPr = false;
  const top = () => frames[frames.length - 1];
  const tag = /<(\/?)([\w]+:[\w]+)([^>]*?)(\/?)>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, close, name, attrs, selfClose] = m;
    const para = paras[paras.length - 1];
    if (!close && name === 'mc:Fallback') { // the same content as mc:Choice, in an older form
      const end = xml.indexOf('</mc:Fallback>', tag.lastIndex);
      if (end > 0) tag.lastIndex = end + 14;
      continue;
    }
    if (!close && name === 'w:t' && !selfClose) {
      const end = xml.indexOf('</w:t>', tag.lastIndex);
      if (para && inRun) para.parts.push({ text: decodeXml(xml.slice(tag.lastIndex, end)), bold: runBold });
      tag.lastIndex = end + 6;
      continue;
    }
    if (close) {
      if (name === 'w:p' && para) endParagraph(paras.pop()!, top(), numbering);
      else if (name === 'w:r') inRun = false;
      else if (name === 'w:rPr') inRunPr = false;
      else if (name === 'w:tc' && top().kind === 'tc') endCell(frames.pop() as Extract<Frame, { kind: 'tc' }>, top());
      else if (name === 'w:tbl' && top().kind === 'tbl') endTable(frames.pop() as Extract<Frame, { kind: 'tbl' }>, top());
      continue;
    }
    switch (name) {
      case 'w:p': if (!selfClose) paras.push({ parts: [], label: '', numId: null, ilvl: 0 }); break;
      case 'w:r': if (!selfClose) { inRun = true; runBold = false; } break;
      case 'w:rPr': if (inRun && !selfClose) inRunPr = true; break;
      case 'w:b': if (inRunPr) runBold = !/w:val="(0|false|off)"/.test(attrs); break;
      case 'w:tab': if (inRun && para) para.parts.push({ text: ' ', bold: runBold }); break;
      case 'w:br': case 'w:cr':
        // A page break is layout only; a line break separates lines of text.
        if (inRun && para) para.parts.push({ text: /w:type="page"/.test(attrs) ? ' ' : '\n', bold: runBold });
        break;
      case 'w:numId': if (para) para.numId = attr(attrs, 'w:val'); break;
      case 'w:ilvl': if (para) para.ilvl = Number(attr(attrs, 'w:val') ?? 0); break;
      case 'w:footnoteReference': { const id = attr(attrs, 'w:id'); if (id && !footnoteIds.includes(id)) footnoteIds.push(id); break; }
      case 'w:tbl': frames.push({ kind: 'tbl', rows: [] }); break;
      case 'w:tr': { const t = top(); if (t.kind === 'tbl') t.rows.push([]); break; }
      case 'w:tc': frames.push({ kind: 'tc', paras: [], span: 1, cont: false }); break;
      case 'w:gridSpan': { const t = top(); if (t.kind === 'tc') t.span = Math.max(1, Number(attr(attrs, 'w:val') ?? 1)); break; }
      case 'w:vMerge': { const t = top(); if (t.kind === 'tc') t.cont = attr(attrs, 'w:val') !== 'restart'; break; }
    }
  }
  return body.blocks;
}

function endParagraph(p: Para, into: Frame, numbering: Numbering): void {
  const raw = p.parts.map((x) => x.text).join('');
  if (!cleanLines(raw)) return;
  const label = p.numId && p.numId !== '0' ? numbering.label(p.numId, p.ilvl) : '';
  const text = cleanLines(label + raw);
  if (into.kind === 'tc') { into.paras.push(text); return; }
  if (into.kind === 'tbl') return; // text directly in a table outside a cell is not valid Word
  const bold = p.parts.every((x) => !x.text.trim() || x.bold);
  for (const line of text.split('\n')) into.blocks.push(bold ? { kind: 'para', text: line, bold } : { kind: 'para', text: line });
}

function endCell(cell: Extract<Frame, { kind: 'tc' }>, into: Frame): void {
  const text = cell.cont ? '' : cell.paras.join('\n');
  if (into.kind === 'tbl') into.rows[into.rows.length - 1]?.push(cell.span > 1 ? { text, span: cell.span } : { text });
}

function endTable(table: Extract<Frame, { kind: 'tbl' }>, into: Frame): void {
  const rows = table.rows.filter((r) => r.length > 0);
  if (into.kind === 'body') { if (rows.length) into.blocks.push({ kind: 'table', rows }); return; }
  if (into.kind === 'tc') for (const row of rows) for (const c of row) if (c.text) into.paras.push(c.text);
}

export function readDocx(buf: Buffer): Block[] {
  if (isCfb(buf)) throw cfbError(buf);
  const parts = unzipParts(buf);
  const numbering = new Numbering(parts.get('word/numbering.xml'));
  const footnoteIds: string[] = [];
  const blocks = walk(parts.get('word/document.xml')!, numbering, footnoteIds);
  const notes = new Map<string, string>();
  for (const m of (parts.get('word/footnotes.xml') ?? '').matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)) {
    const id = attr(m[1], 'w:id');
    const text = walk(m[2], numbering, []).map((b) => (b.kind === 'para' ? b.text : '')).join(' ').trim();
    if (id && text) notes.set(id, text);
  }
  for (const id of footnoteIds) {
    const text = notes.get(id);
    if (text) blocks.push({ kind: 'para', text, footnote: true });
  }
  return blocks;
}
