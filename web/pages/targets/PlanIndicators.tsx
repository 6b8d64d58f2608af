// The plan's "Chỉ tiêu, báo cáo" tab: its indicators with the latest result and a red/amber/green tag, adding them by hand
// or from the targets the plan's text states, and below, the targets and reporting duties as the document words them.
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Empty, Popconfirm, Skeleton, Space, Table, Typography } from 'antd';
import { PlusOutlined, ScheduleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { scheduleFromDuty } from '../../../core/reports/duty.ts';
import ScheduleFormModal from '../reports/ScheduleFormModal.tsx';
import type { SchedulePreset } from '../reports/scheduleForm.ts';
import { formatIndicatorValue } from '../../../core/indicators/rollup.ts';
import { api, ApiError } from '../../api/client.ts';
import type { PlanDetail } from '../../api/plans.ts';
import { useSession } from '../../components/session.tsx';
import { ReportingTable, TargetsTable } from '../plans/PlanMeasures.tsx';
import { periodTypeLabel, RagTag, targetText } from './format.tsx';
import IndicatorFormModal from './IndicatorFormModal.tsx';
import type { IndicatorList, IndicatorListItem } from './types.ts';

export default function PlanIndicators({ plan }: { plan: PlanDetail }) {
  const { message } = App.useApp();
  const { dataVersion, can } = useSession();
  const navigate = useNavigate();
  // A reporting duty the document states becomes a schedule the division confirms.
  const [scheduling, setScheduling] = useState<SchedulePreset | null>(null);
  const [list, setList] = useState<IndicatorList | null>(null);
  const [adding, setAdding] = useState(false);
  const [making, setMaking] = useState(false);

  const load = useCallback(async () => {
    try { setList(await api.get<IndicatorList>(`/api/plans/${plan.id}/indicators`)); } catch (err) { message.error((err as ApiError).message); }
  }, [plan.id, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, [load]);

  const fromTargets = async () => {
    setMaking(true);
    try {
      const res = await api.post<{ items: unknown[] }>(`/api/plans/${plan.id}/indicators/from-targets`);
      message.success(`Đã tạo ${res.items.length} chỉ tiêu từ văn bản kế hoạch.`);
      await load();
    } catch (err) { message.error((err as ApiError).message); } finally { setMaking(false); }
  };

  if (!list) return <Skeleton active />;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {list.can.manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>Thêm chỉ tiêu</Button>}
        {list.can.manage && list.pendingTargets > 0 && (
          <Popconfirm title={`Tạo ${list.pendingTargets} chỉ tiêu từ văn bản kế hoạch?`} description="Tỷ lệ % đo bằng tử số/mẫu số; các đơn vị trực thuộc báo cáo; có thể sửa sau."
            okText="Tạo" cancelText="Hủy" onConfirm={fromTargets}>
            <Button icon={<ThunderboltOutlined />} loading={making}>Tạo từ chỉ tiêu của kế hoạch ({list.pendingTargets})</Button>
          </Popconfirm>
        )}
      </Space>
      <Table<IndicatorListItem>
        rowKey="id" size="small" dataSource={list.items} pagination={false} scroll={{ x: 820 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.pendingTargets ? 'Chưa có chỉ tiêu: tạo từ các chỉ tiêu văn bản kế hoạch nêu hoặc thêm từng chỉ tiêu.' : 'Kế hoạch chưa có chỉ tiêu theo dõi.'} /> }}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 64 },
          {
            title: 'Chỉ tiêu', key: 'subject', render: (_, i) => (
              <>
                <Link to={`/chi-tieu/${i.id}`}>{i.subject}</Link>
                {i.text !== i.subject && <div className="kh-muted">{i.text}</div>}
              </>
            ),
          },
          { title: 'Mức chỉ tiêu', key: 'target', width: 110, render: (_, i) => <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{targetText(i)}</Typography.Text> },
          { title: 'Kỳ báo cáo', key: 'period', width: 100, render: (_, i) => periodTypeLabel(i.periodType) },
          {
            title: 'Kết quả gần nhất', key: 'latest', width: 190, render: (_, i) => (i.latest ? (
              <>
                <Typography.Text strong>{formatIndicatorValue(i.unit, i.latest.value)}</Typography.Text>
                <div className="kh-muted">{i.latest.period.label} · {i.latest.reported}/{i.latest.expected} đơn vị báo cáo</div>
              </>
            ) : <span className="kh-muted">Chưa đến kỳ báo cáo</span>),
          },
          { title: 'Mức đạt', key: 'rag', width: 140, render: (_, i) => <RagTag rag={i.latest?.rag ?? 'none'} /> },
        ]}
      />
      {/* What the imported document says, kept beside the indicators made from it. */}
      {plan.targets.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>Chỉ tiêu văn bản kế hoạch nêu</Typography.Title>
          <TargetsTable targets={plan.targets} />
        </>
      )}
      {plan.reportingDuties.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>Chế độ báo cáo văn bản kế hoạch nêu</Typography.Title>
          <ReportingTable duties={plan.reportingDuties} action={can('report.manage') ? (d) => (
            <Button size="small" icon={<ScheduleOutlined />} onClick={() => setScheduling({ ...scheduleFromDuty(d, plan), planId: plan.id, reportingDutyId: d.id! })}>Lập lịch báo cáo</Button>
          ) : undefined} />
        </>
      )}
      <ScheduleFormModal open={!!scheduling} preset={scheduling} onClose={() => setScheduling(null)}
        onSaved={(id) => { setScheduling(null); navigate(`/bao-cao/${id}`); }} />
      <IndicatorFormModal open={adding} planId={plan.id} editing={null} onClose={() => setAdding(false)}
        onSaved={(i) => { setAdding(false); message.success(`Đã thêm chỉ tiêu ${i.code}.`); void load(); }} />
    </>
  );
}
