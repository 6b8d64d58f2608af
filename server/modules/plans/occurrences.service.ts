// Occurrences: a unit's task list, one occurrence with its history, progress with evidence, dates set by hand.
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { OCCURRENCE_STATUS_LABELS, OCCURRENCE_STATUS_WHERE, occurrenceStatus, type OccurrenceStatus, type ProgressState } from '../../../core/plans/status.ts';
import { formatViDate } from '../../../core/schedule/dates.ts';
import { occurrenceAfterEvent, occurrenceOn } from '../../../core/schedule/occurrences.ts';
import { cleanText, matchesSearch, searchKey } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { evidence, files, occurrences, planSections, plans, progressUpdates, tasks, taskUnits } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits, unitOr404, type UnitRow } from '../org/queries.ts';
import { managedPlan, mayRecord } from './access.ts';
import { occurrenceOr404, planOr404, taskOr404, type OccurrenceRow } from './queries.ts';

export interface OccurrenceQuery {
  unitId?: string;
  /** Include the subtree of the unit (a health centre and its commune stations). */
  subtree?: boolean;
  planId?: string;
  taskId?: string;
  /** Also occurrences of draft, closed and replaced plans (a task's own history). */
  includeInactive?: boolean;
  from?: string;
  to?: string;
  status?: OccurrenceStatus;
  q?: string;
  /** Only periods not yet done. */
  open?: boolean;
  /** A further condition over the occurrences and plans tables (what a user's grants cover). */
  where?: SQL;
  /**
   * Order by due date, then id (the partial index on open periods) instead of due date, then task order:
   * for the tenant-wide top-hundred lists, which must not sort every open period to find the first.
   */
  indexOrder?: boolean;
  limit?: number;
}

const statusOf = (o: OccurrenceRow, today: string) =>
  occurrenceStatus({ dueOn: o.dueOn, completedOn: o.completedOn, started: !!o.lastUpdateAt }, today);

/** The status rule of core/plans/status.ts over the occurrences table, as an index-friendly condition. */
const statusWhere = (status: OccurrenceStatus, today: string) => sql.raw(OCCURRENCE_STATUS_WHERE(
  { due: 'occurrences.due_on', completed: 'occurrences.completed_on', lastUpdate: 'occurrences.last_update_at' },
  `'${today.replace(/[^0-9-]/g, '')}'::date`,
)[status]);

/**
 * Each word of the query in the task (number or text), the plan or the unit, ignoring accents: the same
 * rule as matchesSearch, evaluated by the database so that only matching rows are read.
 */
function searchWhere(q: string, units: Map<string, UnitRow>): SQL | undefined {
  const words = searchKey(q).split(' ').filter(Boolean);
  if (!words.length) return undefined;
  return and(...words.map((w) => {
    const unitIds = [...units.values()].filter((u) => matchesSearch(`${u.name} ${u.shortName}`, w)).map((u) => u.id);
    return or(
      sql`${tasks.searchText} LIKE ${`%${w}%`}`, sql`${plans.searchText} LIKE ${`%${w}%`}`,
      unitIds.length ? inArray(occurrences.unitId, unitIds) : undefined,
    );
  }));
}

/** The unit, or the unit and every unit under it (a health centre and its commune stations). */
export function unitIdsOf(unitId: string, subtree: boolean | undefined, units: Map<string, UnitRow>): string[] {
  const unit = units.get(unitId);
  if (!unit) throw errors.notFound('đơn vị');
  return subtree ? [...units.values()].filter((u) => u.path.startsWith(unit.path)).map((u) => u.id) : [unit.id];
}

/** The conditions of an occurrence query (the plans and tasks tables joined), shared by the lists and their pages. */
export function occurrenceConditions(q: OccurrenceQuery, today: string, units: Map<string, UnitRow>): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = q.includeInactive ? [] : [eq(plans.status, 'active')];
  if (q.unitId) where.push(inArray(occurrences.unitId, unitIdsOf(q.unitId, q.subtree, units)));
  if (q.planId) where.push(eq(occurrences.planId, q.planId));
  if (q.taskId) where.push(eq(occurrences.taskId, q.taskId));
  // An occurrence without a due date belongs to no date range: it shows only in unfiltered lists.
  if (q.from) where.push(sql`${occurrences.dueOn} >= ${q.from}`);
  if (q.to) where.push(sql`${occurrences.dueOn} <= ${q.to}`);
  if (q.status) where.push(statusWhere(q.status, today));
  if (q.q) where.push(searchWhere(q.q, units));
  if (q.open) where.push(isNull(occurrences.completedOn));
  if (q.where) where.push(q.where);
  return where;
}

/**
 * Occurrences of active plans, filtered and ordered by due date in the database (the first `limit` when
 * given); each with its task, plan and unit, its status and what the user may do. A plan's timeline and
 * calendar read the whole list; a unit's task page reads it a page at a time (unit-tasks.service.ts).
 * `units` saves reloading the org tree when the caller already holds it.
 */
export async function listOccurrences(tx: Tx, user: CurrentUser, today: string, q: OccurrenceQuery, units?: Map<string, UnitRow>) {
  units ??= new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const where = occurrenceConditions(q, today, units);
  const query = selectListItems(tx)
    .where(and(...where))
    .orderBy(sql`${occurrences.dueOn} ASC NULLS LAST`, ...(q.indexOrder ? [] : [asc(tasks.sortOrder)]), asc(occurrences.id));
  const rows = q.limit ? await query.limit(q.limit) : await query;
  return rows.map((r) => presentListItem(r.o, r.t, r.p, units, user, today, r.section ?? ''));
}

/** What a list item is made from: the period with its task, plan and section. */
export const selectListItems = (tx: Tx) =>
  tx.select({ o: occurrences, t: tasks, p: { id: plans.id, title: plans.title, number: plans.number, ownerUnitId: plans.ownerUnitId }, section: planSections.code })
    .from(occurrences).innerJoin(tasks, eq(tasks.id, occurrences.taskId)).innerJoin(plans, eq(plans.id, occurrences.planId))
    .leftJoin(planSections, eq(planSections.id, tasks.sectionId)).$dynamic();

export function presentListItem(o: OccurrenceRow, t: typeof tasks.$inferSelect, p: { id: string; title: string; number: string; ownerUnitId: string }, units: Map<string, UnitRow>, user: CurrentUser, today: string, sectionCode: string) {
  const unit = units.get(o.unitId);
  const owner = units.get(p.ownerUnitId);
  const status = statusOf(o, today);
  return {
    id: o.id, periodKey: o.periodKey, label: o.label, periodStart: o.periodStart, periodEnd: o.periodEnd, dueOn: o.dueOn,
    percent: o.percent, state: o.state, completedOn: o.completedOn, lastUpdateAt: o.lastUpdateAt?.toISOString() ?? null,
    status, statusLabel: OCCURRENCE_STATUS_LABELS[status],
    // Numbers restart in each Roman-numeral section ("III.3"), so the section code goes with them.
    task: { id: t.id, number: sectionCode && t.number ? `${sectionCode}.${t.number}` : t.number, content: t.content, product: t.product, deadlineText: t.deadlineText, scheduleKind: t.scheduleKind },
    plan: { id: p.id, title: p.title, number: p.number },
    unit: unit ? { id: unit.id, name: unit.name, shortName: unit.shortName } : null,
    can: {
      record: !!unit && (can(user, 'progress.record', { unitPath: unit.path }) || (!!owner && can(user, 'plan.manage', { unitPath: owner.path }))),
    },
  };
}

export async function getOccurrence(tx: Tx, user: CurrentUser, today: string, id: string) {
  const o = await occurrenceOr404(tx, id);
  const task = await taskOr404(tx, o.taskId);
  const plan = await planOr404(tx, o.planId);
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const updates = await tx.select().from(progressUpdates).where(eq(progressUpdates.occurrenceId, id)).orderBy(desc(progressUpdates.createdAt));
  const proofs = await tx.select({ e: evidence, f: files }).from(evidence).innerJoin(files, eq(files.id, evidence.fileId))
    .where(eq(evidence.occurrenceId, id)).orderBy(asc(evidence.createdAt));
  const [section] = task.sectionId ? await tx.select({ code: planSections.code }).from(planSections).where(eq(planSections.id, task.sectionId)) : [];
  const item = presentListItem(o, task, plan, units, user, today, section?.code ?? '');
  const evidenceOf = (updateId: string) => proofs.filter((p) => p.e.progressUpdateId === updateId)
    .map((p) => ({ id: p.e.id, fileId: p.f.id, name: p.e.name, size: p.f.size, mime: p.f.mime, sha256: p.f.sha256 }));
  return {
    ...item,
    updates: updates.map((u) => ({
      id: u.id, authorName: u.authorName, state: u.state, percent: u.percent, note: u.note, completedOn: u.completedOn,
      createdAt: u.createdAt.toISOString(), evidence: evidenceOf(u.id),
    })),
  };
}

export interface ProgressInput {
  state: ProgressState;
  percent?: number;
  note?: string;
  completedOn?: string;
  fileIds?: string[];
}

/** Records what a unit reports: the update, its evidence, and the occurrence's new state, in one transaction. */
export async function recordProgress(m: Mutation, today: string, id: string, input: ProgressInput) {
  const o = await occurrenceOr404(m.tx, id);
  if (!(await mayRecord(m.tx, m.user, o))) throw errors.forbidden('Bạn chỉ được cập nhật tiến độ nhiệm vụ của đơn vị mình.');
  const plan = await planOr404(m.tx, o.planId);
  if (plan.status !== 'active') throw errors.conflict('Kế hoạch không còn trong thời gian thực hiện nên không cập nhật tiến độ được.');
  const note = cleanText(input.note ?? '');
  const done = input.state === 'done';
  const completedOn = done ? input.completedOn ?? today : null;
  if (completedOn && completedOn > today) throw errors.field('completedOn', 'Ngày hoàn thành không được sau ngày hôm nay.');
  const percent = done ? 100 : input.percent ?? o.percent;
  if (!done && percent >= 100) throw errors.field('percent', 'Đã đạt 100% thì hãy chọn trạng thái “Hoàn thành”.');
  if (!done && !note && !input.fileIds?.length && percent === o.percent) throw errors.field('note', 'Vui lòng nhập nội dung đã thực hiện hoặc đính kèm tài liệu.');
  const fileRows = input.fileIds?.length ? await m.tx.select().from(files).where(inArray(files.id, input.fileIds)) : [];
  if (fileRows.length !== new Set(input.fileIds ?? []).size) throw errors.field('fileIds', 'Tệp đính kèm không tồn tại hoặc đã bị xóa. Vui lòng tải lên lại.');
  const [update] = await m.tx.insert(progressUpdates).values({
    tenantId: m.tenantId, occurrenceId: id, authorId: m.user.id, authorName: m.user.displayName, state: input.state, percent, note, completedOn,
  }).returning();
  if (fileRows.length) {
    await m.tx.insert(evidence).values(fileRows.map((f) => ({ tenantId: m.tenantId, occurrenceId: id, progressUpdateId: update.id, fileId: f.id, name: f.name })));
  }
  const [row] = await m.tx.update(occurrences).set({ state: input.state, percent, completedOn, lastUpdateAt: new Date() }).where(eq(occurrences.id, id)).returning();
  await m.audit({
    action: done ? 'plan.progress.done' : o.state === 'done' ? 'plan.progress.reopen' : 'plan.progress.update',
    entityType: 'occurrence', entityId: id, summary: `${o.label}: ${percent}%${note ? ` — ${note.slice(0, 120)}` : ''}`,
    before: { state: o.state, percent: o.percent, completedOn: o.completedOn },
    after: { state: row.state, percent: row.percent, completedOn: row.completedOn, files: fileRows.map((f) => ({ name: f.name, sha256: f.sha256 })) },
  });
  return { id: update.id, status: statusOf(row, today) };
}

export interface ManualOccurrenceInput {
  /** The date set for a directive ("Theo chỉ đạo …"), or the day the awaited event happened. */
  dueOn?: string;
  eventOn?: string;
  label?: string;
  unitIds?: string[];
}

/** A date set by a person for a task that waits on a direction or an event: one occurrence per lead unit. */
export async function addManualOccurrence(m: Mutation, taskId: string, input: ManualOccurrenceInput) {
  const task = await taskOr404(m.tx, taskId);
  const plan = await planOr404(m.tx, task.planId);
  const leads = (await m.tx.select({ unitId: taskUnits.unitId }).from(taskUnits).where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, 'lead')))).map((r) => r.unitId);
  const unitIds = input.unitIds?.length ? input.unitIds : leads;
  if (!unitIds.length) throw errors.field('unitIds', 'Nhiệm vụ chưa có đơn vị chủ trì. Hãy chọn đơn vị chủ trì trước.');
  for (const u of unitIds) if (!leads.includes(u)) throw errors.field('unitIds', 'Chỉ đặt hạn cho đơn vị chủ trì của nhiệm vụ.');
  // The plan's owner may set any date; a lead unit may record that an awaited event happened for itself.
  const owner = await unitOr404(m.tx, plan.ownerUnitId);
  if (!can(m.user, 'plan.manage', { unitPath: owner.path })) {
    if (!input.eventOn) await managedPlan(m, plan.id);
    for (const u of unitIds) if (!(await mayRecord(m.tx, m.user, { unitId: u, planId: plan.id }))) throw errors.forbidden('Bạn chỉ được ghi nhận phát sinh cho đơn vị mình.');
  }
  if (plan.status !== 'active') throw errors.conflict('Kế hoạch chưa ban hành hoặc đã kết thúc nên chưa đặt hạn được.');
  let spec;
  if (input.eventOn) spec = occurrenceAfterEvent(task.schedule, input.eventOn, { eventDays: plan.eventDays });
  else if (input.dueOn) spec = occurrenceOn(input.dueOn, input.label ? cleanText(input.label) : undefined);
  else throw errors.field('dueOn', 'Vui lòng nhập Hạn hoàn thành.');
  if (input.label && input.eventOn) spec = { ...spec, label: cleanText(input.label) };
  const values = unitIds.map((unitId) => ({
    tenantId: m.tenantId, planId: plan.id, taskId, unitId, periodKey: spec.key, label: spec.label,
    periodStart: spec.periodStart, periodEnd: spec.periodEnd, dueOn: spec.due, manual: true,
  }));
  const created = await m.tx.insert(occurrences).values(values).onConflictDoNothing().returning();
  if (!created.length) throw errors.conflict(`Nhiệm vụ đã có kỳ hạn ${formatViDate(spec.due)}.`);
  await m.audit({
    action: 'plan.occurrence.set', entityType: 'task', entityId: taskId,
    summary: `${task.number} ${input.eventOn ? `phát sinh ngày ${formatViDate(input.eventOn)}, ` : ''}hạn ${formatViDate(spec.due)}`.trim(),
    after: { label: spec.label, dueOn: spec.due, eventOn: input.eventOn ?? null, unitIds },
  });
  return { created: created.length, dueOn: spec.due };
}
