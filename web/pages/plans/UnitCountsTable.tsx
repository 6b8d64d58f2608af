// Counts per lead unit, the worst first: what leadership reads to see who is late.
import { Link } from 'react-router';
import { Empty, Table } from 'antd';
import type { Overview } from '../../api/plans.ts';
import { CountsSummary } from '../../components/status.tsx';

type Row = Overview['byUnit'][number];

export default function UnitCountsTable({ rows, linkUnit }: { rows: Row[]; linkUnit?: (unitId: string) => string }) {
  return (
    <Table<Row>
      rowKey={(r) => r.unit.id}
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty description="Chưa có đơn vị nào được giao nhiệm vụ" /> }}
      scroll={{ x: 860 }}
      columns={[
        { title: 'Đơn vị', key: 'unit', width: 240, render: (_, r) => (linkUnit ? <Link to={linkUnit(r.unit.id)}>{r.unit.name}</Link> : r.unit.name) },
        { title: 'Số kỳ', key: 'total', width: 70, align: 'right', render: (_, r) => r.counts.total },
        { title: 'Quá hạn', key: 'overdue', width: 80, align: 'right', render: (_, r) => <b style={{ color: r.counts.overdue ? '#cf1322' : undefined }}>{r.counts.overdue}</b> },
        { title: 'Sắp đến hạn', key: 'soon', width: 100, align: 'right', render: (_, r) => r.counts.dueSoon },
        { title: 'Đúng hạn', key: 'rate', width: 90, align: 'right', render: (_, r) => (r.onTimeRate === null ? '—' : `${r.onTimeRate}%`) },
        { title: 'Tình hình', key: 'counts', width: 280, render: (_, r) => <CountsSummary counts={r.counts} /> },
      ]}
    />
  );
}
