// The consolidated report of a period: view (saved or freshly drafted), save, and download as Word and Excel.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { mutate, read, today } from '../../http/request.ts';
import { withErrors } from '../../http/schemas.ts';
import { renderOfficialDocx } from '../documents/official.ts';
import { renderWorkbook } from '../documents/workbook.ts';
import { contentDisposition } from '../files/routes.ts';
import { getConsolidation, saveConsolidation, toOfficialDocument, toSheets, type ConsolidationInput } from './consolidation.service.ts';
import { ConsolidationFields, PeriodParams } from './schemas.ts';

const tags = ['reports'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type P = { id: string; period: string };

const view = (req: FastifyRequest, fresh = false) => read(req, (tx, user) => {
  const p = req.params as P;
  return getConsolidation(tx, user, p.id, p.period, req.server.kh.config.now(), today(req), fresh);
});
const fileName = (v: Awaited<ReturnType<typeof view>>, ext: string) => `Báo cáo tổng hợp - ${v.schedule.title} - ${v.period.label}`.slice(0, 150).replace(/[\\/:*?"<>|]/g, ' ') + ext;

export async function consolidationRoutes(app: FastifyInstance) {
  app.get('/api/report-schedules/:id/periods/:period/consolidation', {
    schema: {
      tags, summary: 'Báo cáo tổng hợp của kỳ (bản đã lưu, hoặc bản dự thảo từ các báo cáo đã duyệt)', params: PeriodParams,
      querystring: Type.Object({ draft: Type.Optional(Type.Boolean({ title: 'Soạn lại từ báo cáo đã duyệt' })) }), response: withErrors({ 200: Type.Unknown() }),
    },
    config: { authz: 'plan.read' },
  }, async (req) => view(req, (req.query as { draft?: boolean }).draft === true));

  app.put('/api/report-schedules/:id/periods/:period/consolidation', {
    schema: { tags, summary: 'Lưu báo cáo tổng hợp (số, ngày, trích yếu, nội dung, nơi nhận, người ký)', params: PeriodParams, body: ConsolidationFields, response: withErrors({ 200: Type.Unknown() }) },
    config: { authz: 'report.review' },
  }, async (req) => {
    const p = req.params as P;
    await mutate(req, (m) => saveConsolidation(m, p.id, p.period, req.body as ConsolidationInput));
    return view(req);
  });

  app.get('/api/report-schedules/:id/periods/:period/consolidation.docx', {
    schema: { tags, summary: 'Tải báo cáo tổng hợp dạng Word theo Nghị định 30/2020/NĐ-CP', params: PeriodParams },
    config: { authz: 'plan.read' },
  }, async (req, reply) => {
    const v = await view(req);
    const buffer = await renderOfficialDocx(toOfficialDocument(v));
    return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(fileName(v, '.docx'))).send(buffer);
  });

  app.get('/api/report-schedules/:id/periods/:period/consolidation.xlsx', {
    schema: { tags, summary: 'Tải các bảng số liệu tổng hợp dạng Excel', params: PeriodParams },
    config: { authz: 'plan.read' },
  }, async (req, reply) => {
    const v = await view(req);
    const buffer = await renderWorkbook(toSheets(v));
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(fileName(v, '.xlsx'))).send(buffer);
  });
}
