// Full-page results for "not allowed" and "not found", with a way back.
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function ForbiddenResult({ message }: { message?: string }) {
  const navigate = useNavigate();
  return (
    <div id="ket-qua-403">
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle={message ?? 'Bạn không có quyền sử dụng chức năng này.'}
      extra={<Button type="primary" onClick={() => navigate('/')}>Về trang chủ</Button>}
    />
    </div>
  );
}

export function NotFoundResult({ message }: { message?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy"
      subTitle={message ?? 'Trang bạn tìm không tồn tại.'}
      extra={<Button type="primary" onClick={() => navigate('/')}>Về trang chủ</Button>}
    />
  );
}
