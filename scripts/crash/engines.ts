// The two engines as the crash script uses them: where the child keeps its data, how the parent reads it to check
// the invariants, copies for the self-check, and the clean-up.
//
// PGlite runs inside the server's process and has no lock between processes (server/db/lock.ts is the only guard);
// a second process opening the folder while the server holds it would corrupt it, and kehoach opens no socket to its
// embedded database. So the parent checks PGlite the one safe way: after the restarted server has recovered and
// answered, it is stopped cleanly (which must release the lock file), the parent takes the same lock and opens the
// folder with the server's own openPglite, checks, closes, and the next trial starts the server again.
// PostgreSQL takes a second connection, so the parent checks it while the restarted server runs.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, rowsOf, type Database, type Db } from '../../server/db/client.ts';
import { lockDataDir } from '../../server/db/lock.ts';

export interface Engine {
  name: 'pglite' | 'postgres';
  /** The child's environment: its data folder (PGlite's database, uploaded files, session secret) and database. */
  env: Record<string, string>;
  /** Where the data is, for the report. */
  describe: string;
  /** PGlite: the server must be stopped before `withDatabase`. */
  exclusive: boolean;
  /** Runs `fn` on the database as its owner; for PGlite only while no server runs. */
  withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** A copy of the data as it is now (server stopped), opened; `drop` closes and removes it. */
  copy(): Promise<{ db: Db; drop(): Promise<void> }>;
  /** PostgreSQL: transactions of the child open right now (read just before the kill). */
  openTransactions?(): Promise<number>;
  /** Removes the data unless `keep`. */
  cleanup(keep: boolean): Promise<void>;
}

const ADMIN_URL = process.env.CRASH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const urlFor = (database: string) => { const u = new URL(ADMIN_URL); u.pathname = `/${database}`; return u.toString(); };

async function admin(text: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try { await c.query(text); } finally { await c.end(); }
}

function pgliteEngine(): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-crash-'));
  const copies: string[] = [];
  return {
    name: 'pglite', env: { DATA_DIR: dir }, describe: `PGlite in ${join(dir, 'db')}`, exclusive: true,
    async withDatabase(fn) {
      if (existsSync(join(dir, 'kehoach.lock'))) throw new Error(`the stopped server left its lock file ${join(dir, 'kehoach.lock')}`);
      const release = lockDataDir(dir);
      let database: Database | undefined;
      try {
        database = await openPglite(join(dir, 'db'), undefined, '64MB'); // the size a new folder starts with: opens faster
        return await fn(database.db);
      } finally {
        await database?.close();
        release();
      }
    },
    async copy() {
      const to = mkdtempSync(join(tmpdir(), 'kehoach-crash-copy-'));
      copies.push(to);
      cpSync(join(dir, 'db'), join(to, 'db'), { recursive: true });
      const database = await openPglite(join(to, 'db'), undefined, '64MB');
      return { db: database.db, drop: async () => { await database.close(); rmSync(to, { recursive: true, force: true }); } };
    },
    async cleanup(keep) {
      for (const c of copies) rmSync(c, { recursive: true, force: true });
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresEngine(): Promise<Engine> {
  const name = `kehoach_crash_${process.pid}`;
  const url = urlFor(name);
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  // Uploaded files and the session secret still live in a data folder.
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-crash-files-'));
  const copies: string[] = [];
  let database: Database | undefined;
  return {
    name: 'postgres', env: { DATABASE_URL: url, DATA_DIR: dir }, describe: `PostgreSQL database ${name} (files in ${dir})`, exclusive: false,
    async withDatabase(fn) {
      database ??= await openPostgres(url, 2);
      return fn(database.db);
    },
    async openTransactions() {
      database ??= await openPostgres(url, 2);
      const res = await database.db.execute(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`);
      return rowsOf<{ n: number }>(res)[0].n;
    },
    async copy() {
      // CREATE DATABASE … TEMPLATE needs the source without connections: the server is stopped, the parent's pool ends.
      await database?.close();
      database = undefined;
      const copy = `${name}_copy${copies.length}`;
      copies.push(copy);
      await admin(`CREATE DATABASE ${copy} TEMPLATE ${name}`);
      // One connection: the self-check's SET LOCAL and its change run in one transaction anyway.
      const opened = await openPostgres(urlFor(copy), 1);
      return { db: opened.db, drop: async () => { await opened.close(); await admin(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`); } };
    },
    async cleanup(keep) {
      await database?.close();
      for (const c of copies) await admin(`DROP DATABASE IF EXISTS ${c} WITH (FORCE)`);
      if (!keep) {
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function createEngine(name: string): Promise<Engine> {
  if (name === 'pglite') return pgliteEngine();
  if (name === 'postgres') return postgresEngine();
  throw new Error(`--engine must be pglite or postgres (got "${name}")`);
}
