// Uploaded files: stored once per content under their sha256, checked to be what their name says.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { cleanText } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { files } from '../../db/schema/index.ts';
import { AppError, errors } from '../../http/errors.ts';
import type { Mutation } from '../../http/request.ts';

/** Accepted evidence: office documents, PDF and pictures, recognised by their first bytes, not just their name. */
const TYPES: Record<string, { mime: string; magic: number[][] }> = {
  pdf: { mime: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  doc: { mime: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xls: { mime: 'application/vnd.ms-excel', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  png: { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  // Plain text (plan documents saved as text, OCR output) has no signature to check.
  txt: { mime: 'text/plain; charset=utf-8', magic: [[]] },
};
export const ACCEPTED_EXTENSIONS = Object.keys(TYPES);

export const blobPath = (dir: string, sha256: string) => join(dir, sha256.slice(0, 2), sha256);

function extensionOf(name: string) {
  return name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
}

/** A name safe to store and to send back: no path, no control characters, not too long. */
export function safeName(raw: string): string {
  const base = cleanText(raw.normalize('NFC')).replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f"]/g, '');
  return (base || 'tep-dinh-kem').slice(-200);
}

export interface Upload {
  filename: string;
  stream: Readable & { truncated?: boolean };
}

/**
 * Streams an upload to disk while hashing it, checks its type and size, and records it once per
 * content for the tenant. The bytes land under their hash only when complete (rename is atomic).
 */
export async function storeUpload(m: Mutation, dir: string, maxBytes: number, upload: Upload) {
  const name = safeName(upload.filename);
  const ext = extensionOf(name);
  const type = TYPES[ext];
  if (!type) {
    upload.stream.resume();
    throw errors.field('file', `Tệp “${name}” không được chấp nhận. Chỉ nhận: ${ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(', ')}.`);
  }
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const tmp = join(dir, 'tmp', randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8)]);
      done(null, chunk);
    },
  });
  try {
    await pipeline(upload.stream, meter, createWriteStream(tmp));
    if (upload.stream.truncated || size > maxBytes) {
      throw new AppError(413, 'payload_too_large', `Tệp “${name}” vượt quá dung lượng cho phép (${Math.round(maxBytes / 1024 / 1024)} MB).`);
    }
    if (size === 0) throw errors.field('file', `Tệp “${name}” rỗng.`);
    if (!type.magic.some((sig) => sig.every((b, i) => head[i] === b))) {
      throw errors.field('file', `Nội dung tệp “${name}” không đúng định dạng .${ext}.`);
    }
    const sha256 = hash.digest('hex');
    const target = blobPath(dir, sha256);
    if (!existsSync(target)) {
      mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
      renameSync(tmp, target);
    }
    await m.tx.insert(files).values({ tenantId: m.tenantId, sha256, size, mime: type.mime, name, uploadedBy: m.user.id }).onConflictDoNothing();
    const [row] = await m.tx.select().from(files).where(and(eq(files.tenantId, m.tenantId), eq(files.sha256, sha256)));
    await m.audit({ action: 'file.upload', entityType: 'file', entityId: row.id, summary: name, after: { name, sha256, size } });
    return { id: row.id, name, size, mime: row.mime, sha256 };
  } finally {
    rmSync(tmp, { force: true });
  }
}

export async function fileOr404(tx: Tx, id: string) {
  const [row] = await tx.select().from(files).where(eq(files.id, id));
  if (!row) throw errors.notFound('tệp');
  return row;
}

/** The stored content; a row whose content is missing on disk (a folder not restored with the database) is a clear 404, not a 500. */
export function openBlob(dir: string, file: { sha256: string; name: string }) {
  const path = blobPath(dir, file.sha256);
  if (!existsSync(path)) throw new AppError(404, 'not_found', `Nội dung tệp “${file.name}” không còn trong kho lưu trữ của máy chủ. Hãy báo quản trị hệ thống khôi phục thư mục tệp từ bản sao lưu.`);
  return createReadStream(path);
}
