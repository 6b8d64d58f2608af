// Log-in page: username and password, server's message (wrong password, locked, session expired) in an Alert.
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api, ApiError, setCsrfToken } from '../../api/client.ts';

interface LoginState { message?: string; from?: string }

export default function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const [notice] = useState(() => {
    const stored = sessionStorage.getItem('kh.loginMessage');
    sessionStorage.removeItem('kh.loginMessage');
    return state.message ?? stored ?? null;
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ csrfToken: string }>('/api/auth/login', { username: v.username.trim(), password: v.password });
      setCsrfToken(res.csrfToken);
      const from = state.from && !state.from.startsWith('/dang-nhap') && state.from !== '/' ? state.from : '/';
      navigate(from, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Không đăng nhập được. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: 'linear-gradient(160deg, #0b3d6e 0%, #0f6cbd 55%, #eaf2fb 55.1%)' }}>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 32px rgba(0,0,0,0.12)' }} styles={{ body: { padding: 32 } }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={1} style={{ margin: 0, color: '#0b3d6e', fontSize: 34 }}>kehoach</Typography.Title>
          <Typography.Text type="secondary">Quản lý kế hoạch ngành Y tế</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" id="login-error" />}
        {!error && notice && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="username" label="Tên đăng nhập" rules={[{ required: true, message: 'Nhập tên đăng nhập.' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="Mật khẩu" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>Đăng nhập</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          Quên mật khẩu? Liên hệ quản trị viên của Sở Y tế để được đặt lại.
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
