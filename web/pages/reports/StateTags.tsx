// Small pieces every report page shows: a report's state, on time or late, how far the due date is,
// and the reporting rates of a period as one bar.
import { Progress, Space, Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { addDays, todayInVietnam } from '../../../core/schedule/dates.ts';
import { formatDate } from '../../components/format.ts';
import { formatPercent } from '../../components/format.ts';
import { STATE_COLORS, stateLabel, type Completeness, type PeriodView, type ReportState } from './types.ts';

export function StateTag({ state }: { state: ReportState }) {
  return <Tag color={STATE_COLORS[state]}>{stateLabel(state)}</Tag>;
}

export function OnTimeTag({ onTime }: { onTime: boolean | null }) {
  if (onTime === null) return null;
  return onTime ? <Tag color="success">Đúng hạn</Tag> : <Tag color="warning">Trễ hạn</Tag>;
}

export function ExceptionTag() {
  return (
    <Tooltip title="Lãnh đạo Sở đã mở lại kỳ báo cáo cho đơn vị này (ngoại lệ khóa kỳ)">
      <Tag icon={<UnlockOutlined />} color="purple">Được mở khóa</Tag>
    </Tooltip>
  );
}

const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** "Hạn 10/12/2026 (còn 17 ngày)", "quá hạn 3 ngày", or the lock; `bare` drops "Hạn" where a label says it. */
export function DueHint({ period, bare = false }: { period: PeriodView; bare?: boolean }) {
  const today = todayInVietnam();
  const due = `${bare ? '' : 'Hạn '}${formatDate(period.dueOn)}`;
  if (period.locked) return <span>{due} <Tag icon={<LockOutlined />}>Đã khóa số liệu</Tag></span>;
  const left = daysFrom(today, period.dueOn);
  const hint = left > 0 ? `còn ${left} ngày` : left === 0 ? 'hôm nay' : `đã quá ${-left} ngày`;
  return (
    <span>
      {due}{' '}
      <Tag icon={<ClockCircleOutlined />} color={left < 0 ? 'error' : left <= 7 ? 'warning' : 'default'}>{hint}</Tag>
    </span>
  );
}

/** Beside the label "Khóa số liệu": "sau ngày 30/12/2026" (the last day edits are allowed) or since when it is locked. */
export const lockText = (p: PeriodView) => (p.locked ? `Đã khóa từ ngày ${formatDate(addDays(p.locksAfter, 1))}` : `Sau ngày ${formatDate(p.locksAfter)}`);

/** Submitted share as the bar, approved share as its green part, and the three counts under it. */
export function CompletenessBar({ c }: { c: Completeness }) {
  if (!c.expected) return <span className="kh-muted">Không có đơn vị phải báo cáo</span>;
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
      <Tooltip title={`Đã gửi ${formatPercent(c.submittedRate)}, đã duyệt ${formatPercent(c.approvedRate)}`}>
        <Progress
          percent={c.submittedRate ?? 0} success={{ percent: c.approvedRate ?? 0 }} size="small"
          format={() => `${c.submitted}/${c.expected}`} aria-label={`Đã gửi ${c.submitted} trên ${c.expected} đơn vị`}
        />
      </Tooltip>
      <span className="kh-muted">
        Đã gửi {c.submitted}/{c.expected} ({formatPercent(c.submittedRate)}) · Đúng hạn {c.onTime} ({formatPercent(c.onTimeRate)}) · Đã duyệt {c.approved} ({formatPercent(c.approvedRate)})
      </span>
    </Space>
  );
}
