// Official documents: the .docx carries the page set-up of Nghị định 30/2020, prints through LibreOffice as an A4 PDF
// with the header, motto, numbered pages and signature in place, and the Excel tables read back with their formats.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { numberLine, placeAndDate, recipientLines, renderOfficialDocx, type Block, type OfficialDocument } from './official.ts';
import { convertToPdf, hasSoffice } from './soffice.ts';
import { renderWorkbook } from './workbook.ts';

const vi = new Intl.NumberFormat('vi-VN');
const UNITS = ['Ba Đình', 'Hoàn Kiếm', 'Tây Hồ', 'Long Biên', 'Cầu Giấy', 'Đống Đa', 'Hai Bà Trưng', 'Hoàng Mai', 'Thanh Xuân', 'Hà Đông',
  'Bắc Từ Liêm', 'Nam Từ Liêm', 'Sơn Tây', 'Sóc Sơn', 'Đông Anh', 'Gia Lâm', 'Thanh Trì', 'Mê Linh', 'Ba Vì', 'Phúc Thọ', 'Đan Phượng',
  'Hoài Đức', 'Quốc Oai', 'Thạch Thất', 'Chương Mỹ'].map((n) => `Trung tâm Y tế ${n}`);
const people = (i: number) => 1180 + ((i * 379) % 1450);
const money = (i: number) => people(i) * 631_800;
const TOTAL_PEOPLE = UNITS.reduce((a, _, i) => a + people(i), 0);
const TOTAL_MONEY = UNITS.reduce((a, _, i) => a + money(i), 0);

const p = (text: string): Block => ({ type: 'paragraph', text });

/** A semi-annual report of Sở Y tế Hà Nội long enough to run over several pages. */
function sampleReport(): OfficialDocument {
  return {
    issuerParent: 'UBND Thành phố Hà Nội', issuer: 'Sở Y tế', number: '125/BC-SYT', place: 'Hà Nội', issuedOn: '2026-12-05', year: 2026,
    kind: 'Báo cáo',
    title: 'Kết quả thực hiện Nghị quyết số 07/2026/NQ-HĐND\ncủa Hội đồng nhân dân Thành phố 6 tháng đầu năm 2026',
    body: [
      p('Thực hiện Nghị quyết số 07/2026/NQ-HĐND ngày 15 tháng 01 năm 2026 của Hội đồng nhân dân Thành phố quy định chính sách hỗ trợ mức đóng bảo hiểm y tế cho người cao tuổi, người thuộc hộ gia đình cận nghèo và học sinh, sinh viên trên địa bàn Thành phố; Kế hoạch số 45/KH-UBND ngày 20 tháng 02 năm 2026 của Ủy ban nhân dân Thành phố, Sở Y tế báo cáo kết quả thực hiện 6 tháng đầu năm 2026 như sau:'),
      { type: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' },
      { type: 'heading', level: 2, text: '1. Công tác chỉ đạo, điều hành' },
      p('Sở Y tế đã ban hành kế hoạch triển khai, hướng dẫn các Trung tâm Y tế quận, huyện, thị xã rà soát danh sách đối tượng, phối hợp với Bảo hiểm xã hội Thành phố và Ủy ban nhân dân các xã, phường lập danh sách đề nghị hỗ trợ, bảo đảm đúng đối tượng, đủ hồ sơ và công khai tại trụ sở Ủy ban nhân dân cấp xã.\nCác đơn vị đã tổ chức tuyên truyền chính sách trên hệ thống loa truyền thanh cơ sở, trang thông tin điện tử và mạng xã hội; in và phát hành tờ rơi hướng dẫn thủ tục đến từng tổ dân phố, thôn, làng; tổ chức hội nghị tập huấn cho cán bộ y tế xã, phường về quy trình lập danh sách, đối chiếu dữ liệu dân cư và thanh quyết toán kinh phí hỗ trợ.'),
      { type: 'heading', level: 2, text: '2. Kết quả hỗ trợ mức đóng bảo hiểm y tế' },
      p(`Trong 6 tháng đầu năm 2026, toàn Thành phố đã hỗ trợ mức đóng bảo hiểm y tế cho ${vi.format(TOTAL_PEOPLE)} người với tổng kinh phí ${vi.format(TOTAL_MONEY)} đồng từ nguồn ngân sách Thành phố, đạt tỷ lệ giải ngân bình quân 86,4% dự toán được giao. Kết quả cụ thể của từng đơn vị như sau:`),
      {
        type: 'table',
        columns: [{ title: 'STT', width: 0.7, align: 'center' }, { title: 'Đơn vị', width: 3.2 }, { title: 'Số người được hỗ trợ', width: 1.5, align: 'right' },
          { title: 'Kinh phí (đồng)', width: 2, align: 'right' }, { title: 'Tỷ lệ giải ngân (%)', width: 1.4, align: 'right' }],
        rows: UNITS.map((u, i) => [String(i + 1), u, vi.format(people(i)), vi.format(money(i)), `${80 + (i % 9)},${(i * 7) % 10}`]),
        total: ['', 'Tổng cộng', vi.format(TOTAL_PEOPLE), vi.format(TOTAL_MONEY), '86,4'],
      },
      { type: 'heading', level: 2, text: '3. Công tác kiểm tra, giám sát' },
      p('Sở Y tế đã phối hợp với Sở Tài chính, Bảo hiểm xã hội Thành phố tổ chức 06 đoàn kiểm tra việc lập danh sách và sử dụng kinh phí hỗ trợ tại 12 quận, huyện; qua kiểm tra, các đơn vị cơ bản thực hiện đúng quy định, hồ sơ lưu trữ đầy đủ, danh sách được công khai; một số đơn vị còn chậm cập nhật biến động đối tượng và chậm gửi báo cáo định kỳ.'),
      { type: 'heading', level: 1, text: 'II. KHÓ KHĂN, VƯỚNG MẮC' },
      p('Dữ liệu về đối tượng thuộc hộ gia đình cận nghèo thay đổi thường xuyên, việc đối chiếu với Cơ sở dữ liệu quốc gia về dân cư còn mất nhiều thời gian; một số trường hợp đã có thẻ bảo hiểm y tế theo đối tượng khác nên phải loại khỏi danh sách đề nghị hỗ trợ.\nKinh phí hỗ trợ được phân bổ theo quý trong khi danh sách đối tượng biến động hằng tháng, dẫn đến chênh lệch giữa dự toán và số thực chi tại một số đơn vị; đội ngũ cán bộ làm công tác bảo hiểm y tế tại tuyến xã còn kiêm nhiệm nhiều việc.'),
      { type: 'heading', level: 1, text: 'III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026' },
      p('Tiếp tục chỉ đạo các Trung tâm Y tế rà soát, cập nhật danh sách đối tượng hằng tháng, bảo đảm 100% người thuộc diện được hỗ trợ được cấp thẻ bảo hiểm y tế kịp thời; phối hợp với Sở Tài chính tham mưu Ủy ban nhân dân Thành phố bổ sung dự toán cho các đơn vị có số đối tượng tăng.\nĐẩy mạnh ứng dụng công nghệ thông tin trong quản lý danh sách, kết nối dữ liệu với Bảo hiểm xã hội Thành phố; tổ chức sơ kết một năm thực hiện Nghị quyết, đánh giá hiệu quả chính sách và đề xuất sửa đổi, bổ sung mức hỗ trợ phù hợp với tình hình thực tế.'),
      p('Trên đây là báo cáo kết quả thực hiện Nghị quyết số 07/2026/NQ-HĐND 6 tháng đầu năm 2026 của Sở Y tế Hà Nội, kính báo cáo Ủy ban nhân dân Thành phố xem xét, chỉ đạo./.'),
    ],
    recipients: ['UBND Thành phố (để b/c)', 'Sở Tài chính', 'BHXH Thành phố', 'Giám đốc Sở (để b/c)', 'Lưu: VT, QLBHYT&CNTT'],
    signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
    signer: 'Nguyễn Thị Lan Anh',
  };
}

const attr = (xml: string, tag: string, name: string) => xml.match(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`))?.[1];

describe('renderOfficialDocx', () => {
  let files: Record<string, string>;
  let docx: Buffer;
  beforeAll(async () => {
    docx = await renderOfficialDocx(sampleReport());
    files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(docx))).map(([k, v]) => [k, strFromU8(v)]));
  });

  it('sets up an A4 page with the decree margins, Times New Roman, Vietnamese and numbers from page 2', () => {
    const xml = files['word/document.xml'];
    expect([attr(xml, 'w:pgSz', 'w:w'), attr(xml, 'w:pgSz', 'w:h')]).toEqual(['11906', '16838']);
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((a) => attr(xml, 'w:pgMar', a))).toEqual(['1134', '1134', '1701', '850']);
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(files['word/styles.xml']).toMatch(/<w:lang w:val="vi-VN"/);
    expect(xml).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1|on)"\/>/);
    // The default header holds the PAGE field; the first page's header is empty.
    const rels = files['word/_rels/document.xml.rels'];
    const headerOf = (type: string) => {
      const id = xml.match(new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`))?.[1];
      const target = rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))?.[1];
      return files[`word/${target}`];
    };
    expect(headerOf('default')).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(headerOf('first')).not.toMatch(/PAGE/);
  });

  it('writes the body justified with a 1 cm first-line indent and the table with borders and a repeated header', () => {
    const xml = files['word/document.xml'];
    const para = xml.split('<w:p>').find((s) => s.includes('Sở Y tế đã ban hành kế hoạch'))!;
    expect(para).toMatch(/<w:jc w:val="both"\/>/);
    expect(attr(para, 'w:ind', 'w:firstLine')).toBe('567');
    expect(attr(para, 'w:spacing', 'w:before')).toBe('120');
    expect(attr(para, 'w:sz', 'w:val')).toBe('28');
    expect(xml).toMatch(/<w:tblHeader\/>/);
    expect(xml).toMatch(/<w:tblBorders><w:top w:val="single"/);
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Hà Nội, ngày 05 tháng 12 năm 2026', 'PHÓ GIÁM ĐỐC', '- Lưu: VT, QLBHYT&amp;CNTT.']) expect(xml).toContain(text);
  });

  it('writes numbers, dates and recipients as the decree does', () => {
    expect(numberLine('125/BC-SYT')).toBe('Số: 125/BC-SYT');
    expect(numberLine('/BC-SYT')).toBe('Số:      /BC-SYT');
    expect(placeAndDate('Hà Nội', '2026-12-05', 2026)).toBe('Hà Nội, ngày 05 tháng 12 năm 2026');
    expect(placeAndDate('Hà Nội', '2026-02-15', 2026)).toBe('Hà Nội, ngày 15 tháng 02 năm 2026');
    expect(placeAndDate('Hà Nội', '2026-03-09', 2026)).toBe('Hà Nội, ngày 09 tháng 3 năm 2026');
    expect(placeAndDate('Hà Nội', null, 2027)).toBe('Hà Nội, ngày      tháng      năm 2027');
    expect(recipientLines(['Như trên;', '- Sở Tài chính', 'Lưu: VT.'])).toEqual(['- Như trên;', '- Sở Tài chính;', '- Lưu: VT.']);
  });

  // CI installs LibreOffice and must not pass by skipping; a developer without it gets a warning instead.
  const soffice = hasSoffice();
  if (!soffice && !process.env.CI) console.warn('LibreOffice (soffice) is not installed: the PDF check of official documents is skipped.');
  it.skipIf(!soffice && !process.env.CI)('prints as a 3-page A4 PDF with the header, motto, table, signature and page numbers from page 2', async () => {
    expect(soffice, 'LibreOffice (soffice) is required in CI: apt-get install libreoffice-writer poppler-utils').toBe(true);
    const started = Date.now();
    const pdf = await convertToPdf(docx);
    console.info(`soffice converted the sample report in ${Date.now() - started} ms`);
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-doc-test-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, pdf);
      writeFileSync(join(tmpdir(), 'kehoach-official-sample.pdf'), pdf); // kept for a person to look at
      const text = (args: string[]) => execFileSync('pdftotext', ['-layout', ...args, file, '-']).toString('utf8').normalize('NFC');
      const info = execFileSync('pdfinfo', [file]).toString('utf8');
      expect(info).toMatch(/Pages:\s+3\n/);
      const [w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/)!.slice(1).map(Number);
      expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);

      const all = text([]);
      for (const s of ['UBND THÀNH PHỐ HÀ NỘI', 'SỞ Y TẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 125/BC-SYT',
        'Hà Nội, ngày 05 tháng 12 năm 2026', 'BÁO CÁO', 'Nơi nhận:', '- Lưu: VT, QLBHYT&CNTT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC',
        'Nguyễn Thị Lan Anh', 'Trung tâm Y tế Chương Mỹ']) expect(all).toContain(s);
      expect(all).toMatch(new RegExp(`Tổng cộng\\s+${vi.format(TOTAL_PEOPLE).replace(/\./g, '\\.')}\\s+${vi.format(TOTAL_MONEY).replace(/\./g, '\\.')}\\s+86,4`));

      const lines = (page: number) => text(['-f', String(page), '-l', String(page)]).split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines(1)[0]).toMatch(/^UBND THÀNH PHỐ HÀ NỘI\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
      expect(lines(1).filter((l) => /^\d+$/.test(l))).toEqual([]);
      expect(lines(2)[0]).toBe('2');
      expect(lines(3)[0]).toBe('3');
      // The signature block closes the last page: signer title on the right, recipients on the left.
      expect(lines(3).at(-1)).toMatch(/Nguyễn Thị Lan Anh$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('renderWorkbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const buffer = await renderWorkbook([
      {
        name: 'Kinh phí hỗ trợ BHYT', title: 'KẾT QUẢ HỖ TRỢ MỨC ĐÓNG BẢO HIỂM Y TẾ 6 THÁNG ĐẦU NĂM 2026', subtitle: '(Kèm theo Báo cáo số 125/BC-SYT)',
        columns: [{ title: 'STT', width: 6 }, { title: 'Đơn vị', width: 36 }, { title: 'Số người', kind: 'number' }, { title: 'Kinh phí (đồng)', kind: 'money' }, { title: 'Tỷ lệ (%)', kind: 'percent' }],
        rows: UNITS.slice(0, 3).map((u, i) => [String(i + 1), u, people(i), money(i) + 0.4, 85.25]),
        total: [null, 'Tổng cộng', people(0) + people(1) + people(2), money(0) + money(1) + money(2), 85.3],
      },
      { name: 'Kinh phí hỗ trợ BHYT', title: 'Trùng tên', columns: [{ title: 'Ghi chú' }], rows: [['a/b']] },
    ]);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  });

  it('names the sheets, freezes the header row and formats money and percentages', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Kinh phí hỗ trợ BHYT', 'Kinh phí hỗ trợ BHYT (2)']);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('KẾT QUẢ HỖ TRỢ MỨC ĐÓNG BẢO HIỂM Y TẾ 6 THÁNG ĐẦU NĂM 2026');
    expect(ws.getCell('A2').value).toBe('(Kèm theo Báo cáo số 125/BC-SYT)');
    const header = ws.getRow(4);
    expect([1, 2, 3, 4, 5].map((c) => header.getCell(c).value)).toEqual(['STT', 'Đơn vị', 'Số người', 'Kinh phí (đồng)', 'Tỷ lệ (%)']);
    expect(header.getCell(2).font.bold).toBe(true);
    expect(header.getCell(2).font.name).toBe('Times New Roman');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getCell('D5').value).toBe(money(0)); // whole đồng
    expect(ws.getCell('D5').numFmt).toBe('#,##0');
    expect(ws.getCell('E5').numFmt).toBe('0.0');
    expect(ws.getCell('B5').border.left?.style).toBe('thin');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    const total = ws.getRow(8);
    expect([1, 2, 3, 4, 5].map((c) => total.getCell(c).value)).toEqual([null, 'Tổng cộng', people(0) + people(1) + people(2), money(0) + money(1) + money(2), 85.3]);
    expect(total.getCell(4).font.bold).toBe(true);
    expect(total.getCell(4).numFmt).toBe('#,##0');
  });
});
