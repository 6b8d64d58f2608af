// The year in money for Bệnh viện Đa khoa Xanh Pôn on the demo (clock frozen at 23/11/2026): the estimate from its
// assignments and the (example) policy, the reward fund and an adjustment set by finance, spending from the paid
// lists against it, and the settlement per person and month, also as Excel.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let leader: Client;
let finance: Client;
let xanhpon: string;

beforeAll(async () => {
  t = await testApp();
  [leader, finance] = await Promise.all(['hn.lanhdao', 'hn.xanhpon.ketoan'].map((n) => signIn(t.app, n)));
  xanhpon = await unitId(leader, 'Bệnh viện Đa khoa Xanh Pôn');
});
afterAll(async () => { await t.close(); });

const path = (what = 'budget') => `/api/allowance/units/${xanhpon}/${what}/2026`;
const OCTOBER = 3_000_000 + 3_000_000 + Math.round(1_500_000 * 15 / 31);

describe('the budget of 2026', () => {
  it('estimates the allowance from the assignments month by month and counts what the paid lists spent', async () => {
    const b = (await leader.get(path())).body;
    expect(b.isExample).toBe(true);
    expect(b.months.slice(0, 6).every((m: { amount: number }) => m.amount === 0)).toBe(true); // before 01/7/2026
    expect(b.months.slice(6).map((m: { amount: number }) => m.amount)).toEqual([7_500_000, 7_500_000, 7_500_000, 6_725_806, 6_000_000, 6_000_000]);
    expect(b.months.slice(6).map((m: { spent: number }) => m.spent)).toEqual([7_500_000, 7_500_000, 4_500_000, OCTOBER + 3_000_000, 0, 0]);
    expect(b.estimate).toEqual({ allowance: 41_225_806, rewardFund: 0, adjustments: 0, total: 41_225_806 });
    expect(b.spent).toEqual({ allowance: 29_225_806, rewards: 0, total: 29_225_806 });
  });

  it('takes the reward fund and adjustments from finance only, the field named when wrong', async () => {
    const it_ = await signIn(t.app, 'hn.xanhpon');
    expect((await it_.request('PUT', path(), { rewardFund: 20_000_000 })).status).toBe(403);
    expect((await finance.request('PUT', path(), { rewardFund: -1 })).body.details.rewardFund).toBeTruthy();
    expect((await finance.post(`${path()}/adjustments`, { amount: 0, reason: 'x' })).body.details.amount).toMatch(/khác 0/);
    expect((await finance.post(`${path()}/adjustments`, { amount: 5_000_000 })).body.details.reason).toBeTruthy();
    expect((await finance.request('PUT', path(), { rewardFund: 20_000_000, note: 'Theo Quyết định giao dự toán số 12/QĐ-SYT' })).status).toBe(200);
    const b = (await finance.post(`${path()}/adjustments`, { amount: 5_000_000, reason: 'Bổ sung dự toán cho 2 người kiêm nhiệm từ tháng 12', decisionNo: '88/QĐ-SYT' })).body;
    expect(b.estimate).toEqual({ allowance: 41_225_806, rewardFund: 20_000_000, adjustments: 5_000_000, total: 66_225_806 });
    expect(b.remaining).toBe(66_225_806 - 29_225_806);
    expect(b.adjustmentItems).toEqual([expect.objectContaining({ amount: 5_000_000, decisionNo: '88/QĐ-SYT', createdByName: 'Đinh Văn Long' })]);
  });
});

describe('the settlement of 2026', () => {
  it('gives each person’s paid money by the month of the list that paid it, back-payments included', async () => {
    const s = (await leader.get(path('settlement'))).body;
    expect(s.items.map((p: { name: string }) => p.name)).toEqual(['Lý Thị Mai', 'Hà Thị Quỳnh', 'Phan Văn Tú']);
    const tu = s.items.find((p: { name: string }) => p.name === 'Phan Văn Tú');
    expect(tu.months.slice(6, 10)).toEqual([3_000_000, 3_000_000, 0, 6_000_000]);
    expect(tu).toMatchObject({ adjustments: 3_000_000, total: 12_000_000 });
    expect(s.total).toBe(29_225_806);
    expect(s.lists.map((l: { month: string; status: string }) => `${l.month} ${l.status}`)).toEqual(['2026-07 paid', '2026-08 paid', '2026-09 paid', '2026-10 paid', '2026-11 draft']);
  });

  it('downloads as Excel with a column per month and the total', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${path('settlement')}/xlsx`, headers: { cookie: leader.cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header.slice(3, 5)).toEqual(['T1', 'T2']);
    expect(header.at(-1)).toBe('Cộng');
    expect(rows.at(-1)!.at(-1)).toBe(29_225_806);
  });
});
