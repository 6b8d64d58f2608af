// Reads plan documents off the server's main thread, one at a time, so a heavy or hostile file
// blocks no other request; the parent terminates the thread when a file overruns its time limit.
import { parentPort } from 'node:worker_threads';
import { ImportError } from '../../../core/import/types.ts';
import { readPlanFile } from './read/index.ts';

export interface ReadRequest { id: number; buffer: Uint8Array; fileName: string; fallbackYear: number }

parentPort!.on('message', async ({ id, buffer, fileName, fallbackYear }: ReadRequest) => {
  try {
    const parsed = await readPlanFile(Buffer.from(buffer), fileName, { fallbackYear });
    parentPort!.postMessage({ id, ok: true, parsed });
  } catch (e) {
    if (e instanceof ImportError) parentPort!.postMessage({ id, ok: false, message: e.message, code: e.code });
    else parentPort!.postMessage({ id, ok: false, message: String((e as Error)?.stack ?? e), code: 'crash' });
  }
});
