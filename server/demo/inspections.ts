// Demo of inspections for Sở Y tế Hải Phòng (seed 004 I.2 and appendix I.4): the 2026 plan "Kiểm tra công tác cải
// cách hành chính" run by Phòng TCHC with the target "tối thiểu 30% đơn vị thuộc Sở", three units inspected in
// the third and fourth quarters and concluded (3 of 8 units), and one finding whose corrective action is open.
import { and, eq, like } from 'drizzle-orm';
import { addDays, todayInVietnam } from '../../core/schedule/dates.ts';
import type { Tx } from '../db/client.ts';
import { orgUnits, tasks } from '../db/schema/index.ts';
import { addFinding, conclude } from '../modules/inspections/findings.service.ts';
import { createInspection, createPlan } from '../modules/inspections/inspections.service.ts';
import { asTenant } from './actors.ts';

const VISITS: [unit: string, start: string, finding: string | null][] = [
  ['Bệnh viện Hữu nghị Việt Tiệp', '2026-09-14', null],
  ['Bệnh viện Kiến An', '2026-10-12', 'Bộ phận một cửa chưa niêm yết đầy đủ thủ tục hành chính; 12% hồ sơ trả kết quả quá hạn chưa có văn bản xin lỗi người dân.'],
  ['Trung tâm Kiểm soát bệnh tật Hải Phòng', '2026-11-09', null],
];

export async function seedDemoInspections(tx: Tx, tenantId: string, code: string, now = new Date()): Promise<number> {
  if (code !== 'haiphong') return 0;
  const today = todayInVietnam(now);
  const units = await tx.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId));
  const id = (name: string) => units.find((u) => u.name === name)!.id;
  const [task] = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.tenantId, tenantId), like(tasks.content, 'Kiểm tra cải cách hành chính%')));
  return asTenant(tx, tenantId, async (as) => {
    const plan = await as('hp.tchc', (m) => createPlan(m, {
      year: 2026, subject: 'Kiểm tra công tác cải cách hành chính năm 2026', ownerUnitId: id('Phòng Tổ chức - Hành chính'), coverageTargetPct: 30,
      taskId: task?.id ?? null, basis: 'Kế hoạch cải cách hành chính năm 2026 của Sở Y tế Hải Phòng, mục I.2 và Phụ lục I.4', unitIds: VISITS.map(([u]) => id(u)),
    }));
    for (const [unit, start, finding] of VISITS) {
      const startOn = start <= today ? start : today;
      const inspection = await as('hp.tchc', (m) => createInspection(m, plan.id, {
        unitId: id(unit), team: 'Trưởng đoàn: Mạc Văn Toàn (Trưởng phòng TCHC); thành viên: Đoàn Thị Hương', startOn, endOn: startOn,
        scope: 'Công tác cải cách hành chính, kiểm soát thủ tục hành chính, bộ phận một cửa, chuyển đổi số năm 2026',
      }));
      if (finding) {
        await as('hp.tchc', (m) => addFinding(m, inspection.id, {
          text: finding, action: { responsibleUnitId: id(unit), description: 'Niêm yết đủ thủ tục hành chính tại bộ phận một cửa; gửi văn bản xin lỗi cho 100% hồ sơ trễ hạn', dueOn: addDays(today, 30) },
        }, today));
      }
      const concludedOn = addDays(startOn, 7) <= today ? addDays(startOn, 7) : today;
      await as('hp.tchc', (m) => conclude(m, inspection.id, {
        conclusionNo: `${40 + VISITS.findIndex(([u]) => u === unit)}/TB-SYT`, conclusionDate: concludedOn,
        conclusion: finding ? 'Đơn vị cơ bản thực hiện tốt; còn tồn tại tại bộ phận một cửa, yêu cầu khắc phục trong 30 ngày.' : 'Đơn vị thực hiện đầy đủ các nhiệm vụ cải cách hành chính được giao.',
      }, today));
    }
    return VISITS.length;
  });
}
