// Demo indicators: three targets of Sở Y tế Đồng Tháp's Resolution 57 plan (seed 003, section II), with the
// units' values for the quarters already over — most improving, a few units lagging so the colours mean something.
import { and, eq } from 'drizzle-orm';
import { periodsBetween, type PeriodType } from '../../core/reports/periods.ts';
import { addDays, todayInVietnam } from '../../core/schedule/dates.ts';
import { compareVi, searchKey } from '../../core/text/vietnamese.ts';
import type { Tx } from '../db/client.ts';
import { indicators, indicatorUnits, indicatorValues, orgUnits, plans } from '../db/schema/index.ts';

interface DemoIndicator {
  code: string; text: string; subject: string; target: number; periodType: Exclude<PeriodType, 'adhoc'>;
  numeratorLabel: string; denominatorLabel: string;
  /** Typical denominator of a unit, and its share of the target reached in the first period. */
  size: number; start: number;
}

const DEMO: DemoIndicator[] = [
  {
    code: 'II.1', text: 'Tỷ lệ văn bản, hồ sơ công việc được xử lý toàn trình trên môi trường điện tử đạt 70%', subject: 'Văn bản, hồ sơ xử lý toàn trình trên môi trường điện tử',
    target: 70, periodType: 'quarter', numeratorLabel: 'Số văn bản, hồ sơ xử lý toàn trình', denominatorLabel: 'Tổng số văn bản, hồ sơ công việc', size: 900, start: 0.8,
  },
  {
    code: 'II.3', text: 'Tối thiểu 40% hệ thống thông tin của ngành y tế được vận hành trên nền tảng điện toán đám mây', subject: 'Hệ thống thông tin vận hành trên nền tảng điện toán đám mây',
    target: 40, periodType: 'half', numeratorLabel: 'Số hệ thống vận hành trên điện toán đám mây', denominatorLabel: 'Tổng số hệ thống thông tin', size: 6, start: 0.7,
  },
  {
    code: 'II.9', text: 'Tỷ lệ người dân, doanh nghiệp hài lòng khi sử dụng DVC trực tuyến lĩnh vực y tế đạt tối thiểu 95%', subject: 'Người dân, doanh nghiệp hài lòng khi sử dụng dịch vụ công trực tuyến',
    target: 95, periodType: 'quarter', numeratorLabel: 'Số phiếu đánh giá hài lòng', denominatorLabel: 'Tổng số phiếu đánh giá', size: 220, start: 0.95,
  },
];

/** Stable pseudo-random numbers from a name, so every demo database shows the same values. */
function unitNoise(seed: string): number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

export async function seedDemoTargets(tx: Tx, tenantId: string, code: string, now = new Date()): Promise<number> {
  if (code !== 'dongthap') return 0;
  const today = todayInVietnam(now);
  const [plan] = await tx.select().from(plans).where(eq(plans.tenantId, tenantId));
  if (!plan) return 0;
  const units = (await tx.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'unit'), eq(orgUnits.active, true))))
    .sort((a, b) => a.sortOrder - b.sortOrder || compareVi(a.name, b.name));
  let values = 0;
  for (const [i, d] of DEMO.entries()) {
    const [row] = await tx.insert(indicators).values({
      tenantId, planId: plan.id, code: d.code, text: d.text, subject: d.subject, measure: 'ratio', unit: '%', comparator: '>=', target: d.target,
      amberPct: 10, periodType: d.periodType, numeratorLabel: d.numeratorLabel, denominatorLabel: d.denominatorLabel, sortOrder: (i + 1) * 10,
      searchText: searchKey(`${d.code} ${d.text} ${d.subject}`),
    }).returning();
    await tx.insert(indicatorUnits).values(units.map((u) => ({ tenantId, indicatorId: row.id, unitId: u.id })));
    const rule = { periodType: d.periodType, dueRule: { kind: 'daysAfterEnd' as const, days: 0 }, graceDays: 0, lockDays: 0 };
    const done = periodsBetween(rule, plan.periodStart, addDays(today, -1)).filter((p) => p.end < today);
    for (const [k, period] of done.entries()) {
      for (const u of units) {
        const noise = unitNoise(`${d.code}|${u.name}`);
        // A commune health station reports from few records; one unit in five lags well behind.
        if (noise > 0.93) continue; // has not reported yet
        const denominator = Math.max(1, Math.round(d.size * (0.3 + noise)));
        const reach = Math.min(1, (noise < 0.2 ? 0.6 : d.start) + k * 0.05 + noise * 0.08);
        const numerator = Math.min(denominator, Math.round((denominator * d.target * reach) / 100));
        await tx.insert(indicatorValues).values({
          tenantId, indicatorId: row.id, unitId: u.id, periodKey: period.key, numerator, denominator, note: 'Số liệu từ hệ thống quản lý văn bản và dịch vụ công.',
          enteredByName: `Đầu mối ${u.shortName || u.name}`, createdAt: new Date(`${addDays(period.end, 5)}T09:00:00+07:00`), updatedAt: new Date(`${addDays(period.end, 5)}T09:00:00+07:00`),
        });
        values++;
      }
    }
  }
  return values;
}
