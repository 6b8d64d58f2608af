// The upload of a plan document (.docx, .pdf, .txt): progress while it travels, then a spinner while the
// server reads it; a file the server cannot read gets its Vietnamese reason.
import { useRef, useState } from 'react';
import { Alert, Card, Progress, Typography, Upload } from 'antd';
import { InboxOutlined, LoadingOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../components/session.tsx';
import type { ImportView } from './types.ts';

const ACCEPT = '.docx,.pdf,.txt';

/** POST multipart with upload progress (fetch cannot report it). */
function send(file: File, csrf: string, onProgress: (percent: number) => void): Promise<ImportView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/plan-imports');
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.upload.onload = () => onProgress(100);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.'));
    xhr.onload = () => {
      let data: { error?: string; message?: string; details?: Record<string, string> } | null = null;
      try { data = JSON.parse(xhr.responseText); } catch { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as unknown as ImportView);
      else if (xhr.status === 413) reject(new ApiError(413, 'payload_too_large', data?.message ?? 'Tệp quá lớn để tải lên.', data?.details));
      else reject(new ApiError(xhr.status, data?.error ?? 'error', data?.message ?? `Lỗi máy chủ (${xhr.status}).`, data?.details));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export default function UploadCard({ onImported }: { onImported: (view: ImportView) => void }) {
  const { me } = useSession();
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'reading'>('idle');
  const [percent, setPercent] = useState(0);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<{ title: string; detail: string } | null>(null);
  const busy = useRef(false);

  const start = async (file: File) => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    setFileName(file.name);
    setPercent(0);
    setPhase('uploading');
    try {
      const view = await send(file, me.csrfToken, (p) => { setPercent(p); if (p >= 100) setPhase('reading'); });
      onImported(view);
    } catch (err) {
      const e = err as ApiError;
      setError({ title: `Không đọc được tệp “${file.name}”`, detail: e.details?.file ?? e.message });
    } finally {
      busy.current = false;
      setPhase('idle');
    }
  };

  return (
    <Card title="Tải văn bản kế hoạch lên" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        Chọn văn bản kế hoạch đã soạn (.docx, .pdf có lớp chữ, hoặc .txt). kehoach đọc phần đầu văn bản, các phần, bảng phụ lục nhiệm vụ,
        chỉ tiêu và chế độ báo cáo thành một bản nháp để anh/chị rà soát bên cạnh văn bản gốc trước khi tạo kế hoạch.
      </Typography.Paragraph>
      <Upload.Dragger accept={ACCEPT} multiple={false} showUploadList={false} disabled={phase !== 'idle'}
        beforeUpload={(f) => { void start(f); return false; }} aria-label="Chọn văn bản kế hoạch để nhập">
        <p className="ant-upload-drag-icon">{phase === 'idle' ? <InboxOutlined /> : <LoadingOutlined />}</p>
        {phase === 'idle' && <p className="ant-upload-text">Kéo tệp .docx, .pdf hoặc .txt vào đây, hoặc bấm để chọn</p>}
        {phase === 'uploading' && (
          <div style={{ maxWidth: 420, margin: '0 auto' }}>
            <p className="ant-upload-text">Đang tải lên “{fileName}”…</p>
            <Progress percent={percent} status="active" aria-label="Tiến độ tải lên" />
          </div>
        )}
        {phase === 'reading' && <p className="ant-upload-text" role="status">Đang đọc văn bản… (tệp lớn có thể mất vài giây)</p>}
        <p className="ant-upload-hint">Tệp .doc cũ hoặc PDF bản quét cần được lưu lại thành .docx hoặc .pdf có chữ trước khi nhập.</p>
      </Upload.Dragger>
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error.title} description={error.detail} closable={{ onClose: () => setError(null) }} />}
    </Card>
  );
}
