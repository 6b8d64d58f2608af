// A PostgreSQL streaming replica for reads (DATABASE_READ_URL). Reads go there unless the user's own last write
// has not been replayed on it yet, or it cannot be reached; then the primary answers.
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { redactUrl, rowsOf, type Db } from './client.ts';
import * as schema from './schema/index.ts';

/** The cookie holding the primary's WAL position after the user's last write (read-your-own-writes). */
export const LSN_COOKIE = 'kehoach_lsn';
/** A probe of the replica's replay position is trusted this long, so most reads cost no extra query. */
const FRESH_MS = 100;
/** An unreachable replica is left alone this long before it is tried again. */
const RETRY_MS = 5_000;

export interface ReplicaState {
  /** It answered the last probe. */
  up: boolean;
  /** It is in recovery (a real standby); a server that is not has the same data as the primary (a test set-up). */
  standby: boolean;
  /** How far it has replayed the primary's WAL. */
  replayed: bigint | null;
}

export interface Replica {
  db: Db;
  describe: string;
  /** Where the replica stands, probed at most every FRESH_MS. */
  state(): Promise<ReplicaState>;
  /** A query on the replica failed at the connection level: use the primary for a while. */
  failed(err: unknown): void;
  close(): Promise<void>;
}

/** A WAL position ("16/B374D848") as a number; null for anything else, so a tampered cookie is ignored. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? '');
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

/** The routing rule: the replica when it is up and has replayed the user's last write, else the primary. */
export function chooseReader(state: ReplicaState, required: bigint | null): 'replica' | 'primary' {
  if (!state.up) return 'primary';
  if (required === null || !state.standby) return 'replica';
  return state.replayed !== null && state.replayed >= required ? 'replica' : 'primary';
}

/** The primary's WAL insert position, taken after a write has committed; a read needs the replica past it. */
export async function primaryLsn(db: Db): Promise<string> {
  return rowsOf<{ lsn: string }>(await db.execute(sql`SELECT pg_current_wal_insert_lsn()::text AS lsn`))[0].lsn;
}

/**
 * Errors after which the same read is retried on the primary: the replica is unreachable or restarting
 * (connection errors, SQLSTATE 08xxx and 57Pxx), or cancelled a query that conflicted with replay (40001).
 */
export function isReplicaFailure(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (e?.cause && isReplicaFailure(e.cause)) return true; // drizzle wraps the driver's error as the cause
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(08|57P)/.test(code) || code === '40001') return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN'].includes(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|connection timeout/i.test(message);
}

function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: unknown } | null;
  return typeof e?.code === 'string' ? e.code : e?.cause ? codeOf(e.cause) : undefined;
}

/** The driver's message rather than drizzle's wrapper, which repeats the whole query. */
const messageOf = (err: unknown): string => {
  const e = err as { message?: unknown; cause?: unknown } | null;
  return e?.cause ? messageOf(e.cause) : String(e?.message ?? err);
};

export interface ReplicaLog {
  warn(message: string): void;
  info(message: string): void;
}

/** Opens the replica's pool without connecting: an unreachable replica must not stop kehoach from starting. */
export function openReplica(url: string, log: ReplicaLog = console, max = 10): Replica {
  const warn = (m: string) => log.warn(m);
  // A short connect timeout: a read waits at most this long before the primary answers it instead.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 2_000 });
  pool.on('error', (err) => { warn(`Bản sao đọc (DATABASE_READ_URL) đóng một kết nối đang nghỉ: ${err.message}`); });
  const describe = redactUrl(url);
  let known: ReplicaState = { up: false, standby: true, replayed: null };
  let checkedAt = -Infinity;
  let downUntil = 0;
  let probing: Promise<ReplicaState> | null = null;
  let warnedNotStandby = false;

  const markDown = (err: unknown) => {
    if (codeOf(err) === '40001') return; // one query lost to replay, not a replica down
    const wasUp = known.up || checkedAt === -Infinity;
    known = { ...known, up: false };
    downUntil = Date.now() + RETRY_MS;
    checkedAt = Date.now();
    if (wasUp) warn(`Không dùng được bản sao đọc ${describe} (${messageOf(err)}); đọc từ máy chủ chính, thử lại sau ${RETRY_MS / 1000} giây.`);
  };

  const probe = async (): Promise<ReplicaState> => {
    try {
      const res = await pool.query<{ standby: boolean; replayed: string | null }>(
        'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed');
      const row = res.rows[0];
      if (!row.standby && !warnedNotStandby) {
        warnedNotStandby = true;
        warn(`DATABASE_READ_URL (${describe}) không phải một bản sao đang nhận WAL (standby); đọc từ đó như từ máy chủ chính.`);
      }
      if (!known.up && checkedAt !== -Infinity) log.info(`Bản sao đọc ${describe} đã hoạt động trở lại.`);
      known = { up: true, standby: row.standby, replayed: parseLsn(row.replayed) };
    } catch (err) {
      markDown(err);
    }
    checkedAt = Date.now();
    return known;
  };

  return {
    db: drizzleNodePg(pool, { schema }) as unknown as Db,
    describe,
    state: async () => {
      const now = Date.now();
      if (!known.up && now < downUntil) return known;
      if (known.up && now - checkedAt < FRESH_MS) return known;
      probing ??= probe().finally(() => { probing = null; });
      return probing;
    },
    failed: markDown,
    close: () => pool.end(),
  };
}
