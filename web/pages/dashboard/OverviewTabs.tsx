// The overview's tables under the charts: counts by unit and by plan, what is overdue, what falls due this week.
import { Link } from 'react-router';
import { Empty, Table, Tabs } from 'antd';
import type { Occurrence, Overview } from '../../api/plans.ts';
import { formatDate } from '../../components/format.ts';
import { CountsSummary, StatusTag } from '../../components/status.tsx';
import UnitCountsTable from '../plans/UnitCountsTable.tsx';
import { formatNumber } from '../../components/format.ts';
import {} from './types.ts';

export default function OverviewTabs({ data, onOpen }: { data: Overview; onOpen: (occurrenceId: string) => void }) {
  const occurrenceTable = (rows: Occurrence[], empty: string) => (
    <Table<Occurrence>
      rowKey="id" size="small" dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 720 }}
      locale={{ emptyText: <Empty description={empty} /> }}
      onRow={(o) => ({ onClick: () => onOpen(o.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: 'Hạn', key: 'due', width: 100, render: (_, o) => formatDate(o.dueOn) },
        { title: 'Đơn vị', key: 'unit', width: 180, render: (_, o) => o.unit?.name },
        { title: 'Nhiệm vụ', key: 'task', render: (_, o) => <><b>{o.task.number}</b> {o.task.content}<div className="kh-muted">{o.label} · {o.plan.title}</div></> },
        { title: 'Tình hình', key: 'status', width: 170, render: (_, o) => <><StatusTag status={o.status} /> {o.percent}%</> },
      ]}
    />
  );
  return (
    <Tabs items={[
      { key: 'don-vi', label: 'Theo đơn vị', children: <UnitCountsTable rows={data.byUnit} linkUnit={(id) => `/nhiem-vu-don-vi?don-vi=${id}&xem=qua-han`} /> },
      {
        key: 'ke-hoach', label: 'Theo kế hoạch', children: (
          <Table rowKey={(r) => r.plan.id} size="small" dataSource={data.byPlan} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} scroll={{ x: 640 }}
            locale={{ emptyText: <Empty description="Chưa có kế hoạch nào đang thực hiện" /> }}
            columns={[
              { title: 'Kế hoạch', key: 'plan', render: (_, r) => <Link to={`/ke-hoach/${r.plan.id}`}>{r.plan.title}</Link> },
              { title: 'Đơn vị chủ quản', key: 'owner', width: 200, render: (_, r) => r.plan.owner },
              { title: 'Tình hình', key: 'counts', width: 300, render: (_, r) => <CountsSummary counts={r.counts} /> },
            ]} />
        ),
      },
      { key: 'qua-han', label: `Quá hạn (${formatNumber(data.overdue.length)})`, children: occurrenceTable(data.overdue, 'Không có nhiệm vụ quá hạn') },
      { key: 'sap-den-han', label: `Sắp đến hạn (${formatNumber(data.dueSoon.length)})`, children: occurrenceTable(data.dueSoon, 'Không có nhiệm vụ đến hạn trong 7 ngày tới') },
    ]} />
  );
}
