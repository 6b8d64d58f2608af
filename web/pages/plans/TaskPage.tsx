// One task: its appendix row, every lead unit's periods with their status, dates set by hand for tasks that
// wait on a direction or an event, and the roll-up of the unit plans' tasks that implement it.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Breadcrumb, Button, DatePicker, Descriptions, Empty, Form, Input, Skeleton, Table, Tag, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { SCHEDULE_KIND_LABELS } from '../../../core/schedule/types.ts';
import { api, ApiError } from '../../api/client.ts';
import type { Occurrence, TaskDetail } from '../../api/plans.ts';
import { formatDate } from '../../components/format.ts';
import FormModal from '../../components/FormModal.tsx';
import { NotFoundResult } from '../../components/Results.tsx';
import { useSession } from '../../components/session.tsx';
import { CountsSummary, StatusTag } from '../../components/status.tsx';
import { UnitsCell } from './AppendixTable.tsx';
import OccurrenceDrawer from './OccurrenceDrawer.tsx';

export default function TaskPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const [task, setTask] = useState<TaskDetail | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [dating, setDating] = useState<'due' | 'event' | null>(null);
  const [form] = Form.useForm<{ day: Dayjs; label?: string }>();

  const load = useCallback(async () => {
    try { setTask(await api.get<TaskDetail>(`/api/tasks/${id}`)); } catch (err) { if (err instanceof ApiError) setFailure(err); }
  }, [id, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { setTask(null); void load(); }, [load]);

  if (failure) return <NotFoundResult message={failure.message} />;
  if (!task) return <Skeleton active paragraph={{ rows: 10 }} />;
  const waits = task.schedule.kind === 'event' || task.schedule.kind === 'directive' || task.schedule.kind === 'unspecified';
  const mayRecord = task.can.manage || task.occurrences.some((o) => o.can.record);

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[
        { title: <Link to="/ke-hoach">Kế hoạch</Link> },
        { title: <Link to={`/ke-hoach/${task.plan.id}`}>{task.plan.number || task.plan.title.slice(0, 40)}</Link> },
        { title: `Nhiệm vụ ${task.number}` },
      ]} />
      <Typography.Title level={2} style={{ fontSize: 20 }}>{task.number} {task.content}</Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Đơn vị chủ trì"><UnitsCell lead units={task.leads} text={task.leadText} /><div className="kh-muted">{task.leads.map((u) => u.name).join("; ")}</div></Descriptions.Item>
        <Descriptions.Item label="Đơn vị phối hợp"><UnitsCell units={task.coordinators} text={task.coordinatorText} /></Descriptions.Item>
        <Descriptions.Item label="Thời gian hoàn thành">
          {task.deadlineText || '—'} <Tag color="geekblue">{SCHEDULE_KIND_LABELS[task.schedule.kind]}</Tag>
          <div className="kh-muted">{task.schedule.explanation}</div>
        </Descriptions.Item>
        <Descriptions.Item label="Sản phẩm, kết quả">{task.product || '—'}</Descriptions.Item>
        {task.note && <Descriptions.Item label="Ghi chú" span={2}>{task.note}</Descriptions.Item>}
        <Descriptions.Item label="Tình hình" span={2}><CountsSummary counts={task.counts} /></Descriptions.Item>
      </Descriptions>
      <div className="kh-page-header">
        <Typography.Title level={3} style={{ fontSize: 17 }}>Các kỳ thực hiện</Typography.Title>
        {waits && mayRecord && task.plan.status === 'active' && (
          <span>
            {task.can.manage && <Button icon={<CalendarOutlined />} onClick={() => setDating('due')} style={{ marginRight: 8 }}>Đặt hạn</Button>}
            {task.schedule.kind === 'event' && <Button onClick={() => setDating('event')}>Ghi nhận phát sinh</Button>}
          </span>
        )}
      </div>
      <Table<Occurrence>
        rowKey="id" size="small" dataSource={task.occurrences} pagination={{ pageSize: 30, hideOnSinglePage: true }} scroll={{ x: 640 }}
        locale={{ emptyText: <Empty description={waits ? 'Chưa có hạn: đặt hạn khi có chỉ đạo hoặc ghi nhận khi phát sinh.' : 'Chưa có kỳ thực hiện (kế hoạch chưa ban hành?)'} /> }}
        onRow={(o) => ({ onClick: () => setOpen(o.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: 'Đơn vị', key: 'unit', render: (_, o) => o.unit?.name },
          { title: 'Kỳ', dataIndex: 'label', width: 170 },
          { title: 'Hạn', key: 'due', width: 110, render: (_, o) => formatDate(o.dueOn) },
          { title: 'Tình hình', key: 'status', width: 200, render: (_, o) => <><StatusTag status={o.status} /> {o.percent}%</> },
        ]}
      />
      {task.implementations.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 17, marginTop: 24 }}>Kế hoạch chi tiết của các đơn vị</Typography.Title>
          <Table
            rowKey="taskId" size="small" dataSource={task.implementations} pagination={false} scroll={{ x: 640 }}
            columns={[
              { title: 'Đơn vị', key: 'owner', render: (_, r) => r.owner?.name },
              { title: 'Nhiệm vụ của đơn vị', key: 'task', render: (_, r) => <Link to={`/nhiem-vu/${r.taskId}`}>{r.number} {r.content}</Link> },
              { title: 'Tình hình', key: 'counts', width: 260, render: (_, r) => <CountsSummary counts={r.counts} /> },
            ]}
          />
        </>
      )}
      <OccurrenceDrawer id={open} onClose={() => setOpen(null)} onSaved={() => void load()} />
      <FormModal<{ day: Dayjs; label?: string }>
        title={dating === 'event' ? 'Ghi nhận sự kiện phát sinh' : 'Đặt hạn hoàn thành'} open={!!dating} form={form} onCancel={() => setDating(null)}
        onSubmit={async (v) => {
          const day = v.day.format('YYYY-MM-DD');
          const res = await api.post<{ dueOn: string }>(`/api/tasks/${task.id}/occurrences`, dating === 'event' ? { eventOn: day, label: v.label } : { dueOn: day, label: v.label });
          setDating(null);
          message.success(`Đã đặt hạn ${formatDate(res.dueOn)} cho các đơn vị chủ trì.`);
          void load();
        }}
      >
        <Form.Item name="day" label={dating === 'event' ? 'Ngày phát sinh' : 'Hạn hoàn thành'} rules={[{ required: true, message: 'Chọn ngày.' }]}
          extra={dating === 'event' ? 'Hạn hoàn thành được tính từ ngày này theo số ngày của kế hoạch.' : undefined}>
          <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="label" label="Tên kỳ" extra="Ví dụ: Theo Công văn số 123/UBND ngày 05/8/2026"><Input /></Form.Item>
      </FormModal>
    </>
  );
}
