// One unit's report for one period: open it (pre-filled from kehoach's data), save, submit, return,
// approve, and reopen a locked one through a recorded lock exception.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { valueOf } from '../../../core/indicators/rollup.ts';
import { isLocked, isOnTime, periodsBetween, type Period } from '../../../core/reports/periods.ts';
import { fieldsOf, SUBMISSION_STATUS_LABELS, type ReportValues, type TemplateDef } from '../../../core/reports/template.ts';
import { checkValues } from '../../../core/reports/validate.ts';
import { editBlocked, nextStatus, reopenBlocked, reviewBlocked, type LockState, type ReportState } from '../../../core/reports/workflow.ts';
import { addDays, formatViDate } from '../../../core/schedule/dates.ts';
import type { Tx } from '../../db/client.ts';
import { allowanceFigures } from '../allowance/figures.ts';
import { rewardFigures } from '../rewards/figures.ts';
import { indicators, indicatorValues, notifications, reportLockExceptions, reportSubmissionEvents, reportSubmissions, roleGrants, type ReportSubmissionRow } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { unitOr404 } from '../org/queries.ts';
import { exceptionsInForce, findSubmission, owes, ruleOf, scheduleOr404, submissionOr404, taskCounts, templateOr404 } from './queries.ts';
import { periodOr404 } from './schedules.service.ts';

export interface Place { scheduleId: string; unitId: string; periodKey: string }
export interface ValuesInput { values: ReportValues; explanations?: Record<string, string>; version?: number }

const link = (p: Place) => `/bao-cao/${p.scheduleId}/ky/${encodeURIComponent(p.periodKey)}/don-vi/${p.unitId}`;

/** Everything a rule about one report needs: the schedule, its owner, the unit, the period, the lock. */
async function context(tx: Tx, user: CurrentUser, p: Place, now: Date, today: string) {
  const schedule = await scheduleOr404(tx, p.scheduleId);
  const owner = await unitOr404(tx, schedule.ownerUnitId);
  const unit = await unitOr404(tx, p.unitId);
  const period = periodOr404(schedule, p.periodKey);
  if (!owes(schedule, unit)) throw errors.notFound('báo cáo của đơn vị này theo lịch báo cáo');
  const reviewer = can(user, 'plan.read', { unitPath: owner.path });
  if (!reviewer && !can(user, 'plan.read', { unitPath: unit.path })) throw errors.forbidden('Bạn không xem được báo cáo của đơn vị khác.');
  const submission = await findSubmission(tx, schedule.id, unit.id, period.key);
  const exceptions = await exceptionsInForce(tx, schedule.id, period.key, today);
  const lock: LockState = { periodLocked: isLocked(period, now), exception: exceptions.has(unit.id) };
  const state: ReportState = submission?.status ?? 'missing';
  return { schedule, owner, unit, period, submission, lock, state };
}

/** The previous period's report of the unit, for the change explanations. */
async function previousOf(tx: Tx, ctx: Awaited<ReturnType<typeof context>>) {
  if (ctx.period.type === 'adhoc') return null;
  const before = periodsBetween(ruleOf(ctx.schedule), addDays(ctx.period.start, -1), addDays(ctx.period.start, -1))[0];
  if (!before) return null;
  const row = await findSubmission(tx, ctx.schedule.id, ctx.unit.id, before.key);
  return row && row.submittedAt ? { period: before, values: row.values } : null;
}

/** What kehoach already knows for the form's fields: task periods due in the report's period, indicator values. */
async function prefill(tx: Tx, def: TemplateDef, unitId: string, period: Period, today: string): Promise<ReportValues> {
  const out: ReportValues = {};
  const fields = fieldsOf(def).filter((f) => f.prefill);
  if (fields.some((f) => f.prefill!.startsWith('tasks.'))) {
    const c = await taskCounts(tx, unitId, period.start, period.end, today);
    const bySource: Record<string, number> = { 'tasks.due': c.due, 'tasks.done': c.done, 'tasks.doneLate': c.doneLate, 'tasks.overdue': c.overdue, 'tasks.open': c.open };
    for (const f of fields) if (f.prefill! in bySource) out[f.key] = bySource[f.prefill!];
  }
  for (const f of fields.filter((x) => x.prefill!.startsWith('indicator:'))) {
    const id = f.prefill!.slice('indicator:'.length);
    const [row] = await tx.select({ v: indicatorValues, i: indicators }).from(indicatorValues).innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
      .where(and(eq(indicatorValues.indicatorId, id), eq(indicatorValues.unitId, unitId), eq(indicatorValues.periodKey, period.key)));
    if (row) out[f.key] = valueOf(row.i, row.v);
  }
  if (fields.some((f) => f.prefill!.startsWith('allowance.'))) {
    const a = await allowanceFigures(tx, unitId, period.start, period.end);
    const bySource: Record<string, number> = { 'allowance.beneficiaries': a.beneficiaries, 'allowance.months': a.months, 'allowance.amount': a.amount };
    for (const f of fields) if (f.prefill! in bySource) out[f.key] = bySource[f.prefill!];
  }
  if (fields.some((f) => f.prefill!.startsWith('awards.'))) {
    const r = await rewardFigures(tx, unitId, period.start, period.end);
    const bySource: Record<string, number> = {
      'awards.tasksProposed': r.tasksProposed, 'awards.tasksRewarded': r.tasksRewarded, 'awards.collectivesProposed': r.collectivesProposed,
      'awards.collectivesRewarded': r.collectivesRewarded, 'awards.individualsProposed': r.individualsProposed, 'awards.individualsRewarded': r.individualsRewarded, 'awards.amount': r.amount,
    };
    for (const f of fields) if (f.prefill! in bySource) out[f.key] = bySource[f.prefill!];
  }
  return out;
}

export async function getSubmission(tx: Tx, user: CurrentUser, p: Place, now: Date, today: string) {
  const ctx = await context(tx, user, p, now, today);
  const template = await templateOr404(tx, ctx.submission?.templateId ?? ctx.schedule.templateId);
  const suggested = ctx.submission ? ctx.submission.prefill : await prefill(tx, template.definition, ctx.unit.id, ctx.period, today);
  const previous = await previousOf(tx, ctx);
  const events = ctx.submission ? await tx.select().from(reportSubmissionEvents).where(eq(reportSubmissionEvents.submissionId, ctx.submission.id)).orderBy(asc(reportSubmissionEvents.createdAt)) : [];
  const mayEdit = can(user, 'report.submit', { unitPath: ctx.unit.path });
  const blocked = editBlocked(ctx.state, ctx.lock);
  const mayReview = can(user, 'report.review', { unitPath: ctx.owner.path });
  return {
    id: ctx.submission?.id ?? null,
    schedule: { id: ctx.schedule.id, title: ctx.schedule.title, owner: ctx.owner.name },
    unit: { id: ctx.unit.id, name: ctx.unit.name },
    period: { ...ctx.period, locked: ctx.lock.periodLocked },
    template: { id: template.id, name: template.name, version: template.version, definition: template.definition },
    state: ctx.state,
    stateLabel: SUBMISSION_STATUS_LABELS[ctx.state],
    values: ctx.submission?.values ?? suggested,
    explanations: ctx.submission?.explanations ?? {},
    prefill: suggested,
    previous: previous && { label: previous.period.label, values: previous.values },
    submittedAt: ctx.submission?.submittedAt?.toISOString() ?? null,
    onTime: ctx.submission?.onTime ?? null,
    approvedAt: ctx.submission?.approvedAt?.toISOString() ?? null,
    reviewComment: ctx.submission?.reviewComment ?? '',
    version: ctx.submission?.version ?? 0,
    exception: ctx.lock.exception,
    history: events.map((e) => ({ action: e.action, comment: e.comment, actorName: e.actorName, at: e.createdAt.toISOString() })),
    can: {
      edit: mayEdit && !blocked,
      review: mayReview && !reviewBlocked(ctx.state),
      reopen: can(user, 'report.unlock', { unitPath: ctx.unit.path }) && !reopenBlocked(ctx.state, ctx.lock),
    },
    blockedReason: mayEdit ? blocked : null,
  };
}

async function event(m: Mutation, submissionId: string, action: string, comment = '') {
  await m.tx.insert(reportSubmissionEvents).values({ tenantId: m.tenantId, submissionId, action, comment, actorId: m.user.id, actorName: m.user.displayName });
}

/** In-app notices to the holders of `roles` on a unit (its focal points, or the reviewing division's staff). */
async function notify(m: Mutation, unitId: string, roles: string[], n: { kind: string; title: string; body: string; link: string }) {
  const rows = await m.tx.selectDistinct({ userId: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.unitId, unitId), inArray(roleGrants.role, roles as never[])));
  const to = rows.filter((r) => r.userId !== m.user.id);
  if (to.length) await m.tx.insert(notifications).values(to.map((r) => ({ tenantId: m.tenantId, userId: r.userId, ...n })));
}

function refuse(issues: { field: string; message: string }[]) {
  if (issues.length) throw errors.validation(Object.fromEntries(issues.map((i) => [i.field, i.message])));
}

/** Save (draft) or submit: the unit's own report, while it is editable. */
export async function saveSubmission(m: Mutation, p: Place, input: ValuesInput, submit: boolean, now: Date, today: string) {
  const ctx = await context(m.tx, m.user, p, now, today);
  if (!can(m.user, 'report.submit', { unitPath: ctx.unit.path })) throw errors.forbidden('Chỉ đơn vị được giao mới lập và gửi báo cáo này.');
  const blocked = editBlocked(ctx.state, ctx.lock);
  if (blocked) throw ctx.lock.periodLocked && !ctx.lock.exception && ctx.state !== 'approved' && ctx.state !== 'submitted' ? errors.locked(blocked) : errors.conflict(blocked);
  if (ctx.submission && input.version !== undefined && input.version !== ctx.submission.version) {
    throw errors.conflict('Báo cáo vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa tiếp.');
  }
  const template = await templateOr404(m.tx, ctx.submission?.templateId ?? ctx.schedule.templateId);
  const previous = submit ? await previousOf(m.tx, ctx) : null;
  const explanations = Object.fromEntries(Object.entries(input.explanations ?? {}).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
  refuse(checkValues(template.definition, input.values, { submit, previous: previous?.values, previousLabel: previous?.period.label, explanations }));

  const status = nextStatus(ctx.state, submit ? 'submit' : 'save');
  const firstSubmission = submit && !ctx.submission?.submittedAt;
  const timing = firstSubmission ? { submittedAt: now, onTime: isOnTime(ctx.period, now) } : {};
  let row: ReportSubmissionRow;
  if (ctx.submission) {
    [row] = await m.tx.update(reportSubmissions).set({
      values: input.values, explanations, status, ...timing, ...(submit ? { lastSubmittedAt: now } : {}),
      version: sql`${reportSubmissions.version} + 1`, updatedAt: now,
    }).where(eq(reportSubmissions.id, ctx.submission.id)).returning();
  } else {
    const suggested = await prefill(m.tx, template.definition, ctx.unit.id, ctx.period, today);
    [row] = await m.tx.insert(reportSubmissions).values({
      tenantId: m.tenantId, scheduleId: ctx.schedule.id, templateId: template.id, unitId: ctx.unit.id, periodKey: ctx.period.key,
      status, values: input.values, explanations, prefill: suggested, ...timing, ...(submit ? { lastSubmittedAt: now } : {}),
    }).returning();
  }
  const action = submit ? (ctx.submission?.submittedAt ? 'resubmit' : 'submit') : 'save';
  await event(m, row.id, action);
  const what = `${ctx.schedule.title} — ${ctx.period.label} — ${ctx.unit.name}`;
  await m.audit({
    action: `report.submission.${action}`, entityType: 'report_submission', entityId: row.id,
    summary: `${action === 'save' ? 'Lưu nháp' : action === 'resubmit' ? 'Gửi lại' : 'Gửi'} báo cáo: ${what}${firstSubmission ? (row.onTime ? ' (đúng hạn)' : ` (trễ hạn, hạn ${formatViDate(ctx.period.dueOn)})`) : ''}`,
    before: ctx.submission ? { status: ctx.submission.status, values: ctx.submission.values } : undefined, after: { status, values: input.values, explanations },
  });
  if (submit) await notify(m, ctx.owner.id, ['division_staff'], { kind: 'report.submitted', title: `${ctx.unit.name} đã gửi báo cáo`, body: `${ctx.schedule.title} — ${ctx.period.label}`, link: link(p) });
  return row;
}

/** The owner division returns (with a comment) or approves a submitted report; approval locks its data. */
export async function reviewSubmission(m: Mutation, id: string, input: { action: 'return' | 'approve'; comment?: string }, now: Date, today: string) {
  const sub = await submissionOr404(m.tx, id);
  const p: Place = { scheduleId: sub.scheduleId, unitId: sub.unitId, periodKey: sub.periodKey };
  const ctx = await context(m.tx, m.user, p, now, today);
  if (!can(m.user, 'report.review', { unitPath: ctx.owner.path })) throw errors.forbidden(`Chỉ ${ctx.owner.name} xem xét, duyệt báo cáo này.`);
  const blocked = reviewBlocked(ctx.state);
  if (blocked) throw errors.conflict(blocked);
  const comment = (input.comment ?? '').trim();
  if (input.action === 'return' && !comment) throw errors.field('comment', 'Vui lòng ghi rõ nội dung cần đơn vị chỉnh sửa khi trả lại báo cáo.');
  const status = nextStatus(ctx.state, input.action);
  const [row] = await m.tx.update(reportSubmissions).set({
    status, reviewComment: comment, version: sql`${reportSubmissions.version} + 1`, updatedAt: now,
    ...(input.action === 'approve' ? { approvedAt: now, approvedBy: m.user.id } : {}),
  }).where(eq(reportSubmissions.id, id)).returning();
  await event(m, id, input.action, comment);
  const what = `${ctx.schedule.title} — ${ctx.period.label} — ${ctx.unit.name}`;
  await m.audit({ action: `report.submission.${input.action}`, entityType: 'report_submission', entityId: id, summary: `${input.action === 'approve' ? 'Duyệt' : 'Trả lại'} báo cáo: ${what}${comment ? ` — ${comment}` : ''}`, before: { status: ctx.state }, after: { status } });
  await notify(m, ctx.unit.id, ['unit_focal', 'division_staff'], {
    kind: `report.${input.action}`, title: input.action === 'approve' ? 'Báo cáo đã được duyệt' : 'Báo cáo bị trả lại, cần chỉnh sửa',
    body: `${ctx.schedule.title} — ${ctx.period.label}${comment ? `: ${comment}` : ''}`, link: link(p),
  });
  return row;
}

/** A lock exception: the unit may correct and resubmit its report of a locked period until `expiresOn`. */
export async function reopenSubmission(m: Mutation, p: Place, input: { reason: string; days?: number }, now: Date, today: string) {
  const ctx = await context(m.tx, m.user, p, now, today);
  if (!can(m.user, 'report.unlock', { unitPath: ctx.unit.path })) throw errors.forbidden('Chỉ Lãnh đạo Sở hoặc quản trị mở lại được kỳ báo cáo đã khóa.');
  const blocked = reopenBlocked(ctx.state, ctx.lock);
  if (blocked) throw errors.conflict(blocked);
  const reason = input.reason.trim();
  if (!reason) throw errors.field('reason', 'Vui lòng ghi lý do mở lại kỳ báo cáo.');
  const expiresOn = addDays(today, input.days ?? 7);
  const [exception] = await m.tx.insert(reportLockExceptions).values({
    tenantId: m.tenantId, scheduleId: ctx.schedule.id, unitId: ctx.unit.id, periodKey: ctx.period.key, reason, expiresOn, grantedBy: m.user.id, grantedByName: m.user.displayName,
  }).returning();
  if (ctx.submission) {
    await m.tx.update(reportSubmissions).set({ status: nextStatus(ctx.state, 'reopen'), version: sql`${reportSubmissions.version} + 1`, updatedAt: now }).where(eq(reportSubmissions.id, ctx.submission.id));
    await event(m, ctx.submission.id, 'reopen', `${reason} (đến hết ngày ${formatViDate(expiresOn)})`);
  }
  await m.audit({
    action: 'report.lock_exception', entityType: 'report_lock_exception', entityId: exception.id,
    summary: `Mở lại kỳ báo cáo cho ${ctx.unit.name}: ${ctx.schedule.title} — ${ctx.period.label}, đến hết ngày ${formatViDate(expiresOn)}. Lý do: ${reason}`,
    before: { status: ctx.state }, after: { expiresOn, reason },
  });
  await notify(m, ctx.unit.id, ['unit_focal'], { kind: 'report.reopened', title: 'Kỳ báo cáo được mở lại để chỉnh sửa', body: `${ctx.schedule.title} — ${ctx.period.label}, đến hết ngày ${formatViDate(expiresOn)}`, link: link(p) });
  return exception;
}
