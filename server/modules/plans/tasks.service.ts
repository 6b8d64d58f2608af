// Sections and tasks of a plan's appendix: add, edit, reorder, delete, with units and schedules.
import { and, eq, max, sql } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { resolveUnits } from '../../../core/org/resolve.ts';
import { rollupStatus, type StatusCounts, type TaskUnitRole } from '../../../core/plans/status.ts';
import { normaliseSchedule, parseDeadline } from '../../../core/schedule/parse.ts';
import type { Schedule } from '../../../core/schedule/types.ts';
import { cleanText, searchKey } from '../../../core/text/vietnamese.ts';
import { occurrences, planSections, progressUpdates, tasks, taskUnits } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits, type UnitRow } from '../org/queries.ts';
import { managedPlan } from './access.ts';
import { planContext, sectionOr404, taskOr404, type PlanRow, type TaskRow, type TaskUnitRow } from './queries.ts';
import { syncTaskOccurrences } from './sync.ts';

/** Below this a parsed schedule is shown as "cần kiểm tra" until a person confirms or corrects it. */
export const REVIEW_THRESHOLD = 0.8;

export interface TaskInput {
  sectionId?: string | null;
  number?: string;
  sortOrder?: number;
  content: string;
  product?: string;
  note?: string;
  leadText?: string;
  coordinatorText?: string;
  /** Chosen in the org tree; when absent the units are found in the text. */
  leadUnitIds?: string[];
  coordinatorUnitIds?: string[];
  deadlineText?: string;
  /** A person's reading of the deadline; when absent the text is parsed. */
  schedule?: Partial<Schedule> & Pick<Schedule, 'kind'>;
  parentTaskId?: string | null;
}

const unitRef = (u: UnitRow) => ({ id: u.id, name: u.name, shortName: u.shortName });

export function presentTask(t: TaskRow, links: TaskUnitRow[], units: Map<string, UnitRow>, user: CurrentUser, plan: PlanRow,
  extra: { counts: StatusCounts; children: { count: number; counts: StatusCounts } }) {
  const of = (role: TaskUnitRole) => links.filter((l) => l.role === role).map((l) => units.get(l.unitId)).filter((u): u is UnitRow => !!u).map(unitRef);
  const owner = units.get(plan.ownerUnitId);
  return {
    id: t.id, planId: t.planId, sectionId: t.sectionId, number: t.number, sortOrder: t.sortOrder,
    content: t.content, product: t.product, note: t.note, leadText: t.leadText, coordinatorText: t.coordinatorText,
    leads: of('lead'), coordinators: of('coordinator'),
    deadlineText: t.deadlineText, schedule: t.schedule, scheduleReviewed: t.scheduleReviewed,
    needsReview: !t.scheduleReviewed && t.schedule.confidence < REVIEW_THRESHOLD,
    parentTaskId: t.parentTaskId, counts: extra.counts, status: rollupStatus(extra.counts), children: extra.children,
    can: { manage: !!owner && can(user, 'plan.manage', { unitPath: owner.path }) },
  };
}

const auditView = (t: TaskRow, leads: string[] = [], coordinators: string[] = []) => ({
  number: t.number, content: t.content, product: t.product, note: t.note, sectionId: t.sectionId,
  leadText: t.leadText, coordinatorText: t.coordinatorText, leadUnitIds: leads, coordinatorUnitIds: coordinators,
  deadlineText: t.deadlineText, schedule: { kind: t.schedule.kind, value: t.schedule.value }, parentTaskId: t.parentTaskId,
});

// Sections -----------------------------------------------------------------------------------------

export async function createSection(m: Mutation, planId: string, input: { code?: string; title: string; sortOrder?: number }) {
  await managedPlan(m, planId);
  const title = cleanText(input.title);
  if (!title) throw errors.field('title', 'Vui lòng nhập Tên phần.');
  const [{ top }] = await m.tx.select({ top: max(planSections.sortOrder) }).from(planSections).where(eq(planSections.planId, planId));
  const [row] = await m.tx.insert(planSections).values({ tenantId: m.tenantId, planId, code: cleanText(input.code ?? ''), title, sortOrder: input.sortOrder ?? (top ?? 0) + 10 }).returning();
  await m.audit({ action: 'plan.section.create', entityType: 'plan', entityId: planId, summary: `${row.code} ${row.title}`.trim(), after: { code: row.code, title: row.title } });
  return { id: row.id, code: row.code, title: row.title, sortOrder: row.sortOrder };
}

export async function updateSection(m: Mutation, planId: string, id: string, input: { code?: string; title?: string; sortOrder?: number }) {
  await managedPlan(m, planId);
  const before = await sectionOr404(m.tx, planId, id);
  const title = input.title === undefined ? before.title : cleanText(input.title);
  if (!title) throw errors.field('title', 'Vui lòng nhập Tên phần.');
  const [row] = await m.tx.update(planSections).set({ title, code: input.code === undefined ? before.code : cleanText(input.code), sortOrder: input.sortOrder ?? before.sortOrder })
    .where(eq(planSections.id, id)).returning();
  await m.audit({ action: 'plan.section.update', entityType: 'plan', entityId: planId, summary: `${row.code} ${row.title}`.trim(), before: { code: before.code, title: before.title }, after: { code: row.code, title: row.title } });
  return { id: row.id, code: row.code, title: row.title, sortOrder: row.sortOrder };
}

export async function deleteSection(m: Mutation, planId: string, id: string) {
  await managedPlan(m, planId);
  const section = await sectionOr404(m.tx, planId, id);
  const [{ n }] = await m.tx.select({ n: sql<number>`count(*)::int` }).from(tasks).where(eq(tasks.sectionId, id));
  if (n > 0) throw errors.conflict(`Phần “${section.title}” còn ${n} nhiệm vụ. Hãy chuyển hoặc xóa các nhiệm vụ đó trước.`);
  await m.tx.delete(planSections).where(eq(planSections.id, id));
  await m.audit({ action: 'plan.section.delete', entityType: 'plan', entityId: planId, summary: section.title, before: { code: section.code, title: section.title } });
}

// Tasks --------------------------------------------------------------------------------------------

async function unitIdsFor(m: Mutation, field: string, ids: string[] | undefined, text: string): Promise<string[]> {
  const units = await allUnits(m.tx);
  if (ids === undefined) return resolveUnits(text, units).unitIds;
  const known = new Map(units.map((u) => [u.id, u]));
  for (const id of ids) {
    const u = known.get(id);
    if (!u) throw errors.field(field, 'Đơn vị được chọn không tồn tại.');
    if (!u.active) throw errors.field(field, `Đơn vị “${u.name}” đã ngừng hoạt động.`);
  }
  return [...new Set(ids)];
}

async function setUnits(m: Mutation, taskId: string, role: TaskUnitRole, ids: string[]) {
  await m.tx.delete(taskUnits).where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, role)));
  if (ids.length) await m.tx.insert(taskUnits).values(ids.map((unitId, i) => ({ tenantId: m.tenantId, taskId, unitId, role, sortOrder: i })));
}

async function checkParentTask(m: Mutation, plan: PlanRow, parentTaskId: string | null | undefined) {
  if (!parentTaskId) return;
  if (!plan.parentPlanId) throw errors.field('parentTaskId', 'Kế hoạch này chưa gắn với kế hoạch cấp trên nên chưa liên kết được nhiệm vụ cấp trên.');
  const parent = await taskOr404(m.tx, parentTaskId).catch(() => { throw errors.field('parentTaskId', 'Nhiệm vụ cấp trên không tồn tại.'); });
  if (parent.planId !== plan.parentPlanId) throw errors.field('parentTaskId', 'Nhiệm vụ cấp trên phải thuộc kế hoạch cấp trên của kế hoạch này.');
}

function scheduleFor(plan: PlanRow, deadlineText: string, edit: TaskInput['schedule']): { schedule: Schedule; reviewed: boolean } {
  const ctx = planContext(plan);
  if (!edit) return { schedule: parseDeadline(deadlineText, ctx), reviewed: false };
  const result = normaliseSchedule({ ...edit, text: deadlineText }, ctx);
  if ('errors' in result) throw errors.validation(Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [`schedule.${k}`, v])));
  return { schedule: result.schedule, reviewed: true };
}

function fieldsOf(input: TaskInput) {
  const content = cleanText(input.content ?? '');
  if (!content) throw errors.field('content', 'Vui lòng nhập Nội dung nhiệm vụ.');
  const f = {
    number: cleanText(input.number ?? ''), content, product: cleanText(input.product ?? ''), note: cleanText(input.note ?? ''),
    leadText: cleanText(input.leadText ?? ''), coordinatorText: cleanText(input.coordinatorText ?? ''), deadlineText: cleanText(input.deadlineText ?? ''),
  };
  return { ...f, searchText: searchKey([f.number, f.content, f.product, f.note, f.leadText].join(' ')) };
}

export async function createTask(m: Mutation, planId: string, input: TaskInput) {
  const plan = await managedPlan(m, planId);
  if (input.sectionId) await sectionOr404(m.tx, planId, input.sectionId).catch(() => { throw errors.field('sectionId', 'Phần được chọn không thuộc kế hoạch này.'); });
  await checkParentTask(m, plan, input.parentTaskId);
  const f = fieldsOf(input);
  const leads = await unitIdsFor(m, 'leadUnitIds', input.leadUnitIds, f.leadText);
  const coordinators = (await unitIdsFor(m, 'coordinatorUnitIds', input.coordinatorUnitIds, f.coordinatorText)).filter((id) => !leads.includes(id));
  const { schedule, reviewed } = scheduleFor(plan, f.deadlineText, input.schedule);
  const [{ top }] = await m.tx.select({ top: max(tasks.sortOrder) }).from(tasks).where(eq(tasks.planId, planId));
  const [row] = await m.tx.insert(tasks).values({
    ...f, tenantId: m.tenantId, planId, sectionId: input.sectionId ?? null, sortOrder: input.sortOrder ?? (top ?? 0) + 10,
    schedule, scheduleKind: schedule.kind, scheduleReviewed: reviewed, parentTaskId: input.parentTaskId ?? null,
  }).returning();
  await setUnits(m, row.id, 'lead', leads);
  await setUnits(m, row.id, 'coordinator', coordinators);
  await syncTaskOccurrences(m.tx, plan, row);
  await m.audit({ action: 'plan.task.create', entityType: 'task', entityId: row.id, summary: `${row.number} ${row.content}`.slice(0, 200), after: auditView(row, leads, coordinators) });
  return { ...row, leadCount: leads.length };
}

export async function updateTask(m: Mutation, id: string, patch: Partial<TaskInput>) {
  const before = await taskOr404(m.tx, id);
  const plan = await managedPlan(m, before.planId);
  if (patch.sectionId) await sectionOr404(m.tx, plan.id, patch.sectionId).catch(() => { throw errors.field('sectionId', 'Phần được chọn không thuộc kế hoạch này.'); });
  if (patch.parentTaskId !== undefined) await checkParentTask(m, plan, patch.parentTaskId);
  const f = fieldsOf({ ...before, ...patch } as TaskInput);
  const oldLinks = await m.tx.select().from(taskUnits).where(eq(taskUnits.taskId, id));
  const oldLeads = oldLinks.filter((l) => l.role === 'lead').map((l) => l.unitId);
  const oldCoordinators = oldLinks.filter((l) => l.role === 'coordinator').map((l) => l.unitId);
  const leadsChanged = patch.leadUnitIds !== undefined || (patch.leadText !== undefined && f.leadText !== before.leadText);
  const leads = leadsChanged ? await unitIdsFor(m, 'leadUnitIds', patch.leadUnitIds, f.leadText) : oldLeads;
  const coordinatorsChanged = patch.coordinatorUnitIds !== undefined || (patch.coordinatorText !== undefined && f.coordinatorText !== before.coordinatorText);
  const coordinators = (coordinatorsChanged ? await unitIdsFor(m, 'coordinatorUnitIds', patch.coordinatorUnitIds, f.coordinatorText) : oldCoordinators).filter((u) => !leads.includes(u));
  // A new deadline text is parsed again unless the same request also sets the schedule by hand.
  const reschedule = patch.schedule !== undefined || f.deadlineText !== before.deadlineText;
  const { schedule, reviewed } = reschedule ? scheduleFor(plan, f.deadlineText, patch.schedule) : { schedule: before.schedule, reviewed: before.scheduleReviewed };
  const [row] = await m.tx.update(tasks).set({
    ...f, sectionId: patch.sectionId === undefined ? before.sectionId : patch.sectionId, sortOrder: patch.sortOrder ?? before.sortOrder,
    schedule, scheduleKind: schedule.kind, scheduleReviewed: reviewed,
    parentTaskId: patch.parentTaskId === undefined ? before.parentTaskId : patch.parentTaskId, updatedAt: new Date(),
  }).where(eq(tasks.id, id)).returning();
  await setUnits(m, id, 'lead', leads);
  await setUnits(m, id, 'coordinator', coordinators);
  await syncTaskOccurrences(m.tx, plan, row);
  await m.audit({ action: 'plan.task.update', entityType: 'task', entityId: id, summary: `${row.number} ${row.content}`.slice(0, 200), before: auditView(before, oldLeads, oldCoordinators), after: auditView(row, leads, coordinators) });
  return row;
}

export async function deleteTask(m: Mutation, id: string) {
  const task = await taskOr404(m.tx, id);
  await managedPlan(m, task.planId);
  const [reported] = await m.tx.select({ id: progressUpdates.id }).from(progressUpdates)
    .innerJoin(occurrences, eq(occurrences.id, progressUpdates.occurrenceId)).where(eq(occurrences.taskId, id)).limit(1);
  if (reported) throw errors.conflict('Nhiệm vụ đã có báo cáo tiến độ nên không thể xóa.');
  await m.tx.delete(tasks).where(eq(tasks.id, id));
  await m.audit({ action: 'plan.task.delete', entityType: 'task', entityId: id, summary: `${task.number} ${task.content}`.slice(0, 200), before: auditView(task) });
}
