// Picks the reader for an uploaded plan by its extension and its first bytes. Plain text goes back as
// text (the core has its own text reader); Word and PDF files come back as blocks.
import { draftFromDocument, draftFromText, type ImportOptions } from '../../../../core/import/draft.ts';
import { ImportError, type Block, type Draft } from '../../../../core/import/types.ts';
import { cfbError, isCfb, readDocx } from './docx.ts';
import { readPdf } from './pdf.ts';

const MAX_UPLOAD = 50 * 1024 * 1024;

const isZip = (buf: Buffer) => buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
const isPdf = (buf: Buffer) => buf.subarray(0, 1024).includes('%PDF-');

export async function readDocument(buf: Buffer, fileName: string): Promise<{ blocks: Block[] } | { text: string }> {
  if (buf.length === 0) throw new ImportError('Tệp rỗng (0 byte). Hãy chọn lại đúng tệp kế hoạch rồi tải lên.', 'empty');
  if (buf.length > MAX_UPLOAD) {
    throw new ImportError('Tệp quá lớn: giới hạn là 50 MB. Hãy bỏ bớt hình ảnh hoặc chỉ tải phần kế hoạch và phụ lục.', 'too_large');
  }
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (ext === 'txt') return { text: buf.toString('utf8').replace(/^\uFEFF/, '') };
  if (ext === 'docx') {
    if (isCfb(buf)) throw cfbError(buf);
    if (!isZip(buf)) throw new ImportError('Tệp không phải là tài liệu Word (.docx) hợp lệ. Hãy mở tệp bằng Word và lưu lại dưới dạng .docx rồi tải lên lại.', 'unreadable');
    return { blocks: readDocx(buf) };
  }
  if (ext === 'pdf') {
    if (!isPdf(buf)) throw new ImportError('Tệp không phải là PDF hợp lệ. Hãy xuất lại PDF từ Word rồi tải lên lại.', 'unreadable');
    return { blocks: await readPdf(buf) };
  }
  if (ext === 'doc') {
    throw new ImportError('kehoach chưa đọc được tệp Word cũ (.doc, Word 97–2003). Hãy mở tệp bằng Word, chọn "Lưu thành" (Save As) kiểu "Tài liệu Word (.docx)" rồi tải lên lại.', 'unsupported');
  }
  throw new ImportError(`Không đọc được loại tệp${ext ? ` .${ext}` : ' này'}. Hãy tải lên kế hoạch dạng Word (.docx), PDF (.pdf) hoặc văn bản (.txt).`, 'unsupported');
}

/** A plan file read into the draft and the source text shown beside it: what the worker, the CLI and the bench run. */
export async function readPlanFile(buf: Buffer, fileName: string, opts: ImportOptions = {}): Promise<{ draft: Draft; sourceText: string }> {
  const doc = await readDocument(buf, fileName);
  return 'text' in doc ? draftFromText(doc.text, opts) : draftFromDocument(doc.blocks, opts);
}
