// The calendar feed, read back by an independent iCalendar parser (ical.js).
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText, fold } from '../../../core/calendar/ical.ts';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let viettiep: Client;
const LONG = 'Tổ chức tập huấn, nâng cao kỹ năng số, kỹ năng xử lý nghiệp vụ hành chính; ưu tiên phương thức "mọi nơi, mọi lúc"';

beforeAll(async () => {
  t = await testApp();
  const tchc = await signIn(t.app, 'hp.tchc');
  viettiep = await signIn(t.app, 'hp.viettiep');
  const hospital = await unitId(tchc, 'Bệnh viện Hữu nghị Việt Tiệp');
  const owner = await unitId(tchc, 'Phòng Tổ chức - Hành chính');
  const plan = (await tchc.post('/api/plans', { ownerUnitId: owner, issuer: 'Sở Y tế Hải Phòng', title: 'Kế hoạch có lịch', periodStart: '2026-07-01', periodEnd: '2026-12-31' })).body;
  await tchc.post(`/api/plans/${plan.id}/tasks`, { number: '5', content: LONG, leadUnitIds: [hospital], deadlineText: 'Hằng tháng' });
  await tchc.post(`/api/plans/${plan.id}/status`, { status: 'active' });
});
afterAll(async () => { await t.close(); });

const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url });

describe('calendar feed', () => {
  it('is a valid iCalendar of the unit’s occurrences, Vietnamese intact after folding', async () => {
    const { url } = (await viettiep.post('/api/calendar/token')).body;
    expect(url).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetchFeed(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('kehoach — Nhiệm vụ của tôi');
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    // Monthly from July, due at each month's end; the feed keeps 90 days back from 23/11/2026.
    expect(events.map((e) => e.startDate.toString())).toEqual(['2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31']);
    expect(events[0].summary).toBe(`[Hạn] 5 ${LONG} — Tháng 8/2026`);
    expect(events[0].startDate.isDate).toBe(true);
    expect(events[0].endDate.toString()).toBe('2026-09-01');
    expect(events[0].uid).toMatch(/^[0-9a-f-]{36}@kehoach$/);
    expect(events[0].description).toContain('Đơn vị: Bệnh viện Hữu nghị Việt Tiệp');
  });

  it('stops answering the old address once a new one is made', async () => {
    const first = (await viettiep.post('/api/calendar/token')).body.url;
    const second = (await viettiep.post('/api/calendar/token')).body.url;
    expect((await fetchFeed(first)).statusCode).toBe(404);
    expect((await fetchFeed(first)).json()).toEqual({ error: 'not_found', message: 'Không tìm thấy lịch.' });
    expect((await fetchFeed(second)).statusCode).toBe(200);
    expect((await fetchFeed('/api/calendar/khong-hop-le.ics')).statusCode).toBe(400);
  });

  it('stops answering when the account is locked', async () => {
    const { url } = (await viettiep.post('/api/calendar/token')).body;
    const admin = await signIn(t.app, 'hp.quantri');
    const user = (await admin.get('/api/org/users')).body.items.find((u: { username: string }) => u.username === 'hp.viettiep');
    expect((await admin.patch(`/api/org/users/${user.id}`, { active: false })).status).toBe(200);
    expect((await fetchFeed(url)).statusCode).toBe(404);
  });
});

describe('iCalendar text', () => {
  it('escapes and folds without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = fold(`SUMMARY:${'ệ'.repeat(40)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`SUMMARY:${'ệ'.repeat(40)}`);
  });
});
