// Copies the snapshot folder into a new data folder, in a worker thread started by copySnapshot (snapshot.ts):
// its 40 MB are copied on another core while the main thread loads the web server. Plain JavaScript, so that
// the thread needs no TypeScript loader and the file is the same whether the server runs from the sources or
// from the bundle.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';

/** Copies folder `from` to `to` file by file (the kernel copies the bytes), keeping each one's permissions. */
function copyTree(from, to) {
  mkdirSync(to, { mode: statSync(from).mode & 0o777 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) copyTree(source, join(to, entry.name));
    else if (entry.isFile()) copyFileSync(source, join(to, entry.name));
    else throw new Error(`mục lạ trong bản dựng sẵn: ${source}`);
  }
}

/**
 * Copies `snapshot` to `dir`, which must not exist. The folder appears whole or not at all: the copy goes to a
 * scratch folder beside it that is renamed at the end, so a crash half-way leaves no folder that PGlite would
 * take for a database.
 */
export function copySnapshot(snapshot, dir) {
  const scratch = `${dir}.copying`;
  rmSync(scratch, { recursive: true, force: true }); // left by a start-up that crashed half-way
  try {
    copyTree(snapshot, scratch);
    if (existsSync(dir)) throw new Error(`${dir} đã tồn tại`);
    renameSync(scratch, dir);
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
}

if (workerData?.copySnapshot) copySnapshot(workerData.copySnapshot.from, workerData.copySnapshot.to);
