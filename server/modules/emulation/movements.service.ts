// Emulation movements (seed 001): Phòng TCCB sets one up — its phases, the criteria for collectives and individuals
// with their weights and measures, the award forms it leads to, the council — and units register for a year.
import { and, asc, eq } from 'drizzle-orm';
import { can, canForTenant } from '../../../core/auth/policy.ts';
import { AWARD_FORMS, type FormCode, type Nominee } from '../../../core/emulation/forms.ts';
import { checkWeights, MEASURE_LABELS, type MeasureKind } from '../../../core/emulation/scoring.ts';
import { checkPhases, NOMINATION_STATUSES, type Phase } from '../../../core/emulation/workflow.ts';
import { cleanLines, cleanText, compareVi } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { emulationBlocks, emulationCriteria, emulationMovements, emulationRegistrations, nominations } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits, type UnitRow } from '../org/queries.ts';

export type MovementRow = typeof emulationMovements.$inferSelect;

export async function movementOr404(tx: Tx, id: string): Promise<MovementRow> {
  const [m] = await tx.select().from(emulationMovements).where(eq(emulationMovements.id, id));
  if (!m) throw errors.notFound('phong trào thi đua');
  return m;
}

/** Phòng TCCB runs the movement: the officer duty on the owner division or above it. */
export function requireOfficer(user: CurrentUser, owner: Pick<UnitRow, 'path' | 'name'> | undefined) {
  if (!owner || !can(user, 'emulation.manage', { unitPath: owner.path })) throw errors.forbidden('Chỉ Phòng Tổ chức cán bộ (thường trực thi đua, khen thưởng) thực hiện thao tác này.');
}

export interface MovementInput {
  number?: string;
  name: string;
  startYear: number;
  endYear: number;
  phases: Phase[];
  forms: FormCode[];
  ownerUnitId: string;
  councilMembers: number;
  passPct?: number | null;
  planId?: string | null;
  criteria: { subject: Nominee; text: string; weight: number; measure: MeasureKind }[];
}

export async function createMovement(m: Mutation, input: MovementInput) {
  const units = await allUnits(m.tx);
  const owner = units.find((u) => u.id === input.ownerUnitId);
  if (!owner) throw errors.field('ownerUnitId', 'Không tìm thấy đơn vị thường trực.');
  requireOfficer(m.user, owner);
  const phases = checkPhases(input, input.phases);
  if (phases) throw errors.field(phases.field, phases.message);
  if (!input.forms.length) throw errors.field('forms', 'Chọn ít nhất một hình thức khen thưởng.');
  const collective = input.criteria.filter((c) => c.subject === 'collective');
  if (!collective.length) throw errors.field('criteria', 'Phong trào cần ít nhất một tiêu chí đối với tập thể.');
  if (!input.criteria.some((c) => c.subject === 'individual')) throw errors.field('criteria', 'Phong trào cần ít nhất một tiêu chí đối với cá nhân.');
  for (const [i, c] of input.criteria.entries()) {
    if (c.subject === 'individual' && (c.weight !== 0 || c.measure !== 'manual')) throw errors.field(`criteria.${i}.weight`, 'Tiêu chí cá nhân do Hội đồng xét, không chấm điểm khối: trọng số 0, đo bằng tay.');
  }
  const weights = checkWeights(collective);
  if (weights) throw errors.field('criteria', weights);
  const [row] = await m.tx.insert(emulationMovements).values({
    tenantId: m.tenantId, number: cleanText(input.number ?? ''), name: cleanText(input.name), startYear: input.startYear, endYear: input.endYear,
    phases: input.phases, forms: [...new Set(input.forms)], ownerUnitId: owner.id, councilMembers: input.councilMembers, passPct: input.passPct ?? null,
    planId: input.planId ?? null, createdBy: m.user.id,
  }).returning();
  await m.tx.insert(emulationCriteria).values(input.criteria.map((c, i) => ({ tenantId: m.tenantId, movementId: row.id, subject: c.subject, sortOrder: i + 1, text: cleanText(c.text), weight: c.weight, measure: c.measure })));
  await m.audit({ action: 'emulation.movement.create', entityType: 'emulation_movement', entityId: row.id, summary: `Phong trào thi đua ${row.startYear}–${row.endYear}: ${row.name} (${input.criteria.length} tiêu chí, ${row.forms.length} hình thức khen thưởng)`, after: { movement: row, criteria: input.criteria } });
  return row;
}

export async function listMovements(tx: Tx, user: CurrentUser) {
  const rows = await tx.select().from(emulationMovements).orderBy(asc(emulationMovements.startYear));
  const counts = await tx.select({ movementId: nominations.movementId, status: nominations.status }).from(nominations);
  return {
    items: rows.map((r) => ({
      id: r.id, number: r.number, name: r.name, startYear: r.startYear, endYear: r.endYear,
      nominations: Object.fromEntries(NOMINATION_STATUSES.map((s) => [s, counts.filter((c) => c.movementId === r.id && c.status === s).length])),
    })),
    canCreate: can(user, 'emulation.manage'),
  };
}

export async function movementView(tx: Tx, user: CurrentUser, id: string, year: number) {
  const mv = await movementOr404(tx, id);
  const units = await allUnits(tx);
  const owner = units.find((u) => u.id === mv.ownerUnitId);
  const criteria = await tx.select().from(emulationCriteria).where(eq(emulationCriteria.movementId, id)).orderBy(asc(emulationCriteria.sortOrder));
  const blocks = await tx.select().from(emulationBlocks).where(eq(emulationBlocks.movementId, id));
  const regs = await tx.select().from(emulationRegistrations).where(and(eq(emulationRegistrations.movementId, id), eq(emulationRegistrations.year, year)));
  const byId = new Map(units.map((u) => [u.id, u]));
  // A unit focal point registers and nominates for the units it acts for.
  const mine = units.filter((u) => u.active && (u.kind === 'unit' || u.kind === 'division') && can(user, 'emulation.nominate', { unitPath: u.path }));
  return {
    ...mv, ownerUnitName: owner?.name ?? '',
    forms: mv.forms.map((f) => AWARD_FORMS[f]),
    criteria: criteria.map((c) => ({ ...c, measureLabel: MEASURE_LABELS[c.measure] })),
    blocks: blocks.map((b) => ({ id: b.id, name: b.name })).sort((a, b) => compareVi(a.name, b.name)),
    year,
    registrations: regs.map((r) => ({ id: r.id, unitId: r.unitId, unitName: byId.get(r.unitId)?.name ?? '', pledge: r.pledge, registeredAt: r.registeredAt }))
      .sort((a, b) => compareVi(a.unitName, b.unitName)),
    myUnits: mine.map((u) => ({ id: u.id, name: u.name, registered: regs.some((r) => r.unitId === u.id) })),
    can: { manage: !!owner && can(user, 'emulation.manage', { unitPath: owner.path }), nominate: mine.length > 0, decide: canForTenant(user, 'emulation.decide') },
  };
}

export async function register(m: Mutation, movementId: string, input: { unitId: string; year: number; pledge: string }, at: Date) {
  const mv = await movementOr404(m.tx, movementId);
  const units = await allUnits(m.tx);
  const unit = units.find((u) => u.id === input.unitId);
  if (!unit) throw errors.field('unitId', 'Không tìm thấy đơn vị.');
  if (!can(m.user, 'emulation.nominate', { unitPath: unit.path })) throw errors.forbidden(`Bạn không đăng ký thi đua thay ${unit.name} được.`);
  if (input.year < mv.startYear || input.year > mv.endYear) throw errors.field('year', `Phong trào diễn ra từ năm ${mv.startYear} đến năm ${mv.endYear}.`);
  const [row] = await m.tx.insert(emulationRegistrations).values({ tenantId: m.tenantId, movementId, unitId: unit.id, year: input.year, pledge: cleanLines(input.pledge), registeredBy: m.user.id, registeredAt: at })
    .onConflictDoNothing().returning();
  if (!row) throw errors.conflict(`${unit.name} đã đăng ký thi đua năm ${input.year}.`);
  await m.audit({ action: 'emulation.register', entityType: 'emulation_registration', entityId: row.id, summary: `${unit.name} đăng ký thi đua năm ${input.year}: ${mv.name}`, after: row });
  return row;
}
