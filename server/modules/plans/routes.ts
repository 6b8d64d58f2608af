// Routes of the plans capability: plans, sections, tasks, occurrences, progress, leadership overview.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { OccurrenceStatus, PlanStatus } from '../../../core/plans/status.ts';
import { mutate, read, today } from '../../http/request.ts';
import { IdParams, oneOf, Ok, withErrors } from '../../http/schemas.ts';
import { PLAN_STATUSES } from '../../../core/plans/status.ts';
import { addManualOccurrence, getOccurrence, listOccurrences, recordProgress, type ManualOccurrenceInput, type ProgressInput } from './occurrences.service.ts';
import { overview } from './overview.service.ts';
import { createPlan, deletePlan, getPlan, getTask, listPlans, setPlanStatus, updatePlan, type PlanInput } from './plans.service.ts';
import {
  ManualOccurrenceFields, Occurrence, OccurrenceDetail, OccurrenceQuery, Plan, PlanDetail, PlanFields, PlanListItem, PlanQuery,
  ProgressFields, Section, SectionFields, TaskDetail, TaskFields, Counts, UnitRef, UnitTasksPage, UnitTasksQuery,
} from './schemas.ts';
import { unitTasksPage, type UnitTasksQuery as UnitTasksParams } from './unit-tasks.service.ts';
import { createSection, createTask, deleteSection, deleteTask, updateSection, updateTask, type TaskInput } from './tasks.service.ts';

const tags = ['plans'];
type Id = { id: string };
const SectionParams = Type.Object({ id: IdParams.properties.id, sectionId: IdParams.properties.id });

export async function planRoutes(app: FastifyInstance) {
  app.get('/api/plans', {
    schema: { tags, summary: 'Danh sách kế hoạch (lọc theo năm, cơ quan ban hành, trạng thái; tìm không phân biệt dấu)', querystring: PlanQuery, response: withErrors({ 200: Type.Object({ items: Type.Array(PlanListItem) }) }) },
    config: { authz: 'plan.read' },
  }, async (req) => ({ items: await read(req, (tx, user) => listPlans(tx, user, today(req), req.query as { year?: number; status?: PlanStatus; q?: string })) }));

  app.post('/api/plans', {
    schema: { tags, summary: 'Lập kế hoạch (dự thảo)', body: PlanFields, response: withErrors({ 201: Plan }) },
    config: { authz: 'plan.manage' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => createPlan(m, req.body as PlanInput))));

  app.get('/api/plans/:id', {
    schema: { tags, summary: 'Kế hoạch và phụ lục nhiệm vụ', params: IdParams, response: withErrors({ 200: PlanDetail }) },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx, user) => getPlan(tx, user, (req.params as Id).id, today(req))));

  app.patch('/api/plans/:id', {
    schema: { tags, summary: 'Sửa thông tin kế hoạch', params: IdParams, body: Type.Partial(PlanFields), response: withErrors({ 200: Plan }) },
    config: { authz: 'plan.manage' },
  }, async (req) => mutate(req, (m) => updatePlan(m, (req.params as Id).id, req.body as Partial<PlanInput>)));

  app.post('/api/plans/:id/status', {
    schema: { tags, summary: 'Ban hành, kết thúc hoặc trả về dự thảo', params: IdParams, body: Type.Object({ status: oneOf(PLAN_STATUSES, 'Trạng thái') }), response: withErrors({ 200: Plan }) },
    config: { authz: 'plan.manage' },
  }, async (req) => mutate(req, (m) => setPlanStatus(m, (req.params as Id).id, (req.body as { status: PlanStatus }).status)));

  app.delete('/api/plans/:id', {
    schema: { tags, summary: 'Xóa kế hoạch dự thảo', params: IdParams, response: withErrors({ 200: Ok }) },
    config: { authz: 'plan.manage' },
  }, async (req) => {
    await mutate(req, (m) => deletePlan(m, (req.params as Id).id));
    return { ok: true as const };
  });

  // Sections
  app.post('/api/plans/:id/sections', {
    schema: { tags, summary: 'Thêm phần (nhóm nhiệm vụ)', params: IdParams, body: SectionFields, response: withErrors({ 201: Section }) },
    config: { authz: 'plan.manage' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => createSection(m, (req.params as Id).id, req.body as { title: string }))));

  app.patch('/api/plans/:id/sections/:sectionId', {
    schema: { tags, summary: 'Sửa phần', params: SectionParams, body: Type.Partial(SectionFields), response: withErrors({ 200: Section }) },
    config: { authz: 'plan.manage' },
  }, async (req) => {
    const p = req.params as { id: string; sectionId: string };
    return mutate(req, (m) => updateSection(m, p.id, p.sectionId, req.body as { title?: string }));
  });

  app.delete('/api/plans/:id/sections/:sectionId', {
    schema: { tags, summary: 'Xóa phần không còn nhiệm vụ', params: SectionParams, response: withErrors({ 200: Ok }) },
    config: { authz: 'plan.manage' },
  }, async (req) => {
    const p = req.params as { id: string; sectionId: string };
    await mutate(req, (m) => deleteSection(m, p.id, p.sectionId));
    return { ok: true as const };
  });

  // Tasks
  const taskReply = (req: Parameters<typeof read>[0], row: { id: string }) => read(req, (tx, user) => getTask(tx, user, row.id, today(req)));

  app.get('/api/tasks/:id', {
    schema: { tags, summary: 'Nhiệm vụ: các kỳ của từng đơn vị chủ trì và kết quả của các kế hoạch cấp dưới', params: IdParams, response: withErrors({ 200: TaskDetail }) },
    config: { authz: 'plan.read' },
  }, async (req) => taskReply(req, req.params as Id));

  app.post('/api/plans/:id/tasks', {
    schema: { tags, summary: 'Thêm nhiệm vụ (thời hạn được hiểu từ văn bản, có thể sửa)', params: IdParams, body: TaskFields, response: withErrors({ 201: TaskDetail }) },
    config: { authz: 'plan.manage' },
  }, async (req, reply) => {
    const row = await mutate(req, (m) => createTask(m, (req.params as Id).id, req.body as TaskInput));
    return reply.code(201).send(await taskReply(req, row));
  });

  app.patch('/api/tasks/:id', {
    schema: { tags, summary: 'Sửa nhiệm vụ, đơn vị, thời hạn', params: IdParams, body: Type.Partial(TaskFields), response: withErrors({ 200: TaskDetail }) },
    config: { authz: 'plan.manage' },
  }, async (req) => taskReply(req, await mutate(req, (m) => updateTask(m, (req.params as Id).id, req.body as Partial<TaskInput>))));

  app.delete('/api/tasks/:id', {
    schema: { tags, summary: 'Xóa nhiệm vụ chưa có báo cáo tiến độ', params: IdParams, response: withErrors({ 200: Ok }) },
    config: { authz: 'plan.manage' },
  }, async (req) => {
    await mutate(req, (m) => deleteTask(m, (req.params as Id).id));
    return { ok: true as const };
  });

  app.post('/api/tasks/:id/occurrences', {
    schema: { tags, summary: 'Đặt hạn cho nhiệm vụ theo chỉ đạo, hoặc ghi nhận sự kiện phát sinh', params: IdParams, body: ManualOccurrenceFields, response: withErrors({ 201: Type.Object({ created: Type.Integer(), dueOn: Type.String() }) }) },
    config: { authz: 'progress.record' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => addManualOccurrence(m, (req.params as Id).id, req.body as ManualOccurrenceInput))));

  // Occurrences and progress
  app.get('/api/occurrences', {
    schema: { tags, summary: 'Các kỳ thực hiện nhiệm vụ (của một đơn vị, một kế hoạch, một khoảng ngày)', querystring: OccurrenceQuery, response: withErrors({ 200: Type.Object({ items: Type.Array(Occurrence) }) }) },
    config: { authz: 'plan.read' },
  }, async (req) => ({ items: await read(req, (tx, user) => listOccurrences(tx, user, today(req), req.query as { unitId?: string; status?: OccurrenceStatus })) }));

  app.get('/api/unit-tasks', {
    schema: { tags, summary: 'Nhiệm vụ của đơn vị theo từng trang: một danh sách (tháng này, quá hạn, …), số lượng của mọi danh sách', querystring: UnitTasksQuery, response: withErrors({ 200: UnitTasksPage }) },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx, user) => unitTasksPage(tx, user, today(req), req.query as UnitTasksParams)));

  app.get('/api/occurrences/:id', {
    schema: { tags, summary: 'Một kỳ thực hiện nhiệm vụ, lịch sử cập nhật và minh chứng', params: IdParams, response: withErrors({ 200: OccurrenceDetail }) },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx, user) => getOccurrence(tx, user, today(req), (req.params as Id).id)));

  app.post('/api/occurrences/:id/progress', {
    schema: { tags, summary: 'Cập nhật tiến độ (trạng thái, tỷ lệ, nội dung, minh chứng)', params: IdParams, body: ProgressFields, response: withErrors({ 201: Type.Object({ id: Type.String(), status: Type.String() }) }) },
    config: { authz: 'progress.record' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => recordProgress(m, today(req), (req.params as Id).id, req.body as ProgressInput))));

  app.get('/api/plans-overview', {
    schema: {
      tags, summary: 'Tổng hợp cho Lãnh đạo: theo đơn vị, theo kế hoạch, quá hạn, sắp đến hạn',
      querystring: Type.Object({ planId: Type.Optional(IdParams.properties.id) }),
      response: withErrors({ 200: Type.Object({
        today: Type.String(), totals: Counts,
        byUnit: Type.Array(Type.Object({ unit: Type.Intersect([UnitRef, Type.Object({ kind: Type.String() })]), counts: Counts, onTimeRate: Type.Union([Type.Integer(), Type.Null()]) })),
        byPlan: Type.Array(Type.Object({ plan: Type.Object({ id: Type.String(), title: Type.String(), number: Type.String(), owner: Type.String() }), counts: Counts, onTimeRate: Type.Union([Type.Integer(), Type.Null()]) })),
        overdue: Type.Array(Occurrence), dueSoon: Type.Array(Occurrence),
      }) }),
    },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx, user) => overview(tx, user, today(req), req.query as { planId?: string })));
}
