// "Nhiệm vụ của đơn vị": a unit's periods this month, overdue, due soon and done — on a phone as well as a desktop.
// A hospital has a thousand periods a month, so each tab is read from the server a page at a time ("Xem thêm").
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Badge, Button, Empty, Input, List, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { UNIT_VIEW_LABELS, UNIT_VIEWS, type UnitView } from '../../../core/plans/views.ts';
import type { Occurrence, UnitTasksPage as Page } from '../../api/plans.ts';
import { formatDate, formatNumber } from '../../components/format.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import { StatusTag } from '../../components/status.tsx';
import { UnitTreeSelect, useUnits } from '../../components/units.tsx';
import { usePages } from '../../components/usePages.ts';
import OccurrenceDrawer from './OccurrenceDrawer.tsx';
import UnitCalendar from './UnitCalendar.tsx';

type TabKey = UnitView | 'lich';

export default function UnitTasksPage() {
  const { me } = useSession();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const { units } = useUnits();
  const defaultUnit = me.grants.find((g) => g.role === 'unit_focal' || g.role === 'division_staff')?.unitId ?? me.grants[0]?.unitId;
  const unitId = params.get('don-vi') ?? defaultUnit ?? '';
  const tab = (params.get('xem') as TabKey) ?? 'thang-nay';
  const [subtree, setSubtree] = useState(false);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(params.get('ky'));
  const [version, setVersion] = useState(0);
  // The calendar keeps the counts of the tab it replaced on the badges.
  const [view, setView] = useState<UnitView>(tab === 'lich' ? 'thang-nay' : tab);
  useEffect(() => { if (tab !== 'lich') setView(tab); }, [tab]);

  const query = unitId ? { unitId, subtree: subtree || undefined, view, q: q.trim() || undefined } : null;
  const { items, last, hasMore, loadingMore, more } = usePages<Occurrence, Page>('/api/unit-tasks', query, q.trim(), version);
  const counts = last?.counts;

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };
  const label = (key: UnitView) => {
    const n = counts?.[key] ?? 0;
    return <span>{UNIT_VIEW_LABELS[key]} <Badge count={counts ? n : '…'} showZero color={key === 'qua-han' && n ? '#cf1322' : '#8c8c8c'} overflowCount={99999} /></span>;
  };
  const moreButton = hasMore && items && (
    <div style={{ textAlign: 'center', margin: '12px 0' }}>
      <Button onClick={more} loading={loadingMore}>
        Xem thêm (đang hiện {formatNumber(items.length)} / {formatNumber(counts?.[view] ?? 0)})
      </Button>
    </div>
  );
  const empty = <Empty description={q.trim() ? 'Không có nhiệm vụ nào khớp từ khóa' : 'Không có nhiệm vụ nào'} />;
  const list = (rows: Occurrence[] | null) => isPhone ? (
    <List
      loading={rows === null}
      dataSource={rows ?? []}
      locale={{ emptyText: empty }}
      loadMore={moreButton}
      renderItem={(o) => (
        <List.Item onClick={() => setOpen(o.id)} style={{ cursor: 'pointer' }} extra={<StatusTag status={o.status} />}>
          <List.Item.Meta title={`${o.task.number} ${o.task.content}`} description={`${o.label} · hạn ${formatDate(o.dueOn)} · ${o.percent}%`} />
        </List.Item>
      )}
    />
  ) : (
    <>
      <Table<Occurrence>
        rowKey="id" size="middle" dataSource={rows ?? []} loading={rows === null} pagination={false}
        locale={{ emptyText: rows === null ? ' ' : empty }}
        onRow={(o) => ({ onClick: () => setOpen(o.id), onKeyDown: (e) => { if (e.key === 'Enter') setOpen(o.id); }, tabIndex: 0, style: { cursor: 'pointer' } })}
        columns={[
          { title: 'Hạn', key: 'due', width: 110, render: (_, o) => (o.dueOn ? formatDate(o.dueOn) : <Tag>Chưa có hạn</Tag>) },
          ...(view === 'hoan-thanh' ? [{ title: 'Hoàn thành', key: 'done', width: 120, render: (_: unknown, o: Occurrence) => formatDate(o.completedOn) }] : []),
          { title: 'Nhiệm vụ', key: 'task', render: (_, o) => <><b>{o.task.number}</b> {o.task.content}<div className="kh-muted">{o.plan.title}</div></> },
          { title: 'Kỳ', dataIndex: 'label', width: 150 },
          ...(subtree ? [{ title: 'Đơn vị', key: 'unit', width: 160, render: (_: unknown, o: Occurrence) => o.unit?.shortName || o.unit?.name }] : []),
          { title: 'Tình hình', key: 'status', width: 170, render: (_, o) => <><StatusTag status={o.status} /> {o.percent}%</> },
        ]}
      />
      {moreButton}
    </>
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
        destroyOnHidden
        items={[
          ...UNIT_VIEWS.map((key) => ({ key, label: label(key), children: list(key === view ? items : null) })),
          { key: 'lich', label: 'Lịch', children: <UnitCalendar unitId={unitId} subtree={subtree} q={q.trim()} version={version} /> },
        ]}
      />
      <OccurrenceDrawer id={open} onClose={() => setOpen(null)} onSaved={() => setVersion((v) => v + 1)} />
    </>
  );
}
