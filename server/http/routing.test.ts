// Read routing to a replica: the rule itself, and the API honouring it (the "replica" here is the same database
// behind a controllable probe; scripts/replica-test.mjs runs a real streaming replica).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { withTenant } from '../db/context.ts';
import { chooseReader, isReplicaFailure, LSN_COOKIE, openReplica, parseLsn, type Replica, type ReplicaState } from '../db/replica.ts';
import { engine } from '../test/engines.ts';
import { signIn, testApp, type Client, type TestContext } from '../test/harness.ts';
import { DB_HEADER } from './routing.ts';

describe('the routing rule', () => {
  const standby = (replayed: string | null): ReplicaState => ({ up: true, standby: true, replayed: parseLsn(replayed) });

  it('reads WAL positions as numbers and ignores anything else', () => {
    expect(parseLsn('0/16EF9D0')).toBe(0x16ef9d0n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    for (const bad of ['', '16EF9D0', '0/16EF9D0; x', '0/-1', '123456789/0', undefined, null]) expect(parseLsn(bad)).toBeNull();
  });

  it('uses the replica unless it is down or has not replayed the reader’s last write', () => {
    expect(chooseReader(standby('0/500'), null)).toBe('replica');
    expect(chooseReader(standby('0/500'), parseLsn('0/500'))).toBe('replica');
    expect(chooseReader(standby('0/500'), parseLsn('0/501'))).toBe('primary');
    expect(chooseReader(standby(null), parseLsn('0/1'))).toBe('primary');
    expect(chooseReader({ up: false, standby: true, replayed: parseLsn('9/0') }, null)).toBe('primary');
    // A server that is not in recovery holds the primary's data (DATABASE_READ_URL pointing at the primary).
    expect(chooseReader({ up: true, standby: false, replayed: null }, parseLsn('9/0'))).toBe('replica');
  });

  it('retries on the primary after connection failures and recovery conflicts only', () => {
    expect(isReplicaFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isReplicaFailure(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isReplicaFailure(Object.assign(new Error('canceling statement due to conflict with recovery'), { code: '40001' }))).toBe(true);
    expect(isReplicaFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isReplicaFailure(Object.assign(new Error('Failed query: SELECT 1'), { cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) }))).toBe(true);
    expect(isReplicaFailure(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isReplicaFailure(new Error('Không tìm thấy nhiệm vụ'))).toBe(false);
  });
});

/** The test database as its own replica, whose replay position and health the test sets. */
function controlled(db: Db) {
  const failures: unknown[] = [];
  let broken = false;
  const control = {
    state: { up: true, standby: true, replayed: parseLsn('FFFFFFFF/0') } as ReplicaState,
    failures,
    /** Every query on the replica fails as if it had gone away. */
    breakConnections: () => { broken = true; },
  };
  const refusing = { transaction: async () => { throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }); } } as unknown as Db;
  const replica: Replica = {
    get db() { return broken ? refusing : db; },
    describe: 'test',
    state: async () => control.state,
    failed: (err) => { failures.push(err); },
    close: async () => {},
  };
  return { control, replica };
}

describe('reads through the API with a replica configured', () => {
  let t: TestContext;
  let c: ReturnType<typeof controlled>;
  let xanhpon: Client;
  let loginLsn: string;
  let occurrenceId: string;

  beforeAll(async () => {
    t = await testApp({ replica: (d) => (c = controlled(d.db)).replica });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'hn.xanhpon', password: 'Kehoach@2026' } });
    loginLsn = login.cookies.find((x) => x.name === LSN_COOKIE)!.value;
    xanhpon = await signIn(t.app, 'hn.xanhpon');
    const list = await xanhpon.get('/api/occurrences');
    occurrenceId = list.body.items.find((o: { can: { record: boolean } }) => o.can.record).id;
  });
  afterAll(async () => { await t?.close(); });

  const get = (url: string, lsn?: string) =>
    t.app.inject({ url, headers: { cookie: `${xanhpon.cookie}${lsn ? `; ${LSN_COOKIE}=${lsn}` : ''}` } });

  it('marks the primary’s WAL position on the response of a change, even a log-in', async () => {
    expect(parseLsn(loginLsn)).not.toBeNull();
    const res = await t.app.inject({
      method: 'POST', url: `/api/occurrences/${occurrenceId}/progress`,
      headers: { cookie: xanhpon.cookie, 'x-csrf-token': xanhpon.csrfToken }, payload: { state: 'open', percent: 35, note: 'Ghi qua máy chủ chính' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers[DB_HEADER]).toBe('primary');
    const cookie = res.cookies.find((x) => x.name === LSN_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, path: '/' });
    expect(parseLsn(cookie.value)! > parseLsn(loginLsn)!).toBe(true);
    // The writer's next read, with the replica not yet past the write: the primary answers, with the write in it.
    c.control.state = { up: true, standby: true, replayed: parseLsn(cookie.value)! - 1n };
    const mine = await get(`/api/occurrences/${occurrenceId}`, cookie.value);
    expect(mine.headers[DB_HEADER]).toBe('primary');
    expect(mine.json().updates[0]).toMatchObject({ percent: 35, note: 'Ghi qua máy chủ chính' });
    // Once it has replayed that far, the replica answers the same reader.
    c.control.state = { up: true, standby: true, replayed: parseLsn(cookie.value)! };
    expect((await get(`/api/occurrences/${occurrenceId}`, cookie.value)).headers[DB_HEADER]).toBe('replica');
  });

  it('sends readers without a recent write to the replica however far behind it is', async () => {
    c.control.state = { up: true, standby: true, replayed: parseLsn('0/1') };
    const res = await get('/api/occurrences');
    expect(res.statusCode).toBe(200);
    expect(res.headers[DB_HEADER]).toBe('replica');
    expect(res.cookies.find((x) => x.name === LSN_COOKIE)).toBeUndefined();
  });

  it('answers from the primary while the replica is down, and when a query on it fails', async () => {
    c.control.state = { up: false, standby: true, replayed: null };
    expect((await get('/api/occurrences')).headers[DB_HEADER]).toBe('primary');
    c.control.state = { up: true, standby: true, replayed: parseLsn('FFFFFFFF/0') };
    c.control.breakConnections();
    const res = await get(`/api/occurrences/${occurrenceId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers[DB_HEADER]).toBe('primary');
    expect(c.control.failures).toHaveLength(1);
  });

  it('keeps session loading and the signed-in user on the primary', async () => {
    c.control.breakConnections();
    c.control.state = { up: true, standby: true, replayed: parseLsn('FFFFFFFF/0') };
    const before = c.control.failures.length;
    const me = await get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.headers[DB_HEADER]).toBeUndefined();
    expect(c.control.failures).toHaveLength(before); // the replica was not even tried
  });

  it('reports the replica in the health check', async () => {
    c.control.state = { up: false, standby: true, replayed: null };
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok', readReplica: 'unavailable' });
  });
});

describe('reads without a replica', () => {
  let t: TestContext;
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => { await t.close(); });

  it('sets neither the header nor the WAL cookie', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'hn.xanhpon', password: 'Kehoach@2026' } });
    expect(login.cookies.map((x) => x.name)).toEqual(['kehoach_session']);
    const client = await signIn(t.app, 'hn.xanhpon');
    const res = await t.app.inject({ url: '/api/occurrences', headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers[DB_HEADER]).toBeUndefined();
    expect((await t.app.inject({ url: '/api/health' })).json().readReplica).toBeUndefined();
  });

  it('runs GET reads read-only on every engine, as they would run on a replica', async () => {
    const [tenant] = (await t.database.db.execute(sql`SELECT id FROM tenants LIMIT 1`) as unknown as { rows: { id: string }[] }).rows;
    const write = withTenant(t.database.db, tenant.id, (tx) => tx.execute(sql`UPDATE notifications SET read_at = now()`), { readOnly: true });
    await expect(write).rejects.toMatchObject({ cause: expect.objectContaining({ code: '25006' }) });
  });
});

describe('an unreachable replica', () => {
  it('does not stop start-up, is reported once, and is retried later rather than on every read', async () => {
    const warnings: string[] = [];
    const replica = openReplica('postgres://kehoach@127.0.0.1:1/kehoach', { warn: (m) => warnings.push(m), info: () => {} });
    try {
      expect(await replica.state()).toMatchObject({ up: false });
      expect(await replica.state()).toMatchObject({ up: false });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('đọc từ máy chủ chính');
    } finally {
      await replica.close();
    }
  });
});

describe.skipIf(engine !== 'postgres')('a second server that is not a standby', () => {
  it('is used as it holds the primary’s data, with one warning that it is not a replica', async () => {
    const warnings: string[] = [];
    const replica = openReplica(process.env.TEST_DATABASE_URL!, { warn: (m) => warnings.push(m), info: () => {} });
    try {
      const state = await replica.state();
      expect(state).toMatchObject({ up: true, standby: false, replayed: null });
      expect(chooseReader(state, parseLsn('FFFFFFFF/0'))).toBe('replica');
      await replica.state();
      expect(warnings).toEqual([expect.stringContaining('không phải một bản sao')]);
    } finally {
      await replica.close();
    }
  });
});
