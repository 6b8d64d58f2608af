// "Báo cáo định kỳ": every schedule the user reviews or owes, its current period and reporting rates,
// and for a unit its own report of that period one click away.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Descriptions, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, EyeOutlined, PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import { useSession } from '../../components/session.tsx';
import ScheduleFormModal from './ScheduleFormModal.tsx';
import { CompletenessBar, DueHint, StateTag } from './StateTags.tsx';
import { OWED, reportLink, scheduleLink, type ScheduleListItem } from './types.ts';
import './reports.css';

export default function ReportsPage() {
  const { message } = App.useApp();
  const { can, dataVersion } = useSession();
  const navigate = useNavigate();
  const [items, setItems] = useState<ScheduleListItem[] | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.get<{ items: ScheduleListItem[] }>('/api/report-schedules').then(
      (r) => { if (!cancelled) setItems(r.items); },
      (err) => { if (!cancelled) { setItems([]); if (err instanceof ApiError && err.status !== 401) message.error(err.message); } },
    );
    return () => { cancelled = true; };
  }, [dataVersion, message]);

  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Báo cáo định kỳ</Typography.Title>
        <Space wrap>
          <Button icon={<ProfileOutlined />} onClick={() => navigate('/bao-cao/bieu-mau')}>Biểu mẫu báo cáo</Button>
          {can('report.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>Lập lịch báo cáo</Button>}
        </Space>
      </div>
      {!items ? <Skeleton active paragraph={{ rows: 8 }} /> : items.length === 0 ? (
        <Empty description={can('report.manage')
          ? 'Chưa có lịch báo cáo nào. Lập lịch để các đơn vị biết phải gửi báo cáo gì, khi nào.'
          : 'Chưa có báo cáo định kỳ nào đơn vị phải gửi hoặc theo dõi.'} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {items.map((s) => <ScheduleCard key={s.id} s={s} />)}
        </Space>
      )}
      <ScheduleFormModal open={creating} onClose={() => setCreating(false)} onSaved={(id) => { setCreating(false); navigate(scheduleLink(id)); }} />
    </>
  );
}

function ScheduleCard({ s }: { s: ScheduleListItem }) {
  const navigate = useNavigate();
  const current = s.current;
  // Reviewers and readers above the units (leadership, inspectors) see the rates; a unit sees its own report.
  const showRates = current && (s.canReview || s.mine.length === 0);
  return (
    <Card
      size="small"
      title={<Link to={scheduleLink(s.id)} style={{ whiteSpace: 'normal' }}>{s.title}</Link>}
      extra={!s.active && <Tag>Ngừng áp dụng</Tag>}
      styles={{ header: { paddingBlock: 8 } }}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'form', label: 'Biểu mẫu', children: s.templateName },
        { key: 'owner', label: 'Phòng theo dõi', children: s.owner.name },
        { key: 'rule', label: 'Chế độ báo cáo', children: s.rule },
        {
          key: 'period', label: 'Kỳ hiện tại',
          children: current ? <span><b>{current.period.label}</b> · <DueHint period={current.period} /></span> : <span className="kh-muted">Chưa có kỳ báo cáo</span>,
        },
      ]} />
      {showRates && <div style={{ marginTop: 8, maxWidth: 640 }}><CompletenessBar c={current.completeness} /></div>}
      {current && s.mine.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>Báo cáo của đơn vị</Typography.Text>
          <List
            size="small"
            dataSource={s.mine}
            renderItem={(u) => {
              const owed = OWED.includes(u.state) && (!current.period.locked || u.exception);
              return (
                <List.Item
                  style={{ flexWrap: 'wrap', gap: 8 }}
                  actions={[
                    <Button
                      key="open" type={owed ? 'primary' : 'default'} size="small" icon={owed ? <EditOutlined /> : <EyeOutlined />}
                      onClick={() => navigate(reportLink(s.id, current.period.key, u.unit.id))}
                    >
                      {owed ? 'Lập báo cáo' : 'Xem'}
                    </Button>,
                  ]}
                >
                  <Space wrap size={4}><span>{u.unit.name}</span><StateTag state={u.state} /></Space>
                </List.Item>
              );
            }}
          />
        </>
      )}
    </Card>
  );
}
