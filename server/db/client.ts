// One dialect, two engines: embedded PGlite by default, a PostgreSQL server when DATABASE_URL is set.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
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
}

export const PGLITE_EXTENSIONS = { unaccent, pg_trgm };

/** Open PGlite in `dir` (or from a dumped data-dir tarball, which tests use as a migrated snapshot). */
export async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const client = await PGlite.create({ dataDir: dir, extensions: PGLITE_EXTENSIONS, loadDataDir });
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
  return { db, engine: 'postgres', close: () => pool.end() };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

/** Rows of a raw `execute` result: both drivers return `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
