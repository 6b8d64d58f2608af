// "Trả lại hồ sơ, đề nghị bổ sung": the reviewer's comment, which the unit reads on its dossier. Used wherever a
// reviewer sends a dossier back (task rewards, commendations).
import { Form, Input } from 'antd';
import FormModal from './FormModal.tsx';

interface Props {
  open: boolean;
  unitName: string;
  /** What the comment starts from, e.g. the documents found missing. */
  initial?: string;
  onCancel: () => void;
  onSubmit: (comment: string) => Promise<void>;
}

export default function ReturnModal({ open, unitName, initial = '', onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <FormModal<{ comment: string }>
      title="Trả lại hồ sơ, đề nghị bổ sung" okText="Trả lại" open={open} form={form} onCancel={onCancel}
      initialValues={{ comment: initial }} onSubmit={(v) => onSubmit(v.comment)}
    >
      <Form.Item name="comment" label="Nội dung đơn vị cần bổ sung" extra={`${unitName} thấy ý kiến này trên hồ sơ.`}
        rules={[{ required: true, whitespace: true, message: 'Nêu tài liệu, nội dung đơn vị cần bổ sung.' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
