// Demo reports: Sở Y tế Hà Nội's semi-annual report on Resolution 07/2026/NQ-HĐND (seed 000, section 6),
// owed by every subordinate unit. The last period that fell due has most reports approved, one sent late,
// one awaiting review and one missing; the period under way has a draft and an early submission.
import { and, eq } from 'drizzle-orm';
import { currentPeriod, isOnTime, periodsBetween, type Period, type ScheduleRule } from '../../core/reports/periods.ts';
import { NQ07_SEMIANNUAL, type ReportValues } from '../../core/reports/template.ts';
import { addDays, todayInVietnam } from '../../core/schedule/dates.ts';
import { compareVi } from '../../core/text/vietnamese.ts';
import type { Tx } from '../db/client.ts';
import { orgUnits, plans, reportSchedules, reportSubmissionEvents, reportSubmissions, reportTemplates, users } from '../db/schema/index.ts';
import { allowanceFigures, type AllowanceFigures } from '../modules/allowance/figures.ts';
import { taskCounts } from '../modules/reports/queries.ts';
import { rewardFigures, type RewardFigures } from '../modules/rewards/figures.ts';

const RULE: ScheduleRule = { periodType: 'half', dueRule: { kind: 'dates', dates: ['06-10', '12-10'] }, graceDays: 0, lockDays: 20 };

/**
 * What a unit reports: the allowance and reward figures are what kehoach holds for the unit (its paid lists and
 * decided rewards of the period, seeded before the reports), so the demo's reports agree with its lists; the
 * allowance is paid from 01/7/2026 (seed 000), so earlier periods have none.
 */
function valuesFor(i: number, period: Period, tasks: { due: number; done: number; doneLate: number; overdue: number }, paid: AllowanceFigures, rewards: RewardFigures): ReportValues {
  const paying = period.end >= '2026-07-01';
  return {
    beneficiaries: paid.beneficiaries, monthsPaid: paid.months, allowanceSpent: paid.amount,
    tasksProposed: rewards.tasksProposed, tasksRewarded: rewards.tasksRewarded, collectivesProposed: rewards.collectivesProposed, collectivesRewarded: rewards.collectivesRewarded,
    individualsProposed: rewards.individualsProposed, individualsRewarded: rewards.individualsRewarded, rewardSpent: rewards.amount, rewardList: [],
    tasksDue: tasks.due, tasksDone: tasks.done, tasksDoneLate: tasks.doneLate, tasksOverdue: tasks.overdue,
    results: !paying
      ? 'Đã rà soát vị trí việc làm, lập danh sách dự kiến người thực hiện nhiệm vụ chuyển đổi số; chưa phát sinh chi trả do chính sách áp dụng từ ngày 01/7/2026.'
      : paid.beneficiaries
        ? `Đã ban hành quyết định phân công; chi trả hỗ trợ cho ${paid.beneficiaries} người đúng đối tượng, đúng mức từ tháng 7/2026.`
        : 'Đã rà soát, đang hoàn thiện quyết định phân công nhiệm vụ chuyên trách, kiêm nhiệm; chưa phát sinh chi trả.',
    difficulties: i % 3 === 0 ? 'Chưa có hướng dẫn cụ thể về tiêu chí sản phẩm vượt yêu cầu để xét thưởng.' : 'Nhân lực công nghệ thông tin còn thiếu, phần lớn kiêm nhiệm.',
    proposals: i % 2 === 0 ? 'Đề nghị Sở Y tế sớm ban hành hướng dẫn đánh giá, xếp loại hằng tháng thống nhất trong ngành.' : '',
  };
}

const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);

export async function seedDemoReports(tx: Tx, tenantId: string, code: string, now = new Date()): Promise<number> {
  if (code !== 'hanoi') return 0;
  const today = todayInVietnam(now);
  const current = currentPeriod(RULE, today)!;
  const past = periodsBetween(RULE, addDays(today, -400), today).filter((p) => p.dueOn < today).at(-1)!;
  const [plan] = await tx.select().from(plans).where(eq(plans.tenantId, tenantId));
  const [owner] = await tx.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.shortName, 'P.QLBHYT&CNTT')));
  const [reviewer] = await tx.select().from(users).where(eq(users.username, 'hn.cntt'));
  const units = (await tx.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'unit'), eq(orgUnits.active, true))))
    .sort((a, b) => a.sortOrder - b.sortOrder || compareVi(a.name, b.name));

  const [template] = await tx.insert(reportTemplates).values({
    tenantId, builtinKey: NQ07_SEMIANNUAL.key, name: NQ07_SEMIANNUAL.name, description: NQ07_SEMIANNUAL.description, definition: NQ07_SEMIANNUAL.definition,
  }).returning();
  const [schedule] = await tx.insert(reportSchedules).values({
    tenantId, templateId: template.id, title: 'Báo cáo 6 tháng, năm thực hiện Nghị quyết số 07/2026/NQ-HĐND', ownerUnitId: owner.id, planId: plan?.id ?? null,
    periodType: RULE.periodType, dueRule: RULE.dueRule, graceDays: RULE.graceDays, lockDays: RULE.lockDays, assigneeMode: 'subordinates', startsOn: past.start,
  }).returning();

  let made = 0;
  const add = async (unit: typeof units[number], i: number, period: Period, story: 'approved' | 'late' | 'submitted' | 'draft') => {
    const tasks = await taskCounts(tx, unit.id, period.start, period.end, today);
    const paid = await allowanceFigures(tx, unit.id, period.start, period.end);
    const rewards = await rewardFigures(tx, unit.id, period.start, period.end);
    const values = valuesFor(i, period, tasks, paid, rewards);
    const sentOn = story === 'late' ? addDays(period.dueOn, 3) : addDays(period.dueOn, -((i * 3) % 8) - 1);
    const sent = story === 'draft' ? null : at(sentOn > today ? today : sentOn, 9 + (i % 7));
    const approved = story === 'approved' || story === 'late' ? at(addDays(sentOn, 2), 15) : null;
    const [row] = await tx.insert(reportSubmissions).values({
      tenantId, scheduleId: schedule.id, templateId: template.id, unitId: unit.id, periodKey: period.key,
      status: story === 'draft' ? 'draft' : story === 'submitted' ? 'submitted' : 'approved', values, prefill: { tasksDue: tasks.due, tasksDone: tasks.done, tasksDoneLate: tasks.doneLate, tasksOverdue: tasks.overdue, beneficiaries: paid.beneficiaries, monthsPaid: paid.months, allowanceSpent: paid.amount },
      submittedAt: sent, lastSubmittedAt: sent, onTime: sent ? isOnTime(period, sent) : null, approvedAt: approved, approvedBy: approved ? reviewer?.id ?? null : null,
      createdAt: sent ?? now, updatedAt: approved ?? sent ?? now,
    }).returning();
    const events: { action: string; actorName: string; createdAt: Date }[] = [{ action: 'save', actorName: `Đầu mối ${unit.shortName || unit.name}`, createdAt: sent ?? now }];
    if (sent) events.push({ action: 'submit', actorName: `Đầu mối ${unit.shortName || unit.name}`, createdAt: sent });
    if (approved) events.push({ action: 'approve', actorName: reviewer?.displayName ?? 'Phòng QLBHYT&CNTT', createdAt: approved });
    await tx.insert(reportSubmissionEvents).values(events.map((e) => ({ tenantId, submissionId: row.id, ...e })));
    made++;
  };
  // The period that fell due: Trung tâm Cấp cứu 115 never sent, one unit sent three days late, the last one awaits review.
  for (const [i, unit] of units.entries()) {
    if (unit.name.includes('Cấp cứu 115')) continue;
    await add(unit, i, past, unit.name.includes('Đức Giang') ? 'late' : unit.name.includes('Sóc Sơn') ? 'submitted' : 'approved');
  }
  // The period under way: Xanh Pôn has a draft, CDC has already sent its report.
  if (current.key !== past.key) {
    for (const [i, unit] of units.entries()) {
      if (unit.name.includes('Xanh Pôn')) await add(unit, i, current, 'draft');
      if (unit.name.includes('Kiểm soát bệnh tật')) await add(unit, i, current, 'submitted');
    }
  }
  return made;
}
