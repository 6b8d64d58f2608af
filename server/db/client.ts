// One dialect, two engines: embedded PGlite by default, a PostgreSQL server when DATABASE_URL is set.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Replica } from './replica.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (tests load it as a migrated snapshot). */
  dump?: () => Promise<Blob>;
  /** PostgreSQL only: runs `fn` holding the start-up lock, so two processes never migrate or seed at once. */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** PostgreSQL with DATABASE_READ_URL: a streaming replica that serves reads (see http/routing.ts). */
  replica?: Replica;
}

/** The advisory lock key of start-up work (migrations, first-start data): "keho" in ASCII. */
export const STARTUP_LOCK = 0x6b65686f;

export const PGLITE_EXTENSIONS = { unaccent, pg_trgm };

let wasm: Promise<WebAssembly.Module> | undefined;

/**
 * Starts compiling PGlite's WebAssembly (9 MB, on V8's background threads) if not started yet: a start-up calls
 * this first, so that the compilation runs while the main thread loads the web server, not after.
 */
export function compilePglite(): Promise<WebAssembly.Module> {
  wasm ??= readFile(createRequire(import.meta.url).resolve('@electric-sql/pglite/pglite.wasm')).then((bytes) => WebAssembly.compile(bytes));
  return wasm;
}

/**
 * Open PGlite in `dir` (or from a dumped data-dir tarball, which tests use as a migrated snapshot), with PGlite's
 * buffer pool (128 MB) or the size given.
 */
export async function openPglite(dir: string | undefined, loadDataDir?: Blob, sharedBuffers?: string): Promise<Database> {
  const pgliteWasmModule = await compilePglite();
  const startParams = sharedBuffers ? [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] : undefined;
  const client = await PGlite.create({ dataDir: dir, extensions: PGLITE_EXTENSIONS, loadDataDir, pgliteWasmModule, ...(startParams ? { startParams } : {}) });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, engine: 'pglite', close: () => client.close(), dump: () => client.dumpDataDir('gzip') as Promise<Blob> };
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // A connection the server closes while idle (a restart, an administrator, a dropped database) is discarded by
  // the pool and replaced on the next query; without a listener its error would end the whole process.
  pool.on('error', (err) => { console.warn(`PostgreSQL đóng một kết nối đang nghỉ: ${err.message}`); });
  // Fail now, with the server's message, rather than on the first request.
  const probe = await pool.connect().catch((e: Error) => {
    throw new Error(`Không kết nối được PostgreSQL (${redactUrl(url)}): ${e.message}`);
  });
  probe.release();
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  // A session-level lock on a connection of its own: the work runs on the pool's other connections, and a
  // process that dies mid-way loses its connection and with it the lock.
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    const holder = await pool.connect();
    try {
      const { rows } = await holder.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [STARTUP_LOCK]);
      if (!rows[0].got) {
        console.info('Một tiến trình kehoach khác đang cập nhật cơ sở dữ liệu; chờ tiến trình đó xong…');
        await holder.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
      }
      try {
        return await fn();
      } finally {
        await holder.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
      }
    } finally {
      holder.release();
    }
  };
  return { db, engine: 'postgres', close: () => pool.end(), exclusive };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

/** Rows of a raw `execute` result: both drivers return `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
