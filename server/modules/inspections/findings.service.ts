// What an inspection finds and what follows: findings with their corrective actions, the conclusion, the unit's
// report of its correction with evidence, and the inspector closing it. A finding that a person no longer qualifies
// for the allowance (seed 000 II.5) points at the assignment; the unit's HR stops it in the allowance, and the
// action can only be reported and closed once that stop exists.
import { and, eq, inArray } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { formatViDate } from '../../../core/schedule/dates.ts';
import { allowanceAssignments, correctiveActionFiles, correctiveActions, files, inspectionFindings, inspections } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { Mutation } from '../../http/request.ts';
import { allUnits } from '../org/queries.ts';
import { inspectionContext } from './inspections.service.ts';

export interface FindingInput {
  text: string;
  action?: { responsibleUnitId: string; description: string; dueOn: string; assignmentId?: string | null } | null;
}

export async function addFinding(m: Mutation, inspectionId: string, input: FindingInput, today: string) {
  const { row, byId, manage } = await inspectionContext(m.tx, m.user, inspectionId);
  if (!manage) throw errors.forbidden('Bạn không có quyền ghi phát hiện của cuộc kiểm tra này.');
  const [finding] = await m.tx.insert(inspectionFindings).values({ tenantId: m.tenantId, inspectionId, text: input.text.trim() }).returning();
  let action = null;
  if (input.action) {
    const unit = byId.get(input.action.responsibleUnitId);
    if (!unit) throw errors.field('action.responsibleUnitId', 'Không tìm thấy đơn vị chịu trách nhiệm khắc phục.');
    if (input.action.dueOn < today) throw errors.field('action.dueOn', 'Thời hạn khắc phục không được trước hôm nay.');
    if (input.action.assignmentId) {
      const [a] = await m.tx.select().from(allowanceAssignments).where(eq(allowanceAssignments.id, input.action.assignmentId));
      if (!a || a.unitId !== row.unitId) throw errors.field('action.assignmentId', 'Quyết định phân công không thuộc đơn vị được kiểm tra.');
    }
    [action] = await m.tx.insert(correctiveActions).values({
      tenantId: m.tenantId, findingId: finding.id, responsibleUnitId: unit.id, description: input.action.description.trim(), dueOn: input.action.dueOn, assignmentId: input.action.assignmentId ?? null,
    }).returning();
  }
  await m.audit({
    action: 'inspection.finding', entityType: 'inspection', entityId: inspectionId,
    summary: `Phát hiện: ${finding.text}${action ? ` — khắc phục: ${action.description} (hạn ${formatViDate(action.dueOn)})` : ''}`, after: { finding, action },
  });
  return finding;
}

export async function conclude(m: Mutation, inspectionId: string, input: { conclusionNo: string; conclusionDate: string; conclusion: string; fileId?: string | null }, today: string) {
  const { row, manage } = await inspectionContext(m.tx, m.user, inspectionId);
  if (!manage) throw errors.forbidden('Bạn không có quyền ghi kết luận của cuộc kiểm tra này.');
  if (row.status === 'concluded') throw errors.conflict('Cuộc kiểm tra đã có kết luận.');
  if (input.conclusionDate > today) throw errors.field('conclusionDate', 'Ngày kết luận không được sau hôm nay.');
  if (input.conclusionDate < row.startOn) throw errors.field('conclusionDate', `Ngày kết luận không được trước ngày bắt đầu kiểm tra (${formatViDate(row.startOn)}).`);
  if (input.fileId && !(await m.tx.select({ id: files.id }).from(files).where(eq(files.id, input.fileId))).length) throw errors.field('fileId', 'Tệp kết luận không tồn tại; vui lòng tải lên lại.');
  const [updated] = await m.tx.update(inspections).set({
    status: 'concluded', conclusionNo: input.conclusionNo.trim(), conclusionDate: input.conclusionDate, conclusion: input.conclusion.trim(), conclusionFileId: input.fileId ?? null, updatedAt: new Date(),
  }).where(and(eq(inspections.id, inspectionId), eq(inspections.status, 'planned'))).returning();
  if (!updated) throw errors.conflict('Cuộc kiểm tra vừa được người khác kết luận.');
  await m.audit({ action: 'inspection.conclude', entityType: 'inspection', entityId: inspectionId, summary: `Kết luận kiểm tra số ${updated.conclusionNo} ngày ${formatViDate(input.conclusionDate)}`, before: { status: row.status }, after: { status: updated.status, conclusionNo: updated.conclusionNo } });
  return updated;
}

async function actionContext(m: Mutation, id: string) {
  const [a] = await m.tx.select().from(correctiveActions).where(eq(correctiveActions.id, id)).for('update');
  if (!a) throw errors.notFound('biện pháp khắc phục');
  const [f] = await m.tx.select().from(inspectionFindings).where(eq(inspectionFindings.id, a.findingId));
  const ctx = await inspectionContext(m.tx, m.user, f.inspectionId);
  const [assignment] = a.assignmentId ? await m.tx.select().from(allowanceAssignments).where(eq(allowanceAssignments.id, a.assignmentId)) : [];
  return { a, ctx, assignment };
}

const STOP_FIRST = 'Chưa dừng chi trả hỗ trợ cho người này: bộ phận Tổ chức cán bộ của đơn vị dừng hưởng trong mục Hỗ trợ chuyển đổi số trước.';

/** The responsible unit reports its correction, with evidence. */
export async function reportAction(m: Mutation, id: string, input: { note: string; fileIds?: string[] }, at: Date) {
  const { a, ctx, assignment } = await actionContext(m, id);
  const unit = (await allUnits(m.tx)).find((u) => u.id === a.responsibleUnitId)!;
  // The unit reports, or the inspection team records what the unit sent it (as a plan's owner may for a task).
  if (!can(m.user, 'progress.record', { unitPath: unit.path }) && !ctx.manage) throw errors.forbidden(`Chỉ ${unit.name} hoặc đoàn kiểm tra ghi kết quả khắc phục.`);
  if (a.status !== 'open') throw errors.conflict('Biện pháp khắc phục đã được báo cáo.');
  if (assignment && !assignment.stoppedOn) throw errors.conflict(STOP_FIRST);
  const fileIds = [...new Set(input.fileIds ?? [])];
  const rows = fileIds.length ? await m.tx.select().from(files).where(inArray(files.id, fileIds)) : [];
  if (rows.length !== fileIds.length) throw errors.field('fileIds', 'Tệp minh chứng không tồn tại; vui lòng tải lên lại.');
  if (!rows.length && !assignment) throw errors.field('fileIds', 'Đính kèm minh chứng đã khắc phục.');
  if (rows.length) await m.tx.insert(correctiveActionFiles).values(rows.map((f) => ({ tenantId: m.tenantId, actionId: id, fileId: f.id, name: f.name })));
  await m.tx.update(correctiveActions).set({ status: 'reported', reportNote: input.note.trim(), reportedAt: at, reportedByName: m.user.displayName, updatedAt: at }).where(eq(correctiveActions.id, id));
  await m.audit({ action: 'inspection.action.report', entityType: 'corrective_action', entityId: id, summary: `${unit.name} báo cáo khắc phục: ${a.description}`, after: { note: input.note, files: rows.length, inspectionId: ctx.row.id } });
}

/** The inspector closes the action once the correction is reported (or the allowance stopped). */
export async function closeAction(m: Mutation, id: string, input: { note: string }, at: Date) {
  const { a, ctx, assignment } = await actionContext(m, id);
  if (!ctx.manage) throw errors.forbidden('Chỉ đoàn kiểm tra đóng biện pháp khắc phục.');
  if (a.status === 'closed') throw errors.conflict('Biện pháp khắc phục đã đóng.');
  if (assignment && !assignment.stoppedOn) throw errors.conflict(STOP_FIRST);
  if (a.status === 'open' && !assignment) throw errors.conflict('Đơn vị chưa báo cáo kết quả khắc phục.');
  await m.tx.update(correctiveActions).set({ status: 'closed', closeNote: input.note.trim(), closedAt: at, closedByName: m.user.displayName, updatedAt: at }).where(eq(correctiveActions.id, id));
  await m.audit({ action: 'inspection.action.close', entityType: 'corrective_action', entityId: id, summary: `Đóng biện pháp khắc phục: ${a.description}`, before: { status: a.status }, after: { status: 'closed', note: input.note } });
}
