// The criteria measured from what kehoach already holds (seed 001 III.1.a: "hoàn thành … đúng, vượt … các nhiệm vụ
// được giao"): for a unit and a year, up to today, the records each share counts. A score is the share of these
// records that pass, so the explanation under any score is exactly what made it.
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { meetsTarget, valueOf } from '../../../core/indicators/rollup.ts';
import { periodsBetween } from '../../../core/reports/periods.ts';
import type { MeasureKind, Share } from '../../../core/emulation/scoring.ts';
import { formatViDate, todayInVietnam } from '../../../core/schedule/dates.ts';
import type { Tx } from '../../db/client.ts';
import { correctiveActions, indicators, indicatorUnits, indicatorValues, occurrences, orgUnits, plans, reportSchedules, reportSubmissions, tasks } from '../../db/schema/index.ts';
import { owes, ruleOf } from '../reports/queries.ts';
import type { UnitRow } from '../org/queries.ts';

export interface MeasureRecord { what: string; period: string; due: string; done: string; ok: boolean }
export type Computed = Exclude<MeasureKind, 'manual'>;

const vi = (d: string | null) => (d ? formatViDate(d) : '—');
const vnDay = (t: Date | null) => (t ? todayInVietnam(t) : null);

/** The year's records of one measure for each unit (a unit's own and its teams'), as of `today`. */
export async function recordsFor(tx: Tx, measure: Computed, units: UnitRow[], year: number, today: string): Promise<Map<string, MeasureRecord[]>> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31` < today ? `${year}-12-31` : today;
  const out = new Map<string, MeasureRecord[]>(units.map((u) => [u.id, []]));
  if (!units.length || from > to) return out;
  const owner = (path: string) => units.find((u) => path.startsWith(u.path));
  if (measure === 'tasks_on_time') {
    // A period counts once its deadline has passed, or earlier when it is already done.
    const rows = await tx.select({ o: occurrences, content: tasks.content, path: orgUnits.path }).from(occurrences)
      .innerJoin(tasks, eq(tasks.id, occurrences.taskId)).innerJoin(orgUnits, eq(orgUnits.id, occurrences.unitId))
      .where(and(gte(occurrences.dueOn, from), lte(occurrences.dueOn, `${year}-12-31`), sql`(${occurrences.dueOn} < ${today} OR ${occurrences.completedOn} IS NOT NULL)`,
        sql`${orgUnits.path} LIKE ANY (${`{${units.map((u) => `${u.path}%`).join(',')}}`}::text[])`));
    for (const { o, content, path } of rows) {
      const u = owner(path);
      if (u) out.get(u.id)!.push({ what: content, period: o.label, due: vi(o.dueOn), done: vi(o.completedOn), ok: !!o.completedOn && !!o.dueOn && o.completedOn <= o.dueOn });
    }
  } else if (measure === 'reports_on_time') {
    const schedules = await tx.select().from(reportSchedules).where(eq(reportSchedules.active, true));
    const subs = await tx.select().from(reportSubmissions).where(inArray(reportSubmissions.unitId, units.map((u) => u.id)));
    for (const s of schedules) {
      for (const p of periodsBetween(ruleOf(s), from, `${year}-12-31`)) {
        if (p.start < s.startsOn || (s.endsOn && p.start > s.endsOn)) continue;
        for (const u of units.filter((x) => owes(s, x))) {
          const sub = subs.find((x) => x.scheduleId === s.id && x.unitId === u.id && x.periodKey === p.key);
          if (p.timelyUntil >= today && !sub?.submittedAt) continue; // still time to send it
          out.get(u.id)!.push({ what: s.title, period: p.label, due: vi(p.timelyUntil), done: vi(vnDay(sub?.submittedAt ?? null)), ok: !!sub?.onTime });
        }
      }
    }
  } else if (measure === 'targets_met') {
    const rows = await tx.select({ i: indicators, unitId: indicatorUnits.unitId }).from(indicators).innerJoin(indicatorUnits, eq(indicatorUnits.indicatorId, indicators.id))
      .innerJoin(plans, eq(plans.id, indicators.planId))
      .where(and(inArray(indicatorUnits.unitId, units.map((u) => u.id)), lte(plans.periodStart, to), gte(plans.periodEnd, from)));
    const values = rows.length ? await tx.select().from(indicatorValues).where(and(inArray(indicatorValues.indicatorId, [...new Set(rows.map((r) => r.i.id))]), inArray(indicatorValues.unitId, units.map((u) => u.id)))) : [];
    for (const { i, unitId } of rows) {
      // The latest period of the year the unit reported: where it stands on the target now.
      const latest = values.filter((v) => v.indicatorId === i.id && v.unitId === unitId && v.periodKey.startsWith(String(year))).sort((a, b) => (a.periodKey < b.periodKey ? 1 : -1))[0];
      const value = latest ? valueOf(i, latest) : null;
      out.get(unitId)!.push({ what: i.text, period: latest?.periodKey ?? 'chưa báo cáo', due: `${i.comparator} ${i.target}${i.unit === '%' ? '%' : ''}`, done: value === null ? '—' : String(Math.round(value * 10) / 10), ok: meetsTarget(i, value) });
    }
  } else {
    const rows = await tx.select({ a: correctiveActions, path: orgUnits.path }).from(correctiveActions).innerJoin(orgUnits, eq(orgUnits.id, correctiveActions.responsibleUnitId))
      .where(and(gte(correctiveActions.dueOn, from), lte(correctiveActions.dueOn, `${year}-12-31`), sql`(${correctiveActions.dueOn} < ${today} OR ${correctiveActions.status} = 'closed')`));
    for (const { a, path } of rows) {
      const u = owner(path);
      if (u) out.get(u.id)!.push({ what: a.description, period: `Hạn ${vi(a.dueOn)}`, due: vi(a.dueOn), done: vi(vnDay(a.closedAt)), ok: a.status === 'closed' });
    }
  }
  return out;
}

export const shareOf = (records: MeasureRecord[]): Share => ({ counted: records.filter((r) => r.ok).length, total: records.length });

