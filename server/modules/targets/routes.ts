// Routes of the targets capability: a plan's indicators, each unit's values per period, the trend, the scorecard.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { mutate, read, today } from '../../http/request.ts';
import { IdParams, Ok, withErrors } from '../../http/schemas.ts';
import { createFromTargets, createIndicator, deleteIndicator, indicatorView, listIndicators, updateIndicator, type IndicatorInput } from './indicators.service.ts';
import { planScorecard } from './scorecard.service.ts';
import { Indicator, IndicatorDetail, IndicatorFields, IndicatorList, PeriodQuery, Scorecard, Value, ValueFields, ValueParams } from './schemas.ts';
import { getIndicator, recordValue, type ValueInput } from './values.service.ts';

const tags = ['targets'];
type Id = { id: string };
type Period = { period?: string };

export async function targetRoutes(app: FastifyInstance) {
  app.get('/api/plans/:id/indicators', {
    schema: { tags, summary: 'Chỉ tiêu của kế hoạch: đơn vị báo cáo, kết quả kỳ gần nhất, mức đạt', params: IdParams, response: withErrors({ 200: IndicatorList }) },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx, user) => listIndicators(tx, user, (req.params as Id).id, today(req))));

  app.post('/api/plans/:id/indicators', {
    schema: { tags, summary: 'Thêm chỉ tiêu', params: IdParams, body: IndicatorFields, response: withErrors({ 201: Indicator }) },
    config: { authz: 'plan.manage' },
  }, async (req, reply) => {
    const row = await mutate(req, (m) => createIndicator(m, (req.params as Id).id, req.body as IndicatorInput));
    return reply.code(201).send(await read(req, (tx) => indicatorView(tx, row.id)));
  });

  app.post('/api/plans/:id/indicators/from-targets', {
    schema: {
      tags, summary: 'Tạo chỉ tiêu từ các chỉ tiêu văn bản kế hoạch nêu (những chỉ tiêu chưa được tạo)', params: IdParams,
      response: withErrors({ 201: Type.Object({ items: Type.Array(Indicator) }) }),
    },
    config: { authz: 'plan.manage' },
  }, async (req, reply) => {
    const rows = await mutate(req, (m) => createFromTargets(m, (req.params as Id).id));
    return reply.code(201).send({ items: await read(req, (tx) => Promise.all(rows.map((r) => indicatorView(tx, r.id)))) });
  });

  app.patch('/api/indicators/:id', {
    schema: { tags, summary: 'Sửa chỉ tiêu (cách đo, đơn vị tính, kỳ không đổi được khi đã có số liệu)', params: IdParams, body: Type.Partial(IndicatorFields), response: withErrors({ 200: Indicator }) },
    config: { authz: 'plan.manage' },
  }, async (req) => {
    const row = await mutate(req, (m) => updateIndicator(m, (req.params as Id).id, req.body as Partial<IndicatorInput>));
    return read(req, (tx) => indicatorView(tx, row.id));
  });

  app.delete('/api/indicators/:id', {
    schema: { tags, summary: 'Xóa chỉ tiêu chưa có số liệu', params: IdParams, response: withErrors({ 200: Ok }) },
    config: { authz: 'plan.manage' },
  }, async (req) => {
    await mutate(req, (m) => deleteIndicator(m, (req.params as Id).id));
    return { ok: true as const };
  });

  app.get('/api/indicators/:id', {
    schema: { tags, summary: 'Một chỉ tiêu: diễn biến qua các kỳ, số liệu từng đơn vị của một kỳ, đơn vị chưa báo cáo', params: IdParams, querystring: PeriodQuery, response: withErrors({ 200: IndicatorDetail }) },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx, user) => getIndicator(tx, user, (req.params as Id).id, today(req), (req.query as Period).period)));

  app.put('/api/indicators/:id/values/:periodKey/units/:unitId', {
    schema: { tags, summary: 'Nhập số liệu của đơn vị cho một kỳ (tử số, mẫu số hoặc giá trị; ghi chú; minh chứng)', params: ValueParams, body: ValueFields, response: withErrors({ 200: Value }) },
    config: { authz: 'indicator.record' },
  }, async (req) => mutate(req, (m) => recordValue(m, today(req), req.params as { id: string; periodKey: string; unitId: string }, req.body as ValueInput)));

  app.get('/api/plans/:id/scorecard', {
    schema: { tags, summary: 'Bảng điểm: đơn vị × chỉ tiêu của một kỳ, so với mức chỉ tiêu và với trung bình các đơn vị', params: IdParams, querystring: PeriodQuery, response: withErrors({ 200: Scorecard }) },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx) => planScorecard(tx, (req.params as Id).id, today(req), (req.query as Period).period)));
}
