// Keeps a task's occurrences in step with its schedule, its lead units and its plan's period.
import { and, eq, inArray } from 'drizzle-orm';
import { occurrencesOf } from '../../../core/schedule/occurrences.ts';
import type { OccurrenceSpec } from '../../../core/schedule/types.ts';
import type { Tx } from '../../db/client.ts';
import { occurrences, taskUnits } from '../../db/schema/index.ts';
import { planContext, type PlanRow, type TaskRow } from './queries.ts';

export interface SyncResult { added: number; removed: number; updated: number }

/** The periods a task should have: none while its plan is a draft or finished. */
export function specsFor(plan: PlanRow, task: TaskRow): OccurrenceSpec[] {
  if (plan.status !== 'active') return [];
  return occurrencesOf(task.schedule, planContext(plan), { cadence: plan.checkinCadence, eventDays: plan.eventDays });
}

/**
 * Adds the missing occurrences, moves the dates of existing ones, and removes the ones no longer
 * wanted — but never one that holds reported progress or was set by a person.
 */
export async function syncTaskOccurrences(tx: Tx, plan: PlanRow, task: TaskRow): Promise<SyncResult> {
  const specs = specsFor(plan, task);
  const leads = (await tx.select({ unitId: taskUnits.unitId }).from(taskUnits)
    .where(and(eq(taskUnits.taskId, task.id), eq(taskUnits.role, 'lead')))).map((r) => r.unitId);
  const existing = await tx.select().from(occurrences).where(eq(occurrences.taskId, task.id));
  const byKey = new Map(existing.map((o) => [`${o.unitId}|${o.periodKey}`, o]));
  const wanted = new Set<string>();
  const result: SyncResult = { added: 0, removed: 0, updated: 0 };
  const inserts: (typeof occurrences.$inferInsert)[] = [];
  for (const unitId of leads) {
    for (const s of specs) {
      const key = `${unitId}|${s.key}`;
      wanted.add(key);
      const o = byKey.get(key);
      if (!o) {
        inserts.push({ tenantId: task.tenantId, planId: plan.id, taskId: task.id, unitId, periodKey: s.key, label: s.label, periodStart: s.periodStart, periodEnd: s.periodEnd, dueOn: s.due });
      } else if (o.label !== s.label || o.periodStart !== s.periodStart || o.periodEnd !== s.periodEnd || o.dueOn !== s.due) {
        await tx.update(occurrences).set({ label: s.label, periodStart: s.periodStart, periodEnd: s.periodEnd, dueOn: s.due }).where(eq(occurrences.id, o.id));
        result.updated++;
      }
    }
  }
  if (inserts.length) await tx.insert(occurrences).values(inserts);
  result.added = inserts.length;
  const stale = existing.filter((o) => !wanted.has(`${o.unitId}|${o.periodKey}`) && !o.manual && !o.lastUpdateAt);
  if (stale.length) await tx.delete(occurrences).where(inArray(occurrences.id, stale.map((o) => o.id)));
  result.removed = stale.length;
  return result;
}
