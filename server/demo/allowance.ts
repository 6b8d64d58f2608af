// Demo of the support allowance (seed 000) for Sở Y tế Hà Nội: the Sở's own staff and two hospitals, from July
// 2026 to the current month, made through the same services the screens use (engine, workflow, adjustments).
// Each month before the current one is proposed, approved and paid; the current month is a draft. Xanh Pôn
// stops one person in October (moved to a clinical department) and pays one back-payment: a September rating
// entered late. Thanh Nhàn has one person refused for a duplicate benefit (Đề án 06 support for the same work).
import { eq, sql } from 'drizzle-orm';
import { monthsBetween } from '../../core/allowance/engine.ts';
import type { Category, Rating } from '../../core/allowance/types.ts';
import { todayInVietnam } from '../../core/schedule/dates.ts';
import { rowsOf, type Tx } from '../db/client.ts';
import { orgUnits, people } from '../db/schema/index.ts';
import { asTenant } from './actors.ts';
import { generateList, setLine } from '../modules/allowance/lists.service.ts';
import { stepList } from '../modules/allowance/list-steps.ts';
import { createAssignment, createBenefit, createPolicy, saveRatings, stopAssignment } from '../modules/allowance/records.service.ts';

type Staff = [fullName: string, category: Category, decisionNo: string, task: string, output: string];

const PAYERS: { key: string | null; it: string; hr: string; finance: string; staff: Staff[] }[] = [
  {
    key: null, it: 'hn.cntt', hr: 'hn.tccb', finance: 'hn.khtc', staff: [
      ['Đặng Hải Yến', 'full_time', '215/QĐ-SYT', 'Tham mưu triển khai chuyển đổi số ngành Y tế; quản trị nền tảng kehoach', 'Báo cáo tiến độ chuyển đổi số hằng tháng; hệ thống vận hành ổn định'],
      ['Nguyễn Tiến Dũng', 'part_time', '215/QĐ-SYT', 'Bảo đảm an toàn thông tin các hệ thống của Sở', 'Hồ sơ đề xuất cấp độ; báo cáo giám sát an toàn thông tin hằng tháng'],
      ['Bùi Đức Thắng', 'part_time', '215/QĐ-SYT', 'Chỉ đạo triển khai bệnh án điện tử tại các bệnh viện trực thuộc', 'Danh sách bệnh viện hoàn thành bệnh án điện tử theo quý'],
      ['Phạm Thu Hà', 'part_time', '216/QĐ-SYT', 'Quản lý văn bản và điều hành số, chữ ký số của cơ quan Sở', 'Tỷ lệ văn bản điện tử ký số đạt 100%'],
    ],
  },
  {
    key: 'xanhpon', it: 'hn.xanhpon', hr: 'hn.xanhpon.tccb', finance: 'hn.xanhpon.ketoan', staff: [
      ['Lý Thị Mai', 'full_time', '1024/QĐ-BVXP', 'Phụ trách triển khai bệnh án điện tử toàn viện', 'Bệnh án điện tử được Sở Y tế công nhận'],
      ['Phan Văn Tú', 'full_time', '1024/QĐ-BVXP', 'Quản trị hệ thống HIS, LIS, PACS và kết nối liên thông', 'Hệ thống vận hành ≥ 99%; dữ liệu liên thông đầy đủ'],
      ['Hà Thị Quỳnh', 'part_time', '1025/QĐ-BVXP', 'Hướng dẫn điều dưỡng sử dụng bệnh án điện tử tại các khoa lâm sàng', '100% điều dưỡng khoa lâm sàng được hướng dẫn'],
    ],
  },
  {
    key: 'thanhnhan', it: 'hn.thanhnhan', hr: 'hn.thanhnhan.tccb', finance: 'hn.thanhnhan.ketoan', staff: [
      ['Đoàn Minh Khôi', 'full_time', '587/QĐ-BVTN', 'Chủ trì chuyển đổi số của bệnh viện, thanh toán không dùng tiền mặt', 'Tỷ lệ thanh toán không dùng tiền mặt tăng theo quý'],
      ['Lương Thị Hạnh', 'part_time', '587/QĐ-BVTN', 'Chuẩn hóa dữ liệu thống kê y tế trên nền tảng số', 'Báo cáo thống kê tự động hằng tháng'],
      ['Trần Quốc Bảo', 'part_time', '588/QĐ-BVTN', 'Triển khai sổ sức khỏe điện tử, căn cước công dân gắn chip (Đề án 06)', 'Dữ liệu khám chữa bệnh đồng bộ lên VNeID'],
    ],
  },
];

const RATING_OF = (name: string, month: string): Rating | null => {
  if (name === 'Phan Văn Tú' && month === '2026-09') return null; // entered late, in October: the back-payment
  if (name === 'Nguyễn Tiến Dũng' && month === '2026-08') return 'not_done';
  return (name.length + Number(month.slice(5))) % 3 === 0 ? 'excellent' : 'good';
};

export async function seedDemoAllowance(tx: Tx, tenantId: string, code: string, now = new Date()): Promise<number> {
  if (code !== 'hanoi') return 0;
  const today = todayInVietnam(now);
  return asTenant(tx, tenantId, async (as) => {
    await as('hn.quantri', (m) => createPolicy(m, {
      effectiveFrom: '2026-07-01', rateFullTime: 3_000_000, ratePartTime: 1_500_000, minRating: 'done', partialMonth: 'by_days', isExample: true,
      legalBasis: 'Nghị quyết số 07/2026/NQ-HĐND ngày 11/5/2026 của HĐND thành phố Hà Nội; Kế hoạch số 225/KH-UBND ngày 11/6/2026',
      note: 'Mức hỗ trợ minh họa: thay bằng mức do Thành phố quy định trước khi chi trả thật.',
    }));
    const units = await tx.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId));
    const root = units.find((u) => u.kind === 'department')!;
    const staffIds = new Map((await tx.select().from(people).where(eq(people.tenantId, tenantId))).map((p) => [p.fullName, p.id]));
    const months = monthsBetween('2026-07', today.slice(0, 7));
    let lines = 0;
    for (const payer of PAYERS) {
      const unitId = payer.key ? units.find((u) => u.name === (payer.key === 'xanhpon' ? 'Bệnh viện Đa khoa Xanh Pôn' : 'Bệnh viện Thanh Nhàn'))!.id : root.id;
      const assignmentOf = new Map<string, string>();
      for (const [name, category, decisionNo, task, output] of payer.staff) {
        const a = await as(payer.hr, (m) => createAssignment(m, unitId, {
          personId: staffIds.get(name)!, decisionNo, decisionDate: '2026-06-25', signer: payer.key ? 'Giám đốc bệnh viện' : 'Giám đốc Sở Y tế', task, output, category,
          jobPosition: category === 'full_time' ? 'Công nghệ thông tin' : 'Kiêm nhiệm chuyển đổi số', startOn: '2026-07-01', endOn: null,
        }));
        assignmentOf.set(name, a.id);
      }
      if (payer.key === 'thanhnhan') {
        await as(payer.hr, (m) => createBenefit(m, unitId, { personId: staffIds.get('Trần Quốc Bảo')!, name: 'Hỗ trợ cán bộ triển khai Đề án 06 của Thành phố', basis: 'Quyết định số 1120/QĐ-UBND', startOn: '2026-07-01', endOn: null, sameWork: true }));
      }
      for (const [i, month] of months.entries()) {
        // Each step on a working day of its month, as a unit would: drafted on the 20th, proposed on the 22nd,
        // approved on the 25th, paid with the next month's salary on the 5th; never later than now.
        const next = monthsBetween(month, '2099-12')[1];
        const day = (d: string, hour: number) => new Date(Math.min(now.getTime(), new Date(`${d}T${String(hour).padStart(2, '0')}:00:00+07:00`).getTime()));
        const late = month === '2026-10' && payer.key === 'xanhpon';
        if (late) await as(payer.hr, (m) => saveRatings(m, unitId, { month: '2026-09', items: [{ personId: staffIds.get('Phan Văn Tú')!, rating: 'good', note: 'Bổ sung kết quả xếp loại tháng 9 (nộp muộn)' }] }));
        if (month === '2026-10' && payer.key === 'xanhpon') {
          await as(payer.hr, (m) => stopAssignment(m, assignmentOf.get('Hà Thị Quỳnh')!, { stoppedOn: '2026-10-15', reason: 'Điều động về Khoa Nội tổng hợp từ 16/10/2026, không còn thực hiện nhiệm vụ chuyển đổi số' }));
        }
        const items = payer.staff.map(([name]) => ({ personId: staffIds.get(name)!, rating: RATING_OF(name, month) })).filter((x): x is { personId: string; rating: Rating } => x.rating !== null);
        await as(payer.hr, (m) => saveRatings(m, unitId, { month, items }));
        let list = await as(payer.it, (m) => generateList(m, unitId, month, day(`${month}-20`, 9)));
        if (i === months.length - 1) break; // the month under way stays a draft
        if (month === '2026-08' && !payer.key) {
          const [line] = rowsOf<{ id: string }>(await tx.execute(sql`SELECT l.id FROM allowance_lines l JOIN people p ON p.id = l.person_id WHERE l.list_id = ${list.id} AND p.full_name = 'Phạm Thu Hà'`));
          list = await as(payer.it, (m) => setLine(m, list.id, line.id, { version: list.version, included: false, reason: 'Nghỉ thai sản cả tháng 8/2026, không trực tiếp thực hiện nhiệm vụ' }, day(`${month}-21`, 9)));
        }
        list = await as(payer.it, (m) => stepList(m, list.id, 'propose', { version: list.version }, day(`${month}-22`, 10)));
        list = await as(payer.hr, (m) => stepList(m, list.id, 'approve', { version: list.version, decisionNo: `${30 + i}/QĐ-${payer.key ? 'BV' : 'SYT'}` }, day(`${month}-25`, 15)));
        const [{ total }] = rowsOf<{ total: string }>(await tx.execute(sql`SELECT coalesce(sum(amount) FILTER (WHERE included), 0) AS total FROM allowance_lines WHERE list_id = ${list.id}`));
        const paidAt = day(`${next}-05`, 10);
        await as(payer.finance, (m) => stepList(m, list.id, 'pay', { version: list.version, payPeriod: `Kỳ lương tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`, paidOn: todayInVietnam(paidAt), amount: Number(total) }, paidAt));
      }
      lines += Number(rowsOf<{ n: string }>(await tx.execute(sql`SELECT count(*) AS n FROM allowance_lines l JOIN allowance_lists s ON s.id = l.list_id WHERE s.unit_id = ${unitId}`))[0].n);
    }
    return lines;
  });
}
