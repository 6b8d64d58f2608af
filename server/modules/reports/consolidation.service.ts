// The department's consolidated report of a period: drafted from the approved unit reports, edited by the
// reviewing division, and produced as an official Word document (Nghị định 30/2020) and Excel tables.
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { draftConsolidation, type ConsolidationBody } from '../../../core/reports/consolidate.ts';
import type { Period } from '../../../core/reports/periods.ts';
import { NUMERIC_TYPES, SUBMISSION_STATUS_LABELS, type TableRow, type TemplateDef } from '../../../core/reports/template.ts';
import { formatViDate, parts } from '../../../core/schedule/dates.ts';
import type { Tx } from '../../db/client.ts';
import { orgUnits, people, plans, reportConsolidations, reportSubmissions, tenants, type ReportScheduleRow } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import type { OfficialDocument } from '../documents/official.ts';
import type { SheetSpec } from '../documents/workbook.ts';
import { unitOr404 } from '../org/queries.ts';
import { scheduleOr404, templateOr404 } from './queries.ts';
import { periodOr404, periodStatus } from './schedules.service.ts';

export interface ConsolidationInput {
  number: string; place: string; issuedOn: string | null; title: string; body: ConsolidationBody;
  recipients: string[]; signerTitle: string; signer: string;
}

async function scope(tx: Tx, user: CurrentUser, scheduleId: string, periodKey: string) {
  const schedule = await scheduleOr404(tx, scheduleId);
  const owner = await unitOr404(tx, schedule.ownerUnitId);
  if (!can(user, 'plan.read', { unitPath: owner.path })) throw errors.forbidden(`Báo cáo tổng hợp do ${owner.name} lập; bạn không xem được.`);
  return { schedule, owner, period: periodOr404(schedule, periodKey) };
}

/** The approved reports of the period, in the units' order, and who is still missing. */
async function basis(tx: Tx, schedule: ReportScheduleRow, period: Period, now: Date, today: string) {
  const status = await periodStatus(tx, schedule, period, now, today);
  const approvedIds = status.units.filter((u) => u.state === 'approved').map((u) => u.submissionId!);
  const rows = approvedIds.length ? await tx.select().from(reportSubmissions).where(inArray(reportSubmissions.id, approvedIds)) : [];
  const byUnit = new Map(rows.map((r) => [r.unitId, r]));
  const reports = status.units.filter((u) => byUnit.has(u.unit.id)).map((u) => ({ unitName: u.unit.name, values: byUnit.get(u.unit.id)!.values }));
  return { status, reports, missing: status.units.filter((u) => u.state !== 'approved').map((u) => u.unit.name) };
}

/** The header of the Sở's documents: from the schedule's plan, else the tenant's latest plan, else its name. */
async function letterhead(tx: Tx, schedule: ReportScheduleRow) {
  const [tenant] = await tx.select().from(tenants).limit(1);
  const [plan] = schedule.planId
    ? await tx.select().from(plans).where(eq(plans.id, schedule.planId))
    : await tx.select().from(plans).orderBy(asc(plans.createdAt)).limit(1);
  const [director] = await tx.select({ fullName: people.fullName, title: people.title }).from(people)
    .innerJoin(orgUnits, and(eq(orgUnits.id, people.unitId), eq(orgUnits.kind, 'leadership'))).where(like(people.title, 'Giám đốc%')).limit(1);
  return {
    issuerParent: plan?.issuerParent ?? '',
    issuer: plan?.issuerParent ? 'SỞ Y TẾ' : (tenant?.name ?? 'Sở Y tế').toUpperCase(),
    place: plan?.place ?? '',
    planReference: plan ? `Kế hoạch${plan.number ? ` số ${plan.number}` : ''}${plan.issuedOn ? ` ngày ${formatViDate(plan.issuedOn)}` : ''} của ${plan.issuer}` : '',
    signer: director?.fullName ?? '',
  };
}

export async function getConsolidation(tx: Tx, user: CurrentUser, scheduleId: string, periodKey: string, now: Date, today: string, fresh = false) {
  const { schedule, owner, period } = await scope(tx, user, scheduleId, periodKey);
  const template = await templateOr404(tx, schedule.templateId);
  const { status, reports, missing } = await basis(tx, schedule, period, now, today);
  const [saved] = fresh ? [] : await tx.select().from(reportConsolidations).where(and(eq(reportConsolidations.scheduleId, schedule.id), eq(reportConsolidations.periodKey, period.key)));
  const head = await letterhead(tx, schedule);
  const draft = draftConsolidation({
    template: template.definition, scheduleTitle: schedule.title, periodLabel: period.label, planReference: head.planReference,
    issuer: head.issuerParent ? 'Sở Y tế' : head.issuer, reports, missing, expected: status.completeness.expected,
  });
  const doc: ConsolidationInput = saved ? {
    number: saved.number, place: saved.place, issuedOn: saved.issuedOn, title: saved.title, body: saved.body,
    recipients: saved.recipients, signerTitle: saved.signerTitle, signer: saved.signer,
  } : {
    number: '', place: head.place, issuedOn: null, title: draft.title, body: draft.body,
    recipients: ['UBND Thành phố (để báo cáo)', 'Sở Khoa học và Công nghệ (để tổng hợp)', 'Giám đốc Sở (để báo cáo)', 'Các Phó Giám đốc Sở', `Lưu: VT, ${owner.shortName || owner.name}`],
    signerTitle: 'GIÁM ĐỐC', signer: head.signer,
  };
  return {
    saved: !!saved, updatedAt: saved?.updatedAt.toISOString() ?? null,
    schedule: { id: schedule.id, title: schedule.title, owner: owner.name },
    period, issuerParent: head.issuerParent, issuer: head.issuer,
    basis: { completeness: status.completeness, approved: reports.map((r) => r.unitName), missing },
    ...doc,
    can: { edit: can(user, 'report.review', { unitPath: owner.path }) },
    template: template.definition,
    reports,
    units: status.units,
  };
}

export async function saveConsolidation(m: Mutation, scheduleId: string, periodKey: string, input: ConsolidationInput) {
  const { schedule, owner, period } = await scope(m.tx, m.user, scheduleId, periodKey);
  if (!can(m.user, 'report.review', { unitPath: owner.path })) throw errors.forbidden(`Chỉ ${owner.name} sửa báo cáo tổng hợp này.`);
  const values = { ...input, recipients: input.recipients.map((r) => r.trim()).filter(Boolean), updatedBy: m.user.id, updatedAt: new Date() };
  const [row] = await m.tx.insert(reportConsolidations).values({ tenantId: m.tenantId, scheduleId: schedule.id, periodKey: period.key, ...values })
    .onConflictDoUpdate({ target: [reportConsolidations.scheduleId, reportConsolidations.periodKey], set: values }).returning();
  await m.audit({ action: 'report.consolidation.save', entityType: 'report_consolidation', entityId: row.id, summary: `Lưu báo cáo tổng hợp: ${schedule.title} — ${period.label}`, after: input });
  return row;
}

type View = Awaited<ReturnType<typeof getConsolidation>>;

export function toOfficialDocument(v: View): OfficialDocument {
  return {
    issuerParent: v.issuerParent, issuer: v.issuer, number: v.number.trim() || '/BC-SYT', place: v.place, issuedOn: v.issuedOn,
    year: v.issuedOn ? parts(v.issuedOn)[0] : parts(v.period.end)[0], kind: 'BÁO CÁO', title: v.title, body: v.body.blocks,
    recipients: v.recipients, signerTitle: v.signerTitle, signer: v.signer,
  };
}

/** The tables behind the report: one sheet per section of numbers, per repeating table, and who reported when. */
export function toSheets(v: View): SheetSpec[] {
  const def: TemplateDef = v.template;
  const subtitle = `${v.schedule.title} — ${v.period.label}`;
  const sheets: SheetSpec[] = [];
  for (const s of def.sections) {
    const numeric = s.fields.filter((f) => NUMERIC_TYPES.includes(f.type));
    if (numeric.length) {
      sheets.push({
        name: s.title, title: s.title.toUpperCase(), subtitle,
        columns: [{ title: 'STT', width: 6, kind: 'number' }, { title: 'Đơn vị', width: 40 }, ...numeric.map((f) => ({ title: f.label, width: 18, kind: f.type === 'money' ? 'money' as const : f.type === 'percent' ? 'percent' as const : 'number' as const }))],
        rows: v.reports.map((r, i) => [i + 1, r.unitName, ...numeric.map((f) => (typeof r.values[f.key] === 'number' ? r.values[f.key] as number : null))]),
        total: [null, 'Tổng cộng', ...numeric.map((f) => (f.type === 'percent' ? null : v.reports.reduce((a, r) => a + (typeof r.values[f.key] === 'number' ? r.values[f.key] as number : 0), 0)))],
      });
    }
    for (const t of s.fields.filter((f) => f.type === 'table')) {
      const cols = t.columns ?? [];
      const rows = v.reports.flatMap((r) => ((Array.isArray(r.values[t.key]) ? r.values[t.key] : []) as TableRow[]).map((row) => [r.unitName, ...cols.map((c) => row[c.key] ?? null)]));
      sheets.push({
        name: t.label, title: t.label.toUpperCase(), subtitle,
        columns: [{ title: 'STT', width: 6, kind: 'number' }, { title: 'Đơn vị', width: 36 }, ...cols.map((c) => ({ title: c.label, width: c.type === 'text' ? 40 : 18, kind: c.type === 'text' ? 'text' as const : c.type === 'percent' ? 'percent' as const : c.type }))],
        rows: rows.map((r, i) => [i + 1, ...r]),
      });
    }
  }
  sheets.push({
    name: 'Tình hình gửi báo cáo', title: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ', subtitle: `${subtitle}, hạn gửi ${formatViDate(v.period.dueOn)}`,
    columns: [{ title: 'STT', width: 6, kind: 'number' }, { title: 'Đơn vị', width: 40 }, { title: 'Tình trạng', width: 20 }, { title: 'Ngày gửi', width: 14 }, { title: 'Đúng hạn', width: 12 }],
    rows: v.units.map((u, i) => [i + 1, u.unit.name, SUBMISSION_STATUS_LABELS[u.state], u.submittedAt ? formatViDate(vnDate(u.submittedAt)) : '', u.submittedAt ? (u.onTime ? 'Đúng hạn' : 'Trễ hạn') : '']),
  });
  return sheets;
}

const vnDate = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
