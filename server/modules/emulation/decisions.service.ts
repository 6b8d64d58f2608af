// The Director's decision (seed 001 IV.1: "thực hiện các thủ tục xét tặng Giấy khen … trình Hội đồng … xem xét, phê
// duyệt"): one decision for a round commends every nomination the council passed for the Sở's own form; it carries
// number, date and signer, and gives the award decision (Word) and the certificates to print.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { can, canForTenant } from '../../../core/auth/policy.ts';
import { AWARD_FORMS } from '../../../core/emulation/forms.ts';
import { ROUND_LABELS, type RoundKind } from '../../../core/emulation/workflow.ts';
import { compareVi } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { achievements, emulationDecisions, nominations, people } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits } from '../org/queries.ts';
import { movementOr404 } from './movements.service.ts';
import { addEvent, duplicatesFor } from './nominations.service.ts';

export interface DecideInput { nominationIds: string[]; number: string; decisionDate: string; signerName: string; signerTitle: string }

export async function decide(m: Mutation, input: DecideInput, today: string) {
  if (!canForTenant(m.user, 'emulation.decide')) throw errors.forbidden('Chỉ Giám đốc Sở quyết định khen thưởng.');
  const ids = [...new Set(input.nominationIds)];
  if (!ids.length) throw errors.field('nominationIds', 'Chọn ít nhất một hồ sơ được Hội đồng đề nghị.');
  if (input.decisionDate > today) throw errors.field('decisionDate', 'Ngày quyết định không được sau hôm nay.');
  const rows = await m.tx.select().from(nominations).where(inArray(nominations.id, ids)).for('update');
  if (rows.length !== ids.length) throw errors.field('nominationIds', 'Có hồ sơ không tồn tại.');
  const first = rows[0];
  for (const n of rows) {
    if (n.status !== 'passed') throw errors.conflict('Chỉ quyết định khen thưởng hồ sơ đã được Hội đồng đề nghị.');
    if (!AWARD_FORMS[n.form].decidedBySo) throw errors.conflict(`${AWARD_FORMS[n.form].name} do ${AWARD_FORMS[n.form].decider} quyết định: trình cấp trên.`);
    if (n.movementId !== first.movementId || n.year !== first.year || n.roundKind !== first.roundKind) throw errors.field('nominationIds', 'Một quyết định chỉ gồm hồ sơ của cùng một phong trào và một đợt khen thưởng.');
    const [a] = await m.tx.select().from(achievements).where(eq(achievements.id, n.achievementId));
    const dups = await duplicatesFor(m.tx, a);
    if (dups.blocking.length) throw errors.conflict(`${a.title}: thành tích đã được khen thưởng (${dups.blocking.map((d) => d.text).join('; ')}).`);
  }
  const [taken] = await m.tx.select({ id: emulationDecisions.id }).from(emulationDecisions).where(eq(emulationDecisions.number, input.number.trim()));
  if (taken) throw errors.field('number', `Số quyết định ${input.number.trim()} đã được dùng.`);
  const [d] = await m.tx.insert(emulationDecisions).values({
    tenantId: m.tenantId, movementId: first.movementId, roundKind: first.roundKind, year: first.year, number: input.number.trim(), decisionDate: input.decisionDate,
    signerName: input.signerName.trim(), signerTitle: input.signerTitle.trim(), createdBy: m.user.id,
  }).returning();
  await m.tx.update(nominations).set({ status: 'decided', decisionId: d.id, decisionNo: d.number, decisionDate: d.decisionDate, decisionSigner: d.signerName, updatedAt: new Date() }).where(inArray(nominations.id, ids));
  for (const id of ids) await addEvent(m, id, 'decide', `Quyết định số ${d.number} của ${d.signerTitle} ${d.signerName}`);
  await m.audit({ action: 'emulation.decide', entityType: 'emulation_decision', entityId: d.id, summary: `Quyết định khen thưởng số ${d.number}: ${ids.length} tập thể, cá nhân (${ROUND_LABELS[d.roundKind].toLowerCase()} năm ${d.year})`, after: { decision: d, nominationIds: ids } });
  return d;
}

export type DecisionView = Awaited<ReturnType<typeof decisionView>>;

export async function decisionView(tx: Tx, user: CurrentUser, id: string) {
  if (!can(user, 'emulation.read')) throw errors.forbidden();
  const [d] = await tx.select().from(emulationDecisions).where(eq(emulationDecisions.id, id));
  if (!d) throw errors.notFound('quyết định khen thưởng');
  const mv = await movementOr404(tx, d.movementId);
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const rows = await tx.select({ n: nominations, a: achievements, person: people }).from(nominations).innerJoin(achievements, eq(achievements.id, nominations.achievementId))
    .leftJoin(people, eq(people.id, achievements.personId)).where(eq(nominations.decisionId, id)).orderBy(asc(nominations.createdAt));
  const awardees = rows.map(({ n, a, person }) => ({
    nominationId: n.id, form: AWARD_FORMS[n.form].name, subject: a.subject, name: person?.fullName ?? a.collectiveName, title: person?.title ?? '',
    // A collective's own name says which team it is; its unit is the one that nominated it.
    unitName: units.get(person?.unitId ?? n.unitId)?.name ?? '', proposingUnit: units.get(n.unitId)?.name ?? '', achievement: a.title,
  })).sort((x, y) => (x.subject === y.subject ? compareVi(x.unitName, y.unitName) || compareVi(x.name, y.name) : x.subject === 'collective' ? -1 : 1));
  return { ...d, roundLabel: ROUND_LABELS[d.roundKind as RoundKind], movement: { id: mv.id, name: mv.name, number: mv.number }, awardees };
}

export async function listDecisions(tx: Tx, movementId: string) {
  await movementOr404(tx, movementId); // another tenant's movement is not an empty one
  const rows = await tx.select().from(emulationDecisions).where(and(eq(emulationDecisions.movementId, movementId))).orderBy(asc(emulationDecisions.decisionDate));
  const counts = await tx.select({ decisionId: nominations.decisionId }).from(nominations).where(eq(nominations.movementId, movementId));
  return rows.map((d) => ({ ...d, roundLabel: ROUND_LABELS[d.roundKind], awardees: counts.filter((c) => c.decisionId === d.id).length }));
}
