// What "identical" means, computed in one place for the backup, the restore's check and the tests: each data
// table as canonical text — per row, a JSON array of its columns' text forms, rows in primary-key order, under
// the fixed output settings of catalog.ts — and the SHA-256 of that text. PGlite (PostgreSQL 18) and
// PostgreSQL 15 print the same text for every column type kehoach uses (timestamptz, double precision, jsonb,
// arrays, dates); backup.test.ts checks it across engines.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '../db/client.ts';
import { blobPath } from '../modules/files/service.ts';
import { canonicalSettings, dataTables, ident, type TableInfo } from './catalog.ts';

export interface TableDigest { rows: number; sha256: string }

/**
 * Rows per round trip, and so per `rows` record of the backup file: adjusted after each batch towards about 4 MB
 * of text, so that tables of small rows go in few round trips and rows of large JSON (plan drafts) stay in memory bounds.
 */
const BATCH = { first: 16, max: 5000, bytes: 4 * 1024 * 1024 }; // a first batch of 16: a table of plan drafts may hold megabytes a row

/**
 * A row's canonical text. Each value is cast to text first, so that a jsonb `null` and an SQL NULL stay apart
 * ("null" against null) and every type loads back through its own input function.
 */
export function rowText(table: TableInfo): string {
  return `array_to_json(ARRAY[${table.columns.map((c) => `${ident(c.name)}::text`).join(', ')}]::text[])::text`;
}

/** Primary-key order, text compared byte by byte; tables without a key are ordered by their rows' text. */
function orderBy(table: TableInfo): string {
  if (!table.key.length) return `${rowText(table)} COLLATE "C"`;
  return table.key.map((k) => {
    const column = table.columns.find((c) => c.name === k)!;
    return column.collatable ? `${ident(k)} COLLATE "C"` : ident(k);
  }).join(', ');
}

/** The table's canonical rows in batches, through a cursor so that a large table is never held in memory. */
export async function* canonicalRows(tx: Tx, table: TableInfo): AsyncGenerator<string[]> {
  await tx.execute(sql.raw(`DECLARE kehoach_rows NO SCROLL CURSOR FOR SELECT ${rowText(table)} AS r FROM ${ident(table.name)} ORDER BY ${orderBy(table)}`));
  try {
    for (let size = BATCH.first; ;) {
      const rows = rowsOf<{ r: string }>(await tx.execute(sql.raw(`FETCH ${size} FROM kehoach_rows`))).map((x) => x.r);
      if (!rows.length) return;
      yield rows;
      const length = rows.reduce((n, r) => n + r.length, 0);
      size = Math.max(1, Math.min(BATCH.max, Math.floor((size * BATCH.bytes) / Math.max(length, 1))));
    }
  } finally {
    // After a failed statement the transaction is aborted and rolls back anyway; the first error is the one to report.
    await tx.execute(sql.raw('CLOSE kehoach_rows')).catch(() => {});
  }
}

/** The running count and hash of canonical rows: each row's text and a newline, in order. */
export class Digest {
  private readonly hash = createHash('sha256');
  rows = 0;

  /** `block`: rows already joined as "row\n" (a backup payload); `rows`: how many. */
  addBlock(block: Buffer | string, rows: number): void {
    this.hash.update(block);
    this.rows += rows;
  }

  result(): TableDigest {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

export const joinRows = (rows: string[]) => rows.map((r) => `${r}\n`).join('');

export async function digestTable(tx: Tx, table: TableInfo): Promise<TableDigest> {
  const digest = new Digest();
  for await (const rows of canonicalRows(tx, table)) digest.addBlock(joinRows(rows), rows.length);
  return digest.result();
}

/** Count and hash of every data table, in one consistent snapshot. */
export async function digestDatabase(db: Db): Promise<Record<string, TableDigest>> {
  return db.transaction(async (tx) => {
    await canonicalSettings(tx);
    const out: Record<string, TableDigest> = {};
    for (const table of await dataTables(tx)) out[table.name] = await digestTable(tx, table);
    return out;
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/** The uploaded files the database names: `files` is the one table that points at bytes on disk. */
export async function referencedFiles(tx: Tx): Promise<string[]> {
  return rowsOf<{ sha256: string }>(await tx.execute(sql`SELECT DISTINCT sha256 COLLATE "C" AS sha256 FROM files ORDER BY 1`)).map((r) => r.sha256);
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** For every file the database names, the SHA-256 of what `filesDir` holds for it (null: missing). */
export async function fileDigests(db: Db, filesDir: string): Promise<Record<string, string | null>> {
  const shas = await db.transaction((tx) => referencedFiles(tx));
  const out: Record<string, string | null> = {};
  for (const sha of shas) {
    const path = blobPath(filesDir, sha);
    out[sha] = existsSync(path) ? await sha256OfFile(path) : null;
  }
  return out;
}
