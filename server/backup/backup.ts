// `kehoach backup FILE`: every data table and every uploaded file the database names, into one file (format.ts).
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { closeSync, createReadStream, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Tx } from '../db/client.ts';
import { blobPath } from '../modules/files/service.ts';
import { VERSION } from '../paths.ts';
import { appliedMigrations, canonicalSettings, dataTables, ident, NOT_DATA, ownedSequences } from './catalog.ts';
import { BackupError, BackupWriter, FORMAT, FORMAT_VERSION, type SequenceValue } from './format.ts';
import { canonicalRows, Digest, joinRows, referencedFiles } from './hashes.ts';

export interface BackupResult {
  file: string;
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  /** Size of the backup file. */
  bytes: number;
  missingFiles: string[];
  migrations: { tag: string; hash: string }[];
  ms: number;
}

export interface BackupOptions {
  filesDir: string;
  /** Back up even when files the database names are missing from disk (they are listed in the backup). */
  allowMissingFiles?: boolean;
}

/**
 * Writes the backup to `file` (refusing to overwrite one), through a temporary name that is renamed only when
 * complete and flushed to disk: a failed or interrupted backup never leaves a file that looks like a backup.
 */
export async function writeBackup(database: Database, file: string, opts: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  refuseExisting(file);
  const tmp = `${file}.${process.pid}.tmp`;
  let writer: BackupWriter;
  try {
    writer = new BackupWriter(tmp);
  } catch (e) {
    throw new BackupError('unwritable', `Không tạo được tệp “${file}”: ${(e as Error).message}. Thư mục có tồn tại và ghi được không?`);
  }
  try {
    // One snapshot for every table (REPEATABLE READ): on PostgreSQL the backup runs while kehoach serves, and
    // still sees the data of one moment; read-only, it blocks no writer.
    const snapshot = await database.db.transaction(async (tx) => {
      await canonicalSettings(tx);
      const migrations = await appliedMigrations(tx).catch(() => {
        throw new BackupError('no_database', 'Cơ sở dữ liệu này chưa được kehoach khởi tạo (không có bảng kehoach_migrations): không có gì để sao lưu.');
      });
      const shas = await referencedFiles(tx);
      const missing = shas.filter((sha) => !existsSync(blobPath(opts.filesDir, sha)));
      if (missing.length && !opts.allowMissingFiles) {
        throw new BackupError('missing_blobs', `Thiếu ${missing.length} tệp đã tải lên trong ${opts.filesDir} (ví dụ ${missing.slice(0, 3).join(', ')}). ` +
          'Kiểm tra FILES_DIR/DATA_DIR; nếu các tệp này đã mất thật, chạy lại với --allow-missing-files để sao lưu phần còn lại (bản sao lưu ghi rõ các tệp thiếu).');
      }
      const tables = await dataTables(tx);
      const [{ server }] = rowsOf<{ server: string }>(await tx.execute(sql`SELECT version() AS server`));
      await writer.record({
        type: 'manifest', format: FORMAT, formatVersion: FORMAT_VERSION, kehoachVersion: VERSION, createdAt: new Date().toISOString(),
        engine: database.engine, server, migrations, tables, skipped: NOT_DATA,
      });
      let rows = 0;
      for (const table of tables) rows += await writeTable(tx, writer, table);
      return { migrations, tables: tables.length, rows, shas: shas.filter((s) => !missing.includes(s)), missing, sequences: await sequenceValues(tx) };
    }, { isolationLevel: 'repeatable read', accessMode: 'read only' });

    // Uploaded files never change once stored (their name is their hash), so they need no snapshot.
    let fileBytes = 0;
    for (const sha of snapshot.shas) fileBytes += await writeFile(writer, opts.filesDir, sha);
    await writer.record({
      type: 'end', tables: snapshot.tables, rows: snapshot.rows, files: snapshot.shas.length, fileBytes,
      sequences: snapshot.sequences, missingFiles: snapshot.missing,
    });
    await writer.close();
    const fd = openSync(tmp, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
    renameSync(tmp, file);
    return {
      file, tables: snapshot.tables, rows: snapshot.rows, files: snapshot.shas.length, fileBytes, bytes: statSync(file).size,
      missingFiles: snapshot.missing, migrations: snapshot.migrations, ms: Date.now() - started,
    };
  } catch (e) {
    writer.abort();
    rmSync(tmp, { force: true });
    if (e instanceof BackupError || !(e as NodeJS.ErrnoException).syscall) throw e;
    throw new BackupError('unwritable', `Sao lưu không thành công: ${(e as Error).message} (đầy đĩa, hay thiếu quyền?). Đã xóa phần ghi dở, không có tệp “${file}”.`);
  }
}

/** A backup is never overwritten: the one already there may be the only good copy. */
export function refuseExisting(file: string): void {
  if (existsSync(file)) throw new BackupError('exists', `Tệp “${file}” đã có. Hãy chọn tên khác (ví dụ thêm ngày giờ) hoặc tự xóa tệp cũ: kehoach không ghi đè một bản sao lưu.`);
  if (!existsSync(dirname(file))) throw new BackupError('unwritable', `Thư mục ${dirname(file)} không tồn tại: hãy tạo nó trước, hoặc chọn nơi khác để ghi bản sao lưu.`);
}

/** One table's rows in batches, then its count and hash; returns the count. */
async function writeTable(tx: Tx, writer: BackupWriter, table: Awaited<ReturnType<typeof dataTables>>[number]): Promise<number> {
  const digest = new Digest();
  for await (const rows of canonicalRows(tx, table)) {
    const payload = Buffer.from(joinRows(rows));
    digest.addBlock(payload, rows.length);
    await writer.record({ type: 'rows', table: table.name, rows: rows.length, bytes: payload.length }, payload);
  }
  const { rows, sha256 } = digest.result();
  await writer.record({ type: 'table', table: table.name, rows, sha256 });
  return rows;
}

/** Copies one uploaded file in, checking on the way that its bytes still match its name. */
async function writeFile(writer: BackupWriter, filesDir: string, sha: string): Promise<number> {
  const path = blobPath(filesDir, sha);
  const size = statSync(path).size;
  await writer.record({ type: 'file', sha256: sha, bytes: size });
  const hash = createHash('sha256');
  let written = 0;
  for await (const chunk of createReadStream(path, { end: Math.max(size - 1, 0) })) {
    hash.update(chunk as Buffer);
    written += (chunk as Buffer).length;
    await writer.write(chunk as Buffer);
  }
  if (written !== size || hash.digest('hex') !== sha) {
    throw new BackupError('damaged_blob', `Tệp đã tải lên ${path} bị hỏng: nội dung không còn khớp mã SHA-256 là tên của nó. ` +
      'Hãy chép lại tệp đúng từ nơi khác; nếu không còn, xóa tệp hỏng và chạy lại với --allow-missing-files.');
  }
  return size;
}

/** Where each serial/identity sequence stands, so the restored system hands out the same next ids. */
async function sequenceValues(tx: Tx): Promise<SequenceValue[]> {
  const out: SequenceValue[] = [];
  for (const s of await ownedSequences(tx)) {
    const [v] = rowsOf<{ last_value: string; is_called: boolean }>(await tx.execute(sql.raw(`SELECT last_value::text AS last_value, is_called FROM ${ident(s.name)}`)));
    out.push({ name: s.name, lastValue: v.last_value, isCalled: v.is_called });
  }
  return out;
}
