// "Kiểm tra, giám sát": the year's inspection plans, each with how many units have a concluded inspection against
// the plan's minimum coverage, and the corrective actions still open; a division or the inspectors plan a new one.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Empty, Select, Skeleton, Tag, Typography } from 'antd';
import { ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { todayInVietnam } from '../../../core/schedule/dates.ts';
import { api, ApiError } from '../../api/client.ts';
import { useSession } from '../../components/session.tsx';
import PlanFormModal from './PlanFormModal.tsx';
import { CoverageBar, planLink, type PlanSummary } from './shared.tsx';
import './inspections.css';

const THIS_YEAR = Number(todayInVietnam().slice(0, 4));

export default function InspectionsPage() {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const navigate = useNavigate();
  const [year, setYear] = useState(THIS_YEAR);
  const [data, setData] = useState<{ items: PlanSummary[]; canCreate: boolean } | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setData(null);
    api.get<{ items: PlanSummary[]; canCreate: boolean }>('/api/inspection-plans', { year }).then(
      (r) => { if (!cancelled) setData(r); },
      (err) => { if (!cancelled) { setData({ items: [], canCreate: false }); if (err instanceof ApiError && err.status !== 401) message.error(err.message); } },
    );
    return () => { cancelled = true; };
  }, [year, dataVersion, message]);

  const years = [THIS_YEAR + 1, THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2];
  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Kiểm tra, giám sát</Typography.Title>
        <div className="kh-ins-actions">
          <Select<number>
            id="nam-kiem-tra" aria-label="Năm" value={year} onChange={setYear} style={{ width: 120 }}
            options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
          />
          {data?.canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>Lập kế hoạch kiểm tra</Button>}
        </div>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        Kế hoạch kiểm tra trong năm, tỷ lệ đơn vị thuộc Sở đã được kiểm tra và có kết luận so với chỉ tiêu tối thiểu, và các biện pháp khắc phục sau kiểm tra.
      </Typography.Paragraph>
      {!data ? <Skeleton active paragraph={{ rows: 6 }} /> : data.items.length === 0 ? (
        <Card><Empty description={`Chưa có kế hoạch kiểm tra năm ${year}.${data.canCreate ? ' Bấm “Lập kế hoạch kiểm tra” để lập.' : ''}`} /></Card>
      ) : (
        <div className="kh-ins-plans" id="ke-hoach-kiem-tra">
          {data.items.map((p) => (
            <Card key={p.id} size="small">
              <Link to={planLink(p.id)} style={{ fontWeight: 600, fontSize: 16 }}>{p.subject}</Link>
              <div className="kh-ins-plan-meta">
                <span>Năm {p.year}</span>
                <span>Chủ trì: {p.ownerUnit.name}</span>
                <span>Biện pháp khắc phục chưa đóng: <b>{p.openActions}</b></span>
                {p.overdueActions > 0 && <Tag color="error" icon={<ExclamationCircleOutlined />}>{p.overdueActions} quá hạn khắc phục</Tag>}
              </div>
              <CoverageBar c={p.coverage} />
            </Card>
          ))}
        </div>
      )}
      <PlanFormModal
        open={creating} year={year} onClose={() => setCreating(false)}
        onCreated={(id) => { setCreating(false); message.success('Đã lập kế hoạch kiểm tra.'); navigate(planLink(id)); }}
      />
    </>
  );
}
