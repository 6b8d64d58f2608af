// What happened to a report: saved, sent, returned with the division's comment, approved, reopened —
// by whom and when. Runs of drafts saved by the same person read as one line.
import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../../components/format.ts';
import type { HistoryEvent } from './types.ts';

const ACTIONS: Record<string, { label: string; color: string }> = {
  save: { label: 'Lưu nháp', color: 'gray' },
  submit: { label: 'Gửi báo cáo', color: 'blue' },
  resubmit: { label: 'Gửi lại báo cáo', color: 'blue' },
  return: { label: 'Trả lại, đề nghị chỉnh sửa', color: 'red' },
  approve: { label: 'Duyệt báo cáo', color: 'green' },
  reopen: { label: 'Mở lại kỳ báo cáo', color: 'purple' },
};

interface Entry extends HistoryEvent { times: number; firstAt: string }

function grouped(events: HistoryEvent[]): Entry[] {
  const out: Entry[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e.action === 'save' && last?.action === 'save' && last.actorName === e.actorName) Object.assign(last, { times: last.times + 1, at: e.at });
    else out.push({ ...e, times: 1, firstAt: e.at });
  }
  return out;
}

export default function HistoryTimeline({ events }: { events: HistoryEvent[] }) {
  if (!events.length) return <Typography.Text type="secondary">Chưa có thao tác nào: báo cáo chưa được lập.</Typography.Text>;
  return (
    <Timeline
      items={grouped(events).map((e, i) => {
        const a = ACTIONS[e.action] ?? { label: e.action, color: 'gray' };
        return {
          key: i,
          color: a.color,
          content: (
            <div>
              <b>{a.label}{e.times > 1 ? ` (${e.times} lần)` : ''}</b>
              {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
              <div className="kh-muted">{e.actorName} · {e.times > 1 ? `${formatDateTime(e.firstAt)} – ${formatDateTime(e.at)}` : formatDateTime(e.at)}</div>
            </div>
          ),
        };
      })}
    />
  );
}
