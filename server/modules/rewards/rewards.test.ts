// Task rewards of Resolution 07 through the API, on PGlite and PostgreSQL (clock frozen at 23/11/2026): Bệnh viện
// Thanh Nhàn proposes a collective's achievement with evidence, the Sở's IT division returns it, the hospital adds a
// document, the reward is decided; the same achievement proposed again is caught by the register and cannot be
// rewarded twice; the semi-annual report picks the figures up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let hospital: Client; // IT section of Bệnh viện Thanh Nhàn: proposes
let reviewer: Client; // Phòng QLBHYT&CNTT of the Sở
let leader: Client;
let thanhnhan: string;
let firstId: string;

beforeAll(async () => {
  t = await testApp();
  [hospital, reviewer, leader] = await Promise.all(['hn.thanhnhan', 'hn.cntt', 'hn.lanhdao'].map((n) => signIn(t.app, n)));
  thanhnhan = await unitId(leader, 'Bệnh viện Thanh Nhàn');
});
afterAll(async () => { await t.close(); });

const evidence = async (name: string) => (await hospital.upload('/api/files', [{ name, content: `%PDF-1.4 ${name}` }])).body.items[0].id as string;
const proposal = async (over: Record<string, unknown> = {}) => ({
  unitId: thanhnhan, subject: 'collective', collectiveName: 'Phòng Công nghệ thông tin', taskText: 'Triển khai bệnh án điện tử toàn viện',
  title: 'Hoàn thành bệnh án điện tử trước thời hạn 3 tháng', output: 'Bệnh án điện tử được Sở Y tế công nhận ngày 15/9/2026; mô hình được 4 bệnh viện học tập',
  period: '2026-H2', criteria: ['exceeds', 'replicable'], proposedAmount: 20_000_000, fileIds: [await evidence('Quyết định công nhận bệnh án điện tử.pdf')], ...over,
});

describe('a reward proposal', () => {
  it('is refused with the field named when it does not meet the criteria or lacks evidence', async () => {
    expect((await hospital.post('/api/rewards', await proposal({ criteria: ['exceeds'] }))).body.details.criteria).toMatch(/nhân rộng/);
    expect((await hospital.post('/api/rewards', await proposal({ criteria: ['replicable'] }))).body.details.criteria).toMatch(/vượt yêu cầu hoặc có tác động/);
    expect((await hospital.post('/api/rewards', await proposal({ fileIds: [] }))).body.details.fileIds).toMatch(/minh chứng/);
    expect((await hospital.post('/api/rewards', await proposal({ period: '2026-H3' }))).body.details.period).toMatch(/Kỳ không hợp lệ/);
    expect((await hospital.post('/api/rewards', await proposal({ subject: 'individual' }))).body.details.personId).toMatch(/Chọn cá nhân/);
    const xanhpon = await signIn(t.app, 'hn.xanhpon');
    expect((await xanhpon.post('/api/rewards', await proposal())).status).toBe(403); // another hospital cannot propose for this one
  });

  it('goes proposed → returned → resubmitted with a document → rewarded by decision', async () => {
    const res = await hospital.post('/api/rewards', await proposal());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    firstId = res.body.id;
    expect(res.body).toMatchObject({ status: 'proposed', duplicates: [], evidence: [{ name: 'Quyết định công nhận bệnh án điện tử.pdf' }], can: { review: false } });
    expect((await hospital.post(`/api/rewards/${firstId}/review`, { action: 'approve', decisionNo: '1/QĐ', decisionDate: '2026-11-20', amount: 1 })).status).toBe(403);
    expect((await reviewer.post(`/api/rewards/${firstId}/review`, { action: 'return' })).body.details.comment).toBeTruthy();
    const returned = await reviewer.post(`/api/rewards/${firstId}/review`, { action: 'return', comment: 'Bổ sung báo cáo đánh giá hiệu quả nhân rộng' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung báo cáo đánh giá hiệu quả nhân rộng' });
    const again = await hospital.post(`/api/rewards/${firstId}/resubmit`, { fileIds: [await evidence('Báo cáo hiệu quả nhân rộng.pdf')] });
    expect(again.body.status).toBe('proposed');
    expect(again.body.evidence).toHaveLength(2);
    expect((await reviewer.post(`/api/rewards/${firstId}/review`, { action: 'approve', decisionNo: '245/QĐ-SYT', decisionDate: '2026-11-24', amount: 15_000_000 })).body.details.decisionDate).toMatch(/sau hôm nay/);
    const decided = await reviewer.post(`/api/rewards/${firstId}/review`, { action: 'approve', decisionNo: '245/QĐ-SYT', decisionDate: '2026-11-20', amount: 15_000_000 });
    expect(decided.body).toMatchObject({ status: 'approved', decisionNo: '245/QĐ-SYT', decidedAmount: 15_000_000 });
    expect((await reviewer.post(`/api/rewards/${firstId}/review`, { action: 'reject', comment: 'x' })).status).toBe(409);
    expect((await hospital.post(`/api/rewards/${firstId}/resubmit`, {})).status).toBe(409); // decided: nothing to resend
  });

  it('catches the same achievement proposed again, typed differently, and refuses to reward it twice', async () => {
    const res = await hospital.post('/api/rewards', await proposal({ collectiveName: 'phòng công nghệ thông tin', taskText: 'Trien khai benh an dien tu toan vien', period: '2026', title: 'Bệnh án điện tử' }));
    expect(res.body.duplicates).toEqual([expect.objectContaining({ kind: 'reward', status: 'approved', text: expect.stringMatching(/^Đã thưởng theo Quyết định số 245\/QĐ-SYT/) })]);
    const twice = await reviewer.post(`/api/rewards/${res.body.id}/review`, { action: 'approve', decisionNo: '250/QĐ-SYT', decisionDate: '2026-11-21', amount: 5_000_000 });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/đã được khen thưởng.*Không thưởng trùng/);
    const rejected = await reviewer.post(`/api/rewards/${res.body.id}/review`, { action: 'reject', comment: 'Trùng thành tích đã thưởng theo Quyết định số 245/QĐ-SYT' });
    expect(rejected.body).toMatchObject({ status: 'rejected', duplicates: [expect.objectContaining({ text: expect.stringMatching(/245\/QĐ-SYT/) })] });
  });

  it('is listed for whoever may read the unit, and not for another tenant', async () => {
    const items = (await leader.get('/api/rewards')).body.items;
    expect(items.map((i: { status: string }) => i.status).sort()).toEqual(['approved', 'rejected']);
    const other = await signIn(t.app, 'dt.lanhdao');
    expect((await other.get('/api/rewards')).body.items).toEqual([]);
    expect((await other.get(`/api/rewards/${firstId}`)).status).toBe(404);
  });

  it('fills the reward figures of Thanh Nhàn’s semi-annual report and its budget’s spending', async () => {
    const schedule = (await leader.get('/api/report-schedules')).body.items.find((s: { title: string }) => s.title.startsWith('Báo cáo 6 tháng, năm thực hiện Nghị quyết số 07/2026'));
    const { body } = await leader.get(`/api/report-schedules/${schedule.id}/periods/2026-H2/units/${thanhnhan}`);
    expect(body.prefill).toMatchObject({ collectivesProposed: 2, collectivesRewarded: 1, tasksProposed: 0, individualsProposed: 0, rewardSpent: 15_000_000 });
    const budget = (await leader.get(`/api/allowance/units/${thanhnhan}/budget/2026`)).body;
    expect(budget.spent.rewards).toBe(15_000_000);
  });
});
