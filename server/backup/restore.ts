// `kehoach restore FILE`: loads a checked backup (check.ts) into a migrated database in one transaction, and
// commits only when every table's count and hash, recomputed from the database, match the backup's.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Tx } from '../db/client.ts';
import { blobPath } from '../modules/files/service.ts';
import { allTablesButMigrations, canonicalSettings, dataTables, ident, ownedSequences, type TableInfo } from './catalog.ts';
import { assertSameMigrations, checkBackup, readManifest, type CheckedBackup } from './check.ts';
import { BackupError, BackupReader, corrupt, type End, type Manifest } from './format.ts';
import { digestTable, referencedFiles } from './hashes.ts';

export interface RestoreOptions {
  filesDir: string;
  /** Replace the data of a database that already has some (emptied in the same transaction). */
  force?: boolean;
  /** The result of checkBackup, when the caller checked the file before opening the database. */
  checked?: CheckedBackup;
}

export interface RestoreResult {
  source: Pick<Manifest, 'engine' | 'kehoachVersion' | 'createdAt'>;
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  /** Tables that held data before, emptied under --force. */
  emptied: string[];
  /** Files the restored database names that filesDir still lacks (backed up with --allow-missing-files). */
  missingFiles: string[];
  ms: number;
}

export async function restoreBackup(database: Database, file: string, opts: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now();
  const checked = opts.checked ?? await checkBackup(file);
  assertSameMigrations(checked.manifest);
  const created: string[] = []; // files this restore added to filesDir, removed again if it fails
  let result: RestoreResult;
  try {
    result = await database.db.transaction(async (tx) => {
      await requireSuperuser(tx);
      // Triggers off while loading: the audit log's append-only guard, the locks on approved allowance lists and
      // decided nominations, the counters kept by triggers (loaded as they were) and foreign-key checks (rows
      // arrive table by table in name order). Row-level security does not apply to a superuser.
      await tx.execute(sql`SELECT set_config('session_replication_role', 'replica', true)`);
      await canonicalSettings(tx);
      const tables = await dataTables(tx);
      assertSameTables(checked.manifest.tables, tables);
      const emptied = await tablesWithRows(tx, tables);
      if (emptied.length && !opts.force) {
        throw new BackupError('not_empty', `Cơ sở dữ liệu đích đã có dữ liệu (bảng ${emptied.slice(0, 5).join(', ')}${emptied.length > 5 ? ` và ${emptied.length - 5} bảng khác` : ''}). ` +
          'Khôi phục sẽ thay toàn bộ dữ liệu này bằng bản sao lưu; nếu chắc chắn, chạy lại với --force (dữ liệu cũ chỉ bị xóa khi khôi phục thành công). Chưa thay đổi gì.');
      }
      if (emptied.length) await tx.execute(sql.raw(`TRUNCATE ${(await allTablesButMigrations(tx)).map(ident).join(', ')}`));

      const byName = new Map(tables.map((t) => [t.name, { table: t, insert: insertStatement(t) }]));
      let fileBytes = 0;
      let files = 0;
      const reader = new BackupReader(file);
      try {
        await readManifest(reader);
        for (let r = await reader.next(); r; r = await reader.next()) {
          if (r.type === 'rows') {
            const target = byName.get(r.table);
            if (!target) throw corrupt(file, `bảng lạ “${r.table}”`);
            await insertRows(tx, target.insert, await reader.payload(r.bytes));
          } else if (r.type === 'file') {
            fileBytes += await writeBlob(reader, r.sha256, r.bytes, opts.filesDir, created);
            files++;
          }
        }
      } finally {
        reader.close();
      }
      await setSequences(tx, checked.end);

      // The check that matters: what the database now holds, read back the same way the backup was made.
      for (const table of tables) {
        const got = await digestTable(tx, table);
        const want = checked.digests[table.name];
        if (got.rows !== want.rows || got.sha256 !== want.sha256) {
          throw new BackupError('hash_mismatch', `Dữ liệu bảng “${table.name}” sau khi nạp khác bản sao lưu (${got.rows} dòng, bản sao lưu có ${want.rows}; ` +
            `mã băm ${got.sha256.slice(0, 12)}… thay vì ${want.sha256.slice(0, 12)}…). Đã hủy khôi phục, cơ sở dữ liệu đích giữ nguyên như trước.`);
        }
      }
      const missingFiles = (await referencedFiles(tx)).filter((sha) => !existsSync(blobPath(opts.filesDir, sha)));
      return {
        source: { engine: checked.manifest.engine, kehoachVersion: checked.manifest.kehoachVersion, createdAt: checked.manifest.createdAt },
        tables: tables.length, rows: checked.end.rows, files, fileBytes, emptied, missingFiles, ms: Date.now() - started,
      };
    });
  } catch (e) {
    for (const path of created) rmSync(path, { force: true });
    throw e;
  }
  // Planner statistics for the loaded tables, as after any bulk load: PGlite runs no autovacuum to make them.
  await database.db.execute(sql`ANALYZE`);
  return { ...result, ms: Date.now() - started };
}

async function requireSuperuser(tx: Tx): Promise<void> {
  const [{ su, who }] = rowsOf<{ su: string; who: string }>(await tx.execute(sql`SELECT current_setting('is_superuser') AS su, current_user AS who`));
  if (su === 'on') return;
  throw new BackupError('not_superuser', `Khôi phục cần quyền superuser của PostgreSQL, mà người dùng “${who}” không có: dữ liệu được nạp với trigger tạm tắt ` +
    '(session_replication_role = replica) để nhật ký kiểm toán chỉ-ghi-thêm, danh sách phụ cấp đã duyệt và đề nghị khen thưởng đã quyết định được nạp nguyên trạng. ' +
    'Hãy chạy restore với DATABASE_URL của người dùng postgres (hoặc một superuser khác); kehoach sau đó chạy với người dùng thường như trước.');
}

/** Same migrations should mean the same tables; a difference means someone changed one database by hand. */
function assertSameTables(theirs: TableInfo[], ours: TableInfo[]): void {
  const shape = (t: TableInfo) => `${t.name}(${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;
  const a = new Map(theirs.map((t) => [t.name, shape(t)]));
  const b = new Map(ours.map((t) => [t.name, shape(t)]));
  const differ = [...new Set([...a.keys(), ...b.keys()])].filter((name) => a.get(name) !== b.get(name));
  if (!differ.length) return;
  throw new BackupError('tables_differ', `Cấu trúc bảng của bản sao lưu khác cơ sở dữ liệu đích dù cùng migration (bảng ${differ.slice(0, 5).join(', ')}): ` +
    'một trong hai đã bị sửa tay. Không khôi phục.');
}

async function tablesWithRows(tx: Tx, tables: TableInfo[]): Promise<string[]> {
  const [row] = rowsOf<Record<string, boolean>>(await tx.execute(sql.raw(
    `SELECT ${tables.map((t, i) => `EXISTS (SELECT 1 FROM ${ident(t.name)}) AS t${i}`).join(', ')}`)));
  return tables.filter((_, i) => row[`t${i}`]).map((t) => t.name);
}

/** Loads a batch of canonical rows: each value's text goes back through its type's input function. */
function insertStatement(table: TableInfo): { head: string; tail: string } {
  const cols = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.generated);
  return {
    head: `INSERT INTO ${ident(table.name)} (${cols.map(({ c }) => ident(c.name)).join(', ')}) OVERRIDING SYSTEM VALUE ` +
      `SELECT ${cols.map(({ c, i }) => `CAST(e->>${i} AS ${c.type})`).join(', ')} FROM jsonb_array_elements(`,
    tail: '::jsonb) AS e',
  };
}

async function insertRows(tx: Tx, insert: { head: string; tail: string }, payload: Buffer): Promise<void> {
  // One JSON array of the batch's rows: canonical rows are JSON without raw newlines, one per line.
  const text = payload.toString('utf8');
  const json = `[${text.slice(0, -1).replaceAll('\n', ',')}]`;
  await tx.execute(sql`${sql.raw(insert.head)}${json}${sql.raw(insert.tail)}`);
}

/** Moves each serial/identity sequence to where the source's stood, and in any case past the loaded ids. */
async function setSequences(tx: Tx, end: End): Promise<void> {
  for (const s of await ownedSequences(tx)) {
    const saved = end.sequences.find((x) => x.name === s.name);
    const [{ max }] = rowsOf<{ max: string | null }>(await tx.execute(sql.raw(`SELECT max(${ident(s.column)})::text AS max FROM ${ident(s.table)}`)));
    const loaded = max === null ? null : BigInt(max);
    if (saved?.isCalled) {
      const last = BigInt(saved.lastValue);
      await tx.execute(sql`SELECT setval(${ident(s.name)}::regclass, ${String(loaded !== null && loaded > last ? loaded : last)}::bigint, true)`);
    } else if (loaded !== null) {
      await tx.execute(sql`SELECT setval(${ident(s.name)}::regclass, ${String(loaded)}::bigint, true)`);
    } else if (saved) {
      await tx.execute(sql`SELECT setval(${ident(s.name)}::regclass, ${saved.lastValue}::bigint, false)`);
    }
  }
}

/** Writes one uploaded file under its hash (through a temporary name, renamed when complete and verified). */
async function writeBlob(reader: BackupReader, sha256: string, bytes: number, filesDir: string, created: string[]): Promise<number> {
  mkdirSync(join(filesDir, 'tmp'), { recursive: true });
  const tmp = join(filesDir, 'tmp', randomUUID());
  const hash = createHash('sha256');
  try {
    const out = await open(tmp, 'wx');
    try {
      for await (const piece of reader.pieces(bytes)) {
        hash.update(piece);
        await out.write(piece);
      }
    } finally {
      await out.close();
    }
    if (hash.digest('hex') !== sha256) throw corrupt(reader.file, `tệp đính kèm ${sha256} không khớp mã SHA-256 của nó`);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  const target = blobPath(filesDir, sha256);
  const existed = existsSync(target);
  mkdirSync(dirname(target), { recursive: true });
  renameSync(tmp, target); // same name, same bytes: replacing a copy already there also mends a damaged one
  if (!existed) created.push(target);
  return bytes;
}
