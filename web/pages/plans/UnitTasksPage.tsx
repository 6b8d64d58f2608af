// "Nhiệm vụ của đơn vị": a unit's occurrences this month, overdue, due soon and done — on a phone as well as a desktop.
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Badge, Empty, Input, List, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { addDays, todayInVietnam } from '../../../core/schedule/dates.ts';
import { matchesSearch } from '../../../core/text/vietnamese.ts';
import { api, ApiError } from '../../api/client.ts';
import type { Occurrence } from '../../api/plans.ts';
import DueCalendar from '../../components/DueCalendar.tsx';
import { formatDate } from '../../components/format.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import { StatusTag } from '../../components/status.tsx';
import { UnitTreeSelect, useUnits } from '../../components/units.tsx';
import OccurrenceDrawer from './OccurrenceDrawer.tsx';

type TabKey = 'thang-nay' | 'qua-han' | 'sap-den-han' | 'hoan-thanh' | 'tat-ca' | 'lich';

export default function UnitTasksPage() {
  const { message } = App.useApp();
  const { me, dataVersion } = useSession();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const { units } = useUnits();
  const defaultUnit = me.grants.find((g) => g.role === 'unit_focal' || g.role === 'division_staff')?.unitId ?? me.grants[0]?.unitId;
  const unitId = params.get('don-vi') ?? defaultUnit ?? '';
  const tab = (params.get('xem') as TabKey) ?? 'thang-nay';
  const [subtree, setSubtree] = useState(false);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Occurrence[] | null>(null);
  const [open, setOpen] = useState<string | null>(params.get('ky'));
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!unitId) { setItems([]); return; }
    let cancelled = false;
    setItems(null);
    api.get<{ items: Occurrence[] }>('/api/occurrences', { unitId, subtree: subtree || undefined })
      .then((r) => { if (!cancelled) setItems(r.items); })
      .catch((err) => { if (!cancelled) { setItems([]); if (err instanceof ApiError && err.status !== 401) message.error(err.message); } });
    return () => { cancelled = true; };
  }, [unitId, subtree, version, dataVersion, message]);

  const today = todayInVietnam();
  const monthStart = `${today.slice(0, 7)}-01`;
  const monthEnd = addDays(`${addDays(monthStart, 31).slice(0, 7)}-01`, -1);
  const groups = useMemo(() => {
    const all = (items ?? []).filter((o) => !q || matchesSearch(`${o.task.number} ${o.task.content} ${o.plan.title} ${o.label}`, q));
    const done = (o: Occurrence) => o.status === 'done_on_time' || o.status === 'done_late';
    return {
      'thang-nay': all.filter((o) => o.dueOn && o.dueOn >= monthStart && o.dueOn <= monthEnd),
      'qua-han': all.filter((o) => o.status === 'overdue'),
      'sap-den-han': all.filter((o) => !done(o) && o.dueOn && o.dueOn >= today && o.dueOn <= addDays(today, 14)),
      'hoan-thanh': all.filter(done).sort((a, b) => (b.completedOn ?? '').localeCompare(a.completedOn ?? '')),
      'tat-ca': all,
      lich: all,
    } satisfies Record<TabKey, Occurrence[]>;
  }, [items, q, today, monthStart, monthEnd]);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };
  const label = (key: TabKey, text: string, danger = false) => (
    <span>{text} {key !== 'lich' && <Badge count={groups[key].length} showZero color={danger && groups[key].length ? '#cf1322' : '#8c8c8c'} overflowCount={999} />}</span>
  );
  const list = (rows: Occurrence[]) => isPhone ? (
    <List
      dataSource={rows}
      locale={{ emptyText: <Empty description="Không có nhiệm vụ nào" /> }}
      renderItem={(o) => (
        <List.Item onClick={() => setOpen(o.id)} style={{ cursor: 'pointer' }} extra={<StatusTag status={o.status} />}>
          <List.Item.Meta title={`${o.task.number} ${o.task.content}`} description={`${o.label} · hạn ${formatDate(o.dueOn)} · ${o.percent}%`} />
        </List.Item>
      )}
    />
  ) : (
    <Table<Occurrence>
      rowKey="id" size="middle" dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description="Không có nhiệm vụ nào" /> }}
      onRow={(o) => ({ onClick: () => setOpen(o.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: 'Hạn', key: 'due', width: 110, render: (_, o) => (o.dueOn ? formatDate(o.dueOn) : <Tag>Chưa có hạn</Tag>) },
        { title: 'Nhiệm vụ', key: 'task', render: (_, o) => <><b>{o.task.number}</b> {o.task.content}<div className="kh-muted">{o.plan.title}</div></> },
        { title: 'Kỳ', dataIndex: 'label', width: 150 },
        ...(subtree ? [{ title: 'Đơn vị', key: 'unit', width: 160, render: (_: unknown, o: Occurrence) => o.unit?.shortName || o.unit?.name }] : []),
        { title: 'Tình hình', key: 'status', width: 170, render: (_, o) => <><StatusTag status={o.status} /> {o.percent}%</> },
      ]}
    />
  );

  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Nhiệm vụ của đơn vị</Typography.Title>
      </div>
      <Space wrap size="middle" style={{ marginBottom: 12 }}>
        <div style={{ width: isPhone ? 'calc(100vw - 48px)' : 420 }}>
          <UnitTreeSelect units={units} value={unitId || undefined} onChange={(v) => setParam('don-vi', v as string)} placeholder="Chọn đơn vị" />
        </div>
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', cursor: 'pointer' }}>
          <Switch size="small" checked={subtree} onChange={setSubtree} /> Gồm cả đơn vị cấp dưới
        </label>
        <Input allowClear prefix={<SearchOutlined />} value={q} onChange={(e) => setQ(e.target.value)} placeholder="Tìm nhiệm vụ (không dấu cũng được)" aria-label="Tìm nhiệm vụ" style={{ width: isPhone ? 'calc(100vw - 48px)' : 320 }} />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam('xem', k)}
        items={[
          { key: 'thang-nay', label: label('thang-nay', 'Hạn trong tháng này') },
          { key: 'qua-han', label: label('qua-han', 'Quá hạn', true) },
          { key: 'sap-den-han', label: label('sap-den-han', 'Sắp đến hạn') },
          { key: 'hoan-thanh', label: label('hoan-thanh', 'Đã hoàn thành') },
          { key: 'tat-ca', label: label('tat-ca', 'Tất cả') },
          { key: 'lich', label: 'Lịch' },
        ].map((t) => ({ ...t, children: items === null ? <Table loading columns={[]} /> : t.key === 'lich' ? <DueCalendar occurrences={groups.lich} /> : list(groups[t.key as TabKey]) }))}
      />
      <OccurrenceDrawer id={open} onClose={() => setOpen(null)} onSaved={() => setVersion((v) => v + 1)} />
    </>
  );
}
