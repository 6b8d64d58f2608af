// Two kehoach processes on one PostgreSQL, started together on a new database, as behind a load balancer:
// one migrates and seeds while the other waits, a session works on both, an upload is served by both,
// and the reminder job that both run produces each reminder once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from './db/migrate.ts';
import { engine, TEST_NOW } from './test/engines.ts';
import { logIn, startKehoach, type KehoachProcess } from './test/processes.ts';

const serverUrl = (name: string) => {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://localhost/postgres');
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl(database) });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

describe.skipIf(engine !== 'postgres')('two kehoach processes on one PostgreSQL', () => {
  const name = `kehoach_two_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-two-'));
  let a: KehoachProcess;
  let b: KehoachProcess;
  const query = async (text: string) => admin((c) => c.query(text).then((r) => r.rows), name);

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const env = (which: string) => ({
      DATABASE_URL: serverUrl(name), SESSION_SECRET: 'two-processes-secret', FILES_DIR: join(dir, 'files'),
      DATA_DIR: join(dir, which), KEHOACH_DEMO: '1', KEHOACH_ADMIN_PASSWORD: 'Admin12345', LOG_LEVEL: 'debug',
      // The demo's due dates are fixed: on some days none falls in the reminder windows, so the clock is the tests' one.
      KEHOACH_NOW: TEST_NOW.toISOString(),
    });
    // Started together on an empty database: both reach migrations at once.
    [a, b] = await Promise.all([startKehoach(env('a')), startKehoach(env('b'))]);
    await Promise.all([a.ready(), b.ready()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    rmSync(dir, { recursive: true, force: true });
  });

  it('both come up on a new database, which one of them migrated and seeded while the other waited', async () => {
    const applied = await query('SELECT tag FROM kehoach_migrations ORDER BY idx');
    expect(applied.map((r) => r.tag)).toEqual(loadMigrations().map((m) => m.tag));
    expect(await query(`SELECT count(*)::int AS n FROM users WHERE username = 'admin'`)).toEqual([{ n: 1 }]);
    // Exactly one process created the administrator and the demo tenants.
    const creators = [a, b].filter((p) => p.output().includes('mật khẩu trong KEHOACH_ADMIN_PASSWORD'));
    expect(creators).toHaveLength(1);
  });

  it('honours on one process a session made on the other', async () => {
    const session = await logIn(a.url, 'hn.xanhpon');
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('hn.xanhpon');
    const out = await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
    expect(out.status).toBe(200);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie: session.cookie } })).status).toBe(401);
  });

  it('serves from either process a file uploaded to one', async () => {
    const session = await logIn(a.url, 'hn.xanhpon');
    const content = `Biên bản họp giao ban ${name}\n`;
    const form = new FormData();
    form.append('file', new Blob([content]), 'bien-ban.txt');
    const up = await fetch(`${a.url}/api/files`, { method: 'POST', body: form, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
    expect(up.status).toBe(201);
    const [file] = ((await up.json()) as { items: { id: string }[] }).items;
    const down = await fetch(`${b.url}/api/files/${file.id}`, { headers: { cookie: session.cookie } });
    expect(down.status).toBe(200);
    expect(await down.text()).toBe(content);
  });

  it('produces each reminder once although both processes ran the reminder job', async () => {
    const ran = (p: KehoachProcess) => p.output().includes('"msg":"reminders run"');
    for (let i = 0; i < 300 && !(ran(a) && ran(b)); i++) await new Promise((r) => setTimeout(r, 100));
    expect([ran(a), ran(b)]).toEqual([true, true]);
    const [claims] = await query('SELECT (SELECT count(*) FROM reminder_claims)::int AS tasks, (SELECT count(*) FROM report_reminder_claims)::int AS reports');
    expect(claims.tasks).toBeGreaterThan(0);
    // A reminder may group several periods of a unit due the same day: item_count says how many.
    const [made] = await query(`SELECT coalesce(sum(item_count) FILTER (WHERE occurrence_id IS NOT NULL), 0)::int AS tasks,
      count(*) FILTER (WHERE kind LIKE 'report.%')::int AS reports FROM notifications`);
    expect(made).toEqual(claims);
    expect(await query(`SELECT user_id, occurrence_id, kind FROM notifications WHERE occurrence_id IS NOT NULL
      GROUP BY 1, 2, 3 HAVING count(*) > 1`)).toEqual([]);
  });
});
