// Plan import: a file becomes a draft (kept with its source file), the person edits it, and
// confirming creates the plan, its sections, tasks, targets and reporting duties in one transaction.
import { Readable } from 'node:stream';
import { and, desc, eq } from 'drizzle-orm';
import { matchDraftUnits, type UnitMatch } from '../../../core/import/match.ts';
import { ImportError, type Draft } from '../../../core/import/types.ts';
import { can, canForTenant } from '../../../core/auth/policy.ts';
import type { Tx } from '../../db/client.ts';
import { planImports, planReportingDuties, planTargets, plans, type PlanImportRow, type UnitChoice } from '../../db/schema/index.ts';
import { AppError, errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { storeUpload } from '../files/service.ts';
import { readInWorker, type ParsedFile } from './reader.ts';
import { allUnits } from '../org/queries.ts';
import { createUnit } from '../org/units.service.ts';
import { createPlan } from '../plans/plans.service.ts';
import { createSection, createTask } from '../plans/tasks.service.ts';

/** Reading a document may take this long before the person is told to try a simpler file. */
const PARSE_TIMEOUT_MS = 20_000;

/** The file read into a draft; an unreadable file is a Vietnamese error on the `file` field. */
export async function parseFile(buffer: Buffer, fileName: string, fallbackYear: number, timeoutMs = PARSE_TIMEOUT_MS): Promise<ParsedFile> {
  try {
    const parsed = await readInWorker(buffer, fileName, fallbackYear, timeoutMs);
    if (!parsed.sourceText.trim()) throw new ImportError(`Tệp “${fileName}” không có chữ nào để đọc.`, 'no_content');
    return parsed;
  } catch (e) {
    if (e instanceof ImportError) {
      if (e.code === 'too_large') throw new AppError(413, 'payload_too_large', e.message);
      throw errors.field('file', e.message);
    }
    throw e;
  }
}

/** Stores the source file and the draft read from it. */
export async function createImport(m: Mutation, dir: string, maxBytes: number, fileName: string, buffer: Buffer, parsed: ParsedFile) {
  const stored = await storeUpload(m, dir, maxBytes, { filename: fileName, stream: Readable.from([buffer]) });
  const [row] = await m.tx.insert(planImports).values({
    tenantId: m.tenantId, fileId: stored.id, fileName: stored.name, sourceText: parsed.sourceText, draft: parsed.draft, createdBy: m.user.id,
  }).returning();
  await m.audit({
    action: 'plan.import.read', entityType: 'plan_import', entityId: row.id, summary: stored.name,
    after: { tasks: parsed.draft.tasks.length, findings: parsed.draft.findings.map((f) => f.code) },
  });
  return row;
}

/**
 * A draft is its importer's until it is confirmed (then it is a plan, with the plan's rules): it has no owner unit
 * yet, so no one else's plan rights reach it — a hospital's focal point must not read or discard the draft of a plan
 * the Sở has not issued. The tenant's administrator sees every draft: confirming one may need units only they add.
 */
const seesEveryDraft = (user: CurrentUser) => canForTenant(user, 'unit.manage');

export async function importOr404(tx: Tx, id: string, user: CurrentUser) {
  const [row] = await tx.select().from(planImports).where(eq(planImports.id, id));
  if (!row || row.status === 'discarded' || (row.createdBy !== user.id && !seesEveryDraft(user))) throw errors.notFound('bản nhập kế hoạch');
  return row;
}

export async function listImports(tx: Tx, user: CurrentUser) {
  const everyone = seesEveryDraft(user);
  const rows = await tx.select({
    id: planImports.id, fileName: planImports.fileName, status: planImports.status, planId: planImports.planId, draft: planImports.draft, createdAt: planImports.createdAt,
  }).from(planImports).where(and(eq(planImports.status, 'draft'), everyone ? undefined : eq(planImports.createdBy, user.id))).orderBy(desc(planImports.createdAt)).limit(50);
  return rows.map(({ draft, createdAt, ...r }) => ({ ...r, title: draft.header.title, tasks: draft.tasks.length, findings: draft.findings.length, createdAt: createdAt.toISOString() }));
}

/** Every distinct unit name of the draft, with the person's choice or else kehoach's best match. */
async function unitMatches(tx: Tx, row: Pick<PlanImportRow, 'draft' | 'unitMap'>): Promise<(UnitMatch & { choice: UnitChoice | null })[]> {
  const names = row.draft.tasks.flatMap((t) => [...t.lead, ...t.coordinators]);
  return matchDraftUnits(names, await allUnits(tx)).map((m) => ({ ...m, choice: row.unitMap[m.name] ?? null }));
}

export async function presentImport(tx: Tx, row: PlanImportRow) {
  return {
    id: row.id, status: row.status, fileId: row.fileId, fileName: row.fileName, planId: row.planId, ownerUnitId: row.ownerUnitId,
    sourceText: row.sourceText, draft: row.draft, unitMap: row.unitMap, units: await unitMatches(tx, row), createdAt: row.createdAt.toISOString(),
  };
}

function editable(row: PlanImportRow) {
  if (row.status !== 'draft') throw errors.conflict('Bản nhập này đã được xác nhận thành kế hoạch; không sửa được nữa.');
}

/** Saves the person's edits to the draft and unit choices. */
export async function saveImport(m: Mutation, id: string, input: { draft: Draft; unitMap: Record<string, UnitChoice> }) {
  const row = await importOr404(m.tx, id, m.user);
  editable(row);
  checkDraft(input.draft);
  const [saved] = await m.tx.update(planImports).set({ draft: input.draft, unitMap: input.unitMap, updatedAt: new Date() }).where(eq(planImports.id, id)).returning();
  await m.audit({ action: 'plan.import.edit', entityType: 'plan_import', entityId: id, summary: row.fileName, after: { tasks: input.draft.tasks.length } });
  return saved;
}

export async function discardImport(m: Mutation, id: string) {
  const row = await importOr404(m.tx, id, m.user);
  editable(row);
  await m.tx.update(planImports).set({ status: 'discarded', updatedAt: new Date() }).where(eq(planImports.id, id));
  await m.audit({ action: 'plan.import.discard', entityType: 'plan_import', entityId: id, summary: row.fileName });
}

/** What the schema cannot say: every task has content; the title is there. Named by field, in Vietnamese. */
function checkDraft(draft: Draft) {
  const problems: Record<string, string> = {};
  if (!draft.header.title.trim()) problems['draft.header.title'] = 'Vui lòng nhập Tên (trích yếu) kế hoạch.';
  draft.tasks.forEach((t, i) => {
    if (!t.title.trim()) problems[`draft.tasks.${i}.title`] = `Nhiệm vụ thứ ${i + 1}${t.no ? ` (STT ${t.no})` : ''} chưa có nội dung.`;
  });
  if (!draft.tasks.length) problems['draft.tasks'] = 'Kế hoạch chưa có nhiệm vụ nào; hãy thêm ít nhất một nhiệm vụ.';
  if (Object.keys(problems).length) throw errors.validation(problems);
}

export interface ConfirmInput {
  draft: Draft;
  unitMap: Record<string, UnitChoice>;
  plan: { ownerUnitId: string; periodStart: string; periodEnd: string; issuedOn?: string | null; number?: string; newUnitParentId?: string };
}

/**
 * The plan, its sections, tasks (with units as the person mapped them), targets and reporting duties,
 * the source file as the plan's evidence: all in the request's one transaction, or nothing.
 */
export async function confirmImport(m: Mutation, id: string, input: ConfirmInput) {
  const row = await importOr404(m.tx, id, m.user);
  editable(row);
  checkDraft(input.draft);
  const { draft } = input;
  const h = draft.header;
  const plan = await createPlan(m, {
    ownerUnitId: input.plan.ownerUnitId, number: input.plan.number ?? (h.number && /^\d/.test(h.number) ? h.number : ''),
    issuer: h.issuer || 'Sở Y tế', issuerParent: h.parentBody ?? '', place: h.place ?? '', issuedOn: input.plan.issuedOn ?? h.date,
    title: h.title, signer: h.signer ?? '', signerTitle: h.signerTitle ?? '', legalBases: h.legalBases.slice(0, 50),
    replacesReference: h.replaces ?? '', periodStart: input.plan.periodStart, periodEnd: input.plan.periodEnd,
  });
  await m.tx.update(plans).set({ sourceFileId: row.fileId }).where(eq(plans.id, plan.id));

  const unitIds = await resolveChoices(m, input);
  const sectionIds = new Map<string, string>();
  for (const s of draft.sections) {
    if (sectionIds.has(s.code)) continue;
    sectionIds.set(s.code, (await createSection(m, plan.id, { code: s.code, title: s.title })).id);
  }
  const idsOf = (names: string[]) => [...new Set(names.flatMap((n) => unitIds.get(n) ?? []))];
  for (const [i, t] of draft.tasks.entries()) {
    await createTask(m, plan.id, {
      sectionId: t.section ? sectionIds.get(t.section) ?? null : null, number: t.no, content: t.title, product: t.product ?? '', note: t.note ?? '',
      leadText: t.lead.join('; '), coordinatorText: t.coordinators.join('; '), deadlineText: t.deadlineText,
      leadUnitIds: idsOf(t.lead), coordinatorUnitIds: idsOf(t.coordinators), sortOrder: (i + 1) * 10,
    });
  }
  if (draft.targets.length) {
    await m.tx.insert(planTargets).values(draft.targets.map((t, i) => ({
      tenantId: m.tenantId, planId: plan.id, text: t.text, value: t.value, unit: t.unit, comparator: t.comparator, subject: t.subject, sortOrder: i,
    })));
  }
  if (draft.reporting.length) {
    await m.tx.insert(planReportingDuties).values(draft.reporting.map((r, i) => ({
      tenantId: m.tenantId, planId: plan.id, text: r.text, frequency: r.frequency, due: r.due, who: r.who ?? '', sortOrder: i,
    })));
  }
  await m.tx.update(planImports).set({ status: 'confirmed', planId: plan.id, draft, unitMap: input.unitMap, ownerUnitId: input.plan.ownerUnitId, updatedAt: new Date() })
    .where(and(eq(planImports.id, id), eq(planImports.status, 'draft')));
  await m.audit({
    action: 'plan.import.confirm', entityType: 'plan', entityId: plan.id, summary: `${row.fileName} → ${plan.title}`.slice(0, 200),
    after: { importId: id, tasks: draft.tasks.length, sections: sectionIds.size, targets: draft.targets.length, reporting: draft.reporting.length },
  });
  return { planId: plan.id, tasks: draft.tasks.length };
}

/** Names to unit ids: the person's choices, else the confident matches; "new" names become units. */
async function resolveChoices(m: Mutation, input: ConfirmInput): Promise<Map<string, string[]>> {
  const names = input.draft.tasks.flatMap((t) => [...t.lead, ...t.coordinators]);
  const units = await allUnits(m.tx);
  const known = new Set(units.filter((u) => u.active).map((u) => u.id));
  const out = new Map<string, string[]>();
  for (const match of matchDraftUnits(names, units)) {
    const choice = input.unitMap[match.name];
    if (!choice) { if (match.confidence >= 0.8) out.set(match.name, match.unitIds); continue; }
    if (choice.kind === 'new') {
      const root = units.find((u) => !u.parentId)!;
      const parentId = input.plan.newUnitParentId ?? root.id;
      if (!can(m.user, 'unit.manage', { unitPath: units.find((u) => u.id === parentId)?.path ?? root.path })) {
        throw errors.field(`unitMap.${match.name}`, `Bạn không có quyền thêm đơn vị mới “${match.name}”; hãy chọn một đơn vị có sẵn hoặc đánh dấu là cơ quan ngoài ngành.`);
      }
      const unit = await createUnit(m, { parentId, name: match.name, kind: 'unit' });
      out.set(match.name, [unit.id]);
      continue;
    }
    const ids = choice.kind === 'unit' || choice.kind === 'group' ? choice.unitIds ?? [] : [];
    const unknown = ids.find((x) => !known.has(x));
    if (unknown) throw errors.field(`unitMap.${match.name}`, `Đơn vị được chọn cho “${match.name}” không tồn tại hoặc đã ngừng hoạt động.`);
    out.set(match.name, ids);
  }
  return out;
}

export type ImportView = Awaited<ReturnType<typeof presentImport>>;
