// Nominations (hồ sơ đề nghị khen thưởng, seed 001 IV.4): a unit records the achievement of a collective or an
// individual in the one register, attaches the dossier the award form requires and submits it to Phòng TCCB.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { can, canForTenant } from '../../../core/auth/policy.ts';
import { AWARD_FORMS, DOC_KINDS, DOC_LABELS, formBlocked, missingDocuments, type DocKind, type FormCode, type Nominee } from '../../../core/emulation/forms.ts';
import { actionBlocked, NOMINATION_STATUS_LABELS, ROUND_LABELS, roundPeriod, type RoundKind } from '../../../core/emulation/workflow.ts';
import { commendationCheck, duplicatesOf, matchKey, SUBJECT_LABELS } from '../../../core/rewards/register.ts';
import { cleanLines, cleanText, compareVi, formatViNumber } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { achievements, files, nominationEvents, nominationFiles, nominations, people, tasks } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits, type UnitRow } from '../org/queries.ts';
import { registerFor } from '../rewards/register.service.ts';
import { movementOr404 } from './movements.service.ts';

export type NominationRow = typeof nominations.$inferSelect;

export interface NominationInput {
  roundKind: RoundKind;
  year: number;
  unitId: string;
  subject: Nominee;
  personId?: string | null;
  nomineeUnitId?: string | null;
  collectiveName?: string;
  taskId?: string | null;
  taskText: string;
  title: string;
  output: string;
  form: FormCode;
  files?: { kind: DocKind; fileId: string }[];
}

export async function nominationOr404(tx: Tx, id: string, lock = false): Promise<NominationRow> {
  const q = tx.select().from(nominations).where(eq(nominations.id, id));
  const [n] = lock ? await q.for('update') : await q;
  if (!n) throw errors.notFound('hồ sơ đề nghị khen thưởng');
  return n;
}

export const mayNominate = (user: CurrentUser, unit: UnitRow | undefined) => !!unit && can(user, 'emulation.nominate', { unitPath: unit.path });

export async function addEvent(m: Mutation, nominationId: string, action: string, comment = '') {
  await m.tx.insert(nominationEvents).values({ tenantId: m.tenantId, nominationId, action, comment, actorId: m.user.id, actorName: m.user.displayName });
}

async function checkedFiles(tx: Tx, list: { kind: DocKind; fileId: string }[]) {
  const ids = [...new Set(list.map((f) => f.fileId))];
  const rows = ids.length ? await tx.select().from(files).where(inArray(files.id, ids)) : [];
  if (rows.length !== ids.length) throw errors.field('files', 'Tệp hồ sơ không tồn tại hoặc đã bị xóa. Vui lòng tải lên lại.');
  return list.map((f) => ({ ...f, name: rows.find((r) => r.id === f.fileId)!.name }));
}

export async function createNomination(m: Mutation, movementId: string, input: NominationInput) {
  const mv = await movementOr404(m.tx, movementId);
  const units = await allUnits(m.tx);
  const unit = units.find((u) => u.id === input.unitId);
  if (!unit) throw errors.field('unitId', 'Không tìm thấy đơn vị đề nghị.');
  if (!mayNominate(m.user, unit)) throw errors.forbidden(`Bạn không lập hồ sơ đề nghị khen thưởng thay ${unit.name} được.`);
  if (input.year < mv.startYear || input.year > mv.endYear) throw errors.field('year', `Phong trào diễn ra từ năm ${mv.startYear} đến năm ${mv.endYear}.`);
  const period = roundPeriod(input.roundKind, input.year, mv.phases);
  if (!period) throw errors.field('year', `Năm ${input.year} không có đợt ${ROUND_LABELS[input.roundKind].toLowerCase()} của phong trào.`);
  if (!mv.forms.includes(input.form)) throw errors.field('form', 'Phong trào không đề nghị hình thức khen thưởng này.');
  const wrong = formBlocked(input.form, input.subject);
  if (wrong) throw errors.field('form', wrong);
  let personId: string | null = null, nomineeUnitId: string | null = null, collectiveName = '';
  if (input.subject === 'individual') {
    const [person] = input.personId ? await m.tx.select().from(people).where(eq(people.id, input.personId)) : [];
    const home = person && units.find((u) => u.id === person.unitId);
    if (!person || !home?.path.startsWith(unit.path)) throw errors.field('personId', `Chọn cá nhân thuộc ${unit.name}.`);
    personId = person.id;
  } else if (input.nomineeUnitId) {
    const nominee = units.find((u) => u.id === input.nomineeUnitId);
    if (!nominee?.path.startsWith(unit.path)) throw errors.field('nomineeUnitId', `Chọn tập thể thuộc ${unit.name}.`);
    nomineeUnitId = nominee.id; collectiveName = nominee.name;
  } else {
    collectiveName = cleanText(input.collectiveName ?? '');
    if (!collectiveName) throw errors.field('collectiveName', 'Nhập tên tập thể được đề nghị khen thưởng.');
  }
  if (input.taskId && !(await m.tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, input.taskId))).length) throw errors.field('taskId', 'Nhiệm vụ không có trong các kế hoạch.');
  const dossier = await checkedFiles(m.tx, input.files ?? []);
  const [a] = await m.tx.insert(achievements).values({
    tenantId: m.tenantId, unitId: unit.id, subject: input.subject, personId, collectiveName, taskId: input.taskId ?? null,
    taskText: cleanText(input.taskText), title: cleanText(input.title), output: cleanLines(input.output), period,
    matchKey: matchKey({ subject: input.subject, personId, collectiveName, taskId: input.taskId ?? null, taskText: input.taskText }), createdBy: m.user.id,
  }).returning();
  const [n] = await m.tx.insert(nominations).values({
    tenantId: m.tenantId, movementId, roundKind: input.roundKind, year: input.year, unitId: unit.id, nomineeUnitId, achievementId: a.id, form: input.form, createdBy: m.user.id,
  }).returning();
  if (dossier.length) await m.tx.insert(nominationFiles).values(dossier.map((f) => ({ tenantId: m.tenantId, nominationId: n.id, kind: f.kind, fileId: f.fileId, name: f.name })));
  await addEvent(m, n.id, 'create');
  await m.audit({ action: 'emulation.nominate', entityType: 'nomination', entityId: n.id, summary: `${unit.name} lập hồ sơ đề nghị ${AWARD_FORMS[n.form].name} cho ${SUBJECT_LABELS[a.subject].toLowerCase()}: ${a.title} (${period})`, after: { achievement: a, nomination: n, files: dossier } });
  return n;
}

/** The unit adds documents while the dossier is its own (a draft, or returned to it). */
export async function addFiles(m: Mutation, id: string, list: { kind: DocKind; fileId: string }[]) {
  const n = await nominationOr404(m.tx, id, true);
  if (!mayNominate(m.user, (await allUnits(m.tx)).find((u) => u.id === n.unitId))) throw errors.forbidden('Chỉ đơn vị lập hồ sơ bổ sung được tài liệu.');
  if (n.status !== 'draft' && n.status !== 'returned') throw errors.conflict('Hồ sơ đã gửi Phòng TCCB: chỉ bổ sung được khi hồ sơ đang lập hoặc bị trả lại.');
  const dossier = await checkedFiles(m.tx, list);
  await m.tx.insert(nominationFiles).values(dossier.map((f) => ({ tenantId: m.tenantId, nominationId: id, kind: f.kind, fileId: f.fileId, name: f.name })));
  await addEvent(m, id, 'files', dossier.map((f) => `${DOC_LABELS[f.kind]}: ${f.name}`).join('; '));
  await m.audit({ action: 'emulation.files', entityType: 'nomination', entityId: id, summary: `Bổ sung ${dossier.length} tài liệu vào hồ sơ đề nghị khen thưởng`, after: dossier });
}

export async function submitNomination(m: Mutation, id: string, at: Date) {
  const n = await nominationOr404(m.tx, id, true);
  if (!mayNominate(m.user, (await allUnits(m.tx)).find((u) => u.id === n.unitId))) throw errors.forbidden('Chỉ đơn vị lập hồ sơ gửi được hồ sơ.');
  const blocked = actionBlocked('submit', { status: n.status, decidedBySo: AWARD_FORMS[n.form].decidedBySo });
  if (blocked) throw errors.conflict(blocked);
  await m.tx.update(nominations).set({ status: 'submitted', submittedAt: at, updatedAt: at }).where(eq(nominations.id, id));
  await addEvent(m, id, n.status === 'returned' ? 'resubmit' : 'submit');
  await m.audit({ action: 'emulation.submit', entityType: 'nomination', entityId: id, summary: `Gửi hồ sơ đề nghị ${AWARD_FORMS[n.form].name} tới Phòng TCCB`, before: { status: n.status }, after: { status: 'submitted' } });
}

/** The register's other records of the same achievement (its own row carries only this nomination). */
export async function duplicatesFor(tx: Tx, a: typeof achievements.$inferSelect) {
  return commendationCheck(duplicatesOf(a, await registerFor(tx, [a.matchKey])));
}

export async function nominationView(tx: Tx, user: CurrentUser, id: string) {
  const n = await nominationOr404(tx, id);
  const units = await allUnits(tx);
  const unit = units.find((u) => u.id === n.unitId)!;
  const mv = await movementOr404(tx, n.movementId);
  // The unit's own people read its dossier, and so does the movement's standing division, which checks it.
  const owner = units.find((u) => u.id === mv.ownerUnitId);
  const officer = !!owner && can(user, 'emulation.manage', { unitPath: owner.path });
  if (!officer && !can(user, 'emulation.read', { unitPath: unit.path })) throw errors.forbidden('Bạn không xem được hồ sơ của đơn vị này.');
  const [a] = await tx.select().from(achievements).where(eq(achievements.id, n.achievementId));
  const [person] = a.personId ? await tx.select().from(people).where(eq(people.id, a.personId)) : [];
  const docs = await tx.select().from(nominationFiles).where(eq(nominationFiles.nominationId, id)).orderBy(asc(nominationFiles.createdAt));
  const events = await tx.select().from(nominationEvents).where(eq(nominationEvents.nominationId, id)).orderBy(asc(nominationEvents.createdAt));
  const form = AWARD_FORMS[n.form];
  const missing = missingDocuments(n.form, docs.map((d) => d.kind));
  const dups = await duplicatesFor(tx, a);
  const ok = (action: Parameters<typeof actionBlocked>[0]) => !actionBlocked(action, { status: n.status, decidedBySo: form.decidedBySo });
  const own = mayNominate(user, unit);
  return {
    ...n, statusLabel: NOMINATION_STATUS_LABELS[n.status], roundLabel: ROUND_LABELS[n.roundKind], unitName: unit.name, movement: { id: mv.id, name: mv.name, councilMembers: mv.councilMembers, passPct: mv.passPct },
    form, nominee: person ? `${person.fullName}${person.title ? `, ${person.title}` : ''}` : a.collectiveName, nomineeName: person?.fullName ?? a.collectiveName,
    achievement: { ...a, subjectLabel: SUBJECT_LABELS[a.subject] },
    documents: DOC_KINDS.filter((k) => form.documents.includes(k) || docs.some((d) => d.kind === k)).map((k) => ({
      kind: k, label: DOC_LABELS[k], required: form.documents.includes(k), files: docs.filter((d) => d.kind === k).map((d) => ({ id: d.fileId, name: d.name })),
    })),
    missing: missing.map((k) => DOC_LABELS[k]),
    duplicates: { blocking: dups.blocking, toSee: dups.toSee },
    events,
    officer,
    can: {
      edit: own && (n.status === 'draft' || n.status === 'returned'), submit: own && ok('submit'),
      check: officer && ok('check'), return: officer && ok('return'), vote: officer && ok('vote'), forward: officer && ok('forward'), record: officer && ok('record'),
      decide: canForTenant(user, 'emulation.decide') && ok('decide'),
    },
  };
}

export async function listNominations(tx: Tx, user: CurrentUser, movementId: string, filter: { year?: number; status?: string }) {
  await movementOr404(tx, movementId); // another tenant's movement is not an empty one
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const rows = await tx.select({ n: nominations, a: achievements, person: people.fullName }).from(nominations)
    .innerJoin(achievements, eq(achievements.id, nominations.achievementId)).leftJoin(people, eq(people.id, achievements.personId))
    .where(and(eq(nominations.movementId, movementId), filter.year ? eq(nominations.year, filter.year) : undefined))
    .orderBy(desc(nominations.year));
  const items = rows.filter(({ n }) => can(user, 'emulation.read', { unitPath: units.get(n.unitId)!.path }) && (!filter.status || n.status === filter.status))
    .map(({ n, a, person }) => ({
      id: n.id, year: n.year, roundLabel: ROUND_LABELS[n.roundKind], unitName: units.get(n.unitId)!.name, subjectLabel: SUBJECT_LABELS[a.subject],
      nominee: person ?? a.collectiveName, title: a.title, form: n.form, formName: AWARD_FORMS[n.form].name, status: n.status, statusLabel: NOMINATION_STATUS_LABELS[n.status],
      decisionNo: n.decisionNo, decisionDate: n.decisionDate, votes: n.votesFor === null ? '' : `${n.votesFor}/${n.councilMembers}`,
    }))
    .sort((x, y) => y.year - x.year || compareVi(x.unitName, y.unitName) || compareVi(x.nominee, y.nominee));
  return { items, total: items.length, summary: `${formatViNumber(items.length)} hồ sơ` };
}
