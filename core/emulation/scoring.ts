// Block scoring (khối thi đua, seed 001 II.3.d: the blocks "đưa tiêu chí đổi mới sáng tạo, chuyển đổi số vào nội dung
// đánh giá, bình xét thi đua"): each collective criterion has a weight out of 100 and a measure — a score entered
// by the block, or a share computed from what kehoach already holds for the unit and the year.
import { compareVi } from '../text/vietnamese.ts';

export const MEASURES = ['manual', 'tasks_on_time', 'reports_on_time', 'targets_met', 'findings_closed'] as const;
export type MeasureKind = (typeof MEASURES)[number];
export const MEASURE_LABELS: Record<MeasureKind, string> = {
  manual: 'Khối thi đua chấm điểm',
  tasks_on_time: 'Tỷ lệ kỳ nhiệm vụ hoàn thành đúng hạn',
  reports_on_time: 'Tỷ lệ báo cáo định kỳ gửi đúng hạn',
  targets_met: 'Tỷ lệ chỉ tiêu đạt',
  findings_closed: 'Tỷ lệ biện pháp khắc phục sau kiểm tra đã đóng',
};
/** What the share counts, for the explanation under a score. */
export const MEASURE_HELP: Record<Exclude<MeasureKind, 'manual'>, string> = {
  tasks_on_time: 'Các kỳ nhiệm vụ đơn vị chủ trì có hạn trong năm (đến hôm nay); đúng hạn khi hoàn thành không muộn hơn hạn.',
  reports_on_time: 'Các kỳ báo cáo đơn vị phải gửi có hạn trong năm (đến hôm nay); kỳ chưa gửi tính là không đúng hạn.',
  targets_met: 'Các chỉ tiêu đơn vị báo cáo: số liệu kỳ gần nhất trong năm so với chỉ tiêu; chưa có số liệu tính là chưa đạt.',
  findings_closed: 'Các biện pháp khắc phục giao cho đơn vị có hạn trong năm (đến hôm nay): đã được đoàn kiểm tra đóng.',
};

export interface Criterion { id: string; text: string; weight: number; measure: MeasureKind }

/** A computed share: `counted` of `total` records; no records means the criterion does not apply this year. */
export interface Share { counted: number; total: number }

export interface CriterionScore { criterionId: string; score: number | null; share?: Share; note?: string }

const round1 = (x: number) => Math.round(x * 10) / 10;

export const shareScore = (s: Share): number | null => (s.total ? round1((s.counted / s.total) * 100) : null);

/**
 * A unit's total out of 100: Σ weight × score ÷ Σ weight over the criteria that have a score. A criterion without
 * one (no records this year, or not scored yet) is left out rather than counted as zero, and named in `missing`, so
 * a unit is not ranked down for having no inspection to close; the table shows which criteria its total rests on.
 */
export function totalScore(criteria: readonly Criterion[], scores: readonly CriterionScore[]) {
  let sum = 0, weights = 0;
  const missing: string[] = [];
  for (const c of criteria) {
    const s = scores.find((x) => x.criterionId === c.id)?.score ?? null;
    if (s === null) { missing.push(c.id); continue; }
    sum += c.weight * s; weights += c.weight;
  }
  return { total: weights ? round1(sum / weights) : null, weightCounted: weights, missing };
}

/** Highest total first; equal totals share a rank (1, 2, 2, 4); units without a total come last, unranked. */
export function rank<T extends { name: string; total: number | null }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || compareVi(a.name, b.name));
  return sorted.map((r) => ({ ...r, rank: r.total === null ? null : 1 + sorted.filter((o) => o.total !== null && o.total > r.total!).length }));
}

/** Problems with a movement's collective criteria: weights are points out of 100. */
export function checkWeights(criteria: readonly { weight: number }[]): string | null {
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  return criteria.length && sum !== 100 ? `Tổng trọng số các tiêu chí đối với tập thể phải bằng 100 (hiện là ${sum}).` : null;
}
