// Plan import over HTTP: upload a .docx, .pdf or .txt, review and edit the draft, confirm or discard.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { FINDING_CODES } from '../../../core/import/types.ts';
import { AppError, errors } from '../../http/errors.ts';
import { currentUser, mutate, read, today } from '../../http/request.ts';
import { IdParams, Ok, oneOf, text, uuid, withErrors } from '../../http/schemas.ts';
import { confirmImport, createImport, discardImport, importOr404, listImports, parseFile, presentImport, saveImport, type ConfirmInput } from './service.ts';

const tags = ['plan-imports'];
const nullable = <T extends ReturnType<typeof text>>(t: T) => Type.Union([t, Type.Null()]);
const names = (title: string) => Type.Array(text(title, { max: 300 }), { maxItems: 60 });

// The draft as the person edits it: every field named in Vietnamese, so an error says which.
const DraftBody = Type.Object({
  header: Type.Object({
    issuer: nullable(text('Cơ quan ban hành', { max: 300 })), parentBody: nullable(text('Cơ quan chủ quản', { max: 300 })),
    number: nullable(text('Số, ký hiệu', { max: 100 })), place: nullable(text('Địa danh', { max: 100 })),
    date: Type.Union([Type.String({ title: 'Ngày ban hành', format: 'date' }), Type.Null()]), dateText: nullable(text('Ngày tháng (như văn bản ghi)', { max: 100 })),
    year: Type.Union([Type.Integer({ title: 'Năm', minimum: 2000, maximum: 2100 }), Type.Null()]),
    title: text('Tên (trích yếu) kế hoạch', { max: 2000 }), legalBases: Type.Array(text('Căn cứ', { max: 4000 }), { maxItems: 50 }),
    replaces: nullable(text('Kế hoạch được thay thế', { max: 1000 })), signer: nullable(text('Người ký', { max: 200 })),
    signerTitle: nullable(text('Chức vụ người ký', { max: 200 })), recipients: Type.Array(text('Nơi nhận', { max: 300 }), { maxItems: 100 }),
  }),
  period: Type.Object({ start: Type.String({ title: 'Ngày bắt đầu', format: 'date' }), end: Type.String({ title: 'Ngày kết thúc', format: 'date' }) }),
  sections: Type.Array(Type.Object({ code: text('Số hiệu phần', { max: 20 }), title: text('Tên phần', { max: 1000 }), line: Type.Integer() }), { maxItems: 100 }),
  tasks: Type.Array(Type.Object({
    section: nullable(text('Phần', { max: 20 })), no: text('STT', { max: 20 }), title: text('Nội dung nhiệm vụ', { max: 4000 }),
    lead: names('Đơn vị chủ trì'), coordinators: names('Đơn vị phối hợp'), deadlineText: text('Thời gian hoàn thành', { max: 500 }),
    product: nullable(text('Sản phẩm', { max: 2000 })), note: nullable(text('Ghi chú', { max: 2000 })),
    line: Type.Integer(), doubts: Type.Record(Type.String(), Type.String()),
  }), { maxItems: 2000 }),
  targets: Type.Array(Type.Object({
    text: text('Chỉ tiêu', { max: 4000 }), value: Type.Number({ title: 'Giá trị chỉ tiêu' }), unit: text('Đơn vị tính', { max: 20 }),
    comparator: oneOf(['>=', '=', '<='] as const, 'So sánh'), subject: text('Nội dung đo', { max: 1000 }), line: Type.Integer(),
  }), { maxItems: 500 }),
  reporting: Type.Array(Type.Object({
    text: text('Chế độ báo cáo', { max: 4000 }), frequency: oneOf(['monthly', 'quarterly', 'semiannual', 'annual', 'adhoc'] as const, 'Kỳ báo cáo'),
    due: Type.Array(Type.String({ title: 'Hạn báo cáo', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' }), { maxItems: 12 }),
    who: nullable(text('Đơn vị báo cáo', { max: 300 })), line: Type.Integer(),
  }), { maxItems: 200 }),
  findings: Type.Array(Type.Object({ code: oneOf(FINDING_CODES, 'Loại phát hiện'), message: text('Nội dung', { max: 2000 }), where: Type.Array(Type.String()), lines: Type.Array(Type.Integer()) })),
  warnings: Type.Array(Type.String()),
});
const UnitMapBody = Type.Record(Type.String(), Type.Object({
  kind: oneOf(['unit', 'group', 'external', 'new', 'ignore'] as const, 'Cách ghép đơn vị'),
  unitIds: Type.Optional(Type.Array(uuid('Đơn vị'), { maxItems: 500 })),
}));
const ImportView = Type.Object({
  id: Type.String(), status: Type.String(), fileId: Type.String(), fileName: Type.String(), planId: Type.Union([Type.String(), Type.Null()]),
  ownerUnitId: Type.Union([Type.String(), Type.Null()]), sourceText: Type.String(), draft: Type.Unknown(), unitMap: Type.Unknown(),
  units: Type.Array(Type.Object({ name: Type.String(), kind: Type.String(), unitIds: Type.Array(Type.String()), confidence: Type.Number(), choice: Type.Unknown() })),
  createdAt: Type.String(),
});

export async function planImportRoutes(app: FastifyInstance) {
  const { config } = app.kh;

  app.post('/api/plan-imports', {
    schema: {
      tags, summary: 'Nhập kế hoạch từ văn bản (.docx, .pdf, .txt): đọc thành bản nháp để rà soát', consumes: ['multipart/form-data'],
      response: withErrors({ 201: ImportView }),
    },
    config: { authz: 'plan.manage' },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw errors.field('file', 'Vui lòng chọn văn bản kế hoạch (.docx, .pdf hoặc .txt) để nhập.');
    const part = await req.file();
    if (!part) throw errors.field('file', 'Vui lòng chọn văn bản kế hoạch (.docx, .pdf hoặc .txt) để nhập.');
    const buffer = await part.toBuffer().catch((e: { code?: string }) => {
      if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'payload_too_large', `Tệp “${part.filename}” vượt quá ${Math.round(config.uploadMaxBytes / 1048576)} MB. Hãy nén ảnh trong văn bản hoặc tách phụ lục ra tệp riêng.`);
      throw e;
    });
    // Read before the transaction: a slow or failing parse holds no database connection and writes nothing.
    const parsed = await parseFile(buffer, part.filename, Number(today(req).slice(0, 4)));
    const view = await mutate(req, async (m) => presentImport(m.tx, await createImport(m, config.filesDir, config.uploadMaxBytes, part.filename, buffer, parsed)));
    return reply.code(201).send(view);
  });

  app.get('/api/plan-imports', {
    schema: {
      tags, summary: 'Các bản nhập kế hoạch đang chờ rà soát',
      response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), fileName: Type.String(), status: Type.String(), planId: Type.Union([Type.String(), Type.Null()]), title: Type.String(), tasks: Type.Integer(), findings: Type.Integer(), createdAt: Type.String() })) }) }),
    },
    config: { authz: 'plan.manage' },
  }, async (req) => ({ items: await read(req, (tx) => listImports(tx, currentUser(req))) }));

  app.get('/api/plan-imports/:id', {
    schema: { tags, summary: 'Bản nháp đọc từ văn bản, bên cạnh văn bản gốc', params: IdParams, response: withErrors({ 200: ImportView }) },
    config: { authz: 'plan.manage' },
  }, async (req) => read(req, async (tx) => presentImport(tx, await importOr404(tx, (req.params as { id: string }).id, currentUser(req)))));

  app.put('/api/plan-imports/:id', {
    schema: { tags, summary: 'Lưu chỉnh sửa bản nháp và cách ghép đơn vị', params: IdParams, body: Type.Object({ draft: DraftBody, unitMap: UnitMapBody }), response: withErrors({ 200: ImportView }) },
    config: { authz: 'plan.manage' },
  }, async (req) => {
    const body = req.body as Pick<ConfirmInput, 'draft' | 'unitMap'>;
    return mutate(req, async (m) => presentImport(m.tx, await saveImport(m, (req.params as { id: string }).id, body)));
  });

  app.post('/api/plan-imports/:id/confirm', {
    schema: {
      tags, summary: 'Xác nhận: tạo kế hoạch, các phần, nhiệm vụ, chỉ tiêu và chế độ báo cáo trong một lần', params: IdParams,
      body: Type.Object({
        draft: DraftBody, unitMap: UnitMapBody,
        plan: Type.Object({
          ownerUnitId: uuid('Đơn vị chủ quản'), periodStart: Type.String({ title: 'Ngày bắt đầu', format: 'date' }), periodEnd: Type.String({ title: 'Ngày kết thúc', format: 'date' }),
          issuedOn: Type.Optional(Type.Union([Type.String({ title: 'Ngày ban hành', format: 'date' }), Type.Null()])),
          number: Type.Optional(text('Số, ký hiệu', { max: 100 })), newUnitParentId: Type.Optional(uuid('Đơn vị cấp trên của đơn vị mới')),
        }),
      }),
      response: withErrors({ 201: Type.Object({ planId: Type.String(), tasks: Type.Integer() }) }),
    },
    config: { authz: 'plan.manage' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => confirmImport(m, (req.params as { id: string }).id, req.body as ConfirmInput))));

  app.delete('/api/plan-imports/:id', {
    schema: { tags, summary: 'Bỏ bản nhập (văn bản gốc vẫn được lưu)', params: IdParams, response: withErrors({ 200: Ok }) },
    config: { authz: 'plan.manage' },
  }, async (req) => {
    await mutate(req, (m) => discardImport(m, (req.params as { id: string }).id));
    return { ok: true as const };
  });
}
