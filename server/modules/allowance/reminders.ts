// Reminders of the monthly list, run by the reminder job inside each tenant's transaction: IT before and on the
// day the month's list is due to be proposed (LIST_DUE_DAY) and for a week after while it is not, and HR once
// for each proposal waiting for approval. Claims make each go out once, however often the job runs.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { LIST_DUE_DAY } from '../../../core/allowance/workflow.ts';
import { daysInMonth, formatViDate, isoDate, parts } from '../../../core/schedule/dates.ts';
import { rowsOf, type Tx } from '../../db/client.ts';
import { allowanceAssignments, allowanceLists } from '../../db/schema/index.ts';
import { daysBetween, deliver, type Recipient, type ReminderOptions } from '../notify/reminders.ts';
import { allUnits } from '../org/queries.ts';
import { monthLabel } from './list-steps.ts';

const OVERDUE_DAYS = 7;

interface Reminder { unitId: string; unitName: string; month: string; recipient: Recipient; kind: string; title: string; body: string; link: string }

export async function remindAllowance(tx: Tx, tenantId: string, today: string, days: number[], byUnit: Map<string, Recipient[]>, opts: ReminderOptions) {
  const month = today.slice(0, 7);
  const dueOn = `${month}-${String(LIST_DUE_DAY).padStart(2, '0')}`;
  const left = daysBetween(today, dueOn);
  const itKind = left > 0 && days.includes(left) ? `before-${left}` : left === 0 ? 'due' : left < 0 && -left <= OVERDUE_DAYS ? 'overdue' : null;
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const reminders: Reminder[] = [];

  if (itKind) {
    // Paying units with someone assigned this month whose list is not proposed yet.
    const [y, m] = parts(`${month}-01`);
    const last = isoDate(y, m, daysInMonth(y, m));
    const payers = new Set((await tx.select({ unitId: allowanceAssignments.unitId }).from(allowanceAssignments)
      .where(sql`${allowanceAssignments.startOn} <= ${last} AND coalesce(${allowanceAssignments.stoppedOn}, ${allowanceAssignments.endOn}, '9999-12-31') >= ${`${month}-01`}`)).map((r) => r.unitId));
    const done = new Set((await tx.select({ unitId: allowanceLists.unitId }).from(allowanceLists)
      .where(and(eq(allowanceLists.month, month), inArray(allowanceLists.status, ['proposed', 'approved', 'paid'])))).map((r) => r.unitId));
    for (const unitId of [...payers].filter((u) => !done.has(u))) {
      const unit = units.get(unitId);
      if (!unit) continue;
      const title = itKind === 'due' ? `Hôm nay là hạn đề xuất danh sách hỗ trợ tháng ${monthLabel(month)}`
        : itKind === 'overdue' ? `Quá hạn đề xuất danh sách hỗ trợ tháng ${monthLabel(month)}` : `Còn ${left} ngày đến hạn đề xuất danh sách hỗ trợ tháng ${monthLabel(month)}`;
      for (const r of (byUnit.get(unitId) ?? []).filter((x) => x.role === 'allowance_it')) {
        reminders.push({ unitId, unitName: unit.name, month, recipient: r, kind: itKind, title, body: `Hạn ${formatViDate(dueOn)} — ${unit.name}`, link: `/ho-tro/${unitId}/${month}` });
      }
    }
  }
  for (const l of await tx.select().from(allowanceLists).where(eq(allowanceLists.status, 'proposed'))) {
    const unit = units.get(l.unitId);
    if (!unit) continue;
    for (const r of (byUnit.get(l.unitId) ?? []).filter((x) => x.role === 'allowance_hr')) {
      reminders.push({
        unitId: l.unitId, unitName: unit.name, month: l.month, recipient: r, kind: `approve-v${l.version}`,
        title: `Danh sách hỗ trợ tháng ${monthLabel(l.month)} chờ duyệt`, body: unit.name, link: `/ho-tro/${l.unitId}/${l.month}`,
      });
    }
  }

  const counts = { notifications: 0, emails: 0 };
  for (const r of reminders) {
    const claimed = rowsOf(await tx.execute(sql`
      INSERT INTO allowance_reminder_claims (tenant_id, unit_id, month, user_id, kind) VALUES (${tenantId}, ${r.unitId}, ${r.month}, ${r.recipient.userId}, ${r.kind})
      ON CONFLICT DO NOTHING RETURNING 1`));
    if (!claimed.length) continue;
    const sent = await deliver(tx, tenantId, r.recipient, {
      kind: `allowance.${r.kind.replace(/-.*$/, '')}`, title: r.title, body: r.body, link: r.link, action: 'Mở danh sách',
      messageId: `<allowance-${r.unitId}-${r.month}-${r.recipient.userId}-${r.kind}@kehoach>`,
    }, opts);
    counts.notifications += 1;
    if (sent.email) counts.emails += 1;
  }
  return counts;
}
