// Plans: list and search, detail laid out like the appendix, create, edit, activate, close, delete drafts.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { emptyCounts, onTimeRate, PLAN_STATUS_LABELS, rollupStatus, type PlanStatus } from '../../../core/plans/status.ts';
import type { Cadence } from '../../../core/schedule/types.ts';
import { cleanText, compareVi, matchesSearch, searchKey } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { files, occurrences, planReportingDuties, planSections, planTargets, plans, progressUpdates, tasks } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits, unitOr404, type UnitRow } from '../org/queries.ts';
import { listOccurrences } from './occurrences.service.ts';
import { countsBy, planOr404, taskOr404, unitsOfTasks, type PlanRow } from './queries.ts';
import { managedPlan } from './access.ts';
import { syncTaskOccurrences } from './sync.ts';
import { presentTask } from './tasks.service.ts';

export interface PlanInput {
  ownerUnitId: string;
  number?: string;
  issuer: string;
  issuerParent?: string;
  place?: string;
  issuedOn?: string | null;
  title: string;
  signer?: string;
  signerTitle?: string;
  legalBases?: string[];
  parentPlanId?: string | null;
  parentReference?: string;
  replacesPlanId?: string | null;
  replacesReference?: string;
  periodStart: string;
  periodEnd: string;
  checkinCadence?: Cadence;
  eventDays?: number;
}

const unitRef = (u: UnitRow | undefined) => (u ? { id: u.id, name: u.name, shortName: u.shortName } : null);

export function presentPlan(p: PlanRow, units: Map<string, UnitRow>, user: CurrentUser) {
  const owner = units.get(p.ownerUnitId);
  return {
    id: p.id, number: p.number, issuer: p.issuer, issuerParent: p.issuerParent, place: p.place, issuedOn: p.issuedOn,
    title: p.title, signer: p.signer, signerTitle: p.signerTitle, legalBases: p.legalBases,
    parentPlanId: p.parentPlanId, parentReference: p.parentReference, replacesPlanId: p.replacesPlanId, replacesReference: p.replacesReference,
    periodStart: p.periodStart, periodEnd: p.periodEnd, status: p.status, statusLabel: PLAN_STATUS_LABELS[p.status],
    checkinCadence: p.checkinCadence, eventDays: p.eventDays, owner: unitRef(owner),
    can: { manage: !!owner && can(user, 'plan.manage', { unitPath: owner.path }) },
  };
}

const auditView = (p: PlanRow) => ({
  number: p.number, title: p.title, issuer: p.issuer, issuedOn: p.issuedOn, ownerUnitId: p.ownerUnitId,
  periodStart: p.periodStart, periodEnd: p.periodEnd, status: p.status, parentPlanId: p.parentPlanId, replacesPlanId: p.replacesPlanId,
});

export async function listPlans(tx: Tx, user: CurrentUser, today: string, q: { year?: number; status?: PlanStatus; issuer?: string; q?: string }) {
  let rows = await tx.select().from(plans);
  if (q.year) rows = rows.filter((p) => p.periodStart.slice(0, 4) <= String(q.year) && p.periodEnd.slice(0, 4) >= String(q.year));
  if (q.status) rows = rows.filter((p) => p.status === q.status);
  if (q.issuer) rows = rows.filter((p) => matchesSearch(p.issuer, q.issuer!));
  if (q.q) rows = rows.filter((p) => matchesSearch(p.searchText, q.q!));
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const counts = await countsBy(tx, 'plan_id', today, sql`true`);
  const taskCounts = new Map((await tx.select({ planId: tasks.planId, n: sql<number>`count(*)::int` }).from(tasks).groupBy(tasks.planId)).map((r) => [r.planId, r.n]));
  // Newest period first, then by title in Vietnamese order.
  rows.sort((a, b) => b.periodStart.localeCompare(a.periodStart) || compareVi(a.title, b.title));
  return rows.map((p) => {
    const c = counts.get(p.id) ?? emptyCounts();
    return { ...presentPlan(p, units, user), taskCount: taskCounts.get(p.id) ?? 0, counts: c, onTimeRate: onTimeRate(c), overallStatus: rollupStatus(c) };
  });
}

export async function getPlan(tx: Tx, user: CurrentUser, id: string, today: string) {
  const plan = await planOr404(tx, id);
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const sections = await tx.select().from(planSections).where(eq(planSections.planId, id)).orderBy(asc(planSections.sortOrder));
  const taskRows = await tx.select().from(tasks).where(eq(tasks.planId, id)).orderBy(asc(tasks.sortOrder));
  const presented = await presentTasks(tx, user, taskRows, units, today, plan);
  const counts = await countsBy(tx, 'plan_id', today, sql`p.id = ${id}`);
  const related = await tx.select().from(plans).where(sql`${plans.id} IN (${plan.parentPlanId ?? null}, ${plan.replacesPlanId ?? null}) OR ${plans.parentPlanId} = ${id} OR ${plans.replacesPlanId} = ${id}`);
  const childCounts = await countsBy(tx, 'plan_id', today, sql`p.parent_plan_id = ${id}`);
  const ref = (p: PlanRow | undefined) => p && { id: p.id, number: p.number, title: p.title, status: p.status, owner: unitRef(units.get(p.ownerUnitId)) };
  const targets = await tx.select().from(planTargets).where(eq(planTargets.planId, id)).orderBy(asc(planTargets.sortOrder));
  const duties = await tx.select().from(planReportingDuties).where(eq(planReportingDuties.planId, id)).orderBy(asc(planReportingDuties.sortOrder));
  const [source] = plan.sourceFileId ? await tx.select({ id: files.id, name: files.name }).from(files).where(eq(files.id, plan.sourceFileId)) : [];
  return {
    ...presentPlan(plan, units, user),
    counts: counts.get(id) ?? emptyCounts(),
    sections: sections.map((s) => ({ id: s.id, code: s.code, title: s.title, sortOrder: s.sortOrder })),
    tasks: presented,
    parentPlan: ref(related.find((p) => p.id === plan.parentPlanId)) ?? null,
    replacesPlan: ref(related.find((p) => p.id === plan.replacesPlanId)) ?? null,
    replacedBy: related.filter((p) => p.replacesPlanId === id).map(ref),
    childPlans: related.filter((p) => p.parentPlanId === id).map((p) => ({ ...ref(p)!, counts: childCounts.get(p.id) ?? emptyCounts() })),
    // Kept from the imported document until the targets and reports capabilities take them over.
    targets: targets.map((t) => ({ id: t.id, text: t.text, value: t.value, unit: t.unit, comparator: t.comparator, subject: t.subject })),
    reportingDuties: duties.map((r) => ({ id: r.id, text: r.text, frequency: r.frequency, due: r.due, who: r.who })),
    sourceFile: source ?? null,
  };
}

/** Tasks with their units, schedules, counts and the roll-up of the unit tasks that implement them. */
export async function presentTasks(tx: Tx, user: CurrentUser, rows: (typeof tasks.$inferSelect)[], units: Map<string, UnitRow>, today: string, plan: PlanRow) {
  const ids = rows.map((t) => t.id);
  const taskCounts = ids.length ? await countsBy(tx, 'task_id', today, sql`o.task_id IN ${ids}`) : new Map();
  const children = ids.length ? await tx.select({ id: tasks.id, parentTaskId: tasks.parentTaskId }).from(tasks).where(inArray(tasks.parentTaskId, ids)) : [];
  const childIds = children.map((c) => c.id);
  const childCounts = childIds.length ? await countsBy(tx, 'task_id', today, sql`o.task_id IN ${childIds}`) : new Map();
  const links = await unitsOfTasks(tx, ids);
  return rows.map((t) => {
    const rollup = emptyCounts();
    for (const c of children.filter((c) => c.parentTaskId === t.id)) {
      const cc = childCounts.get(c.id);
      if (cc) for (const k of Object.keys(rollup) as (keyof typeof rollup)[]) rollup[k] += cc[k];
    }
    return presentTask(t, links.filter((l) => l.taskId === t.id), units, user, plan, {
      counts: taskCounts.get(t.id) ?? emptyCounts(),
      children: { count: children.filter((c) => c.parentTaskId === t.id).length, counts: rollup },
    });
  });
}

function validatePlan(input: Partial<PlanInput>) {
  const start = input.periodStart;
  const end = input.periodEnd;
  if (start && end && end < start) throw errors.field('periodEnd', 'Ngày kết thúc phải sau ngày bắt đầu của kế hoạch.');
  if (start && end && Number(end.slice(0, 4)) - Number(start.slice(0, 4)) > 10) throw errors.field('periodEnd', 'Thời gian của kế hoạch không được dài quá 10 năm.');
}

function cleaned(input: PlanInput) {
  const fields = {
    ownerUnitId: input.ownerUnitId,
    number: cleanText(input.number ?? ''), issuer: cleanText(input.issuer), issuerParent: cleanText(input.issuerParent ?? ''),
    place: cleanText(input.place ?? ''), issuedOn: input.issuedOn ?? null, title: cleanText(input.title),
    signer: cleanText(input.signer ?? ''), signerTitle: cleanText(input.signerTitle ?? ''),
    legalBases: (input.legalBases ?? []).map(cleanText).filter(Boolean),
    parentPlanId: input.parentPlanId ?? null, parentReference: cleanText(input.parentReference ?? ''),
    replacesPlanId: input.replacesPlanId ?? null, replacesReference: cleanText(input.replacesReference ?? ''),
    periodStart: input.periodStart, periodEnd: input.periodEnd,
    checkinCadence: input.checkinCadence ?? 'quarterly', eventDays: input.eventDays ?? 30,
  };
  if (!searchKey(fields.title)) throw errors.field('title', 'Vui lòng nhập Tên (trích yếu) kế hoạch.');
  if (!searchKey(fields.issuer)) throw errors.field('issuer', 'Vui lòng nhập Cơ quan ban hành.');
  return { ...fields, searchText: searchKey([fields.number, fields.title, fields.issuer, fields.parentReference].join(' ')) };
}

async function checkLinks(tx: Tx, input: { parentPlanId: string | null; replacesPlanId: string | null }, selfId?: string) {
  for (const [field, planId, what] of [['parentPlanId', input.parentPlanId, 'Kế hoạch cấp trên'], ['replacesPlanId', input.replacesPlanId, 'Kế hoạch được thay thế']] as const) {
    if (!planId) continue;
    if (planId === selfId) throw errors.field(field, `${what} không thể là chính kế hoạch này.`);
    const [row] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
    if (!row) throw errors.field(field, `${what} không tồn tại.`);
  }
}

async function ownerFor(m: Mutation, ownerUnitId: string) {
  const owner = await unitOr404(m.tx, ownerUnitId).catch(() => { throw errors.field('ownerUnitId', 'Đơn vị chủ quản không tồn tại.'); });
  if (!can(m.user, 'plan.manage', { unitPath: owner.path })) throw errors.forbidden('Bạn chỉ được lập kế hoạch cho đơn vị mình phụ trách.');
  return owner;
}

export async function createPlan(m: Mutation, input: PlanInput) {
  validatePlan(input);
  await ownerFor(m, input.ownerUnitId);
  const fields = cleaned(input);
  await checkLinks(m.tx, fields);
  const [row] = await m.tx.insert(plans).values({ ...fields, tenantId: m.tenantId, createdBy: m.user.id }).returning();
  await m.audit({ action: 'plan.create', entityType: 'plan', entityId: row.id, summary: row.title, after: auditView(row) });
  return presentPlan(row, new Map((await allUnits(m.tx)).map((u) => [u.id, u])), m.user);
}

/** Re-derives every task's occurrences, after the plan's period, status or defaults changed. */
async function syncPlan(tx: Tx, plan: PlanRow) {
  for (const t of await tx.select().from(tasks).where(eq(tasks.planId, plan.id))) await syncTaskOccurrences(tx, plan, t);
}

export async function updatePlan(m: Mutation, id: string, patch: Partial<PlanInput>) {
  const before = await managedPlan(m, id);
  const merged = { ...before, ...patch } as PlanInput;
  validatePlan(merged);
  if (patch.ownerUnitId && patch.ownerUnitId !== before.ownerUnitId) await ownerFor(m, patch.ownerUnitId);
  const fields = cleaned(merged);
  await checkLinks(m.tx, fields, id);
  const [row] = await m.tx.update(plans).set({ ...fields, updatedAt: new Date() }).where(eq(plans.id, id)).returning();
  await syncPlan(m.tx, row);
  await m.audit({ action: 'plan.update', entityType: 'plan', entityId: id, summary: row.title, before: auditView(before), after: auditView(row) });
  return presentPlan(row, new Map((await allUnits(m.tx)).map((u) => [u.id, u])), m.user);
}

const TRANSITIONS: Record<PlanStatus, PlanStatus[]> = { draft: ['active'], active: ['closed', 'draft'], closed: ['active'], replaced: [] };

export async function setPlanStatus(m: Mutation, id: string, status: PlanStatus) {
  const before = await managedPlan(m, id);
  if (before.status === status) return presentPlan(before, new Map((await allUnits(m.tx)).map((u) => [u.id, u])), m.user);
  if (!TRANSITIONS[before.status].includes(status)) {
    throw errors.conflict(`Không thể chuyển kế hoạch từ “${PLAN_STATUS_LABELS[before.status]}” sang “${PLAN_STATUS_LABELS[status]}”.`);
  }
  if (status === 'draft' && (await hasProgress(m.tx, id))) {
    throw errors.conflict('Kế hoạch đã có báo cáo tiến độ nên không thể trả về dự thảo; hãy kết thúc kế hoạch nếu không thực hiện nữa.');
  }
  const [row] = await m.tx.update(plans).set({ status, updatedAt: new Date() }).where(eq(plans.id, id)).returning();
  await syncPlan(m.tx, row);
  await m.audit({ action: `plan.${status === 'active' ? 'activate' : status === 'closed' ? 'close' : 'to_draft'}`, entityType: 'plan', entityId: id, summary: row.title, before: { status: before.status }, after: { status } });
  // "Kế hoạch này thay thế Kế hoạch số …": the replaced plan stops when this one takes effect.
  if (status === 'active' && row.replacesPlanId) {
    const [old] = await m.tx.update(plans).set({ status: 'replaced', updatedAt: new Date() })
      .where(and(eq(plans.id, row.replacesPlanId), ne(plans.status, 'replaced'))).returning();
    if (old) {
      await syncPlan(m.tx, old);
      await m.audit({ action: 'plan.replaced', entityType: 'plan', entityId: old.id, summary: `${old.title} — thay thế bởi ${row.title}`, before: { status: 'active' }, after: { status: 'replaced', replacedBy: row.id } });
    }
  }
  return presentPlan(row, new Map((await allUnits(m.tx)).map((u) => [u.id, u])), m.user);
}

async function hasProgress(tx: Tx, planId: string) {
  const [row] = await tx.select({ id: progressUpdates.id }).from(progressUpdates)
    .innerJoin(occurrences, eq(occurrences.id, progressUpdates.occurrenceId)).where(eq(occurrences.planId, planId)).limit(1);
  return !!row;
}

export async function deletePlan(m: Mutation, id: string) {
  const plan = await managedPlan(m, id);
  if (plan.status !== 'draft') throw errors.conflict('Chỉ xóa được kế hoạch đang là dự thảo; kế hoạch đã ban hành thì kết thúc thay vì xóa.');
  const [child] = await m.tx.select({ id: plans.id }).from(plans).where(sql`${plans.parentPlanId} = ${id} OR ${plans.replacesPlanId} = ${id}`).limit(1);
  if (child) throw errors.conflict('Có kế hoạch khác đang dẫn chiếu đến kế hoạch này nên không thể xóa.');
  await m.tx.delete(plans).where(eq(plans.id, id));
  await m.audit({ action: 'plan.delete', entityType: 'plan', entityId: id, summary: plan.title, before: auditView(plan) });
}

/** One task as the appendix shows it, with its occurrences for every lead unit and the unit tasks that implement it. */
export async function getTask(tx: Tx, user: CurrentUser, id: string, today: string) {
  const task = await taskOr404(tx, id);
  const plan = await planOr404(tx, task.planId);
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const [presented] = await presentTasks(tx, user, [task], units, today, plan);
  const children = await tx.select({ t: tasks, p: plans }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId)).where(eq(tasks.parentTaskId, id));
  const childCounts = children.length ? await countsBy(tx, 'task_id', today, sql`o.task_id IN ${children.map((c) => c.t.id)}`) : new Map();
  return {
    ...presented,
    plan: { id: plan.id, title: plan.title, number: plan.number, status: plan.status },
    occurrences: await listOccurrences(tx, user, today, { taskId: id, includeInactive: true }),
    implementations: children.map(({ t, p }) => ({
      taskId: t.id, number: t.number, content: t.content, plan: { id: p.id, title: p.title, status: p.status },
      owner: unitRefOf(units.get(p.ownerUnitId)), counts: childCounts.get(t.id) ?? emptyCounts(),
    })),
  };
}
const unitRefOf = (u: UnitRow | undefined) => (u ? { id: u.id, name: u.name, shortName: u.shortName } : null);
