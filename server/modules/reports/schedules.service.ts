// Report schedules: who owes which form, how often and by when, and how each period stands
// (expected, submitted, on time, approved — DHIS2's reporting rates) per unit and in total.
import { desc, eq } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { checkRule, currentPeriod, describeRule, isLocked, periodOf, periodsBetween, type AdhocRequest, type DueRule, type Period, type PeriodType } from '../../../core/reports/periods.ts';
import { completeness, type ReportState, type UnitReport } from '../../../core/reports/workflow.ts';
import type { Tx } from '../../db/client.ts';
import { reportSchedules, reportSubmissions, reportTemplates, type ReportScheduleRow, type ReportSubmissionRow } from '../../db/schema/index.ts';
import { AppError, errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits, unitOr404, type UnitRow } from '../org/queries.ts';
import { exceptionsInForce, expectedUnits, ruleOf, scheduleOr404, submissionsOf, templateOr404, type SubmissionState } from './queries.ts';
import { resolveTemplate } from './templates.service.ts';

export interface ScheduleInput {
  title: string;
  templateId: string;
  ownerUnitId: string;
  planId?: string | null;
  reportingDutyId?: string | null;
  periodType: PeriodType;
  dueRule: DueRule;
  graceDays: number;
  lockDays: number;
  adhoc?: AdhocRequest[];
  assigneeMode: 'subordinates' | 'list' | 'division';
  assigneeUnitIds?: string[];
  startsOn: string;
  endsOn?: string | null;
}

/** A schedule is managed by report.manage on its owner division. */
export async function managedSchedule(m: { tx: Tx; user: CurrentUser }, id: string) {
  const s = await scheduleOr404(m.tx, id);
  const owner = await unitOr404(m.tx, s.ownerUnitId);
  if (!can(m.user, 'report.manage', { unitPath: owner.path })) throw errors.forbidden('Bạn không có quyền sửa lịch báo cáo này.');
  return { schedule: s, owner };
}

async function checkInput(m: Mutation, input: ScheduleInput) {
  // Who may before what is wrong: a caller without the right learns nothing from the validation messages.
  const owner = await unitOr404(m.tx, input.ownerUnitId).catch((e) => {
    throw e instanceof AppError && e.status === 404 ? errors.field('ownerUnitId', 'Đơn vị chủ trì không tồn tại.') : e;
  });
  if (!can(m.user, 'report.manage', { unitPath: owner.path })) throw errors.forbidden('Bạn chỉ lập lịch báo cáo cho phòng, đơn vị mình phụ trách.');
  const issues = checkRule({ periodType: input.periodType, dueRule: input.dueRule, graceDays: input.graceDays, lockDays: input.lockDays, adhoc: input.adhoc ?? [] });
  if (issues.length) throw errors.validation(Object.fromEntries(issues.map((i) => [i.field, i.message])));
  if (input.endsOn && input.endsOn < input.startsOn) throw errors.field('endsOn', 'Ngày kết thúc phải sau ngày bắt đầu.');
  const ids = input.assigneeMode === 'subordinates' ? [] : [...new Set(input.assigneeUnitIds ?? [])];
  if (input.assigneeMode !== 'subordinates' && !ids.length) throw errors.field('assigneeUnitIds', 'Chọn ít nhất một đơn vị phải báo cáo.');
  if (input.assigneeMode === 'division' && ids.length !== 1) throw errors.field('assigneeUnitIds', 'Chọn đúng một phòng phải báo cáo.');
  for (const id of ids) await unitOr404(m.tx, id).catch(() => { throw errors.field('assigneeUnitIds', 'Có đơn vị được chọn không còn tồn tại.'); });
  return ids;
}

export async function createSchedule(m: Mutation, input: ScheduleInput) {
  const ids = await checkInput(m, input);
  const template = await resolveTemplate(m, input.templateId);
  const [row] = await m.tx.insert(reportSchedules).values({
    tenantId: m.tenantId, templateId: template.id, title: input.title, ownerUnitId: input.ownerUnitId, planId: input.planId ?? null,
    reportingDutyId: input.reportingDutyId ?? null, periodType: input.periodType, dueRule: input.dueRule, graceDays: input.graceDays,
    lockDays: input.lockDays, adhoc: input.adhoc ?? [], assigneeMode: input.assigneeMode, assigneeUnitIds: ids,
    startsOn: input.startsOn, endsOn: input.endsOn ?? null, createdBy: m.user.id,
  }).returning();
  await m.audit({ action: 'report.schedule.create', entityType: 'report_schedule', entityId: row.id, summary: `Lập lịch báo cáo: ${row.title} (${describeRule(ruleOf(row))})`, after: input });
  return row;
}

export async function updateSchedule(m: Mutation, id: string, patch: Partial<ScheduleInput> & { active?: boolean }) {
  const { schedule: before } = await managedSchedule(m, id);
  const merged: ScheduleInput = {
    title: before.title, templateId: before.templateId, ownerUnitId: before.ownerUnitId, planId: before.planId, reportingDutyId: before.reportingDutyId,
    periodType: before.periodType, dueRule: before.dueRule, graceDays: before.graceDays, lockDays: before.lockDays, adhoc: before.adhoc,
    assigneeMode: before.assigneeMode, assigneeUnitIds: before.assigneeUnitIds, startsOn: before.startsOn, endsOn: before.endsOn, ...patch,
  };
  if (patch.periodType && patch.periodType !== before.periodType) {
    // Reports already made belong to the old periods; a new kind of period needs a new schedule.
    const [made] = await m.tx.select({ id: reportSubmissions.id }).from(reportSubmissions).where(eq(reportSubmissions.scheduleId, id)).limit(1);
    if (made) throw errors.field('periodType', 'Đã có đơn vị lập báo cáo theo lịch này: không đổi được loại kỳ báo cáo; hãy lập lịch mới.');
  }
  const ids = await checkInput(m, merged);
  const template = patch.templateId ? await resolveTemplate(m, patch.templateId) : null;
  const [row] = await m.tx.update(reportSchedules).set({
    title: merged.title, templateId: template?.id ?? before.templateId, ownerUnitId: merged.ownerUnitId, planId: merged.planId ?? null,
    periodType: merged.periodType, dueRule: merged.dueRule, graceDays: merged.graceDays, lockDays: merged.lockDays, adhoc: merged.adhoc ?? [],
    assigneeMode: merged.assigneeMode, assigneeUnitIds: ids, startsOn: merged.startsOn, endsOn: merged.endsOn ?? null,
    active: patch.active ?? before.active, updatedAt: new Date(),
  }).where(eq(reportSchedules.id, id)).returning();
  await m.audit({ action: 'report.schedule.update', entityType: 'report_schedule', entityId: id, summary: `Sửa lịch báo cáo: ${row.title}`, before, after: patch });
  return row;
}

/** The periods a schedule has owed so far, plus the one in progress, newest first. */
export function periodsSoFar(s: ReportScheduleRow, today: string): Period[] {
  const rule = ruleOf(s);
  const end = s.endsOn && s.endsOn < today ? s.endsOn : today;
  const list = end >= s.startsOn ? periodsBetween(rule, s.startsOn, end) : [];
  const current = currentPeriod(rule, today);
  if (current && current.end >= s.startsOn && !list.some((p) => p.key === current.key)) list.push(current);
  // Ad-hoc requests are owed as soon as they are made, even when they are about a later span.
  for (const r of s.adhoc) if (!list.some((p) => p.key === r.key)) { const p = periodOf(rule, r.key); if (p) list.push(p); }
  return list.sort((a, b) => b.dueOn.localeCompare(a.dueOn));
}

export function periodOr404(s: ReportScheduleRow, key: string): Period {
  const p = periodOf(ruleOf(s), key);
  if (!p) throw errors.notFound('kỳ báo cáo');
  return p;
}

export interface UnitStatus {
  unit: { id: string; name: string; shortName: string };
  state: ReportState;
  submissionId: string | null;
  submittedAt: string | null;
  onTime: boolean | null;
  approvedAt: string | null;
  exception: boolean;
}

/** Each expected unit's report for one period: the grid of the completeness page. */
export async function periodStatus(tx: Tx, s: ReportScheduleRow, period: Period, now: Date, today: string, units?: UnitRow[]) {
  const expected = units ?? await expectedUnits(tx, s);
  const subs = new Map((await submissionsOf(tx, s.id, [period.key])).map((r) => [r.unitId, r]));
  const exceptions = await exceptionsInForce(tx, s.id, period.key, today);
  const rows: UnitStatus[] = expected.map((u) => unitStatus(u, subs.get(u.id), exceptions.has(u.id)));
  return {
    period: { ...period, locked: isLocked(period, now) },
    units: rows,
    completeness: completeness(expected.map((u) => counted(subs.get(u.id)))),
  };
}

function unitStatus(u: UnitRow, sub: SubmissionState | undefined, exception: boolean): UnitStatus {
  return {
    unit: { id: u.id, name: u.name, shortName: u.shortName },
    state: sub?.status ?? 'missing',
    submissionId: sub?.id ?? null,
    submittedAt: sub?.submittedAt?.toISOString() ?? null,
    onTime: sub?.onTime ?? null,
    approvedAt: sub?.approvedAt?.toISOString() ?? null,
    exception,
  };
}

/** One unit's report of one period, as the reporting rates count it. */
type Counted = Pick<ReportSubmissionRow, 'status' | 'submittedAt' | 'onTime'> | undefined;
const counted = (x: Counted): UnitReport => ({ state: x?.status ?? 'missing', submitted: !!x?.submittedAt, onTime: x?.onTime ?? null });

/**
 * The rates of many periods from one read of their reports: per period over the units (the period list), and
 * per unit over the periods already due (DHIS2's rate by organisation unit over time).
 */
async function rates(tx: Tx, s: ReportScheduleRow, periods: Period[], units: UnitRow[], today: string) {
  const subs = await submissionsOf(tx, s.id, periods.map((p) => p.key));
  const byKey = new Map(subs.map((x) => [`${x.unitId}|${x.periodKey}`, x]));
  const at = (u: UnitRow, p: Period) => counted(byKey.get(`${u.id}|${p.key}`));
  const due = periods.filter((p) => p.dueOn < today);
  return {
    byPeriod: periods.map((p) => ({ period: p, completeness: completeness(units.map((u) => at(u, p))) })),
    byUnit: units.map((u) => ({ unitId: u.id, periods: due.length, completeness: completeness(due.map((p) => at(u, p))) })),
  };
}

/** May the user see this schedule: it reviews it, or one of its units owes it. */
function visibleTo(user: CurrentUser, owner: UnitRow, expected: UnitRow[]): boolean {
  return can(user, 'plan.read', { unitPath: owner.path }) || expected.some((u) => can(user, 'plan.read', { unitPath: u.path }));
}

export async function listSchedules(tx: Tx, user: CurrentUser, now: Date, today: string) {
  const rows = await tx.select().from(reportSchedules).orderBy(desc(reportSchedules.active), desc(reportSchedules.createdAt));
  // The org tree and the templates' names once for all schedules, not once per schedule.
  const tree = await allUnits(tx);
  const units = new Map(tree.map((u) => [u.id, u]));
  const templates = new Map((await tx.select({ id: reportTemplates.id, name: reportTemplates.name }).from(reportTemplates)).map((t) => [t.id, t.name]));
  const out = [];
  for (const s of rows) {
    const owner = units.get(s.ownerUnitId);
    if (!owner) throw errors.notFound('đơn vị');
    const expected = await expectedUnits(tx, s, tree);
    if (!visibleTo(user, owner, expected)) continue;
    const templateName = templates.get(s.templateId);
    if (templateName === undefined) throw errors.notFound('biểu mẫu báo cáo');
    const current = periodsSoFar(s, today)[0] ?? null;
    const status = current ? await periodStatus(tx, s, current, now, today, expected) : null;
    const mine = status?.units.filter((u) => can(user, 'report.submit', { unitPath: expected.find((e) => e.id === u.unit.id)!.path })) ?? [];
    out.push({
      ...presentSchedule(s, owner, templateName),
      current: status && { period: status.period, completeness: status.completeness },
      mine,
      canManage: can(user, 'report.manage', { unitPath: owner.path }),
      canReview: can(user, 'report.review', { unitPath: owner.path }),
    });
  }
  return out;
}

export function presentSchedule(s: ReportScheduleRow, owner: UnitRow, templateName: string) {
  return {
    id: s.id, title: s.title, templateId: s.templateId, templateName, owner: { id: owner.id, name: owner.name },
    planId: s.planId, periodType: s.periodType, dueRule: s.dueRule, graceDays: s.graceDays, lockDays: s.lockDays, adhoc: s.adhoc,
    assigneeMode: s.assigneeMode, assigneeUnitIds: s.assigneeUnitIds, startsOn: s.startsOn, endsOn: s.endsOn, active: s.active,
    rule: describeRule(ruleOf(s)),
  };
}

/** A schedule with its periods' reporting rates and, for one period, every expected unit's report. */
export async function getSchedule(tx: Tx, user: CurrentUser, id: string, now: Date, today: string, periodKey?: string) {
  const s = await scheduleOr404(tx, id);
  const owner = await unitOr404(tx, s.ownerUnitId);
  const expected = await expectedUnits(tx, s);
  if (!visibleTo(user, owner, expected)) throw errors.forbidden('Bạn không xem được lịch báo cáo này.');
  const template = await templateOr404(tx, s.templateId);
  const periods = periodsSoFar(s, today);
  const selected = periodKey ? periodOr404(s, periodKey) : periods[0];
  const reviewer = can(user, 'plan.read', { unitPath: owner.path });
  const history = await rates(tx, s, periods.slice(0, 12), expected, today);
  const status = selected ? await periodStatus(tx, s, selected, now, today, expected) : null;
  // A unit sees its own row; the division and leadership see every unit.
  const sees = (unitId: string) => reviewer || can(user, 'plan.read', { unitPath: expected.find((e) => e.id === unitId)!.path });
  const units = status ? status.units.filter((u) => sees(u.unit.id)) : [];
  return {
    schedule: presentSchedule(s, owner, template.name),
    periods: history.byPeriod,
    selected: status && { period: status.period, completeness: status.completeness, units },
    byUnit: history.byUnit.filter((r) => sees(r.unitId)),
    canManage: can(user, 'report.manage', { unitPath: owner.path }),
    canReview: can(user, 'report.review', { unitPath: owner.path }),
    /** The division and leadership read the consolidated report; a unit does not. */
    canReadConsolidation: reviewer,
  };
}
