// Routes of emulation and commendation (seed 001): movements, registrations, nominations and their review, the
// Director's decisions with their documents, emulation blocks with scores, and the history of awards.
import type { FastifyInstance } from 'fastify';
import { inArray } from 'drizzle-orm';
import { Type } from 'typebox';
import { DOC_KINDS, FORM_CODES } from '../../../core/emulation/forms.ts';
import { MEASURES } from '../../../core/emulation/scoring.ts';
import { NOMINATION_STATUSES } from '../../../core/emulation/workflow.ts';
import { files } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import { mutate, read, today } from '../../http/request.ts';
import { IdParams, isoDate, oneOf, requiredText, text, uuid, withErrors } from '../../http/schemas.ts';
import { issuerOf } from '../allowance/figures.ts';
import { renderOfficialDocx } from '../documents/official.ts';
import { contentDisposition } from '../files/routes.ts';
import { allUnits } from '../org/queries.ts';
import { blockTable, createBlock, explainScore, setScore } from './blocks.service.ts';
import { decide, decisionView, listDecisions, type DecideInput } from './decisions.service.ts';
import { awardDecision, certificatesDocx, forwardDossier } from './documents.ts';
import { awardHistory } from './history.service.ts';
import { createMovement, listMovements, movementView, register, type MovementInput } from './movements.service.ts';
import { addFiles, createNomination, listNominations, nominationView, submitNomination, type NominationInput } from './nominations.service.ts';
import { checkNomination, forwardNomination, recordHigherDecision, recordVote, returnNomination } from './review.service.ts';

const tags = ['emulation'];
const ok = withErrors({ 200: Type.Unknown() });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
type Id = { id: string };
const Year = Type.Integer({ title: 'Năm', minimum: 2000, maximum: 2100 });
const ROUNDS = ['annual', 'so_ket', 'tong_ket'] as const;

const MovementFields = Type.Object({
  number: Type.Optional(text('Số kế hoạch', { max: 100 })),
  name: requiredText('Tên phong trào', 500),
  startYear: Year, endYear: Year,
  phases: Type.Array(Type.Object({ name: requiredText('Tên giai đoạn', 200), fromYear: Year, toYear: Year, review: oneOf(['so_ket', 'tong_ket'] as const, 'Đánh giá cuối giai đoạn') }), { title: 'Giai đoạn', minItems: 1, maxItems: 10 }),
  forms: Type.Array(oneOf(FORM_CODES, 'Hình thức khen thưởng'), { title: 'Hình thức khen thưởng', maxItems: 20 }),
  ownerUnitId: uuid('Đơn vị thường trực'),
  councilMembers: Type.Integer({ title: 'Số thành viên Hội đồng', minimum: 1, maximum: 200 }),
  passPct: Type.Optional(Type.Union([Type.Integer({ title: 'Tỷ lệ phiếu đồng ý tối thiểu (%)', minimum: 51, maximum: 100 }), Type.Null()])),
  planId: Type.Optional(Type.Union([uuid('Kế hoạch'), Type.Null()])),
  criteria: Type.Array(Type.Object({
    subject: oneOf(['collective', 'individual'] as const, 'Đối tượng'), text: requiredText('Nội dung tiêu chí', 2000),
    weight: Type.Integer({ title: 'Trọng số', minimum: 0, maximum: 100 }), measure: oneOf(MEASURES, 'Cách đo'),
  }), { title: 'Tiêu chí', maxItems: 50 }),
});
const FileRefs = Type.Array(Type.Object({ kind: oneOf(DOC_KINDS, 'Loại tài liệu'), fileId: uuid('Tệp') }), { title: 'Tài liệu hồ sơ', maxItems: 50 });
const NominationFields = Type.Object({
  roundKind: oneOf(ROUNDS, 'Đợt khen thưởng'), year: Year, unitId: uuid('Đơn vị đề nghị'), subject: oneOf(['collective', 'individual'] as const, 'Đối tượng'),
  personId: Type.Optional(Type.Union([uuid('Cá nhân'), Type.Null()])), nomineeUnitId: Type.Optional(Type.Union([uuid('Tập thể'), Type.Null()])),
  collectiveName: Type.Optional(text('Tên tập thể', { max: 300 })), taskId: Type.Optional(Type.Union([uuid('Nhiệm vụ'), Type.Null()])),
  taskText: requiredText('Nhiệm vụ, lĩnh vực lập thành tích', 1000), title: requiredText('Thành tích', 500), output: requiredText('Tóm tắt thành tích', 8000),
  form: oneOf(FORM_CODES, 'Hình thức đề nghị'), files: Type.Optional(FileRefs),
});
const VoteFields = Type.Object({
  councilDate: isoDate('Ngày họp Hội đồng'), members: Type.Optional(Type.Integer({ title: 'Số thành viên Hội đồng', minimum: 1, maximum: 200 })),
  participants: Type.Integer({ title: 'Số thành viên tham gia', minimum: 0, maximum: 200 }),
  votesFor: Type.Integer({ title: 'Số phiếu đồng ý', minimum: 0, maximum: 200 }), votesAgainst: Type.Integer({ title: 'Số phiếu không đồng ý', minimum: 0, maximum: 200 }),
});
const DecideFields = Type.Object({
  nominationIds: Type.Array(uuid('Hồ sơ'), { title: 'Hồ sơ được khen thưởng', minItems: 1, maxItems: 500 }),
  number: requiredText('Số quyết định', 100), decisionDate: isoDate('Ngày quyết định'), signerName: requiredText('Người ký', 200), signerTitle: requiredText('Chức vụ người ký', 200),
});
const YearQuery = Type.Object({ year: Type.Optional(Year) });

/** Commendations are issued by the Sở itself (the tenant's root unit), under its own parent body. */
async function sectorIssuer(tx: Parameters<typeof issuerOf>[0]) {
  const root = (await allUnits(tx)).find((u) => u.parentId === null)!;
  return issuerOf(tx, { name: root.name, kind: root.kind });
}

export async function emulationRoutes(app: FastifyInstance) {
  const now = () => app.kh.config.now();
  app.get('/api/emulation/movements', { schema: { tags, summary: 'Các phong trào thi đua', response: ok }, config: { authz: 'emulation.read' } },
    async (req) => read(req, (tx, user) => listMovements(tx, user)));
  app.post('/api/emulation/movements', { schema: { tags, summary: 'Lập phong trào thi đua: giai đoạn, tiêu chí, hình thức khen thưởng', body: MovementFields, response: withErrors({ 201: Type.Unknown() }) }, config: { authz: 'emulation.manage' } },
    async (req, reply) => reply.code(201).send(await mutate(req, (m) => createMovement(m, req.body as MovementInput))));
  app.get('/api/emulation/movements/:id', { schema: { tags, summary: 'Một phong trào: giai đoạn, tiêu chí, hình thức, khối, đăng ký của năm', params: IdParams, querystring: YearQuery, response: ok }, config: { authz: 'emulation.read' } },
    async (req) => read(req, (tx, user) => movementView(tx, user, (req.params as Id).id, (req.query as { year?: number }).year ?? Number(today(req).slice(0, 4)))));
  app.post('/api/emulation/movements/:id/registrations', {
    schema: { tags, summary: 'Đơn vị đăng ký thi đua', params: IdParams, body: Type.Object({ unitId: uuid('Đơn vị'), year: Year, pledge: requiredText('Nội dung đăng ký', 4000) }), response: withErrors({ 201: Type.Unknown() }) },
    config: { authz: 'emulation.nominate' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => register(m, (req.params as Id).id, req.body as { unitId: string; year: number; pledge: string }, now()))));
  app.get('/api/emulation/movements/:id/nominations', {
    schema: { tags, summary: 'Hồ sơ đề nghị khen thưởng của phong trào', params: IdParams, querystring: Type.Object({ year: Type.Optional(Year), status: Type.Optional(oneOf(NOMINATION_STATUSES, 'Trạng thái')) }), response: ok },
    config: { authz: 'emulation.read' },
  }, async (req) => read(req, (tx, user) => listNominations(tx, user, (req.params as Id).id, req.query as { year?: number; status?: string })));
  app.post('/api/emulation/movements/:id/nominations', { schema: { tags, summary: 'Lập hồ sơ đề nghị khen thưởng', params: IdParams, body: NominationFields, response: withErrors({ 201: Type.Unknown() }) }, config: { authz: 'emulation.nominate' } },
    async (req, reply) => {
      const n = await mutate(req, (m) => createNomination(m, (req.params as Id).id, req.body as NominationInput));
      return reply.code(201).send(await read(req, (tx, user) => nominationView(tx, user, n.id)));
    });
  app.get('/api/emulation/movements/:id/decisions', { schema: { tags, summary: 'Quyết định khen thưởng của phong trào', params: IdParams, response: ok }, config: { authz: 'emulation.read' } },
    async (req) => read(req, (tx) => listDecisions(tx, (req.params as Id).id)));
  app.post('/api/emulation/movements/:id/blocks', {
    schema: { tags, summary: 'Lập khối thi đua', params: IdParams, body: Type.Object({ name: requiredText('Tên khối', 300), unitIds: Type.Array(uuid('Đơn vị'), { title: 'Đơn vị thành viên', maxItems: 500 }) }), response: withErrors({ 201: Type.Unknown() }) },
    config: { authz: 'emulation.manage' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => createBlock(m, (req.params as Id).id, req.body as { name: string; unitIds: string[] }))));

  const view = (req: Parameters<typeof read>[0]) => read(req, (tx, user) => nominationView(tx, user, (req.params as Id).id));
  app.get('/api/emulation/nominations/:id', { schema: { tags, summary: 'Một hồ sơ đề nghị khen thưởng', params: IdParams, response: ok }, config: { authz: 'emulation.read' } }, async (req) => view(req));
  app.post('/api/emulation/nominations/:id/files', { schema: { tags, summary: 'Bổ sung tài liệu vào hồ sơ', params: IdParams, body: Type.Object({ files: FileRefs }), response: ok }, config: { authz: 'emulation.nominate' } },
    async (req) => { await mutate(req, (m) => addFiles(m, (req.params as Id).id, (req.body as { files: { kind: 'report'; fileId: string }[] }).files)); return view(req); });
  app.post('/api/emulation/nominations/:id/submit', { schema: { tags, summary: 'Gửi hồ sơ tới Phòng TCCB', params: IdParams, response: ok }, config: { authz: 'emulation.nominate' } },
    async (req) => { await mutate(req, (m) => submitNomination(m, (req.params as Id).id, now())); return view(req); });
  app.post('/api/emulation/nominations/:id/return', { schema: { tags, summary: 'Phòng TCCB trả lại hồ sơ để bổ sung', params: IdParams, body: Type.Object({ comment: requiredText('Nội dung cần bổ sung', 2000) }), response: ok }, config: { authz: 'emulation.manage' } },
    async (req) => { await mutate(req, (m) => returnNomination(m, (req.params as Id).id, (req.body as { comment: string }).comment, now())); return view(req); });
  app.post('/api/emulation/nominations/:id/check', { schema: { tags, summary: 'Phòng TCCB xác nhận hồ sơ đủ, trình Hội đồng', params: IdParams, body: Type.Object({ duplicatesSeen: Type.Optional(Type.Boolean({ title: 'Đã xem các bản ghi trùng thành tích' })) }), response: ok }, config: { authz: 'emulation.manage' } },
    async (req) => { await mutate(req, (m) => checkNomination(m, (req.params as Id).id, !!(req.body as { duplicatesSeen?: boolean }).duplicatesSeen, now())); return view(req); });
  app.post('/api/emulation/nominations/:id/vote', { schema: { tags, summary: 'Ghi kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng', params: IdParams, body: VoteFields, response: ok }, config: { authz: 'emulation.manage' } },
    async (req) => { await mutate(req, (m) => recordVote(m, (req.params as Id).id, req.body as Parameters<typeof recordVote>[2], today(req))); return view(req); });
  app.post('/api/emulation/nominations/:id/forward', { schema: { tags, summary: 'Trình cấp trên hình thức khen thưởng cao hơn', params: IdParams, response: ok }, config: { authz: 'emulation.manage' } },
    async (req) => { await mutate(req, (m) => forwardNomination(m, (req.params as Id).id, now())); return view(req); });
  app.post('/api/emulation/nominations/:id/record', {
    schema: { tags, summary: 'Ghi nhận quyết định khen thưởng của cấp trên', params: IdParams, body: Type.Object({ decisionNo: requiredText('Số quyết định', 100), decisionDate: isoDate('Ngày quyết định'), signer: text('Người/cơ quan quyết định', { max: 200 }) }), response: ok },
    config: { authz: 'emulation.manage' },
  }, async (req) => { await mutate(req, (m) => recordHigherDecision(m, (req.params as Id).id, req.body as { decisionNo: string; decisionDate: string; signer: string }, today(req))); return view(req); });
  app.get('/api/emulation/nominations/:id/dossier.zip', { schema: { tags, summary: 'Tải hồ sơ trình cấp trên (.zip)', params: IdParams }, config: { authz: 'emulation.manage' } }, async (req, reply) => {
    const [n, issuer, blobs] = await read(req, async (tx, user) => {
      const v = await nominationView(tx, user, (req.params as Id).id);
      if (!v.officer) throw errors.forbidden('Chỉ Phòng Tổ chức cán bộ (thường trực thi đua, khen thưởng) tải hồ sơ trình cấp trên.');
      const ids = v.documents.flatMap((d) => d.files.map((f) => f.id));
      return [v, await sectorIssuer(tx), ids.length ? await tx.select({ id: files.id, sha256: files.sha256 }).from(files).where(inArray(files.id, ids)) : []] as const;
    });
    const d = await forwardDossier(n, issuer, blobs, app.kh.config.filesDir, now());
    return reply.header('content-type', 'application/zip').header('content-disposition', contentDisposition(d.name)).send(Buffer.from(d.zip));
  });

  app.post('/api/emulation/decisions', { schema: { tags, summary: 'Giám đốc Sở quyết định khen thưởng', body: DecideFields, response: withErrors({ 201: Type.Unknown() }) }, config: { authz: 'emulation.decide', wholeTenant: true } },
    async (req, reply) => {
      const d = await mutate(req, (m) => decide(m, req.body as DecideInput, today(req)));
      return reply.code(201).send(await read(req, (tx, user) => decisionView(tx, user, d.id)));
    });
  app.get('/api/emulation/decisions/:id', { schema: { tags, summary: 'Một quyết định khen thưởng', params: IdParams, response: ok }, config: { authz: 'emulation.read' } },
    async (req) => read(req, (tx, user) => decisionView(tx, user, (req.params as Id).id)));
  const decisionDoc = (kind: 'decision' | 'certificates') => async (req: Parameters<typeof read>[0], reply: import('fastify').FastifyReply) => {
    const [d, issuer] = await read(req, async (tx, user) => [await decisionView(tx, user, (req.params as Id).id), await sectorIssuer(tx)] as const);
    const buffer = kind === 'decision' ? await renderOfficialDocx(awardDecision(d, issuer)) : await certificatesDocx(d, issuer);
    const name = `${kind === 'decision' ? 'Quyết định khen thưởng' : 'Giấy khen'} ${d.number}`.replace(/[\\/:*?"<>|]/g, '-');
    return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(`${name}.docx`)).send(buffer);
  };
  app.get('/api/emulation/decisions/:id/decision.docx', { schema: { tags, summary: 'Tải quyết định khen thưởng (Word, Nghị định 30/2020)', params: IdParams }, config: { authz: 'emulation.read' } }, decisionDoc('decision'));
  app.get('/api/emulation/decisions/:id/certificates.docx', { schema: { tags, summary: 'Tải giấy khen để in (Word)', params: IdParams }, config: { authz: 'emulation.read' } }, decisionDoc('certificates'));

  app.get('/api/emulation/blocks/:id', { schema: { tags, summary: 'Bảng điểm khối thi đua: đơn vị × tiêu chí, tổng điểm, xếp hạng', params: IdParams, querystring: YearQuery, response: ok }, config: { authz: 'emulation.read' } },
    async (req) => read(req, (tx, user) => blockTable(tx, user, (req.params as Id).id, (req.query as { year?: number }).year ?? Number(today(req).slice(0, 4)), today(req))));
  app.post('/api/emulation/blocks/:id/scores', {
    schema: { tags, summary: 'Chấm điểm một tiêu chí cho một đơn vị', params: IdParams, body: Type.Object({ year: Year, unitId: uuid('Đơn vị'), criterionId: uuid('Tiêu chí'), score: Type.Number({ title: 'Điểm', minimum: 0, maximum: 100 }), note: Type.Optional(text('Ghi chú', { max: 1000 })) }), response: withErrors({ 200: Type.Unknown() }) },
    config: { authz: 'emulation.manage' },
  }, async (req) => mutate(req, (m) => setScore(m, (req.params as Id).id, req.body as Parameters<typeof setScore>[2])));
  app.get('/api/emulation/blocks/:id/explain', {
    schema: { tags, summary: 'Các bản ghi tạo nên một ô điểm', params: IdParams, querystring: Type.Object({ year: Year, unitId: uuid('Đơn vị'), criterionId: uuid('Tiêu chí') }), response: ok },
    config: { authz: 'emulation.read' },
  }, async (req) => read(req, (tx, user) => explainScore(tx, user, (req.params as Id).id, req.query as { year: number; unitId: string; criterionId: string }, today(req))));
  app.get('/api/emulation/history', { schema: { tags, summary: 'Lịch sử khen thưởng qua các năm', querystring: Type.Object({ q: Type.Optional(text('Tìm kiếm', { max: 200 })), year: Type.Optional(Year) }), response: ok }, config: { authz: 'emulation.read' } },
    async (req) => read(req, (tx, user) => awardHistory(tx, user, req.query as { q?: string; year?: number })));
}
