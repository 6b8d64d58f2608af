// The reminder job: before due dates, on the day, when overdue (and an escalation to the plan's owner
// division), as in-app notifications and e-mails. Each reminder is claimed by a unique row, so two
// kehoach processes — or a restart — produce it exactly once.
import { sql } from 'drizzle-orm';
import { DUE_SOON_DAYS } from '../../../core/plans/views.ts';
import { addDays, formatViDate, todayInVietnam } from '../../../core/schedule/dates.ts';
import { compareVi } from '../../../core/text/vietnamese.ts';
import { rowsOf, type Db, type Tx } from '../../db/client.ts';
import { withSystem, withTenant } from '../../db/context.ts';
import { emailOutbox, notifications } from '../../db/schema/index.ts';
import { remindReports } from '../reports/reminders.ts';
import { remindAllowance } from '../allowance/reminders.ts';
import { remindActions } from '../inspections/reminders.ts';

export const DEFAULT_REMINDER_DAYS = [7, 3, 1, 0];
/** Overdue reminders only for what fell due in the last week, so a new deployment does not flood anyone. */
const OVERDUE_WINDOW_DAYS = 7;

interface Due {
  id: string; taskId: string; unitId: string; unitPath: string; unitName: string; label: string; due: string;
  number: string; content: string; planTitle: string; ownerUnitId: string; sortOrder: number;
}
export interface Recipient { userId: string; unitId: string; role: string; displayName: string; email: string; emailEnabled: boolean; dailyDigest: boolean }

export interface ReminderOptions {
  /** SMTP is configured: queue e-mails as well as in-app notifications. */
  emailEnabled: boolean;
  /** Base address for links in e-mails. */
  publicUrl?: string;
}

/** A link for an e-mail: absolute when PUBLIC_URL is known, else the page's path inside kehoach. */
export const where = (link: string, opts: ReminderOptions) => (opts.publicUrl ? `${opts.publicUrl}${link}` : `trang ${link} trong kehoach`);

export interface Reminder { kind: string; title: string; body: string; link: string; messageId: string; /** "Lập và gửi báo cáo", "Mở danh sách" … */ action: string }

/**
 * One reminder, already claimed, to one person: the in-app notification and, when e-mail is on for them, the mail
 * (its stable Message-ID makes a repeat harmless). Reports, the allowance and inspections send through it.
 */
export async function deliver(tx: Tx, tenantId: string, r: Recipient, n: Reminder, opts: ReminderOptions): Promise<{ email: boolean }> {
  await tx.insert(notifications).values({ tenantId, userId: r.userId, kind: n.kind, title: n.title, body: n.body, link: n.link });
  const email = !!(opts.emailEnabled && r.email && r.emailEnabled && !r.dailyDigest);
  if (email) {
    await tx.insert(emailOutbox).values({
      tenantId, toAddress: r.email, subject: `[kehoach] ${n.title}`,
      body: `Kính gửi ${r.displayName},\n\n${n.title}\n${n.body}\n\n${n.action}: ${where(n.link, opts)}\n\n— kehoach, hệ thống quản lý kế hoạch ngành Y tế`,
      messageId: n.messageId,
    }).onConflictDoNothing();
  }
  return { email };
}

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A reminder of one period: the task by name, a link to it. */
function single(kind: string, o: Due, today: string) {
  const task = `${o.number ? `${o.number} ` : ''}${short(o.content)} — ${o.label}`;
  const title = kind === 'due' ? `Đến hạn hôm nay: ${task}`
    : kind === 'overdue' ? `Quá hạn: ${task}`
      : kind === 'escalation' ? `Đơn vị ${o.unitName} chưa hoàn thành: ${task}`
        : `Còn ${kind.slice('before-'.length)} ngày đến hạn: ${task}`;
  const late = o.due < today ? ` (đã quá ${daysBetween(o.due, today)} ngày)` : '';
  return { title, body: `Hạn ${formatViDate(o.due)}${late} — ${short(o.planTitle, 120)}`, link: `/nhiem-vu/${o.taskId}` };
}

/**
 * Open periods due on a reminder day or overdue within the window, less those already reminded of today's kind:
 * the job runs every 15 minutes, and at a province's month-end re-reading and re-claiming the day's 700,000
 * reminders took 14 s a run (and froze an embedded database's process meanwhile). Someone granted a unit after
 * its reminders went out that day hears of its periods from the next reminder on.
 */
async function loadDue(tx: Tx, today: string, days: number[]): Promise<Due[]> {
  const dates = days.map((d) => addDays(today, d));
  const kind = sql`CASE WHEN o.due_on < ${today}::date THEN 'overdue' WHEN o.due_on = ${today}::date THEN 'due' ELSE 'before-' || (o.due_on - ${today}::date) END`;
  const res = await tx.execute(sql`
    SELECT o.id, o.task_id AS "taskId", o.unit_id AS "unitId", u.path AS "unitPath", u.name AS "unitName", o.label, o.due_on::text AS due,
      t.number, t.content, t.sort_order AS "sortOrder", p.title AS "planTitle", p.owner_unit_id AS "ownerUnitId"
    FROM occurrences o JOIN plans p ON p.id = o.plan_id AND p.status = 'active' JOIN tasks t ON t.id = o.task_id JOIN org_units u ON u.id = o.unit_id
    WHERE o.completed_on IS NULL AND o.due_on IS NOT NULL
      AND (o.due_on = ANY(${`{${dates.join(',')}}`}::date[]) OR (o.due_on < ${today}::date AND o.due_on >= ${addDays(today, -OVERDUE_WINDOW_DAYS)}::date))
      AND NOT EXISTS (SELECT 1 FROM reminder_claims c WHERE c.occurrence_id = o.id AND c.kind = ${kind} AND c.due_on = o.due_on::text)
    ORDER BY o.due_on, o.id`); // every worker claims in the same order, so two of them wait on each other rather than deadlock
  return rowsOf<Due>(res);
}

/** Holders of the roles that act on tasks and reports; the allowance's duties hear only of the allowance. */
export async function loadRecipients(tx: Tx, roles: readonly string[] = ['unit_focal', 'division_staff']): Promise<Recipient[]> {
  const res = await tx.execute(sql`
    SELECT g.user_id AS "userId", g.unit_id AS "unitId", g.role, u.display_name AS "displayName", coalesce(pe.email, '') AS email,
      coalesce(up.email_enabled, true) AS "emailEnabled", coalesce(up.daily_digest, false) AS "dailyDigest"
    FROM role_grants g JOIN users u ON u.id = g.user_id AND u.active JOIN org_units ou ON ou.id = g.unit_id AND ou.active
      LEFT JOIN people pe ON pe.id = u.person_id LEFT JOIN user_prefs up ON up.user_id = u.id
    WHERE g.role IN (${sql.join(roles.map((r) => sql`${r}`), sql`, `)})
    ORDER BY g.user_id, g.unit_id, g.role`);
  return rowsOf<Recipient>(res);
}

/** Recipients grouped by the unit their role is granted on. */
export function byUnitOf(recipients: Recipient[]): Map<string, Recipient[]> {
  const byUnit = new Map<string, Recipient[]>();
  for (const r of recipients) (byUnit.get(r.unitId) ?? byUnit.set(r.unitId, []).get(r.unitId)!).push(r);
  return byUnit;
}

/** Who must act: the unit's own focal points and staff, else those of its nearest parent below the Sở. */
export function actorsFor(o: { unitPath: string }, byUnit: Map<string, Recipient[]>): Recipient[] {
  const chain = o.unitPath.split('/').filter(Boolean).slice(1).reverse(); // the unit first, the root left out
  for (const unitId of chain) {
    const found = byUnit.get(unitId);
    if (found?.length) return found;
  }
  return [];
}

/** How many reminders are claimed per statement: a province's month-end makes hundreds of thousands. */
const CLAIM_BATCH = 500;
/** Tasks named in the body of a grouped reminder; the rest are counted, one click away on the unit's page. */
const GROUP_NAMED = 3;

type Wanted = { o: Due; r: Recipient; kind: string };

/**
 * Claims reminders in batches (a unique row per occurrence, user, kind and due date) and writes the
 * notifications and e-mails of those this run won; one already claimed, by an earlier run or another
 * process, is skipped. Batches go in the order of the due list, so concurrent workers wait, not deadlock.
 * What one person won for one unit, kind and due date becomes one reminder: at a month-end a hospital's
 * focal point has hundreds of periods falling due on the same day, and hundreds of messages would bury them.
 */
async function claimAll(tx: Tx, tenantId: string, today: string, wanted: Wanted[], opts: ReminderOptions) {
  const won: Wanted[] = [];
  for (let i = 0; i < wanted.length; i += CLAIM_BATCH) {
    const batch = wanted.slice(i, i + CLAIM_BATCH);
    const rows = sql.join(batch.map(({ o, r, kind }) => sql`(${tenantId}::uuid, ${o.id}::uuid, ${r.userId}::uuid, ${kind}, ${o.due}::date)`), sql`, `);
    const keys = new Set(rowsOf<{ key: string }>(await tx.execute(sql`
      INSERT INTO reminder_claims (tenant_id, occurrence_id, user_id, kind, due_on) VALUES ${rows}
      ON CONFLICT DO NOTHING RETURNING occurrence_id || '|' || user_id || '|' || kind AS key`)).map((c) => c.key));
    won.push(...batch.filter(({ o, r, kind }) => keys.has(`${o.id}|${r.userId}|${kind}`)));
  }
  const groups = new Map<string, Wanted[]>();
  for (const w of won) {
    const key = `${w.r.userId}|${w.kind}|${w.o.due}|${w.o.unitId}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(w);
  }
  // A group's tasks in plan order (they were claimed in the order of their ids).
  const inPlanOrder = (a: Wanted, b: Wanted) => compareVi(a.o.planTitle, b.o.planTitle) || a.o.sortOrder - b.o.sortOrder;
  const made = [...groups.values()].map((list) => {
    const items = list.sort(inPlanOrder);
    const { o, r, kind } = items[0];
    return { o, r, kind, count: items.length, ...(items.length === 1 ? single(kind, o, today) : grouped(kind, items.map((w) => w.o), today)) };
  });
  const counts = { notifications: 0, emails: 0 };
  for (let i = 0; i < made.length; i += CLAIM_BATCH) {
    const batch = made.slice(i, i + CLAIM_BATCH);
    await tx.insert(notifications).values(batch.map((n) => ({ tenantId, userId: n.r.userId, kind: n.kind, title: n.title, body: n.body, link: n.link, occurrenceId: n.o.id, itemCount: n.count })));
    const mails = batch.filter(({ r }) => opts.emailEnabled && r.email && r.emailEnabled && !r.dailyDigest);
    if (mails.length) {
      await tx.insert(emailOutbox).values(mails.map(({ o, r, kind, title, body, link }) => ({
        tenantId, toAddress: r.email, subject: `[kehoach] ${title}`,
        body: `Kính gửi ${r.displayName},\n\n${title}\n${body}\n\nXem và cập nhật tiến độ: ${where(link, opts)}\n\n— kehoach, hệ thống quản lý kế hoạch ngành Y tế`,
        // The first period of a group was claimed by this run alone, so the id is unique.
        messageId: `<reminder-${o.id}-${r.userId}-${kind}-${o.due}@kehoach>`,
      }))).onConflictDoNothing();
    }
    counts.notifications += batch.length;
    counts.emails += mails.length;
  }
  return counts;
}

/** A reminder of several periods of one unit due the same day: how many, the first few by name, a link to the unit's tab. */
function grouped(kind: string, items: Due[], today: string) {
  const o = items[0];
  const n = `${items.length} nhiệm vụ`;
  const title = kind === 'due' ? `Đến hạn hôm nay: ${n} của ${o.unitName}`
    : kind === 'overdue' ? `Quá hạn: ${n} của ${o.unitName}`
      : kind === 'escalation' ? `Đơn vị ${o.unitName} chưa hoàn thành: ${n}`
        : `Còn ${kind.slice('before-'.length)} ngày đến hạn: ${n} của ${o.unitName}`;
  const late = o.due < today ? ` (đã quá ${daysBetween(o.due, today)} ngày)` : '';
  const named = items.slice(0, GROUP_NAMED).map((x) => `${x.number ? `${x.number} ` : ''}${short(x.content, 60)}`).join('; ');
  const rest = items.length > GROUP_NAMED ? ` và ${items.length - GROUP_NAMED} nhiệm vụ khác` : '';
  // The unit's page lists them under "Quá hạn", or "Sắp đến hạn" (two weeks ahead; a tenant may remind earlier).
  const tab = o.due < today ? 'qua-han' : daysBetween(today, o.due) <= DUE_SOON_DAYS ? 'sap-den-han' : 'tat-ca';
  return { title, body: `Hạn ${formatViDate(o.due)}${late} — ${named}${rest}`, link: `/nhiem-vu-don-vi?don-vi=${o.unitId}&xem=${tab}` };
}

/** One daily e-mail listing the day's unread notifications, for users who chose the digest. */
async function digests(tx: Tx, tenantId: string, today: string, recipients: Recipient[], opts: ReminderOptions) {
  let sent = 0;
  const seen = new Set<string>();
  for (const r of recipients) {
    if (seen.has(r.userId) || !r.dailyDigest || !r.emailEnabled || !r.email) continue;
    seen.add(r.userId);
    const items = rowsOf<{ title: string; body: string; link: string }>(await tx.execute(sql`
      SELECT title, body, link FROM notifications WHERE user_id = ${r.userId} AND read_at IS NULL AND created_at > now() - interval '1 day' ORDER BY created_at`));
    if (!items.length) continue;
    const inserted = await tx.insert(emailOutbox).values({
      tenantId, toAddress: r.email, subject: `[kehoach] Tổng hợp nhắc việc ngày ${formatViDate(today)} (${items.length})`,
      body: `Kính gửi ${r.displayName},\n\n${items.map((i) => `• ${i.title}\n  ${i.body}\n  ${where(i.link, opts)}`).join('\n')}\n\n— kehoach`,
      messageId: `<digest-${r.userId}-${today}@kehoach>`,
    }).onConflictDoNothing().returning({ id: emailOutbox.id });
    sent += inserted.length;
  }
  return sent;
}

/** Who hears of an occurrence, and as what: those who must act, and for an overdue one the owner division too. */
function targetsFor(o: Due, today: string, byUnit: Map<string, Recipient[]>): [Recipient, string][] {
  const overdue = o.due < today;
  const kind = overdue ? 'overdue' : o.due === today ? 'due' : `before-${daysBetween(today, o.due)}`;
  const actors = actorsFor(o, byUnit);
  const targets: [Recipient, string][] = actors.map((r) => [r, kind]);
  // The owner division hears of it too, unless it is the one that is late.
  const acting = new Set(actors.map((r) => r.userId));
  if (overdue) for (const r of byUnit.get(o.ownerUnitId) ?? []) if (r.role === 'division_staff' && !acting.has(r.userId)) targets.push([r, 'escalation']);
  // A user holding both roles on a unit hears once.
  const seen = new Set<string>();
  return targets.filter(([r, k]) => {
    const key = `${r.userId}|${k}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Runs once over every tenant; safe to run concurrently and again (claims make it idempotent). Each tenant is
 * one transaction, so a failing tenant does not hold back the others; its error is thrown after all have run.
 */
export async function runReminders(db: Db, now: Date, opts: ReminderOptions = { emailEnabled: false }): Promise<{ notifications: number; emails: number }> {
  const today = todayInVietnam(now);
  const tenants = await withSystem(db, async (tx) => rowsOf<{ id: string; days: number[] | null }>(await tx.execute(sql`
    SELECT t.id, s.reminder_days AS days FROM tenants t LEFT JOIN tenant_settings s ON s.tenant_id = t.id ORDER BY t.id`)));
  const total = { notifications: 0, emails: 0 };
  const failures: unknown[] = [];
  // The digest goes out once the working day has begun in Vietnam.
  const digestHour = new Date(now.getTime() + 7 * 3600_000).getUTCHours() >= 7;
  for (const t of tenants) {
    try {
      const counts = await withTenant(db, t.id, async (tx) => {
        const counts = { notifications: 0, emails: 0 };
        const days = t.days?.length ? t.days : DEFAULT_REMINDER_DAYS;
        const due = await loadDue(tx, today, days);
        const recipients = await loadRecipients(tx);
        const byUnit = byUnitOf(recipients);
        const tasks = await claimAll(tx, t.id, today, due.flatMap((o) => targetsFor(o, today, byUnit).map(([r, kind]) => ({ o, r, kind }))), opts);
        counts.notifications += tasks.notifications;
        counts.emails += tasks.emails;
        const reports = await remindReports(tx, t.id, today, days, byUnit, opts);
        counts.notifications += reports.notifications;
        counts.emails += reports.emails;
        const actions = await remindActions(tx, t.id, today, days, byUnit, opts);
        counts.notifications += actions.notifications;
        counts.emails += actions.emails;
        const allowance = await remindAllowance(tx, t.id, today, days, byUnitOf(await loadRecipients(tx, ['allowance_it', 'allowance_hr'])), opts);
        counts.notifications += allowance.notifications;
        counts.emails += allowance.emails;
        if (opts.emailEnabled && digestHour) counts.emails += await digests(tx, t.id, today, recipients, opts);
        return counts;
      });
      total.notifications += counts.notifications;
      total.emails += counts.emails;
    } catch (e) {
      failures.push(e);
    }
  }
  if (failures.length) throw new AggregateError(failures, `Nhắc việc lỗi ở ${failures.length}/${tenants.length} Sở`);
  return total;
}
