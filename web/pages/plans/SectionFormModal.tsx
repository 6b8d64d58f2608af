// Add a Roman-numeral section ("II. CẢI CÁCH THỂ CHẾ") to a plan's appendix.
import { Form, Input } from 'antd';
import { api } from '../../api/client.ts';
import FormModal from '../../components/FormModal.tsx';

interface Values { code?: string; title: string }

export default function SectionFormModal({ open, planId, onClose, onSaved }: { open: boolean; planId: string; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values> title="Thêm phần (nhóm nhiệm vụ)" open={open} form={form} onCancel={onClose}
      onSubmit={async (v) => { await api.post(`/api/plans/${planId}/sections`, { code: v.code ?? '', title: v.title }); onSaved(); }}>
      <Form.Item name="code" label="Số thứ tự" extra="Ví dụ: I, II, III"><Input style={{ width: 120 }} autoFocus /></Form.Item>
      <Form.Item name="title" label="Tên phần" rules={[{ required: true, message: 'Nhập tên phần.' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="Ví dụ: CÔNG TÁC CẢI CÁCH THỂ CHẾ" />
      </Form.Item>
    </FormModal>
  );
}
