// Excel: the appendix exported as a document-like sheet, imported back into the same tasks, a hand-typed sheet read, and a bad sheet refused whole.
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

const xlsx = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

const emptyPlan = async (title: string) =>
  (await tchc.post('/api/plans', { ownerUnitId: owner, issuer: 'Sở Y tế Hải Phòng', title, periodStart: '2026-01-01', periodEnd: '2026-12-31' })).body.id as string;

type PlanBody = { sections: { id: string; code: string; title: string }[]; tasks: Record<string, unknown>[] };
/** What an appendix row says, task by task, with the section it sits in and how its deadline was read. */
const shape = (p: PlanBody) => p.tasks.map((x) => ({
  section: p.sections.find((s) => s.id === x.sectionId)?.code, number: x.number, content: x.content, leadText: x.leadText,
  coordinatorText: x.coordinatorText, deadlineText: x.deadlineText, product: x.product, note: x.note, kind: (x.schedule as { kind: string }).kind,
}));

const auditTotal = async (admin: Client) => (await admin.get('/api/audit/events?pageSize=1')).body.total as number;

describe('Excel export', () => {
  it('lays the appendix out like the document: title, header, merged sections, every task, printed on A4 landscape', async () => {
    const res = await download(tchc, `/api/plans/${demoId}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Phu luc - Cai cach hanh chinh nam 2026.xlsx"; filename*=UTF-8''${encodeURIComponent('Phụ lục - Cải cách hành chính năm 2026.xlsx')}`);
    const ws = await sheetOf(res.buffer);
    expect(ws.name).toBe('Phụ lục');
    expect([1, 2, 3, 5].map((n) => ws.getCell(`A${n}`).value)).toEqual(['SỞ Y TẾ HẢI PHÒNG', 'PHỤ LỤC', 'DANH MỤC NHIỆM VỤ', 'Cải cách hành chính năm 2026']);
    expect(ws.getCell('A4').value).toMatch(/^\(Kèm theo Kế hoạch số .+ ngày .+ của Sở Y tế Hải Phòng\)$/);
    expect(ws.getRow(7).values).toEqual([undefined, 'STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm, kết quả', 'Ghi chú']);
    expect(ws.getCell('B7').font).toMatchObject({ name: 'Times New Roman', size: 13, bold: true });
    expect(ws.getCell('B7').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '7:7' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    const rows: { n: number; values: string[] }[] = [];
    ws.eachRow((row, n) => { if (n > 7) rows.push({ n, values: (row.values as string[]).slice(1) }); });
    const sections = rows.filter((r) => /^[IV]+$/.test(r.values[0]));
    expect(sections.map((r) => r.values[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    for (const s of sections) {
      expect(ws.getCell(`G${s.n}`).isMerged && ws.getCell(`G${s.n}`).master.address).toBe(`B${s.n}`);
      expect(ws.getCell(`B${s.n}`).font.bold).toBe(true);
    }
    expect(rows.length - sections.length).toBe(33);
    expect(rows[2].values).toEqual(['2', 'Thực hiện chế độ báo cáo cải cách hành chính', 'Phòng TCHC', 'Các phòng, đơn vị', 'Trước ngày 10 của tháng cuối quý', 'Báo cáo quý/năm', '']);
    expect(ws.getCell(`C${rows[2].n}`).border.left).toEqual({ style: 'thin' });
  });
});

describe('Excel import', () => {
  it('round-trips: export → import into an empty plan → the same sections and tasks', async () => {
    const exported = (await download(tchc, `/api/plans/${demoId}/export.xlsx`)).buffer;
    const target = await emptyPlan('Bản sao phụ lục cải cách hành chính');
    const res = await tchc.upload(`/api/plans/${target}/import`, [{ name: 'phu luc.xlsx', content: exported }]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sections: 7, tasks: 33 });
    const original: PlanBody = (await tchc.get(`/api/plans/${demoId}`)).body;
    const copy: PlanBody = (await tchc.get(`/api/plans/${target}`)).body;
    expect(copy.sections.map((s) => [s.code, s.title])).toEqual(original.sections.map((s) => [s.code, s.title]));
    expect(shape(copy)).toEqual(shape(original));
    // "Các phòng, đơn vị liên quan" names nobody: imported, and reported as a warning to fix.
    expect(res.body.warnings.some((w: string) => w.includes('Các phòng, đơn vị liên quan'))).toBe(true);
  });

  it('reads a sheet typed by hand: other titles and order, title and column-number rows, merged and hand-typed sections, rich text and formulas', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hướng dẫn').addRow(['Điền nhiệm vụ vào trang sau.']);
    const ws = wb.addWorksheet('Nhiệm vụ');
    ws.addRow(['SỞ Y TẾ HẢI PHÒNG']);
    ws.mergeCells('A1:G1');
    ws.addRow([]);
    const header = ['TT', 'Nhiệm vụ và giải pháp', 'Phòng, ban, đơn vị chủ trì thực hiện', 'Phối hợp', 'Kết quả/sản phẩm', 'Thời gian thực hiện/ hoàn thành', 'Ghi chú'];
    ws.addRow(header);
    ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']);
    ws.addRow(['1', 'Rà soát quy chế làm việc', 'Phòng TCHC', '', 'Quy chế', 'Quý II/2026', '']); // before any section
    ws.addRow(['I.', 'CÔNG TÁC CHỈ ĐẠO']);
    ws.addRow([1, { richText: [{ text: 'Xây dựng ' }, { font: { bold: true }, text: 'kế hoạch' }] }, 'Phòng TCHC',
      { formula: '"Các phòng"&", đơn vị"', result: 'Các phòng, đơn vị' }, 'Kế hoạch', new Date(Date.UTC(2026, 0, 10)), '']);
    ws.addRow(header); // repeated after a page break
    ws.addRow(['II. CẢI CÁCH THỂ CHẾ']);
    ws.mergeCells('A10:G10');
    ws.addRow(['1', '  Rà soát \n văn bản  ', { text: 'Phòng TCHC', hyperlink: 'https://soyte.haiphong.gov.vn' }, '', '', 'Cả năm 2026', 'Ghi chú x']);
    ws.addRow(['2']); // numbered in advance, left blank
    const target = await emptyPlan('Kế hoạch nhập từ bảng tự lập');
    const res = await tchc.upload(`/api/plans/${target}/import`, [{ name: 'Nhiệm vụ.XLSX', content: await xlsx(wb) }]);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ sections: 2, tasks: 3, warnings: [] });
    const plan: PlanBody = (await tchc.get(`/api/plans/${target}`)).body;
    expect(plan.sections.map((s) => [s.code, s.title])).toEqual([['I', 'CÔNG TÁC CHỈ ĐẠO'], ['II', 'CẢI CÁCH THỂ CHẾ']]);
    const base = { number: '1', leadText: 'Phòng TCHC', coordinatorText: '', product: '', note: '' };
    expect(shape(plan)).toEqual(expect.arrayContaining([
      { ...base, section: undefined, content: 'Rà soát quy chế làm việc', deadlineText: 'Quý II/2026', product: 'Quy chế', kind: 'quarter' },
      { ...base, section: 'I', content: 'Xây dựng kế hoạch', coordinatorText: 'Các phòng, đơn vị', deadlineText: '10/01/2026', product: 'Kế hoạch', kind: 'date' },
      { ...base, section: 'II', content: 'Rà soát văn bản', deadlineText: 'Cả năm 2026', note: 'Ghi chú x', kind: 'year' },
    ]));
    expect(plan.tasks).toHaveLength(3);
  });

  it('reports every bad row and column and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhiệm vụ');
    ws.addRow(['TT', 'Nhiệm vụ cụ thể', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Sản phẩm']);
    ws.addRow(['I', 'CÔNG TÁC CHỈ ĐẠO']);
    ws.addRow(['1', 'Xây dựng kế hoạch', 'Phòng TCHC', '', 'Quý II/2026', 'Kế hoạch']);
    ws.addRow(['2', '', 'Phòng TCHC', '', 'Hằng tháng', '']);
    ws.addRow(['3', 'Báo cáo', '', '', 'Cả năm 2026', '']);
    ws.addRow(['4', 'x'.repeat(5001), 'Phòng TCHC', '', 'y'.repeat(501), '']);
    ws.addRow(['5', 'Việc không rõ thời hạn', 'Phòng TCHC', '', 'Khi nào xong', '']); // not an error: read as unspecified
    const target = await emptyPlan('Kế hoạch nhập lỗi');
    const admin = await signIn(t.app, 'hp.quantri');
    const before = await auditTotal(admin);
    const res = await tchc.upload(`/api/plans/${target}/import`, [{ name: 'loi.xlsx', content: await xlsx(wb) }]);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_error');
    expect(res.body.details).toEqual({
      'Dòng 4, cột Nội dung nhiệm vụ': 'Vui lòng nhập Nội dung nhiệm vụ.',
      'Dòng 5, cột Đơn vị chủ trì': 'Vui lòng nhập Đơn vị chủ trì.',
      'Dòng 6, cột Nội dung nhiệm vụ': 'Nội dung nhiệm vụ không được dài quá 5000 ký tự.',
      'Dòng 6, cột Thời gian hoàn thành': 'Thời gian hoàn thành không được dài quá 500 ký tự.',
    });
    const plan = (await tchc.get(`/api/plans/${target}`)).body;
    expect(plan.sections).toEqual([]);
    expect(plan.tasks).toEqual([]);
    expect(await auditTotal(admin)).toBe(before); // the refused import left no trace in the audit log
  });

  it('refuses what is not a spreadsheet, one too large, and users who may not edit the plan', async () => {
    const target = await emptyPlan('Kế hoạch nhập sai tệp');
    const pdf = await tchc.upload(`/api/plans/${target}/import`, [{ name: 'phu luc.xlsx', content: '%PDF-1.4 giả làm Excel' }]);
    expect(pdf.status).toBe(400);
    expect(pdf.body.details).toEqual({ file: 'Tệp “phu luc.xlsx” không phải bảng tính Excel (.xlsx).' });
    const zip = await tchc.upload(`/api/plans/${target}/import`, [{ name: 'rong.xlsx', content: Buffer.from('PK\x03\x04 khong phai excel') }]);
    expect(zip.status).toBe(400);
    expect(zip.body.details).toEqual({ file: 'Tệp không phải bảng tính Excel (.xlsx) đọc được.' });
    const noTable = new ExcelJS.Workbook();
    noTable.addWorksheet('Trang 1').addRow(['Danh sách cán bộ']);
    expect((await tchc.upload(`/api/plans/${target}/import`, [{ name: 'khac.xlsx', content: await xlsx(noTable) }])).body.details.file).toMatch(/^Không tìm thấy dòng tiêu đề/);
    const big = await tchc.upload(`/api/plans/${target}/import`, [{ name: 'lon.xlsx', content: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5 * 1024 * 1024)]) }]);
    expect(big.status).toBe(413);
    expect(big.body.message).toBe('Tệp Excel vượt quá 5 MB.');

    const exported = (await download(tchc, `/api/plans/${demoId}/export.xlsx`)).buffer;
    const leader = await signIn(t.app, 'hp.lanhdao');
    expect((await leader.upload(`/api/plans/${target}/import`, [{ name: 'a.xlsx', content: exported }])).status).toBe(403);
    // A unit's focal point manages only its own unit's plans: refused before the file is even read.
    const unit = await signIn(t.app, 'hp.viettiep');
    expect((await unit.upload(`/api/plans/${target}/import`, [{ name: 'a.xlsx', content: 'không phải Excel' }])).status).toBe(403);
    const other = await signIn(t.app, 'dt.vanphong');
    expect((await other.upload(`/api/plans/${target}/import`, [{ name: 'a.xlsx', content: exported }])).status).toBe(404);
    expect((await download(other, `/api/plans/${demoId}/export.xlsx`)).status).toBe(404);
    expect((await tchc.get(`/api/plans/${target}`)).body.tasks).toEqual([]);
  });
});
