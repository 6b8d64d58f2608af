// Reminders about reports: before the due date, on it, after it (with an escalation to the reviewing
// division), and the one-click reminder from the completeness page. Claims make each go out once.
import { eq, sql } from 'drizzle-orm';
import { isLocked, type Period } from '../../../core/reports/periods.ts';
import { addDays, formatViDate } from '../../../core/schedule/dates.ts';
import { rowsOf, type Tx } from '../../db/client.ts';
import { reportSchedules, type ReportScheduleRow } from '../../db/schema/index.ts';
import { actorsFor, byUnitOf, daysBetween, deliver, loadRecipients, type Recipient, type ReminderOptions } from '../notify/reminders.ts';
import type { UnitRow } from '../org/queries.ts';
import { exceptionsInForce, expectedUnits, submissionsOf } from './queries.ts';
import { periodsSoFar } from './schedules.service.ts';

const OVERDUE_WINDOW_DAYS = 7;
/** Reports still owed: nothing sent yet, a draft, or returned for correction. */
const OWED = new Set(['missing', 'draft', 'returned', 'reopened']);

interface Reminder { schedule: ReportScheduleRow; period: Period; unit: UnitRow; recipient: Recipient; kind: string }

function message(r: Reminder, today: string) {
  const what = `${r.schedule.title} — ${r.period.label}`;
  const title = r.kind === 'due' ? `Hôm nay là hạn gửi báo cáo: ${what}`
    : r.kind === 'overdue' ? `Quá hạn gửi báo cáo: ${what}`
      : r.kind === 'escalation' ? `${r.unit.name} chưa gửi báo cáo: ${what}`
        : r.kind.startsWith('manual') ? `Đề nghị gửi báo cáo: ${what}`
          : `Còn ${r.kind.slice('before-'.length)} ngày đến hạn gửi báo cáo: ${what}`;
  const late = r.period.dueOn < today ? ` (đã quá ${daysBetween(r.period.dueOn, today)} ngày)` : '';
  return { title, body: `Hạn gửi ${formatViDate(r.period.dueOn)}${late} — ${r.unit.name}` };
}

/** Claims and sends one reminder; false when it had already gone out. */
async function send(tx: Tx, tenantId: string, today: string, r: Reminder, opts: ReminderOptions): Promise<{ email: boolean } | null> {
  const claimed = rowsOf(await tx.execute(sql`
    INSERT INTO report_reminder_claims (tenant_id, schedule_id, unit_id, period_key, user_id, kind, due_on)
    VALUES (${tenantId}, ${r.schedule.id}, ${r.unit.id}, ${r.period.key}, ${r.recipient.userId}, ${r.kind}, ${r.period.dueOn})
    ON CONFLICT DO NOTHING RETURNING 1`));
  if (!claimed.length) return null;
  const { title, body } = message(r, today);
  const link = r.kind === 'escalation' ? `/bao-cao/${r.schedule.id}?ky=${encodeURIComponent(r.period.key)}` : `/bao-cao/${r.schedule.id}/ky/${encodeURIComponent(r.period.key)}/don-vi/${r.unit.id}`;
  return deliver(tx, tenantId, r.recipient, {
    kind: `report.${r.kind.replace(/-\d.*$/, '')}`, title, body, link, action: 'Lập và gửi báo cáo',
    messageId: `<report-${r.schedule.id}-${r.period.key}-${r.unit.id}-${r.recipient.userId}-${r.kind}@kehoach>`,
  }, opts);
}

/** Units of a period that still owe their report. */
async function owing(tx: Tx, s: ReportScheduleRow, period: Period, units: UnitRow[]) {
  const state = new Map((await submissionsOf(tx, s.id, [period.key])).map((x) => [x.unitId, x.status as string]));
  return units.filter((u) => OWED.has(state.get(u.id) ?? 'missing'));
}

/** The reminder job's part for reports, inside the tenant's reminder transaction, with the recipients it loaded. */
export async function remindReports(tx: Tx, tenantId: string, today: string, days: number[], byUnit: Map<string, Recipient[]>, opts: ReminderOptions) {
  const counts = { notifications: 0, emails: 0 };
  const schedules = await tx.select().from(reportSchedules).where(eq(reportSchedules.active, true)).orderBy(reportSchedules.id);
  if (!schedules.length) return counts;
  const soon = new Set(days.map((d) => addDays(today, d)));
  for (const s of schedules) {
    const periods = periodsSoFar(s, addDays(today, Math.max(0, ...days))).filter((p) => soon.has(p.dueOn) || (p.dueOn < today && p.dueOn >= addDays(today, -OVERDUE_WINDOW_DAYS)));
    if (!periods.length) continue;
    const units = await expectedUnits(tx, s);
    for (const period of periods) {
      const overdue = period.dueOn < today;
      const kind = overdue ? 'overdue' : period.dueOn === today ? 'due' : `before-${daysBetween(today, period.dueOn)}`;
      const open = period.locksAfter < today ? await exceptionsInForce(tx, s.id, period.key, today) : null;
      for (const unit of (await owing(tx, s, period, units)).filter((u) => !open || open.has(u.id))) {
        const actors = actorsFor({ unitPath: unit.path }, byUnit);
        const targets: [Recipient, string][] = actors.map((r) => [r, kind]);
        if (overdue) for (const r of byUnit.get(s.ownerUnitId) ?? []) if (r.role === 'division_staff' && !actors.some((a) => a.userId === r.userId)) targets.push([r, 'escalation']);
        for (const [recipient, k] of targets) {
          const done = await send(tx, tenantId, today, { schedule: s, period, unit, recipient, kind: k }, opts);
          if (done) { counts.notifications++; if (done.email) counts.emails++; }
        }
      }
    }
  }
  return counts;
}

/** One-click reminder from the completeness page: the chosen (or all) units that still owe, once a day each. */
export async function remindNow(tx: Tx, tenantId: string, s: ReportScheduleRow, period: Period, now: Date, today: string, unitIds: string[] | undefined, opts: ReminderOptions) {
  // Once the period is locked only a unit it was reopened for can still send, so only it is worth a reminder.
  const open = isLocked(period, now) ? await exceptionsInForce(tx, s.id, period.key, today) : null;
  const units = (await owing(tx, s, period, await expectedUnits(tx, s))).filter((u) => (!unitIds || unitIds.includes(u.id)) && (!open || open.has(u.id)));
  const byUnit = byUnitOf(await loadRecipients(tx));
  const reminded: string[] = [];
  const noRecipient: string[] = [];
  let emails = 0;
  for (const unit of units) {
    const actors = actorsFor({ unitPath: unit.path }, byUnit);
    if (!actors.length) { noRecipient.push(unit.name); continue; }
    let any = false;
    for (const recipient of actors) {
      const done = await send(tx, tenantId, today, { schedule: s, period, unit, recipient, kind: `manual-${today}` }, opts);
      if (done) { any = true; if (done.email) emails++; }
    }
    if (any) reminded.push(unit.name);
  }
  return { reminded, noRecipient, alreadyToday: units.length - reminded.length - noRecipient.length, emails };
}
