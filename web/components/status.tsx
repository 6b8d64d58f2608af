// Status tags and the Government-style counts (on time / overdue, done on time / done late), shared by the plan pages.
import { Progress, Space, Tag, Tooltip } from 'antd';
import { OCCURRENCE_STATUS_LABELS, type OccurrenceStatus } from '../../core/plans/status.ts';
import type { Counts } from '../api/plans.ts';

export const STATUS_COLORS: Record<OccurrenceStatus, string> = {
  not_due: 'default', in_progress: 'processing', done_on_time: 'success', done_late: 'warning', overdue: 'error',
};

/** `empty` says why a task has no occurrence yet (waiting for a date, plan not issued). */
export function StatusTag({ status, empty = 'Chưa có kỳ thực hiện' }: { status: string | null; empty?: string }) {
  if (!status) return <Tag>{empty}</Tag>;
  const s = status as OccurrenceStatus;
  return <Tag color={STATUS_COLORS[s]}>{OCCURRENCE_STATUS_LABELS[s] ?? status}</Tag>;
}

/** "12 đang thực hiện · 3 quá hạn · 20 đúng hạn · 2 trễ hạn", with a bar of the finished share. */
export function CountsSummary({ counts, compact = false }: { counts: Counts; compact?: boolean }) {
  if (!counts.total) return <span className="kh-muted">Chưa có kỳ thực hiện</span>;
  const done = counts.doneOnTime + counts.doneLate;
  const parts = [
    counts.notDue + counts.inProgress > 0 && <Tag key="o" color="processing">{counts.notDue + counts.inProgress} trong hạn</Tag>,
    counts.overdue > 0 && <Tag key="q" color="error">{counts.overdue} quá hạn</Tag>,
    counts.doneOnTime > 0 && <Tag key="d" color="success">{counts.doneOnTime} xong đúng hạn</Tag>,
    counts.doneLate > 0 && <Tag key="l" color="warning">{counts.doneLate} xong trễ hạn</Tag>,
    counts.dueSoon > 0 && <Tag key="s" color="purple">{counts.dueSoon} sắp đến hạn</Tag>,
  ].filter(Boolean);
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Tooltip title={`${done}/${counts.total} kỳ đã hoàn thành`}>
        <Progress
          percent={Math.round((done / counts.total) * 100)}
          success={{ percent: Math.round((counts.doneOnTime / counts.total) * 100) }}
          size="small"
          status={counts.overdue ? 'exception' : 'normal'}
          format={(p) => `${p}%`}
        />
      </Tooltip>
      {!compact && <Space size={[0, 4]} wrap>{parts}</Space>}
    </Space>
  );
}
