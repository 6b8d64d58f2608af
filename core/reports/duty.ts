// A plan's reporting duty, as the importer read it ("Báo cáo hàng quý … trước ngày 04 của tháng cuối quý"),
// turned into the schedule a division confirms: the kind of period and its due dates.
import type { ReportFrequency } from '../import/types.ts';
import type { DueRule, PeriodType } from './periods.ts';

const PERIOD_OF: Record<ReportFrequency, PeriodType> = { monthly: 'month', quarterly: 'quarter', semiannual: 'half', annual: 'year', adhoc: 'adhoc' };
const TITLE_OF: Record<ReportFrequency, string> = { monthly: 'hằng tháng', quarterly: 'hằng quý', semiannual: '6 tháng', annual: 'năm', adhoc: 'đột xuất' };
const PER_YEAR: Record<PeriodType, number> = { month: 12, quarter: 4, half: 2, year: 1, adhoc: 0 };

export interface DutySchedule { title: string; periodType: PeriodType; dueRule: DueRule; startsOn: string; endsOn: string | null }

export function scheduleFromDuty(duty: { frequency: ReportFrequency; due: string[] }, plan: { title: string; periodStart: string; periodEnd: string }): DutySchedule {
  const periodType = PERIOD_OF[duty.frequency];
  const dates = [...new Set(duty.due)].sort();
  // Dates that fit the period count are the due rule; otherwise a common default the division adjusts.
  const dueRule: DueRule = dates.length === PER_YEAR[periodType] || (dates.length === 1 && periodType !== 'adhoc')
    ? { kind: 'dates', dates }
    : { kind: 'daysAfterEnd', days: periodType === 'month' ? 5 : 10 };
  // Plan titles often begin with what the report would add ("Thực hiện Nghị quyết…", "Triển khai …").
  const subject = /^(thực hiện|triển khai)\s/i.test(plan.title) ? lowerFirst(plan.title) : `thực hiện ${lowerFirst(plan.title)}`;
  return { title: `Báo cáo ${TITLE_OF[duty.frequency]} kết quả ${subject}`, periodType, dueRule, startsOn: plan.periodStart, endsOn: plan.periodEnd };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
