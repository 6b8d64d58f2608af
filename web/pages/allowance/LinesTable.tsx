// The people of a list (in the server's Vietnamese name order) with what the engine decided and why, and the
// switch IT uses to take someone off or put someone back: going against the engine needs a written reason.
// Adjustment lines (back-payments, recoveries of earlier paid months) have their own table.
import { useState } from 'react';
import { App, Empty, Form, Input, Switch, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, ApiError } from '../../api/client.ts';
import { monthLabel, type AllowanceList, type ListLine } from '../../api/allowance.ts';
import FormModal from '../../components/FormModal.tsx';
import { useIsPhone } from '../../components/responsive.ts';
import type { Act } from './ListPage.tsx';
import { Money, ReasonList } from './shared.tsx';

interface Props { list: AllowanceList; lines: ListLine[]; act: Act }
interface Pending { line: ListLine; included: boolean }

const days = (l: ListLine) => (l.daysInMonth ? `${l.daysCovered}/${l.daysInMonth}` : '—');
const overruled = (l: ListLine) => l.included !== l.engineEligible;

/** Under the name: why the line stands as it does, in two words. */
function LineHint({ line }: { line: ListLine }) {
  if (overruled(line)) return <Tag color="gold">{line.included ? 'Bổ sung có lý do' : 'Đưa ra có lý do'}</Tag>;
  if (!line.engineEligible) return <Tag color="red">Không đủ điều kiện</Tag>;
  return null;
}

export default function LinesTable({ list, lines, act }: Props) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  // People whose row the user opened or closed against the default. Kept by person, not by line: a redraft
  // makes new lines, and the rows should stay as the user left them.
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const editable = list.can.edit;
  // People left out, or overruled by hand, show why at once; the rest on demand.
  const openByDefault = (l: ListLine) => !l.engineEligible || !!l.manualReason;
  const expanded = lines.filter((l) => openByDefault(l) !== toggled.has(l.personId)).map((l) => l.id);

  const save = (line: ListLine, included: boolean, reason?: string) => act(
    () => api.patch<AllowanceList>(`/api/allowance/lists/${list.id}/lines/${line.id}`, { version: list.version, included, ...(reason ? { reason } : {}) }),
    included ? `Đã đưa ${line.personName} vào danh sách.` : `Đã đưa ${line.personName} ra khỏi danh sách.`,
  );
  const toggle = async (line: ListLine, included: boolean) => {
    // Going against the engine needs a reason; going back to what it decided does not.
    if (included !== line.engineEligible) { setPending({ line, included }); return; }
    setBusy(line.id);
    try {
      await save(line, included);
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra. Vui lòng thử lại.');
    } finally {
      setBusy(null);
    }
  };

  const inList = (l: ListLine) => (editable ? (
    <Switch
      checked={l.included} loading={busy === l.id} disabled={!!busy} onChange={(v) => void toggle(l, v)}
      checkedChildren="Có" unCheckedChildren="Không" aria-label={`${l.personName} trong danh sách`}
    />
  ) : l.included ? <Tag color="success">Có</Tag> : <Tag>Không</Tag>);

  const columns: ColumnsType<ListLine> = isPhone ? [{
    title: 'Cán bộ', key: 'person', render: (_, l) => (
      <div className="kh-al-line-card">
        <div className="kh-al-line-head"><b>{l.personName}</b>{inList(l)}</div>
        <span className="kh-muted">{[l.personTitle, l.unitName].filter(Boolean).join(' · ')}</span>
        <span>{l.categoryLabel || 'Chưa có hình thức'} · {l.ratingLabel || 'Chưa xếp loại'}</span>
        <span>Ngày hưởng {days(l)} · Mức <Money value={l.rate} /> · <b><Money value={l.included ? l.amount : 0} /></b></span>
        <LineHint line={l} />
      </div>
    ),
  }] : [
    { title: 'STT', key: 'no', width: 48, align: 'right', render: (_, __, i) => i + 1 },
    {
      title: 'Họ và tên', key: 'name', width: 170, fixed: 'left', className: 'kh-al-name',
      render: (_, l) => <div><div style={{ fontWeight: 500 }}>{l.personName}</div><LineHint line={l} /></div>,
    },
    { title: 'Chức danh', dataIndex: 'personTitle', key: 'title', width: 150, render: (v: string) => v || '—' },
    { title: 'Đơn vị', dataIndex: 'unitName', key: 'unit', width: 180 },
    { title: 'QĐ phân công', dataIndex: 'decisionNo', key: 'decision', width: 125, render: (v: string) => v || '—' },
    { title: 'Hình thức', dataIndex: 'categoryLabel', key: 'category', width: 100, render: (v: string) => v || '—' },
    { title: 'Xếp loại', dataIndex: 'ratingLabel', key: 'rating', width: 160, render: (v: string) => v || <span className="kh-muted">Chưa xếp loại</span> },
    { title: 'Ngày hưởng', key: 'days', width: 95, align: 'center', render: (_, l) => <Tooltip title="Số ngày đủ điều kiện / số ngày của tháng">{days(l)}</Tooltip> },
    { title: 'Mức (đồng/tháng)', key: 'rate', width: 120, align: 'right', render: (_, l) => (l.rate ? <Money value={l.rate} /> : '—') },
    // The money and the decision stay in sight while the rest scrolls.
    { title: 'Số tiền', key: 'amount', width: 120, align: 'right', fixed: 'right', render: (_, l) => (l.included ? <Money value={l.amount} strong /> : <span className="kh-muted">0 đ</span>) },
    { title: 'Trong danh sách', key: 'included', width: 100, align: 'center', fixed: 'right', render: (_, l) => inList(l) },
  ];

  return (
    <>
      <Table<ListLine>
        rowKey="id" size="small" dataSource={lines} columns={columns} pagination={false} className="kh-al-table"
        scroll={isPhone ? undefined : { x: 1420 }}
        rowClassName={(l) => (l.included ? 'kh-al-line' : 'kh-al-line kh-al-excluded')}
        locale={{ emptyText: <Empty description="Không có cán bộ nào có quyết định phân công trong tháng." /> }}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (_, l) => setToggled((prev) => {
            const next = new Set(prev);
            if (!next.delete(l.personId)) next.add(l.personId);
            return next;
          }),
          expandedRowRender: (l) => <ReasonList reasons={l.reasons} manualReason={l.manualReason} included={l.included} engineEligible={l.engineEligible} />,
          columnTitle: <span className="kh-sr-only">Điều kiện</span>,
        }}
      />
      <FormModal<{ reason: string }>
        title={pending ? `${pending.included ? 'Đưa vào danh sách' : 'Đưa ra khỏi danh sách'}: ${pending.line.personName}` : ''}
        okText={pending?.included ? 'Đưa vào danh sách' : 'Đưa ra khỏi danh sách'}
        open={!!pending} form={form} onCancel={() => setPending(null)}
        onSubmit={async (v) => { if (pending && await save(pending.line, pending.included, v.reason.trim())) setPending(null); }}
      >
        <p>
          {pending?.included
            ? 'Theo hồ sơ, cán bộ này không đủ điều kiện hưởng hỗ trợ tháng này. Ghi rõ lý do đưa vào danh sách (căn cứ, giấy tờ kèm theo).'
            : 'Theo hồ sơ, cán bộ này đủ điều kiện hưởng hỗ trợ tháng này. Ghi rõ lý do đưa ra khỏi danh sách.'}
        </p>
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: pending?.included ? 'Nêu lý do đưa cán bộ vào danh sách.' : 'Nêu lý do đưa cán bộ ra khỏi danh sách.' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} autoFocus maxLength={1000} />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** Back-payments (Truy lĩnh, positive) and recoveries (Thu hồi, negative) of earlier paid months. */
export function AdjustmentsTable({ lines }: { lines: ListLine[] }) {
  const isPhone = useIsPhone();
  const kind = (l: ListLine) => (l.amount >= 0 ? <Tag color="green">Truy lĩnh</Tag> : <Tag color="red">Thu hồi</Tag>);
  return (
    <Table<ListLine>
      rowKey="id" size="small" dataSource={lines} pagination={false} className="kh-al-table"
      scroll={isPhone ? undefined : { x: 900 }}
      columns={isPhone ? [{
        title: 'Điều chỉnh', key: 'line', render: (_, l) => (
          <div className="kh-al-line-card">
            <div className="kh-al-line-head"><b>{l.personName}</b>{kind(l)}</div>
            <span>Tháng {monthLabel(l.forMonth)} · <b><Money value={l.amount} /></b></span>
            <span className="kh-muted">{l.note}</span>
          </div>
        ),
      }] : [
        { title: 'STT', key: 'no', width: 52, align: 'right', render: (_, __, i) => i + 1 },
        { title: 'Họ và tên', dataIndex: 'personName', key: 'name', width: 190 },
        { title: 'Tháng điều chỉnh', key: 'month', width: 130, align: 'center', render: (_, l) => monthLabel(l.forMonth) },
        { title: 'Loại', key: 'kind', width: 100, render: (_, l) => kind(l) },
        { title: 'Số tiền', key: 'amount', width: 140, align: 'right', render: (_, l) => <Money value={l.amount} strong /> },
        { title: 'Ghi chú', dataIndex: 'note', key: 'note' },
      ]}
    />
  );
}
