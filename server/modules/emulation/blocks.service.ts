// Emulation blocks (khối thi đua): the block's member units scored on the movement's collective criteria for a
// year — computed from kehoach's records or entered by the block — weighted, totalled and ranked; any cell opens
// onto the records behind it.
import { and, asc, eq } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { MEASURE_HELP, MEASURE_LABELS, rank, shareScore, totalScore, type CriterionScore } from '../../../core/emulation/scoring.ts';
import { cleanText, compareVi } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { emulationBlocks, emulationBlockUnits, emulationCriteria, emulationScores } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits } from '../org/queries.ts';
import { recordsFor, shareOf, type Computed } from './measures.ts';
import { movementOr404, requireOfficer } from './movements.service.ts';

async function blockOr404(tx: Tx, id: string) {
  const [b] = await tx.select().from(emulationBlocks).where(eq(emulationBlocks.id, id));
  if (!b) throw errors.notFound('khối thi đua');
  return b;
}

async function officer(m: Mutation, movementId: string) {
  const mv = await movementOr404(m.tx, movementId);
  requireOfficer(m.user, (await allUnits(m.tx)).find((u) => u.id === mv.ownerUnitId));
  return mv;
}

export async function createBlock(m: Mutation, movementId: string, input: { name: string; unitIds: string[] }) {
  await officer(m, movementId);
  const units = await allUnits(m.tx);
  const ids = [...new Set(input.unitIds)];
  if (!ids.length) throw errors.field('unitIds', 'Chọn các đơn vị thành viên của khối.');
  for (const [i, id] of ids.entries()) if (units.find((u) => u.id === id)?.kind !== 'unit') throw errors.field(`unitIds.${i}`, 'Thành viên khối thi đua là các đơn vị trực thuộc Sở.');
  const [b] = await m.tx.insert(emulationBlocks).values({ tenantId: m.tenantId, movementId, name: cleanText(input.name) }).returning();
  await m.tx.insert(emulationBlockUnits).values(ids.map((unitId) => ({ tenantId: m.tenantId, blockId: b.id, unitId })));
  await m.audit({ action: 'emulation.block.create', entityType: 'emulation_block', entityId: b.id, summary: `Khối thi đua ${b.name}: ${ids.length} đơn vị`, after: { block: b, unitIds: ids } });
  return b;
}

async function parts(tx: Tx, blockId: string) {
  const block = await blockOr404(tx, blockId);
  const units = await allUnits(tx);
  const memberIds = (await tx.select().from(emulationBlockUnits).where(eq(emulationBlockUnits.blockId, blockId))).map((r) => r.unitId);
  const members = units.filter((u) => memberIds.includes(u.id));
  const criteria = (await tx.select().from(emulationCriteria).where(and(eq(emulationCriteria.movementId, block.movementId), eq(emulationCriteria.subject, 'collective'))).orderBy(asc(emulationCriteria.sortOrder)))
    .filter((c) => c.weight > 0);
  return { block, members, criteria };
}

export async function blockTable(tx: Tx, user: CurrentUser, blockId: string, year: number, today: string) {
  if (!can(user, 'emulation.read')) throw errors.forbidden();
  const { block, members, criteria } = await parts(tx, blockId);
  const mv = await movementOr404(tx, block.movementId);
  const manual = await tx.select().from(emulationScores).where(and(eq(emulationScores.blockId, blockId), eq(emulationScores.year, year)));
  const computed = new Map<string, Map<string, ReturnType<typeof shareOf>>>();
  for (const c of criteria) {
    if (c.measure === 'manual' || computed.has(c.measure)) continue;
    const recs = await recordsFor(tx, c.measure as Computed, members, year, today);
    computed.set(c.measure, new Map([...recs].map(([id, r]) => [id, shareOf(r)])));
  }
  const rows = members.map((u) => {
    const scores: (CriterionScore & { source: 'data' | 'manual'; note: string })[] = criteria.map((c) => {
      if (c.measure === 'manual') {
        const s = manual.find((x) => x.unitId === u.id && x.criterionId === c.id);
        return { criterionId: c.id, score: s?.score ?? null, source: 'manual', note: s ? `${s.note}${s.note ? ' — ' : ''}${s.enteredByName}` : 'Chưa chấm' };
      }
      const share = computed.get(c.measure)!.get(u.id)!;
      return { criterionId: c.id, score: shareScore(share), share, source: 'data', note: share.total ? `${share.counted}/${share.total}` : 'Không có dữ liệu trong năm' };
    });
    return { unitId: u.id, name: u.name, shortName: u.shortName, scores, ...totalScore(criteria, scores) };
  });
  const officerHere = can(user, 'emulation.manage');
  return {
    block: { id: block.id, name: block.name }, movement: { id: mv.id, name: mv.name, startYear: mv.startYear, endYear: mv.endYear }, year, asOf: today,
    criteria: criteria.map((c) => ({ id: c.id, text: c.text, weight: c.weight, measure: c.measure, measureLabel: MEASURE_LABELS[c.measure], help: c.measure === 'manual' ? '' : MEASURE_HELP[c.measure as Computed] })),
    rows: rank(rows), canScore: officerHere,
  };
}

export async function setScore(m: Mutation, blockId: string, input: { year: number; unitId: string; criterionId: string; score: number; note?: string }) {
  const { block, members, criteria } = await parts(m.tx, blockId);
  await officer(m, block.movementId);
  const unit = members.find((u) => u.id === input.unitId);
  if (!unit) throw errors.field('unitId', 'Đơn vị không thuộc khối thi đua này.');
  const c = criteria.find((x) => x.id === input.criterionId);
  if (!c) throw errors.field('criterionId', 'Tiêu chí không thuộc phong trào của khối.');
  if (c.measure !== 'manual') throw errors.field('criterionId', `Tiêu chí "${c.text}" được tính từ dữ liệu (${MEASURE_LABELS[c.measure].toLowerCase()}), không chấm tay.`);
  if (!(input.score >= 0 && input.score <= 100)) throw errors.field('score', 'Điểm từ 0 đến 100.');
  const values = { score: input.score, note: input.note?.trim() ?? '', enteredBy: m.user.id, enteredByName: m.user.displayName, updatedAt: new Date() };
  const [before] = await m.tx.select().from(emulationScores).where(and(eq(emulationScores.blockId, blockId), eq(emulationScores.year, input.year), eq(emulationScores.unitId, unit.id), eq(emulationScores.criterionId, c.id)));
  const [row] = await m.tx.insert(emulationScores).values({ tenantId: m.tenantId, blockId, year: input.year, unitId: unit.id, criterionId: c.id, ...values })
    .onConflictDoUpdate({ target: [emulationScores.blockId, emulationScores.year, emulationScores.unitId, emulationScores.criterionId], set: values }).returning();
  await m.audit({ action: 'emulation.score', entityType: 'emulation_score', entityId: row.id, summary: `${block.name} năm ${input.year}: ${unit.name} — "${c.text}" ${input.score} điểm`, before: before ? { score: before.score } : null, after: { score: row.score, note: row.note } });
  return row;
}

/** The records behind one cell: what was counted and whether each passed. */
export async function explainScore(tx: Tx, user: CurrentUser, blockId: string, input: { year: number; unitId: string; criterionId: string }, today: string) {
  if (!can(user, 'emulation.read')) throw errors.forbidden();
  const { members, criteria } = await parts(tx, blockId);
  const unit = members.find((u) => u.id === input.unitId);
  const c = criteria.find((x) => x.id === input.criterionId);
  if (!unit || !c) throw errors.notFound('ô điểm');
  // The records behind a score are the unit's own tasks and reports: its own people, TCCB and leadership see them.
  if (!can(user, 'emulation.read', { unitPath: unit.path })) throw errors.forbidden('Chỉ đơn vị và Phòng Tổ chức cán bộ xem được các bản ghi tạo nên điểm của đơn vị.');
  if (c.measure === 'manual') {
    const [s] = await tx.select().from(emulationScores).where(and(eq(emulationScores.blockId, blockId), eq(emulationScores.year, input.year), eq(emulationScores.unitId, unit.id), eq(emulationScores.criterionId, c.id)));
    return { unit: unit.name, criterion: c.text, measureLabel: MEASURE_LABELS.manual, help: '', score: s?.score ?? null, manual: s ? { note: s.note, by: s.enteredByName, at: s.updatedAt } : null, records: [] };
  }
  const records = (await recordsFor(tx, c.measure as Computed, [unit], input.year, today)).get(unit.id)!
    .sort((a, b) => Number(a.ok) - Number(b.ok) || compareVi(a.what, b.what));
  const share = shareOf(records);
  return { unit: unit.name, criterion: c.text, measureLabel: MEASURE_LABELS[c.measure], help: MEASURE_HELP[c.measure as Computed], score: shareScore(share), share, manual: null, records };
}
