// A user's reminder choices (e-mail, daily digest) and the secret address of their calendar feed.
import { useEffect, useState } from 'react';
import { App, Button, Input, Modal, Select, Space, Switch, Typography } from 'antd';
import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { useSession } from '../../components/session.tsx';

interface Prefs { emailEnabled: boolean; dailyDigest: boolean }

export default function NotificationSettings({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [feed, setFeed] = useState<string | null>(null);
  const { can } = useSession();
  const [days, setDays] = useState<number[] | null>(null);
  useEffect(() => {
    if (!open) return;
    api.get<Prefs>('/api/me/notification-prefs').then(setPrefs, (e) => message.error((e as Error).message));
    if (can('user.manage')) api.get<{ reminderDays: number[] }>('/api/settings/reminders').then((r) => setDays(r.reminderDays), () => undefined);
  }, [open, message, can]);
  const saveDays = async (next: number[]) => {
    try {
      setDays((await api.put<{ reminderDays: number[] }>('/api/settings/reminders', { reminderDays: next })).reminderDays);
      message.success('Đã lưu các mốc nhắc việc của Sở.');
    } catch (e) { message.error((e as Error).message); }
  };
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
      {days && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>Mốc nhắc việc của Sở</Typography.Title>
          <Typography.Paragraph type="secondary">Số ngày trước hạn gửi nhắc việc cho đơn vị chủ trì (0 là đúng ngày đến hạn). Áp dụng cho toàn Sở.</Typography.Paragraph>
          <Select
            mode="multiple" aria-label="Mốc nhắc việc" style={{ width: '100%' }} value={days}
            options={[30, 14, 10, 7, 5, 3, 2, 1, 0].map((d) => ({ value: d, label: d ? `${d} ngày trước hạn` : 'Đúng ngày đến hạn' }))}
            onChange={(v: number[]) => { if (v.length) void saveDays(v); }}
          />
        </>
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
