// The shell after log-in: header (tenant, user menu), side menu that becomes a drawer on phones.
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { App, Button, Drawer, Dropdown, Form, Grid, Input, Layout, Menu, Select, Space, Typography } from 'antd';
import {
  ApartmentOutlined, AuditOutlined, BellOutlined, CheckSquareOutlined, DashboardOutlined, FileTextOutlined, DownOutlined, FormOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, SafetyCertificateOutlined,
  TeamOutlined, UserOutlined, WalletOutlined, TrophyOutlined, AccountBookOutlined, FileSearchOutlined, FlagOutlined,
} from '@ant-design/icons';
import { api } from '../api/client.ts';
import { useSession } from './session.tsx';
import FormModal from './FormModal.tsx';
import NotificationBell from '../pages/notify/NotificationBell.tsx';
import NotificationSettings from '../pages/notify/NotificationSettings.tsx';

const { Header, Sider, Content } = Layout;

export default function AppLayout({ children }: { children: ReactNode }) {
  const { me, can, logout, reload } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);
  const [notifyOpen, setNotifyOpen] = useState(false);
  const [pwForm] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();

  const items = [
    can('plan.read') && { key: '/tong-quan', icon: <DashboardOutlined />, label: 'Tổng quan' },
    can('plan.read') && { key: '/ke-hoach', icon: <FileTextOutlined />, label: 'Kế hoạch' },
    can('plan.read') && { key: '/nhiem-vu-don-vi', icon: <CheckSquareOutlined />, label: 'Nhiệm vụ của đơn vị' },
    can('plan.read') && { key: '/bao-cao', icon: <FormOutlined />, label: 'Báo cáo định kỳ' },
    can('plan.read') && { key: '/kiem-tra', icon: <FileSearchOutlined />, label: 'Kiểm tra, giám sát' },
    can('emulation.read') && { key: '/thi-dua', icon: <FlagOutlined />, label: 'Thi đua, khen thưởng' },
    can('allowance.read') && { key: '/ho-tro', icon: <WalletOutlined />, label: 'Hỗ trợ chuyển đổi số' },
    can('allowance.read') && { key: '/ho-tro/thuong', icon: <TrophyOutlined />, label: 'Đề nghị xét thưởng' },
    can('allowance.read') && { key: '/ho-tro/du-toan', icon: <AccountBookOutlined />, label: 'Dự toán, quyết toán' },
    { key: '/to-chuc', icon: <ApartmentOutlined />, label: 'Cơ cấu tổ chức' },
    { key: '/can-bo', icon: <TeamOutlined />, label: 'Cán bộ' },
    can('user.manage') && { key: '/tai-khoan', icon: <SafetyCertificateOutlined />, label: 'Tài khoản và phân quyền' },
    can('audit.read') && { key: '/nhat-ky', icon: <AuditOutlined />, label: 'Nhật ký kiểm toán' },
  ].filter(Boolean) as { key: string; icon: ReactNode; label: string }[];
  // A task page belongs to the plans section of the menu.
  // Task, indicator and plan-import pages belong under "Kế hoạch" in the menu.
  const path = /^\/(nhiem-vu\/|nhap-ke-hoach|chi-tieu\/)/.test(location.pathname) ? '/ke-hoach' : location.pathname;
  // The longest key that starts the path: /ho-tro/thuong lights up its own item, not /ho-tro.
  const selected = items.filter((i) => path === i.key || path.startsWith(`${i.key}/`)).sort((a, b) => b.key.length - a.key.length)[0]?.key ?? '/to-chuc';

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => { navigate(key); setDrawerOpen(false); }}
      style={{ borderInlineEnd: 0 }}
    />
  );

  const switchTenant = async (tenantId: string) => {
    try {
      await api.post('/api/auth/tenant', { tenantId });
      await reload();
      navigate('/');
      message.success('Đã chuyển Sở Y tế làm việc.');
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const tenantControl = me.user.isSystemAdmin ? (
    <Select
      aria-label="Sở Y tế đang làm việc"
      placeholder="Sở Y tế đang làm việc"
      value={me.tenant?.id}
      onChange={switchTenant}
      options={me.tenants.map((t) => ({ value: t.id, label: t.name }))}
      style={{ minWidth: isPhone ? 140 : 240, maxWidth: isPhone ? 170 : 320 }}
      id="tenant-switch"
      title="Sở Y tế đang làm việc"
    />
  ) : (
    // On a phone the header has no room for the Sở's name; the menu drawer shows it.
    me.tenant && !isPhone && <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }} ellipsis>{me.tenant.name}</Typography.Text>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: isPhone ? 12 : 24, background: '#0b3d6e' }}>
        {isPhone && (
          <Button type="text" aria-label="Mở menu" icon={<MenuOutlined style={{ color: '#fff' }} />} onClick={() => setDrawerOpen(true)} />
        )}
        <a href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }} style={{ color: '#fff', fontWeight: 700, fontSize: 20, whiteSpace: 'nowrap' }}>
          kehoach
        </a>
        {!isPhone && <span style={{ color: 'rgba(255,255,255,0.65)', whiteSpace: 'nowrap' }}>Quản lý kế hoạch ngành Y tế</span>}
        <div style={{ flex: 1, minWidth: 0, display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, overflow: 'hidden' }}>
          {tenantControl}
          {me.tenant && <NotificationBell />}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                ...(me.tenant ? [{ key: 'notify', icon: <BellOutlined />, label: 'Nhắc việc và lịch' }] : []),
                { key: 'pw', icon: <KeyOutlined />, label: 'Đổi mật khẩu' },
                { type: 'divider' },
                { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất', danger: true },
              ],
              onClick: ({ key }) => (key === 'logout' ? void logout() : key === 'notify' ? setNotifyOpen(true) : setPwOpen(true)),
            }}
          >
            <Button type="text" id="user-menu" style={{ color: '#fff' }}>
              <Space>
                <UserOutlined />
                {!isPhone || me.user.displayName.length < 18 ? me.user.displayName : ''}
                <DownOutlined />
              </Space>
            </Button>
          </Dropdown>
        </div>
      </Header>
      <Layout>
        {!isPhone && <Sider width={240} theme="light" style={{ borderRight: '1px solid #eef0f3' }}>{menu}</Sider>}
        <Drawer placement="left" open={isPhone && drawerOpen} onClose={() => setDrawerOpen(false)} title="kehoach" size={280} styles={{ body: { padding: 0 } }}>
          <div style={{ padding: '8px 24px', color: 'rgba(0,0,0,0.55)' }}>{me.user.displayName}{me.tenant ? ` — ${me.tenant.name}` : ''}</div>
          {menu}
        </Drawer>
        <Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <div style={{ background: '#fff', borderRadius: 8, padding: isPhone ? 12 : 24, minHeight: 'calc(100vh - 112px)' }}>{children}</div>
        </Content>
      </Layout>
      <NotificationSettings open={notifyOpen} onClose={() => setNotifyOpen(false)} />
      <FormModal
        title="Đổi mật khẩu"
        open={pwOpen}
        form={pwForm}
        onCancel={() => setPwOpen(false)}
        onSubmit={async (v) => {
          await api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
          setPwOpen(false);
          message.success('Đã đổi mật khẩu.');
        }}
      >
        <Form.Item name="currentPassword" label="Mật khẩu hiện tại" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại.' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item name="newPassword" label="Mật khẩu mới" extra="Ít nhất 8 ký tự, có cả chữ và số." rules={[{ required: true, message: 'Nhập mật khẩu mới.' }, { min: 8, message: 'Mật khẩu cần ít nhất 8 ký tự.' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="Nhập lại mật khẩu mới"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Nhập lại mật khẩu mới.' },
            ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('Hai mật khẩu không khớp.'))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormModal>
    </Layout>
  );
}
