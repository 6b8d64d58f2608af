// One plan: its header as signed, the counts, and tabs for the appendix, the timeline, the calendar and the units.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Breadcrumb, Button, Descriptions, Popconfirm, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { CheckCircleOutlined, DeleteOutlined, EditOutlined, FileExcelOutlined, ImportOutlined, PlayCircleOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import type { Occurrence, Overview, PlanDetail, Task } from '../../api/plans.ts';
import { formatDate } from '../../components/format.ts';
import { ForbiddenResult, NotFoundResult } from '../../components/Results.tsx';
import { useSession } from '../../components/session.tsx';
import { CountsSummary } from '../../components/status.tsx';
import DueCalendar from '../../components/DueCalendar.tsx';
import ImportTasksModal from './ImportTasksModal.tsx';
import AppendixTable from './AppendixTable.tsx';
import PlanFormModal from './PlanFormModal.tsx';
import { planNumber, PLAN_STATUS_COLORS } from './PlansPage.tsx';
import PlanIndicators from '../targets/PlanIndicators.tsx';
import ScorecardTab from '../targets/ScorecardTab.tsx';
import PlanTimeline from './PlanTimeline.tsx';
import SectionFormModal from './SectionFormModal.tsx';
import TaskFormModal from './TaskFormModal.tsx';
import UnitCountsTable from './UnitCountsTable.tsx';

type Item = { key: string; label: string; children: ReactNode };

export default function PlanPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const navigate = useNavigate();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [occurrences, setOccurrences] = useState<Occurrence[] | null>(null);
  const [byUnit, setByUnit] = useState<Overview['byUnit'] | null>(null);
  const [modal, setModal] = useState<'plan' | 'section' | 'task' | 'import' | null>(null);
  const [editingTask, setEditingTask] = useState<Task | null>(null);
  const [tab, setTab] = useState('phu-luc');

  const load = useCallback(async () => {
    try {
      setPlan(await api.get<PlanDetail>(`/api/plans/${id}`));
      setFailure(null);
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
    }
  }, [id, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { setPlan(null); setOccurrences(null); setByUnit(null); void load(); }, [load]);
  // The timeline, calendar and unit tabs load their data when first opened.
  useEffect(() => {
    if ((tab === 'tien-do' || tab === 'lich') && !occurrences) api.get<{ items: Occurrence[] }>('/api/occurrences', { planId: id }).then((r) => setOccurrences(r.items), () => setOccurrences([]));
    if (tab === 'don-vi' && !byUnit) api.get<Overview>('/api/plans-overview', { planId: id }).then((r) => setByUnit(r.byUnit), () => setByUnit([]));
  }, [tab, id, occurrences, byUnit]);

  if (failure?.status === 403) return <ForbiddenResult message={failure.message} />;
  if (failure) return <NotFoundResult message={failure.message} />;
  if (!plan) return <Skeleton active paragraph={{ rows: 12 }} />;

  const refresh = () => { setOccurrences(null); setByUnit(null); void load(); };
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try { await fn(); message.success(done); refresh(); } catch (err) { message.error((err as Error).message); }
  };
  const setStatus = (status: string, done: string) => act(() => api.post(`/api/plans/${plan.id}/status`, { status }), done);

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/ke-hoach">Kế hoạch</Link> }, { title: planNumber(plan) }]} />
      <div className="kh-page-header">
        <Space orientation="vertical" size={4} style={{ flex: 1, minWidth: 260 }}>
          <Typography.Text type="secondary">{[plan.issuerParent, plan.issuer].filter(Boolean).join(' — ')}</Typography.Text>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>KẾ HOẠCH {plan.title}</Typography.Title>
          <Space wrap size={4}>
            <Tag color={PLAN_STATUS_COLORS[plan.status]}>{plan.statusLabel}</Tag>
            <span className="kh-muted">Số: {planNumber(plan)} · {plan.place ? `${plan.place}, ` : ''}ngày {formatDate(plan.issuedOn)}</span>
          </Space>
        </Space>
        {plan.can.manage && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setModal('plan')}>Sửa thông tin</Button>
            {plan.status === 'draft' && (
              <Popconfirm title="Ban hành kế hoạch?" description="Các nhiệm vụ sẽ được giao cho đơn vị chủ trì theo thời hạn." okText="Ban hành" cancelText="Hủy" onConfirm={() => setStatus('active', 'Đã ban hành kế hoạch.')}>
                <Button type="primary" icon={<PlayCircleOutlined />}>Ban hành</Button>
              </Popconfirm>
            )}
            {plan.status === 'active' && (
              <Popconfirm title="Kết thúc kế hoạch?" description="Các đơn vị sẽ không cập nhật tiến độ được nữa." okText="Kết thúc" cancelText="Hủy" onConfirm={() => setStatus('closed', 'Đã kết thúc kế hoạch.')}>
                <Button icon={<CheckCircleOutlined />}>Kết thúc</Button>
              </Popconfirm>
            )}
            {plan.status === 'closed' && <Button icon={<RollbackOutlined />} onClick={() => setStatus('active', 'Đã mở lại kế hoạch.')}>Mở lại</Button>}
            {plan.status === 'draft' && (
              <Popconfirm title="Xóa dự thảo kế hoạch?" okText="Xóa" cancelText="Hủy" okButtonProps={{ danger: true }}
                onConfirm={() => act(async () => { await api.delete(`/api/plans/${plan.id}`); navigate('/ke-hoach'); }, 'Đã xóa dự thảo.')}>
                <Button danger icon={<DeleteOutlined />}>Xóa</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </div>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="Thời gian thực hiện">{formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}</Descriptions.Item>
        <Descriptions.Item label="Đơn vị chủ quản">{plan.owner?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Người ký">{plan.signer ? `${plan.signerTitle} ${plan.signer}`.trim() : '—'}</Descriptions.Item>
        <Descriptions.Item label="Tiến độ"><CountsSummary counts={plan.counts} /></Descriptions.Item>
      </Descriptions>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }} styles={{ label: { width: 170 } }} items={([
        (plan.parentPlan || plan.parentReference) && {
          key: 'parent', label: 'Thực hiện',
          children: plan.parentPlan ? <Link to={`/ke-hoach/${plan.parentPlan.id}`}>{plan.parentPlan.title}</Link> : plan.parentReference,
        },
        (plan.replacesPlan || plan.replacesReference) && {
          key: 'replaces', label: 'Thay thế',
          children: plan.replacesPlan ? <Link to={`/ke-hoach/${plan.replacesPlan.id}`}>{plan.replacesPlan.title}</Link> : plan.replacesReference,
        },
        plan.replacedBy.length > 0 && { key: 'replacedBy', label: 'Được thay thế bởi', children: plan.replacedBy.map((p) => <div key={p.id}><Link to={`/ke-hoach/${p.id}`}>{p.title}</Link></div>) },
        plan.legalBases.length > 0 && { key: 'bases', label: 'Căn cứ', children: plan.legalBases.map((b, i) => <div key={i}>{b}</div>) },
        plan.sourceFile && { key: 'source', label: 'Văn bản gốc', children: <a href={`/api/files/${plan.sourceFile.id}`} download>{plan.sourceFile.name}</a> },
        plan.childPlans.length > 0 && {
          key: 'children', label: 'Kế hoạch chi tiết của đơn vị',
          children: plan.childPlans.map((c) => <div key={c.id}><Link to={`/ke-hoach/${c.id}`}>{c.owner?.name}: {c.title}</Link></div>),
        },
      ] as (Item | false | '')[]).filter((i): i is Item => !!i)} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'phu-luc', label: `Phụ lục nhiệm vụ (${plan.tasks.length})`, children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  {plan.can.manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditingTask(null); setModal('task'); }}>Thêm nhiệm vụ</Button>}
                  {plan.can.manage && <Button onClick={() => setModal('section')}>Thêm phần</Button>}
                  {plan.can.manage && <Button icon={<ImportOutlined />} onClick={() => setModal('import')}>Nhập từ Excel</Button>}
                  <Button icon={<FileExcelOutlined />} href={`/api/plans/${plan.id}/export.xlsx`} download>Xuất Excel</Button>
                </Space>
                <AppendixTable plan={plan} onEdit={(t) => { setEditingTask(t); setModal('task'); }} onChanged={refresh} />
              </>
            ),
          },
          { key: 'tien-do', label: 'Tiến độ theo thời gian', children: occurrences ? <PlanTimeline plan={plan} occurrences={occurrences} /> : <Skeleton active /> },
          { key: 'lich', label: 'Lịch hạn hoàn thành', children: occurrences ? <DueCalendar occurrences={occurrences} /> : <Skeleton active /> },
          { key: 'don-vi', label: 'Theo đơn vị', children: byUnit ? <UnitCountsTable rows={byUnit} /> : <Skeleton active /> },
          { key: 'chi-tieu', label: 'Chỉ tiêu, báo cáo', children: <PlanIndicators plan={plan} /> },
          { key: 'bang-diem', label: 'Bảng điểm chỉ tiêu', children: <ScorecardTab planId={plan.id} /> },
        ]}
      />
      <PlanFormModal open={modal === 'plan'} editing={plan} onClose={() => setModal(null)} onSaved={() => { setModal(null); message.success('Đã lưu thông tin kế hoạch.'); refresh(); }} />
      <ImportTasksModal open={modal === 'import'} planId={plan.id} onClose={() => setModal(null)} onImported={refresh} />
      <SectionFormModal open={modal === 'section'} planId={plan.id} onClose={() => setModal(null)} onSaved={() => { setModal(null); refresh(); }} />
      <TaskFormModal open={modal === 'task'} plan={plan} editing={editingTask} onClose={() => setModal(null)}
        onSaved={() => { setModal(null); message.success('Đã lưu nhiệm vụ.'); refresh(); }} />
    </>
  );
}
