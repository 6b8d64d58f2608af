// Backup and restore on the engine under test (and across engines when a PostgreSQL server is given): the restored
// system is identical — every data table's row count and content hash, every uploaded file's SHA-256, the audit
// chains — and a non-empty target, a damaged or edited backup, or a foreign schema is refused, changing nothing.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { bootstrap } from '../bootstrap.ts';
import { loadConfig, type Config } from '../config.ts';
import { openPglite, openPostgres, type Database, type Engine } from '../db/client.ts';
import { lockDataDir } from '../db/lock.ts';
import { openDatabase } from '../db/open.ts';
import { verifyAllChains } from '../modules/audit/service.ts';
import { engine, freshDatabase, TEST_ADMIN_PASSWORD, TEST_NOW } from '../test/engines.ts';
import { signIn } from '../test/harness.ts';
import { BackupError, BackupReader, BackupWriter, type Manifest } from './format.ts';
import { digestDatabase, Digest, fileDigests, joinRows, type TableDigest } from './hashes.ts';
import { restoreBackup } from './restore.ts';
import { writeBackup } from './backup.ts';
import { checkBackup } from './check.ts';

const work = mkdtempSync(join(tmpdir(), 'kehoach-backup-'));
const pgServer = process.env.TEST_DATABASE_URL;
const pgUrl = (name: string) => { const u = new URL(pgServer!); u.pathname = `/${name}`; return u.toString(); };
async function pgAdmin(statement: string) {
  const c = new pg.Client({ connectionString: pgUrl('postgres') });
  await c.connect();
  try { await c.query(statement); } finally { await c.end(); }
}
const dropLater: string[] = [];
async function newPgDatabase(): Promise<string> {
  const name = `kehoach_bk_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await pgAdmin(`CREATE DATABASE ${name}`);
  dropLater.push(name);
  return pgUrl(name);
}

const configFor = (dataDir: string, databaseUrl?: string): Config =>
  loadConfig({ dataDir, databaseUrl, sessionSecret: 'test-secret', demo: false, loginDelayScale: 0, now: () => TEST_NOW });

/** An empty database of `kind`, migrated the way `kehoach restore` opens one, with its own files folder. */
async function emptyTarget(kind: Engine) {
  const config = configFor(mkdtempSync(join(work, 'target-')), kind === 'postgres' ? await newPgDatabase() : undefined);
  return { config, database: await openDatabase(config) };
}

const cli = (env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
  env: { ...process.env, DATABASE_URL: '', FILES_DIR: '', KEHOACH_NOW: '', ...env }, encoding: 'utf8',
});

let source: { config: Config; env: Record<string, string> };
let want: { tables: Record<string, TableDigest>; files: Record<string, string | null> };
const backupFile = join(work, 'sao-luu.kehoach');
/** A binary upload with every byte value, beside the demo's PDFs. */
const picture = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(4096)]);

beforeAll(async () => {
  // The demo data with its files on disk (the shared test snapshot has the rows but not the files), plus an upload.
  const config = configFor(join(work, 'source'), engine === 'postgres' ? await newPgDatabase() : undefined);
  const database = await openDatabase(config, async (d) => { await bootstrap(d, { adminPassword: TEST_ADMIN_PASSWORD, demo: true, filesDir: config.filesDir, now: () => TEST_NOW }); });
  const app = await buildApp({ config, database });
  await app.ready();
  const focal = await signIn(app, 'hp.viettiep');
  const up = await focal.upload('/api/files', [{ name: 'Ảnh chụp hồ sơ.png', content: picture }, { name: 'Biên bản kiểm tra.pdf', content: Buffer.from('%PDF-1.4\n% biên bản\n%%EOF\n') }]);
  expect(up.status).toBe(201);
  await app.close();
  want = { tables: await digestDatabase(database.db), files: await fileDigests(database.db, config.filesDir) };
  await database.close(); // PGlite: one process per folder, and the CLI is the next
  source = { config, env: { DATA_DIR: config.dataDir, DATABASE_URL: config.databaseUrl ?? '' } };
}, 120_000);

afterAll(async () => {
  for (const name of dropLater) await pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

async function expectIdentical(database: Database, filesDir: string) {
  expect(await digestDatabase(database.db)).toEqual(want.tables);
  expect(await fileDigests(database.db, filesDir)).toEqual(want.files);
  const chains = await verifyAllChains(database.db);
  expect(chains.length).toBeGreaterThan(1);
  expect(chains.filter((c) => c.broken)).toEqual([]);
}

describe('kehoach backup / restore', () => {
  it('holds what it should: demo data, the audit chains, every file named by its hash', () => {
    expect(want.tables.users.rows).toBeGreaterThan(10);
    expect(want.tables.audit_events.rows).toBeGreaterThan(10);
    expect(want.tables.sessions).toBeUndefined(); // log-ins are not data
    expect(want.tables.kehoach_migrations).toBeUndefined();
    expect(Object.keys(want.files).length).toBeGreaterThan(20);
    for (const [sha, actual] of Object.entries(want.files)) expect(actual).toBe(sha);
  });

  it('backs up through the CLI and restores into a new empty database of the same engine, identical', async () => {
    if (engine === 'pglite') {
      const release = lockDataDir(source.config.dataDir); // as a running server holds it
      const locked = cli(source.env, 'backup', backupFile);
      release();
      expect(locked.status).toBe(1);
      expect(locked.stderr).toMatch(/đang được một tiến trình kehoach khác sử dụng.*cần dừng máy chủ kehoach trước/s);
    }
    const made = cli(source.env, 'backup', backupFile);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(new RegExp(`Đã sao lưu .* ${Object.keys(want.files).length} tệp đã tải lên`));
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(cli(source.env, 'backup', backupFile).stderr).toMatch(/đã có.*không ghi đè/); // never overwrites a backup

    const dataDir = mkdtempSync(join(work, 'cli-target-'));
    const url = engine === 'postgres' ? await newPgDatabase() : '';
    const restored = cli({ DATA_DIR: dataDir, DATABASE_URL: url }, 'restore', backupFile);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Đã khôi phục .* \d+ bảng, [\d.]+ dòng, \d+ tệp đã tải lên .*khớp bản sao lưu/);
    const database = url ? await openPostgres(url, 2) : await openPglite(join(dataDir, 'db'));
    try {
      await expectIdentical(database, join(dataDir, 'files'));
    } finally {
      await database.close();
    }
  }, 90_000);

  it.runIf(pgServer)(`restores across engines: ${engine === 'pglite' ? 'PGlite to PostgreSQL' : 'PostgreSQL to PGlite'}`, async () => {
    const target = await emptyTarget(engine === 'pglite' ? 'postgres' : 'pglite');
    try {
      const r = await restoreBackup(target.database, backupFile, { filesDir: target.config.filesDir });
      expect(r.source.engine).toBe(engine);
      await expectIdentical(target.database, target.config.filesDir);
    } finally {
      await target.database.close();
    }
  }, 60_000);

  describe('into a database that already has data', () => {
    let target: Database;
    let before: Record<string, TableDigest>;
    const filesDir = join(work, 'busy-files');
    beforeAll(async () => {
      target = await freshDatabase(); // the demo data, made at another moment: other ids, other times
      before = await digestDatabase(target.db);
    });
    afterAll(async () => { await target.close(); });

    const refused = async (file: string, code: BackupError['code'], message: RegExp) => {
      const e = await restoreBackup(target, file, { filesDir, force: true }).then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(BackupError);
      expect((e as BackupError).code).toBe(code);
      expect((e as BackupError).message).toMatch(message);
      expect(await digestDatabase(target.db)).toEqual(before);
      expect(blobsIn(filesDir)).toEqual([]); // files it wrote are taken back
    };

    it('will not back up without the files the database names, unless told to', async () => {
      const file = join(work, 'thieu-tep.kehoach');
      const e = await writeBackup(target, file, { filesDir }).then(() => null, (x: unknown) => x);
      expect((e as BackupError).code).toBe('missing_blobs');
      expect((e as BackupError).message).toMatch(/Thiếu \d+ tệp đã tải lên .*--allow-missing-files/);
      expect(existsSync(file)).toBe(false);
      const r = await writeBackup(target, file, { filesDir, allowMissingFiles: true });
      expect(r.missingFiles.length).toBeGreaterThan(20);
      expect((await checkBackup(file)).end.missingFiles).toEqual(r.missingFiles);
    });

    it('refuses a damaged or edited backup, or one of another schema, leaving the target as it was', async () => {
      const bytes = readFileSync(backupFile);
      const flipped = Buffer.from(bytes);
      flipped[Math.floor(bytes.length / 2)] ^= 0x20;
      writeFileSync(join(work, 'flipped.kehoach'), flipped);
      await refused(join(work, 'flipped.kehoach'), 'corrupt', /bị hỏng hoặc không phải tệp sao lưu/);
      writeFileSync(join(work, 'cut.kehoach'), bytes.subarray(0, bytes.length - 100));
      await refused(join(work, 'cut.kehoach'), 'corrupt', /bị hỏng/);
      await refused(join(work, 'khong-co.kehoach'), 'missing_file', /Không tìm thấy tệp sao lưu/);

      const renameAdmin = (table: string, lines: string[]) => table !== 'users' ? lines : lines.map((l) => l.replace('"Quản trị hệ thống"', '"Quản trị hệ thốnG"'));
      await rewrite(backupFile, join(work, 'edited.kehoach'), { rows: renameAdmin, keepHashes: true });
      await refused(join(work, 'edited.kehoach'), 'corrupt', /dữ liệu bảng “users” không khớp mã băm/);
      // Edited with the hashes written again, the load itself is the check: a value in a form PostgreSQL prints
      // differently (an offset "+00:00") reads back unlike the backup, and the whole transaction is undone.
      const offset = (table: string, lines: string[]) => table !== 'tenants' ? lines : [lines[0].replace(/(\d\d:\d\d:\d\d(?:\.\d+)?)\+00"/, '$1+00:00"'), ...lines.slice(1)];
      await rewrite(backupFile, join(work, 'reformatted.kehoach'), { rows: offset });
      await refused(join(work, 'reformatted.kehoach'), 'hash_mismatch', /Dữ liệu bảng “tenants” sau khi nạp khác bản sao lưu.*giữ nguyên/);

      await rewrite(backupFile, join(work, 'v2.kehoach'), { manifest: (m) => { m.formatVersion = 2; } });
      await refused(join(work, 'v2.kehoach'), 'format_version', /định dạng phiên bản 2 .*chỉ đọc định dạng phiên bản 1/);
      await rewrite(backupFile, join(work, 'older.kehoach'), { manifest: (m) => { m.migrations.pop(); } });
      await refused(join(work, 'older.kehoach'), 'migrations_differ', /migration thứ \d+ là “\(không có\)” trong bản sao lưu.*đúng phiên bản kehoach/);
      await rewrite(backupFile, join(work, 'changed.kehoach'), { manifest: (m) => { m.migrations[1].hash = '0'.repeat(64); } });
      await refused(join(work, 'changed.kehoach'), 'migrations_differ', /migration “0001_foundation” có nội dung khác/);
    }, 60_000);

    it('refuses without --force and changes nothing; with --force replaces everything, identical', async () => {
      const e = await restoreBackup(target, backupFile, { filesDir }).then(() => null, (x: unknown) => x);
      expect((e as BackupError).code).toBe('not_empty');
      expect((e as BackupError).message).toMatch(/Cơ sở dữ liệu đích đã có dữ liệu \(bảng .*chạy lại với --force.*Chưa thay đổi gì/);
      expect(await digestDatabase(target.db)).toEqual(before);

      const r = await restoreBackup(target, backupFile, { filesDir, force: true });
      expect(r.emptied).toContain('users');
      expect(r.files).toBe(Object.keys(want.files).length);
      await expectIdentical(target, filesDir);
    }, 60_000);
  });
});

const blobsIn = (dir: string) => existsSync(dir)
  ? (readdirSync(dir, { recursive: true }) as string[]).filter((p) => statSync(join(dir, p)).isFile())
  : [];

/** Re-writes a backup through edits, recomputing lengths and (unless keepHashes) table hashes as a careful forger would. */
async function rewrite(from: string, to: string, edit: { manifest?: (m: Manifest) => void; rows?: (table: string, lines: string[]) => string[]; keepHashes?: boolean }) {
  const reader = new BackupReader(from);
  const writer = new BackupWriter(to);
  let digest = new Digest();
  for (let r = await reader.next(); r; r = await reader.next()) {
    if (r.type === 'manifest') {
      edit.manifest?.(r);
      await writer.record(r);
    } else if (r.type === 'rows') {
      const lines = (await reader.payload(r.bytes)).toString('utf8').split('\n').slice(0, -1);
      const payload = Buffer.from(joinRows(edit.rows?.(r.table, lines) ?? lines));
      digest.addBlock(payload, r.rows);
      await writer.record({ ...r, bytes: payload.length }, payload);
    } else if (r.type === 'table') {
      await writer.record(edit.keepHashes ? r : { ...r, ...digest.result() });
      digest = new Digest();
    } else if (r.type === 'file') {
      await writer.record(r, await reader.payload(r.bytes));
    } else {
      await writer.record(r);
    }
  }
  await writer.close();
}
