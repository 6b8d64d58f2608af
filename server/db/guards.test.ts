import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';
import { loadMigrations, migrate, MigrationDivergedError } from './migrate.ts';
import { freshDatabase } from '../test/engines.ts';

describe('data folder lock', () => {
  it('refuses a second holder while the first lives, and takes over a stale lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-lock-'));
    // A live holder: this test process's parent is alive for the duration.
    writeFileSync(join(dir, 'kehoach.lock'), JSON.stringify({ pid: process.ppid }));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/đang được một tiến trình kehoach khác sử dụng/);
    // A holder that was killed: a pid that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    writeFileSync(join(dir, 'kehoach.lock'), JSON.stringify({ pid: dead }));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    lockDataDir(dir)();
  });
});

describe('migrations', () => {
  it('are all applied and a second run applies nothing', async () => {
    const database = await freshDatabase();
    try {
      expect(await migrate(database.db)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('refuse a database whose applied list diverged from the code', async () => {
    const database = await freshDatabase();
    try {
      const code = loadMigrations();
      const edited = code.map((m, i) => (i === 1 ? { ...m, hash: 'edited' } : m));
      await expect(migrate(database.db, edited)).rejects.toThrow(MigrationDivergedError);
      await expect(migrate(database.db, code.slice(0, 1))).rejects.toThrow(/mã nguồn không có/);
    } finally {
      await database.close();
    }
  });
});
