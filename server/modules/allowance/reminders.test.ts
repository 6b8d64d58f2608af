// Reminders of the monthly list through the reminder job (clock of the job set by the test): IT hears before the
// 25th that the month's list is not proposed, HR hears once that a proposed list waits; nobody hears twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { runReminders } from '../notify/reminders.ts';

let t: TestContext;
const c: Record<string, Client> = {};

beforeAll(async () => {
  t = await testApp();
  for (const n of ['hn.cntt', 'hn.tccb', 'hn.xanhpon', 'hn.thanhnhan.tccb', 'hn.lanhdao']) c[n] = await signIn(t.app, n);
});
afterAll(async () => { await t.close(); });

const allowanceNotes = async (who: string) => ((await c[who].get('/api/notifications')).body.items as { kind: string; title: string; link: string }[]).filter((n) => n.kind.startsWith('allowance.'));
const at = (iso: string) => new Date(`${iso}T08:00:00+07:00`);

describe('reminders of the monthly list', () => {
  it('tells IT of each paying unit the day before the 25th that November’s list is not proposed, once', async () => {
    await runReminders(t.database.db, at('2026-11-24'));
    const notes = await allowanceNotes('hn.cntt');
    expect(notes).toEqual([expect.objectContaining({ kind: 'allowance.before', title: 'Còn 1 ngày đến hạn đề xuất danh sách hỗ trợ tháng 11/2026' })]);
    const root = await unitId(c['hn.lanhdao'], 'Sở Y tế Hà Nội');
    expect(notes[0].link).toBe(`/ho-tro/${root}/2026-11`);
    expect(await allowanceNotes('hn.xanhpon')).toHaveLength(1);
    expect(await allowanceNotes('hn.tccb')).toEqual([]); // HR hears of proposals, not of drafts
    const again = await runReminders(t.database.db, at('2026-11-24'));
    expect(again.notifications).toBe(0);
  });

  it('tells HR once that a proposed list waits, and stops reminding IT of it', async () => {
    const root = await unitId(c['hn.lanhdao'], 'Sở Y tế Hà Nội');
    const list = (await c['hn.cntt'].get(`/api/allowance/units/${root}/lists/2026-11`)).body.list;
    expect((await c['hn.cntt'].post(`/api/allowance/lists/${list.id}/propose`, { version: list.version })).status).toBe(200);
    await runReminders(t.database.db, at('2026-11-25'));
    expect((await allowanceNotes('hn.tccb')).map((n) => n.title)).toEqual(['Danh sách hỗ trợ tháng 11/2026 chờ duyệt']);
    expect((await allowanceNotes('hn.cntt')).map((n) => n.kind)).toEqual(['allowance.before']); // proposed: no "due" reminder
    expect((await allowanceNotes('hn.xanhpon')).map((n) => n.kind).sort()).toEqual(['allowance.before', 'allowance.due']);
    expect(await allowanceNotes('hn.thanhnhan.tccb')).toEqual([]); // Thanh Nhàn's list is still a draft
    await runReminders(t.database.db, at('2026-11-26'));
    expect(await allowanceNotes('hn.tccb')).toHaveLength(1);
  });
});
