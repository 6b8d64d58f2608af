// One indicator over time and per unit: its trend over the periods so far, each unit's value of a period with
// the department's roll-up, and a unit's value entered with its evidence.
import { inArray } from 'drizzle-orm';
import { checkValue, formatIndicatorValue, rag, rollUp, trend, valueOf } from '../../../core/indicators/rollup.ts';
import { cleanText } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { files, indicatorEvidence, indicatorValues } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { unitOr404 } from '../org/queries.ts';
import { planOr404 } from '../plans/queries.ts';
import { evidenceOf, findValue, indicatorOr404, unitsOf, valuesOf } from './queries.ts';
import { mayRecordFor, periodOr404, periodRef, periodsSoFar, planAccess, presentIndicator, presentValue, ruleOf, unitRef } from './present.ts';

export async function getIndicator(tx: Tx, user: CurrentUser, id: string, today: string, periodKey?: string) {
  const row = await indicatorOr404(tx, id);
  const plan = await planOr404(tx, row.planId);
  const { owner, manage } = await planAccess(tx, user, plan);
  const units = (await unitsOf(tx, [id])).get(id)!;
  const unitIds = units.map((u) => u.id);
  const rule = ruleOf(row);
  const values = (await valuesOf(tx, [id])).filter((v) => unitIds.includes(v.unitId));
  const ofPeriod = (key: string) => values.filter((v) => v.periodKey === key);
  const periods = periodsSoFar(row.periodType, plan, today);
  const points = trend(rule, periods.map((p) => ({ periodKey: p.key, values: ofPeriod(p.key) })), unitIds);
  const history = periods.map((p, i) => {
    const r = rollUp(rule, ofPeriod(p.key), unitIds);
    return { ...periodRef(p), value: points[i].value, rag: points[i].rag, change: points[i].change, reported: r.reported, expected: r.expected };
  });
  const selected = periodKey
    ? periodOr404(row.periodType, plan, periodKey)
    : [...periods].reverse().find((p) => ofPeriod(p.key).length) ?? periods.at(-1) ?? null;

  let view = null;
  if (selected) {
    const rows = ofPeriod(selected.key);
    const evidence = await evidenceOf(tx, rows.map((v) => v.id));
    const total = rollUp(rule, rows, unitIds);
    view = {
      period: { ...periodRef(selected), started: selected.start <= today },
      total: { value: total.value, numerator: total.numerator, denominator: total.denominator, reported: total.reported, expected: total.expected, rag: rag(rule, total.value) },
      missing: units.filter((u) => total.missing.includes(u.id)).map(unitRef),
      units: units.map((u) => {
        const v = rows.find((x) => x.unitId === u.id);
        return { unit: unitRef(u), entry: v ? presentValue(rule, v, evidence) : null, can: { record: mayRecordFor(user, u, owner) } };
      }),
    };
  }
  return {
    indicator: { ...presentIndicator(row, units), plan: { id: plan.id, number: plan.number, title: plan.title, status: plan.status } },
    periods: history,
    selected: view,
    can: { manage, record: units.some((u) => mayRecordFor(user, u, owner)) },
  };
}

export interface ValueInput { numerator?: number | null; denominator?: number | null; value?: number | null; note?: string; fileIds?: string[] }

/** A responsible unit's value for a period that has started: stored or replaced, its evidence added, in one transaction with its audit event. */
export async function recordValue(m: Mutation, today: string, place: { id: string; periodKey: string; unitId: string }, input: ValueInput) {
  const row = await indicatorOr404(m.tx, place.id);
  const plan = await planOr404(m.tx, row.planId);
  const { owner } = await planAccess(m.tx, m.user, plan);
  const unit = await unitOr404(m.tx, place.unitId);
  if (!mayRecordFor(m.user, unit, owner)) throw errors.forbidden('Bạn chỉ được nhập số liệu chỉ tiêu của đơn vị mình.');
  if (!(await unitsOf(m.tx, [row.id])).get(row.id)!.some((u) => u.id === unit.id)) throw errors.forbidden(`${unit.name} không được giao báo cáo chỉ tiêu này.`);
  if (plan.status !== 'active') throw errors.conflict('Kế hoạch chưa ban hành hoặc đã kết thúc nên không nhập được số liệu chỉ tiêu.');
  const period = periodOr404(row.periodType, plan, place.periodKey);
  if (period.start > today) throw errors.field('periodKey', `${period.label} chưa bắt đầu nên chưa nhập được số liệu.`);

  const rule = ruleOf(row);
  const problems = checkValue(rule, input);
  if (problems.length) throw errors.validation(Object.fromEntries(problems.map((p) => [p.field, p.message])));
  const fileIds = [...new Set(input.fileIds ?? [])];
  const fileRows = fileIds.length ? await m.tx.select().from(files).where(inArray(files.id, fileIds)) : [];
  if (fileRows.length !== fileIds.length) throw errors.field('fileIds', 'Tệp đính kèm không tồn tại hoặc đã bị xóa. Vui lòng tải lên lại.');

  // Only what the measure uses is kept, so a stale plain value can never shadow a ratio's parts.
  const figures = rule.measure === 'ratio'
    ? { numerator: input.numerator ?? null, denominator: input.denominator ?? null, value: null }
    : { numerator: null, denominator: null, value: input.value ?? null };
  const note = cleanText(input.note ?? '');
  const before = await findValue(m.tx, row.id, period.key, unit.id);
  const [saved] = await m.tx.insert(indicatorValues).values({
    tenantId: m.tenantId, indicatorId: row.id, unitId: unit.id, periodKey: period.key, ...figures, note, enteredBy: m.user.id, enteredByName: m.user.displayName,
  }).onConflictDoUpdate({
    target: [indicatorValues.indicatorId, indicatorValues.periodKey, indicatorValues.unitId],
    set: { ...figures, note, enteredBy: m.user.id, enteredByName: m.user.displayName, updatedAt: new Date() },
  }).returning();
  // Evidence accumulates: a file once offered as proof stays linked to the value it proved.
  if (fileRows.length) {
    await m.tx.insert(indicatorEvidence).values(fileRows.map((f) => ({ tenantId: m.tenantId, valueId: saved.id, fileId: f.id, name: f.name }))).onConflictDoNothing();
  }
  const shown = formatIndicatorValue(rule.unit, valueOf(rule, saved));
  const parts = rule.measure === 'ratio' ? ` (${saved.numerator}/${saved.denominator})` : '';
  const figuresOf = (v: typeof saved) => ({ numerator: v.numerator, denominator: v.denominator, value: v.value, note: v.note });
  await m.audit({
    action: 'indicator.value', entityType: 'indicator_value', entityId: saved.id,
    summary: `${[row.code, row.subject].filter(Boolean).join(' ')} — ${period.label} — ${unit.name}: ${shown}${parts}`.slice(0, 300),
    before: before ? figuresOf(before) : undefined,
    after: { ...figuresOf(saved), indicatorId: row.id, unitId: unit.id, periodKey: period.key, files: fileRows.map((f) => ({ name: f.name, sha256: f.sha256 })) },
  });
  return presentValue(rule, saved, await evidenceOf(m.tx, [saved.id]));
}
