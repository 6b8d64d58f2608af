// The operator's side of `npx kehoach backup FILE` and `npx kehoach restore FILE`: arguments, opening the
// configured database, and the Vietnamese summary or refusal.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config.ts';
import { openPglite, openPostgres, redactUrl, type Database, type Engine } from '../db/client.ts';
import { DataDirLockedError, lockDataDir } from '../db/lock.ts';
import { loadMigrations, MigrationDivergedError } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { refuseExisting, writeBackup } from './backup.ts';
import { assertSameMigrations, checkBackup } from './check.ts';
import { BackupError } from './format.ts';
import { restoreBackup, type RestoreResult } from './restore.ts';

const count = (n: number) => n.toLocaleString('vi-VN');
const size = (bytes: number) => bytes < 1024 * 1024
  ? `${Math.ceil(bytes / 1024).toLocaleString('vi-VN')} kB`
  : `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
const seconds = (ms: number) => `${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây`;
const ENGINE: Record<Engine, string> = { pglite: 'PGlite (nhúng)', postgres: 'PostgreSQL' };

export async function backupCommand(argv: string[]): Promise<number> {
  const args = parse(argv, { 'allow-missing-files': { type: 'boolean' } });
  if (typeof args === 'number') return args;
  const file = args.positionals[0];
  if (!file) {
    console.error('Thiếu tên tệp sao lưu. Ví dụ: npx kehoach backup sao-luu-2026-11-23.kehoach');
    return 2;
  }
  return reported(async () => {
    const started = Date.now();
    refuseExisting(resolve(file)); // before the database is opened, which takes seconds on PGlite
    const config = loadConfig();
    const database = await openForBackup(config);
    try {
      const r = await writeBackup(database, resolve(file), { filesDir: config.filesDir, allowMissingFiles: args.values['allow-missing-files'] === true });
      console.log(`Đã sao lưu ${database.describe} vào ${r.file}: ${count(r.tables)} bảng, ${count(r.rows)} dòng, ` +
        `${count(r.files)} tệp đã tải lên (${size(r.fileBytes)}); tệp sao lưu ${size(r.bytes)}, mất ${seconds(Date.now() - started)}.`);
      if (r.missingFiles.length) console.warn(`! ${r.missingFiles.length} tệp đã tải lên bị thiếu trên đĩa nên không có trong bản sao lưu: ${r.missingFiles.slice(0, 5).join(', ')}${r.missingFiles.length > 5 ? '…' : ''}`);
      const code = loadMigrations();
      if (r.migrations.length !== code.length || r.migrations.some((m, i) => m.hash !== code[i]?.hash)) {
        console.warn(`! Cơ sở dữ liệu đang ở ${r.migrations.length} migration, còn kehoach này có ${code.length}: ` +
          'bản sao lưu chỉ khôi phục được bằng phiên bản kehoach có đúng các migration của cơ sở dữ liệu.');
      }
      return 0;
    } finally {
      await database.close();
    }
  });
}

export async function restoreCommand(argv: string[]): Promise<number> {
  const args = parse(argv, { force: { type: 'boolean' } });
  if (typeof args === 'number') return args;
  const file = args.positionals[0];
  if (!file) {
    console.error('Thiếu tệp sao lưu cần khôi phục. Ví dụ: npx kehoach restore sao-luu-2026-11-23.kehoach');
    return 2;
  }
  return reported(async () => {
    const started = Date.now();
    const path = resolve(file);
    // The file is read through before the database is opened: a damaged or foreign backup does not even create it.
    const checked = await checkBackup(path);
    assertSameMigrations(checked.manifest);
    const config = loadConfig();
    let result: RestoreResult | undefined;
    let failure: unknown;
    // Runs as openDatabase's first-start work, without the first administrator or the demo data: under the
    // data-folder lock (PGlite) or the start-up lock (PostgreSQL), so a kehoach starting meanwhile waits.
    const database = await openDatabase(config, async (opened) => {
      try {
        result = await restoreBackup(opened, path, { filesDir: config.filesDir, force: args.values.force === true, checked });
      } catch (e) {
        failure = e;
      }
    });
    await database.close();
    if (!result) throw failure;
    const r = result;
    const createdAt = new Date(r.source.createdAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    console.log(`Đã khôi phục ${path} (kehoach ${r.source.kehoachVersion}, ${ENGINE[r.source.engine] ?? r.source.engine}, sao lưu lúc ${createdAt}) ` +
      `vào ${database.describe}: ${count(r.tables)} bảng, ${count(r.rows)} dòng, ${count(r.files)} tệp đã tải lên (${size(r.fileBytes)}), ` +
      `mất ${seconds(Date.now() - started)}. Số dòng và mã băm từng bảng khớp bản sao lưu.`);
    if (r.emptied.length) console.log(`Dữ liệu cũ của ${r.emptied.length} bảng đã được thay (--force).`);
    if (r.missingFiles.length) console.warn(`! ${r.missingFiles.length} tệp đã tải lên vẫn thiếu (bản sao lưu được tạo với --allow-missing-files): ${r.missingFiles.slice(0, 5).join(', ')}${r.missingFiles.length > 5 ? '…' : ''}`);
    console.log('Phiên đăng nhập không được sao lưu: mọi người đăng nhập lại.');
    return 0;
  });
}

function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (e) {
    console.error(`Tham số không hợp lệ: ${(e as Error).message}\nXem hướng dẫn: npx kehoach help`);
    return 2;
  }
}

/** A refusal is an expected outcome: its message alone, exit code 1; anything else goes to the CLI's handler. */
async function reported(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof BackupError || e instanceof DataDirLockedError || e instanceof MigrationDivergedError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

/**
 * The database as it is, without migrating it (a backup changes nothing) nor creating a missing PGlite folder.
 * PGlite allows one process per folder, so its backup takes the data-folder lock like a start does.
 */
async function openForBackup(config: Config): Promise<Database & { describe: string }> {
  if (config.databaseUrl) return { ...(await openPostgres(config.databaseUrl, 2)), describe: `PostgreSQL ${redactUrl(config.databaseUrl)}` };
  const dir = join(config.dataDir, 'db');
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    throw new BackupError('no_database', `Không có cơ sở dữ liệu nhúng nào ở ${dir} để sao lưu. DATA_DIR (hoặc DATABASE_URL) đã đúng chưa?`);
  }
  let release: () => void;
  try {
    release = lockDataDir(config.dataDir);
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    throw new BackupError('locked', `${e.message} Sao lưu cơ sở dữ liệu nhúng (PGlite) cần dừng máy chủ kehoach trước; ` +
      'với PostgreSQL (DATABASE_URL) thì sao lưu được ngay khi máy chủ đang chạy.');
  }
  try {
    const database = await openPglite(dir);
    return { ...database, close: async () => { await database.close(); release(); }, describe: `PGlite (nhúng) tại ${dir}` };
  } catch (e) {
    release();
    throw e;
  }
}
