// The backup file: one gzip stream of records, each a JSON line optionally followed by `bytes` bytes of payload.
// Written and read front to back, so neither side holds more than one batch of rows or one chunk of a file.
//
//   manifest                      format, versions, migrations, the tables and their columns
//   rows   + payload  (repeated)  a batch of one table's canonical rows, one per line (hashes.ts)
//   table             (per table) the table's row count and content hash, after its last batch
//   file   + payload  (repeated)  an uploaded file's bytes, named by their SHA-256
//   end                           totals, sequence values; a file without it was cut short
//
// Counts and hashes follow the data rather than lead it: the backup reads each row once, inside one snapshot.
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, openSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Engine } from '../db/client.ts';
import type { TableInfo } from './catalog.ts';

export const FORMAT = 'kehoach-backup';
export const FORMAT_VERSION = 1;
/** Header lines are short; a longer "line" means the file is not a backup (or is damaged), not that we should buffer it. */
const MAX_LINE = 4 * 1024 * 1024;
/** The largest piece of a file payload held at once. */
export const CHUNK = 1024 * 1024;

export interface Manifest {
  type: 'manifest';
  format: string;
  formatVersion: number;
  kehoachVersion: string;
  createdAt: string;
  engine: Engine;
  server: string;
  migrations: { tag: string; hash: string }[];
  tables: TableInfo[];
  /** Tables present but not backed up, and why (see catalog.ts). */
  skipped: string[];
}

export interface SequenceValue { name: string; lastValue: string; isCalled: boolean }

export interface End {
  type: 'end';
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  sequences: SequenceValue[];
  /** Files the database names but the disk lacked, backed up anyway with --allow-missing-files. */
  missingFiles: string[];
}

export type BackupRecord =
  | Manifest
  | { type: 'rows'; table: string; rows: number; bytes: number }
  | { type: 'table'; table: string; rows: number; sha256: string }
  | { type: 'file'; sha256: string; bytes: number }
  | End;

/** Every refusal of backup or restore: a Vietnamese message for the operator, a stable code for tests. */
export class BackupError extends Error {
  constructor(readonly code: 'missing_file' | 'exists' | 'unwritable' | 'corrupt' | 'format_version' | 'migrations_differ' | 'tables_differ'
    | 'not_empty' | 'hash_mismatch' | 'not_superuser' | 'missing_blobs' | 'damaged_blob' | 'no_database' | 'locked', message: string) {
    super(message);
  }
}

export const corrupt = (file: string, why: string) =>
  new BackupError('corrupt', `Tệp sao lưu “${file}” bị hỏng hoặc không phải tệp sao lưu của kehoach: ${why}. Không khôi phục gì cả.`);

export class BackupWriter {
  private readonly gzip = createGzip();
  private readonly done: Promise<void>;

  /** Opens `path` at once (throwing if it exists or cannot be made), so the caller learns of it before any work. */
  constructor(path: string) {
    // 0600: the file holds password hashes and every tenant's data.
    const out = createWriteStream('', { fd: openSync(path, 'wx', 0o600) });
    this.done = new Promise((resolve, reject) => pipeline(this.gzip, out, (e) => (e ? reject(e) : resolve())));
    this.done.catch(() => {}); // surfaced by write() or close()
  }

  async record(header: BackupRecord, payload?: Buffer): Promise<void> {
    await this.write(Buffer.from(JSON.stringify(header) + '\n'));
    if (payload) await this.write(payload);
  }

  async write(bytes: Buffer): Promise<void> {
    if (this.gzip.write(bytes)) return;
    // Waits for the disk; a failed write (full disk) ends the pipeline instead of ever draining.
    await Promise.race([once(this.gzip, 'drain'), this.done.then(() => { throw new Error('stream closed'); })]);
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
  }

  abort(): void {
    this.gzip.destroy();
  }
}

/** Reads records and payloads from a backup file; every malformation becomes a BackupError('corrupt'). */
/** The largest `rows` payload a reader accepts. */
const MAX_ROWS_BYTES = 256 * 1024 * 1024;

export class BackupReader {
  private readonly source: AsyncIterator<Buffer>;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;

  constructor(readonly file: string) {
    if (!existsSync(file)) throw new BackupError('missing_file', `Không tìm thấy tệp sao lưu “${file}”.`);
    const stream = pipeline(createReadStream(file), createGunzip(), () => {});
    this.source = stream[Symbol.asyncIterator]();
  }

  /** The next record, or null at the end of the stream. */
  async next(): Promise<BackupRecord | null> {
    const line = await this.line();
    if (line === null) return null;
    let record: BackupRecord;
    try {
      record = JSON.parse(line);
    } catch {
      throw corrupt(this.file, 'một dòng tiêu đề không phải JSON');
    }
    if (!record || typeof record !== 'object' || typeof record.type !== 'string') throw corrupt(this.file, 'một bản ghi không có loại');
    if ('bytes' in record && !(Number.isSafeInteger(record.bytes) && record.bytes >= 0)) throw corrupt(this.file, 'độ dài dữ liệu không hợp lệ');
    // A batch of rows is written at about 4 MB (one huge row at most beyond it): a damaged length must end in "corrupt",
    // not in buffering the rest of the file.
    if (record.type === 'rows' && record.bytes > MAX_ROWS_BYTES) throw corrupt(this.file, 'một khối dữ liệu dài bất thường');
    return record;
  }

  /** Exactly `n` bytes of payload. */
  async payload(n: number): Promise<Buffer> {
    while (this.buffered < n) {
      if (!(await this.more())) throw corrupt(this.file, 'tệp bị cắt cụt (thiếu phần cuối)');
    }
    return this.take(n);
  }

  /** A payload of `n` bytes in pieces of at most CHUNK, for uploaded files that may be large. */
  async *pieces(n: number): AsyncGenerator<Buffer> {
    for (let left = n; left > 0; left -= Math.min(left, CHUNK)) yield await this.payload(Math.min(left, CHUNK));
  }

  close(): void {
    void this.source.return?.();
  }

  private async line(): Promise<string | null> {
    let scanned = 0;
    for (;;) {
      let offset = 0;
      for (const c of this.chunks) {
        if (offset + c.length > scanned) {
          const at = c.indexOf(10, Math.max(0, scanned - offset));
          if (at >= 0) return this.take(offset + at + 1).toString('utf8', 0, offset + at);
        }
        offset += c.length;
      }
      scanned = this.buffered;
      if (scanned > MAX_LINE) throw corrupt(this.file, 'dòng tiêu đề quá dài');
      if (!(await this.more())) {
        if (this.buffered === 0) return null;
        throw corrupt(this.file, 'tệp bị cắt cụt (thiếu phần cuối)');
      }
    }
  }

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    let r: IteratorResult<Buffer>;
    try {
      r = await this.source.next();
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code?.startsWith('Z_') || /unexpected end of file|incorrect header check/i.test(err.message)) throw corrupt(this.file, `không giải nén được (${err.message})`);
      throw new BackupError('missing_file', `Không đọc được tệp sao lưu “${this.file}”: ${err.message}.`);
    }
    if (r.done) {
      this.ended = true;
      return false;
    }
    this.chunks.push(r.value);
    this.buffered += r.value.length;
    return true;
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return all.subarray(0, n);
  }
}
