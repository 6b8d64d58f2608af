// Routes of uploaded files: upload evidence (multipart), download by id.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errors } from '../../http/errors.ts';
import { mutate, read } from '../../http/request.ts';
import { IdParams, withErrors } from '../../http/schemas.ts';
import { fileOr404, openBlob, storeUpload } from './service.ts';

const tags = ['files'];
const StoredFile = Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer(), mime: Type.String(), sha256: Type.String() });

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, so Vietnamese file names survive the download. */
export function contentDisposition(name: string) {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function fileRoutes(app: FastifyInstance) {
  const { config } = app.kh;

  app.post('/api/files', {
    schema: {
      tags, summary: 'Tải lên tệp minh chứng (PDF, Word, Excel, ảnh); cùng một nội dung chỉ lưu một lần', consumes: ['multipart/form-data'],
      response: withErrors({ 201: Type.Object({ items: Type.Array(StoredFile) }) }),
    },
    config: { authz: 'file.upload' },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw errors.field('file', 'Vui lòng chọn tệp để tải lên.');
    const items = await mutate(req, async (m) => {
      const stored = [];
      for await (const part of req.files()) stored.push(await storeUpload(m, config.filesDir, config.uploadMaxBytes, { filename: part.filename, stream: part.file }));
      if (!stored.length) throw errors.field('file', 'Vui lòng chọn tệp để tải lên.');
      return stored;
    });
    return reply.code(201).send({ items });
  });

  app.get('/api/files/:id', {
    schema: { tags, summary: 'Tải xuống tệp', params: IdParams },
    config: { authz: 'file.read' },
  }, async (req, reply) => {
    const row = await read(req, (tx) => fileOr404(tx, (req.params as { id: string }).id));
    const content = openBlob(config.filesDir, row);
    return reply
      .header('content-type', row.mime)
      .header('content-length', row.size)
      .header('content-disposition', contentDisposition(row.name))
      .header('cache-control', 'private, max-age=3600')
      .send(content);
  });
}
