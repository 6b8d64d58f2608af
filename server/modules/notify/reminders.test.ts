// Reminders with two workers and a real SMTP listener: each reminder once, nothing lost across a restart,
// escalation to the owner division, the daily digest, and the user's notifications.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { TEST_NOW } from '../../test/engines.ts';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { sendPending } from './mailer.ts';
import { runReminders } from './reminders.ts';
import { giveEmail, startSmtp, type SmtpListener } from './testing.ts';

let t: TestContext;
let mail: SmtpListener;
let viettiep: Client;
let tchc: Client;

beforeAll(async () => {
  mail = await startSmtp();
  t = await testApp();
  const admin = await signIn(t.app, 'hp.quantri');
  tchc = await signIn(t.app, 'hp.tchc');
  viettiep = await signIn(t.app, 'hp.viettiep');
  const hospital = await unitId(admin, 'Bệnh viện Hữu nghị Việt Tiệp');
  const owner = await unitId(admin, 'Phòng Tổ chức - Hành chính');
  await giveEmail(admin, 'hp.viettiep', hospital, 'Cao Xuân Trường', 'truong.cx@viettiep.vn');
  const plan = (await tchc.post('/api/plans', { ownerUnitId: owner, issuer: 'Sở Y tế Hải Phòng', title: 'Kế hoạch nhắc việc', periodStart: '2026-01-01', periodEnd: '2026-12-31' })).body;
  await tchc.post(`/api/plans/${plan.id}/tasks`, { number: '1', content: 'Gửi báo cáo chuyển đổi số quý IV', leadUnitIds: [hospital], deadlineText: 'Trước 26/11/2026' });
  await tchc.post(`/api/plans/${plan.id}/tasks`, { number: '2', content: 'Hoàn thiện hồ sơ số hóa', leadUnitIds: [hospital], deadlineText: 'Trước 20/11/2026' });
  await tchc.post(`/api/plans/${plan.id}/tasks`, { number: '3', content: 'Việc đã quá hạn từ lâu', leadUnitIds: [hospital], deadlineText: 'Trước 01/09/2026' });
  await tchc.post(`/api/plans/${plan.id}/status`, { status: 'active' });
});
afterAll(async () => {
  await t?.close();
  await mail?.close();
});

const db = () => t.database.db;
const FROM = { from: 'kehoach <nhacviec@soyte.vn>' };
const EMAIL = { emailEnabled: true, publicUrl: 'https://kehoach.test' };
const outbox = async () => rowsOf<{ to_address: string; subject: string; body: string; message_id: string; status: string; attempts: number; last_error: string }>(
  await db().execute(sql`SELECT to_address, subject, body, message_id, status, attempts, last_error FROM email_outbox ORDER BY created_at, message_id`));
const count = async (table: 'notifications' | 'reminder_claims') => rowsOf<{ n: number }>(await db().execute(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0].n;
const itemsReminded = async () => rowsOf<{ n: number }>(await db().execute(sql`SELECT coalesce(sum(item_count), 0)::int AS n FROM notifications WHERE occurrence_id IS NOT NULL`))[0].n;
const notes = async (client: Client) => (await client.get('/api/notifications')).body;
const titles = async (client: Client): Promise<string[]> => (await notes(client)).items.map((n: { title: string }) => n.title);

describe('reminders', () => {
  it('two workers running at once produce each reminder exactly once', async () => {
    const [a, b] = await Promise.all([runReminders(db(), TEST_NOW, EMAIL), runReminders(db(), TEST_NOW, EMAIL)]);
    // Every reminder of every tenant (the demo plans have some too) was made by one worker or the other, never both.
    expect(a.notifications + b.notifications).toBe(await count('notifications'));
    // Each claimed period is in exactly one reminder; several of one unit due the same day share one.
    expect(await count('reminder_claims')).toBe(await itemsReminded());
    expect(await runReminders(db(), TEST_NOW, EMAIL)).toEqual({ notifications: 0, emails: 0 });
    const mine = await titles(viettiep);
    expect(mine).toContain('Còn 3 ngày đến hạn: 1 Gửi báo cáo chuyển đổi số quý IV — Hạn 26/11/2026');
    expect(mine).toContain('Quá hạn: 2 Hoàn thiện hồ sơ số hóa — Hạn 20/11/2026');
    expect(mine.filter((x) => x.includes('Gửi báo cáo chuyển đổi số'))).toHaveLength(1);
    // Overdue since September: left alone (no flood after a new deployment).
    expect(mine.some((x) => x.includes('Việc đã quá hạn từ lâu'))).toBe(false);
    const mails = await outbox();
    expect(mails.map((m) => m.to_address)).toEqual(['truong.cx@viettiep.vn', 'truong.cx@viettiep.vn']);
    expect(a.emails + b.emails).toBe(2);
    expect(mails.map((m) => m.message_id).every((id) => /^<reminder-[0-9a-f-]{36}-[0-9a-f-]{36}-(before-3|overdue)-2026-11-2[06]@kehoach>$/.test(id))).toBe(true);
    const overdue = mails.find((m) => m.subject.includes('Quá hạn'))!;
    expect(overdue.body).toContain('Hạn 20/11/2026 (đã quá 3 ngày) — Kế hoạch nhắc việc');
  });

  it('escalates an overdue task to the plan’s owner division, and not to the leader', async () => {
    expect(await titles(tchc)).toContain('Đơn vị Bệnh viện Hữu nghị Việt Tiệp chưa hoàn thành: 2 Hoàn thiện hồ sơ số hóa — Hạn 20/11/2026');
    expect(await titles(await signIn(t.app, 'hp.lanhdao'))).toEqual([]);
  });

  it('sends each e-mail once from two concurrent senders, with its Vietnamese subject intact', async () => {
    const [a, b] = await Promise.all([sendPending(db(), mail.transport(), FROM), sendPending(db(), mail.transport(), FROM)]);
    expect(a.sent + b.sent).toBe(2);
    expect(mail.inbox).toHaveLength(2);
    expect(mail.inbox.map((m) => m.subject).sort()).toEqual([
      '[kehoach] Còn 3 ngày đến hạn: 1 Gửi báo cáo chuyển đổi số quý IV — Hạn 26/11/2026',
      '[kehoach] Quá hạn: 2 Hoàn thiện hồ sơ số hóa — Hạn 20/11/2026',
    ]);
    expect(mail.inbox.map((m) => m.messageId).sort()).toEqual((await outbox()).map((m) => m.message_id).sort());
    expect(mail.inbox[0].text).toContain('Kính gửi Cao Xuân Trường');
    expect(mail.inbox[0].text).toContain('https://kehoach.test/nhiem-vu/');
    expect(mail.inbox[0].autoSubmitted).toBe('auto-generated');
    expect((await sendPending(db(), mail.transport(), FROM)).sent).toBe(0);
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
    expect((await sendPending(db(), mail.transport(), FROM)).sent).toBe(1);
    expect(mail.inbox.at(-1)?.messageId).toBe('<queued-before-restart@kehoach>');
    // …until the lease runs out.
    await db().execute(sql`UPDATE email_outbox SET locked_until = now() - interval '1 second' WHERE message_id = '<leased-by-crashed@kehoach>'`);
    expect((await sendPending(db(), mail.transport(), FROM)).sent).toBe(1);
    expect(mail.inbox.at(-1)?.messageId).toBe('<leased-by-crashed@kehoach>');
    expect(mail.inbox).toHaveLength(4);
  });

  it('records a refused mail, retries it later, and gives up after five attempts', async () => {
    await db().execute(sql`INSERT INTO email_outbox (tenant_id, to_address, subject, body, message_id)
      SELECT tenant_id, 'reject@viettiep.vn', 'Thư bị từ chối', 'Nội dung', '<refused@kehoach>' FROM email_outbox LIMIT 1`);
    const refused = async () => (await outbox()).find((m) => m.message_id === '<refused@kehoach>')!;
    expect(await sendPending(db(), mail.transport(), FROM)).toEqual({ sent: 0, failed: 1 });
    expect(await refused()).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('550') });
    expect(await sendPending(db(), mail.transport(), FROM)).toEqual({ sent: 0, failed: 0 }); // backing off
    for (let attempt = 2; attempt <= 5; attempt++) {
      await db().execute(sql`UPDATE email_outbox SET locked_until = now() - interval '1 second' WHERE message_id = '<refused@kehoach>'`);
      expect((await sendPending(db(), mail.transport(), FROM)).failed).toBe(1);
    }
    expect(await refused()).toMatchObject({ status: 'failed', attempts: 5 });
    await db().execute(sql`UPDATE email_outbox SET locked_until = NULL WHERE message_id = '<refused@kehoach>'`);
    expect(await sendPending(db(), mail.transport(), FROM)).toEqual({ sent: 0, failed: 0 });
  });

  it('keeps e-mail off for those who turned it off, and sends a daily digest to those who chose it', async () => {
    viettiep = await signIn(t.app, 'hp.viettiep');
    expect((await viettiep.request('PUT', '/api/me/notification-prefs', { emailEnabled: true, dailyDigest: true })).status).toBe(200);
    const tomorrow = new Date(TEST_NOW.getTime() + 86_400_000); // 10:00 on 24/11: due in 2 days is not a reminder day, overdue ones repeat not
    await db().execute(sql`UPDATE notifications SET read_at = NULL`);
    // Before 07:00 in Vietnam the day's digest waits. The in-app reminders are Hà Nội's: the IT of its three paying
    // units hear that November's allowance list is due tomorrow (they have no e-mail address).
    expect(await runReminders(db(), new Date('2026-11-23T23:30:00Z'), EMAIL)).toEqual({ notifications: 3, emails: 0 });
    expect(await runReminders(db(), tomorrow, EMAIL)).toEqual({ notifications: 0, emails: 1 });
    const digest = (await outbox()).find((m) => m.message_id.startsWith('<digest-'))!;
    expect(digest.subject).toBe('[kehoach] Tổng hợp nhắc việc ngày 24/11/2026 (2)');
    expect(digest.message_id).toMatch(/^<digest-[0-9a-f-]{36}-2026-11-24@kehoach>$/);
    expect(digest.body).toContain('• Quá hạn: 2 Hoàn thiện hồ sơ số hóa — Hạn 20/11/2026');
    expect((await runReminders(db(), tomorrow, EMAIL)).emails).toBe(0);
    expect((await viettiep.request('PUT', '/api/me/notification-prefs', { emailEnabled: 'có' })).body.details).toMatchObject({ emailEnabled: 'Gửi nhắc việc qua thư điện tử phải là đúng/sai.' });
    // E-mail turned off: the day-before reminder of 25/11 arrives in the app only.
    await viettiep.request('PUT', '/api/me/notification-prefs', { emailEnabled: false, dailyDigest: false });
    const before = (await outbox()).length;
    const dayBefore = await runReminders(db(), new Date(TEST_NOW.getTime() + 2 * 86_400_000), EMAIL);
    expect(dayBefore).toEqual({ notifications: 1 + 3, emails: 0 }); // and Hà Nội's three allowance lists fall due that day
    expect((await outbox()).length).toBe(before);
    expect((await notes(viettiep)).items[0].title).toBe('Còn 1 ngày đến hạn: 1 Gửi báo cáo chuyển đổi số quý IV — Hạn 26/11/2026');
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

describe('reminders of many periods due the same day', () => {
  it('come as one reminder per unit, kind and due date, naming the first tasks and linking to the unit’s tab', async () => {
    const admin = await signIn(t.app, 'hp.quantri');
    // The days set back to the default (the test above changed them).
    expect((await admin.request('PUT', '/api/settings/reminders', { reminderDays: [7, 3, 1, 0] })).status).toBe(200);
    const hospital = await unitId(admin, 'Bệnh viện Hữu nghị Việt Tiệp');
    const owner = await unitId(admin, 'Phòng Tổ chức - Hành chính');
    const plan = (await tchc.post('/api/plans', { ownerUnitId: owner, issuer: 'Sở Y tế Hải Phòng', title: 'Kế hoạch cuối năm', periodStart: '2026-01-01', periodEnd: '2026-12-31' })).body;
    const names = ['Rà soát danh mục dịch vụ công', 'Cập nhật hồ sơ sức khỏe điện tử', 'Báo cáo an toàn thông tin', 'Tổng kết phong trào thi đua'];
    for (const [i, content] of names.entries()) {
      expect((await tchc.post(`/api/plans/${plan.id}/tasks`, { number: String(i + 1), content, leadUnitIds: [hospital], deadlineText: 'Trước 04/12/2026' })).status).toBe(201);
    }
    expect((await tchc.post(`/api/plans/${plan.id}/status`, { status: 'active' })).status).toBe(200);
    const claimsBefore = await count('reminder_claims');
    expect((await viettiep.request('PUT', '/api/me/notification-prefs', { emailEnabled: true, dailyDigest: false })).status).toBe(200);
    // 27/11: the four periods fall due in 7 days.
    await runReminders(db(), new Date(TEST_NOW.getTime() + 4 * 86_400_000), EMAIL);
    const mine = (await notes(viettiep)).items as { title: string; body: string; link: string }[];
    const group = mine.filter((n) => n.title.startsWith('Còn 7 ngày đến hạn'));
    expect(group).toHaveLength(1);
    expect(group[0].title).toBe('Còn 7 ngày đến hạn: 4 nhiệm vụ của Bệnh viện Hữu nghị Việt Tiệp');
    expect(group[0].body).toBe('Hạn 04/12/2026 — 1 Rà soát danh mục dịch vụ công; 2 Cập nhật hồ sơ sức khỏe điện tử; 3 Báo cáo an toàn thông tin và 1 nhiệm vụ khác');
    expect(group[0].link).toBe(`/nhiem-vu-don-vi?don-vi=${hospital}&xem=sap-den-han`);
    // One e-mail for the four, with the same words and an absolute link to the unit's tab.
    const mails = (await outbox()).filter((m) => m.subject.includes('Còn 7 ngày đến hạn'));
    expect(mails.map((m) => m.subject)).toEqual(['[kehoach] Còn 7 ngày đến hạn: 4 nhiệm vụ của Bệnh viện Hữu nghị Việt Tiệp']);
    expect(mails[0].body).toContain(`Xem và cập nhật tiến độ: https://kehoach.test/nhiem-vu-don-vi?don-vi=${hospital}&xem=sap-den-han`);
    expect(mails[0].body).toContain('và 1 nhiệm vụ khác');
    // Each period still claimed once, so a second run reminds of none of them again.
    expect(await count('reminder_claims') - claimsBefore).toBeGreaterThanOrEqual(4);
    expect(await count('reminder_claims')).toBe(await itemsReminded());
    await runReminders(db(), new Date(TEST_NOW.getTime() + 4 * 86_400_000), EMAIL);
    expect((await outbox()).filter((m) => m.subject.includes('Còn 7 ngày đến hạn'))).toHaveLength(1);
    expect(((await notes(viettiep)).items as { title: string }[]).filter((n) => n.title.startsWith('Còn 7 ngày đến hạn'))).toHaveLength(1);

    // 06/12: two days overdue. The hospital hears of the four once, linked to its "Quá hạn" tab; the plan's
    // owner division once, as an escalation naming the hospital.
    await runReminders(db(), new Date(TEST_NOW.getTime() + 13 * 86_400_000), { emailEnabled: false });
    const late = ((await notes(viettiep)).items as { title: string; body: string; link: string }[]).filter((n) => n.title.startsWith('Quá hạn: 4 nhiệm vụ'));
    expect(late).toEqual([expect.objectContaining({
      title: 'Quá hạn: 4 nhiệm vụ của Bệnh viện Hữu nghị Việt Tiệp', link: `/nhiem-vu-don-vi?don-vi=${hospital}&xem=qua-han`,
    })]);
    expect(late[0].body).toMatch(/^Hạn 04\/12\/2026 \(đã quá 2 ngày\) — 1 Rà soát danh mục dịch vụ công; /);
    expect((await titles(tchc)).filter((x) => x === 'Đơn vị Bệnh viện Hữu nghị Việt Tiệp chưa hoàn thành: 4 nhiệm vụ')).toHaveLength(1);
    expect(await count('reminder_claims')).toBe(await itemsReminded());
  });
});
