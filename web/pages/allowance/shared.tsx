// Pieces every allowance page shows: a list's status, the warning that the amounts are examples, a month
// picker that reads "Tháng 11/2026", money with Vietnamese thousands, and the engine's reasons as ✓/✗.
import { Alert, Button, DatePicker, InputNumber, Space, Tag, type InputNumberProps } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Reason } from '../../../core/allowance/types.ts';
import { LIST_STATUS_LABELS, type ListStatus } from '../../../core/allowance/workflow.ts';
import { addMonths, currentMonth, formatMoney, monthLabel } from '../../api/allowance.ts';
import { formatNumber } from '../../components/format.ts';

const STATUS_COLORS: Record<ListStatus, string> = {
  draft: 'default', proposed: 'processing', returned: 'error', approved: 'cyan', paid: 'success',
};

export function ListStatusTag({ status }: { status: ListStatus | null }) {
  if (!status) return <Tag>Chưa lập</Tag>;
  return <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>{LIST_STATUS_LABELS[status]}</Tag>;
}

export const EXAMPLE_TEXT = 'Mức hỗ trợ là số liệu minh họa, chưa phải mức Thành phố quy định.';

/** Shown wherever amounts of an example policy appear, so nobody pays or reports them as the city's. */
export function ExampleAlert({ extra }: { extra?: string }) {
  return (
    <Alert
      type="warning" showIcon id="muc-minh-hoa" style={{ marginBottom: 16 }}
      title={EXAMPLE_TEXT}
      description={extra ?? 'Quản trị hệ thống thay bằng mức do Thành phố quy định (phiên bản chính sách mới) trước khi chi trả thật.'}
    />
  );
}

/** Money in a table cell: right-aligned by the column, a recovery in red. */
export function Money({ value, strong }: { value: number; strong?: boolean }) {
  const text = formatMoney(value);
  return <span className={value < 0 ? 'kh-al-negative' : undefined} style={{ whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}>{text}</span>;
}

interface MonthPickerProps { value: string; onChange: (month: string) => void; id?: string }

/** A month, never after the one under way (no list can be drafted for it), with previous/next buttons. */
export function MonthPicker({ value, onChange, id = 'chon-thang' }: MonthPickerProps) {
  const last = currentMonth();
  return (
    <Space.Compact>
      <Button icon={<LeftOutlined />} aria-label={`Tháng trước (${monthLabel(addMonths(value, -1))})`} onClick={() => onChange(addMonths(value, -1))} />
      <DatePicker
        id={id}
        picker="month"
        value={dayjs(`${value}-01`)}
        format="[Tháng] MM/YYYY"
        allowClear={false}
        inputReadOnly
        aria-label="Chọn tháng"
        disabledDate={(d) => d.format('YYYY-MM') > last}
        onChange={(d) => { if (d) onChange(d.format('YYYY-MM')); }}
        style={{ width: 150 }}
      />
      <Button icon={<RightOutlined />} aria-label={`Tháng sau (${monthLabel(addMonths(value, 1))})`} disabled={value >= last} onClick={() => onChange(addMonths(value, 1))} />
    </Space.Compact>
  );
}

/** The engine's conditions for one person and month, met (✓) or not (✗), as it wrote them. */
export function ReasonList({ reasons, manualReason, included, engineEligible }: { reasons: Reason[]; manualReason?: string; included?: boolean; engineEligible?: boolean }) {
  return (
    <ul className="kh-al-reasons" aria-label="Điều kiện hưởng hỗ trợ">
      {reasons.map((r) => (
        <li key={r.code} className={r.ok ? 'kh-al-ok' : 'kh-al-no'}>
          {r.ok
            ? <CheckCircleFilled aria-label="Đạt" role="img" />
            : <CloseCircleFilled aria-label="Không đạt" role="img" />}
          <span>{r.text}</span>
        </li>
      ))}
      {manualReason && (
        <li className="kh-al-manual">
          <b>{included && !engineEligible ? 'Lý do bổ sung vào danh sách: ' : included === false && engineEligible ? 'Lý do đưa ra khỏi danh sách: ' : 'Lý do điều chỉnh: '}</b>
          {manualReason}
        </li>
      )}
    </ul>
  );
}

/** Whole đồng typed as "3.000.000" (dots regrouped on leaving the field), a numeric keypad on phones. */
export function MoneyInput(props: Omit<InputNumberProps<number>, 'formatter' | 'parser'>) {
  return (
    <InputNumber<number>
      controls={false} inputMode="numeric" suffix="đ" style={{ width: '100%', maxWidth: 260 }} {...props}
      formatter={(v, info) => (info.userTyping ? info.input : v === undefined || v === null || String(v) === '' ? '' : formatNumber(Number(v)))}
      parser={(s) => (s ?? '').replace(/[^\d-]/g, '') as unknown as number}
    />
  );
}
