// The appendix as read: one row per task, each cell edited in place; doubtful cells amber with the reason;
// rows deleted, split in two, merged with the row above, or added. A click shows the row's line in the source.
import { useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { Button, Select, Space, Table, Tooltip } from 'antd';
import { DeleteOutlined, MergeCellsOutlined, PlusOutlined, SplitCellsOutlined } from '@ant-design/icons';
import { parseDeadline } from '../../../core/schedule/parse.ts';
import { SCHEDULE_KIND_LABELS, type PlanContext } from '../../../core/schedule/types.ts';
import EditableCell from './EditableCell.tsx';
import { joinNames, newKey, splitNames, type Draft, type DraftTask, type TaskRow } from './types.ts';

type Field = 'section' | 'no' | 'title' | 'lead' | 'coordinators' | 'deadline' | 'product' | 'note';

interface Props {
  rows: TaskRow[];
  sections: Draft['sections'];
  ctx: PlanContext;
  onChange: (rows: TaskRow[]) => void;
  errors: Record<string, string>;
  currentKey: string | null;
  onFocusRow: (row: TaskRow) => void;
  phone: boolean;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
const joinText = (a: string | null, b: string | null) => [a, b].filter((x) => x && x.trim()).join(' ') || null;

export default function TasksTable({ rows, sections, ctx, onChange, errors, currentKey, onFocusRow, phone }: Props) {
  const readings = useMemo(() => new Map(rows.map((r) => [r.key, parseDeadline(r.deadlineText, ctx)])), [rows, ctx]);
  const update = (key: string, field: Field, patch: Partial<DraftTask>) => onChange(rows.map((r) => {
    if (r.key !== key) return r;
    const { [field]: _gone, ...doubts } = r.doubts;
    return { ...r, ...patch, doubts };
  }));
  const remove = (key: string) => onChange(rows.filter((r) => r.key !== key));
  const split = (key: string) => {
    const i = rows.findIndex((r) => r.key === key);
    onChange([...rows.slice(0, i + 1), { ...rows[i], key: newKey(), doubts: {} }, ...rows.slice(i + 1)]);
  };
  const merge = (key: string) => {
    const i = rows.findIndex((r) => r.key === key);
    if (i < 1) return;
    const [a, b] = [rows[i - 1], rows[i]];
    const merged: TaskRow = {
      ...a, title: joinText(a.title, b.title) ?? '', lead: union(a.lead, b.lead), coordinators: union(a.coordinators, b.coordinators),
      deadlineText: a.deadlineText.trim() ? a.deadlineText : b.deadlineText, product: a.product === b.product ? a.product : joinText(a.product, b.product),
      note: a.note === b.note ? a.note : joinText(a.note, b.note), doubts: { ...b.doubts, ...a.doubts },
    };
    onChange([...rows.slice(0, i - 1), merged, ...rows.slice(i + 1)]);
  };
  const add = () => {
    const last = rows.at(-1);
    const n = rows.filter((r) => r.section === (last?.section ?? sections.at(-1)?.code ?? null)).length + 1;
    const task: TaskRow = {
      key: newKey(), section: last?.section ?? sections.at(-1)?.code ?? null, no: String(n).padStart(last?.no.length ?? 1, '0'), title: '', lead: [], coordinators: [],
      deadlineText: '', product: null, note: null, line: last?.line ?? 1, doubts: {},
    };
    onChange([...rows, task]);
    onFocusRow(task);
  };

  const err = (r: TaskRow, f: string) => errors[`task:${r.key}:${f}`];
  const deadlineDoubt = (r: TaskRow) => {
    const s = readings.get(r.key)!;
    return r.doubts.deadline ?? (s.confidence < 0.8 ? `kehoach chưa chắc cách hiểu thời hạn này (độ tin cậy ${Math.round(s.confidence * 100)}%): hãy ghi lại cho rõ, ví dụ “Quý II/2026”, “Trước 15/4/2026”, “Hằng tháng”.` : undefined);
  };
  const cell = (r: TaskRow, f: Exclude<Field, 'section' | 'lead' | 'coordinators' | 'deadline'>, label: string, multiline = false) => (
    <EditableCell label={`${label} nhiệm vụ ${r.no}`} value={r[f] ?? ''} multiline={multiline} doubt={r.doubts[f]} error={err(r, f)}
      onCommit={(v) => update(r.key, f, { [f]: f === 'product' || f === 'note' ? (v.trim() ? v : null) : v })} />
  );
  const names = (r: TaskRow, f: 'lead' | 'coordinators', label: string) => (
    <EditableCell label={`${label} nhiệm vụ ${r.no}`} value={joinNames(r[f])} doubt={r.doubts[f]} error={err(r, f)}
      placeholder={f === 'lead' ? 'Chưa có đơn vị chủ trì' : '—'} onCommit={(v) => update(r.key, f, { [f]: splitNames(v) })} />
  );
  const deadline = (r: TaskRow) => {
    const s = readings.get(r.key)!;
    return (
      <EditableCell label={`Thời gian hoàn thành nhiệm vụ ${r.no}`} value={r.deadlineText} doubt={deadlineDoubt(r)} error={err(r, 'deadlineText')}
        onCommit={(v) => update(r.key, 'deadline', { deadlineText: v })}
        extra={<span className={`kh-imp-reading${s.confidence < 0.8 ? ' kh-imp-reading-low' : ''}`}>{SCHEDULE_KIND_LABELS[s.kind]}: {s.explanation}</span>} />
    );
  };
  const section = (r: TaskRow) => (
    <Select size="small" variant="borderless" aria-label={`Phần của nhiệm vụ ${r.no}`} value={r.section ?? ''} popupMatchSelectWidth={false}
      style={{ width: '100%', minWidth: 56 }} onClick={(e) => e.stopPropagation()}
      onChange={(v) => update(r.key, 'section', { section: v || null })}
      options={[{ value: '', label: '—', title: 'Không thuộc phần nào' }, ...sections.map((s) => ({ value: s.code, label: s.code, title: `${s.code}. ${s.title}` }))]}
      optionRender={(o) => <span>{o.data.title ?? o.label}</span>} />
  );
  const actions = (r: TaskRow, i: number, vertical = false) => (
    <Space size={0} orientation={vertical ? 'vertical' : 'horizontal'} onClick={(e) => e.stopPropagation()}>
      <Tooltip title="Gộp vào nhiệm vụ ngay trên"><Button type="text" size="small" icon={<MergeCellsOutlined />} disabled={i === 0} aria-label={`Gộp nhiệm vụ ${r.no} vào nhiệm vụ trên`} onClick={() => merge(r.key)} /></Tooltip>
      <Tooltip title="Tách: nhân đôi dòng này để chia nội dung"><Button type="text" size="small" icon={<SplitCellsOutlined />} aria-label={`Tách nhiệm vụ ${r.no}`} onClick={() => split(r.key)} /></Tooltip>
      <Tooltip title="Xóa dòng"><Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`Xóa nhiệm vụ ${r.no}`} onClick={() => remove(r.key)} /></Tooltip>
    </Space>
  );
  const labelled = (label: string, node: ReactNode) => [<span key={`${label}l`} className="kh-muted">{label}</span>, <div key={`${label}v`}>{node}</div>];

  return (
    <>
      <Table<TaskRow>
        className="kh-imp-table" size="small" bordered rowKey="key" pagination={false} dataSource={rows}
        scroll={phone ? undefined : { x: 736 }}
        rowClassName={(r) => [r.key === currentKey && 'kh-imp-current', Object.keys(errors).some((k) => k.startsWith(`task:${r.key}:`)) && 'kh-imp-row-error'].filter(Boolean).join(' ')}
        onRow={(r) => ({ onClick: () => onFocusRow(r), 'data-line': r.line } as HTMLAttributes<HTMLElement>)}
        locale={{ emptyText: 'Chưa có nhiệm vụ nào: bấm “Thêm nhiệm vụ”.' }}
        columns={phone ? [{
          title: 'Nhiệm vụ', key: 'all', render: (_, r, i) => (
            <div className="kh-imp-phone-task">
              {labelled('Phần, STT', <Space size={4}><div style={{ width: 72 }}>{section(r)}</div>{cell(r, 'no', 'STT')}</Space>)}
              {labelled('Nội dung', cell(r, 'title', 'Nội dung', true))}
              {labelled('Chủ trì', names(r, 'lead', 'Đơn vị chủ trì'))}
              {labelled('Phối hợp', names(r, 'coordinators', 'Đơn vị phối hợp'))}
              {labelled('Thời hạn', deadline(r))}
              {labelled('Sản phẩm', cell(r, 'product', 'Sản phẩm', true))}
              {labelled('Ghi chú', cell(r, 'note', 'Ghi chú', true))}
              <span />{actions(r, i)}
            </div>
          ),
        }] : [
          {
            title: 'Phần, STT', key: 'no', width: 76, fixed: 'left', render: (_, r) => (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>{section(r)}{cell(r, 'no', 'STT')}</Space>
            ),
          },
          { title: 'Nội dung nhiệm vụ', key: 'title', width: 190, render: (_, r) => cell(r, 'title', 'Nội dung', true) },
          {
            title: 'Đơn vị chủ trì / phối hợp', key: 'units', width: 150, render: (_, r) => (
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                {names(r, 'lead', 'Đơn vị chủ trì')}
                <div><span className="kh-muted">Phối hợp:</span>{names(r, 'coordinators', 'Đơn vị phối hợp')}</div>
              </Space>
            ),
          },
          { title: 'Thời gian hoàn thành', key: 'deadline', width: 150, render: (_, r) => deadline(r) },
          {
            title: 'Sản phẩm / Ghi chú', key: 'product', width: 130, render: (_, r) => (
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                {cell(r, 'product', 'Sản phẩm', true)}
                <div><span className="kh-muted">Ghi chú:</span>{cell(r, 'note', 'Ghi chú', true)}</div>
              </Space>
            ),
          },
          { title: '', key: 'actions', width: 40, fixed: 'right', render: (_, r, i) => actions(r, i, true) },
        ]}
      />
      <Button icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={add}>Thêm nhiệm vụ</Button>
    </>
  );
}
