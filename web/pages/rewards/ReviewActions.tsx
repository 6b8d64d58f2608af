// What can be done to a proposal: the Sở's reviewing division returns it (with what to add), decides the reward
// (number, date, amount) or refuses it (with the reason); the unit adds evidence to a returned one and sends it
// again. The server has the last word — a reward already given to the same achievement answers 409, and that
// refusal is shown in the dialog, where the reviewer is looking, not only in a passing toast.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Typography, type UploadFile } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInVietnam } from '../../../core/schedule/dates.ts';
import { api, ApiError } from '../../api/client.ts';
import type { StoredFile } from '../../api/plans.ts';
import { FilesField, stillUploading, uploadedIds } from '../../components/EvidenceUpload.tsx';
import FormModal from '../../components/FormModal.tsx';
import ReturnModal from '../../components/ReturnModal.tsx';
import { formatMoney, MoneyInput, type RewardView } from './shared.tsx';
import { afterToday, DATE_FORMAT } from '../../components/inputs.ts';

type Open = 'return' | 'approve' | 'reject' | 'resubmit' | null;
interface Props { view: RewardView; onDone: (next: RewardView) => void }

export default function ReviewActions({ view, onDone }: Props) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<Open>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [rejectForm] = Form.useForm<{ comment: string }>();
  const [approveForm] = Form.useForm<{ decisionNo: string; decisionDate: Dayjs; amount: number }>();
  const [resubmitForm] = Form.useForm<{ output: string; fileIds: UploadFile<StoredFile>[] }>();
  if (!view.can.review && !view.can.resubmit) return null;

  const today = todayInVietnam();
  const close = () => { setOpen(null); setRefusal(null); };
  const review = async (body: Record<string, unknown>, done: string) => {
    try {
      onDone(await api.post<RewardView>(`/api/rewards/${view.id}/review`, body));
    } catch (err) {
      // A conflict is the server refusing the decision itself (a duplicate reward, a proposal moved meanwhile).
      if (err instanceof ApiError && err.status === 409) { setRefusal(err.message); return; }
      throw err;
    }
    message.success(done);
    close();
  };
  const duplicateText = view.duplicates.map((d) => d.text).join('; ');

  return (
    <>
      <div className="kh-rw-actions">
        {view.can.review && (
          <>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => setOpen('approve')}>Quyết định thưởng</Button>
            <Button icon={<RollbackOutlined />} onClick={() => setOpen('return')}>Trả lại</Button>
            <Button danger icon={<CloseOutlined />} onClick={() => setOpen('reject')}>Không xét thưởng</Button>
          </>
        )}
        {view.can.resubmit && <Button type="primary" icon={<SendOutlined />} onClick={() => setOpen('resubmit')}>Bổ sung và gửi lại</Button>}
      </div>

      <FormModal<{ decisionNo: string; decisionDate: Dayjs; amount: number }>
        title="Quyết định thưởng" okText="Ghi quyết định" open={open === 'approve'} form={approveForm} onCancel={close}
        initialValues={{ decisionDate: dayjs(today), amount: view.proposedAmount }}
        onSubmit={(v) => review({ action: 'approve', decisionNo: v.decisionNo, decisionDate: v.decisionDate.format('YYYY-MM-DD'), amount: v.amount }, 'Đã ghi quyết định thưởng.')}
      >
        {refusal && <Alert type="error" showIcon id="loi-quyet-dinh" style={{ marginBottom: 12 }} title="Không ghi được quyết định thưởng"
          description={<>{refusal}<br />Nếu đúng là trùng, đóng hộp này và chọn “Không xét thưởng”, nêu lý do trùng thành tích.</>} />}
        {!refusal && view.duplicates.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="Thành tích có dấu hiệu trùng với sổ thành tích" description={duplicateText} />
        )}
        <Typography.Paragraph type="secondary">{view.achievement.title} — {view.unitName}</Typography.Paragraph>
        <div className="kh-form-grid">
          <Form.Item name="decisionNo" label="Số quyết định" rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định thưởng.' }]}>
            <Input maxLength={100} placeholder="Ví dụ: 245/QĐ-SYT" autoFocus />
          </Form.Item>
          <Form.Item name="decisionDate" label="Ngày quyết định" rules={[{ required: true, message: 'Nhập ngày quyết định thưởng.' }]}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} disabledDate={afterToday} />
          </Form.Item>
        </div>
        <Form.Item name="amount" label="Số tiền thưởng" extra={`Đơn vị đề nghị ${formatMoney(view.proposedAmount)}.`}
          rules={[{ required: true, message: 'Nhập số tiền thưởng được quyết định.' }, { type: 'number', min: 1, message: 'Số tiền phải lớn hơn 0.' }]}>
          <MoneyInput />
        </Form.Item>
      </FormModal>

      <ReturnModal open={open === 'return'} unitName={view.unitName} onCancel={close}
        onSubmit={(comment) => review({ action: 'return', comment }, 'Đã trả lại hồ sơ cho đơn vị.')} />

      <FormModal<{ comment: string }>
        title="Không xét thưởng" okText="Không xét thưởng" open={open === 'reject'} form={rejectForm} onCancel={close}
        // A duplicate is the usual reason; start from what the register found so the reason names it.
        initialValues={{ comment: view.duplicates.length ? `Trùng thành tích: ${duplicateText}` : '' }}
        onSubmit={(v) => review({ action: 'reject', comment: v.comment }, 'Đã ghi không xét thưởng.')}
      >
        <Form.Item name="comment" label="Lý do không xét thưởng" rules={[{ required: true, whitespace: true, message: 'Nêu lý do không xét thưởng.' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} autoFocus />
        </Form.Item>
      </FormModal>

      <FormModal<{ output: string; fileIds: UploadFile<StoredFile>[] }>
        title="Bổ sung hồ sơ và gửi lại" okText="Gửi lại" open={open === 'resubmit'} form={resubmitForm} onCancel={close}
        initialValues={{ output: view.achievement.output, fileIds: [] }}
        onSubmit={async (v) => {
          const files = uploadedIds(v.fileIds ?? []);
          const output = v.output.trim() === view.achievement.output ? undefined : v.output;
          onDone(await api.post<RewardView>(`/api/rewards/${view.id}/resubmit`, { output, fileIds: files }));
          message.success('Đã gửi lại hồ sơ đề nghị xét thưởng.');
          close();
        }}
      >
        {view.reviewComment && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="Ý kiến thẩm định" description={view.reviewComment} />}
        <Form.Item name="output" label="Sản phẩm, kết quả đầu ra" rules={[{ required: true, whitespace: true, message: 'Mô tả sản phẩm, kết quả đầu ra.' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="fileIds" label="Tệp minh chứng bổ sung" valuePropName="files" dependencies={['output']}
          rules={[({ getFieldValue }) => ({
            validator: (_, files: UploadFile<StoredFile>[] | undefined) => {
              if (stillUploading(files ?? [])) return Promise.reject(new Error('Tệp đang được tải lên, vui lòng đợi.'));
              // Sending it back unchanged would only bring the same refusal: something must answer the comment.
              const same = String(getFieldValue('output') ?? '').trim() === view.achievement.output;
              return same && !uploadedIds(files ?? []).length ? Promise.reject(new Error('Bổ sung tệp minh chứng hoặc sửa kết quả đầu ra theo ý kiến thẩm định.')) : Promise.resolve();
            },
          })]}
        >
          <FilesField />
        </Form.Item>
      </FormModal>
    </>
  );
}
