// The .docx and .pdf readers on the fixtures of scripts/import-fixtures.mts, and on bad files.
import { readFileSync } from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError, type Block, type Cell } from '../../../../core/import/types.ts';
import { readDocument } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../../fixtures/import/${name}`, import.meta.url));

async function blocksOf(name: string): Promise<Block[]> {
  const out = await readDocument(fixture(name), name);
  if (!('blocks' in out)) throw new Error('expected blocks');
  return out.blocks;
}

const tables = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const appendix = (blocks: Block[]) => tables(blocks).find((t) => t.rows[0]?.[0]?.text === 'STT')!;
const taskRows = (rows: Cell[][]) => rows.filter((r) => /^\d+\.?$/.test(r[0].text));
const sectionRows = (rows: Cell[][]) => rows.filter((r) => /^[IVX]+$/.test(r[0].text));

async function rejection(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

const SEEDS = [
  { id: '000', tasks: 17, sections: [] as string[], header: ['UBND THÀNH PHỐ HÀ NỘI', 'SỞ Y TẾ', 'Số: /KH-SYT', 'Hà Nội, ngày tháng 6 năm 2026'], signer: 'Nguyễn Trọng Điện', footnote: 'Nghị quyết số 07/2026/NQ-HĐND có hiệu lực từ ngày 01/7/2026.' },
  { id: '003', tasks: 24, sections: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'], header: ['UBND TỈNH ĐỒNG THÁP', 'SỞ Y TẾ', 'Số: /KH-SYT', 'Đồng Tháp, ngày tháng 3 năm 2026'], signer: 'Nguyễn Văn Dương', footnote: 'Đăng tải trên Cổng thông tin điện tử tỉnh Đồng Tháp.' },
  { id: '004', tasks: 33, sections: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'], header: ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ Y TẾ', 'Số: /KH-SYT', 'Hải Phòng, ngày tháng năm 2025'], signer: 'Lê Minh Quang', footnote: 'Quyết định số 5256/QĐ-UBND được đăng tải trên Cổng thông tin điện tử thành phố Hải Phòng.' },
];

describe.each(['docx', 'pdf'])('seed plans as .%s', (ext) => {
  describe.each(SEEDS)('seed $id', (seed) => {
    let blocks: Block[];
    beforeAll(async () => { blocks = await blocksOf(`seed-${seed.id}.${ext}`); });

    it('reads the appendix as one table with every task and section', () => {
      const table = appendix(blocks);
      expect(taskRows(table.rows)).toHaveLength(seed.tasks);
      const sections = sectionRows(table.rows);
      expect(sections.map((r) => r[0].text)).toEqual(seed.sections);
      const columns = table.rows[0].length;
      for (const r of sections) expect(r).toEqual([{ text: r[0].text }, { text: expect.any(String), span: columns - 1 }]);
    });

    it('reads the header block and the signature as two-cell tables, the footnote at the end', () => {
      const [head] = tables(blocks);
      expect(blocks[0]).toBe(head);
      for (const text of seed.header) expect(head.rows[0].map((c) => c.text).join('\n')).toContain(text);
      expect(head.rows[0][1].text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
      const sign = tables(blocks).find((t) => t.rows[0][0].text.startsWith('Nơi nhận:'))!;
      expect(sign.rows[0][1].text).toBe(`GIÁM ĐỐC\n${seed.signer}`);
      expect(blocks.at(-1)).toEqual({ kind: 'para', text: seed.footnote, footnote: true });
      expect(blocks.filter((b) => b.kind === 'para' && b.footnote)).toHaveLength(1);
    });
  });

  it('joins a task split over a page and keeps coordinator lists one per line (seed 003)', async () => {
    const rows = taskRows(appendix(await blocksOf(`seed-003.${ext}`)).rows);
    const task06 = rows.find((r) => r[0].text === '06')!;
    expect(task06[1].text).toMatch(/liên thông của các ngành, lĩnh vực trên môi trường số$/);
    expect(task06[3].text).toBe('- Các phòng chuyên môn, đơn vị trực thuộc;\n- Bệnh viện Quân dân y');
    expect(task06[5].text).toBe('Theo thời gian Bộ Y tế đã đăng ký trong triển khai xây dựng nền tảng số quốc gia');
    expect(rows.find((r) => r[0].text === '05')![2].text).toBe('- Văn phòng Sở\n- Các đơn vị trực thuộc');
  });

  it('reads bold headings, list items, and drops the footnote mark from the body (seed 000)', async () => {
    const blocks = await blocksOf(`seed-000.${ext}`);
    const paras = blocks.filter((b) => b.kind === 'para');
    expect(paras).toContainEqual({ kind: 'para', text: 'I. MỤC ĐÍCH, YÊU CẦU', bold: true });
    expect(paras.some((p) => p.text.startsWith('- Triển khai kịp thời, thống nhất') && p.text.endsWith('của ngành Y tế.'))).toBe(true);
    expect(paras.find((p) => p.text.startsWith('Căn cứ Nghị quyết'))!.text).toMatch(/thành phố Hà Nội;$/);
  });
});

describe('other inputs', () => {
  it('reads a Word plan without tables as paragraphs only', async () => {
    const blocks = await blocksOf('no-table.docx');
    expect(tables(blocks)).toEqual([]);
    expect(blocks).toContainEqual({ kind: 'para', text: '- Tổ chức tiêm chủng thường xuyên tại các trạm y tế xã.' });
  });

  it('returns plain text without its byte-order mark', async () => {
    expect(await readDocument(Buffer.from('\uFEFFKẾ HOẠCH\n', 'utf8'), 'ke-hoach.txt')).toEqual({ text: 'KẾ HOẠCH\n' });
  });
});

describe('files it cannot read', () => {
  let bomb: Buffer;
  beforeAll(() => {
    // 200 MB of spaces as word/document.xml: a few hundred KB zipped.
    const parts: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => { if (err) throw err; parts.push(chunk); });
    const file = new ZipDeflate('word/document.xml', { level: 9 });
    zip.add(file);
    const spaces = new Uint8Array(4 * 1024 * 1024).fill(0x20);
    for (let i = 0; i < 50; i++) file.push(spaces, i === 49);
    zip.end();
    bomb = Buffer.concat(parts);
  });

  const cases: [string, () => Buffer, string, ImportError['code']][] = [
    ['an empty file', () => Buffer.alloc(0), 'ke-hoach.docx', 'empty'],
    ['a file over 50 MB', () => Buffer.alloc(60 * 1024 * 1024), 'ke-hoach.pdf', 'too_large'],
    ['garbage named .docx', () => Buffer.from('đây không phải tệp Word'), 'ke-hoach.docx', 'unreadable'],
    ['a zip without word/document.xml', () => fixture('seed-000.pdf'), 'ke-hoach.docx', 'unreadable'],
    ['garbage named .pdf', () => Buffer.from('%PDF-1.7\nhỏng'), 'ke-hoach.pdf', 'unreadable'],
    ['a password-protected PDF', () => fixture('encrypted.pdf'), 'ke-hoach.pdf', 'encrypted'],
    ['a scanned PDF', () => fixture('scanned.pdf'), 'ke-hoach.pdf', 'scanned'],
    ['an old Word file', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'ke-hoach.doc', 'unsupported'],
    ['an encrypted Word file', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('EncryptionInfo', 'utf16le')]), 'ke-hoach.docx', 'encrypted'],
    ['a program', () => Buffer.from('MZ\x90\x00'), 'setup.exe', 'unsupported'],
  ];

  it.each(cases)('rejects %s', async (_, make, name, code) => {
    const e = await rejection(readDocument(make(), name));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(VIETNAMESE);
  });

  it('says what to do with an old .doc and a scanned PDF', async () => {
    expect((await rejection(readDocument(Buffer.from('x'), 'ke-hoach.doc'))).message).toContain('.docx');
    expect((await rejection(readDocument(fixture('scanned.pdf'), 'scan.pdf'))).message).toContain('OCR');
    expect((await rejection(readDocument(Buffer.alloc(60 * 1024 * 1024), 'to.docx'))).message).toContain('50 MB');
    expect((await rejection(readDocument(Buffer.from('x'), 'a.exe'))).message).toMatch(/\.docx.*\.pdf.*\.txt/);
  });

  it('stops a zip bomb at the inflate cap, quickly', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    const e = await rejection(readDocument(bomb, 'bom.docx'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('giải nén');
  });
});
