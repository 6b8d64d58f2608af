// Routes of inspections (kiểm tra, giám sát): plans with coverage, inspections, findings, conclusions, and the
// corrective actions units report and inspectors close.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { mutate, read, today } from '../../http/request.ts';
import { IdParams, isoDate, requiredText, text, uuid, withErrors } from '../../http/schemas.ts';
import { addFinding, closeAction, conclude, reportAction, type FindingInput } from './findings.service.ts';
import { createInspection, createPlan, inspectionView, listPlans, planView, type PlanInput } from './inspections.service.ts';

const tags = ['inspections'];
const ok = withErrors({ 200: Type.Unknown() });
type Id = { id: string };

const PlanFields = Type.Object({
  year: Type.Integer({ title: 'Năm', minimum: 2000, maximum: 2100 }),
  subject: requiredText('Nội dung kiểm tra', 500),
  ownerUnitId: uuid('Đơn vị chủ trì'),
  coverageTargetPct: Type.Integer({ title: 'Tỷ lệ đơn vị được kiểm tra tối thiểu (%)', minimum: 1, maximum: 100 }),
  taskId: Type.Optional(Type.Union([uuid('Nhiệm vụ trong kế hoạch'), Type.Null()])),
  basis: Type.Optional(text('Căn cứ', { max: 1000 })),
  unitIds: Type.Array(uuid('Đơn vị được kiểm tra'), { title: 'Đơn vị được kiểm tra', maxItems: 2000 }),
});
const InspectionFields = Type.Object({
  unitId: uuid('Đơn vị được kiểm tra'),
  team: requiredText('Đoàn kiểm tra', 1000),
  startOn: isoDate('Từ ngày'),
  endOn: isoDate('Đến ngày'),
  scope: requiredText('Nội dung, phạm vi kiểm tra', 2000),
});
const FindingFields = Type.Object({
  text: requiredText('Nội dung phát hiện', 2000),
  action: Type.Optional(Type.Union([Type.Object({
    responsibleUnitId: uuid('Đơn vị khắc phục'),
    description: requiredText('Biện pháp khắc phục', 2000),
    dueOn: isoDate('Thời hạn khắc phục'),
    assignmentId: Type.Optional(Type.Union([uuid('Quyết định phân công phải dừng hưởng'), Type.Null()])),
  }), Type.Null()])),
});
const ConcludeFields = Type.Object({
  conclusionNo: requiredText('Số kết luận', 100),
  conclusionDate: isoDate('Ngày kết luận'),
  conclusion: requiredText('Nội dung kết luận', 8000),
  fileId: Type.Optional(Type.Union([uuid('Tệp kết luận'), Type.Null()])),
});
const ReportFields = Type.Object({
  note: requiredText('Kết quả khắc phục', 2000),
  fileIds: Type.Optional(Type.Array(uuid('Tệp minh chứng'), { title: 'Tệp minh chứng', maxItems: 20 })),
});
const CloseFields = Type.Object({ note: text('Ý kiến của đoàn kiểm tra', { max: 2000 }) });

export async function inspectionRoutes(app: FastifyInstance) {
  app.get('/api/inspection-plans', {
    schema: { tags, summary: 'Kế hoạch kiểm tra và tỷ lệ đơn vị đã kiểm tra', querystring: Type.Object({ year: Type.Optional(Type.Integer({ title: 'Năm', minimum: 2000, maximum: 2100 })) }), response: ok },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx, user) => listPlans(tx, user, (req.query as { year?: number }).year, today(req))));
  app.post('/api/inspection-plans', { schema: { tags, summary: 'Lập kế hoạch kiểm tra', body: PlanFields, response: withErrors({ 201: Type.Unknown() }) }, config: { authz: 'inspection.manage' } },
    async (req, reply) => {
      const plan = await mutate(req, (m) => createPlan(m, req.body as PlanInput));
      return reply.code(201).send(await read(req, (tx, user) => planView(tx, user, plan.id, today(req))));
    });
  app.get('/api/inspection-plans/:id', { schema: { tags, summary: 'Một kế hoạch kiểm tra: đơn vị, cuộc kiểm tra, tỷ lệ', params: IdParams, response: ok }, config: { authz: 'plan.read' } },
    async (req) => read(req, (tx, user) => planView(tx, user, (req.params as Id).id, today(req))));
  app.post('/api/inspection-plans/:id/inspections', { schema: { tags, summary: 'Ghi một cuộc kiểm tra', params: IdParams, body: InspectionFields, response: withErrors({ 201: Type.Unknown() }) }, config: { authz: 'inspection.manage' } },
    async (req, reply) => {
      const row = await mutate(req, (m) => createInspection(m, (req.params as Id).id, req.body as Parameters<typeof createInspection>[2]));
      return reply.code(201).send(await read(req, (tx, user) => inspectionView(tx, user, row.id, today(req))));
    });
  app.get('/api/inspections/:id', { schema: { tags, summary: 'Một cuộc kiểm tra: phát hiện, biện pháp khắc phục, kết luận', params: IdParams, response: ok }, config: { authz: 'plan.read' } },
    async (req) => read(req, (tx, user) => inspectionView(tx, user, (req.params as Id).id, today(req))));
  app.post('/api/inspections/:id/findings', { schema: { tags, summary: 'Ghi phát hiện và biện pháp khắc phục', params: IdParams, body: FindingFields, response: ok }, config: { authz: 'inspection.manage' } },
    async (req) => {
      await mutate(req, (m) => addFinding(m, (req.params as Id).id, req.body as FindingInput, today(req)));
      return read(req, (tx, user) => inspectionView(tx, user, (req.params as Id).id, today(req)));
    });
  app.post('/api/inspections/:id/conclude', { schema: { tags, summary: 'Ghi kết luận kiểm tra', params: IdParams, body: ConcludeFields, response: ok }, config: { authz: 'inspection.manage' } },
    async (req) => {
      await mutate(req, (m) => conclude(m, (req.params as Id).id, req.body as Parameters<typeof conclude>[2], today(req)));
      return read(req, (tx, user) => inspectionView(tx, user, (req.params as Id).id, today(req)));
    });
  app.post('/api/corrective-actions/:id/report', { schema: { tags, summary: 'Đơn vị báo cáo kết quả khắc phục, kèm minh chứng', params: IdParams, body: ReportFields, response: withErrors({ 200: Type.Object({ ok: Type.Literal(true) }) }) }, config: { authz: 'file.upload' } },
    async (req) => {
      await mutate(req, (m) => reportAction(m, (req.params as Id).id, req.body as { note: string; fileIds?: string[] }, req.server.kh.config.now()));
      return { ok: true as const };
    });
  app.post('/api/corrective-actions/:id/close', { schema: { tags, summary: 'Đoàn kiểm tra đóng biện pháp khắc phục', params: IdParams, body: CloseFields, response: withErrors({ 200: Type.Object({ ok: Type.Literal(true) }) }) }, config: { authz: 'inspection.manage' } },
    async (req) => {
      await mutate(req, (m) => closeAction(m, (req.params as Id).id, req.body as { note: string }, req.server.kh.config.now()));
      return { ok: true as const };
    });
}
