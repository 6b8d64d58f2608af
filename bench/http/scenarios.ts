// The HTTP scenarios of the speed issue, each a stream of requests from real sessions of the role
// that makes them. Numbers follow the issue: 1–5 are read and write paths under concurrent load,
// 6 is the report-deadline surge, 8 the heavy documents.
import type { BenchPlan } from './prepare.ts';
import { logIn, runLoad, timed, type LoadRequest, type LoadResult, type Session } from './load.ts';

export interface ScenarioResult extends Partial<LoadResult> {
  id: number;
  name: string;
  title: string;
  connections?: number;
  peakRssMb: number;
  /** Single heavy requests (exports): each run's time. */
  runsMs?: number[];
  note?: string;
}

export interface Sessions { leader: Session; division: Session; focal: (Session & { unitId: string })[] }

export async function logInAll(base: string, plan: BenchPlan, password: string): Promise<Sessions> {
  const focal = [];
  for (const f of plan.focal) focal.push({ ...(await logIn(base, f.username, password)), unitId: f.unitId });
  return { leader: await logIn(base, plan.leader, password), division: await logIn(base, plan.division, password), focal };
}

/** Round-robin over a list. */
const cycle = <T>(items: T[]) => { let i = 0; return () => items[i++ % items.length]; };

export const LOAD_SCENARIOS = [
  { id: 1, name: 'unit-tasks-month', title: 'Nhiệm vụ tháng này của một đơn vị' },
  { id: 2, name: 'overdue-by-unit', title: 'Lãnh đạo: quá hạn theo đơn vị' },
  { id: 3, name: 'plan-detail', title: 'Chi tiết kế hoạch 30 nhiệm vụ' },
  { id: 4, name: 'dashboard', title: 'Bảng điều hành của lãnh đạo' },
  { id: 5, name: 'record-progress', title: 'Ghi nhận tiến độ (POST)' },
] as const;

/** The request stream of scenarios 1–5. */
export function streamOf(id: number, plan: BenchPlan, s: Sessions): () => LoadRequest {
  switch (id) {
    case 1: {
      const next = cycle(s.focal);
      // What the unit's task page asks for when it opens: this month's first page and every tab's count.
      return () => { const f = next(); return { method: 'GET', path: `/api/unit-tasks?unitId=${f.unitId}&view=thang-nay`, session: f }; };
    }
    case 2: return () => ({ method: 'GET', path: '/api/plans-overview', session: s.leader });
    case 3: return () => ({ method: 'GET', path: `/api/plans/${plan.plan30}`, session: s.division });
    case 4: return () => ({ method: 'GET', path: '/api/dashboard', session: s.leader });
    case 5: {
      const byUnit = new Map(s.focal.map((f) => [f.unitId, f]));
      const next = cycle(plan.openOccurrences.filter((o) => byUnit.has(o.unitId)));
      let n = 0;
      return () => {
        const o = next();
        n++;
        return { method: 'POST', path: `/api/occurrences/${o.id}/progress`, session: byUnit.get(o.unitId)!, body: { state: 'open', percent: 10 + (n % 80), note: `Cập nhật tiến độ lần ${n} (đo tải)` } };
      };
    }
    default: throw new Error(`Không có kịch bản ${id}`);
  }
}

export async function loadScenario(base: string, id: number, plan: BenchPlan, s: Sessions, connections: number, duration: number, peak: { reset(): void; read(): number }): Promise<ScenarioResult> {
  const meta = LOAD_SCENARIOS.find((x) => x.id === id)!;
  // A short warm-up (JIT, caches, connection pool) that is not counted.
  await runLoad(base, { connections: Math.min(connections, 10), duration: 1, next: streamOf(id, plan, s) });
  peak.reset();
  const r = await runLoad(base, { connections, duration, next: streamOf(id, plan, s) });
  return { ...meta, ...r, connections, peakRssMb: Math.round(peak.read()) };
}

/** Scenario 6: every unit of every tenant sends its monthly reports within 60 s, at an even rate. */
export async function surge(base: string, plan: BenchPlan, amount: number, peak: { reset(): void; read(): number }): Promise<ScenarioResult> {
  const slots = plan.surge.slice(0, amount);
  let i = 0;
  const next = (): LoadRequest => {
    const s = slots[i++ % slots.length];
    return {
      method: 'POST', path: `/api/report-schedules/${s.scheduleId}/periods/${s.period}/units/${s.unitId}/submit`, session: s.session,
      body: { values: { tasksDue: 12, tasksDone: 10, staff: 4, result: 'Hoàn thành các nhiệm vụ trong tháng theo kế hoạch.' } },
    };
  };
  peak.reset();
  const r = await runLoad(base, { connections: 100, amount: slots.length, rate: slots.length / 60, next });
  return { id: 6, name: 'report-surge', title: `Dồn báo cáo cuối hạn: ${slots.length} báo cáo trong 60 giây`, ...r, connections: 100, peakRssMb: Math.round(peak.read()) };
}

/** Scenario 8: the 5,000-row Excel export and the consolidated Word report, each run a few times in a row. */
export async function documents(base: string, plan: BenchPlan, s: Sessions, runs: number, peak: { reset(): void; read(): number }): Promise<ScenarioResult[]> {
  const out: ScenarioResult[] = [];
  const measure = async (name: string, title: string, path: string, who: Session, note: string) => {
    peak.reset();
    const first = await timed(base, path, who); // warm-up, not counted
    if (first.status !== 200) throw new Error(`${name}: ${first.status}`);
    const times: number[] = [];
    for (let k = 0; k < runs; k++) times.push((await timed(base, path, who)).ms);
    const sorted = [...times].sort((a, b) => a - b);
    out.push({ id: 8, name, title, runsMs: times, p50: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1], requests: runs, errors: 0, peakRssMb: Math.round(peak.read()), note: `${note}, ${Math.round(first.bytes / 1024)} KB` });
  };
  if (plan.bigPlan) await measure('excel-export', 'Xuất Excel kế hoạch 5.000 dòng', `/api/plans/${plan.bigPlan.id}/export.xlsx`, s.division, `${plan.bigPlan.tasks} nhiệm vụ`);
  if (plan.consolidation) {
    const c = plan.consolidation;
    await measure('word-consolidation', 'Báo cáo tổng hợp Word', `/api/report-schedules/${c.scheduleId}/periods/${c.period}/consolidation.docx`, s.leader, `${c.approved} báo cáo đã duyệt, kỳ ${c.period}`);
  }
  return out;
}
