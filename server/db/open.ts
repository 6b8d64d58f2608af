// Opens the configured engine, takes the data-folder lock for PGlite or the start-up lock for PostgreSQL,
// migrates and runs the first-start work; opens the read replica when one is configured.
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { openPglite, openPostgres, redactUrl, type Database } from './client.ts';
import { lockDataDir } from './lock.ts';
import { migrate } from './migrate.ts';
import { openReplica } from './replica.ts';

export type OpenedDatabase = Database & { describe: string };

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
    const database = await openPglite(dir);
    await migrate(database.db);
    await prepare?.(database);
    return { ...database, close: async () => { await database.close(); release(); }, describe: `PGlite (nhúng) tại ${dir}` };
  } catch (e) {
    release();
    throw e;
  }
}
