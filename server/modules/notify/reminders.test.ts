// Reminders with two workers and a real SMTP listener: each reminder once, nothing lost across a restart,
// escalation to the owner division, the daily digest, and the user's notifications.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { TEST_NOW } from '../../test/engines.ts';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { createTransport, sendPending } from './mailer.ts';
import { runReminders } from './reminders.ts';

let t: TestContext;
let smtp: SMTPServer;
let port: number;
const inbox: { messageId: string; to: string; subject: string; text: string }[] = [];
let viettiep: Client;
let tchc: Client;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        inbox.push({ messageId: m.messageId ?? '', to: (m.to as { text: string }).text, subject: m.subject ?? '', text: m.text ?? '' });
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
  t = await testApp();
  const admin = await signIn(t.app, 'hp.quantri');
  tchc = await signIn(t.app, 'hp.tchc');
  viettiep = await signIn(t.app, 'hp.viettiep');
  const hospital = await unitId(admin, 'Bệnh viện Hữu nghị Việt Tiệp');
  const owner = await unitId(admin, 'Phòng Tổ chức - Hành chính');
  // Give the hospital's focal point an e-mail address through the person linked to the account.
  const person = (await admin.post('/api/org/people', { unitId: hospital, fullName: 'Cao Xuân Trường', email: 'truong.cx@viettiep.vn' })).body;
  const users = (await admin.get('/api/org/users')).body.items;
  expect((await admin.patch(`/api/org/users/${users.find((u: { username: string }) => u.username === 'hp.viettiep').id}`, { personId: person.id })).status).toBe(200);
  const plan = (await tchc.post('/api/plans', { ownerUnitId: owner, issuer: 'Sở Y tế Hải Phòng', title: 'Kế hoạch nhắc việc', periodStart: '2026-01-01', periodEnd: '2026-12-31' })).body;
  await tchc.post(`/api/plans/${plan.id}/tasks`, { number: '1', content: 'Gửi báo cáo chuyển đổi số quý IV', leadUnitIds: [hospital], deadlineText: 'Trước 26/11/2026' });
  await tchc.post(`/api/plans/${plan.id}/tasks`, { number: '2', content: 'Hoàn thiện hồ sơ số hóa', leadUnitIds: [hospital], deadlineText: 'Trước 20/11/2026' });
  await tchc.post(`/api/plans/${plan.id}/tasks`, { number: '3', content: 'Việc đã quá hạn từ lâu', leadUnitIds: [hospital], deadlineText: 'Trước 01/09/2026' });
  await tchc.post(`/api/plans/${plan.id}/status`, { status: 'active' });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const db = () => t.database.db;
const transport = () => createTransport({ host: '127.0.0.1', port, secure: false, user: undefined, pass: undefined, from: 'kehoach <nhacviec@soyte.vn>' });
const outbox = async () => rowsOf<{ to_address: string; subject: string; message_id: string; status: string }>(await db().execute(sql`SELECT to_address, subject, message_id, status FROM email_outbox ORDER BY created_at`));
const notes = async (client: Client) => (await client.get('/api/notifications')).body;

describe('reminders', () => {
  it('two workers running at once produce each reminder exactly once', async () => {
    const [a, b] = await Promise.all([
      runReminders(db(), TEST_NOW, { email: true, publicUrl: 'https://kehoach.test' }),
      runReminders(db(), TEST_NOW, { email: true, publicUrl: 'https://kehoach.test' }),
    ]);
    expect((await runReminders(db(), TEST_NOW, { email: true })).notifications).toBe(0);
    expect(a.notifications + b.notifications).toBeGreaterThanOrEqual(2);
    const mine = await notes(viettiep);
    const titles = mine.items.map((n: { title: string }) => n.title);
    expect(titles).toContain('Còn 3 ngày đến hạn: 1 Gửi báo cáo chuyển đổi số quý IV');
    expect(titles).toContain('Quá hạn: 2 Hoàn thiện hồ sơ số hóa');
    expect(titles.filter((x: string) => x.includes('Gửi báo cáo chuyển đổi số'))).toHaveLength(1);
    // A week-old overdue task is escalated once; one from September is left alone (no flood after a new deployment).
    expect(titles.some((x: string) => x.includes('Việc đã quá hạn từ lâu'))).toBe(false);
    expect(mine.unread).toBe(mine.items.length);
    const mails = await outbox();
    expect(mails.map((m) => m.to_address)).toEqual(['truong.cx@viettiep.vn', 'truong.cx@viettiep.vn']);
    expect(new Set(mails.map((m) => m.message_id)).size).toBe(2);
  });

  it('escalates an overdue task to the plan’s owner division, and not to the leader', async () => {
    const owner = (await notes(tchc)).items.map((n: { title: string }) => n.title);
    expect(owner).toContain('Bệnh viện Hữu nghị Việt Tiệp chưa hoàn thành nhiệm vụ quá hạn: 2 Hoàn thiện hồ sơ số hóa');
    expect((await notes(await signIn(t.app, 'hp.lanhdao'))).items).toEqual([]);
  });

  it('sends each e-mail once from two concurrent senders, with its Vietnamese subject intact', async () => {
    const [a, b] = await Promise.all([sendPending(db(), transport(), 'kehoach <nhacviec@soyte.vn>'), sendPending(db(), transport(), 'kehoach <nhacviec@soyte.vn>')]);
    expect(a.sent + b.sent).toBe(2);
    expect(inbox).toHaveLength(2);
    expect(inbox.map((m) => m.subject).sort()).toEqual(['[kehoach] Còn 3 ngày đến hạn: 1 Gửi báo cáo chuyển đổi số quý IV', '[kehoach] Quá hạn: 2 Hoàn thiện hồ sơ số hóa']);
    expect(inbox[0].text).toContain('Kính gửi Cao Xuân Trường');
    expect(inbox[0].text).toContain('https://kehoach.test/nhiem-vu/');
    expect((await sendPending(db(), transport(), 'x@y')).sent).toBe(0);
    expect((await outbox()).every((m) => m.status === 'sent')).toBe(true);
  });

  it('loses nothing across a restart, and a mail whose lease expired after a crash goes again with the same Message-ID', async () => {
    // A reminder queued by one process is sent by the next one (a new app on the same database).
    await db().execute(sql`INSERT INTO email_outbox (tenant_id, to_address, subject, body, message_id)
      SELECT tenant_id, 'truong.cx@viettiep.vn', 'Thư chờ gửi', 'Nội dung', '<queued-before-restart@kehoach>' FROM email_outbox LIMIT 1`);
    // A process that crashed after leasing: the lease is still running, so nobody sends it yet…
    await db().execute(sql`INSERT INTO email_outbox (tenant_id, to_address, subject, body, message_id, attempts, locked_until)
      SELECT tenant_id, 'truong.cx@viettiep.vn', 'Thư đang gửi dở', 'Nội dung', '<leased-by-crashed@kehoach>', 1, now() + interval '5 minutes' FROM email_outbox LIMIT 1`);
    await t.app.close();
    const { buildApp } = await import('../../app.ts');
    t.app = await buildApp({ config: t.app.kh.config, database: t.database });
    expect((await sendPending(db(), transport(), 'kehoach <nhacviec@soyte.vn>')).sent).toBe(1);
    expect(inbox.at(-1)?.messageId).toBe('<queued-before-restart@kehoach>');
    // …until the lease runs out.
    await db().execute(sql`UPDATE email_outbox SET locked_until = now() - interval '1 second' WHERE message_id = '<leased-by-crashed@kehoach>'`);
    expect((await sendPending(db(), transport(), 'kehoach <nhacviec@soyte.vn>')).sent).toBe(1);
    expect(inbox.at(-1)?.messageId).toBe('<leased-by-crashed@kehoach>');
    expect(inbox).toHaveLength(4);
  });

  it('keeps e-mail off for those who turned it off, and sends a daily digest to those who chose it', async () => {
    viettiep = await signIn(t.app, 'hp.viettiep');
    expect((await viettiep.request('PUT', '/api/me/notification-prefs', { emailEnabled: true, dailyDigest: true })).status).toBe(200);
    const tomorrow = new Date(TEST_NOW.getTime() + 86_400_000); // 10:00 on 24/11: due in 2 days is not a reminder day, overdue ones repeat not
    await db().execute(sql`UPDATE notifications SET read_at = NULL`);
    const run = await runReminders(db(), tomorrow, { email: true });
    expect(run.emails).toBe(1);
    const digest = (await outbox()).at(-1)!;
    expect(digest.subject).toMatch(/^\[kehoach\] Tổng hợp nhắc việc ngày 24\/11\/2026 \(\d+\)$/);
    expect((await runReminders(db(), tomorrow, { email: true })).emails).toBe(0);
    expect((await viettiep.request('PUT', '/api/me/notification-prefs', { emailEnabled: 'có' })).body.details).toMatchObject({ emailEnabled: 'Gửi nhắc việc qua thư điện tử phải là đúng/sai.' });
    // E-mail turned off: the day-before reminder of 25/11 arrives in the app only.
    await viettiep.request('PUT', '/api/me/notification-prefs', { emailEnabled: false, dailyDigest: false });
    const before = (await outbox()).length;
    const dayBefore = await runReminders(db(), new Date(TEST_NOW.getTime() + 2 * 86_400_000), { email: true });
    expect(dayBefore).toEqual({ notifications: 1, emails: 0 });
    expect((await outbox()).length).toBe(before);
    expect((await notes(viettiep)).items[0].title).toBe('Còn 1 ngày đến hạn: 1 Gửi báo cáo chuyển đổi số quý IV');
  });
});

describe('notifications and settings', () => {
  it('are the user’s own, and can be marked read', async () => {
    tchc = await signIn(t.app, 'hp.tchc'); // the app was rebuilt by the restart test
    const mine = await notes(viettiep);
    const first = mine.items[0];
    expect((await tchc.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    expect((await viettiep.post(`/api/notifications/${first.id}/read`)).status).toBe(200);
    expect((await notes(viettiep)).unread).toBe(mine.unread - 1);
    await viettiep.post('/api/notifications/read-all');
    expect((await notes(viettiep)).unread).toBe(0);
  });

  it('lets the tenant administrator set the reminder days, validated by field', async () => {
    const admin = await signIn(t.app, 'hp.quantri');
    expect((await admin.get('/api/settings/reminders')).body).toEqual({ reminderDays: [7, 3, 1, 0] });
    expect((await admin.request('PUT', '/api/settings/reminders', { reminderDays: [1, 14, 0] })).body).toEqual({ reminderDays: [14, 1, 0] });
    expect((await admin.request('PUT', '/api/settings/reminders', { reminderDays: [3, 3] })).body.details).toEqual({ reminderDays: 'Các mốc nhắc việc không được trùng nhau.' });
    expect((await admin.request('PUT', '/api/settings/reminders', { reminderDays: [90] })).body.details).toEqual({ 'reminderDays.0': 'Số ngày trước hạn phải nhỏ hơn hoặc bằng 60.' });
    expect((await viettiep.request('PUT', '/api/settings/reminders', { reminderDays: [1] })).status).toBe(403);
  });
});
