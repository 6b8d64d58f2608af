// `npm run test:replica`: a real streaming replica of the local PostgreSQL 15 (pg_basebackup -R into a temporary
// folder, started on a free port), kehoach run against both, and the read routing checked over HTTP: reads on the
// replica, writes on the primary, read-your-own-writes while the replica lags, the primary when the replica stops.
// Run as root (the replica's server runs as the `postgres` user); everything is removed at the end, even on failure.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { freemem, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, logIn, startKehoach } from '../server/test/processes.ts';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const PRIMARY = new URL(process.env.PRIMARY_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const REPLICATION_LINE = `host replication all ${PRIMARY.hostname}/32 trust`;
const started = Date.now();
const cleanups: { what: string; run: () => unknown }[] = [];
const step = (text: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function check(ok: unknown, what: string): asserts ok {
  if (!ok) throw new Error(what);
  step(`✓ ${what}`);
}

const urlOf = (port: string | number, database: string) => {
  const url = new URL(PRIMARY);
  url.port = String(port);
  url.pathname = `/${database}`;
  return url.toString();
};

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return (await c.query(text, params)).rows as T[]; } finally { await c.end(); }
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) { last = e; }
    await sleep(100);
  }
  throw new Error(`${what}: not within ${ms / 1000} s${last ? ` (${(last as Error).message})` : ''}`);
}

const asPostgres = (bin: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args], { stdio: 'pipe' }).toString();

/** A browser of one user: keeps the cookies the server sets (the session and the WAL position). */
async function browser(url: string, username: string) {
  const session = await logIn(url, username);
  const jar = new Map<string, string>([session.cookie.split('=', 2) as [string, string]]);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': session.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = c.split(';')[0].split('=', 2);
      jar.set(k, v);
    }
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return { by: res.headers.get('x-kehoach-db'), body: (await res.json()) as any };
  };
  return { get: (path: string) => call('GET', path), post: (path: string, body: unknown) => call('POST', path, body) };
}

async function run(): Promise<string> {
  if (process.getuid?.() !== 0) throw new Error('cần chạy với quyền root (máy chủ bản sao chạy bằng tài khoản postgres qua runuser)');
  const primaryAdmin = urlOf(PRIMARY.port || 5432, 'postgres');
  const [settings] = await sql<Record<string, string>>(primaryAdmin, `SELECT current_setting('wal_level') AS wal_level,
    current_setting('max_wal_senders') AS max_wal_senders, current_setting('hba_file') AS hba_file,
    current_setting('max_connections') AS max_connections, current_setting('max_worker_processes') AS max_worker_processes,
    current_setting('max_prepared_transactions') AS max_prepared_transactions,
    current_setting('max_locks_per_transaction') AS max_locks_per_transaction`);
  check(settings.wal_level !== 'minimal' && Number(settings.max_wal_senders) > 0, `primary ${PRIMARY.host} can stream WAL (wal_level=${settings.wal_level})`);

  // Replication connections need their own pg_hba.conf line; added for the run and taken out again after it.
  const hba = readFileSync(settings.hba_file, 'utf8');
  if (!hba.split('\n').some((l) => /^\s*host\s+replication\s+all\s+127\.0\.0\.1\/32\s+trust\b/.test(l))) {
    writeFileSync(settings.hba_file, `${hba.replace(/\n?$/, '\n')}# added by kehoach scripts/replica-test.mts\n${REPLICATION_LINE}\n`);
    await sql(primaryAdmin, 'SELECT pg_reload_conf()');
    cleanups.push({ what: 'pg_hba.conf restored', run: async () => { writeFileSync(settings.hba_file, hba); await sql(primaryAdmin, 'SELECT pg_reload_conf()'); } });
    step(`added "${REPLICATION_LINE}" to ${settings.hba_file} and reloaded`);
  }

  // The copy goes to memory (tmpfs) when there is room for it twice over: copying and removing gigabytes on disk
  // would take most of the run. REPLICA_DIR chooses the parent folder.
  const [{ bytes }] = await sql<{ bytes: string }>(primaryAdmin, 'SELECT sum(pg_database_size(datname))::text AS bytes FROM pg_database');
  const shm = existsSync('/dev/shm') ? statfsSync('/dev/shm') : null;
  const inMemory = !!shm && shm.bavail * shm.bsize > 2 * Number(bytes) && freemem() > 3 * Number(bytes);
  const dir = mkdtempSync(join(process.env.REPLICA_DIR ?? (inMemory ? '/dev/shm' : tmpdir()), 'kehoach-replica-'));
  cleanups.push({ what: `removed ${dir}`, run: () => rmSync(dir, { recursive: true, force: true }) });
  const data = join(dir, 'data');
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
  chownSync(dir, uid, gid);

  step(`pg_basebackup of the primary into ${dir} (the whole cluster, ${(Number(bytes) / 2 ** 30).toFixed(1)} GB: its size sets the time of this step)…`);
  asPostgres('pg_basebackup', ['-h', PRIMARY.hostname, '-p', PRIMARY.port || '5432', '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync', '--no-manifest']);
  const port = await freePort();
  // Debian keeps a cluster's configuration in /etc, so the copied folder has none: the standby gets its own.
  // Limits a standby must not set below its primary's are copied from it.
  const conf = [
    `port = ${port}`, `listen_addresses = '127.0.0.1'`, `unix_socket_directories = '${dir}'`,
    'hot_standby = on', 'hot_standby_feedback = on', 'shared_buffers = 32MB', 'fsync = off',
    ...['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction'].map((k) => `${k} = ${settings[k]}`),
  ];
  writeFileSync(join(data, 'postgresql.conf'), conf.join('\n') + '\n');
  writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
  writeFileSync(join(data, 'pg_ident.conf'), '');
  for (const f of ['postgresql.conf', 'pg_hba.conf', 'pg_ident.conf']) chownSync(join(data, f), uid, gid);
  asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'replica.log'), '-w', '-t', '60', 'start']);
  let replicaRunning = true;
  const stopReplica = () => {
    if (!replicaRunning) return;
    replicaRunning = false;
    asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  cleanups.push({ what: 'replica stopped', run: stopReplica });
  const replicaAdmin = urlOf(port, 'postgres');
  await until('the replica streams from the primary', async () =>
    (await sql<{ status: string }>(replicaAdmin, 'SELECT status FROM pg_stat_wal_receiver'))[0]?.status === 'streaming');
  check((await sql<{ r: boolean }>(replicaAdmin, 'SELECT pg_is_in_recovery() AS r'))[0].r, `replica on port ${port} is a hot standby streaming from the primary`);

  const name = `kehoach_replica_${process.pid}`;
  await sql(primaryAdmin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql(primaryAdmin, `CREATE DATABASE ${name}`);
  cleanups.push({ what: `database ${name} dropped`, run: () => sql(primaryAdmin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) });
  const primaryDb = urlOf(PRIMARY.port || 5432, name);
  const replicaDb = urlOf(port, name);
  await until(`database ${name} reaches the replica`, () => sql(replicaDb, 'SELECT 1').then(() => true));

  step(`database ${name} created on the primary and replayed on the replica; starting kehoach (migrations, demo data)…`);
  const app = await startKehoach({
    DATABASE_URL: primaryDb, DATABASE_READ_URL: replicaDb, DATA_DIR: join(dir, 'app'), KEHOACH_DEMO: '1', LOG_LEVEL: 'warn',
    SESSION_SECRET: 'replica-test', KEHOACH_ADMIN_PASSWORD: 'Admin12345',
  });
  cleanups.push({ what: 'kehoach stopped', run: () => app.stop() });
  await app.ready();
  const health = (await (await fetch(`${app.url}/api/health`)).json()) as { db: string; readReplica?: string };
  check(health.db === 'postgres' && health.readReplica === 'ok', `kehoach at ${app.url} started on the primary with the replica for reads (health: ${JSON.stringify(health)})`);

  const writer = await browser(app.url, 'hn.xanhpon');
  const reader = await browser(app.url, 'hn.lanhdao');
  const occurrence = (await writer.get('/api/occurrences')).body.items.find((o: { can: { record: boolean } }) => o.can.record);
  if (!occurrence) throw new Error('hn.xanhpon has no occurrence to record progress on');

  // Reads: the replica answers, and its own statistics count the transactions.
  const replicaCommits = async () => Number((await sql<{ n: string }>(replicaAdmin, 'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = $1', [name]))[0].n);
  await until('the replica has replayed the log-ins', async () => (await reader.get('/api/occurrences')).by === 'replica');
  const before = await replicaCommits();
  const served: string[] = [];
  for (let i = 0; i < 10; i++) for (const path of ['/api/occurrences', '/api/plans']) served.push((await reader.get(path)).by ?? 'none');
  // A backend publishes its statistics at most once a second, or after 10 s idle: one more read after a second flushes them.
  await sleep(1_100);
  served.push((await reader.get('/api/plans')).by ?? 'none');
  check(served.every((s) => s === 'replica'), `${served.length} GET requests answered by the replica (x-kehoach-db: ${[...new Set(served)].join(', ')})`);
  const counted = await until('the replica counts those transactions', async () => { const d = (await replicaCommits()) - before; return d >= served.length && d; }, 15_000);
  check(counted >= served.length, `pg_stat_database on the replica: ${counted} more transactions committed in ${name}`);

  // Writes: the primary, as its data shows.
  const note1 = `Ghi lần 1 (${new Date().toISOString()})`;
  const wrote = await writer.post(`/api/occurrences/${occurrence.id}/progress`, { state: 'open', percent: 20, note: note1 });
  const onPrimary = await sql(primaryDb, 'SELECT 1 FROM progress_updates WHERE note = $1', [note1]);
  check(wrote.by === 'primary' && onPrimary.length === 1, 'progress recorded (POST) on the primary (x-kehoach-db: primary, the row is in the primary’s table)');

  // Read-your-own-writes while the replica lags: replay paused, a second write, then both users read.
  await sql(replicaAdmin, 'SELECT pg_wal_replay_pause()');
  await until('replay paused', async () => (await sql<{ s: string }>(replicaAdmin, 'SELECT pg_get_wal_replay_pause_state() AS s'))[0].s === 'paused');
  const note2 = `Ghi lần 2 khi bản sao chậm (${new Date().toISOString()})`;
  await writer.post(`/api/occurrences/${occurrence.id}/progress`, { state: 'open', percent: 60, note: note2 });
  const own = await writer.get(`/api/occurrences/${occurrence.id}`);
  check(own.by === 'primary' && own.body.updates[0]?.note === note2, 'with replay paused, the writer reads its own write at once, from the primary');
  const other = await reader.get(`/api/occurrences/${occurrence.id}`);
  check(other.by === 'replica' && other.body.updates[0]?.note !== note2, 'meanwhile another user reads from the replica, which does not have the write yet (it really lags)');
  await sql(replicaAdmin, 'SELECT pg_wal_replay_resume()');
  const caught = await until('the writer is back on the replica', async () => { const r = await writer.get(`/api/occurrences/${occurrence.id}`); return r.by === 'replica' && r; });
  check(caught.body.updates[0]?.note === note2, 'replay resumed: the writer reads from the replica again, its write included');

  // The replica goes away: reads fall back to the primary, with a warning in the log.
  stopReplica();
  const fallback = await reader.get(`/api/occurrences/${occurrence.id}`);
  const downHealth = (await (await fetch(`${app.url}/api/health`)).json()) as { readReplica?: string };
  check(fallback.by === 'primary' && fallback.body.updates[0]?.note === note2 && downHealth.readReplica === 'unavailable', 'replica stopped: reads answered by the primary, health says readReplica "unavailable"');
  check(/Không dùng được bản sao đọc/.test(app.output()), 'kehoach logged a warning that the replica is unavailable');
  return `${served.length}/${served.length} reads on the replica, writes on the primary, read-your-own-writes while the replica lagged, fallback to the primary when it stopped`;
}

let summary: string;
let ok = false;
try {
  summary = await run();
  ok = true;
} catch (e) {
  summary = (e as Error).message;
}
for (const c of cleanups.reverse()) {
  try {
    await c.run();
    step(`cleanup: ${c.what}`);
  } catch (e) {
    if (ok) summary = `cleanup failed (${c.what}): ${(e as Error).message}`;
    ok = false;
    step(`cleanup failed (${c.what}): ${(e as Error).message}`);
  }
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(ok ? `REPLICA TEST PASSED in ${seconds} s: ${summary}` : `REPLICA TEST FAILED after ${seconds} s: ${summary}`);
process.exit(ok ? 0 : 1);
