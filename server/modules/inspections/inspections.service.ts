// Inspection plans, inspections and their conclusions (seeds 000 II.5 and 004 I.2/I.4): a division or the Sở's
// inspectors plan a subject for the year with the units to inspect and the coverage target, run each inspection,
// record its findings — each may give a unit a corrective action with a deadline — and conclude it.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { actionState, coverage, INSPECTION_STATUS_LABELS, ACTION_STATUS_LABELS } from '../../../core/inspections/rules.ts';
import { formatViDate } from '../../../core/schedule/dates.ts';
import { compareVi } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { allowanceAssignments, correctiveActionFiles, correctiveActions, files, inspectionFindings, inspectionPlans, inspectionPlanUnits, inspections, people } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits, type UnitRow } from '../org/queries.ts';

type PlanRow = typeof inspectionPlans.$inferSelect;

/** The units the coverage target is counted on: the units directly under the Sở ("đơn vị thuộc Sở"). */
const populationOf = (units: UnitRow[]) => {
  const root = units.find((u) => u.parentId === null);
  return units.filter((u) => u.active && u.kind === 'unit' && u.parentId === root?.id);
};

const mayManage = (user: CurrentUser, owner: UnitRow | undefined) => !!owner && can(user, 'inspection.manage', { unitPath: owner.path });

async function planOr404(tx: Tx, id: string) {
  const [plan] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  if (!plan) throw errors.notFound('kế hoạch kiểm tra');
  return plan;
}

export async function summaries(tx: Tx, plans: PlanRow[], units: UnitRow[], today: string) {
  if (!plans.length) return [];
  const ids = plans.map((p) => p.id);
  const planned = await tx.select().from(inspectionPlanUnits).where(inArray(inspectionPlanUnits.planId, ids));
  const done = await tx.select().from(inspections).where(inArray(inspections.planId, ids));
  const actions = await tx.select({ a: correctiveActions, planId: inspections.planId }).from(correctiveActions)
    .innerJoin(inspectionFindings, eq(inspectionFindings.id, correctiveActions.findingId)).innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
    .where(inArray(inspections.planId, ids));
  const population = new Set(populationOf(units).map((u) => u.id));
  const byId = new Map(units.map((u) => [u.id, u]));
  return plans.map((p) => {
    const mine = planned.filter((x) => x.planId === p.id && population.has(x.unitId));
    const concluded = new Set(done.filter((i) => i.planId === p.id && i.status === 'concluded' && population.has(i.unitId)).map((i) => i.unitId));
    const acts = actions.filter((x) => x.planId === p.id).map((x) => actionState(x.a, today));
    return {
      id: p.id, year: p.year, subject: p.subject, ownerUnit: { id: p.ownerUnitId, name: byId.get(p.ownerUnitId)?.name ?? '' },
      coverage: coverage({ population: population.size, planned: mine.length, concluded: concluded.size, targetPct: p.coverageTargetPct }),
      openActions: acts.filter((s) => s === 'open' || s === 'overdue' || s === 'reported').length, overdueActions: acts.filter((s) => s === 'overdue').length,
    };
  });
}

export async function listPlans(tx: Tx, user: CurrentUser, year: number | undefined, today: string) {
  const units = await allUnits(tx);
  const plans = await tx.select().from(inspectionPlans).where(year ? eq(inspectionPlans.year, year) : undefined).orderBy(asc(inspectionPlans.year), asc(inspectionPlans.subject));
  return { items: await summaries(tx, plans, units, today), canCreate: can(user, 'inspection.manage') };
}

export interface PlanInput { year: number; subject: string; ownerUnitId: string; coverageTargetPct: number; taskId?: string | null; basis?: string; unitIds: string[] }

export async function createPlan(m: Mutation, input: PlanInput) {
  const units = await allUnits(m.tx);
  const owner = units.find((u) => u.id === input.ownerUnitId);
  if (!owner) throw errors.field('ownerUnitId', 'Không tìm thấy đơn vị chủ trì.');
  if (!mayManage(m.user, owner)) throw errors.forbidden(`Bạn không có quyền lập kế hoạch kiểm tra của ${owner.name}.`);
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const [i, id] of input.unitIds.entries()) if (byId.get(id)?.kind !== 'unit') throw errors.field(`unitIds.${i}`, 'Chỉ kiểm tra được đơn vị trực thuộc.');
  const [plan] = await m.tx.insert(inspectionPlans).values({
    tenantId: m.tenantId, year: input.year, subject: input.subject.trim(), ownerUnitId: owner.id, coverageTargetPct: input.coverageTargetPct,
    taskId: input.taskId ?? null, basis: input.basis?.trim() ?? '', createdBy: m.user.id,
  }).returning();
  const unique = [...new Set(input.unitIds)];
  if (unique.length) await m.tx.insert(inspectionPlanUnits).values(unique.map((unitId) => ({ tenantId: m.tenantId, planId: plan.id, unitId })));
  await m.audit({ action: 'inspection.plan.create', entityType: 'inspection_plan', entityId: plan.id, summary: `Kế hoạch kiểm tra năm ${plan.year}: ${plan.subject} (${unique.length} đơn vị, chỉ tiêu ${plan.coverageTargetPct}%)`, after: { plan, unitIds: unique } });
  return plan;
}

export async function planView(tx: Tx, user: CurrentUser, id: string, today: string) {
  const plan = await planOr404(tx, id);
  const units = await allUnits(tx);
  const byId = new Map(units.map((u) => [u.id, u]));
  const [summary] = await summaries(tx, [plan], units, today);
  const planned = await tx.select().from(inspectionPlanUnits).where(eq(inspectionPlanUnits.planId, id));
  const rows = await tx.select().from(inspections).where(eq(inspections.planId, id)).orderBy(asc(inspections.startOn));
  const unitIds = [...new Set([...planned.map((p) => p.unitId), ...rows.map((r) => r.unitId)])];
  const items = unitIds.map((unitId) => ({
    unit: { id: unitId, name: byId.get(unitId)?.name ?? '' }, planned: planned.some((p) => p.unitId === unitId),
    inspections: rows.filter((r) => r.unitId === unitId).map((r) => ({ id: r.id, status: r.status, statusLabel: INSPECTION_STATUS_LABELS[r.status], startOn: r.startOn, endOn: r.endOn, conclusionNo: r.conclusionNo })),
  })).sort((a, b) => compareVi(a.unit.name, b.unit.name));
  return { ...plan, ...summary, units: items, can: { manage: mayManage(user, byId.get(plan.ownerUnitId)) } };
}

export async function createInspection(m: Mutation, planId: string, input: { unitId: string; team: string; startOn: string; endOn: string; scope: string }) {
  const plan = await planOr404(m.tx, planId);
  const units = await allUnits(m.tx);
  if (!mayManage(m.user, units.find((u) => u.id === plan.ownerUnitId))) throw errors.forbidden('Bạn không có quyền ghi cuộc kiểm tra của kế hoạch này.');
  const unit = units.find((u) => u.id === input.unitId);
  if (unit?.kind !== 'unit') throw errors.field('unitId', 'Chọn một đơn vị trực thuộc.');
  if (input.endOn < input.startOn) throw errors.field('endOn', 'Ngày kết thúc phải từ ngày bắt đầu trở đi.');
  // An inspection not in the plan (đột xuất) joins the plan's units, so coverage counts it.
  await m.tx.insert(inspectionPlanUnits).values({ tenantId: m.tenantId, planId, unitId: unit.id }).onConflictDoNothing();
  const [row] = await m.tx.insert(inspections).values({ tenantId: m.tenantId, planId, unitId: unit.id, team: input.team.trim(), startOn: input.startOn, endOn: input.endOn, scope: input.scope.trim(), createdBy: m.user.id }).returning();
  await m.audit({ action: 'inspection.create', entityType: 'inspection', entityId: row.id, summary: `Kiểm tra ${unit.name} từ ${formatViDate(row.startOn)} đến ${formatViDate(row.endOn)} (${plan.subject})`, after: row });
  return row;
}

/** The inspection, its plan's owner and whether the user may manage it. */
export async function inspectionContext(tx: Tx, user: CurrentUser, id: string) {
  const [row] = await tx.select().from(inspections).where(eq(inspections.id, id));
  if (!row) throw errors.notFound('cuộc kiểm tra');
  const plan = await planOr404(tx, row.planId);
  const units = await allUnits(tx);
  const byId = new Map(units.map((u) => [u.id, u]));
  return { row, plan, byId, manage: mayManage(user, byId.get(plan.ownerUnitId)) };
}

export async function inspectionView(tx: Tx, user: CurrentUser, id: string, today: string) {
  const { row, plan, byId, manage } = await inspectionContext(tx, user, id);
  const findings = await tx.select().from(inspectionFindings).where(eq(inspectionFindings.inspectionId, id)).orderBy(asc(inspectionFindings.createdAt));
  const actions = findings.length ? await tx.select().from(correctiveActions).where(inArray(correctiveActions.findingId, findings.map((f) => f.id))) : [];
  const assignmentIds = actions.flatMap((a) => (a.assignmentId ? [a.assignmentId] : []));
  const assignments = assignmentIds.length ? await tx.select({ a: allowanceAssignments, name: people.fullName }).from(allowanceAssignments).innerJoin(people, eq(people.id, allowanceAssignments.personId)).where(inArray(allowanceAssignments.id, assignmentIds)) : [];
  const [file] = row.conclusionFileId ? await tx.select().from(files).where(eq(files.id, row.conclusionFileId)) : [];
  const evidence = actions.length ? await tx.select().from(correctiveActionFiles).where(inArray(correctiveActionFiles.actionId, actions.map((a) => a.id))) : [];
  return {
    ...row, statusLabel: INSPECTION_STATUS_LABELS[row.status], unitName: byId.get(row.unitId)?.name ?? '', plan: { id: plan.id, subject: plan.subject, year: plan.year },
    conclusionFile: file ? { id: file.id, name: file.name } : null,
    findings: findings.map((f) => ({
      ...f,
      actions: actions.filter((a) => a.findingId === f.id).map((a) => {
        const state = actionState(a, today);
        const link = assignments.find((x) => x.a.id === a.assignmentId);
        return {
          ...a, state, stateLabel: ACTION_STATUS_LABELS[state], responsibleUnitName: byId.get(a.responsibleUnitId)?.name ?? '',
          files: evidence.filter((e) => e.actionId === a.id).map((e) => ({ fileId: e.fileId, name: e.name })),
          allowance: link ? { assignmentId: link.a.id, personName: link.name, decisionNo: link.a.decisionNo, unitId: link.a.unitId, stoppedOn: link.a.stoppedOn, stopReason: link.a.stopReason } : null,
          can: {
            report: a.status === 'open' && (manage || can(user, 'progress.record', { unitPath: byId.get(a.responsibleUnitId)?.path ?? '-' })),
            // What closeAction accepts: a reported correction, or an allowance stop already made.
            close: manage && (a.status === 'reported' || (a.status === 'open' && !!link?.a.stoppedOn)),
          },
        };
      }),
    })),
    can: { manage, conclude: manage && row.status === 'planned' },
  };
}

export async function listUnitActions(tx: Tx, unitIds: string[] | null, today: string) {
  const rows = await tx.select({ a: correctiveActions, inspectionId: inspections.id, subject: inspectionPlans.subject, finding: inspectionFindings.text })
    .from(correctiveActions).innerJoin(inspectionFindings, eq(inspectionFindings.id, correctiveActions.findingId))
    .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId)).innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId))
    .where(unitIds ? and(inArray(correctiveActions.responsibleUnitId, unitIds)) : undefined).orderBy(asc(correctiveActions.dueOn));
  return rows.map((r) => ({ ...r.a, state: actionState(r.a, today), inspectionId: r.inspectionId, subject: r.subject, finding: r.finding }));
}

/**
 * The leadership dashboard's part: this year's plans with their coverage, and the open corrective actions by
 * responsible unit (overdue first) within what the user may see.
 */
export async function inspectionSummary(tx: Tx, units: UnitRow[], covers: (unitId: string) => boolean, today: string) {
  const year = Number(today.slice(0, 4));
  const plans = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.year, year)).orderBy(asc(inspectionPlans.subject));
  const byId = new Map(units.map((u) => [u.id, u]));
  const open = (await listUnitActions(tx, null, today)).filter((a) => a.state !== 'closed' && covers(a.responsibleUnitId));
  const byUnit = new Map<string, { open: number; overdue: number }>();
  for (const a of open) {
    const row = byUnit.get(a.responsibleUnitId) ?? { open: 0, overdue: 0 };
    row.open += 1;
    if (a.state === 'overdue') row.overdue += 1;
    byUnit.set(a.responsibleUnitId, row);
  }
  return {
    year,
    // Coverage is the Sở's own figure: every reader sees the year's plans; the open actions follow the scope.
    plans: (await summaries(tx, plans, units, today)).map((p) => ({ ...p, link: `/kiem-tra/${p.id}` })),
    openByUnit: [...byUnit].map(([unitId, r]) => ({ unit: { id: unitId, name: byId.get(unitId)?.name ?? '', shortName: byId.get(unitId)?.shortName ?? '' }, ...r }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open || compareVi(a.unit.name, b.unit.name)),
  };
}
