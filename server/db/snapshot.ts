// A migrated, empty PGlite data folder made by `npm run build` (dist/pglite-empty): a new data folder is copied
// from it instead of running initdb and every migration in WebAssembly (8 s on a small machine, against 0.1 s
// to copy). The snapshot is only a head start: migrate() still runs on the copy, and anything wrong with the
// snapshot sends start-up back to initdb (see open.ts).
//
// A folder rather than PGlite's own tarball (dumpDataDir, opened with loadDataDir, as the tests' in-memory
// databases are): PGlite unpacks a tarball through its WebAssembly file system, 2 s; our own unpacking of the
// same 40 MB took 0.5 s of CPU, the copy takes 0.1 s.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { openPglite } from './client.ts';
import { loadMigrations, migrate, type Migration } from './migrate.ts';

/** What a snapshot holds, written beside it: which PGlite made it and which migrations it has applied. */
export interface SnapshotManifest {
  pglite: string;
  migrations: { tag: string; hash: string }[];
}

export const manifestPathOf = (snapshot: string) => `${snapshot}.json`;

/** The installed PGlite's version: a data folder made by another version may not open with this one. */
export function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  for (let dir = dirname(require.resolve('@electric-sql/pglite')); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version;
    }
    if (dirname(dir) === dir) throw new Error('Không tìm thấy package.json của @electric-sql/pglite.');
  }
}

/**
 * Makes the snapshot folder `snapshot` (replacing one there) with `migrations` applied, and its manifest. The
 * database is built in a folder of this process's own (builds may run at once: `npm start` and the browser
 * tests each build what is out of date) and closed, hence shut down cleanly, before it takes the snapshot's
 * place; the manifest, which makes the snapshot usable, is removed first and written last.
 */
export async function makeSnapshot(snapshot: string, migrations: Migration[] = loadMigrations()): Promise<void> {
  const building = `${snapshot}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(dirname(snapshot), { recursive: true });
  try {
    const database = await openPglite(building);
    try {
      await migrate(database.db, migrations);
    } finally {
      await database.close();
    }
    rmSync(manifestPathOf(snapshot), { force: true });
    rmSync(snapshot, { recursive: true, force: true });
    renameSync(building, snapshot);
  } catch (e) {
    // Another build put its snapshot there meanwhile: that one stays, with the manifest that build writes.
    if (['ENOTEMPTY', 'EEXIST'].includes((e as NodeJS.ErrnoException).code ?? '')) return;
    throw e;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  const manifest: SnapshotManifest = { pglite: pgliteVersion(), migrations: migrations.map(({ tag, hash }) => ({ tag, hash })) };
  writeFileSync(manifestPathOf(snapshot), JSON.stringify(manifest, null, 1) + '\n');
}

/**
 * Why the snapshot cannot seed a new folder for this code, or null when it can: made by another PGlite, or
 * its migrations are not a beginning of the code's (one edited or removed since). Fewer migrations than the
 * code is fine: migrate() applies the rest.
 */
export function snapshotProblem(snapshot: string, migrations = loadMigrations()): string | null {
  if (!existsSync(join(snapshot, 'PG_VERSION')) || !existsSync(manifestPathOf(snapshot))) return 'chưa có (chạy "npm run build" để tạo)';
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPathOf(snapshot), 'utf8')) as SnapshotManifest;
  } catch {
    return 'tệp mô tả hỏng';
  }
  const version = pgliteVersion();
  if (manifest.pglite !== version) return `tạo bằng PGlite ${manifest.pglite}, đang dùng ${version}`;
  const diverged = manifest.migrations.findIndex((m, i) => m.tag !== migrations[i]?.tag || m.hash !== migrations[i]?.hash);
  if (diverged >= 0) return `migration "${manifest.migrations[diverged].tag}" đã khác mã nguồn`;
  return null;
}

/**
 * Copies the snapshot to `dir` (which must not exist) on a worker thread: the main thread stays free, at start-up
 * to load the web server meanwhile. The folder appears whole or not at all (see copy-snapshot.mjs), and not at
 * all if the snapshot was rebuilt while it was being copied (its manifest is then another file).
 */
export async function copySnapshot(snapshot: string, dir: string): Promise<void> {
  const identity = () => { const s = statSync(manifestPathOf(snapshot)); return `${s.ino}:${s.mtimeMs}`; };
  const before = identity();
  await new Promise<void>((resolve, reject) => {
    // No execArgv: plain JavaScript needs no tsx in the thread.
    const worker = new Worker(new URL('./copy-snapshot.mjs', import.meta.url), { workerData: { copySnapshot: { from: snapshot, to: dir } }, execArgv: [] });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`luồng sao chép dừng với mã ${code}`))));
  });
  let after = '';
  try { after = identity(); } catch { /* removed meanwhile */ }
  if (after !== before) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error('bản dựng sẵn được dựng lại trong lúc sao chép');
  }
}
