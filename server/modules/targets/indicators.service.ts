// A plan's indicators: listed with their latest roll-up, made by hand or from the targets the plan's text
// states, edited while that keeps stored values meaningful, deleted while they have none.
import { eq, inArray } from 'drizzle-orm';
import { checkRule, rag, rollUp, type Aggregation, type Comparator, type IndicatorUnit, type Measure } from '../../../core/indicators/rollup.ts';
import type { ReportFrequency } from '../../../core/import/types.ts';
import { cleanText, searchKey } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { indicators, indicatorUnits, orgUnits, type IndicatorRow } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { managedPlan } from '../plans/access.ts';
import { planOr404 } from '../plans/queries.ts';
import { hasValues, indicatorOr404, indicatorsOfPlan, reportingDutiesOf, subordinateUnits, targetsWithoutIndicator, unitsOf, valuesOf } from './queries.ts';
import { mayRecordFor, periodRef, periodsSoFar, planAccess, presentIndicator, ruleOf, type IndicatorPeriodType } from './present.ts';

export interface IndicatorInput {
  code?: string;
  text: string;
  subject?: string;
  measure: Measure;
  unit: IndicatorUnit;
  comparator: Comparator;
  target: number;
  aggregation?: Aggregation;
  amberPct?: number;
  periodType: IndicatorPeriodType;
  numeratorLabel?: string;
  denominatorLabel?: string;
  sortOrder?: number;
  unitIds: string[];
}

/** The plan's indicators, each with its units, the roll-up of its latest period that has values, and what the user may do. */
export async function listIndicators(tx: Tx, user: CurrentUser, planId: string, today: string) {
  const plan = await planOr404(tx, planId);
  const { owner, manage } = await planAccess(tx, user, plan);
  const rows = await indicatorsOfPlan(tx, planId);
  const units = await unitsOf(tx, rows.map((i) => i.id));
  const values = await valuesOf(tx, rows.map((i) => i.id));
  const items = rows.map((i) => {
    const mine = units.get(i.id)!;
    const ids = new Set(mine.map((u) => u.id));
    const rule = ruleOf(i);
    const periods = periodsSoFar(i.periodType, plan, today);
    const ofPeriod = (key: string) => values.filter((v) => v.indicatorId === i.id && v.periodKey === key && ids.has(v.unitId));
    // A half-year's figures stay the news until the next half-year has some: the newest period with values, else the current one.
    const shown = [...periods].reverse().find((p) => rollUp(rule, ofPeriod(p.key)).reported > 0) ?? periods.at(-1) ?? null;
    const total = shown ? rollUp(rule, ofPeriod(shown.key), [...ids]) : null;
    return {
      ...presentIndicator(i, mine),
      latest: shown && total && { period: periodRef(shown), value: total.value, rag: rag(rule, total.value), reported: total.reported, expected: total.expected },
      can: { manage, record: mine.some((u) => mayRecordFor(user, u, owner)) },
    };
  });
  return { items, pendingTargets: (await targetsWithoutIndicator(tx, planId)).length, can: { manage } };
}

function refuse(problems: { field: string; message: string }[]) {
  if (problems.length) throw errors.validation(Object.fromEntries(problems.map((p) => [p.field, p.message])));
}

/** The definition cleaned and checked; each problem names its field. */
function cleaned(input: IndicatorInput) {
  const text = cleanText(input.text);
  if (!text) throw errors.field('text', 'Vui lòng nhập Chỉ tiêu (như văn bản ghi).');
  const fields = {
    code: cleanText(input.code ?? ''), text, subject: cleanText(input.subject ?? '') || text.slice(0, 300),
    measure: input.measure, unit: input.unit, comparator: input.comparator, target: input.target,
    aggregation: input.aggregation ?? 'sum', amberPct: input.amberPct ?? 10, periodType: input.periodType,
    numeratorLabel: cleanText(input.numeratorLabel ?? ''), denominatorLabel: cleanText(input.denominatorLabel ?? ''),
  };
  refuse(checkRule(fields));
  return { ...fields, searchText: searchKey([fields.code, fields.subject, fields.text].join(' ')) };
}

async function checkUnits(tx: Tx, unitIds: string[]): Promise<string[]> {
  const ids = [...new Set(unitIds)];
  if (!ids.length) throw errors.field('unitIds', 'Chọn ít nhất một đơn vị báo cáo chỉ tiêu.');
  const found = await tx.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids));
  if (found.length !== ids.length) throw errors.field('unitIds', 'Có đơn vị được chọn không còn tồn tại.');
  return ids;
}

/** Where the next indicators of a plan go: after the last one, numbered on from the highest "CTnn" code. */
async function nextPlace(tx: Tx, planId: string) {
  const rows = await indicatorsOfPlan(tx, planId);
  const codes = rows.map((r) => /^CT(\d+)$/.exec(r.code)?.[1]).filter(Boolean).map(Number);
  return { sortOrder: Math.max(0, ...rows.map((r) => r.sortOrder)), number: Math.max(rows.length, ...codes) };
}
const codeOf = (n: number) => `CT${String(n).padStart(2, '0')}`;

const auditView = (i: IndicatorRow, unitIds: string[]) => ({
  code: i.code, subject: i.subject, measure: i.measure, unit: i.unit, comparator: i.comparator, target: i.target,
  aggregation: i.aggregation, amberPct: i.amberPct, periodType: i.periodType, unitIds,
});

async function insertIndicator(m: Mutation, planId: string, fields: ReturnType<typeof cleaned>, unitIds: string[], extra: { sortOrder: number; planTargetId?: string }, how: string) {
  const [row] = await m.tx.insert(indicators).values({ tenantId: m.tenantId, planId, ...fields, ...extra, createdBy: m.user.id }).returning();
  await m.tx.insert(indicatorUnits).values(unitIds.map((unitId) => ({ tenantId: m.tenantId, indicatorId: row.id, unitId })));
  await m.audit({ action: 'indicator.create', entityType: 'indicator', entityId: row.id, summary: `${how}: ${[row.code, row.subject].filter(Boolean).join(' ')}`.slice(0, 300), after: auditView(row, unitIds) });
  return row;
}

export async function createIndicator(m: Mutation, planId: string, input: IndicatorInput) {
  const plan = await managedPlan(m, planId);
  const fields = cleaned(input);
  const unitIds = await checkUnits(m.tx, input.unitIds);
  const place = await nextPlace(m.tx, plan.id);
  return insertIndicator(m, plan.id, { ...fields, code: fields.code || codeOf(place.number + 1) }, unitIds, { sortOrder: input.sortOrder ?? place.sortOrder + 10 }, 'Thêm chỉ tiêu');
}

const PERIOD_OF: Record<ReportFrequency, IndicatorPeriodType | null> = { monthly: 'month', quarterly: 'quarter', semiannual: 'half', annual: 'year', adhoc: null };

/**
 * How a target the importer read becomes a measured indicator: a percentage is a ratio of counts (Σ/Σ across units);
 * days and rates average; money and counts add up. A unit the app cannot name stays in the subject ("… (người/100.000 dân)").
 */
export function indicatorOfTarget(t: { value: number; unit: string; subject: string; text: string }) {
  const unit = t.unit.trim().toLowerCase();
  const said = cleanText(t.subject) || cleanText(t.text).slice(0, 300);
  // The importer keeps the subject as it sits mid-sentence ("hồ sơ …"); as a heading it starts with a capital.
  const subject = said.charAt(0).toLocaleUpperCase('vi') + said.slice(1);
  if (unit === '%') return { measure: 'ratio' as const, unit: '%' as const, target: t.value, aggregation: 'sum' as const, subject };
  if (unit === 'ngày') return { measure: 'value' as const, unit: 'days' as const, target: t.value, aggregation: 'average' as const, subject };
  const money = /^(triệu|tỷ) đồng$/u.exec(unit);
  if (money) return { measure: 'value' as const, unit: 'VND' as const, target: t.value * (money[1] === 'tỷ' ? 1e9 : 1e6), aggregation: 'sum' as const, subject };
  const average = unit.includes('/') || /^(phút|giờ)$/u.test(unit);
  return { measure: 'value' as const, unit: 'count' as const, target: t.value, aggregation: average ? 'average' as const : 'sum' as const, subject: `${subject} (${t.unit.trim()})` };
}

/**
 * Indicators for the plan's targets that have none yet. Measured as often as the plan's first regular reporting duty
 * (the plan's own reporting rhythm, stated before the appendix's task-level ones), else every half-year.
 */
export async function createFromTargets(m: Mutation, planId: string) {
  const plan = await managedPlan(m, planId);
  const targets = await targetsWithoutIndicator(m.tx, plan.id);
  if (!targets.length) throw errors.conflict('Mọi chỉ tiêu nêu trong văn bản kế hoạch đều đã được tạo.');
  const duty = (await reportingDutiesOf(m.tx, plan.id)).find((d) => PERIOD_OF[d.frequency]);
  const periodType = duty ? PERIOD_OF[duty.frequency]! : 'half';
  const unitIds = (await subordinateUnits(m.tx)).map((u) => u.id);
  if (!unitIds.length) throw errors.conflict('Sở chưa có đơn vị trực thuộc nào để giao báo cáo chỉ tiêu.');
  const place = await nextPlace(m.tx, plan.id);
  const created = [];
  for (const [i, t] of targets.entries()) {
    const fields = cleaned({ ...indicatorOfTarget(t), text: t.text, comparator: t.comparator, periodType, code: codeOf(place.number + i + 1), unitIds });
    created.push(await insertIndicator(m, plan.id, fields, unitIds, { sortOrder: place.sortOrder + (i + 1) * 10, planTargetId: t.id }, 'Tạo chỉ tiêu từ văn bản kế hoạch'));
  }
  return created;
}

export async function updateIndicator(m: Mutation, id: string, patch: Partial<IndicatorInput>) {
  const before = await indicatorOr404(m.tx, id);
  await managedPlan(m, before.planId);
  const beforeUnits = (await unitsOf(m.tx, [id])).get(id)!.map((u) => u.id);
  const fields = cleaned({ ...before, ...patch, unitIds: patch.unitIds ?? beforeUnits });
  const withValues = await hasValues(m.tx, id);
  if (withValues.length) {
    // Stored figures were entered for these periods and in this unit; reading them another way would change what units reported.
    const changed = (['measure', 'unit', 'periodType'] as const).filter((k) => fields[k] !== before[k]);
    const names = { measure: 'Cách đo', unit: 'Đơn vị tính', periodType: 'Kỳ báo cáo' };
    if (changed.length) throw errors.conflict('Chỉ tiêu đã có số liệu: không đổi được cách đo, đơn vị tính hay kỳ báo cáo; hãy tạo chỉ tiêu mới.', Object.fromEntries(changed.map((k) => [k, `${names[k]} không đổi được khi đã có số liệu.`])));
  }
  const unitIds = patch.unitIds ? await checkUnits(m.tx, patch.unitIds) : beforeUnits;
  const dropped = beforeUnits.filter((u) => !unitIds.includes(u) && withValues.includes(u));
  if (dropped.length) {
    const names = await m.tx.select({ name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, dropped));
    throw errors.conflict(`Không bỏ được đơn vị đã nhập số liệu: ${names.map((n) => n.name).join('; ')}.`, { unitIds: 'Đơn vị đã nhập số liệu phải được giữ lại.' });
  }
  const [row] = await m.tx.update(indicators).set({ ...fields, sortOrder: patch.sortOrder ?? before.sortOrder, updatedAt: new Date() }).where(eq(indicators.id, id)).returning();
  if (patch.unitIds) {
    await m.tx.delete(indicatorUnits).where(eq(indicatorUnits.indicatorId, id));
    await m.tx.insert(indicatorUnits).values(unitIds.map((unitId) => ({ tenantId: m.tenantId, indicatorId: id, unitId })));
  }
  await m.audit({ action: 'indicator.update', entityType: 'indicator', entityId: id, summary: `Sửa chỉ tiêu: ${[row.code, row.subject].filter(Boolean).join(' ')}`.slice(0, 300), before: auditView(before, beforeUnits), after: auditView(row, unitIds) });
  return row;
}

export async function deleteIndicator(m: Mutation, id: string) {
  const row = await indicatorOr404(m.tx, id);
  await managedPlan(m, row.planId);
  const withValues = await hasValues(m.tx, id);
  if (withValues.length) throw errors.conflict(`Chỉ tiêu đã có số liệu của ${withValues.length} đơn vị nên không xóa được.`);
  const unitIds = (await unitsOf(m.tx, [id])).get(id)!.map((u) => u.id);
  await m.tx.delete(indicators).where(eq(indicators.id, id));
  await m.audit({ action: 'indicator.delete', entityType: 'indicator', entityId: id, summary: `Xóa chỉ tiêu: ${[row.code, row.subject].filter(Boolean).join(' ')}`.slice(0, 300), before: auditView(row, unitIds) });
}

/** An indicator with its units, as the routes answer after a change. */
export async function indicatorView(tx: Tx, id: string) {
  const row = await indicatorOr404(tx, id);
  return presentIndicator(row, (await unitsOf(tx, [id])).get(id)!);
}
