// Routes of the reports capability: forms, schedules, each unit's report and its review, completeness, reminders.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { can } from '../../../core/auth/policy.ts';
import { errors } from '../../http/errors.ts';
import { mutate, read, today } from '../../http/request.ts';
import { IdParams, withErrors } from '../../http/schemas.ts';
import { unitOr404 } from '../org/queries.ts';
import { consolidationRoutes } from './consolidation.routes.ts';
import { scheduleOr404 } from './queries.ts';
import { remindNow } from './reminders.ts';
import { createSchedule, getSchedule, listSchedules, periodOr404, updateSchedule, type ScheduleInput } from './schedules.service.ts';
import { PeriodParams, PlaceParams, ReopenFields, RemindFields, ReviewFields, ScheduleFields, SchedulePatch, TemplateFields, ValuesFields } from './schemas.ts';
import { getSubmission, reopenSubmission, reviewSubmission, saveSubmission, type Place, type ValuesInput } from './submissions.service.ts';
import { createTemplate, listTemplates, updateTemplate, type TemplateInput } from './templates.service.ts';

const tags = ['reports'];
type Id = { id: string };
// Report views are nested shapes documented by the service's types; the schemas guard what comes in.
const Any = Type.Unknown();
const now = (req: FastifyRequest) => req.server.kh.config.now();
const place = (req: FastifyRequest): Place => {
  const p = req.params as { id: string; period: string; unitId: string };
  return { scheduleId: p.id, periodKey: p.period, unitId: p.unitId };
};

export async function reportRoutes(app: FastifyInstance) {
  await consolidationRoutes(app);

  app.get('/api/report-templates', {
    schema: { tags, summary: 'Các biểu mẫu báo cáo (của Sở và có sẵn)', response: withErrors({ 200: Type.Object({ items: Type.Array(Any) }) }) },
    config: { authz: 'plan.read' },
  }, async (req) => ({ items: await read(req, (tx) => listTemplates(tx)) }));

  app.post('/api/report-templates', {
    schema: { tags, summary: 'Tạo biểu mẫu báo cáo', body: TemplateFields, response: withErrors({ 201: Any }) },
    config: { authz: 'report.manage' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => createTemplate(m, req.body as TemplateInput))));

  app.put('/api/report-templates/:id', {
    schema: { tags, summary: 'Sửa biểu mẫu (đã có báo cáo thì tạo phiên bản mới)', params: IdParams, body: TemplateFields, response: withErrors({ 200: Any }) },
    config: { authz: 'report.manage' },
  }, async (req) => mutate(req, (m) => updateTemplate(m, (req.params as Id).id, req.body as TemplateInput)));

  app.get('/api/report-schedules', {
    schema: { tags, summary: 'Lịch báo cáo: kỳ hiện tại, tỷ lệ gửi, đúng hạn, được duyệt; báo cáo của đơn vị mình', response: withErrors({ 200: Type.Object({ items: Type.Array(Any) }) }) },
    config: { authz: 'plan.read' },
  }, async (req) => ({ items: await read(req, (tx, user) => listSchedules(tx, user, now(req), today(req))) }));

  app.post('/api/report-schedules', {
    schema: { tags, summary: 'Lập lịch báo cáo (ai báo cáo, kỳ, hạn, khóa kỳ)', body: ScheduleFields, response: withErrors({ 201: Type.Object({ id: Type.String() }) }) },
    config: { authz: 'report.manage' },
  }, async (req, reply) => reply.code(201).send({ id: (await mutate(req, (m) => createSchedule(m, req.body as ScheduleInput))).id }));

  app.patch('/api/report-schedules/:id', {
    schema: { tags, summary: 'Sửa hoặc ngừng lịch báo cáo', params: IdParams, body: SchedulePatch, response: withErrors({ 200: Type.Object({ id: Type.String() }) }) },
    config: { authz: 'report.manage' },
  }, async (req) => ({ id: (await mutate(req, (m) => updateSchedule(m, (req.params as Id).id, req.body as Partial<ScheduleInput>))).id }));

  app.get('/api/report-schedules/:id', {
    schema: {
      tags, summary: 'Một lịch báo cáo: các kỳ và tỷ lệ, từng đơn vị của một kỳ', params: IdParams,
      querystring: Type.Object({ period: Type.Optional(Type.String({ title: 'Kỳ báo cáo', maxLength: 40 })) }), response: withErrors({ 200: Any }),
    },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx, user) => getSchedule(tx, user, (req.params as Id).id, now(req), today(req), (req.query as { period?: string }).period)));

  app.post('/api/report-schedules/:id/periods/:period/remind', {
    schema: { tags, summary: 'Nhắc các đơn vị chưa gửi báo cáo của kỳ (mỗi đơn vị một lần mỗi ngày)', params: PeriodParams, body: RemindFields, response: withErrors({ 200: Any }) },
    config: { authz: 'report.review' },
  }, async (req) => mutate(req, async (m) => {
    const p = req.params as { id: string; period: string };
    const s = await scheduleOr404(m.tx, p.id);
    const owner = await unitOr404(m.tx, s.ownerUnitId);
    if (!can(m.user, 'report.review', { unitPath: owner.path })) throw errors.forbidden(`Chỉ ${owner.name} nhắc các đơn vị gửi báo cáo này.`);
    const period = periodOr404(s, p.period);
    const result = await remindNow(m.tx, m.tenantId, s, period, now(req), today(req), (req.body as { unitIds?: string[] }).unitIds, { emailEnabled: !!req.server.kh.config.smtp, publicUrl: req.server.kh.config.publicUrl });
    await m.audit({ action: 'report.remind', entityType: 'report_schedule', entityId: s.id, summary: `Nhắc gửi báo cáo ${s.title} — ${period.label}: ${result.reminded.length ? result.reminded.join('; ') : 'không có đơn vị mới cần nhắc'}` });
    return result;
  }));

  app.get('/api/report-schedules/:id/periods/:period/units/:unitId', {
    schema: { tags, summary: 'Báo cáo của một đơn vị trong một kỳ (lấy sẵn số liệu từ kehoach khi chưa lập)', params: PlaceParams, response: withErrors({ 200: Any }) },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx, user) => getSubmission(tx, user, place(req), now(req), today(req))));

  const answer = (req: FastifyRequest) => read(req, (tx, user) => getSubmission(tx, user, place(req), now(req), today(req)));

  app.put('/api/report-schedules/:id/periods/:period/units/:unitId', {
    schema: { tags, summary: 'Lưu nháp báo cáo của đơn vị', params: PlaceParams, body: ValuesFields, response: withErrors({ 200: Any }) },
    config: { authz: 'report.submit' },
  }, async (req) => {
    await mutate(req, (m) => saveSubmission(m, place(req), req.body as ValuesInput, false, now(req), today(req)));
    return answer(req);
  });

  app.post('/api/report-schedules/:id/periods/:period/units/:unitId/submit', {
    schema: { tags, summary: 'Gửi báo cáo (kiểm tra đủ, đúng; tính đúng hạn theo lần gửi đầu)', params: PlaceParams, body: ValuesFields, response: withErrors({ 200: Any }) },
    config: { authz: 'report.submit' },
  }, async (req) => {
    await mutate(req, (m) => saveSubmission(m, place(req), req.body as ValuesInput, true, now(req), today(req)));
    return answer(req);
  });

  app.post('/api/report-schedules/:id/periods/:period/units/:unitId/reopen', {
    schema: { tags, summary: 'Mở lại kỳ báo cáo đã khóa cho một đơn vị (ngoại lệ khóa, được ghi nhận)', params: PlaceParams, body: ReopenFields, response: withErrors({ 200: Any }) },
    config: { authz: 'report.unlock' },
  }, async (req) => {
    await mutate(req, (m) => reopenSubmission(m, place(req), req.body as { reason: string; days?: number }, now(req), today(req)));
    return answer(req);
  });

  app.post('/api/report-submissions/:id/review', {
    schema: { tags, summary: 'Trả lại (kèm ý kiến) hoặc duyệt báo cáo của đơn vị', params: IdParams, body: ReviewFields, response: withErrors({ 200: Any }) },
    config: { authz: 'report.review' },
  }, async (req) => {
    const row = await mutate(req, (m) => reviewSubmission(m, (req.params as Id).id, req.body as { action: 'return' | 'approve'; comment?: string }, now(req), today(req)));
    return read(req, (tx, user) => getSubmission(tx, user, { scheduleId: row.scheduleId, unitId: row.unitId, periodKey: row.periodKey }, now(req), today(req)));
  });
}
