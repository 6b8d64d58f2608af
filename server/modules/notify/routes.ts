// Routes of the notify capability: notifications, reminder choices and days, the calendar feed.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { todayInVietnam } from '../../../core/schedule/dates.ts';
import { mutate, read } from '../../http/request.ts';
import { IdParams, Ok, withErrors } from '../../http/schemas.ts';
import { calendarFeed, getPrefs, getReminderDays, listNotifications, markRead, rotateCalendarToken, setPrefs, setReminderDays, type Prefs } from './service.ts';

const tags = ['notify'];
const Notification = Type.Object({
  id: Type.String(), kind: Type.String(), title: Type.String(), body: Type.String(), link: Type.String(),
  createdAt: Type.String(), readAt: Type.Union([Type.String(), Type.Null()]),
});
const PrefsSchema = Type.Object({
  emailEnabled: Type.Boolean({ title: 'Gửi nhắc việc qua thư điện tử' }),
  dailyDigest: Type.Boolean({ title: 'Thư tổng hợp mỗi ngày' }),
});
const ReminderDays = Type.Object({
  reminderDays: Type.Array(Type.Integer({ title: 'Số ngày trước hạn', minimum: 0, maximum: 60 }), { title: 'Các mốc nhắc việc', minItems: 1, maxItems: 6 }),
});

export async function notifyRoutes(app: FastifyInstance) {
  app.get('/api/notifications', {
    schema: { tags, summary: 'Thông báo của tôi (50 mới nhất) và số chưa đọc', response: withErrors({ 200: Type.Object({ items: Type.Array(Notification), unread: Type.Integer() }) }) },
    config: { authz: 'authenticated' },
  }, async (req) => read(req, (tx, user) => listNotifications(tx, user.id)));

  // Marking as read changes only the user's own inbox: a tenant transaction without an audit event.
  app.post('/api/notifications/:id/read', {
    schema: { tags, summary: 'Đánh dấu đã đọc', params: IdParams, response: withErrors({ 200: Ok }) },
    config: { authz: 'authenticated' },
  }, async (req) => {
    await read(req, (tx, user) => markRead(tx, user.id, (req.params as { id: string }).id));
    return { ok: true as const };
  });

  app.post('/api/notifications/read-all', {
    schema: { tags, summary: 'Đánh dấu đã đọc tất cả', response: withErrors({ 200: Ok }) },
    config: { authz: 'authenticated' },
  }, async (req) => {
    await read(req, (tx, user) => markRead(tx, user.id));
    return { ok: true as const };
  });

  app.get('/api/me/notification-prefs', {
    schema: { tags, summary: 'Cài đặt nhắc việc của tôi', response: withErrors({ 200: PrefsSchema }) },
    config: { authz: 'authenticated' },
  }, async (req) => read(req, (tx, user) => getPrefs(tx, user.id)));

  app.put('/api/me/notification-prefs', {
    schema: { tags, summary: 'Đổi cài đặt nhắc việc của tôi', body: PrefsSchema, response: withErrors({ 200: PrefsSchema }) },
    config: { authz: 'authenticated' },
  }, async (req) => mutate(req, (m) => setPrefs(m, req.body as Prefs)));

  app.get('/api/settings/reminders', {
    schema: { tags, summary: 'Các mốc nhắc việc trước hạn của Sở', response: withErrors({ 200: ReminderDays }) },
    config: { authz: 'user.manage', wholeTenant: true },
  }, async (req) => read(req, async (tx) => ({ reminderDays: await getReminderDays(tx, req.session!.tenantId!) })));

  app.put('/api/settings/reminders', {
    schema: { tags, summary: 'Đặt các mốc nhắc việc trước hạn (số ngày; 0 là đúng ngày đến hạn)', body: ReminderDays, response: withErrors({ 200: ReminderDays }) },
    config: { authz: 'user.manage', wholeTenant: true },
  }, async (req) => ({ reminderDays: await mutate(req, (m) => setReminderDays(m, (req.body as { reminderDays: number[] }).reminderDays)) }));

  app.post('/api/calendar/token', {
    schema: { tags, summary: 'Tạo địa chỉ lịch bí mật mới (địa chỉ cũ hết hiệu lực)', response: withErrors({ 200: Type.Object({ url: Type.String() }) }) },
    config: { authz: 'authenticated' },
  }, async (req) => ({ url: `/api/calendar/${await mutate(req, (m) => rotateCalendarToken(m))}.ics` }));

  // Calendar clients cannot log in: the secret in the address is the credential.
  app.get('/api/calendar/:file', {
    schema: {
      tags, summary: 'Lịch iCalendar các nhiệm vụ phải thực hiện (địa chỉ bí mật)',
      params: Type.Object({ file: Type.String({ title: 'Địa chỉ lịch', pattern: '^[A-Za-z0-9_-]{20,100}\\.ics$' }) }),
      response: withErrors({ 200: Type.String({ description: 'text/calendar; charset=utf-8 (RFC 5545)' }) }),
    },
    config: { authz: 'public' },
  }, async (req, reply) => {
    const token = (req.params as { file: string }).file.replace(/\.ics$/, '');
    const base = app.kh.config.publicUrl || `${req.protocol}://${req.headers.host ?? 'localhost'}`;
    const body = await calendarFeed(app.kh.database.db, token, todayInVietnam(app.kh.config.now()), base);
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
  });
}
