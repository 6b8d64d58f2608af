// What happened to a list, oldest first: drafted, people taken off or added with their reasons, proposed,
// returned with HR's comment, approved with the decision's number, paid — by whom and when.
import { Timeline, Typography } from 'antd';
import type { ListEvent } from '../../api/allowance.ts';
import { formatDateTime } from '../../components/format.ts';

const ACTIONS: Record<string, { label: string; color: string }> = {
  generate: { label: 'Lập danh sách từ hồ sơ', color: 'gray' },
  regenerate: { label: 'Lập lại danh sách từ hồ sơ', color: 'gray' },
  exclude: { label: 'Đưa cán bộ ra khỏi danh sách', color: 'orange' },
  include: { label: 'Đưa cán bộ vào danh sách', color: 'orange' },
  add: { label: 'Bổ sung cán bộ', color: 'orange' },
  propose: { label: 'Đề xuất duyệt', color: 'blue' },
  return: { label: 'Trả lại, đề nghị chỉnh sửa', color: 'red' },
  approve: { label: 'Phê duyệt danh sách', color: 'green' },
  pay: { label: 'Ghi nhận chi trả', color: 'green' },
};

export default function ListHistory({ events }: { events: ListEvent[] }) {
  if (!events.length) return <Typography.Text type="secondary">Chưa có thao tác nào.</Typography.Text>;
  return (
    <Timeline
      items={events.map((e) => {
        const a = ACTIONS[e.action] ?? { label: e.action, color: 'gray' };
        return {
          key: e.id,
          color: a.color,
          content: (
            <div>
              <b>{a.label}</b>
              {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
              <div className="kh-muted">{e.actorName} · {formatDateTime(e.createdAt)}</div>
            </div>
          ),
        };
      })}
    />
  );
}
