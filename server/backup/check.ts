// Reading a backup through before restoring it: every record well formed, every table's rows matching the count and
// hash written after them, every file matching its SHA-256, nothing cut off. A damaged or edited file is refused
// here, before the target database is touched at all.
import { createHash } from 'node:crypto';
import { loadMigrations, type Migration } from '../db/migrate.ts';
import { VERSION } from '../paths.ts';
import { BackupError, BackupReader, corrupt, FORMAT, FORMAT_VERSION, type End, type Manifest } from './format.ts';
import { Digest, type TableDigest } from './hashes.ts';

export interface CheckedBackup {
  file: string;
  manifest: Manifest;
  /** Each table's count and hash, as written in the file and checked against its rows. */
  digests: Record<string, TableDigest>;
  end: End;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The manifest, if the first record is one of a format this code reads. */
export async function readManifest(reader: BackupReader): Promise<Manifest> {
  const m = await reader.next();
  if (!m || m.type !== 'manifest' || (m as Partial<Manifest>).format !== FORMAT) throw corrupt(reader.file, 'không có phần mô tả (manifest) ở đầu tệp');
  if (m.formatVersion !== FORMAT_VERSION) {
    throw new BackupError('format_version', `Tệp sao lưu “${reader.file}” có định dạng phiên bản ${m.formatVersion} (do kehoach ${m.kehoachVersion} tạo), ` +
      `còn kehoach ${VERSION} này chỉ đọc định dạng phiên bản ${FORMAT_VERSION}. Hãy khôi phục bằng kehoach ${m.kehoachVersion}.`);
  }
  const wellFormed = Array.isArray(m.migrations) && Array.isArray(m.tables) && m.tables.every((t) =>
    typeof t?.name === 'string' && Array.isArray(t.columns) && t.columns.length > 0 && Array.isArray(t.key)
    && t.columns.every((c) => typeof c?.name === 'string' && typeof c.type === 'string'));
  if (!wellFormed) throw corrupt(reader.file, 'phần mô tả (manifest) thiếu danh sách migration hoặc bảng');
  return m;
}

export async function checkBackup(file: string): Promise<CheckedBackup> {
  const reader = new BackupReader(file);
  try {
    const manifest = await readManifest(reader);
    const digests: Record<string, TableDigest> = {};
    let at = 0; // index of the table whose rows come next
    let digest = new Digest();
    let end: End | undefined;
    for (let r = await reader.next(); r; r = await reader.next()) {
      if (end) throw corrupt(file, 'có dữ liệu sau phần kết thúc');
      const table = manifest.tables[at]?.name;
      if (r.type === 'rows') {
        if (r.table !== table) throw corrupt(file, `dữ liệu bảng “${r.table}” không đúng chỗ`);
        const payload = await reader.payload(r.bytes);
        let lines = 0;
        for (let i = payload.indexOf(10); i >= 0; i = payload.indexOf(10, i + 1)) lines++;
        if (lines !== r.rows || payload[payload.length - 1] !== 10) throw corrupt(file, `số dòng của bảng “${table}” không khớp`);
        digest.addBlock(payload, lines);
      } else if (r.type === 'table') {
        if (r.table !== table) throw corrupt(file, `tổng kết bảng “${r.table}” không đúng chỗ`);
        const got = digest.result();
        if (got.rows !== r.rows || got.sha256 !== r.sha256) {
          throw corrupt(file, `dữ liệu bảng “${table}” không khớp mã băm ghi trong tệp (${got.rows} dòng đọc được, ${r.rows} dòng đã ghi) — tệp đã bị sửa hoặc hỏng`);
        }
        digests[table] = { rows: r.rows, sha256: r.sha256 };
        digest = new Digest();
        at++;
      } else if (r.type === 'file') {
        if (at !== manifest.tables.length || !SHA256.test(r.sha256)) throw corrupt(file, 'một tệp đính kèm không đúng chỗ hoặc sai tên');
        const hash = createHash('sha256');
        for await (const piece of reader.pieces(r.bytes)) hash.update(piece);
        if (hash.digest('hex') !== r.sha256) throw corrupt(file, `tệp đính kèm ${r.sha256} không khớp mã SHA-256 của nó`);
      } else if (r.type === 'end') {
        if (at !== manifest.tables.length) throw corrupt(file, 'thiếu dữ liệu của một số bảng');
        end = r;
      } else {
        throw corrupt(file, `bản ghi lạ “${(r as { type: string }).type}”`);
      }
    }
    if (!end) throw corrupt(file, 'tệp bị cắt cụt (không có phần kết thúc)');
    const rows = Object.values(digests).reduce((n, d) => n + d.rows, 0);
    if (end.rows !== rows || end.tables !== manifest.tables.length) throw corrupt(file, 'tổng số dòng ở phần kết thúc không khớp');
    return { file, manifest, digests, end };
  } finally {
    reader.close();
  }
}

/** A backup loads only into the schema it was taken from: the same migrations, in the same order, with the same text. */
export function assertSameMigrations(manifest: Manifest, code: Migration[] = loadMigrations()): void {
  const theirs = manifest.migrations;
  const first = Array.from({ length: Math.max(theirs.length, code.length) }, (_, i) => i)
    .find((i) => theirs[i]?.tag !== code[i]?.tag || theirs[i]?.hash !== code[i]?.hash);
  if (first === undefined) return;
  const describe = (list: { tag: string }[]) => `${list.length} migration${list.length ? ` (cuối cùng: ${list[list.length - 1].tag})` : ''}`;
  const where = theirs[first] && code[first] && theirs[first].tag === code[first].tag
    ? `migration “${code[first].tag}” có nội dung khác`
    : `migration thứ ${first + 1} là “${theirs[first]?.tag ?? '(không có)'}” trong bản sao lưu nhưng là “${code[first]?.tag ?? '(không có)'}” trong mã nguồn`;
  throw new BackupError('migrations_differ',
    `Bản sao lưu được tạo bởi kehoach ${manifest.kehoachVersion} với ${describe(theirs)}; kehoach ${VERSION} này có ${describe(code)}: ${where}. ` +
    `Hãy khôi phục bằng đúng phiên bản kehoach ${manifest.kehoachVersion} đã tạo bản sao lưu, rồi nâng cấp kehoach như thường lệ (migration tự chạy khi khởi động).`);
}
