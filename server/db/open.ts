// Opens the configured engine, takes the data-folder lock for PGlite or the start-up lock for PostgreSQL,
// migrates and runs the first-start work; opens the read replica when one is configured.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { compilePglite, openPglite, openPostgres, redactUrl, type Database } from './client.ts';
import { lockDataDir } from './lock.ts';
import { migrate } from './migrate.ts';
import { openReplica } from './replica.ts';
import { copySnapshot, snapshotProblem } from './snapshot.ts';

export type OpenedDatabase = Database & {
  describe: string;
  /** PGlite only, when the data folder was new: whether it was copied from the snapshot or made by initdb. */
  created?: 'snapshot' | 'initdb';
};

/**
 * `prepare` (the first administrator, the demo data) runs after the migrations under the same lock, so
 * processes starting together on a new database neither migrate nor seed it twice.
 */
export async function openDatabase(config: Config, prepare?: (database: Database) => Promise<void>): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl);
    try {
      await database.exclusive!(async () => {
        await migrate(database.db);
        await prepare?.(database);
      });
    } catch (e) {
      await database.close();
      throw e;
    }
    const describe = `PostgreSQL ${redactUrl(config.databaseUrl)}`;
    if (!config.databaseReadUrl) return { ...database, describe };
    const replica = openReplica(config.databaseReadUrl);
    return {
      ...database, replica,
      close: async () => { await replica.close(); await database.close(); },
      describe: `${describe}, đọc từ bản sao ${replica.describe}`,
    };
  }
  const release = lockDataDir(config.dataDir);
  try {
    const dir = join(config.dataDir, 'db');
    const { database, created } = await openEmbedded(dir, config.pgliteSnapshot, config.pgliteSharedBuffers);
    // A failed first-start step (seeding, a restore) closes the database cleanly before the lock is let go.
    await prepare?.(database).catch(async (e) => { await database.close().catch(() => {}); throw e; });
    return { ...database, created, close: async () => { await database.close(); release(); }, describe: `PGlite (nhúng) tại ${dir}` };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * Opens and migrates the PGlite folder `dir`. A missing one is copied from `snapshot` when that suits this
 * code, and made by initdb otherwise — also when the copy fails to open or to migrate, which costs the seconds
 * the snapshot was to save but never a start-up. (An empty folder made beforehand, maybe a mount point, is
 * left to initdb as before.)
 */
async function openEmbedded(dir: string, snapshot: string | undefined, configured: string | undefined): Promise<{ database: Database; created?: OpenedDatabase['created'] }> {
  compilePglite().catch(() => {}); // meanwhile; awaited (and its failure reported) by openPglite
  const missing = !existsSync(dir);
  // PGlite sets up its 128 MB buffer pool on every start, 0.9 s of it; a new database is empty, so it starts with
  // 64 MB (0.5 s), and from its next start on gets the larger pool that a grown database reads faster with
  // (a tenth more requests a second on a province's data).
  const sharedBuffers = configured ?? (missing ? '64MB' : undefined);
  const isNew = missing || readdirSync(dir).length === 0;
  if (missing && snapshot) {
    const problem = snapshotProblem(snapshot);
    if (problem === null) {
      let copied = false;
      let database: Database | undefined;
      try {
        await copySnapshot(snapshot, dir);
        copied = true;
        database = await openPglite(dir, undefined, sharedBuffers);
        await migrate(database.db);
        return { database, created: 'snapshot' };
      } catch (e) {
        await database?.close().catch(() => {});
        if (copied) rmSync(dir, { recursive: true, force: true }); // made just now from the snapshot: nothing of the operator's
        console.warn(`Không mở được cơ sở dữ liệu dựng sẵn ${snapshot} (${(e as Error).message}); tạo cơ sở dữ liệu mới bằng initdb.`);
      }
    } else if (existsSync(snapshot)) {
      console.warn(`Không dùng cơ sở dữ liệu dựng sẵn ${snapshot}: ${problem}. Tạo cơ sở dữ liệu mới bằng initdb (chậm hơn); "npm run build" dựng lại bản dựng sẵn.`);
    }
  }
  const database = await openPglite(dir, undefined, sharedBuffers);
  try {
    await migrate(database.db);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { database, created: isNew ? 'initdb' : undefined };
}
