// Import tasks from an Excel sheet laid out like the appendix; every bad row and column is listed, and nothing is saved until all are right.
import { useState } from 'react';
import { Alert, Button, List, Modal, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError, upload } from '../../api/client.ts';

interface Result { sections: number; tasks: number; warnings: string[] }

export default function ImportTasksModal({ open, planId, onClose, onImported }: { open: boolean; planId: string; onClose: () => void; onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[] | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const reset = () => { setErrors(null); setResult(null); };
  const send = async (file: File) => {
    reset();
    setBusy(true);
    try {
      const res = await upload<Result>(`/api/plans/${planId}/import`, [file]);
      setResult(res);
      onImported();
    } catch (err) {
      const e = err as ApiError;
      // File-level problems are said plainly; row problems name their row and column.
      setErrors(e.details ? Object.entries(e.details).map(([where, msg]) => (where === 'file' ? msg : `${where}: ${msg}`)) : [e.message]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="Nhập nhiệm vụ từ Excel" onCancel={() => { reset(); onClose(); }} footer={<Button onClick={() => { reset(); onClose(); }}>Đóng</Button>} width={640}>
      <Typography.Paragraph type="secondary">
        Bảng cần có các cột như phụ lục: STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian hoàn thành, Sản phẩm, Ghi chú.
        Dòng có số La Mã ở cột STT là tên phần. Các nhiệm vụ được thêm vào sau các nhiệm vụ hiện có.
      </Typography.Paragraph>
      <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} disabled={busy} beforeUpload={(f) => { void send(f); return false; }}>
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p>{busy ? 'Đang kiểm tra và nhập…' : 'Kéo tệp .xlsx vào đây hoặc bấm để chọn'}</p>
      </Upload.Dragger>
      {errors && (
        <Alert style={{ marginTop: 16 }} type="error" showIcon title="Chưa nhập được: hãy sửa các lỗi sau rồi nhập lại (chưa có gì được lưu)."
          description={<List size="small" dataSource={errors} renderItem={(e) => <List.Item style={{ padding: '2px 0' }}>{e}</List.Item>} style={{ maxHeight: 260, overflow: 'auto' }} />} />
      )}
      {result && (
        <Alert style={{ marginTop: 16 }} type={result.warnings.length ? 'warning' : 'success'} showIcon
          title={`Đã nhập ${result.tasks} nhiệm vụ${result.sections ? ` trong ${result.sections} phần` : ''}.`}
          description={result.warnings.length ? <List size="small" dataSource={result.warnings} renderItem={(w) => <List.Item style={{ padding: '2px 0' }}>{w}</List.Item>} /> : undefined} />
      )}
    </Modal>
  );
}
