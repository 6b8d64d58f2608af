// A new embedded data folder starts as a copy of the build's snapshot of a migrated database instead of initdb,
// and a snapshot that does not suit the code (missing, made from edited migrations or by another PGlite,
// damaged) never stops a start: the folder is then made by initdb as before.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { snapshotDue } from '../../scripts/build-state.mjs';
import { engine } from '../test/engines.ts';
import { openPglite, rowsOf } from './client.ts';
import { loadMigrations } from './migrate.ts';
import { openDatabase, type OpenedDatabase } from './open.ts';
import { copySnapshot, makeSnapshot, manifestPathOf, snapshotProblem, type SnapshotManifest } from './snapshot.ts';

const migrations = loadMigrations();
const allTags = migrations.map((m) => m.tag);
const scratches: string[] = [];
const scratch = () => { const d = mkdtempSync(join(tmpdir(), 'kehoach-snapshot-')); scratches.push(d); return d; };

const tagsOf = async (database: OpenedDatabase) =>
  rowsOf<{ tag: string }>(await database.db.execute(sql`SELECT tag FROM kehoach_migrations ORDER BY idx`)).map((r) => r.tag);

const openNew = (pgliteSnapshot: string | undefined, dataDir = scratch()) =>
  openDatabase(loadConfig({ dataDir, sessionSecret: 'snapshot-test', pgliteSnapshot }));

describe.skipIf(engine !== 'pglite')('new embedded data folders from the snapshot', () => {
  const dir = scratch();
  const current = join(dir, 'current');
  const older = join(dir, 'older');
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const manifestOf = (snapshot: string) => JSON.parse(readFileSync(manifestPathOf(snapshot), 'utf8')) as SnapshotManifest;
  /** A copy of `snapshot` whose manifest `change` alters. */
  const variant = (snapshot: string, name: string, change: (m: SnapshotManifest) => void = () => {}) => {
    const copy = join(dir, name);
    cpSync(snapshot, copy, { recursive: true });
    const manifest = manifestOf(snapshot);
    change(manifest);
    writeFileSync(manifestPathOf(copy), JSON.stringify(manifest));
    return copy;
  };

  beforeAll(async () => {
    await makeSnapshot(current);
    await makeSnapshot(older, migrations.slice(0, -2));
  }, 300_000);
  afterAll(() => {
    warn.mockRestore();
    for (const d of scratches) rmSync(d, { recursive: true, force: true }); // 40 MB each
  });

  it('opens with every migration applied, keeps what is written, and reopens as an existing folder', async () => {
    const dataDir = scratch();
    const database = await openNew(current, dataDir);
    expect(database.created).toBe('snapshot');
    // A new database starts with a small buffer pool (it is empty, and the pool's set-up is part of every start).
    expect(rowsOf(await database.db.execute(sql`SHOW shared_buffers`))).toEqual([{ shared_buffers: '64MB' }]);
    expect(await tagsOf(database)).toEqual(allTags);
    // The migrations' extensions work in the unpacked folder (they live outside it, in PGlite's files).
    expect(rowsOf(await database.db.execute(sql`SELECT unaccent('Sở Y tế Đồng Tháp') AS s, similarity('kế hoạch', 'ke hoach') > 0 AS t`)))
      .toEqual([{ s: 'So Y te Dong Thap', t: true }]);
    expect((await bootstrap(database, { adminPassword: 'Admin12345', demo: false })).adminCreated).toBe(true);
    await database.close();
    expect(readdirSync(dataDir).sort()).toEqual(['db']); // no scratch folder left

    // Opened again with the buffer pool an operator set (PGLITE_SHARED_BUFFERS), then with PGlite's own.
    const bigger = await openDatabase(loadConfig({ dataDir, sessionSecret: 'snapshot-test', pgliteSnapshot: current, pgliteSharedBuffers: '96MB' }));
    expect(rowsOf(await bigger.db.execute(sql`SHOW shared_buffers`))).toEqual([{ shared_buffers: '96MB' }]);
    await bigger.close();
    const again = await openNew(current, dataDir);
    expect(rowsOf(await again.db.execute(sql`SHOW shared_buffers`))).toEqual([{ shared_buffers: '128MB' }]);
    expect(again.created).toBeUndefined();
    expect((await bootstrap(again, { adminPassword: 'Admin12345', demo: false })).adminCreated).toBe(false);
    await again.close();
  }, 120_000);

  it('applies the migrations newer than an older snapshot', async () => {
    expect(snapshotProblem(older)).toBeNull();
    const database = await openNew(older);
    expect(database.created).toBe('snapshot');
    expect(await tagsOf(database)).toEqual(allTags);
    await database.close();
  }, 120_000);

  it('names what is wrong with a missing snapshot, one from edited migrations or from another PGlite', () => {
    expect(snapshotProblem(join(dir, 'missing'))).toMatch(/chưa có/);
    expect(manifestOf(current).migrations.map((m) => m.tag)).toEqual(allTags);
    expect(snapshotProblem(variant(current, 'edited', (m) => { m.migrations[1].hash = 'sửa sau khi dựng'; }))).toMatch(`migration "${allTags[1]}" đã khác mã nguồn`);
    expect(snapshotProblem(variant(current, 'removed', (m) => { m.migrations.push({ tag: '9999_gone', hash: 'x' }); }))).toMatch('"9999_gone"');
    expect(snapshotProblem(variant(current, 'pglite', (m) => { m.pglite = '0.0.1'; }))).toMatch(/PGlite 0\.0\.1/);
    expect(snapshotProblem(current)).toBeNull();
  });

  it('is rebuilt by `npm start` when made from other migrations or by another PGlite (scripts/build-state.mjs agrees)', () => {
    expect(snapshotDue(current)).toBe(false);
    expect(snapshotDue(older)).toBe(true);
    expect(snapshotDue(variant(current, 'due-pglite', (m) => { m.pglite = '0.0.1'; }))).toBe(true);
    expect(snapshotDue(join(dir, 'missing'))).toBe(true);
  });

  it('makes a folder by initdb when the snapshot is from edited migrations', async () => {
    const stale = variant(current, 'stale', (m) => { m.migrations[0].hash = 'sửa sau khi dựng'; });
    warn.mockClear();
    const database = await openNew(stale);
    expect(database.created).toBe('initdb');
    expect(await tagsOf(database)).toEqual(allTags);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Không dùng cơ sở dữ liệu dựng sẵn .*đã khác mã nguồn/));
    await database.close();
  }, 120_000);

  it('leaves nothing of a snapshot that cannot be copied', async () => {
    const broken = variant(current, 'broken');
    symlinkSync(join(dir, 'nowhere'), join(broken, 'base', 'dangling'));
    const target = join(scratch(), 'db');
    await expect(copySnapshot(broken, target)).rejects.toThrow(/mục lạ/);
    expect(existsSync(target) || existsSync(`${target}.copying`)).toBe(false);
  });

  it('makes a folder by initdb when the copy does not migrate (its manifest did not tell the truth)', async () => {
    // The older snapshot, with a migration it applied edited, and a manifest that claims the code's migrations.
    const lying = variant(older, 'lying', (m) => { m.migrations = migrations.map(({ tag, hash }) => ({ tag, hash })); });
    const edit = await openPglite(lying);
    await edit.db.execute(sql`UPDATE kehoach_migrations SET hash = 'sửa sau khi dựng' WHERE idx = 1`);
    await edit.close();
    expect(snapshotProblem(lying)).toBeNull(); // only migrate() finds out

    warn.mockClear();
    const dataDir = scratch();
    const database = await openNew(lying, dataDir);
    expect(database.created).toBe('initdb');
    expect(await tagsOf(database)).toEqual(allTags);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Không mở được cơ sở dữ liệu dựng sẵn .*migration "0001/));
    await database.close();
    expect(readdirSync(dataDir)).toEqual(['db']);
  }, 120_000);

  it('makes a folder by initdb when there is no snapshot (not built)', async () => {
    warn.mockClear();
    const database = await openNew(join(dir, 'missing'));
    expect(database.created).toBe('initdb');
    expect(warn).not.toHaveBeenCalled(); // running from the sources without a build is normal
    expect(await tagsOf(database)).toEqual(allTags);
    await database.close();
  }, 120_000);
});
