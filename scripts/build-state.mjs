// Whether the server's build outputs (scripts/build-server.mts) still match their sources, cheaply enough for
// every start to ask: bin/kehoach.mjs runs the bundle only when it is current, and scripts/ensure-build.mjs
// rebuilds what is not.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_OUT = join(ROOT, 'dist', 'server');
/** The bundle's entry, and the list of source files it was made from with their times. */
export const SERVER_ENTRY = join(SERVER_OUT, 'cli.js');
export const SERVER_INPUTS = join(SERVER_OUT, 'inputs.json');
/** The migrated, empty PGlite data folder (server/config.ts names the same; its manifest is beside it, .json). */
export const SNAPSHOT = join(ROOT, 'dist', 'pglite-empty');

const mtime = (file) => {
  try { return statSync(file).mtimeMs; } catch { return undefined; }
};

/**
 * The bundle's entry as a file URL when every source it was made from is unchanged (same time) and still
 * there; null otherwise. A source edited since the build must not run as its old self.
 */
export function freshServerBundle() {
  if (!existsSync(SERVER_ENTRY) || !existsSync(SERVER_INPUTS)) return null;
  let inputs;
  try { inputs = JSON.parse(readFileSync(SERVER_INPUTS, 'utf8')).inputs; } catch { return null; }
  for (const [file, time] of Object.entries(inputs)) if (mtime(join(ROOT, file)) !== time) return null;
  return pathToFileURL(SERVER_ENTRY).href;
}

/**
 * The migrations as server/db/migrate.ts loads them (tag and SHA-256 of the file's text), to compare with the
 * snapshot's manifest without a TypeScript loader. server/db/snapshot.test.ts checks that both agree.
 */
function migrations() {
  const dir = join(ROOT, 'server', 'db', 'migrations');
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8'));
  return journal.entries.map(({ tag }) => ({ tag, hash: createHash('sha256').update(readFileSync(join(dir, `${tag}.sql`), 'utf8')).digest('hex') }));
}

/** The snapshot is due when missing, made by another PGlite, or made from other migrations than the code's. */
export function snapshotDue(snapshot = SNAPSHOT) {
  if (!existsSync(join(snapshot, 'PG_VERSION'))) return true;
  let manifest;
  try { manifest = JSON.parse(readFileSync(`${snapshot}.json`, 'utf8')); } catch { return true; }
  const pkg = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json');
  if (manifest.pglite !== JSON.parse(readFileSync(pkg, 'utf8')).version) return true;
  return JSON.stringify(manifest.migrations) !== JSON.stringify(migrations());
}
