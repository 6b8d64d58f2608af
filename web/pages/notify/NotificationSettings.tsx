// A user's reminder choices (e-mail, daily digest) and the secret address of their calendar feed.
import { useEffect, useState } from 'react';
import { App, Button, Input, Modal, Space, Switch, Typography } from 'antd';
import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';

interface Prefs { emailEnabled: boolean; dailyDigest: boolean }

export default function NotificationSettings({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [feed, setFeed] = useState<string | null>(null);
  useEffect(() => {
    if (open) api.get<Prefs>('/api/me/notification-prefs').then(setPrefs, (e) => message.error((e as Error).message));
  }, [open, message]);
  const save = async (next: Prefs) => {
    setPrefs(next);
    try { await api.put('/api/me/notification-prefs', next); message.success('Đã lưu cài đặt nhắc việc.'); } catch (e) { message.error((e as Error).message); }
  };
  const rotate = async () => {
    try {
      const res = await api.post<{ url: string }>('/api/calendar/token');
      setFeed(`${window.location.origin}${res.url}`);
    } catch (e) { message.error((e as Error).message); }
  };
  return (
    <Modal open={open} onCancel={onClose} footer={null} title="Nhắc việc và lịch">
      {prefs && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <label style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
            <Switch checked={prefs.emailEnabled} onChange={(v) => save({ ...prefs, emailEnabled: v })} /> Gửi nhắc việc qua thư điện tử
          </label>
          <label style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
            <Switch checked={prefs.dailyDigest} disabled={!prefs.emailEnabled} onChange={(v) => save({ ...prefs, dailyDigest: v })} /> Gộp thành một thư tổng hợp mỗi ngày
          </label>
        </Space>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>Lịch nhiệm vụ (iCalendar)</Typography.Title>
      <Typography.Paragraph type="secondary">
        Thêm địa chỉ này vào Google Calendar, Outlook hoặc lịch của điện thoại để thấy hạn các nhiệm vụ của đơn vị mình.
        Địa chỉ là bí mật; tạo địa chỉ mới thì địa chỉ cũ hết hiệu lực.
      </Typography.Paragraph>
      {feed ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={feed} aria-label="Địa chỉ lịch" />
          <Button icon={<CopyOutlined />} onClick={() => navigator.clipboard?.writeText(feed).then(() => message.success('Đã sao chép.'))}>Sao chép</Button>
        </Space.Compact>
      ) : <Button icon={<ReloadOutlined />} onClick={rotate}>Tạo địa chỉ lịch</Button>}
    </Modal>
  );
}
