// Fresh databases for tests: a copy of one migrated, demo-seeded snapshot per test file,
// on PGlite (a dumped data dir) or on PostgreSQL (a template database).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { bootstrap } from '../bootstrap.ts';
import { openPglite, openPostgres, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { ROOT } from '../paths.ts';

export const TEST_ADMIN_PASSWORD = 'Admin12345';
/** The frozen clock of API tests: 10:00 on 23/11/2026 in Vietnam. The demo data's progress is relative to it. */
export const TEST_NOW = new Date('2026-11-23T03:00:00Z');
const SNAPSHOT = join(ROOT, '.tmp', 'pglite-snapshot.tar.gz');
export const engine = (process.env.TEST_ENGINE ?? 'pglite') as 'pglite' | 'postgres';

/** The server's URL for a database; without a name, the maintenance database `postgres` (to create others). */
function serverUrl(dbName = 'postgres') {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${dbName}`;
  return url.toString();
}
const templateName = () => `${new URL(process.env.TEST_DATABASE_URL!).pathname.slice(1)}_tpl`;

async function seed(database: Database) {
  await migrate(database.db);
  await bootstrap(database, { adminPassword: TEST_ADMIN_PASSWORD, demo: true, now: () => TEST_NOW });
}

/** Vitest global setup: build the snapshot once per run. */
export async function prepareSnapshot(which: 'pglite' | 'postgres' = engine) {
  if (which === 'pglite') {
    const database = await openPglite(undefined);
    await seed(database);
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    writeFileSync(SNAPSHOT, Buffer.from(await (await database.dump!()).arrayBuffer()));
    await database.close();
    return;
  }
  if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateName()} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${templateName()}`);
  await admin.end();
  const database = await openPostgres(serverUrl(templateName()), 2);
  await seed(database);
  await database.close();
}

/** A database of its own for one test file, with the demo data; `close` removes it. */
export async function freshDatabase(): Promise<Database> {
  if (engine === 'pglite') {
    if (!existsSync(SNAPSHOT)) await prepareSnapshot();
    return openPglite(undefined, new Blob([readFileSync(SNAPSHOT)]));
  }
  const name = `${templateName().replace(/_tpl$/, '')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
  await admin.end();
  const database = await openPostgres(serverUrl(name), 5);
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
