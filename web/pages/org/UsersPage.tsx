// Accounts and role grants: create, grant/revoke roles, reset password, lock/unlock.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { KeyOutlined, LockOutlined, PlusOutlined, SafetyOutlined, UnlockOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '../../../core/auth/policy.ts';
import { api, ApiError, type UserAccount, type UserGrant } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import FormModal from '../../components/FormModal.tsx';
import { UnitTreeSelect, useUnits } from '../../components/units.tsx';
import { useSession } from '../../components/session.tsx';

const roleOptions = ROLES.map((r) => ({
  value: r,
  label: (
    <div style={{ whiteSpace: 'normal' }}>
      <div>{ROLE_LABELS[r]}</div>
      <div className="kh-muted">{ROLE_DESCRIPTIONS[r]}</div>
    </div>
  ),
  title: ROLE_LABELS[r],
}));

function RoleHelp({ form }: { form: ReturnType<typeof Form.useForm>[0] }) {
  const role = Form.useWatch('role', form) as Role | undefined;
  return role ? <Typography.Text type="secondary">{ROLE_DESCRIPTIONS[role]}</Typography.Text> : null;
}

const passwordRules = [
  { required: true, message: 'Nhập mật khẩu.' },
  { min: 8, message: 'Mật khẩu cần ít nhất 8 ký tự.' },
  { pattern: /^(?=.*\p{L})(?=.*\d).+$/u, message: 'Mật khẩu cần có cả chữ và số.' },
];

export default function UsersPage() {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const { units } = useUnits();
  const [users, setUsers] = useState<UserAccount[]>([]);
  const [loading, setLoading] = useState(true);
  const [modal, setModal] = useState<{ kind: 'create' | 'grant' | 'password'; user?: UserAccount } | null>(null);
  const [createForm] = Form.useForm();
  const [grantForm] = Form.useForm();
  const [pwForm] = Form.useForm();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setUsers((await api.get<{ items: UserAccount[] }>('/api/org/users')).items);
    } catch (err) {
      if (err instanceof ApiError && err.status !== 401) message.error(err.message);
    } finally {
      setLoading(false);
    }
  }, [message, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, [load]);

  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try { await fn(); message.success(ok); void load(); } catch (err) { message.error((err as Error).message); }
  };
  const revoke = (u: UserAccount, g: UserGrant) =>
    act(() => api.delete(`/api/org/users/${u.id}/roles/${g.id}`), `Đã thu hồi quyền “${g.roleLabel}” của ${u.displayName}.`);

  const columns: ColumnsType<UserAccount> = [
    { title: 'Tên đăng nhập', dataIndex: 'username', key: 'username', width: 150, fixed: 'left', render: (v) => <Typography.Text code>{v}</Typography.Text> },
    { title: 'Tên hiển thị', dataIndex: 'displayName', key: 'displayName', width: 180,
      render: (v, u) => <>{v}{u.personName && u.personName !== v && <div className="kh-muted">{u.personName}</div>}</> },
    {
      title: 'Quyền', key: 'grants', width: 340,
      render: (_, u) => u.grants.length ? (
        <Space size={[4, 4]} wrap style={{ maxWidth: 330 }}>
          {u.grants.map((g) => (
            <Tag key={g.id} color="blue" style={{ whiteSpace: 'normal', height: 'auto' }} closable={g.canRevoke} closeIcon={g.canRevoke ? undefined : false}
              onClose={(e) => { e.preventDefault(); void revoke(u, g); }}>
              {g.roleLabel} — {g.unitName}
            </Tag>
          ))}
        </Space>
      ) : <Typography.Text type="secondary">Chưa được cấp quyền</Typography.Text>,
    },
    { title: 'Trạng thái', dataIndex: 'active', key: 'active', width: 120,
      render: (v) => (v ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>) },
    { title: 'Đăng nhập lần cuối', dataIndex: 'lastLoginAt', key: 'lastLoginAt', width: 150, render: (v) => (v ? formatDateTime(v) : 'Chưa đăng nhập') },
    {
      title: 'Thao tác', key: 'actions', width: 240, fixed: 'right',
      render: (_, u) => (
        <Space size={4} wrap style={{ maxWidth: 220 }}>
          {!u.self && <Button size="small" icon={<SafetyOutlined />} onClick={() => setModal({ kind: 'grant', user: u })}>Cấp quyền</Button>}
          <Button size="small" icon={<KeyOutlined />} onClick={() => setModal({ kind: 'password', user: u })}>Đặt lại mật khẩu</Button>
          {!u.self && <Popconfirm
            title={u.active ? `Khóa tài khoản ${u.username}?` : `Mở khóa tài khoản ${u.username}?`}
            description={u.active ? 'Người dùng sẽ không đăng nhập được nữa.' : undefined}
            okText={u.active ? 'Khóa' : 'Mở khóa'} cancelText="Hủy" okButtonProps={{ danger: u.active }}
            onConfirm={() => act(() => api.patch(`/api/org/users/${u.id}`, { active: !u.active }), u.active ? 'Đã khóa tài khoản.' : 'Đã mở khóa tài khoản.')}
          >
            <Button size="small" danger={u.active} icon={u.active ? <LockOutlined /> : <UnlockOutlined />}>{u.active ? 'Khóa' : 'Mở khóa'}</Button>
          </Popconfirm>}
        </Space>
      ),
    },
  ];

  const grantUnitPicker = <UnitTreeSelect units={units} selectable={(u) => u.can.manage && u.active} />;

  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Tài khoản và phân quyền</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'create' })}>Tạo tài khoản</Button>
      </div>
      <Table<UserAccount>
        rowKey="id" columns={columns} dataSource={users} loading={loading} scroll={{ x: 1180 }} size="middle"
        rowClassName={(u) => (u.active ? '' : 'kh-inactive')}
        pagination={users.length > 20 ? { pageSize: 20, showTotal: (t) => `${t} tài khoản` } : false}
        locale={{ emptyText: 'Chưa có tài khoản' }}
      />

      <FormModal
        title="Tạo tài khoản" open={modal?.kind === 'create'} form={createForm} onCancel={() => setModal(null)} okText="Tạo tài khoản"
        onSubmit={async (v: Record<string, string>) => {
          await api.post('/api/org/users', { username: v.username, displayName: v.displayName, password: v.password, role: v.role || undefined, unitId: v.role ? v.unitId : undefined });
          setModal(null); message.success(`Đã tạo tài khoản ${v.username}.`); void load();
        }}
      >
        <Form.Item name="username" label="Tên đăng nhập" extra="Chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang."
          rules={[{ required: true, message: 'Nhập tên đăng nhập.' }, { pattern: /^[a-z0-9._-]+$/, message: 'Chỉ dùng chữ thường a-z, số, dấu . _ -' }]}>
          <Input autoCapitalize="none" autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item name="displayName" label="Tên hiển thị" rules={[{ required: true, whitespace: true, message: 'Nhập tên hiển thị.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label="Mật khẩu ban đầu" extra="Ít nhất 8 ký tự, có cả chữ và số." rules={passwordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label="Quyền ban đầu (không bắt buộc)" extra={<RoleHelp form={createForm} />}>
          <Select allowClear options={roleOptions} optionLabelProp="title" placeholder="Chọn quyền" />
        </Form.Item>
        <Form.Item noStyle dependencies={['role']}>
          {({ getFieldValue }) => getFieldValue('role') && (
            <Form.Item name="unitId" label="Phạm vi (đơn vị)" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>{grantUnitPicker}</Form.Item>
          )}
        </Form.Item>
      </FormModal>

      <FormModal
        title={`Cấp quyền cho ${modal?.user?.displayName ?? ''}`} open={modal?.kind === 'grant'} form={grantForm} onCancel={() => setModal(null)} okText="Cấp quyền"
        onSubmit={async (v: Record<string, string>) => {
          await api.post(`/api/org/users/${modal!.user!.id}/roles`, { role: v.role, unitId: v.unitId });
          setModal(null); message.success('Đã cấp quyền.'); void load();
        }}
      >
        <Form.Item name="role" label="Quyền" rules={[{ required: true, message: 'Chọn quyền.' }]} extra={<RoleHelp form={grantForm} />}>
          <Select options={roleOptions} optionLabelProp="title" placeholder="Chọn quyền" />
        </Form.Item>
        <Form.Item name="unitId" label="Phạm vi (đơn vị)" rules={[{ required: true, message: 'Chọn đơn vị.' }]}
          extra="Quyền áp dụng cho đơn vị này và các đơn vị trực thuộc.">
          {grantUnitPicker}
        </Form.Item>
      </FormModal>

      <FormModal
        title={`Đặt lại mật khẩu cho ${modal?.user?.username ?? ''}`} open={modal?.kind === 'password'} form={pwForm} onCancel={() => setModal(null)} okText="Đặt lại mật khẩu"
        onSubmit={async (v: Record<string, string>) => {
          await api.post(`/api/org/users/${modal!.user!.id}/password`, { password: v.password });
          setModal(null); message.success('Đã đặt lại mật khẩu. Hãy báo mật khẩu mới cho người dùng qua kênh an toàn.');
        }}
      >
        <Form.Item name="password" label="Mật khẩu mới" extra="Ít nhất 8 ký tự, có cả chữ và số." rules={passwordRules}>
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </FormModal>
    </>
  );
}
