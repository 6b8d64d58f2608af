// Report forms: the tenant's own, and the built-in ones (copied into the tenant the first time a schedule uses them).
import { and, desc, eq, sql } from 'drizzle-orm';
import { BUILTIN_TEMPLATES, type TemplateDef } from '../../../core/reports/template.ts';
import { checkTemplate } from '../../../core/reports/validate.ts';
import { rowsOf, type Tx } from '../../db/client.ts';
import { reportSchedules, reportTemplates, type ReportTemplateRow } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { Mutation } from '../../http/request.ts';
import { templateOr404 } from './queries.ts';

export interface TemplateInput { name: string; description?: string; definition: TemplateDef }

const BUILTIN = 'builtin:';

export const presentTemplate = (t: ReportTemplateRow | { id: string; builtinKey: string | null; name: string; description: string; definition: TemplateDef; version: number }) => ({
  id: t.id, builtinKey: t.builtinKey, name: t.name, description: t.description, definition: t.definition, version: t.version,
});

/** The tenant's current forms, then the built-in ones it has not used yet (id "builtin:<key>"). */
export async function listTemplates(tx: Tx) {
  const rows = await tx.select().from(reportTemplates).where(eq(reportTemplates.active, true)).orderBy(desc(reportTemplates.createdAt));
  const used = new Set(rows.map((r) => r.builtinKey).filter(Boolean));
  const builtins = BUILTIN_TEMPLATES.filter((b) => !used.has(b.key))
    .map((b) => ({ id: `${BUILTIN}${b.key}`, builtinKey: b.key, name: b.name, description: b.description, definition: b.definition, version: 1 }));
  return [...rows.map(presentTemplate), ...builtins];
}

/** A form by id, or a built-in one by "builtin:<key>", copied into the tenant on first use. */
export async function resolveTemplate(m: Mutation, ref: string): Promise<ReportTemplateRow> {
  if (!ref.startsWith(BUILTIN)) return templateOr404(m.tx, ref);
  const key = ref.slice(BUILTIN.length);
  const builtin = BUILTIN_TEMPLATES.find((b) => b.key === key);
  if (!builtin) throw errors.field('templateId', `Không có biểu mẫu mẫu "${key}".`);
  const [existing] = await m.tx.select().from(reportTemplates).where(and(eq(reportTemplates.builtinKey, key), eq(reportTemplates.active, true)));
  if (existing) return existing;
  const [row] = await m.tx.insert(reportTemplates).values({
    tenantId: m.tenantId, builtinKey: key, name: builtin.name, description: builtin.description, definition: builtin.definition, createdBy: m.user.id,
  }).returning();
  await m.audit({ action: 'report.template.create', entityType: 'report_template', entityId: row.id, summary: `Dùng biểu mẫu có sẵn: ${row.name}` });
  return row;
}

function checked(input: TemplateInput): TemplateInput {
  const issues = checkTemplate(input.definition);
  if (issues.length) throw errors.validation(Object.fromEntries(issues.map((i) => [i.field, i.message])));
  return input;
}

export async function createTemplate(m: Mutation, input: TemplateInput) {
  checked(input);
  const [row] = await m.tx.insert(reportTemplates).values({
    tenantId: m.tenantId, name: input.name, description: input.description ?? '', definition: input.definition, createdBy: m.user.id,
  }).returning();
  await m.audit({ action: 'report.template.create', entityType: 'report_template', entityId: row.id, summary: `Tạo biểu mẫu báo cáo: ${row.name}`, after: input });
  return presentTemplate(row);
}

/**
 * Changing a form that units have already filled in makes a new version: the schedules move to it,
 * the reports already made keep the form they were made on.
 */
export async function updateTemplate(m: Mutation, id: string, input: TemplateInput) {
  checked(input);
  const old = await templateOr404(m.tx, id);
  if (!old.active) throw errors.conflict('Biểu mẫu này đã có phiên bản mới hơn; hãy sửa phiên bản mới nhất.');
  const [{ used }] = rowsOf<{ used: boolean }>(await m.tx.execute(sql`SELECT EXISTS (SELECT 1 FROM report_submissions WHERE template_id = ${id}) AS used`));
  let row: ReportTemplateRow;
  if (used) {
    await m.tx.update(reportTemplates).set({ active: false }).where(eq(reportTemplates.id, id));
    [row] = await m.tx.insert(reportTemplates).values({
      tenantId: m.tenantId, builtinKey: old.builtinKey, name: input.name, description: input.description ?? '', definition: input.definition,
      version: old.version + 1, previousId: old.id, createdBy: m.user.id,
    }).returning();
    await m.tx.update(reportSchedules).set({ templateId: row.id, updatedAt: new Date() }).where(eq(reportSchedules.templateId, id));
  } else {
    [row] = await m.tx.update(reportTemplates).set({ name: input.name, description: input.description ?? '', definition: input.definition }).where(eq(reportTemplates.id, id)).returning();
  }
  await m.audit({
    action: 'report.template.update', entityType: 'report_template', entityId: row.id,
    summary: used ? `Sửa biểu mẫu ${row.name}: phiên bản ${row.version} (báo cáo đã lập giữ phiên bản cũ)` : `Sửa biểu mẫu ${row.name}`,
    before: { name: old.name, definition: old.definition }, after: input,
  });
  return presentTemplate(row);
}
