// A list's documents: the payroll list finance pays from (Excel) and the approval decision (Word, Nghị định
// 30/2020 layout through the reports' document builder). Both carry what seed 000 II.3 requires every line to
// say: the support is not part of the base for social, health or unemployment insurance nor other allowances.
import { amountInWords } from '../../../core/text/money-words.ts';
import { parts, todayInVietnam } from '../../../core/schedule/dates.ts';
import { formatViNumber } from '../../../core/text/vietnamese.ts';
import type { Block, OfficialDocument } from '../documents/official.ts';
import type { SheetSpec } from '../documents/workbook.ts';
import type { listView } from './list-steps.ts';
import { monthLabel } from './list-steps.ts';

type View = Awaited<ReturnType<typeof listView>>;

export const INSURANCE_NOTE = 'Không tính đóng, hưởng BHXH, BHYT, BHTN và các khoản phụ cấp khác';
const EXAMPLE_NOTE = 'Mức hỗ trợ trong danh sách là số liệu minh họa, chưa phải mức do Thành phố quy định.';

const paidLines = (v: View) => v.lines.filter((l) => l.included);

export function payrollSheets(v: View): SheetSpec[] {
  const rows = paidLines(v).map((l, i) => [
    i + 1, l.personName, l.personTitle, l.unitName, l.decisionNo, l.categoryLabel, l.kind === 'regular' ? l.ratingLabel : `Điều chỉnh tháng ${monthLabel(l.forMonth)}`,
    l.rate, l.amount, [l.kind === 'adjustment' ? l.note : l.daysCovered < l.daysInMonth ? `Hưởng ${l.daysCovered}/${l.daysInMonth} ngày` : '', l.manualReason, INSURANCE_NOTE].filter(Boolean).join('. '),
  ]);
  return [{
    name: `Tháng ${monthLabel(v.month).replace('/', '-')}`,
    title: `DANH SÁCH CHI HỖ TRỢ THÁNG ${monthLabel(v.month)}`,
    subtitle: `${v.unitName} — ${v.statusLabel}${v.decisionNo ? `, Quyết định số ${v.decisionNo}` : ''}${v.policy?.isExample ? `. ${EXAMPLE_NOTE}` : ''}`,
    columns: [
      { title: 'STT', width: 6, kind: 'number' }, { title: 'Họ và tên', width: 26 }, { title: 'Chức danh', width: 22 }, { title: 'Đơn vị', width: 30 },
      { title: 'Quyết định phân công', width: 18 }, { title: 'Hình thức', width: 14 }, { title: 'Xếp loại tháng', width: 24 },
      { title: 'Mức hỗ trợ (đồng/tháng)', width: 16, kind: 'money' }, { title: 'Số tiền (đồng)', width: 16, kind: 'money' }, { title: 'Ghi chú', width: 48 },
    ],
    rows,
    total: [null, 'Tổng cộng', null, null, null, null, null, null, v.totals.total, amountInWords(v.totals.total)],
  }];
}

export interface Issuer {
  parent: string;
  name: string;
  place: string;
}

/** The approval decision (quyết định phê duyệt danh sách) with the list as its table. */
export function approvalDecision(v: View, issuer: Issuer): OfficialDocument {
  const month = monthLabel(v.month);
  const lines = paidLines(v);
  const people = new Set(lines.filter((l) => l.kind === 'regular').map((l) => l.personId)).size;
  const body: Block[] = [
    { type: 'paragraph', text: `Căn cứ ${v.policy?.legalBasis || 'Nghị quyết số 07/2026/NQ-HĐND ngày 11/5/2026 của Hội đồng nhân dân thành phố Hà Nội'};` },
    { type: 'paragraph', text: `Căn cứ các quyết định phân công nhiệm vụ ${[...new Set(lines.map((l) => l.decisionNo).filter(Boolean))].join(', ') || '(chưa ghi số)'} và kết quả đánh giá, xếp loại tháng ${month};` },
    { type: 'paragraph', text: 'Xét đề nghị của bộ phận Công nghệ thông tin và bộ phận Tổ chức cán bộ,' },
    { type: 'heading', text: 'QUYẾT ĐỊNH:', level: 1 },
    { type: 'paragraph', text: `Điều 1. Phê duyệt danh sách ${people} người được hưởng hỗ trợ tháng ${month} của ${v.unitName}, tổng số tiền ${formatViNumber(v.totals.total)} đồng (Bằng chữ: ${amountInWords(v.totals.total)})${v.totals.adjustments ? `, trong đó truy lĩnh, thu hồi các tháng trước ${formatViNumber(v.totals.adjustments)} đồng` : ''}, chi tiết như sau:` },
    {
      type: 'table',
      columns: [{ title: 'STT', width: 1, align: 'center' }, { title: 'Họ và tên', width: 3.4 }, { title: 'Chức danh', width: 2.6 }, { title: 'Hình thức', width: 1.8 }, { title: 'Xếp loại', width: 2.6 }, { title: 'Số tiền (đồng)', width: 2, align: 'right' }],
      rows: lines.map((l, i) => [String(i + 1), l.personName, l.personTitle, l.categoryLabel, l.kind === 'regular' ? l.ratingLabel : `Điều chỉnh tháng ${monthLabel(l.forMonth)}`, formatViNumber(l.amount)]),
      total: ['', 'Tổng cộng', '', '', '', formatViNumber(v.totals.total)],
    },
    { type: 'paragraph', text: `Điều 2. Khoản hỗ trợ không dùng để tính đóng, hưởng chế độ bảo hiểm xã hội bắt buộc, bảo hiểm y tế, bảo hiểm thất nghiệp và các khoản phụ cấp khác theo quy định.${v.policy?.isExample ? ` ${EXAMPLE_NOTE}` : ''}` },
    { type: 'paragraph', text: 'Điều 3. Bộ phận Tổ chức cán bộ, Kế toán, Công nghệ thông tin và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.' },
  ];
  const [year] = parts(`${v.month}-01`);
  return {
    issuerParent: issuer.parent, issuer: issuer.name.toUpperCase(), number: v.decisionNo || '/QĐ', place: issuer.place,
    issuedOn: v.approvedAt ? todayInVietnam(new Date(v.approvedAt)) : null, year,
    kind: 'QUYẾT ĐỊNH', title: `Phê duyệt danh sách đối tượng hưởng hỗ trợ thực hiện nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tháng ${month}`,
    body, recipients: ['Như Điều 3;', 'Lưu: VT, TCCB.'], signerTitle: 'GIÁM ĐỐC', signer: '',
  };
}

export const fileBase = (v: View) => `Danh sách hỗ trợ tháng ${monthLabel(v.month).replace('/', '-')} - ${v.unitName}`.replace(/[\\/:*?"<>|]/g, ' ');
