// Plain text into blocks. Text arrives from PDF-to-text tools, OCR, web copy and Word "save as text":
// tables as tab-separated rows (pieces split by page breaks), markdown or pipe tables, stray HTML in
// cells, markdown emphasis, paragraphs wrapped over several lines.
import type { Block, Cell, Located } from './types.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Cell or paragraph text without HTML or markdown: list items become "- " lines, emphasis goes. */
export function cleanInline(raw: string): string {
  return raw
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>|<\/p>|<\/li>|<\/div>/gi, '\n')
    // Inline formatting goes without a trace ("(<i>tại …</i>)"); other tags separate words.
    .replace(/<\/?(?:b|i|u|em|strong|span|sup|sub|font|a)(?:\s[^>]{0,200})?>/gi, '')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, e: string) => ENTITIES[e])
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$|[.,;:)])/g, '$1')
    .replace(/\\([*_#|])/g, '$1')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').trim())
    .filter(Boolean)
    .join('\n')
    .normalize('NFC');
}

/** Markdown headings ("## KẾ HOẠCH …", "### **3. Một số chỉ tiêu**") lose their hashes. */
function cleanLine(line: string): string {
  return cleanInline(line.replace(/^\s{0,3}#{1,6}\s+/, ''));
}

const isPipeRow = (l: string) => /^\s*\|.*\|\s*$/.test(l);
const isPipeRule = (l: string) => /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/.test(l);

function pipeCells(line: string): Cell[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => ({ text: cleanInline(c) }));
}

// A line that opens a new paragraph rather than continuing a wrapped one.
const OPENER = /^(?:[-+•*–]\s|\(?\d{1,2}[.)]\s|\(?[a-zđ][).]\s?|[IVXLC]{1,5}[.)]\s|\(\d+\)|Phụ lục|PHỤ LỤC|Nơi nhận|N[oơ]i nh[aậ]n|KT\.|TM\.|TL\.)/u;

/**
 * Text into blocks, each with its first line (1-based). A blank line ends a paragraph; a line that
 * does not start with a list marker or heading number continues the one before it (wrapped OCR text).
 * Consecutive tab or pipe rows form one table, also across blank lines and repeated headers.
 */
export function readText(text: string): Located<Block>[] {
  const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const out: Located<Block>[] = [];
  let para: Located<{ kind: 'para'; text: string }> | null = null;
  let table: Located<{ kind: 'table'; rows: Cell[][]; rowLines: number[] }> | null = null;
  const endPara = () => { if (para) out.push(para); para = null; };

  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.includes('\t') || isPipeRow(raw)) {
      endPara();
      if (isPipeRule(raw)) return;
      const cells = raw.includes('\t') ? raw.split('\t').map((c) => ({ text: cleanInline(c) })) : pipeCells(raw);
      if (!table) { table = { kind: 'table', rows: [], rowLines: [], line }; out.push(table); }
      table.rows.push(cells);
      table.rowLines.push(line);
      return;
    }
    const t = cleanLine(raw);
    if (!t) { endPara(); return; }
    // A table split by page breaks continues across blank lines; any other text ends it.
    table = null;
    // Header lines never wrap: capitals ("KẾ HOẠCH"), "Số: …", and whatever follows the motto.
    const headerish = (/^[^\p{Ll}]+$/u.test(t) && (t.match(/\p{Lu}{2,}/gu)?.length ?? 0) >= 2) || /^S\S{1,2}\s*:/u.test(t) || (para && /h\S{1,2}nh ph\S{1,3}c\s*$/iu.test(para.text));
    const wrapped = para && !headerish && !OPENER.test(t) && !/[:;.!?]$/.test(para.text) && !/^[A-ZÀ-Ỹ\d\s,.\-–:()/]+$/u.test(para.text);
    if (para && wrapped) para.text += ` ${t}`;
    else { endPara(); para = { kind: 'para', text: t, line }; }
  });
  endPara();
  return out;
}

/** Blocks from a Word or PDF reader as the source text shown beside the draft, with their lines. */
export function renderBlocks(blocks: readonly Block[]): { text: string; blocks: Located<Block>[] } {
  const lines: string[] = [];
  const located = blocks.map((b) => {
    const line = lines.length + 1;
    if (b.kind === 'para') lines.push(b.text.replace(/\n/g, ' '), '');
    else {
      const rowLines = b.rows.map((row) => lines.push(row.map((c) => c.text.replace(/\n/g, ' ')).join('\t')));
      lines.push('');
      return { ...b, line, rowLines };
    }
    return { ...b, line };
  });
  return { text: lines.join('\n'), blocks: located };
}
