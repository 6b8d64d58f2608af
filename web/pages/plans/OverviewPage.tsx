// Leadership's overview: the Government-style counts across active plans, who is late, what falls due this week.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Card, Col, Empty, Row, Skeleton, Statistic, Table, Tabs, Typography } from 'antd';
import { api, ApiError } from '../../api/client.ts';
import type { Occurrence, Overview } from '../../api/plans.ts';
import { formatDate } from '../../components/format.ts';
import { useSession } from '../../components/session.tsx';
import { CountsSummary, StatusTag } from '../../components/status.tsx';
import OccurrenceDrawer from './OccurrenceDrawer.tsx';
import UnitCountsTable from './UnitCountsTable.tsx';

export default function OverviewPage() {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const [data, setData] = useState<Overview | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.get<Overview>('/api/plans-overview').then(setData, (err) => { if (err instanceof ApiError && err.status !== 401) message.error(err.message); });
  }, [dataVersion, version, message]);
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const t = data.totals;
  const occurrenceTable = (rows: Occurrence[], empty: string) => (
    <Table<Occurrence>
      rowKey="id" size="small" dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 720 }}
      locale={{ emptyText: <Empty description={empty} /> }}
      onRow={(o) => ({ onClick: () => setOpen(o.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: 'Hạn', key: 'due', width: 100, render: (_, o) => formatDate(o.dueOn) },
        { title: 'Đơn vị', key: 'unit', width: 180, render: (_, o) => o.unit?.name },
        { title: 'Nhiệm vụ', key: 'task', render: (_, o) => <><b>{o.task.number}</b> {o.task.content}<div className="kh-muted">{o.label} · {o.plan.title}</div></> },
        { title: 'Tình hình', key: 'status', width: 170, render: (_, o) => <><StatusTag status={o.status} /> {o.percent}%</> },
      ]}
    />
  );
  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Tổng quan thực hiện kế hoạch</Typography.Title>
        <span className="kh-muted">Số liệu đến ngày {formatDate(data.today)}</span>
      </div>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {[
          ['Đang thực hiện trong hạn', t.notDue + t.inProgress, '#1677ff'],
          ['Quá hạn', t.overdue, '#cf1322'],
          ['Hoàn thành đúng hạn', t.doneOnTime, '#389e0d'],
          ['Hoàn thành quá hạn', t.doneLate, '#d48806'],
          ['Sắp đến hạn (7 ngày)', t.dueSoon, '#531dab'],
        ].map(([title, value, color]) => (
          <Col key={title as string} xs={12} md={8} xl={4}>
            <Card size="small"><Statistic title={title as string} value={value as number} styles={{ content: { color: color as string } }} /></Card>
          </Col>
        ))}
      </Row>
      <Tabs items={[
        { key: 'don-vi', label: 'Theo đơn vị', children: <UnitCountsTable rows={data.byUnit} linkUnit={(id) => `/nhiem-vu-don-vi?don-vi=${id}&xem=qua-han`} /> },
        {
          key: 'ke-hoach', label: 'Theo kế hoạch', children: (
            <Table rowKey={(r) => r.plan.id} size="small" dataSource={data.byPlan} pagination={false} scroll={{ x: 640 }}
              columns={[
                { title: 'Kế hoạch', key: 'plan', render: (_, r) => <Link to={`/ke-hoach/${r.plan.id}`}>{r.plan.title}</Link> },
                { title: 'Đơn vị chủ quản', key: 'owner', width: 200, render: (_, r) => r.plan.owner },
                { title: 'Tình hình', key: 'counts', width: 300, render: (_, r) => <CountsSummary counts={r.counts} /> },
              ]} />
          ),
        },
        { key: 'qua-han', label: `Quá hạn (${data.overdue.length})`, children: occurrenceTable(data.overdue, 'Không có nhiệm vụ quá hạn') },
        { key: 'sap-den-han', label: `Sắp đến hạn (${data.dueSoon.length})`, children: occurrenceTable(data.dueSoon, 'Không có nhiệm vụ đến hạn trong 7 ngày tới') },
      ]} />
      <OccurrenceDrawer id={open} onClose={() => setOpen(null)} onSaved={() => setVersion((v) => v + 1)} />
    </>
  );
}
