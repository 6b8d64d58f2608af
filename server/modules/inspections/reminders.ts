// Reminders of corrective actions, run by the reminder job in each tenant's transaction: the responsible unit
// (its own focal points, else its nearest parent's) before the deadline, on it and for a week after; once overdue
// the division that runs the inspection plan hears too. Claims make each go out once.
import { eq, sql } from 'drizzle-orm';
import { formatViDate } from '../../../core/schedule/dates.ts';
import { rowsOf, type Tx } from '../../db/client.ts';
import { correctiveActions, inspectionFindings, inspectionPlans, inspections } from '../../db/schema/index.ts';
import { actorsFor, daysBetween, deliver, type Recipient, type ReminderOptions } from '../notify/reminders.ts';
import { allUnits } from '../org/queries.ts';

const OVERDUE_DAYS = 7;

export async function remindActions(tx: Tx, tenantId: string, today: string, days: number[], byUnit: Map<string, Recipient[]>, opts: ReminderOptions) {
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const open = await tx.select({ a: correctiveActions, inspectionId: inspections.id, ownerUnitId: inspectionPlans.ownerUnitId }).from(correctiveActions)
    .innerJoin(inspectionFindings, eq(inspectionFindings.id, correctiveActions.findingId)).innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId)).where(eq(correctiveActions.status, 'open'));
  const counts = { notifications: 0, emails: 0 };
  for (const { a, inspectionId, ownerUnitId } of open) {
    const left = daysBetween(today, a.dueOn);
    const kind = left > 0 && days.includes(left) ? `before-${left}` : left === 0 ? 'due' : left < 0 && -left <= OVERDUE_DAYS ? 'overdue' : null;
    const unit = units.get(a.responsibleUnitId);
    if (!kind || !unit) continue;
    const targets: Recipient[] = [...actorsFor({ unitPath: unit.path }, byUnit)];
    if (kind === 'overdue') for (const r of byUnit.get(ownerUnitId) ?? []) if (r.role === 'division_staff' && !targets.some((t) => t.userId === r.userId)) targets.push(r);
    const title = kind === 'due' ? `Hôm nay là hạn khắc phục sau kiểm tra: ${a.description}`
      : kind === 'overdue' ? `Quá hạn khắc phục sau kiểm tra: ${a.description}` : `Còn ${left} ngày đến hạn khắc phục sau kiểm tra: ${a.description}`;
    const body = `Hạn ${formatViDate(a.dueOn)} — ${unit.name}`;
    const link = `/kiem-tra/cuoc/${inspectionId}`;
    for (const r of targets) {
      const claimed = rowsOf(await tx.execute(sql`
        INSERT INTO corrective_action_reminder_claims (tenant_id, action_id, user_id, kind) VALUES (${tenantId}, ${a.id}, ${r.userId}, ${kind})
        ON CONFLICT DO NOTHING RETURNING 1`));
      if (!claimed.length) continue;
      const sent = await deliver(tx, tenantId, r, {
        kind: `inspection.${kind.replace(/-\d+$/, '')}`, title, body, link, action: 'Xem kết luận và báo cáo khắc phục', messageId: `<action-${a.id}-${r.userId}-${kind}@kehoach>`,
      }, opts);
      counts.notifications += 1;
      if (sent.email) counts.emails += 1;
    }
  }
  return counts;
}
