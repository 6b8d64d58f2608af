// Routes of the support allowance (seed 000): policy versions, HR's records, and the monthly list workflow.
// Route-level authz admits the role; the service checks the duty on the exact paying unit (core/allowance/workflow.ts).
import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { mutate, read } from '../../http/request.ts';
import { IdParams, isoDate, isoMonth, withErrors } from '../../http/schemas.ts';
import { renderOfficialDocx } from '../documents/official.ts';
import { renderWorkbook } from '../documents/workbook.ts';
import { contentDisposition } from '../files/routes.ts';
import { addBudgetAdjustment, budgetView, setRewardFund, settlement, settlementSheets } from './budget.service.ts';
import { payerOf } from './context.ts';
import { approvalDecision, fileBase, payrollSheets } from './documents.ts';
import { allowanceFigures, issuerOf } from './figures.ts';
import { listOfUnitMonth, listsOfMonth, listView, stepList, type StepInput } from './list-steps.ts';
import { addLine, generateList, setLine } from './lists.service.ts';
import { createAssignment, createBenefit, listStaff, createPolicy, listAssignments, listBenefits, listPolicies, listRatings, saveRatings, setEmployment, stopAssignment, type AssignmentInput, type PolicyInput } from './records.service.ts';
import { AddLineFields, AssignmentFields, BudgetAdjustmentFields, BudgetFields, BenefitFields, EmploymentFields, LineFields, LineParams, ListParams, Loose, PayFields, PolicyFields, RatingFields, StepFields, StopFields } from './schemas.ts';

const tags = ['allowance'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ok = withErrors({ 200: Loose });
const created = withErrors({ 201: Loose });
const UnitParams = Type.Object({ unitId: IdParams.properties.id });
const MonthQuery = Type.Object({ month: isoMonth('Tháng') });
type Unit = { unitId: string };
type Id = { id: string };

export async function allowanceRoutes(app: FastifyInstance) {
  app.get('/api/allowance/policies', { schema: { tags, summary: 'Các phiên bản chính sách hỗ trợ', response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx) => listPolicies(tx)));
  app.post('/api/allowance/policies', { schema: { tags, summary: 'Phiên bản chính sách mới (mức hỗ trợ, xếp loại tối thiểu, tháng không trọn)', body: PolicyFields, response: created }, config: { authz: 'allowance.policy', wholeTenant: true } },
    async (req, reply) => reply.code(201).send(await mutate(req, (m) => createPolicy(m, req.body as PolicyInput))));

  app.get('/api/allowance/units/:unitId/people', { schema: { tags, summary: 'Cán bộ của đơn vị chi trả (để chọn khi phân công, bổ sung)', params: UnitParams, response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => listStaff(tx, user, (req.params as Unit).unitId)));
  app.get('/api/allowance/units/:unitId/assignments', { schema: { tags, summary: 'Quyết định phân công của đơn vị chi trả', params: UnitParams, response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => listAssignments(tx, user, (req.params as Unit).unitId)));
  app.post('/api/allowance/units/:unitId/assignments', { schema: { tags, summary: 'Ghi quyết định phân công', params: UnitParams, body: AssignmentFields, response: created }, config: { authz: 'allowance.records' } },
    async (req, reply) => reply.code(201).send(await mutate(req, (m) => createAssignment(m, (req.params as Unit).unitId, req.body as AssignmentInput))));
  app.post('/api/allowance/assignments/:id/stop', { schema: { tags, summary: 'Dừng hưởng hỗ trợ (không còn đủ điều kiện)', params: IdParams, body: StopFields, response: ok }, config: { authz: 'allowance.records' } },
    async (req) => mutate(req, (m) => stopAssignment(m, (req.params as Id).id, req.body as { stoppedOn: string; reason: string })));

  app.get('/api/allowance/units/:unitId/ratings', { schema: { tags, summary: 'Xếp loại tháng của cán bộ có phân công', params: UnitParams, querystring: MonthQuery, response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => listRatings(tx, user, (req.params as Unit).unitId, (req.query as { month: string }).month)));
  app.put('/api/allowance/units/:unitId/ratings', { schema: { tags, summary: 'Ghi xếp loại tháng', params: UnitParams, body: RatingFields, response: ok }, config: { authz: 'allowance.records' } },
    async (req) => mutate(req, (m) => saveRatings(m, (req.params as Unit).unitId, req.body as Parameters<typeof saveRatings>[2])));

  app.get('/api/allowance/units/:unitId/benefits', { schema: { tags, summary: 'Chính sách hỗ trợ khác cán bộ đang hưởng', params: UnitParams, response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => listBenefits(tx, user, (req.params as Unit).unitId)));
  app.post('/api/allowance/units/:unitId/benefits', { schema: { tags, summary: 'Ghi chính sách khác (để kiểm tra trùng lặp)', params: UnitParams, body: BenefitFields, response: created }, config: { authz: 'allowance.records' } },
    async (req, reply) => reply.code(201).send(await mutate(req, (m) => createBenefit(m, (req.params as Unit).unitId, req.body as Parameters<typeof createBenefit>[2]))));
  app.patch('/api/allowance/people/:id/employment', { schema: { tags, summary: 'Ngày về, ngày thôi công tác tại đơn vị', params: IdParams, body: EmploymentFields, response: ok }, config: { authz: 'allowance.records' } },
    async (req) => mutate(req, (m) => setEmployment(m, (req.params as Id).id, req.body as { joinedOn?: string | null; leftOn?: string | null })));

  app.get('/api/allowance/lists', { schema: { tags, summary: 'Danh sách hỗ trợ của tháng theo đơn vị chi trả', querystring: MonthQuery, response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => listsOfMonth(tx, user, (req.query as { month: string }).month)));
  app.get('/api/allowance/units/:unitId/lists/:month', { schema: { tags, summary: 'Danh sách của một đơn vị, một tháng', params: ListParams, response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => listOfUnitMonth(tx, user, (req.params as { unitId: string }).unitId, (req.params as { month: string }).month)));
  app.post('/api/allowance/units/:unitId/lists/:month', { schema: { tags, summary: 'Lập (hoặc lập lại) danh sách từ hồ sơ', params: ListParams, response: ok }, config: { authz: 'allowance.prepare' } },
    async (req) => {
      const { unitId, month } = req.params as { unitId: string; month: string };
      const row = await mutate(req, (m) => generateList(m, unitId, month, req.server.kh.config.now()));
      return read(req, (tx, user) => listView(tx, user, row.id));
    });
  app.get('/api/allowance/lists/:id', { schema: { tags, summary: 'Một danh sách: các dòng, tổng tiền, lịch sử', params: IdParams, response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => listView(tx, user, (req.params as Id).id)));
  app.patch('/api/allowance/lists/:id/lines/:lineId', { schema: { tags, summary: 'Đưa cán bộ ra hoặc vào danh sách, có lý do', params: LineParams, body: LineFields, response: ok }, config: { authz: 'allowance.prepare' } },
    async (req) => {
      const { id, lineId } = req.params as { id: string; lineId: string };
      await mutate(req, (m) => setLine(m, id, lineId, req.body as { version: number; included: boolean; reason?: string }, req.server.kh.config.now()));
      return read(req, (tx, user) => listView(tx, user, id));
    });
  app.post('/api/allowance/lists/:id/lines', { schema: { tags, summary: 'Bổ sung cán bộ vào danh sách, có lý do', params: IdParams, body: AddLineFields, response: ok }, config: { authz: 'allowance.prepare' } },
    async (req) => {
      const { id } = req.params as Id;
      await mutate(req, (m) => addLine(m, id, req.body as Parameters<typeof addLine>[2], req.server.kh.config.now()));
      return read(req, (tx, user) => listView(tx, user, id));
    });
  const step = (action: 'propose' | 'return' | 'approve' | 'pay', summary: string, authz: 'allowance.prepare' | 'allowance.records' | 'allowance.pay', body: TSchema = StepFields) =>
    app.post(`/api/allowance/lists/:id/${action}`, { schema: { tags, summary, params: IdParams, body, response: ok }, config: { authz } }, async (req) => {
      const { id } = req.params as Id;
      await mutate(req, (m) => stepList(m, id, action, req.body as StepInput, req.server.kh.config.now()));
      return read(req, (tx, user) => listView(tx, user, id));
    });
  app.get('/api/allowance/lists/:id/payroll.xlsx', { schema: { tags, summary: 'Tải danh sách chi trả (Excel)', params: IdParams }, config: { authz: 'allowance.read' } }, async (req, reply) => {
    const v = await read(req, (tx, user) => listView(tx, user, (req.params as Id).id));
    const buffer = await renderWorkbook(payrollSheets(v));
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(`${fileBase(v)}.xlsx`)).send(buffer);
  });
  app.get('/api/allowance/lists/:id/decision.docx', { schema: { tags, summary: 'Tải quyết định phê duyệt danh sách (Word, Nghị định 30/2020)', params: IdParams }, config: { authz: 'allowance.read' } }, async (req, reply) => {
    const [v, issuer] = await read(req, async (tx, user) => {
      const view = await listView(tx, user, (req.params as Id).id);
      return [view, await issuerOf(tx, { name: view.unitName, kind: view.unitKind })] as const;
    });
    const buffer = await renderOfficialDocx(approvalDecision(v, issuer));
    return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(`Quyết định phê duyệt - ${fileBase(v)}.docx`)).send(buffer);
  });
  app.get('/api/allowance/units/:unitId/figures', {
    schema: { tags, summary: 'Số liệu đã chi trả của đơn vị trong khoảng tháng (báo cáo 6 tháng)', params: UnitParams, querystring: Type.Object({ from: isoDate('Từ ngày'), to: isoDate('Đến ngày') }), response: ok },
    config: { authz: 'allowance.read' },
  }, async (req) => read(req, async (tx, user) => {
    const { from, to } = req.query as { from: string; to: string };
    await payerOf(tx, user, (req.params as Unit).unitId);
    return allowanceFigures(tx, (req.params as Unit).unitId, from, to);
  }));

  const Year = Type.Object({ unitId: IdParams.properties.id, year: Type.Integer({ title: 'Năm', minimum: 2000, maximum: 2100 }) });
  type UY = { unitId: string; year: number };
  app.get('/api/allowance/units/:unitId/budget/:year', { schema: { tags, summary: 'Dự toán năm: hỗ trợ tính từ phân công, quỹ thưởng, điều chỉnh; đã chi theo tháng', params: Year, response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => budgetView(tx, user, (req.params as UY).unitId, (req.params as UY).year)));
  app.put('/api/allowance/units/:unitId/budget/:year', { schema: { tags, summary: 'Quỹ thưởng của năm', params: Year, body: BudgetFields, response: ok }, config: { authz: 'allowance.pay' } },
    async (req) => {
      const p = req.params as UY;
      await mutate(req, (m) => setRewardFund(m, p.unitId, p.year, req.body as { rewardFund: number; note?: string }));
      return read(req, (tx, user) => budgetView(tx, user, p.unitId, p.year));
    });
  app.post('/api/allowance/units/:unitId/budget/:year/adjustments', { schema: { tags, summary: 'Điều chỉnh dự toán', params: Year, body: BudgetAdjustmentFields, response: ok }, config: { authz: 'allowance.pay' } },
    async (req) => {
      const p = req.params as UY;
      await mutate(req, (m) => addBudgetAdjustment(m, p.unitId, p.year, req.body as { amount: number; reason: string; decisionNo?: string }));
      return read(req, (tx, user) => budgetView(tx, user, p.unitId, p.year));
    });
  app.get('/api/allowance/units/:unitId/settlement/:year', { schema: { tags, summary: 'Quyết toán năm theo người và tháng', params: Year, response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => settlement(tx, user, (req.params as UY).unitId, (req.params as UY).year)));
  app.get('/api/allowance/units/:unitId/settlement/:year/xlsx', { schema: { tags, summary: 'Tải quyết toán năm (Excel)', params: Year }, config: { authz: 'allowance.read' } }, async (req, reply) => {
    const s = await read(req, (tx, user) => settlement(tx, user, (req.params as UY).unitId, (req.params as UY).year));
    const buffer = await renderWorkbook(settlementSheets(s));
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(`Quyết toán hỗ trợ năm ${s.year} - ${s.unit.name}.xlsx`)).send(buffer);
  });

  step('propose', 'Đề xuất danh sách để phê duyệt', 'allowance.prepare');
  step('return', 'Trả lại danh sách kèm ý kiến', 'allowance.records');
  step('approve', 'Phê duyệt danh sách (khóa danh sách)', 'allowance.records');
  step('pay', 'Ghi nhận chi trả danh sách đã duyệt', 'allowance.pay', PayFields);
}
