// The import worker thread, started on first use and kept: starting one costs about a second, reading
// a seed well under that. A file that overruns its time limit takes the thread down with it; the next
// import starts a fresh one.
import { Worker } from 'node:worker_threads';
import { ImportError, type Draft } from '../../../core/import/types.ts';

export interface ParsedFile { draft: Draft; sourceText: string }
type Reply = { id: number; ok: true; parsed: ParsedFile } | { id: number; ok: false; message: string; code: ImportError['code'] | 'crash' };
interface Waiting { resolve: (p: ParsedFile) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; thread: Worker }

const TIMEOUT_MESSAGE = 'Văn bản quá phức tạp, đọc không kịp trong thời gian cho phép. Hãy thử lưu lại thành .docx hoặc .txt rồi nhập lại.';

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, Waiting>();

function settle(id: number): Waiting | undefined {
  const w = waiting.get(id);
  if (w) { clearTimeout(w.timer); waiting.delete(id); }
  return w;
}

/** Fails what a thread that died was reading; requests already sent to its successor are untouched. */
function failAll(thread: Worker, error: Error) {
  for (const [id, w] of [...waiting]) if (w.thread === thread) settle(id)?.reject(error);
}

function start(): Worker {
  // The worker is TypeScript like the rest of the server; its .mjs entry registers tsx in the new thread.
  const w = new Worker(new URL('./worker.mjs', import.meta.url));
  w.unref();
  w.on('message', (m: Reply) => {
    const pending = settle(m.id);
    if (!pending) return;
    if (m.ok) pending.resolve(m.parsed);
    else if (m.code === 'crash') pending.reject(new Error(`plan import worker failed: ${m.message}`));
    else pending.reject(new ImportError(m.message, m.code));
  });
  w.on('error', (e) => { if (worker === w) worker = null; failAll(w, e); });
  w.on('exit', () => { if (worker === w) worker = null; failAll(w, new ImportError(TIMEOUT_MESSAGE, 'timeout')); });
  return w;
}

export function readInWorker(buffer: Buffer, fileName: string, fallbackYear: number, timeoutMs: number): Promise<ParsedFile> {
  worker ??= start();
  const w = worker;
  const id = ++seq;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      settle(id)?.reject(new ImportError(TIMEOUT_MESSAGE, 'timeout'));
      if (worker === w) worker = null;
      void w.terminate();
    }, timeoutMs);
    waiting.set(id, { resolve, reject, timer, thread: w });
    w.postMessage({ id, buffer, fileName, fallbackYear });
  });
}
