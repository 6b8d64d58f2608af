// A corrective action reported (note and evidence; the evidence may be left out only when the action is the stop
// of an allowance, which the allowance records) and closed by the inspection team.
import { Form, Input, type UploadFile } from 'antd';
import { api } from '../../api/client.ts';
import type { StoredFile } from '../../api/plans.ts';
import { FilesField, stillUploading, uploadedIds } from '../../components/EvidenceUpload.tsx';
import FormModal from '../../components/FormModal.tsx';
import type { CorrectiveAction } from './shared.tsx';

interface Props { action: CorrectiveAction | null; onClose: () => void; onDone: () => void }

interface ReportValues { note: string; fileIds?: UploadFile<StoredFile>[] }

export function ReportModal({ action, onClose, onDone }: Props) {
  const [form] = Form.useForm<ReportValues>();
  const needsFiles = !action?.allowance;
  const submit = async (v: ReportValues) => {
    await api.post(`/api/corrective-actions/${action!.id}/report`, { note: v.note, fileIds: uploadedIds(v.fileIds ?? []) });
    onDone();
  };
  return (
    <FormModal<ReportValues>
      title="Báo cáo kết quả khắc phục" okText="Gửi báo cáo" open={!!action} form={form} onCancel={onClose} onSubmit={submit} width={640}
      initialValues={{ fileIds: [] }}
    >
      {action && <p className="kh-ins-text" style={{ marginTop: 0 }}><b>{action.responsibleUnitName}:</b> {action.description}</p>}
      <Form.Item name="note" label="Kết quả khắc phục" rules={[{ required: true, whitespace: true, message: 'Nêu kết quả khắc phục.' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="fileIds" label="Tệp minh chứng" valuePropName="files" required={needsFiles}
        extra="Văn bản, ảnh chụp chứng minh đã khắc phục (PDF, Word, Excel, ảnh; tối đa 20 MB mỗi tệp)."
        rules={[{
          validator: (_, files: UploadFile<StoredFile>[] | undefined) => {
            if (stillUploading(files ?? [])) return Promise.reject(new Error('Tệp đang được tải lên, vui lòng đợi.'));
            return !needsFiles || uploadedIds(files ?? []).length ? Promise.resolve() : Promise.reject(new Error('Đính kèm minh chứng đã khắc phục.'));
          },
        }]}
      >
        <FilesField />
      </Form.Item>
    </FormModal>
  );
}

export function CloseModal({ action, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ note: string }>();
  const submit = async (v: { note: string }) => {
    await api.post(`/api/corrective-actions/${action!.id}/close`, { note: v.note ?? '' });
    onDone();
  };
  return (
    <FormModal<{ note: string }> title="Đóng biện pháp khắc phục" okText="Đóng" open={!!action} form={form} onCancel={onClose} onSubmit={submit} width={560}>
      {action && <p className="kh-ins-text" style={{ marginTop: 0 }}><b>{action.responsibleUnitName}:</b> {action.description}</p>}
      {action?.reportNote && <p className="kh-ins-text">Đơn vị báo cáo: {action.reportNote}</p>}
      <Form.Item name="note" label="Ý kiến của đoàn kiểm tra">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="Ví dụ: Đã kiểm tra minh chứng, đạt yêu cầu" />
      </Form.Item>
    </FormModal>
  );
}
