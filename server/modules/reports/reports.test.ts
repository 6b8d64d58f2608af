// The semi-annual report of seed 000 through the API, on PGlite and on PostgreSQL: schedule, pre-fill,
// validation, submit, return, resubmit, approve, the lock at 23:59 Vietnam time and lock exceptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { TEST_NOW } from '../../test/engines.ts';
import { runReminders } from '../notify/reminders.ts';

let clock = TEST_NOW; // 23/11/2026 10:00 in Hà Nội
let t: TestContext;
let cntt: Client; // Phòng QLBHYT&CNTT: owns and reviews the report (seed 000, tasks 15–16)
let tccb: Client; // another division
let xanhpon: Client; // unit focal point of Bệnh viện Đa khoa Xanh Pôn
let leader: Client;
let admin: Client; // tenant administrator: fills in for units that have no account in the demo
let inspector: Client;
const units: Record<string, string> = {};
let scheduleId: string;

beforeAll(async () => {
  t = await testApp({ now: () => clock });
  [cntt, tccb, xanhpon, leader, admin, inspector] = await Promise.all(['hn.cntt', 'hn.tccb', 'hn.xanhpon', 'hn.lanhdao', 'hn.quantri', 'hn.thanhtra'].map((u) => signIn(t.app, u)));
  for (const [k, name] of Object.entries({ cntt: 'Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin', xanhpon: 'Bệnh viện Đa khoa Xanh Pôn', thanhnhan: 'Bệnh viện Thanh Nhàn', ducgiang: 'Bệnh viện Đa khoa Đức Giang', tim: 'Bệnh viện Tim Hà Nội', cdc: 'Trung tâm Kiểm soát bệnh tật Hà Nội' })) {
    units[k] = await unitId(cntt, name);
  }
});
afterAll(async () => { await t.close(); });

const schedule = (over: Record<string, unknown> = {}) => ({
  title: 'Báo cáo 6 tháng thực hiện Nghị quyết số 07/2026/NQ-HĐND (thử nghiệm)', templateId: 'builtin:nq07-6-thang', ownerUnitId: units.cntt,
  periodType: 'half', dueRule: { kind: 'dates', dates: ['06-10', '12-10'] }, graceDays: 0, lockDays: 20, assigneeMode: 'subordinates', startsOn: '2026-07-01', ...over,
});
const at = (u: string, period = '2026-H2') => `/api/report-schedules/${scheduleId}/periods/${period}/units/${units[u]}`;
const good = {
  beneficiaries: 12, monthsPaid: 60, allowanceSpent: 180_000_000, tasksProposed: 3, tasksRewarded: 2, collectivesProposed: 1, collectivesRewarded: 1,
  individualsProposed: 4, individualsRewarded: 3, rewardSpent: 25_000_000, tasksDue: 10, tasksDone: 8, tasksDoneLate: 1, tasksOverdue: 2,
  rewardList: [{ recipient: 'Khoa Công nghệ thông tin', task: 'Bệnh án điện tử', amount: 15_000_000 }],
  results: 'Chi trả đủ, đúng hạn cho 12 người.', difficulties: 'Chưa có hướng dẫn đánh giá mức độ vượt yêu cầu.', proposals: 'Đề nghị Sở ban hành hướng dẫn.',
};

describe('the demo', () => {
  it('has the semi-annual report of seed 000 owed by Hà Nội’s units: for 2026-H1 some approved, one late, one awaiting review, one missing', async () => {
    const list = (await leader.get('/api/report-schedules')).body.items;
    const demo = list.find((s: { title: string }) => s.title === 'Báo cáo 6 tháng, năm thực hiện Nghị quyết số 07/2026/NQ-HĐND');
    expect(demo.current.period).toMatchObject({ key: '2026-H2', dueOn: '2026-12-10' });
    const { body } = await leader.get(`/api/report-schedules/${demo.id}?period=2026-H1`);
    expect(body.selected.completeness).toMatchObject({ expected: 9, submitted: 8, onTime: 7, approved: 7 });
    const state = Object.fromEntries(body.selected.units.map((u: { unit: { name: string }; state: string; onTime: boolean | null }) => [u.unit.name, [u.state, u.onTime]]));
    expect(state['Trung tâm Cấp cứu 115 Hà Nội']).toEqual(['missing', null]);
    expect(state['Bệnh viện Đa khoa Đức Giang']).toEqual(['approved', false]);
    expect(state['Trung tâm Y tế khu vực Sóc Sơn']).toEqual(['submitted', true]);
    expect(body.selected.period.locked).toBe(true);
    // Over the periods already due (only 2026-H1 on 23/11/2026), each unit's own rates.
    const rates = Object.fromEntries(body.byUnit.map((r: { unitId: string; completeness: { submittedRate: number; onTimeRate: number } }) => [body.selected.units.find((u: { unit: { id: string } }) => u.unit.id === r.unitId).unit.name, [r.completeness.submittedRate, r.completeness.onTimeRate]]));
    expect(rates['Trung tâm Cấp cứu 115 Hà Nội']).toEqual([0, 0]);
    expect(rates['Bệnh viện Đa khoa Đức Giang']).toEqual([100, 0]);
    expect(rates['Bệnh viện Tim Hà Nội']).toEqual([100, 100]);
  });
});

describe('setting up the semi-annual report of seed 000', () => {
  it('refuses a schedule with an impossible due date or from someone who does not own it, naming the field', async () => {
    const bad = await cntt.post('/api/report-schedules', schedule({ dueRule: { kind: 'dates', dates: ['06-10', '02-30'] } }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toContain('dueRule.dates.1');
    expect((await tccb.post('/api/report-schedules', schedule())).status).toBe(403);
    expect((await xanhpon.post('/api/report-schedules', schedule())).status).toBe(403);
  });

  it('is created from the built-in form, owed by every subordinate unit, due 10/12 for the second half', async () => {
    const res = await cntt.post('/api/report-schedules', schedule());
    expect(res.status).toBe(201);
    scheduleId = res.body.id;
    const { body } = await cntt.get(`/api/report-schedules/${scheduleId}`);
    expect(body.schedule).toMatchObject({ rule: '6 tháng, hạn 10/6 và 10/12', owner: { name: 'Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin' } });
    expect(body.selected.period).toMatchObject({ key: '2026-H2', label: '6 tháng cuối năm 2026', dueOn: '2026-12-10', locksAfter: '2026-12-30', locked: false });
    expect(body.selected.completeness).toMatchObject({ expected: 9, submitted: 0, onTime: 0, approved: 0, submittedRate: 0 });
    expect(body.selected.units.map((u: { state: string }) => u.state)).toEqual(Array(9).fill('missing'));
  });

  it('shows a unit its own row only, and a division that does not own it nothing', async () => {
    const mine = (await xanhpon.get(`/api/report-schedules/${scheduleId}`)).body;
    expect(mine.selected.units.map((u: { unit: { name: string } }) => u.unit.name)).toEqual(['Bệnh viện Đa khoa Xanh Pôn']);
    expect(mine).toMatchObject({ canReview: false, canReadConsolidation: false });
    expect((await leader.get(`/api/report-schedules/${scheduleId}`)).body).toMatchObject({ canReview: false, canReadConsolidation: true });
    expect((await tccb.get(`/api/report-schedules/${scheduleId}`)).status).toBe(403);
    expect((await inspector.get(`/api/report-schedules/${scheduleId}`)).body.selected.units).toHaveLength(9);
  });

  it('reminds the units that have not submitted, once a day each', async () => {
    const first = (await cntt.post(`/api/report-schedules/${scheduleId}/periods/2026-H2/remind`, {})).body;
    expect(first.reminded).toEqual(['Bệnh viện Đa khoa Xanh Pôn', 'Bệnh viện Thanh Nhàn']);
    expect(first.noRecipient).toHaveLength(7); // the other hospitals have no focal point's account in the demo
    expect((await cntt.post(`/api/report-schedules/${scheduleId}/periods/2026-H2/remind`, {})).body).toMatchObject({ reminded: [], alreadyToday: 2 });
    const notes = (await xanhpon.get('/api/notifications')).body.items;
    expect(notes.find((n: { title: string }) => n.title.startsWith('Đề nghị gửi báo cáo'))).toMatchObject({ link: `/bao-cao/${scheduleId}/ky/2026-H2/don-vi/${units.xanhpon}` });
  });
});

describe('a unit fills in, the division returns it, the unit resubmits, the division approves', () => {
  it('opens with task counts pre-filled from kehoach and nothing stored yet', async () => {
    const { body } = await xanhpon.get(at('xanhpon'));
    expect(body).toMatchObject({ id: null, state: 'missing', can: { edit: true, review: false }, template: { name: 'Báo cáo 6 tháng, năm thực hiện Nghị quyết số 07/2026/NQ-HĐND' } });
    expect(typeof body.prefill.tasksDue).toBe('number');
    expect(body.prefill.tasksDue).toBeGreaterThanOrEqual(body.prefill.tasksDone);
    expect(body.values).toEqual(body.prefill);
  });

  it('refuses months paid above beneficiaries × 6, negative money and a missing text on submission, naming the fields', async () => {
    const rule = await xanhpon.request('PUT', at('xanhpon'), { values: { beneficiaries: 2, monthsPaid: 13 } });
    expect(rule.status).toBe(400);
    expect(rule.body.details['values.monthsPaid']).toMatch(/số đối tượng × 6/);
    const money = await xanhpon.request('PUT', at('xanhpon'), { values: { allowanceSpent: -5 } });
    expect(money.body.details['values.allowanceSpent']).toMatch(/Kinh phí đã chi hỗ trợ.*không được âm/);
    const missing = await xanhpon.post(`${at('xanhpon')}/submit`, { values: { ...good, results: '  ' } });
    expect(missing.status).toBe(400);
    expect(missing.body.details['values.results']).toBe('Chưa nhập "Kết quả đạt được"');
    expect((await xanhpon.get(at('xanhpon'))).body.id).toBeNull(); // nothing half-written
  });

  it('saves a draft, and keeps other units’ reports out of reach', async () => {
    const draft = await xanhpon.request('PUT', at('xanhpon'), { values: { beneficiaries: 12 } });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ state: 'draft', version: 1, values: { beneficiaries: 12 } });
    expect((await xanhpon.request('PUT', at('thanhnhan'), { values: {} })).status).toBe(403);
    expect((await xanhpon.get(at('thanhnhan'))).status).toBe(403);
    const stale = await xanhpon.request('PUT', at('xanhpon'), { values: { beneficiaries: 13 }, version: 0 });
    expect(stale.status).toBe(409);
  });

  it('submits on time, which only the owner division may review', async () => {
    const sent = await xanhpon.post(`${at('xanhpon')}/submit`, { values: good, version: 1 });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ state: 'submitted', onTime: true, can: { edit: false } });
    expect((await xanhpon.post(`/api/report-submissions/${sent.body.id}/review`, { action: 'approve' })).status).toBe(403);
    expect((await tccb.post(`/api/report-submissions/${sent.body.id}/review`, { action: 'approve' })).status).toBe(403);
    expect((await xanhpon.request('PUT', at('xanhpon'), { values: good })).status).toBe(409);
  });

  it('is returned only with a comment, resubmitted, approved, and then locked', async () => {
    const id = (await cntt.get(at('xanhpon'))).body.id;
    const noComment = await cntt.post(`/api/report-submissions/${id}/review`, { action: 'return', comment: ' ' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.details.comment).toMatch(/nội dung cần đơn vị chỉnh sửa/);
    const returned = await cntt.post(`/api/report-submissions/${id}/review`, { action: 'return', comment: 'Bổ sung danh sách cá nhân được thưởng.' });
    expect(returned.body).toMatchObject({ state: 'returned', reviewComment: 'Bổ sung danh sách cá nhân được thưởng.' });
    clock = new Date('2026-12-12T03:00:00Z'); // resubmitted after the due date: still on time, judged by the first submission
    const again = await xanhpon.post(`${at('xanhpon')}/submit`, { values: { ...good, rewardList: [...good.rewardList, { recipient: 'Nguyễn Văn A', task: 'Bệnh án điện tử', amount: 10_000_000 }] } });
    expect(again.body).toMatchObject({ state: 'submitted', onTime: true });
    const approved = await cntt.post(`/api/report-submissions/${id}/review`, { action: 'approve', comment: '' });
    expect(approved.body).toMatchObject({ state: 'approved', can: { edit: false } });
    expect(approved.body.history.map((h: { action: string }) => h.action)).toEqual(['save', 'submit', 'return', 'resubmit', 'approve']);
    expect((await xanhpon.request('PUT', at('xanhpon'), { values: good })).status).toBe(409);
    expect((await xanhpon.get('/api/notifications')).body.items.map((n: { title: string }) => n.title)).toEqual(expect.arrayContaining(['Báo cáo bị trả lại, cần chỉnh sửa', 'Báo cáo đã được duyệt']));
  });
});

describe('on time and locks at 23:59 on the day in Vietnam', () => {
  it('counts a report sent at 23:59:59 on 10/12 as on time, and one at 00:00 on 11/12 as late', async () => {
    clock = new Date('2026-12-10T16:59:59.000Z');
    expect((await admin.post(`${at('ducgiang')}/submit`, { values: good })).body.onTime).toBe(true);
    clock = new Date('2026-12-10T17:00:00.000Z');
    expect((await admin.post(`${at('thanhnhan')}/submit`, { values: good })).body.onTime).toBe(false);
  });

  it('locks the period after 30/12: no draft can be saved, until leadership reopens it for one unit', async () => {
    clock = new Date('2026-12-30T16:59:59.000Z');
    expect((await admin.request('PUT', at('cdc'), { values: { beneficiaries: 3 } })).status).toBe(200);
    clock = new Date('2026-12-30T17:00:00.000Z');
    const locked = await admin.request('PUT', at('tim'), { values: { beneficiaries: 3 } });
    expect(locked.status).toBe(423);
    expect(locked.body.message).toMatch(/Kỳ báo cáo đã khóa/);
    expect((await cntt.post(`${at('tim')}/reopen`, { reason: 'Đơn vị gửi chậm do sự cố mạng' })).status).toBe(403);
    const reopened = await leader.post(`${at('tim')}/reopen`, { reason: 'Đơn vị gửi chậm do sự cố mạng', days: 5 });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ exception: true, can: { edit: false } }); // the leader reopens; the unit edits
    // After the lock only the unit the period was reopened for is worth reminding.
    const remind = (await cntt.post(`/api/report-schedules/${scheduleId}/periods/2026-H2/remind`, {})).body;
    expect([...remind.reminded, ...remind.noRecipient]).toEqual(['Bệnh viện Tim Hà Nội']);
    const late = await admin.post(`${at('tim')}/submit`, { values: good });
    expect(late.body).toMatchObject({ state: 'submitted', onTime: false });
  });

  it('reopens an approved report for correction, recorded in its history, and approves it again', async () => {
    const reopened = await leader.post(`${at('xanhpon')}/reopen`, { reason: 'Sai số kinh phí đã chi' });
    expect(reopened.body).toMatchObject({ state: 'reopened', exception: true });
    expect(reopened.body.history.at(-1)).toMatchObject({ action: 'reopen', actorName: 'Trần Văn Hưng' });
    const fixed = await xanhpon.post(`${at('xanhpon')}/submit`, { values: { ...good, allowanceSpent: 175_000_000 } });
    expect(fixed.body).toMatchObject({ state: 'submitted', onTime: true, values: { allowanceSpent: 175_000_000 } });
    expect((await cntt.post(`/api/report-submissions/${fixed.body.id}/review`, { action: 'approve' })).body.state).toBe('approved');
    const audit = (await inspector.get('/api/audit/events?q=' + encodeURIComponent('Mở lại kỳ báo cáo'))).body;
    expect(JSON.stringify(audit)).toMatch(/Sai số kinh phí đã chi/);
  });

  it('rolls the period up: 9 expected, 4 submitted, 2 on time, 1 approved', async () => {
    const { body } = await cntt.get(`/api/report-schedules/${scheduleId}?period=2026-H2`);
    expect(body.selected.completeness).toMatchObject({ expected: 9, submitted: 4, onTime: 2, approved: 1, submittedRate: 44.4, onTimeRate: 22.2, approvedRate: 11.1 });
    expect(body.selected.period.locked).toBe(true);
  });
});

describe('reminder job', () => {
  it('reminds the units that owe a report 3 days before its due date, once', async () => {
    const res = await cntt.post('/api/report-schedules', schedule({ title: 'Báo cáo quý (thử nghiệm nhắc việc)', templateId: 'builtin:ket-qua-thuc-hien-ke-hoach', periodType: 'quarter', dueRule: { kind: 'dayOfLastMonth', day: 10 }, assigneeMode: 'list', assigneeUnitIds: [units.xanhpon, units.cdc] }));
    const now = new Date('2027-03-07T01:00:00Z'); // 3 days before 10/3/2027
    const first = await runReminders(t.database.db, now);
    expect(first.notifications).toBeGreaterThanOrEqual(1);
    expect((await runReminders(t.database.db, now)).notifications).toBe(0);
    const titles = (await xanhpon.get('/api/notifications')).body.items.map((n: { title: string }) => n.title);
    expect(titles).toContain('Còn 3 ngày đến hạn gửi báo cáo: Báo cáo quý (thử nghiệm nhắc việc) — Quý I/2027');
    expect(res.status).toBe(201);
    // A schedule no longer in force reminds nobody.
    expect((await xanhpon.patch(`/api/report-schedules/${res.body.id}`, { active: false })).status).toBe(403);
    expect((await cntt.patch(`/api/report-schedules/${res.body.id}`, { active: false })).status).toBe(200);
    expect((await runReminders(t.database.db, new Date('2027-03-09T01:00:00Z'))).notifications).toBe(0);
  });
});
