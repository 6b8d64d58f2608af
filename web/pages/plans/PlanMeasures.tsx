// The targets and reporting duties a plan states, as read from its document: shown on the plan and on the import review.
import { Empty, Table, Typography } from 'antd';
import type { PlanTarget, ReportingDuty } from '../../api/plans.ts';

const COMPARATOR: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };
export const FREQUENCY_LABELS: Record<string, string> = {
  monthly: 'Hằng tháng', quarterly: 'Hằng quý', semiannual: '6 tháng', annual: 'Hằng năm', adhoc: 'Đột xuất',
};
/** "06-10" → "10/6". */
const dayMonth = (mmdd: string) => `${Number(mmdd.slice(3))}/${Number(mmdd.slice(0, 2))}`;

export function TargetsTable({ targets }: { targets: PlanTarget[] }) {
  if (!targets.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Văn bản không nêu chỉ tiêu định lượng nào." />;
  return (
    <Table size="small" rowKey={(t) => t.id ?? `${t.text}-${t.value}`} dataSource={targets} pagination={false} scroll={{ x: 640 }} columns={[
      { title: 'Mức', width: 90, render: (_, t) => <Typography.Text strong>{COMPARATOR[t.comparator] ?? t.comparator} {t.value.toLocaleString('vi-VN')}{t.unit === '%' ? '%' : ` ${t.unit}`}</Typography.Text> },
      { title: 'Chỉ tiêu', dataIndex: 'subject' },
      { title: 'Câu trong văn bản', dataIndex: 'text', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
    ]} />
  );
}

export function ReportingTable({ duties }: { duties: ReportingDuty[] }) {
  if (!duties.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Văn bản không nêu chế độ báo cáo." />;
  return (
    <Table size="small" rowKey={(r) => r.id ?? `${r.text}-${r.frequency}`} dataSource={duties} pagination={false} scroll={{ x: 640 }} columns={[
      { title: 'Kỳ báo cáo', width: 110, render: (_, r) => FREQUENCY_LABELS[r.frequency] ?? r.frequency },
      { title: 'Hạn', width: 160, render: (_, r) => (r.due.length ? `Trước ngày ${r.due.map(dayMonth).join(', ')}` : 'Khi có yêu cầu') },
      { title: 'Nội dung trong văn bản', dataIndex: 'text', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
    ]} />
  );
}
