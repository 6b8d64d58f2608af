// Task rewards under Resolution 07 (seed 000 II.4, appendix tasks 11–12): a unit records an achievement in the
// register with its output and evidence and proposes a reward; Phòng QLBHYT&CNTT (the IT duty on the Sở) reviews
// it against the register — the same achievement must not be rewarded twice or rewarded and commended — and
// records the decision with its number and amount, or returns it, or refuses it with a reason.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { blocking, criteriaBlocked, duplicatesOf, matchKey, periodMonths, PERIOD_HELP, SUBJECT_LABELS, type Criterion, type Subject } from '../../../core/rewards/register.ts';
import { hasDuty } from '../../../core/allowance/workflow.ts';
import { can } from '../../../core/auth/policy.ts';
import { formatViNumber } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { achievementFiles, achievements, files, people, rewardProposals, tasks } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits } from '../org/queries.ts';
import { payerOf, personOfPayer, requireDuty } from '../allowance/context.ts';
import { registerFor } from './register.service.ts';

export interface ProposalInput {
  unitId: string;
  subject: Subject;
  personId?: string | null;
  collectiveName?: string;
  taskId?: string | null;
  taskText: string;
  title: string;
  output: string;
  period: string;
  criteria: Criterion[];
  proposedAmount: number;
  fileIds?: string[];
}

/** The Sở's reviewing division: the IT duty granted on the tenant's root unit. */
async function requireReviewer(tx: Tx, user: CurrentUser) {
  const root = (await allUnits(tx)).find((u) => u.parentId === null)!;
  if (!hasDuty(user, 'prepare', root.id)) throw errors.forbidden('Chỉ Phòng Quản lý BHYT và CNTT của Sở thẩm định hồ sơ đề nghị xét thưởng.');
}

export async function proposeReward(m: Mutation, input: ProposalInput, at: Date) {
  const payer = await payerOf(m.tx, m.user, input.unitId);
  requireDuty(m.user, 'prepare', payer);
  if (input.subject === 'individual') {
    if (!input.personId) throw errors.field('personId', 'Chọn cá nhân được đề nghị thưởng.');
    await personOfPayer(m.tx, payer, input.personId);
  }
  if (input.subject === 'collective' && !input.collectiveName?.trim()) throw errors.field('collectiveName', 'Nhập tên tập thể được đề nghị thưởng.');
  if (!periodMonths(input.period)) throw errors.field('period', `Kỳ không hợp lệ: ${PERIOD_HELP}.`);
  const blocked = criteriaBlocked(input.criteria);
  if (blocked) throw errors.field('criteria', blocked);
  if (input.taskId && !(await m.tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, input.taskId))).length) throw errors.field('taskId', 'Nhiệm vụ không có trong các kế hoạch.');
  const fileIds = [...new Set(input.fileIds ?? [])];
  const fileRows = fileIds.length ? await m.tx.select().from(files).where(inArray(files.id, fileIds)) : [];
  if (fileRows.length !== fileIds.length) throw errors.field('fileIds', 'Tệp minh chứng không tồn tại hoặc đã bị xóa. Vui lòng tải lên lại.');
  if (fileRows.length === 0) throw errors.field('fileIds', 'Đính kèm ít nhất một tệp minh chứng kết quả đầu ra.');

  const personId = input.subject === 'individual' ? input.personId! : null;
  const collectiveName = input.subject === 'collective' ? input.collectiveName!.trim() : '';
  const [a] = await m.tx.insert(achievements).values({
    tenantId: m.tenantId, unitId: payer.unit.id, subject: input.subject, personId, collectiveName, taskId: input.taskId ?? null,
    taskText: input.taskText.trim(), title: input.title.trim(), output: input.output.trim(), period: input.period,
    matchKey: matchKey({ subject: input.subject, personId, collectiveName, taskId: input.taskId ?? null, taskText: input.taskText }), createdBy: m.user.id,
  }).returning();
  if (fileRows.length) await m.tx.insert(achievementFiles).values(fileRows.map((f) => ({ tenantId: m.tenantId, achievementId: a.id, fileId: f.id, name: f.name })));
  const [p] = await m.tx.insert(rewardProposals).values({
    tenantId: m.tenantId, achievementId: a.id, unitId: payer.unit.id, criteria: input.criteria, proposedAmount: input.proposedAmount, proposedBy: m.user.id, proposedAt: at,
  }).returning();
  await m.audit({ action: 'reward.propose', entityType: 'reward_proposal', entityId: p.id, summary: `${payer.unit.name} đề nghị thưởng ${SUBJECT_LABELS[a.subject].toLowerCase()}: ${a.title} (${formatViNumber(p.proposedAmount)} đồng)`, after: { achievement: a, proposal: p } });
  return p;
}

export async function rewardView(tx: Tx, user: CurrentUser, id: string) {
  const [row] = await tx.select({ p: rewardProposals, a: achievements }).from(rewardProposals).innerJoin(achievements, eq(achievements.id, rewardProposals.achievementId)).where(eq(rewardProposals.id, id));
  if (!row) throw errors.notFound('hồ sơ đề nghị thưởng');
  const payer = await payerOf(tx, user, row.p.unitId);
  const [person] = row.a.personId ? await tx.select().from(people).where(eq(people.id, row.a.personId)) : [];
  const evidence = await tx.select().from(achievementFiles).where(eq(achievementFiles.achievementId, row.a.id));
  const duplicates = duplicatesOf(row.a, await registerFor(tx, [row.a.matchKey]));
  const root = (await allUnits(tx)).find((u) => u.parentId === null)!;
  const reviewer = hasDuty(user, 'prepare', root.id);
  return {
    ...row.p, unitName: payer.unit.name, achievement: { ...row.a, personName: person?.fullName ?? '', subjectLabel: SUBJECT_LABELS[row.a.subject] }, evidence,
    duplicates: duplicates.flatMap((d) => d.outcomes.map((o) => ({ id: d.id, kind: o.kind, status: o.status, text: o.text, period: d.period }))),
    can: { review: reviewer && row.p.status === 'proposed', resubmit: hasDuty(user, 'prepare', row.p.unitId) && row.p.status === 'returned' },
  };
}

export async function listRewards(tx: Tx, user: CurrentUser) {
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const rows = await tx.select({ p: rewardProposals, a: achievements }).from(rewardProposals).innerJoin(achievements, eq(achievements.id, rewardProposals.achievementId)).orderBy(desc(rewardProposals.proposedAt));
  return {
    items: rows.filter(({ p }) => can(user, 'allowance.read', { unitPath: units.get(p.unitId)!.path })).map(({ p, a }) => ({
      id: p.id, unitName: units.get(p.unitId)!.name, subjectLabel: SUBJECT_LABELS[a.subject], title: a.title, period: a.period, status: p.status,
      proposedAmount: p.proposedAmount, decidedAmount: p.decidedAmount, decisionNo: p.decisionNo, proposedAt: p.proposedAt,
    })),
  };
}

export interface DecisionInput { action: 'return' | 'approve' | 'reject'; comment?: string; decisionNo?: string; decisionDate?: string; amount?: number }

export async function reviewReward(m: Mutation, id: string, input: DecisionInput, today: string) {
  await requireReviewer(m.tx, m.user);
  const [p] = await m.tx.select().from(rewardProposals).where(eq(rewardProposals.id, id)).for('update');
  if (!p) throw errors.notFound('hồ sơ đề nghị thưởng');
  if (p.status !== 'proposed') throw errors.conflict('Hồ sơ không ở trạng thái chờ thẩm định.');
  const [a] = await m.tx.select().from(achievements).where(eq(achievements.id, p.achievementId));
  const duplicates = duplicatesOf(a, await registerFor(m.tx, [a.matchKey]));
  const comment = (input.comment ?? '').trim();
  const set: Partial<typeof rewardProposals.$inferInsert> = { updatedAt: new Date(), reviewComment: comment, duplicates: duplicates.flatMap((d) => d.outcomes.map((o) => ({ id: d.id, kind: o.kind, text: o.text }))) };
  if (input.action !== 'approve' && !comment) throw errors.field('comment', input.action === 'return' ? 'Nêu nội dung đơn vị cần bổ sung.' : 'Nêu lý do không xét thưởng.');
  if (input.action === 'approve') {
    const taken = blocking(duplicates);
    if (taken.length) throw errors.conflict(`Thành tích này đã được khen thưởng: ${taken.map((t) => t.text).join('; ')}. Không thưởng trùng.`, { duplicates: taken.map((t) => t.text).join('; ') });
    if (!input.decisionNo?.trim()) throw errors.field('decisionNo', 'Nhập số quyết định thưởng.');
    if (!input.decisionDate) throw errors.field('decisionDate', 'Nhập ngày quyết định thưởng.');
    if (input.decisionDate > today) throw errors.field('decisionDate', 'Ngày quyết định không được sau hôm nay.');
    if (input.amount === undefined || input.amount <= 0) throw errors.field('amount', 'Nhập số tiền thưởng được quyết định.');
    Object.assign(set, { status: 'approved', decisionNo: input.decisionNo.trim(), decisionDate: input.decisionDate, decidedAmount: input.amount, decidedBy: m.user.id });
  } else set.status = input.action === 'return' ? 'returned' : 'rejected';
  const [row] = await m.tx.update(rewardProposals).set(set).where(and(eq(rewardProposals.id, id), eq(rewardProposals.status, 'proposed'))).returning();
  const words = { approve: `Quyết định thưởng số ${row.decisionNo}: ${formatViNumber(row.decidedAmount ?? 0)} đồng`, return: `Trả lại: ${comment}`, reject: `Không xét thưởng: ${comment}` }[input.action];
  await m.audit({ action: `reward.${input.action}`, entityType: 'reward_proposal', entityId: id, summary: `${a.title} — ${words}`, before: { status: p.status }, after: { status: row.status, decisionNo: row.decisionNo, decidedAmount: row.decidedAmount } });
  return row;
}

export async function resubmitReward(m: Mutation, id: string, input: { output?: string; fileIds?: string[] }, at: Date) {
  const [p] = await m.tx.select().from(rewardProposals).where(eq(rewardProposals.id, id)).for('update');
  if (!p) throw errors.notFound('hồ sơ đề nghị thưởng');
  requireDuty(m.user, 'prepare', await payerOf(m.tx, m.user, p.unitId));
  if (p.status !== 'returned') throw errors.conflict('Chỉ gửi lại được hồ sơ đã bị trả lại.');
  const fileIds = [...new Set(input.fileIds ?? [])];
  const fileRows = fileIds.length ? await m.tx.select().from(files).where(inArray(files.id, fileIds)) : [];
  if (fileRows.length !== fileIds.length) throw errors.field('fileIds', 'Tệp minh chứng không tồn tại hoặc đã bị xóa. Vui lòng tải lên lại.');
  if (fileRows.length) await m.tx.insert(achievementFiles).values(fileRows.map((f) => ({ tenantId: m.tenantId, achievementId: p.achievementId, fileId: f.id, name: f.name })));
  if (input.output?.trim()) await m.tx.update(achievements).set({ output: input.output.trim() }).where(eq(achievements.id, p.achievementId));
  const [row] = await m.tx.update(rewardProposals).set({ status: 'proposed', proposedAt: at, updatedAt: new Date() }).where(eq(rewardProposals.id, id)).returning();
  await m.audit({ action: 'reward.resubmit', entityType: 'reward_proposal', entityId: id, summary: `Gửi lại hồ sơ đề nghị thưởng (${fileRows.length} tệp bổ sung)` });
  return row;
}
