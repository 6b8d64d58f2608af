// The reviewing division's decision on a sent report — return it with what to fix, or approve it — and
// leadership's lock exception: reopen a locked or approved report for one unit, for a number of days.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Space } from 'antd';
import { CheckOutlined, RollbackOutlined, UnlockOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import FormModal from '../../components/FormModal.tsx';
import type { SubmissionView } from './types.ts';

interface Props { view: SubmissionView; onDone: (next: SubmissionView) => void }

export default function ReviewBar({ view, onDone }: Props) {
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState<'return' | 'reopen' | null>(null);
  const [returnForm] = Form.useForm<{ comment: string }>();
  const [reopenForm] = Form.useForm<{ reason: string; days: number }>();
  if (!view.can.review && !view.can.reopen) return null;

  const review = async (action: 'return' | 'approve', comment = '') => {
    const next = await api.post<SubmissionView>(`/api/report-submissions/${view.id}/review`, { action, comment });
    message.success(action === 'approve' ? 'Đã duyệt báo cáo.' : 'Đã trả lại báo cáo cho đơn vị.');
    onDone(next);
  };
  const approve = () => modal.confirm({
    title: 'Duyệt báo cáo?',
    content: `Báo cáo của ${view.unit.name} — ${view.period.label} sẽ được khóa số liệu và dùng cho báo cáo tổng hợp. Muốn sửa sau khi duyệt cần Lãnh đạo Sở mở lại.`,
    okText: 'Duyệt', cancelText: 'Hủy',
    onOk: () => review('approve').catch((err: Error) => { message.error(err.message); }),
  });

  return (
    <>
      <Space wrap>
        {view.can.review && (
          <>
            <Button danger icon={<RollbackOutlined />} onClick={() => setOpen('return')}>Trả lại</Button>
            <Button type="primary" icon={<CheckOutlined />} onClick={approve}>Duyệt</Button>
          </>
        )}
        {view.can.reopen && <Button icon={<UnlockOutlined />} onClick={() => setOpen('reopen')}>Mở lại kỳ báo cáo</Button>}
      </Space>
      <FormModal<{ comment: string }>
        title="Trả lại báo cáo, đề nghị chỉnh sửa" okText="Trả lại" open={open === 'return'} form={returnForm} onCancel={() => setOpen(null)}
        onSubmit={async (v) => { await review('return', v.comment); setOpen(null); }}
      >
        <Form.Item name="comment" label="Nội dung cần đơn vị chỉnh sửa" rules={[{ required: true, whitespace: true, message: 'Ghi rõ nội dung cần đơn vị chỉnh sửa.' }]}
          extra={`${view.unit.name} sẽ nhận được thông báo kèm ý kiến này.`}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} autoFocus maxLength={5000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string; days: number }>
        title="Mở lại kỳ báo cáo cho đơn vị" okText="Mở lại" open={open === 'reopen'} form={reopenForm} initialValues={{ days: 7 }} onCancel={() => setOpen(null)}
        onSubmit={async (v) => {
          const next = await api.post<SubmissionView>(`${apiPath(view)}/reopen`, { reason: v.reason, days: v.days });
          message.success(`Đã mở lại kỳ báo cáo cho ${view.unit.name}.`);
          setOpen(null);
          onDone(next);
        }}
      >
        <Form.Item name="reason" label="Lý do mở lại" rules={[{ required: true, whitespace: true, message: 'Ghi lý do mở lại kỳ báo cáo.' }]}
          extra="Việc mở lại được ghi vào nhật ký kiểm toán.">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} autoFocus maxLength={2000} />
        </Form.Item>
        <Form.Item name="days" label="Số ngày đơn vị được sửa" rules={[{ required: true, message: 'Nhập số ngày (1–60).' }, { type: 'number', min: 1, max: 60, message: 'Từ 1 đến 60 ngày.' }]}>
          <InputNumber min={1} max={60} precision={0} suffix="ngày" style={{ width: 160 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** The API address of a report: the page's address under /api/report-schedules. */
export const apiPath = (v: SubmissionView) =>
  `/api/report-schedules/${v.schedule.id}/periods/${encodeURIComponent(v.period.key)}/units/${v.unit.id}`;
