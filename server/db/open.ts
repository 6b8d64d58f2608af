// Opens the configured engine, takes the data-folder lock for PGlite, and migrates.
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { openPglite, openPostgres, redactUrl, type Database } from './client.ts';
import { lockDataDir } from './lock.ts';
import { migrate } from './migrate.ts';

export async function openDatabase(config: Config): Promise<Database & { describe: string }> {
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl);
    await migrate(database.db);
    return { ...database, describe: `PostgreSQL ${redactUrl(config.databaseUrl)}` };
  }
  const release = lockDataDir(config.dataDir);
  try {
    const dir = join(config.dataDir, 'db');
    const database = await openPglite(dir);
    await migrate(database.db);
    return { ...database, close: async () => { await database.close(); release(); }, describe: `PGlite (nhúng) tại ${dir}` };
  } catch (e) {
    release();
    throw e;
  }
}
