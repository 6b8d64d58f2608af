import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';
import { loadMigrations, migrate, MigrationDivergedError } from './migrate.ts';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rowsOf } from './client.ts';
import { engine, freshDatabase } from '../test/engines.ts';

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

  it.skipIf(process.platform !== 'linux')('takes over a lock whose pid now belongs to a process started after it (a reused pid)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-lock-'));
    writeFileSync(join(dir, 'kehoach.lock'), JSON.stringify({ pid: process.ppid, startedAt: new Date().toISOString() }));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError); // the parent started before this lock: it may hold it
    writeFileSync(join(dir, 'kehoach.lock'), JSON.stringify({ pid: process.ppid, startedAt: '2020-01-01T00:00:00.000Z' }));
    lockDataDir(dir)(); // the parent started long after: the pid was reused, the lock is stale
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

describe('PostgreSQL connections', () => {
  // Only the server engine has connections a server can close; PGlite runs in the process.
  it.runIf(engine === 'postgres')('survive the server closing an idle one: the process goes on, the next query gets a new connection', async () => {
    const database = await freshDatabase();
    try {
      const pid = rowsOf<{ pid: number }>(await database.db.execute(sql`SELECT pg_backend_pid() AS pid`))[0].pid;
      const unhandled: unknown[] = [];
      const onError = (e: unknown) => unhandled.push(e);
      process.on('uncaughtException', onError);
      try {
        const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await admin.connect();
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await admin.end();
        await new Promise((r) => setTimeout(r, 300));
      } finally {
        process.off('uncaughtException', onError);
      }
      expect(unhandled).toEqual([]);
      const again = rowsOf<{ pid: number }>(await database.db.execute(sql`SELECT pg_backend_pid() AS pid`))[0].pid;
      expect(again).not.toBe(pid);
    } finally {
      await database.close();
    }
  });
});
