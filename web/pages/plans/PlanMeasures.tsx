// The targets and reporting duties a plan states, as read from its document: shown on the plan and on the import review.
import type { ReactNode } from 'react';
import { Empty, Table, Typography } from 'antd';
import type { PlanTarget, ReportingDuty } from '../../api/plans.ts';

const COMPARATOR: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };
export const FREQUENCY_LABELS: Record<string, string> = {
  monthly: 'Hằng tháng', quarterly: 'Hằng quý', semiannual: '6 tháng', annual: 'Hằng năm', adhoc: 'Đột xuất',
};
/** "06-10" → "10/6". */
const dayMonth = (mmdd: string) => `${Number(mmdd.slice(3))}/${Number(mmdd.slice(0, 2))}`;

interface Options<T> {
  /** Clicking a row (the import review scrolls the source text to its line). */
  onRow?: (row: T) => void;
  /** On a phone the sentence as written is left out. */
  compact?: boolean;
}
const rowProps = <T,>(onRow?: (row: T) => void) => (onRow ? (r: T) => ({ onClick: () => onRow(r), style: { cursor: 'pointer' } }) : undefined);
const written = { title: 'Văn bản ghi', dataIndex: 'text', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> };

export function TargetsTable({ targets, onRow, compact }: { targets: PlanTarget[] } & Options<PlanTarget>) {
  if (!targets.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Văn bản không nêu chỉ tiêu định lượng nào." />;
  return (
    <Table size="small" rowKey={(t) => t.id ?? `${t.text}-${t.value}`} dataSource={targets} pagination={false} onRow={rowProps(onRow)} columns={[
      { title: 'Mức', width: 90, render: (_, t) => <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{COMPARATOR[t.comparator] ?? t.comparator} {t.value.toLocaleString('vi-VN')}{t.unit === '%' ? '%' : ` ${t.unit}`}</Typography.Text> },
      { title: 'Chỉ tiêu', dataIndex: 'subject', width: compact ? undefined : 320 },
      ...(compact ? [] : [written]),
    ]} />
  );
}

export function ReportingTable({ duties, onRow, compact, action }: { duties: ReportingDuty[]; action?: (r: ReportingDuty) => ReactNode } & Options<ReportingDuty>) {
  if (!duties.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Văn bản không nêu chế độ báo cáo." />;
  return (
    <Table size="small" rowKey={(r) => r.id ?? `${r.text}-${r.frequency}`} dataSource={duties} pagination={false} onRow={rowProps(onRow)} columns={[
      { title: 'Kỳ báo cáo', width: 100, render: (_, r) => FREQUENCY_LABELS[r.frequency] ?? r.frequency },
      { title: 'Hạn', width: 150, render: (_, r) => (r.due.length ? `Trước ngày ${r.due.map(dayMonth).join(', ')}` : 'Khi có yêu cầu') },
      ...(compact ? [] : [{ title: 'Đơn vị báo cáo', width: 160, render: (_: unknown, r: ReportingDuty) => r.who || '—' }, written]),
      ...(action ? [{ title: '', key: 'action', width: 150, render: (_: unknown, r: ReportingDuty) => action(r) }] : []),
    ]} />
  );
}
