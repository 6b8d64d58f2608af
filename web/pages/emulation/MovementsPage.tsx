// "Thi đua, khen thưởng": the Sở's emulation movements, each with its years and where its nominations stand, and
// the way to the history of awards across the years.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { NOMINATION_STATUSES } from '../../../core/emulation/workflow.ts';
import { api, ApiError } from '../../api/client.ts';
import { useSession } from '../../components/session.tsx';
import MovementFormModal from './MovementFormModal.tsx';
import { HISTORY_PATH, movementLink, NominationStatusTag, thisYear, type MovementSummary } from './shared.tsx';
import './emulation.css';

export default function MovementsPage() {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const navigate = useNavigate();
  const [items, setItems] = useState<MovementSummary[] | null>(null);
  const [canCreate, setCanCreate] = useState(false);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setItems(null);
    api.get<{ items: MovementSummary[]; canCreate: boolean }>('/api/emulation/movements').then(
      (r) => { if (!cancelled) { setItems(r.items); setCanCreate(r.canCreate); } },
      (err) => { if (!cancelled) { setItems([]); if (err instanceof ApiError && err.status !== 401) message.error(err.message); } },
    );
    return () => { cancelled = true; };
  }, [dataVersion, message]);

  const year = thisYear();
  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Thi đua, khen thưởng</Typography.Title>
        <div className="kh-em-actions" style={{ marginBottom: 0 }}>
          <Link to={HISTORY_PATH}><Button icon={<HistoryOutlined />}>Lịch sử khen thưởng</Button></Link>
          {canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>Lập phong trào thi đua</Button>}
        </div>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        Phong trào thi đua của Sở: đăng ký thi đua của đơn vị, hồ sơ đề nghị khen thưởng, kết quả xét của Hội đồng Thi đua - Khen thưởng,
        quyết định khen thưởng và bảng điểm khối thi đua.
      </Typography.Paragraph>
      {!items ? <Skeleton active paragraph={{ rows: 6 }} /> : items.length === 0 ? (
        <Card><Empty description={`Chưa có phong trào thi đua nào.${canCreate ? ' Bấm “Lập phong trào thi đua” để lập.' : ''}`} /></Card>
      ) : (
        <div className="kh-em-list" id="phong-trao-thi-dua">
          {items.map((m) => {
            // Open the movement on the year under way when it is one of its years.
            const open = year >= m.startYear && year <= m.endYear ? year : m.endYear < year ? m.endYear : m.startYear;
            const counts = NOMINATION_STATUSES.filter((s) => m.nominations[s] > 0);
            const total = NOMINATION_STATUSES.reduce((s, k) => s + (m.nominations[k] ?? 0), 0);
            return (
              <Card key={m.id} size="small">
                <Link to={movementLink(m.id, open)} style={{ fontWeight: 600, fontSize: 16 }}>{m.name}</Link>
                <div className="kh-em-meta">
                  {m.number && <span>Kế hoạch số {m.number}</span>}
                  <span>Giai đoạn {m.startYear}–{m.endYear}</span>
                  <span>{total} hồ sơ đề nghị khen thưởng</span>
                </div>
                {counts.length > 0 && (
                  <div className="kh-em-counts">
                    {counts.map((s) => <span key={s}><NominationStatusTag status={s} /> <b>{m.nominations[s]}</b></span>)}
                  </div>
                )}
              </Card>
            );
          })}
        </div>
      )}
      <MovementFormModal
        open={creating} onClose={() => setCreating(false)}
        onCreated={(id) => { setCreating(false); message.success('Đã lập phong trào thi đua.'); navigate(movementLink(id)); }}
      />
    </>
  );
}
