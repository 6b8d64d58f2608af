// A user's notifications and reminder choices, the tenant's reminder days, and the calendar feed.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { buildCalendar } from '../../../core/calendar/ical.ts';
import { OCCURRENCE_STATUS_LABELS, occurrenceStatus } from '../../../core/plans/status.ts';
import { addDays, formatViDate } from '../../../core/schedule/dates.ts';
import { rowsOf, type Db, type Tx } from '../../db/client.ts';
import { withSystem, withTenant } from '../../db/context.ts';
import { calendarTokens, notifications, tenantSettings, userPrefs, users } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { Mutation } from '../../http/request.ts';
import { DEFAULT_REMINDER_DAYS } from './reminders.ts';

export async function listNotifications(tx: Tx, userId: string) {
  const items = await tx.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(50);
  const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`));
  return {
    items: items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, body: i.body, link: i.link, createdAt: i.createdAt.toISOString(), readAt: i.readAt?.toISOString() ?? null })),
    unread: n,
  };
}

/** Marking as read is the user's own bookkeeping, not a change to the Sở's records: no audit event. */
export async function markRead(tx: Tx, userId: string, id?: string) {
  const where = id ? and(eq(notifications.id, id), eq(notifications.userId, userId)) : and(eq(notifications.userId, userId), isNull(notifications.readAt));
  const rows = await tx.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, now())` }).where(where).returning({ id: notifications.id });
  if (id && !rows.length) throw errors.notFound('thông báo');
}

export interface Prefs { emailEnabled: boolean; dailyDigest: boolean }

export async function getPrefs(tx: Tx, userId: string): Promise<Prefs> {
  const [row] = await tx.select().from(userPrefs).where(eq(userPrefs.userId, userId));
  return { emailEnabled: row?.emailEnabled ?? true, dailyDigest: row?.dailyDigest ?? false };
}

export async function setPrefs(m: Mutation, prefs: Prefs): Promise<Prefs> {
  const before = await getPrefs(m.tx, m.user.id);
  await m.tx.insert(userPrefs).values({ userId: m.user.id, tenantId: m.tenantId, ...prefs })
    .onConflictDoUpdate({ target: userPrefs.userId, set: prefs });
  await m.audit({ action: 'notify.prefs.update', entityType: 'user', entityId: m.user.id, summary: 'Cài đặt nhắc việc', before, after: prefs });
  return prefs;
}

export async function getReminderDays(tx: Tx, tenantId: string): Promise<number[]> {
  const [row] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
  return row?.reminderDays ?? DEFAULT_REMINDER_DAYS;
}

export async function setReminderDays(m: Mutation, days: number[]): Promise<number[]> {
  if (new Set(days).size !== days.length) throw errors.field('reminderDays', 'Các mốc nhắc việc không được trùng nhau.');
  const sorted = [...days].sort((a, b) => b - a);
  const before = await getReminderDays(m.tx, m.tenantId);
  await m.tx.insert(tenantSettings).values({ tenantId: m.tenantId, reminderDays: sorted })
    .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { reminderDays: sorted } });
  await m.audit({ action: 'notify.settings.update', entityType: 'tenant', entityId: m.tenantId, summary: `Nhắc việc trước hạn: ${sorted.join(', ')} ngày`, before: { reminderDays: before }, after: { reminderDays: sorted } });
  return sorted;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new secret feed address for the user; the old one stops working. */
export async function rotateCalendarToken(m: Mutation): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await m.tx.insert(calendarTokens).values({ userId: m.user.id, tenantId: m.tenantId, tokenHash: hash(token) })
    .onConflictDoUpdate({ target: calendarTokens.userId, set: { tokenHash: hash(token), createdAt: new Date() } });
  await m.audit({ action: 'notify.calendar.rotate', entityType: 'user', entityId: m.user.id, summary: 'Tạo địa chỉ lịch mới' });
  return token;
}

/** The feed of the occurrences the token's owner must act on: open or recently due, of the units they work for. */
export async function calendarFeed(db: Db, token: string, today: string, baseUrl: string): Promise<string> {
  // A locked account's address stops working with it.
  const [owner] = await withSystem(db, (tx) => tx.select({ userId: calendarTokens.userId, tenantId: calendarTokens.tenantId }).from(calendarTokens)
    .innerJoin(users, and(eq(users.id, calendarTokens.userId), eq(users.active, true))).where(eq(calendarTokens.tokenHash, hash(token))));
  if (!owner) throw errors.notFound('lịch');
  return withTenant(db, owner.tenantId, async (tx) => {
    const rows = rowsOf<{ id: string; taskId: string; number: string; content: string; label: string; due: string; completed: string | null; updated: Date | null; plan: string; unit: string }>(await tx.execute(sql`
      SELECT o.id, o.task_id AS "taskId", t.number, t.content, o.label, o.due_on::text AS due, o.completed_on::text AS completed,
        coalesce(o.last_update_at, o.created_at) AS updated, p.title AS plan, u.name AS unit
      FROM occurrences o JOIN tasks t ON t.id = o.task_id JOIN plans p ON p.id = o.plan_id AND p.status = 'active' JOIN org_units u ON u.id = o.unit_id
      WHERE o.due_on >= ${addDays(today, -90)}::date
        AND EXISTS (SELECT 1 FROM role_grants g JOIN org_units gu ON gu.id = g.unit_id
          WHERE g.user_id = ${owner.userId} AND g.role IN ('unit_focal', 'division_staff', 'admin') AND u.path LIKE gu.path || '%')
      ORDER BY o.due_on`));
    return buildCalendar('kehoach — Nhiệm vụ của tôi', rows.map((r) => {
      const status = OCCURRENCE_STATUS_LABELS[occurrenceStatus({ dueOn: r.due, completedOn: r.completed, started: false }, today)];
      return {
        uid: `${r.id}@kehoach`, date: r.due, stamp: new Date(r.updated ?? Date.now()),
        summary: `[Hạn] ${r.number ? `${r.number} ` : ''}${r.content} — ${r.label}`,
        description: `Kế hoạch: ${r.plan}\nĐơn vị: ${r.unit}\nHạn: ${formatViDate(r.due)}\nTình hình: ${status}`,
        url: `${baseUrl}/nhiem-vu/${r.taskId}`,
      };
    }));
  });
}
