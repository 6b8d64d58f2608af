// Demo of emulation and commendation for Sở Y tế Hà Nội (seed 001, Kế hoạch 3764/KH-SYT): the 2025–2030 movement
// with its two phases, criteria and award forms; the 2025 annual round decided by the Director (and one Bằng khen
// of the city recorded after it was forwarded, one nomination the council did not pass); the 2026 round under way;
// the hospitals' block scored for 2025 and 2026; and the annual report due before 30/11.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { DocKind, FormCode } from '../../core/emulation/forms.ts';
import { EMULATION_ANNUAL } from '../../core/reports/template.ts';
import { isOnTime, periodOf, type ScheduleRule } from '../../core/reports/periods.ts';
import { todayInVietnam } from '../../core/schedule/dates.ts';
import type { Tx } from '../db/client.ts';
import { emulationCriteria, files, orgUnits, people, reportSchedules, reportSubmissions, reportTemplates } from '../db/schema/index.ts';
import type { Mutation } from '../http/request.ts';
import { createBlock, setScore } from '../modules/emulation/blocks.service.ts';
import { decide } from '../modules/emulation/decisions.service.ts';
import { createMovement, register } from '../modules/emulation/movements.service.ts';
import { createNomination, submitNomination } from '../modules/emulation/nominations.service.ts';
import { checkNomination, forwardNomination, recordHigherDecision, recordVote, returnNomination } from '../modules/emulation/review.service.ts';
import { blobPath } from '../modules/files/service.ts';
import { asTenant } from './actors.ts';

const NAME = 'Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” giai đoạn 2025 - 2030 trong Ngành Y tế';

const CRITERIA = [
  ['collective', 'Nội bộ đoàn kết, gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước', 10, 'manual'],
  ['collective', 'Hoàn thành có chất lượng, đúng hạn các nhiệm vụ, giải pháp được giao tại Nghị quyết số 57, Nghị quyết số 71, Kế hoạch số 139 và các kế hoạch của Sở', 30, 'tasks_on_time'],
  ['collective', 'Gửi báo cáo kết quả thực hiện đúng hạn (báo cáo phong trào trước ngày 30/11 hằng năm và các báo cáo định kỳ)', 15, 'reports_on_time'],
  ['collective', 'Đạt, vượt các chỉ tiêu cụ thể về chuyển đổi số được giao', 15, 'targets_met'],
  ['collective', 'Khắc phục kịp thời các tồn tại sau kiểm tra, giám sát', 10, 'findings_closed'],
  ['collective', 'Có nhiều sáng kiến, giải pháp, mô hình chuyển đổi số tiêu biểu, hiệu quả được ứng dụng rộng rãi', 10, 'manual'],
  ['collective', 'Bảo đảm an ninh dữ liệu, an toàn thông tin trong quá trình chuyển đổi số', 10, 'manual'],
  ['collective', 'Thuộc nhóm 05 cơ quan có điểm trung bình chỉ số DTI 2025 - 2030 cao nhất (áp dụng khi có hướng dẫn xác định chỉ số)', 0, 'manual'],
  ['individual', 'Hoàn thành tốt nhiệm vụ được giao, có phẩm chất đạo đức tốt, đoàn kết, gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước', 0, 'manual'],
  ['individual', 'Nỗ lực, có sáng kiến, giải pháp sáng tạo trong xây dựng, tổ chức thực hiện cơ chế, chính sách, thủ tục về khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số', 0, 'manual'],
  ['individual', 'Được đánh giá, xác nhận hoàn thành phổ cập kiến thức, kỹ năng số cơ bản theo Quyết định số 757/QĐ-BKHCN', 0, 'manual'],
] as const;

/** A one-page PDF standing in for a scanned document; the demo's files are real uploads of the tenant. */
function pdf(text: string): Buffer {
  const body = `BT /F1 12 Tf 60 780 Td (${text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[()\\]/g, ' ')}) Tj ET`;
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  let out = '%PDF-1.4\n';
  const offsets = objs.map((o, i) => { const at = out.length; out += `${i + 1} 0 obj\n${o}\nendobj\n`; return at; });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function demoFile(m: Mutation, filesDir: string | undefined, name: string): Promise<string> {
  const bytes = pdf(name);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (filesDir) {
    const path = blobPath(filesDir, sha256);
    if (!existsSync(path)) { mkdirSync(dirname(path), { recursive: true }); writeFileSync(path, bytes); }
  }
  await m.tx.insert(files).values({ tenantId: m.tenantId, sha256, size: bytes.length, mime: 'application/pdf', name, uploadedBy: m.user.id }).onConflictDoNothing();
  const [row] = await m.tx.select().from(files).where(and(eq(files.tenantId, m.tenantId), eq(files.sha256, sha256)));
  return row.id;
}

interface Story {
  by: string; unit: string; year: number; form: FormCode; person?: string; team?: string; collective?: string; task: string; title: string;
  docs: DocKind[]; end: 'decided' | 'failed' | 'recorded' | 'submitted' | 'returned'; votes?: [participants: number, votesFor: number];
}

const STORIES: Story[] = [
  { by: 'hn.xanhpon', unit: 'xanhpon', year: 2025, form: 'giay_khen_so', team: 'Phòng Công nghệ thông tin - Bệnh viện Đa khoa Xanh Pôn', task: 'Triển khai bệnh án điện tử', title: 'Triển khai bệnh án điện tử toàn viện, bỏ bệnh án giấy từ tháng 9/2025', docs: ['letter', 'report', 'evidence'], end: 'decided', votes: [9, 9] },
  { by: 'hn.xanhpon', unit: 'xanhpon', year: 2025, form: 'giay_khen_so', person: 'Phan Văn Tú', task: 'Kết nối liên thông dữ liệu khám chữa bệnh', title: 'Xây dựng cổng kết nối liên thông đơn thuốc điện tử với Cổng dữ liệu y tế', docs: ['letter', 'report', 'evidence'], end: 'decided', votes: [9, 8] },
  { by: 'hn.thanhnhan.tdkt', unit: 'thanhnhan', year: 2025, form: 'giay_khen_so', person: 'Đoàn Minh Khôi', task: 'Bảo đảm an toàn thông tin', title: 'Triển khai giám sát an toàn thông tin 24/7, không để xảy ra sự cố năm 2025', docs: ['letter', 'report', 'evidence'], end: 'decided', votes: [8, 7] },
  { by: 'hn.xanhpon', unit: 'xanhpon', year: 2025, form: 'giay_khen_so', person: 'Hà Thị Quỳnh', task: 'Đào tạo kỹ năng số cho điều dưỡng', title: 'Hướng dẫn điều dưỡng sử dụng bệnh án điện tử', docs: ['letter', 'report', 'evidence'], end: 'failed', votes: [8, 4] },
  { by: 'hn.thanhnhan.tdkt', unit: 'thanhnhan', year: 2025, form: 'bang_khen_ubnd', collective: 'thanhnhan', task: 'Chuyển đổi số toàn diện bệnh viện', title: 'Bệnh viện thông minh: thanh toán không dùng tiền mặt, đặt lịch khám trực tuyến, bệnh án điện tử', docs: ['letter', 'report', 'minutes', 'evidence'], end: 'recorded', votes: [9, 9] },
  { by: 'hn.xanhpon', unit: 'xanhpon', year: 2026, form: 'giay_khen_so', person: 'Lý Thị Mai', task: 'Triển khai hồ sơ sức khỏe điện tử', title: 'Liên thông hồ sơ sức khỏe điện tử với ứng dụng VNeID cho 100% người bệnh nội trú', docs: ['letter', 'report', 'evidence'], end: 'submitted' },
  { by: 'hn.thanhnhan.tdkt', unit: 'thanhnhan', year: 2026, form: 'giay_khen_so', person: 'Lương Thị Hạnh', task: 'Số hóa dữ liệu thống kê y tế', title: 'Số hóa 10 năm số liệu thống kê khám chữa bệnh của bệnh viện', docs: ['letter', 'report'], end: 'returned' },
];

/** Manual scores of the block: [unit key, [solidarity, initiatives, security]] for 2025 and 2026. */
const MANUAL: [string, number[], number[]][] = [
  ['xanhpon', [100, 90, 95], [100, 95, 90]], ['thanhnhan', [100, 85, 100], [100, 90, 100]], ['ducgiang', [95, 70, 80], [100, 75, 85]], ['tim', [100, 80, 85], [95, 80, 90]],
];

export async function seedDemoEmulation(tx: Tx, tenantId: string, code: string, now = new Date(), filesDir?: string): Promise<number> {
  if (code !== 'hanoi') return 0;
  const today = todayInVietnam(now);
  const units = await tx.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId));
  const byKey = (k: string) => units.find((u) => ({ xanhpon: 'Bệnh viện Đa khoa Xanh Pôn', thanhnhan: 'Bệnh viện Thanh Nhàn', ducgiang: 'Bệnh viện Đa khoa Đức Giang', tim: 'Bệnh viện Tim Hà Nội', tccb: 'Phòng Tổ chức cán bộ' } as Record<string, string>)[k] === u.name)!;
  const staff = await tx.select().from(people).where(eq(people.tenantId, tenantId));
  await seedAnnualReport(tx, tenantId, byKey('tccb').id, [byKey('xanhpon'), byKey('thanhnhan'), byKey('ducgiang'), byKey('tim')], today);
  return asTenant(tx, tenantId, async (as) => {
    const mv = await as('hn.tccb', (m) => createMovement(m, {
      number: '3764/KH-SYT', name: NAME, startYear: 2025, endYear: 2030, ownerUnitId: byKey('tccb').id, councilMembers: 9,
      phases: [{ name: 'Giai đoạn 1 (2025 - 2027)', fromYear: 2025, toYear: 2027, review: 'so_ket' }, { name: 'Giai đoạn 2 (2027 - 2030)', fromYear: 2027, toYear: 2030, review: 'tong_ket' }],
      forms: ['giay_khen_so', 'bang_khen_ubnd', 'co_thi_dua_ubnd', 'bang_khen_ttg', 'co_thi_dua_cp', 'huan_chuong_ld'],
      criteria: CRITERIA.map(([subject, text, weight, measure]) => ({ subject, text, weight, measure })),
    }));
    for (const year of [2025, 2026]) {
      for (const [by, unit] of [['hn.xanhpon', 'xanhpon'], ['hn.thanhnhan.tdkt', 'thanhnhan']] as const) {
        await as(by, (m) => register(m, mv.id, { unitId: byKey(unit).id, year, pledge: 'Hoàn thành 100% nhiệm vụ chuyển đổi số được giao đúng hạn; ít nhất 02 sáng kiến được áp dụng; 100% viên chức hoàn thành phổ cập kỹ năng số cơ bản; phấn đấu Giấy khen của Giám đốc Sở.' }, now));
      }
    }
    const passed: string[] = [];
    for (const s of STORIES) {
      const unit = byKey(s.unit);
      const person = s.person ? staff.find((p) => p.fullName === s.person) : undefined;
      const team = s.team ? units.find((u) => u.name === s.team) : s.collective ? byKey(s.collective) : undefined;
      const docs: { kind: DocKind; fileId: string }[] = [];
      for (const kind of s.docs) docs.push({ kind, fileId: await as(s.by, (m) => demoFile(m, filesDir, `${kind === 'letter' ? 'To trinh' : kind === 'report' ? 'Bao cao thanh tich' : kind === 'minutes' ? 'Bien ban hop HDTDKT' : 'Minh chung'} - ${s.person ?? team?.shortName ?? ''} ${s.year}.pdf`)) });
      const n = await as(s.by, (m) => createNomination(m, mv.id, {
        roundKind: 'annual', year: s.year, unitId: unit.id, subject: person ? 'individual' : 'collective', personId: person?.id ?? null, nomineeUnitId: team?.id ?? null,
        taskText: s.task, title: s.title, output: `${s.title}. Kết quả đã được áp dụng tại đơn vị, tiết kiệm thời gian, chi phí cho người bệnh và nhân viên y tế.`, form: s.form, files: docs,
      }));
      await as(s.by, (m) => submitNomination(m, n.id, now));
      if (s.end === 'submitted') continue;
      if (s.end === 'returned') { await as('hn.tccb', (m) => returnNomination(m, n.id, 'Hồ sơ thiếu minh chứng thành tích (sản phẩm, quyết định áp dụng). Đề nghị bổ sung.', now)); continue; }
      await as('hn.tccb', (m) => checkNomination(m, n.id, true, now));
      await as('hn.tccb', (m) => recordVote(m, n.id, { councilDate: '2025-12-15', participants: s.votes![0], votesFor: s.votes![1], votesAgainst: s.votes![0] - s.votes![1] }, today));
      if (s.end === 'recorded') {
        await as('hn.tccb', (m) => forwardNomination(m, n.id, now));
        await as('hn.tccb', (m) => recordHigherDecision(m, n.id, { decisionNo: '1836/QĐ-UBND', decisionDate: '2026-03-12', signer: 'Chủ tịch UBND Thành phố' }, today));
      }
      if (s.end === 'decided') passed.push(n.id);
    }
    await as('hn.lanhdao', (m) => decide(m, { nominationIds: passed, number: '1250/QĐ-SYT', decisionDate: '2025-12-19', signerName: 'Trần Văn Hưng', signerTitle: 'Giám đốc Sở' }, today));

    const block = await as('hn.tccb', (m) => createBlock(m, mv.id, { name: 'Khối các bệnh viện đa khoa, chuyên khoa', unitIds: MANUAL.map(([k]) => byKey(k).id) }));
    const criteria = (await tx.select().from(emulationCriteria).where(and(eq(emulationCriteria.movementId, mv.id), eq(emulationCriteria.measure, 'manual'), gt(emulationCriteria.weight, 0))).orderBy(asc(emulationCriteria.sortOrder)));
    for (const [key, y2025, y2026] of MANUAL) {
      for (const [year, scores] of [[2025, y2025], [2026, y2026]] as const) {
        for (const [i, c] of criteria.entries()) await as('hn.tccb', (m) => setScore(m, block.id, { year, unitId: byKey(key).id, criterionId: c.id, score: scores[i], note: 'Theo biên bản họp khối' }));
      }
    }
    return STORIES.length;
  });
}

const ANNUAL: ScheduleRule = { periodType: 'year', dueRule: { kind: 'dates', dates: ['11-30'] }, graceDays: 0, lockDays: 30 };

/** The annual report of seed 001 IV.4 from every subordinate unit; the block's hospitals have sent theirs. */
async function seedAnnualReport(tx: Tx, tenantId: string, ownerId: string, hospitals: { id: string; name: string }[], today: string) {
  const [template] = await tx.insert(reportTemplates).values({ tenantId, builtinKey: EMULATION_ANNUAL.key, name: EMULATION_ANNUAL.name, description: EMULATION_ANNUAL.description, definition: EMULATION_ANNUAL.definition }).returning();
  const [schedule] = await tx.insert(reportSchedules).values({
    tenantId, templateId: template.id, title: 'Báo cáo kết quả phong trào thi đua đổi mới sáng tạo và chuyển đổi số (trước 30/11 hằng năm)', ownerUnitId: ownerId,
    periodType: ANNUAL.periodType, dueRule: ANNUAL.dueRule, graceDays: ANNUAL.graceDays, lockDays: ANNUAL.lockDays, assigneeMode: 'subordinates', startsOn: '2025-01-01',
  }).returning();
  for (const [i, unit] of hospitals.entries()) {
    for (const year of ['2025', '2026']) {
      const period = periodOf(ANNUAL, year)!;
      // Đức Giang sent 2025's report a week late; in 2026 only the first two have sent theirs so far.
      const day = year === '2025' ? (i === 2 ? '2025-12-07' : `2025-11-${20 + i}`) : `2026-11-${18 + i}`;
      if ((year === '2026' && i > 1) || day > today) continue;
      const sent = new Date(`${day}T09:00:00+07:00`);
      const values = { planIssued: `Kế hoạch số ${12 + i}/KH-BV ngày 15/8/${year}`, staffReached: 600 + i * 50, digitalSkillsCertified: 450 + i * 40, initiatives: 2 + (i % 2), securityIncidents: 0, collectivesProposed: 1, individualsProposed: 2, results: 'Hoàn thành các nhiệm vụ chuyển đổi số được giao.', difficulties: 'Nhân lực công nghệ thông tin còn thiếu.', proposals: '' };
      await tx.insert(reportSubmissions).values({ tenantId, scheduleId: schedule.id, templateId: template.id, unitId: unit.id, periodKey: year, status: year === '2025' ? 'approved' : 'submitted', values, submittedAt: sent, lastSubmittedAt: sent, onTime: isOnTime(period, sent), createdAt: sent, updatedAt: sent });
    }
  }
}
