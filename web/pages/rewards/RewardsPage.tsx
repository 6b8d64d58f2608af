// "Đề nghị xét thưởng" (seed 000 II.4, appendix tasks 11–12): every proposal the user may read — a unit's own,
// or all of them for the Sở's reviewing division and leadership — where each stands and what it was decided,
// and for a unit's IT section the button that records a new achievement and proposes it.
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Empty, List, Segmented, Select, Skeleton, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import ProposeModal from './ProposeModal.tsx';
import { dutyUnits, Money, periodLabel, rewardLink, RewardStatusTag, STATUS_LABELS, type RewardItem, type RewardStatus } from './shared.tsx';
import './rewards.css';

type Filter = 'all' | RewardStatus;

export default function RewardsPage() {
  const { message } = App.useApp();
  const { me, can, dataVersion } = useSession();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [items, setItems] = useState<RewardItem[] | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [proposing, setProposing] = useState(false);
  // Proposing needs the IT duty on the exact paying unit, not only the permission.
  const units = useMemo(() => (can('allowance.prepare') ? dutyUnits(me, 'prepare') : []), [me, can]);

  useEffect(() => {
    let cancelled = false;
    api.get<{ items: RewardItem[] }>('/api/rewards').then(
      (r) => { if (!cancelled) setItems(r.items); },
      (err) => { if (!cancelled) { setItems([]); if (err instanceof ApiError && err.status !== 401) message.error(err.message); } },
    );
    return () => { cancelled = true; };
  }, [dataVersion, message]);

  const count = (s: RewardStatus) => (items ?? []).filter((i) => i.status === s).length;
  const shown = (items ?? []).filter((i) => filter === 'all' || i.status === filter);
  const filters = [
    { value: 'all' as Filter, label: `Tất cả (${(items ?? []).length})` },
    ...(['proposed', 'returned', 'approved', 'rejected'] as const).map((s) => ({ value: s as Filter, label: `${STATUS_LABELS[s]} (${count(s)})` })),
  ];
  const decided = (items ?? []).filter((i) => i.status === 'approved').reduce((s, i) => s + (i.decidedAmount ?? 0), 0);

  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Đề nghị xét thưởng</Typography.Title>
        {units.length > 0 && <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)}>Đề nghị thưởng</Button>}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        Thưởng nhiệm vụ, tập thể, cá nhân có sản phẩm, kết quả đầu ra (vượt yêu cầu hoặc có tác động thực chất) và có khả năng nhân rộng
        (khoản 4, Điều 2 Nghị quyết số 07/2026/NQ-HĐND). Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin thẩm định, đối chiếu sổ thành tích để không thưởng trùng.
      </Typography.Paragraph>
      {!items ? <Skeleton active paragraph={{ rows: 8 }} /> : items.length === 0 ? (
        <Card><Empty description={units.length
          ? 'Chưa có hồ sơ đề nghị xét thưởng. Bấm “Đề nghị thưởng” để ghi thành tích có kết quả đầu ra đủ điều kiện.'
          : 'Chưa có hồ sơ đề nghị xét thưởng nào.'} /></Card>
      ) : (
        <Card size="small" styles={{ body: { padding: isPhone ? 8 : 12 } }}>
          <div className="kh-rw-toolbar">
            {/* Five long choices do not fit a phone's width side by side: a drop-down there. */}
            {isPhone
              ? <Select<Filter> value={filter} onChange={setFilter} options={filters} aria-label="Lọc theo trạng thái" style={{ width: '100%' }} />
              : <Segmented<Filter> value={filter} onChange={setFilter} options={filters} aria-label="Lọc theo trạng thái" />}
            {decided > 0 && <span>Đã quyết định thưởng: <Money value={decided} strong /></span>}
          </div>
          {/* A phone gets each proposal as a block to read down; a desktop the comparable columns. */}
          {isPhone ? (
            <List<RewardItem>
              dataSource={shown} pagination={shown.length > 20 ? { pageSize: 20, size: 'small' } : false} className="kh-rw-table"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có hồ sơ ở trạng thái này." /> }}
              renderItem={(r) => (
                <List.Item>
                  <div className="kh-rw-item">
                    <Link to={rewardLink(r.id)} style={{ fontWeight: 500 }}>{r.title}</Link>
                    <span className="kh-rw-item-meta">{r.unitName} · {r.subjectLabel} · {periodLabel(r.period)}</span>
                    <span><RewardStatusTag status={r.status} /></span>
                    <span className="kh-rw-item-money">
                      <span>Đề nghị: <Money value={r.proposedAmount} /></span>
                      {r.status === 'approved' && <span>Thưởng: <Money value={r.decidedAmount} strong /> (QĐ {r.decisionNo})</span>}
                    </span>
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<RewardItem>
              rowKey="id" size="small" dataSource={shown} pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              scroll={{ x: 1000 }} className="kh-rw-table"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có hồ sơ ở trạng thái này." /> }}
              onRow={(r) => ({ onDoubleClick: () => navigate(rewardLink(r.id)) })}
              columns={[
                // Who and when sit under the title: the row stays one screen wide on a laptop.
                {
                  title: 'Thành tích', dataIndex: 'title', fixed: 'left',
                  render: (t: string, r) => <><Link to={rewardLink(r.id)}>{t}</Link><div className="kh-rw-item-meta">{r.subjectLabel} · {periodLabel(r.period)}</div></>,
                },
                { title: 'Đơn vị', dataIndex: 'unitName', width: 170 },
                { title: 'Trạng thái', dataIndex: 'status', width: 170, render: (s: RewardStatus) => <RewardStatusTag status={s} /> },
                { title: 'Đề nghị', dataIndex: 'proposedAmount', width: 120, align: 'right', render: (v: number) => <Money value={v} /> },
                { title: 'Được thưởng', dataIndex: 'decidedAmount', width: 120, align: 'right', render: (v: number | null) => <Money value={v} /> },
                { title: 'Số quyết định', dataIndex: 'decisionNo', width: 120, render: (v: string) => v || '—' },
                { title: 'Ngày gửi', dataIndex: 'proposedAt', width: 100, render: (v: string) => formatDate(v) },
              ]}
            />
          )}
        </Card>
      )}
      <ProposeModal
        open={proposing} units={units} onClose={() => setProposing(false)}
        onCreated={(v) => { setProposing(false); message.success('Đã gửi đề nghị xét thưởng.'); navigate(rewardLink(v.id)); }}
      />
    </>
  );
}
