// The appendix as the signed document lays it out: Roman-numeral sections, STT, task, lead, coordinators,
// deadline (with how kehoach understood it), product, note — plus the live status of each task.
import { useNavigate } from 'react-router';
import { App, Button, Empty, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { SCHEDULE_KIND_LABELS } from '../../../core/schedule/types.ts';
import { api } from '../../api/client.ts';
import type { PlanDetail, Task, UnitRef } from '../../api/plans.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { CountsSummary, StatusTag } from '../../components/status.tsx';

type Row = { kind: 'section'; key: string; code: string; title: string } | { kind: 'task'; key: string; task: Task };

function rowsOf(plan: PlanDetail): Row[] {
  const rows: Row[] = plan.tasks.filter((t) => !t.sectionId).map((t) => ({ kind: 'task', key: t.id, task: t }));
  for (const s of plan.sections) {
    rows.push({ kind: 'section', key: s.id, code: s.code, title: s.title });
    for (const t of plan.tasks.filter((x) => x.sectionId === s.id)) rows.push({ kind: 'task', key: t.id, task: t });
  }
  return rows;
}

/** The units as the plan writes them; the units kehoach assigned are in the tooltip (or flagged when none was found). */
export function UnitsCell({ units, text, lead = false }: { units: UnitRef[]; text: string; lead?: boolean }) {
  const names = units.map((u) => u.name).join('; ');
  if (!text) return <span>{names || '—'}</span>;
  if (!units.length) {
    return lead ? <Tooltip title="Chưa xác định được đơn vị chủ trì trong cơ cấu tổ chức: hãy sửa nhiệm vụ để chọn đơn vị."><span>{text} <WarningOutlined className="kh-flag" /></span></Tooltip> : <span>{text}</span>;
  }
  return <Tooltip title={`Giao cho: ${names}`}><span style={{ borderBottom: '1px dotted rgba(0,0,0,.35)' }}>{text}</span></Tooltip>;
}

export function DeadlineCell({ task }: { task: Task }) {
  const s = task.schedule;
  return (
    <Space orientation="vertical" size={2}>
      <span>{task.deadlineText || '—'}</span>
      <Tooltip title={s.explanation}>
        <Tag color={s.kind === 'unspecified' ? 'orange' : 'geekblue'} style={{ whiteSpace: 'normal' }}>{SCHEDULE_KIND_LABELS[s.kind]}</Tag>
      </Tooltip>
      {task.needsReview && <span className="kh-flag"><WarningOutlined /> Cần kiểm tra thời hạn</span>}
    </Space>
  );
}

/** Why a task has no occurrence: the plan is a draft, or the task waits for a date or an event. */
function emptyReason(plan: PlanDetail, t: Task): string {
  if (plan.status === 'draft') return 'Chưa ban hành';
  if (t.schedule.kind === 'event') return 'Chờ phát sinh';
  if (t.schedule.kind === 'directive' || t.schedule.kind === 'unspecified') return 'Chờ đặt hạn';
  return t.leads.length ? 'Chưa có kỳ thực hiện' : 'Chưa có đơn vị chủ trì';
}

export default function AppendixTable({ plan, onEdit, onChanged }: { plan: PlanDetail; onEdit: (t: Task) => void; onChanged: () => void }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const hasNotes = plan.tasks.some((t) => t.note);
  const remove = async (t: Task) => {
    try {
      await api.delete(`/api/tasks/${t.id}`);
      message.success('Đã xóa nhiệm vụ.');
      onChanged();
    } catch (err) { message.error((err as Error).message); }
  };
  const section = (r: Row, n: number) => (r.kind === 'section' ? { colSpan: n } : {});
  const hidden = (r: Row) => (r.kind === 'section' ? { colSpan: 0 } : {});
  const task = (r: Row) => (r as Extract<Row, { kind: 'task' }>).task;
  const columnCount = isPhone ? 1 : hasNotes ? 9 : 8;

  return (
    <Table<Row>
      className="kh-appendix"
      size="small"
      bordered
      rowKey="key"
      pagination={false}
      dataSource={rowsOf(plan)}
      scroll={isPhone ? undefined : { x: 1440 }}
      rowClassName={(r) => (r.kind === 'section' ? 'kh-section-row' : '')}
      locale={{ emptyText: <Empty description="Kế hoạch chưa có nhiệm vụ" /> }}
      onRow={(r) => (r.kind === 'task' ? { onClick: () => navigate(`/nhiem-vu/${r.key}`), style: { cursor: 'pointer' } } : {})}
      columns={isPhone ? [{
        title: 'Nhiệm vụ', key: 'all', onCell: (r) => section(r, 1), render: (_, r) => r.kind === 'section' ? `${r.code} ${r.title}` : (
          <Space orientation="vertical" size={4}>
            <span><b>{task(r).number}</b> {task(r).content}</span>
            <span className="kh-muted">Chủ trì: <UnitsCell lead units={task(r).leads} text={task(r).leadText} /></span>
            <span className="kh-muted">Thời hạn: {task(r).deadlineText}</span>
            <StatusTag status={task(r).status} empty={emptyReason(plan, task(r))} />
          </Space>
        ),
      }] : [
        { title: 'STT', key: 'stt', width: 56, onCell: (r) => section(r, columnCount), render: (_, r) => (r.kind === 'section' ? `${r.code} ${r.title}` : task(r).number) },
        { title: 'Nội dung nhiệm vụ', key: 'content', width: 340, onCell: hidden, render: (_, r) => r.kind === 'task' && task(r).content },
        { title: 'Đơn vị chủ trì', key: 'lead', width: 150, onCell: hidden, render: (_, r) => r.kind === 'task' && <UnitsCell lead units={task(r).leads} text={task(r).leadText} /> },
        { title: 'Đơn vị phối hợp', key: 'coord', width: 170, onCell: hidden, render: (_, r) => r.kind === 'task' && <UnitsCell units={task(r).coordinators} text={task(r).coordinatorText} /> },
        { title: 'Thời gian hoàn thành', key: 'deadline', width: 160, onCell: hidden, render: (_, r) => r.kind === 'task' && <DeadlineCell task={task(r)} /> },
        { title: 'Sản phẩm, kết quả', key: 'product', width: 170, onCell: hidden, render: (_, r) => r.kind === 'task' && task(r).product },
        ...(hasNotes ? [{ title: 'Ghi chú', key: 'note', width: 140, onCell: hidden, render: (_: unknown, r: Row) => r.kind === 'task' && task(r).note }] : []),
        {
          title: 'Tình hình thực hiện', key: 'status', width: 210, onCell: hidden, render: (_, r) => r.kind === 'task' && (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <StatusTag status={task(r).status} empty={emptyReason(plan, task(r))} />
              {task(r).counts.total > 0 && <CountsSummary counts={task(r).counts} compact />}
              {task(r).children.count > 0 && <span className="kh-muted">{task(r).children.count} nhiệm vụ của đơn vị cấp dưới</span>}
            </Space>
          ),
        },
        {
          title: '', key: 'actions', width: 84, onCell: hidden, render: (_, r) => r.kind === 'task' && task(r).can.manage && (
            <Space size={0} onClick={(e) => e.stopPropagation()}>
              <Button type="text" size="small" icon={<EditOutlined />} aria-label={`Sửa nhiệm vụ ${task(r).number}`} onClick={() => onEdit(task(r))} />
              <Popconfirm title="Xóa nhiệm vụ này?" okText="Xóa" cancelText="Hủy" okButtonProps={{ danger: true }} onConfirm={() => remove(task(r))}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`Xóa nhiệm vụ ${task(r).number}`} />
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
