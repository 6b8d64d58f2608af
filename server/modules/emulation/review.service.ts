// The review of a nomination (seed 001 IV.1): Phòng TCCB checks the dossier against the award form and the
// register, returns it with what is missing or sends it to the council; records the council's vote; forwards a
// higher form with its dossier and records the higher level's decision when it comes back.
import { eq } from 'drizzle-orm';
import { countVote, type Vote } from '../../../core/emulation/council.ts';
import { AWARD_FORMS, DOC_LABELS, missingDocuments } from '../../../core/emulation/forms.ts';
import { actionBlocked, type NominationAction } from '../../../core/emulation/workflow.ts';
import type { Tx } from '../../db/client.ts';
import { achievements, nominationFiles, nominations } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { Mutation } from '../../http/request.ts';
import { allUnits } from '../org/queries.ts';
import { movementOr404, requireOfficer } from './movements.service.ts';
import { addEvent, duplicatesFor, nominationOr404, type NominationRow } from './nominations.service.ts';

/** The nomination, locked, once the actor is the movement's officer and the action fits its state. */
async function officerStep(m: Mutation, id: string, action: NominationAction) {
  const n = await nominationOr404(m.tx, id, true);
  const mv = await movementOr404(m.tx, n.movementId);
  requireOfficer(m.user, (await allUnits(m.tx)).find((u) => u.id === mv.ownerUnitId));
  const blocked = actionBlocked(action, { status: n.status, decidedBySo: AWARD_FORMS[n.form].decidedBySo });
  if (blocked) throw errors.conflict(blocked);
  return { n, mv };
}

const achievementOf = async (tx: Tx, n: NominationRow) => (await tx.select().from(achievements).where(eq(achievements.id, n.achievementId)))[0];

export async function returnNomination(m: Mutation, id: string, comment: string, at: Date) {
  const { n } = await officerStep(m, id, 'return');
  if (!comment.trim()) throw errors.field('comment', 'Nêu tài liệu, nội dung đơn vị cần bổ sung.');
  await m.tx.update(nominations).set({ status: 'returned', returnComment: comment.trim(), updatedAt: at }).where(eq(nominations.id, id));
  await addEvent(m, id, 'return', comment.trim());
  await m.audit({ action: 'emulation.return', entityType: 'nomination', entityId: id, summary: `Trả lại hồ sơ đề nghị khen thưởng: ${comment.trim()}`, before: { status: n.status }, after: { status: 'returned' } });
}

/**
 * The dossier is complete: every document the form requires is there, no earlier commendation rests on the same
 * achievement, and each reward or pending nomination of it in the register has been seen (`seen`).
 */
export async function checkNomination(m: Mutation, id: string, seen: boolean, at: Date) {
  const { n } = await officerStep(m, id, 'check');
  const held = (await m.tx.select({ kind: nominationFiles.kind }).from(nominationFiles).where(eq(nominationFiles.nominationId, id))).map((f) => f.kind);
  const missing = missingDocuments(n.form, held);
  if (missing.length) throw errors.conflict(`Hồ sơ còn thiếu: ${missing.map((k) => DOC_LABELS[k]).join('; ')}. Trả lại để đơn vị bổ sung.`, { missing: missing.join(',') });
  const dups = await duplicatesFor(m.tx, await achievementOf(m.tx, n));
  if (dups.blocking.length) throw errors.conflict(`Thành tích này đã được khen thưởng: ${dups.blocking.map((d) => d.text).join('; ')}. Một thành tích không khen thưởng hai lần.`);
  if (dups.toSee.length && !seen) throw errors.conflict(`Sổ theo dõi thành tích có ${dups.toSee.length} bản ghi cùng thành tích: ${dups.toSee.map((d) => d.text).join('; ')}. Xác nhận đã xem trước khi trình Hội đồng.`, { duplicates: 'unseen' });
  const duplicatesSeen = dups.toSee.map((d) => ({ id: d.ref ?? d.id, kind: d.kind, text: d.text }));
  await m.tx.update(nominations).set({ status: 'checked', duplicatesSeen, updatedAt: at }).where(eq(nominations.id, id));
  await addEvent(m, id, 'check', duplicatesSeen.length ? `Đã xem: ${duplicatesSeen.map((d) => d.text).join('; ')}` : '');
  await m.audit({ action: 'emulation.check', entityType: 'nomination', entityId: id, summary: `Hồ sơ đủ thành phần, trình Hội đồng Thi đua - Khen thưởng${duplicatesSeen.length ? ` (đã xem ${duplicatesSeen.length} bản ghi trùng thành tích)` : ''}`, before: { status: n.status }, after: { status: 'checked', duplicatesSeen } });
}

export async function recordVote(m: Mutation, id: string, input: Omit<Vote, 'members'> & { members?: number; councilDate: string }, today: string) {
  const { n, mv } = await officerStep(m, id, 'vote');
  if (input.councilDate > today) throw errors.field('councilDate', 'Ngày họp Hội đồng không được sau hôm nay.');
  // The share is counted on the council as established for the movement, never on a number typed at the meeting.
  if (input.members !== undefined && input.members !== mv.councilMembers) throw errors.field('members', `Hội đồng có ${mv.councilMembers} thành viên theo phong trào; tỷ lệ phiếu tính trên số thành viên này.`);
  const vote = { members: mv.councilMembers, participants: input.participants, votesFor: input.votesFor, votesAgainst: input.votesAgainst };
  const result = countVote(vote, mv.passPct);
  if (result.problems.length) throw errors.field(result.problems[0].field, result.problems[0].message);
  if (!result.quorum) throw errors.field('participants', `Cuộc họp cần ít nhất 2/3 thành viên Hội đồng tham gia (${Math.ceil((vote.members * 2) / 3)}/${vote.members}); kết quả không có giá trị, cần họp lại.`);
  const status = result.passed ? 'passed' : 'failed';
  await m.tx.update(nominations).set({ status, councilMembers: vote.members, participants: vote.participants, votesFor: vote.votesFor, votesAgainst: vote.votesAgainst, councilDate: input.councilDate, councilResult: result.text, updatedAt: new Date() }).where(eq(nominations.id, id));
  await addEvent(m, id, status === 'passed' ? 'pass' : 'fail', result.text);
  await m.audit({ action: `emulation.vote.${status === 'passed' ? 'pass' : 'fail'}`, entityType: 'nomination', entityId: id, summary: `Hội đồng Thi đua - Khen thưởng: ${result.text}`, before: { status: n.status }, after: { status, ...vote } });
  return result;
}

export async function forwardNomination(m: Mutation, id: string, at: Date) {
  const { n } = await officerStep(m, id, 'forward');
  const dups = await duplicatesFor(m.tx, await achievementOf(m.tx, n));
  if (dups.blocking.length) throw errors.conflict(`Thành tích này đã được khen thưởng: ${dups.blocking.map((d) => d.text).join('; ')}.`);
  await m.tx.update(nominations).set({ status: 'forwarded', forwardedAt: at, updatedAt: at }).where(eq(nominations.id, id));
  const form = AWARD_FORMS[n.form];
  await addEvent(m, id, 'forward', `Trình ${form.decider} (${form.proposer})`);
  await m.audit({ action: 'emulation.forward', entityType: 'nomination', entityId: id, summary: `Trình cấp trên đề nghị ${form.name}`, before: { status: n.status }, after: { status: 'forwarded' } });
}

export async function recordHigherDecision(m: Mutation, id: string, input: { decisionNo: string; decisionDate: string; signer: string }, today: string) {
  const { n } = await officerStep(m, id, 'record');
  if (input.decisionDate > today) throw errors.field('decisionDate', 'Ngày quyết định không được sau hôm nay.');
  const form = AWARD_FORMS[n.form];
  await m.tx.update(nominations).set({ status: 'decided', decisionNo: input.decisionNo.trim(), decisionDate: input.decisionDate, decisionSigner: input.signer.trim() || form.decider, updatedAt: new Date() }).where(eq(nominations.id, id));
  await addEvent(m, id, 'decide', `Quyết định số ${input.decisionNo.trim()} của ${input.signer.trim() || form.decider}`);
  await m.audit({ action: 'emulation.record', entityType: 'nomination', entityId: id, summary: `Ghi nhận ${form.name} theo Quyết định số ${input.decisionNo.trim()}`, before: { status: n.status }, after: { status: 'decided', decisionNo: input.decisionNo.trim(), decisionDate: input.decisionDate } });
}
