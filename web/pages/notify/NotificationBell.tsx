// The bell in the header: unread reminders and escalations, refreshed every minute; a click opens the task.
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';

interface Notification { id: string; kind: string; title: string; body: string; link: string; createdAt: string; readAt: string | null }

export default function NotificationBell() {
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const load = useCallback(async () => {
    try {
      const res = await api.get<{ items: Notification[]; unread: number }>('/api/notifications');
      setItems(res.items);
      setUnread(res.unread);
    } catch { /* the bell stays as it was; the page itself reports connection problems */ }
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 60_000);
    return () => clearInterval(timer);
  }, [load]);

  const openItem = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await api.post(`/api/notifications/${n.id}/read`).catch(() => undefined);
    void load();
    if (n.link) navigate(n.link);
  };
  const content = (
    <div style={{ width: 'min(380px, calc(100vw - 40px))' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text strong>Thông báo</Typography.Text>
        {unread > 0 && <Button type="link" size="small" onClick={async () => { await api.post('/api/notifications/read-all').catch(() => undefined); void load(); }}>Đánh dấu đã đọc tất cả</Button>}
      </div>
      <List
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thông báo" /> }}
        style={{ maxHeight: 420, overflow: 'auto' }}
        renderItem={(n) => (
          <List.Item onClick={() => void openItem(n)} style={{ cursor: 'pointer', background: n.readAt ? undefined : '#e6f4ff', paddingInline: 8 }}>
            <List.Item.Meta title={<span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</span>} description={<>{n.body && <div>{n.body}</div>}<span className="kh-muted">{formatDateTime(n.createdAt)}</span></>} />
          </List.Item>
        )}
      />
    </div>
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" rootClassName="kh-bell-popover">
      <Button type="text" aria-label={`Thông báo${unread ? ` (${unread} chưa đọc)` : ''}`} icon={<Badge count={unread} size="small" overflowCount={99}><BellOutlined style={{ color: '#fff', fontSize: 18 }} /></Badge>} />
    </Popover>
  );
}
