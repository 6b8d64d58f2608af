// Plan import speed: each seed as .txt, .docx and .pdf, and a large Word plan (about 1 MB), read the
// way the server reads them (reader + draft rules). Figures to reach (issue 4): under 100 ms per .txt
// seed, under 1 s for a 1 MB .docx.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { readPlanFile } from '../server/modules/imports/read/index.ts';

export interface ImportFigure { name: string; bytes: number; tasks: number; runs: number; medianMs: number; maxMs: number }

async function timeIt(name: string, buffer: Buffer, runs: number): Promise<ImportFigure> {
  const times: number[] = [];
  let tasks = 0;
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const { draft } = await readPlanFile(buffer, name);
    if (i > 0) times.push(performance.now() - started); // the first run warms the JIT
    tasks = draft.tasks.length;
  }
  times.sort((a, b) => a - b);
  return { name, bytes: buffer.length, tasks, runs, medianMs: round(times[Math.floor(times.length / 2)]), maxMs: round(times[times.length - 1]) };
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * A plan with `rows` appendix rows made from seed 003's tasks, and a scanned seal as a 980 KB picture:
 * what makes a department's Word file weigh 1 MB is its pictures, which the reader never inflates.
 */
async function largeDocx(rows: number): Promise<Buffer> {
  const lines = readFileSync('fixtures/import/seed-003.txt', 'utf8').split('\n').filter((l) => /^\d{2}\t/.test(l)).map((l) => l.split('\t'));
  const cell = (t: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(t.replace(/<[^>]+>/g, ' '))] })] });
  const header = new TableRow({ tableHeader: true, children: ['STT', 'Nhiệm vụ và giải pháp', 'Chủ trì', 'Phối hợp', 'Kết quả/sản phẩm', 'Thời gian hoàn thành', 'Ghi chú'].map(cell) });
  const body = Array.from({ length: rows }, (_, i) => {
    const src = lines[i % lines.length];
    return new TableRow({ children: [String(i + 1), `${src[1]} (đợt ${Math.floor(i / lines.length) + 1})`, src[2] ?? '', src[3] ?? '', src[4] ?? '', src[5] ?? '', src[6] ?? ''].map(cell) });
  });
  const doc = new Document({ sections: [{ children: [
    new Paragraph('SỞ Y TẾ'), new Paragraph('Số: /KH-SYT'),
    new Paragraph({ children: [new ImageRun({ type: 'png', data: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(980 * 1024)]), transformation: { width: 120, height: 120 } })] }), new Paragraph('KẾ HOẠCH'), new Paragraph('Triển khai nhiệm vụ chuyển đổi số năm 2026'),
    new Table({ rows: [header, ...body] }),
  ] }] });
  return Packer.toBuffer(doc);
}

export async function importBench(quick = false): Promise<ImportFigure[]> {
  const runs = quick ? 3 : 10;
  const out: ImportFigure[] = [];
  for (const seed of ['000', '001', '003', '004']) {
    for (const ext of ['txt', 'docx', 'pdf']) {
      const path = `fixtures/import/seed-${seed}.${ext}`;
      let buffer: Buffer;
      try { buffer = readFileSync(path); } catch { continue; } // seed 001 exists only as OCR text
      out.push(await timeIt(`seed-${seed}.${ext}`, buffer, runs));
    }
  }
  const big = await largeDocx(quick ? 300 : 1000);
  out.push(await timeIt(`large-${Math.round(big.length / 1024)}KB.docx`, big, quick ? 2 : 5));
  return out;
}
