// Excel: the appendix exported as a document-like sheet, imported back into the same tasks, and a bad sheet refused whole.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let tchc: Client;
let demoId: string;
let owner: string;

beforeAll(async () => {
  t = await testApp();
  tchc = await signIn(t.app, 'hp.tchc');
  owner = await unitId(tchc, 'Phòng Tổ chức - Hành chính');
  demoId = (await tchc.get('/api/plans')).body.items.find((p: { title: string }) => p.title === 'Cải cách hành chính năm 2026').id;
});
afterAll(async () => { await t.close(); });

async function download(client: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
  return { status: res.statusCode, headers: res.headers, buffer: res.rawPayload };
}

async function sheetOf(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

const emptyPlan = async (title: string) =>
  (await tchc.post('/api/plans', { ownerUnitId: owner, issuer: 'Sở Y tế Hải Phòng', title, periodStart: '2026-01-01', periodEnd: '2026-12-31' })).body.id as string;

describe('Excel export', () => {
  it('lays the appendix out like the document: title, header, merged sections, every task', async () => {
    const res = await download(tchc, `/api/plans/${demoId}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Phu luc - Cải cách hành chính năm 2026.xlsx')}`);
    const ws = await sheetOf(res.buffer);
    expect(ws.getCell('A1').value).toBe('SỞ Y TẾ HẢI PHÒNG');
    expect(ws.getCell('A2').value).toBe('PHỤ LỤC');
    expect(ws.getCell('A5').value).toBe('Cải cách hành chính năm 2026');
    expect(ws.getRow(7).values).toEqual([undefined, 'STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm, kết quả', 'Ghi chú']);
    const rows: string[][] = [];
    ws.eachRow((row, n) => { if (n > 7) rows.push((row.values as string[]).slice(1)); });
    const sections = rows.filter((r) => /^[IV]+$/.test(r[0]));
    expect(sections.map((r) => r[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(rows.length - sections.length).toBe(33);
    const sectionRow = 8;
    expect(ws.getCell(`B${sectionRow}`).isMerged).toBe(true);
    expect(rows[2]).toEqual(['2', 'Thực hiện chế độ báo cáo cải cách hành chính', 'Phòng TCHC', 'Các phòng, đơn vị', 'Trước ngày 10 của tháng cuối quý', 'Báo cáo quý/năm', '']);
    expect(ws.pageSetup.printTitlesRow).toBe('7:7');
  });
});

describe('Excel import', () => {
  it('round-trips: export → import into an empty plan → the same sections and tasks', async () => {
    const exported = (await download(tchc, `/api/plans/${demoId}/export.xlsx`)).buffer;
    const target = await emptyPlan('Bản sao phụ lục cải cách hành chính');
    const res = await tchc.upload(`/api/plans/${target}/import`, [{ name: 'phu luc.xlsx', content: exported }]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sections: 7, tasks: 33 });
    const shape = (p: { sections: { id: string; code: string }[]; tasks: Record<string, unknown>[] }) => p.tasks.map((x) => ({
      section: p.sections.find((s) => s.id === x.sectionId)?.code, number: x.number, content: x.content, leadText: x.leadText,
      coordinatorText: x.coordinatorText, deadlineText: x.deadlineText, product: x.product, note: x.note, kind: (x.schedule as { kind: string }).kind,
    }));
    const original = (await tchc.get(`/api/plans/${demoId}`)).body;
    const copy = (await tchc.get(`/api/plans/${target}`)).body;
    expect(copy.sections.map((s: { code: string; title: string }) => [s.code, s.title])).toEqual(original.sections.map((s: { code: string; title: string }) => [s.code, s.title]));
    expect(shape(copy)).toEqual(shape(original));
    // "Các phòng, đơn vị liên quan" names nobody: imported, and reported as a warning to fix.
    expect(res.body.warnings.some((w: string) => w.includes('Các phòng, đơn vị liên quan'))).toBe(true);
  });

  it('reports every bad row and column and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhiệm vụ');
    ws.addRow(['TT', 'Nhiệm vụ cụ thể', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Sản phẩm']);
    ws.addRow(['I', 'CÔNG TÁC CHỈ ĐẠO']);
    ws.addRow(['1', 'Xây dựng kế hoạch', 'Phòng TCHC', '', 'Quý II/2026', 'Kế hoạch']);
    ws.addRow(['2', '', 'Phòng TCHC', '', 'Hằng tháng', '']);
    ws.addRow(['3', 'Báo cáo', '', '', 'Cả năm 2026', '']);
    ws.addRow(['4', 'x'.repeat(5001), 'Phòng TCHC', '', '', '']);
    const target = await emptyPlan('Kế hoạch nhập lỗi');
    const res = await tchc.upload(`/api/plans/${target}/import`, [{ name: 'loi.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) }]);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({
      'Dòng 4, cột Nội dung nhiệm vụ': 'Vui lòng nhập Nội dung nhiệm vụ.',
      'Dòng 5, cột Đơn vị chủ trì': 'Vui lòng nhập Đơn vị chủ trì.',
      'Dòng 6, cột Nội dung nhiệm vụ': 'Nội dung nhiệm vụ không được dài quá 5000 ký tự.',
    });
    const plan = (await tchc.get(`/api/plans/${target}`)).body;
    expect(plan.sections).toEqual([]);
    expect(plan.tasks).toEqual([]);
    // Only the plan's creation is in the audit log: the refused import left no trace.
    const admin = await signIn(t.app, 'hp.quantri');
    expect((await admin.get(`/api/audit/events?entityId=${target}`)).body.items.map((e: { action: string }) => e.action)).toEqual(['plan.create']);
  });

  it('refuses what is not a spreadsheet, and users who may not edit the plan', async () => {
    const target = await emptyPlan('Kế hoạch nhập sai tệp');
    const pdf = await tchc.upload(`/api/plans/${target}/import`, [{ name: 'phu luc.xlsx', content: '%PDF-1.4 giả làm Excel' }]);
    expect(pdf.status).toBe(400);
    expect(pdf.body.details).toEqual({ file: 'Tệp “phu luc.xlsx” không phải bảng tính Excel (.xlsx).' });
    const zip = await tchc.upload(`/api/plans/${target}/import`, [{ name: 'rong.xlsx', content: Buffer.from('PK\x03\x04 khong phai excel') }]);
    expect(zip.body.details).toEqual({ file: 'Tệp không phải bảng tính Excel (.xlsx) đọc được.' });
    const exported = (await download(tchc, `/api/plans/${demoId}/export.xlsx`)).buffer;
    const leader = await signIn(t.app, 'hp.lanhdao');
    expect((await leader.upload(`/api/plans/${target}/import`, [{ name: 'a.xlsx', content: exported }])).status).toBe(403);
    const other = await signIn(t.app, 'dt.vanphong');
    expect((await other.upload(`/api/plans/${target}/import`, [{ name: 'a.xlsx', content: exported }])).status).toBe(404);
    expect((await download(other, `/api/plans/${demoId}/export.xlsx`)).status).toBe(404);
  });
});
