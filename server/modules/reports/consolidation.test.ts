// The consolidated semi-annual report: drafted from approved unit reports only, edited and saved by the
// reviewing division, read by leadership, produced as Word (checked through LibreOffice) and Excel.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { convertToPdf, hasSoffice } from '../documents/soffice.ts';

let t: TestContext;
let cntt: Client;
let admin: Client;
let leader: Client;
let xanhpon: Client;
let base: string;
const units: Record<string, string> = {};

const report = (beneficiaries: number, spent: number, results: string) => ({
  beneficiaries, monthsPaid: beneficiaries * 5, allowanceSpent: spent, tasksProposed: 2, tasksRewarded: 1, collectivesProposed: 1, collectivesRewarded: 1,
  individualsProposed: 2, individualsRewarded: 1, rewardSpent: 10_000_000, tasksDue: 6, tasksDone: 5, tasksDoneLate: 1, tasksOverdue: 1,
  rewardList: [{ recipient: 'Tổ chuyển đổi số', task: 'Hồ sơ sức khỏe điện tử', amount: 10_000_000 }],
  results, difficulties: 'Thiếu nhân lực chuyên trách về công nghệ thông tin.', proposals: '',
});

beforeAll(async () => {
  t = await testApp();
  [cntt, admin, leader, xanhpon] = await Promise.all(['hn.cntt', 'hn.quantri', 'hn.lanhdao', 'hn.xanhpon'].map((u) => signIn(t.app, u)));
  for (const [k, name] of Object.entries({ cntt: 'Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin', xanhpon: 'Bệnh viện Đa khoa Xanh Pôn', ducgiang: 'Bệnh viện Đa khoa Đức Giang', tim: 'Bệnh viện Tim Hà Nội' })) {
    units[k] = await unitId(cntt, name);
  }
  const created = await cntt.post('/api/report-schedules', {
    title: 'Báo cáo kết quả thực hiện Nghị quyết số 07/2026/NQ-HĐND', templateId: 'builtin:nq07-6-thang', ownerUnitId: units.cntt, periodType: 'half',
    dueRule: { kind: 'dates', dates: ['06-10', '12-10'] }, graceDays: 0, lockDays: 20, assigneeMode: 'list', assigneeUnitIds: [units.xanhpon, units.ducgiang, units.tim], startsOn: '2026-07-01',
  });
  base = `/api/report-schedules/${created.body.id}/periods/2026-H2`;
  for (const [u, values] of [['xanhpon', report(12, 180_000_000, 'Chi trả đủ cho 12 người.')], ['ducgiang', report(8, 96_500_000, 'Hoàn thành danh sách đối tượng.')], ['tim', report(3, 20_000_000, 'Chưa xong')]] as const) {
    const sent = await admin.post(`${base}/units/${units[u]}/submit`, { values });
    if (u !== 'tim') await cntt.post(`/api/report-submissions/${sent.body.id}/review`, { action: 'approve' });
  }
});
afterAll(async () => { await t.close(); });

describe('the consolidated report of the second half of 2026', () => {
  it('is drafted from the approved reports only: sums, a table by unit, texts under unit names, the missing unit named', async () => {
    const { status, body } = await cntt.get(`${base}/consolidation`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ saved: false, issuerParent: 'UBND THÀNH PHỐ HÀ NỘI', issuer: 'SỞ Y TẾ', can: { edit: true } });
    expect(body.basis.approved).toEqual(['Bệnh viện Đa khoa Xanh Pôn', 'Bệnh viện Đa khoa Đức Giang']);
    expect(body.basis.missing).toEqual(['Bệnh viện Tim Hà Nội']);
    const text = JSON.stringify(body.body.blocks);
    expect(text).toContain('số lượng đối tượng hưởng hỗ trợ: 20 người');
    expect(text).toContain('kinh phí đã chi hỗ trợ: 276.500.000 đồng');
    expect(text).toContain('- Bệnh viện Đa khoa Xanh Pôn: Chi trả đủ cho 12 người.');
    expect(text).not.toContain('Chưa xong'); // Tim's report is not approved
    const table = body.body.blocks.find((b: { type: string }) => b.type === 'table');
    expect(table.total).toEqual(['', 'Tổng cộng', '20', '100', '276.500.000']);
  });

  it('is edited and saved by the reviewing division only, and read by leadership', async () => {
    const draft = (await cntt.get(`${base}/consolidation`)).body;
    const edited = { ...draft, number: '125/BC-SYT', issuedOn: '2026-12-15', title: 'Kết quả thực hiện Nghị quyết số 07/2026/NQ-HĐND 6 tháng cuối năm 2026', signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', signer: 'Nguyễn Thị Lan Anh' };
    const fields = { number: edited.number, place: edited.place, issuedOn: edited.issuedOn, title: edited.title, body: edited.body, recipients: edited.recipients, signerTitle: edited.signerTitle, signer: edited.signer };
    expect((await xanhpon.request('PUT', `${base}/consolidation`, fields)).status).toBe(403);
    expect((await xanhpon.get(`${base}/consolidation`)).status).toBe(403);
    const bad = await cntt.request('PUT', `${base}/consolidation`, { ...fields, title: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Trích yếu/);
    const saved = await cntt.request('PUT', `${base}/consolidation`, fields);
    expect(saved.body).toMatchObject({ saved: true, number: '125/BC-SYT', issuedOn: '2026-12-15' });
    expect((await leader.get(`${base}/consolidation`)).body).toMatchObject({ saved: true, signer: 'Nguyễn Thị Lan Anh' });
  });

  const soffice = hasSoffice();
  it.skipIf(!soffice && !process.env.CI)('downloads as a Word document that LibreOffice opens, with diacritics, the figures and the signature', async () => {
    expect(soffice, 'LibreOffice (soffice) is required in CI').toBe(true);
    const res = await t.app.inject({ method: 'GET', url: `${base}/consolidation.docx`, headers: { cookie: leader.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; .*\.docx/);
    const pdf = await convertToPdf(res.rawPayload);
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-consolidation-'));
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-']).toString('utf8').normalize('NFC');
    for (const s of ['UBND THÀNH PHỐ HÀ NỘI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 125/BC-SYT', 'Hà Nội, ngày 15 tháng 12 năm 2026', 'BÁO CÁO',
      'Bệnh viện Đa khoa Đức Giang', '276.500.000', 'Tồn tại, khó khăn, vướng mắc', 'Nơi nhận:', 'PHÓ GIÁM ĐỐC', 'Nguyễn Thị Lan Anh']) expect(text).toContain(s);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'r.pdf')]).toString())![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', join(dir, 'r.pdf'), '-']).toString().trim().split('\n')[0].trim()).toBe('2');
  }, 90_000);

  it('downloads its tables as Excel: one sheet per section with totals, and who reported when', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base}/consolidation.xlsx`, headers: { cookie: cntt.cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('Tình hình gửi báo cáo');
    const allowance = wb.worksheets[0];
    const values = allowance.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(values.find((r) => r[1] === 'Bệnh viện Đa khoa Xanh Pôn')).toEqual([1, 'Bệnh viện Đa khoa Xanh Pôn', 12, 60, 180_000_000]);
    expect(values.find((r) => r[1] === 'Tổng cộng')?.slice(2)).toEqual([20, 100, 276_500_000]);
    const status = wb.getWorksheet('Tình hình gửi báo cáo')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(status.find((r) => r[1] === 'Bệnh viện Tim Hà Nội')?.[2]).toBe('Đã gửi, chờ duyệt');
  });
});
