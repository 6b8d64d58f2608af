// The allowance's documents and the semi-annual figures, on the demo's paid October of Bệnh viện Đa khoa Xanh Pôn
// (clock frozen at 23/11/2026): the Excel payroll read back, the Word approval decision opened by LibreOffice,
// and the semi-annual report of seed 000 pre-filled from the paid lists.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { convertToPdf, hasSoffice } from '../documents/soffice.ts';

let t: TestContext;
let leader: Client;
let xanhpon: string;
let listId: string;

beforeAll(async () => {
  t = await testApp();
  leader = await signIn(t.app, 'hn.lanhdao');
  xanhpon = await unitId(leader, 'Bệnh viện Đa khoa Xanh Pôn');
  listId = (await leader.get(`/api/allowance/units/${xanhpon}/lists/2026-10`)).body.list.id;
});
afterAll(async () => { await t.close(); });

const download = (path: string) => t.app.inject({ method: 'GET', url: path, headers: { cookie: leader.cookie } });

describe('the payroll list and the approval decision', () => {
  it('downloads the payroll as Excel: every paid line with its decision, rating, amount and the insurance note', async () => {
    const res = await download(`/api/allowance/lists/${listId}/payroll.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((c) => (c && typeof c === 'object' && 'result' in c ? (c as { result: unknown }).result : c)));
    expect(rows[0][0]).toBe('DANH SÁCH CHI HỖ TRỢ THÁNG 10/2026');
    expect(rows[1][0]).toMatch(/Bệnh viện Đa khoa Xanh Pôn — Đã chi trả, Quyết định số .*minh họa/);
    const header = rows.findIndex((r) => r[0] === 'STT');
    expect(rows[header]).toEqual(['STT', 'Họ và tên', 'Chức danh', 'Đơn vị', 'Quyết định phân công', 'Hình thức', 'Xếp loại tháng', 'Mức hỗ trợ (đồng/tháng)', 'Số tiền (đồng)', 'Ghi chú']);
    const quynh = rows.find((r) => r[1] === 'Hà Thị Quỳnh')!;
    expect(quynh.slice(4, 9)).toEqual(['1025/QĐ-BVXP', 'Kiêm nhiệm', expect.any(String), 1_500_000, 725_806]);
    expect(quynh[9]).toBe('Hưởng 15/31 ngày. Không tính đóng, hưởng BHXH, BHYT, BHTN và các khoản phụ cấp khác');
    const back = rows.find((r) => r[1] === 'Phan Văn Tú' && String(r[6]).startsWith('Điều chỉnh'))!;
    expect(back[8]).toBe(3_000_000);
    expect(String(back[9])).toMatch(/^Truy lĩnh tháng 09\/2026/);
    const total = rows.at(-1)!;
    expect(total[1]).toBe('Tổng cộng');
    expect(total[8]).toBe(9_725_806);
    expect(total[9]).toBe('Chín triệu bảy trăm hai mươi lăm nghìn tám trăm linh sáu đồng');
  });

  const soffice = hasSoffice();
  it.skipIf(!soffice && !process.env.CI)('downloads the approval decision as Word that LibreOffice opens: Nghị định 30 header, the list, the amount in words, the insurance article', async () => {
    const res = await download(`/api/allowance/lists/${listId}/decision.docx`);
    expect(res.statusCode).toBe(200);
    const pdf = await convertToPdf(res.rawPayload);
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-qd-'));
    writeFileSync(join(dir, 'qd.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'qd.pdf'), '-']).toString('utf8').normalize('NFC').replace(/[ \t]+/g, ' ');
    const flat = text.replace(/\s+/g, ' '); // sentences wrap across lines
    expect(text).toContain('SỞ Y TẾ HÀ NỘI');
    expect(text).toMatch(/BỆNH VIỆN ĐA\b.*\n\s*KHOA XANH PÔN/); // two balanced lines, not one word left alone on the second
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(flat).toMatch(/Phê duyệt danh sách 3 người được hưởng hỗ trợ tháng 10\/2026/);
    expect(flat).toContain('Chín triệu bảy trăm hai mươi lăm nghìn tám trăm linh sáu đồng');
    expect(text).toContain('Hà Thị Quỳnh');
    expect(text).toContain('9.725.806');
    expect(flat).toMatch(/không dùng để tính đóng, hưởng chế độ bảo hiểm xã hội/);
    expect(text).toContain('GIÁM ĐỐC');
  });

  it('is refused to another tenant', async () => {
    const other = await signIn(t.app, 'dt.lanhdao');
    const res = await t.app.inject({ method: 'GET', url: `/api/allowance/lists/${listId}/payroll.xlsx`, headers: { cookie: other.cookie } });
    expect(res.statusCode).toBe(404); // Đồng Tháp's leader holds allowance.read, but the list is not in its tenant
  });
});

describe('the semi-annual report of seed 000', () => {
  it('pre-fills beneficiaries, person-months and money from the paid lists of the half-year', async () => {
    const figures = (await leader.get(`/api/allowance/units/${xanhpon}/figures?from=2026-07-01&to=2026-12-31`)).body;
    // July–October paid: 3 people in July, August; Tú's September came as October's back-payment; Quỳnh 15/31 of October.
    expect(figures).toEqual({ beneficiaries: 3, months: 12, amount: 7_500_000 * 2 + 4_500_000 + 9_725_806 });
    const first = (await leader.get(`/api/allowance/units/${xanhpon}/figures?from=2026-01-01&to=2026-06-30`)).body;
    expect(first).toEqual({ beneficiaries: 0, months: 0, amount: 0 });
  });

  it('is what the demo’s draft of Xanh Pôn for the second half carries', async () => {
    const schedule = (await leader.get('/api/report-schedules')).body.items.find((s: { title: string }) => s.title.startsWith('Báo cáo 6 tháng, năm thực hiện Nghị quyết số 07/2026'));
    const { body } = await leader.get(`/api/report-schedules/${schedule.id}/periods/2026-H2/units/${xanhpon}`);
    expect(body.state).toBe('draft');
    expect(body.values).toMatchObject({ beneficiaries: 3, monthsPaid: 12, allowanceSpent: 29_225_806 });
  });

  it('opens Bệnh viện Thanh Nhàn’s report for the second half of 2026 with the paid figures filled in', async () => {
    const schedule = (await leader.get('/api/report-schedules')).body.items.find((s: { title: string }) => s.title.startsWith('Báo cáo 6 tháng, năm thực hiện Nghị quyết số 07/2026'));
    const thanhnhan = await unitId(leader, 'Bệnh viện Thanh Nhàn');
    const { body } = await leader.get(`/api/report-schedules/${schedule.id}/periods/2026-H2/units/${thanhnhan}`);
    // July–October paid, two people each month (Trần Quốc Bảo is refused for a duplicate benefit): 3.000.000 + 1.500.000.
    expect(body.prefill).toMatchObject({ beneficiaries: 2, monthsPaid: 8, allowanceSpent: 4 * 4_500_000 });
  });
});
