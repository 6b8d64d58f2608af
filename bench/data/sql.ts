// Small helpers for the generator's bulk statements: rows written, JSON and word lists as parameters,
// the deterministic hash, and the temporary table of the tenant's units that the statements join.
import { sql, type SQL } from 'drizzle-orm';
import { searchKey } from '../../core/text/vietnamese.ts';
import { rowsOf, type Tx } from '../../server/db/client.ts';
import type { BenchTenant } from './org.ts';

export const rows = async <T>(tx: Tx, q: SQL) => rowsOf<T>(await tx.execute(q));

/** Runs a statement and says how many rows it wrote (both drivers report rowCount). */
export async function exec(tx: Tx, q: SQL): Promise<number> {
  const r = (await tx.execute(q)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}

/** A JSON parameter: many rows computed in Node go in as one value and come out of jsonb_to_recordset. */
export const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/** An integer written into the statement (sizes and offsets), so the planner sees constants. */
export const lit = (n: number) => sql.raw(String(Math.trunc(n)));

/**
 * A non-negative pseudo-random integer from integers that identify a row. hashint8 is PostgreSQL's own
 * hash, the same on the server and in PGlite, so a scale has the same shape on both engines.
 */
export const hash = (key: SQL) => sql`(hashint8((${key})::bigint) & 2147483647)`;

/** Tags of the tables whose ids are made by `seqId`, so that two tables never share a prefix. */
export const ID_TAGS = { plans: 1, tasks: 2, occurrences: 3, progress: 4, indicators: 5, values: 6 } as const;

/**
 * Ids for millions of rows in the order they are written, shaped as UUIDv7 (time of the run, version 7,
 * the tenant and table, variant 8, then the row's ordinal). Random ids would land all over each primary-key
 * index, past what the buffer cache holds, and have its pages read and written again and again; these append.
 * Later rows made by the app get random ids, as always.
 */
export function seqId(t: BenchTenant, table: keyof typeof ID_TAGS, ordinal: SQL): SQL {
  const tag = (((t.no & 63) << 6) | ID_TAGS[table]).toString(16).padStart(3, '0');
  const prefix = `${runMs.toString(16).padStart(12, '0')}7${tag}8`;
  return sql`(${sql.raw(`'${prefix}'`)} || lpad(to_hex((${ordinal})::bigint), 15, '0'))::uuid`;
}
const runMs = Date.now();

/** The ordinal a `seqId` was made from. */
export const ordinalOf = (id: SQL) => sql`('x' || lpad(substr((${id})::text, 21, 3) || substr((${id})::text, 25, 12), 16, '0'))::bit(64)::bigint`;

/**
 * A word list as a text[] constant with its accent-free keys beside it (searchKey of each word, as the
 * services store search_text), so SQL can build a text and its key from the same index.
 */
export function words(list: readonly string[]) {
  const arr = (items: readonly string[]) => sql`(ARRAY[${sql.join(items.map((s) => sql`${s}::text`), sql`, `)}])`;
  return {
    n: list.length,
    text: (i: SQL) => sql`${arr(list)}[1 + (${i}) % ${lit(list.length)}]`,
    key: (i: SQL) => sql`${arr(list.map(searchKey))}[1 + (${i}) % ${lit(list.length)}]`,
  };
}

/** searchKey of an ASCII text (plan numbers, codes), the way core/text/vietnamese.ts makes it. */
export const asciiKey = (expr: SQL) => sql`trim(regexp_replace(lower(${expr}), '[^a-z0-9]+', ' ', 'g'))`;

/**
 * b_unit: the tenant's divisions and subordinate units with an ordinal (divisions 1..D, then units), their
 * weight, names and keys, and the focal point who writes their progress; b_slot: weighted draws, one row
 * per unit of weight, pool 1 = who leads tasks (units and divisions), pool 2 = who owns plans (units).
 * Dropped at commit; remade by each step so that it always matches `t`.
 */
export async function unitTables(tx: Tx, t: BenchTenant): Promise<void> {
  const focal = new Map<string, { id: string; name: string }>();
  for (const u of [...t.users].sort((a, b) => a.username.localeCompare(b.username))) {
    if (u.role !== 'leader' && !focal.has(u.unitId)) focal.set(u.unitId, { id: u.id, name: u.displayName });
  }
  const units = [...t.divisions, ...t.subs].map((u) => ({
    ord: u.ord, id: u.id, kind: u.kind, weight: u.weight, name: u.name, short: u.shortName, name_key: searchKey(u.name),
    login: u.login, doc: u.doc, accounts: u.accounts, focal_id: focal.get(u.id)?.id ?? null, focal_name: focal.get(u.id)?.name ?? `Đầu mối ${u.shortName}`,
  }));
  await tx.execute(sql`DROP TABLE IF EXISTS b_unit, b_slot`);
  await tx.execute(sql`CREATE TEMP TABLE b_unit ON COMMIT DROP AS SELECT * FROM jsonb_to_recordset(${json(units)}) AS x(
    ord int, id uuid, kind text, weight int, name text, short text, name_key text, login text, doc text, accounts int, focal_id uuid, focal_name text)`);
  await tx.execute(sql`ALTER TABLE b_unit ADD PRIMARY KEY (ord)`);
  await tx.execute(sql`CREATE UNIQUE INDEX ON b_unit (id)`);
  // Divisions lead a few tasks (weight 2); a hospital 8, a centre 4, an area centre 2, a commune station 1.
  await tx.execute(sql`CREATE TEMP TABLE b_slot ON COMMIT DROP AS
    SELECT pool, (row_number() OVER (PARTITION BY pool ORDER BY u.ord, w) - 1)::int AS slot, u.ord
    FROM b_unit u CROSS JOIN (VALUES (1), (2)) p(pool) CROSS JOIN LATERAL generate_series(1, CASE WHEN u.kind = 'division' THEN 2 ELSE u.weight END) w
    WHERE pool = 1 OR u.kind <> 'division'`);
  await tx.execute(sql`ALTER TABLE b_slot ADD PRIMARY KEY (pool, slot)`);
  await tx.execute(sql`ANALYZE b_unit, b_slot`);
}

/** How many slots a pool has (the modulus of a weighted draw). */
export async function slotCount(tx: Tx, pool: 1 | 2): Promise<number> {
  const [r] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM b_slot WHERE pool = ${pool}`);
  return r.n;
}
