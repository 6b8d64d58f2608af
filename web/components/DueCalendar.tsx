// A month calendar of due dates: each day lists what falls due, coloured by status; a click shows the day's list.
import { useMemo, useState } from 'react';
import { Badge, Calendar, List, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { Occurrence } from '../api/plans.ts';
import { STATUS_COLORS, StatusTag } from './status.tsx';

const BADGE: Record<string, 'default' | 'processing' | 'success' | 'warning' | 'error'> = STATUS_COLORS as never;

/** `onMonthChange` is told the first day of the month shown when the user moves to another, for a caller that loads by month. */
export default function DueCalendar({ occurrences, onMonthChange }: { occurrences: Occurrence[]; onMonthChange?: (monthStart: string) => void }) {
  const [day, setDay] = useState<string | null>(null);
  const byDay = useMemo(() => {
    const m = new Map<string, Occurrence[]>();
    for (const o of occurrences) if (o.dueOn) (m.get(o.dueOn) ?? m.set(o.dueOn, []).get(o.dueOn)!).push(o);
    return m;
  }, [occurrences]);
  const cell = (d: Dayjs) => {
    const list = byDay.get(d.format('YYYY-MM-DD')) ?? [];
    return (
      <div>
        {list.slice(0, 3).map((o) => (
          <div key={o.id} className="kh-cal-item"><Badge status={BADGE[o.status]} text={`${o.task.number} ${o.unit?.shortName || o.unit?.name || ''}`} /></div>
        ))}
        {list.length > 3 && <div className="kh-cal-item">+{list.length - 3} việc khác</div>}
      </div>
    );
  };
  return (
    <>
      <Calendar
        cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)}
        onPanelChange={(d, mode) => { if (mode === 'month') onMonthChange?.(d.format('YYYY-MM-01')); }}
        onSelect={(d, info) => { if (info.source === 'date' && byDay.has(d.format('YYYY-MM-DD'))) setDay(d.format('YYYY-MM-DD')); }}
      />
      <Modal open={!!day} title={day ? `Hạn ngày ${day.split('-').reverse().join('/')}` : ''} footer={null} onCancel={() => setDay(null)}>
        <List
          dataSource={day ? byDay.get(day) ?? [] : []}
          renderItem={(o) => (
            <List.Item extra={<StatusTag status={o.status} />}>
              <List.Item.Meta title={<Link to={`/nhiem-vu/${o.task.id}`}>{o.task.number} {o.task.content}</Link>} description={`${o.label} · ${o.unit?.name ?? ''}`} />
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
