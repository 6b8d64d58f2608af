// The list of plans: filter by year, status and issuer, search without diacritics, open one, start a new one.
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { FileWordOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { PLAN_STATUS_LABELS, type PlanStatus } from '../../../core/plans/status.ts';
import { sortVi } from '../../../core/text/vietnamese.ts';
import type { Plan, PlanListItem } from '../../api/plans.ts';
import { formatDate } from '../../components/format.ts';
import { useSession } from '../../components/session.tsx';
import { CountsSummary } from '../../components/status.tsx';
import { useSearch } from '../../components/useSearch.ts';
import { useIsPhone } from '../../components/responsive.ts';
import PlanFormModal from './PlanFormModal.tsx';

export const PLAN_STATUS_COLORS: Record<string, string> = { draft: 'default', active: 'blue', closed: 'green', replaced: 'orange' };

export default function PlansPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<PlanStatus | undefined>();
  const [issuer, setIssuer] = useState<string | undefined>();
  // The issuers seen so far, so choosing one does not empty its own list of choices.
  const [issuers, setIssuers] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);

  const { items, loading } = useSearch<PlanListItem>('/api/plans', { q: q.trim(), year, status, issuer }, q);
  useEffect(() => {
    setIssuers((known) => sortVi([...new Set([...known, ...items.map((p) => p.issuer)])], (x) => x));
  }, [items]);

  const thisYear = new Date().getFullYear();
  const years = useMemo(() => Array.from({ length: 8 }, (_, i) => thisYear + 1 - i), [thisYear]);

  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Kế hoạch</Typography.Title>
        {can('plan.manage') && (
          <Space wrap>
            <Button icon={<FileWordOutlined />} onClick={() => navigate('/nhap-ke-hoach')}>Nhập từ văn bản</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>Lập kế hoạch</Button>
          </Space>
        )}
      </div>
      <Space wrap size="middle" style={{ marginBottom: 16 }}>
        <Input
          allowClear prefix={<SearchOutlined />} value={q} onChange={(e) => setQ(e.target.value)}
          placeholder="Tìm theo số, tên kế hoạch, cơ quan ban hành (gõ không dấu cũng được)" aria-label="Tìm kế hoạch"
          style={{ width: 'min(440px, 90vw)' }}
        />
        <Select allowClear placeholder="Năm" aria-label="Lọc theo năm" value={year} onChange={setYear} style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} />
        <Select allowClear placeholder="Trạng thái" aria-label="Lọc theo trạng thái" value={status} onChange={setStatus} style={{ width: 170 }}
          options={Object.entries(PLAN_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
        <Select allowClear placeholder="Cơ quan ban hành" aria-label="Lọc theo cơ quan ban hành" value={issuer} onChange={setIssuer} style={{ width: 220 }}
          options={issuers.map((i) => ({ value: i, label: i }))} />
      </Space>
      <Table<PlanListItem>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={q || year || status || issuer ? 'Không có kế hoạch phù hợp' : 'Chưa có kế hoạch nào'} /> }}
        onRow={(p) => ({ onClick: () => navigate(`/ke-hoach/${p.id}`), style: { cursor: 'pointer' } })}
        scroll={{ x: isPhone ? undefined : 900 }}
        columns={isPhone ? [{
          title: 'Kế hoạch', key: 'plan', render: (_, p) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Link to={`/ke-hoach/${p.id}`} onClick={(e) => e.stopPropagation()}><b>{p.title}</b></Link>
              <span className="kh-muted">{planNumber(p)} · {p.issuer} · {formatDate(p.periodStart)} – {formatDate(p.periodEnd)}</span>
              <Space size={4} wrap><Tag color={PLAN_STATUS_COLORS[p.status]}>{p.statusLabel}</Tag><span>{p.taskCount} nhiệm vụ</span></Space>
              <CountsSummary counts={p.counts} compact />
            </Space>
          ),
        }] : [
          { title: 'Số, ký hiệu', key: 'number', width: 130, render: (_, p) => planNumber(p) },
          { title: 'Tên kế hoạch', key: 'title', render: (_, p) => <Link to={`/ke-hoach/${p.id}`} onClick={(e) => e.stopPropagation()}>{p.title}</Link> },
          { title: 'Cơ quan ban hành', dataIndex: 'issuer', width: 170 },
          { title: 'Thời gian', key: 'period', width: 120, render: (_, p) => <>{formatDate(p.periodStart)}<br />{formatDate(p.periodEnd)}</> },
          { title: 'Nhiệm vụ', dataIndex: 'taskCount', width: 90, align: 'right' },
          { title: 'Trạng thái', key: 'status', width: 140, render: (_, p) => <Tag color={PLAN_STATUS_COLORS[p.status]}>{p.statusLabel}</Tag> },
          { title: 'Tiến độ', key: 'counts', width: 260, render: (_, p) => <CountsSummary counts={p.counts} /> },
        ]}
      />
      <PlanFormModal open={creating} onClose={() => setCreating(false)} onSaved={(p: Plan) => { setCreating(false); navigate(`/ke-hoach/${p.id}`); }} />
    </>
  );
}

/** "3764/KH-SYT", or a note that the draft has no number yet (as "Số: /KH-SYT" in the document). */
export const planNumber = (p: Pick<Plan, 'number'>) => p.number || 'Chưa có số';
