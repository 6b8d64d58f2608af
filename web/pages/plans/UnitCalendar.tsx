// The calendar tab of a unit's task page: the due dates of the month shown, loaded month by month
// (with the days of the neighbouring months the grid also shows), never the unit's whole year.
import { useEffect, useState } from 'react';
import { App, Spin } from 'antd';
import { addDays, todayInVietnam } from '../../../core/schedule/dates.ts';
import { api, ApiError } from '../../api/client.ts';
import type { Occurrence } from '../../api/plans.ts';
import DueCalendar from '../../components/DueCalendar.tsx';
import { useSession } from '../../components/session.tsx';

export default function UnitCalendar({ unitId, subtree, q, version }: { unitId: string; subtree: boolean; q: string; version: number }) {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const [month, setMonth] = useState(`${todayInVietnam().slice(0, 7)}-01`);
  const [items, setItems] = useState<Occurrence[] | null>(null);

  useEffect(() => {
    if (!unitId) { setItems([]); return; }
    let cancelled = false;
    setItems(null);
    // The grid shows six weeks: up to a week before the 1st and two after the month's end.
    const from = addDays(month, -7);
    const to = addDays(`${addDays(month, 31).slice(0, 7)}-01`, 13);
    const timer = setTimeout(() => {
      api.get<{ items: Occurrence[] }>('/api/occurrences', { unitId, subtree: subtree || undefined, from, to, q: q || undefined })
        .then((r) => { if (!cancelled) setItems(r.items); })
        .catch((err) => { if (!cancelled) { setItems([]); if (err instanceof ApiError && err.status !== 401) message.error(err.message); } });
    }, q ? 250 : 0);
    return () => { cancelled = true; clearTimeout(timer); };
  }, [unitId, subtree, q, month, version, dataVersion, message]);

  return (
    <Spin spinning={items === null} description="Đang tải lịch…">
      <DueCalendar occurrences={items ?? []} onMonthChange={setMonth} />
    </Spin>
  );
}
