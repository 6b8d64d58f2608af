// The buttons of whoever's turn it is on a list, from the server's `can` flags: IT redrafts and proposes,
// HR returns (a comment is required) or approves (with the decision's number), finance records the payment
// (the amount must equal the list's total). Each step sends the version the page loaded.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input } from 'antd';
import { CheckOutlined, DollarOutlined, RedoOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import { todayInVietnam } from '../../../core/schedule/dates.ts';
import { formatMoney, monthLabel, type AllowanceList } from '../../api/allowance.ts';
import FormModal from '../../components/FormModal.tsx';
import type { Act } from './ListPage.tsx';
import { MoneyInput } from './shared.tsx';
import { afterToday, DATE_FORMAT } from '../../components/inputs.ts';

interface Props { list: AllowanceList; act: Act; onGenerate: () => Promise<void>; generating: boolean }
type Step = 'propose' | 'return' | 'approve' | 'pay';
interface StepValues { comment?: string; decisionNo?: string; payPeriod?: string; paidOn?: Dayjs; amount?: number }

export default function ListActions({ list, act, onGenerate, generating }: Props) {
  const { modal } = App.useApp();
  const [open, setOpen] = useState<Step | null>(null);
  // One form per dialog: a closing dialog's form must not be the one the next dialog opens with.
  const [proposeForm] = Form.useForm<StepValues>();
  const [returnForm] = Form.useForm<StepValues>();
  const [approveForm] = Form.useForm<StepValues>();
  const [payForm] = Form.useForm<StepValues>();
  const { can } = list;
  const label = `tháng ${monthLabel(list.month)}`;

  const step = async (action: Step, body: Record<string, unknown>, done: string) => {
    if (await act(() => api.post<AllowanceList>(`/api/allowance/lists/${list.id}/${action}`, { version: list.version, ...body }), done)) setOpen(null);
  };
  const redraft = () => modal.confirm({
    title: 'Lập lại danh sách từ hồ sơ?',
    content: 'kehoach tính lại từng người theo quyết định phân công, xếp loại hằng tháng và chính sách khác hiện có. Những cán bộ đã được đưa ra hoặc bổ sung kèm lý do được giữ nguyên.',
    okText: 'Lập lại', cancelText: 'Hủy', onOk: onGenerate,
  });

  return (
    <>
      {can.edit && <Button icon={<RedoOutlined />} loading={generating} onClick={redraft}>Lập lại từ hồ sơ</Button>}
      {can.propose && <Button type="primary" icon={<SendOutlined />} onClick={() => setOpen('propose')}>Đề xuất duyệt</Button>}
      {can.return && <Button danger icon={<RollbackOutlined />} onClick={() => setOpen('return')}>Trả lại</Button>}
      {can.approve && <Button type="primary" icon={<CheckOutlined />} onClick={() => setOpen('approve')}>Phê duyệt</Button>}
      {can.pay && <Button type="primary" icon={<DollarOutlined />} onClick={() => setOpen('pay')}>Ghi nhận chi trả</Button>}

      <FormModal<StepValues>
        title="Đề xuất duyệt danh sách" okText="Đề xuất duyệt" open={open === 'propose'} form={proposeForm} onCancel={() => setOpen(null)}
        onSubmit={(v) => step('propose', { comment: v.comment ?? '' }, 'Đã đề xuất danh sách, chờ Tổ chức cán bộ phê duyệt.')}
      >
        <p>
          Danh sách {label}: <b>{list.totals.people}</b> người hưởng, tổng <b>{formatMoney(list.totals.total)}</b>.
          Sau khi đề xuất, danh sách chỉ sửa được khi bị trả lại.
        </p>
        <Form.Item name="comment" label="Ghi chú gửi người duyệt (không bắt buộc)">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </FormModal>

      <FormModal<StepValues>
        title="Trả lại danh sách, đề nghị chỉnh sửa" okText="Trả lại" open={open === 'return'} form={returnForm} onCancel={() => setOpen(null)}
        onSubmit={(v) => step('return', { comment: v.comment }, 'Đã trả lại danh sách cho bộ phận lập.')}
      >
        <Form.Item name="comment" label="Nội dung cần chỉnh sửa" rules={[{ required: true, whitespace: true, message: 'Nêu ý kiến để bộ phận lập danh sách biết cần sửa gì.' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} autoFocus maxLength={2000} />
        </Form.Item>
      </FormModal>

      <FormModal<StepValues>
        title="Phê duyệt danh sách" okText="Phê duyệt" open={open === 'approve'} form={approveForm} onCancel={() => setOpen(null)}
        onSubmit={(v) => step('approve', { decisionNo: v.decisionNo ?? '', comment: v.comment ?? '' }, 'Đã phê duyệt danh sách; danh sách đã khóa.')}
      >
        <p>
          Phê duyệt {list.totals.people} người hưởng, tổng <b>{formatMoney(list.totals.total)}</b>. Danh sách đã duyệt bị khóa;
          sai sót phát hiện sau được điều chỉnh bằng dòng truy lĩnh hoặc thu hồi ở danh sách tháng sau.
        </p>
        <Form.Item name="decisionNo" label="Số quyết định phê duyệt (nếu có)" extra="Ví dụ: 125/QĐ-BVTN">
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item name="comment" label="Ý kiến (không bắt buộc)">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </FormModal>

      <FormModal<StepValues>
        title="Ghi nhận chi trả" okText="Ghi nhận chi trả" open={open === 'pay'} form={payForm} onCancel={() => setOpen(null)}
        initialValues={{ payPeriod: `Kỳ lương tháng ${Number(list.month.slice(5))}/${list.month.slice(0, 4)}`, paidOn: dayjs(todayInVietnam()), amount: list.totals.total }}
        onSubmit={(v) => step('pay', { payPeriod: v.payPeriod, paidOn: v.paidOn?.format('YYYY-MM-DD'), amount: v.amount }, 'Đã ghi nhận chi trả.')}
      >
        <Form.Item name="payPeriod" label="Kỳ chi trả" rules={[{ required: true, whitespace: true, message: 'Nhập kỳ chi trả (ví dụ: kỳ lương tháng 7/2026).' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="paidOn" label="Ngày chi trả" rules={[{ required: true, message: 'Nhập ngày chi trả.' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" disabledDate={afterToday} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="amount" label="Số tiền đã chi" extra={`Phải bằng tổng danh sách đã duyệt: ${formatMoney(list.totals.total)}.`}
          rules={[{ required: true, message: 'Nhập số tiền đã chi.' }]}>
          <MoneyInput />
        </Form.Item>
      </FormModal>
    </>
  );
}
