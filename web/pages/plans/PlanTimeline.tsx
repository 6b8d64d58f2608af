// A Gantt-like view of a plan by section: each task's periods as bars across the plan's months, coloured by status.
import { Empty, Tooltip } from 'antd';
import type { Occurrence, OccurrenceStatusName, PlanDetail, Task } from '../../api/plans.ts';
import { todayInVietnam } from '../../../core/schedule/dates.ts';
import { formatDate } from '../../components/format.ts';

const COLORS: Record<OccurrenceStatusName, string> = {
  not_due: '#d9d9d9', in_progress: '#69b1ff', done_on_time: '#52c41a', done_late: '#faad14', overdue: '#ff4d4f',
};
// The worst status of a period across its lead units decides its colour.
const RANK: OccurrenceStatusName[] = ['overdue', 'in_progress', 'not_due', 'done_late', 'done_on_time'];

const dayNumber = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

function months(start: string, end: string) {
  const out: { key: string; label: string; start: string }[] = [];
  let y = +start.slice(0, 4);
  let m = +start.slice(5, 7);
  while (`${y}-${String(m).padStart(2, '0')}` <= end.slice(0, 7) && out.length < 72) {
    out.push({ key: `${y}-${m}`, label: `${m}/${String(y).slice(2)}`, start: `${y}-${String(m).padStart(2, '0')}-01` });
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

export default function PlanTimeline({ plan, occurrences }: { plan: PlanDetail; occurrences: Occurrence[] }) {
  const from = dayNumber(plan.periodStart);
  const to = dayNumber(plan.periodEnd) + 1;
  const pct = (d: string) => Math.min(100, Math.max(0, ((dayNumber(d) - from) / (to - from)) * 100));
  const byTask = new Map<string, Map<string, Occurrence[]>>();
  for (const o of occurrences) {
    const periods = byTask.get(o.task.id) ?? byTask.set(o.task.id, new Map()).get(o.task.id)!;
    (periods.get(o.periodKey) ?? periods.set(o.periodKey, []).get(o.periodKey)!).push(o);
  }
  const today = todayInVietnam();
  const todayLine = today >= plan.periodStart && today <= plan.periodEnd ? <span className="kh-gantt-today" style={{ left: `${pct(today)}%` }} /> : null;
  if (!occurrences.length) return <Empty description={plan.status === 'draft' ? 'Kế hoạch chưa ban hành nên chưa có kỳ thực hiện' : 'Chưa có kỳ thực hiện nào'} />;
  const groups = [{ id: null as string | null, title: '' }, ...plan.sections.map((s) => ({ id: s.id, title: `${s.code} ${s.title}` }))];
  const row = (t: Task) => {
    const periods = [...(byTask.get(t.id)?.values() ?? [])];
    return (
      <div key={t.id} className="kh-gantt-row">
        <div className="kh-gantt-label" title={t.content}>{t.number} {t.content}</div>
        <div className="kh-gantt-track">
          {todayLine}
          {periods.map((list) => {
            const o = list[0];
            const status = RANK.find((s) => list.some((x) => x.status === s)) ?? 'not_due';
            const left = pct(o.periodStart);
            const width = Math.max(0.8, pct(o.periodEnd) - left + (100 / (to - from)));
            const late = list.filter((x) => x.status === 'overdue').length;
            return (
              <Tooltip key={o.periodKey} title={`${o.label} · hạn ${formatDate(o.dueOn)} · ${list.length} đơn vị${late ? `, ${late} quá hạn` : ''}`}>
                <span className="kh-gantt-bar" style={{ left: `${left}%`, width: `${width}%`, background: COLORS[status] }} />
              </Tooltip>
            );
          })}
        </div>
      </div>
    );
  };
  return (
    <div className="kh-gantt" role="table" aria-label="Tiến độ theo thời gian">
      <div className="kh-gantt-row kh-gantt-head">
        <div className="kh-gantt-label">Nhiệm vụ</div>
        <div className="kh-gantt-track">
          {months(plan.periodStart, plan.periodEnd).map((m) => <span key={m.key} className="kh-gantt-month" style={{ left: `${pct(m.start)}%` }}>{m.label}</span>)}
          {todayLine && <span className="kh-gantt-today-label" style={{ left: `${pct(today)}%` }}>Hôm nay</span>}
        </div>
      </div>
      {groups.map((g) => {
        const list = plan.tasks.filter((t) => t.sectionId === g.id);
        if (!list.length) return null;
        return (
          <div key={g.id ?? 'none'}>
            {g.title && <div className="kh-gantt-section">{g.title}</div>}
            {list.map(row)}
          </div>
        );
      })}
      <div className="kh-gantt-legend">
        <span><i style={{ background: '#cf1322', width: 2 }} />Hôm nay</span>
        {(['done_on_time', 'done_late', 'in_progress', 'not_due', 'overdue'] as const).map((s) => (
          <span key={s}><i style={{ background: COLORS[s] }} />{{ done_on_time: 'Xong đúng hạn', done_late: 'Xong trễ hạn', in_progress: 'Đang thực hiện', not_due: 'Chưa đến hạn', overdue: 'Quá hạn' }[s]}</span>
        ))}
      </div>
    </div>
  );
}
