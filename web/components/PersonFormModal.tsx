// Add or edit a person (cán bộ) of a unit.
import { Form, Input, Switch } from 'antd';
import { api, type Person } from '../api/client.ts';
import FormModal from './FormModal.tsx';

interface Values { fullName: string; position?: string; title?: string; email?: string; phone?: string; active?: boolean }

interface Props { open: boolean; unitId: string; editing?: Person | null; onClose: () => void; onSaved: (p: Person) => void }

const blankToNull = (s?: string) => (s && s.trim() ? s.trim() : null);

export default function PersonFormModal({ open, unitId, editing, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title={editing ? `Sửa thông tin cán bộ: ${editing.fullName}` : 'Thêm cán bộ'}
      open={open}
      form={form}
      onCancel={onClose}
      initialValues={editing ? {
        fullName: editing.fullName, position: editing.position ?? '', title: editing.title ?? '',
        email: editing.email ?? '', phone: editing.phone ?? '', active: editing.active,
      } : { active: true }}
      onSubmit={async (v) => {
        const body = { fullName: v.fullName.trim(), position: blankToNull(v.position), title: blankToNull(v.title), email: blankToNull(v.email), phone: blankToNull(v.phone) };
        const saved = editing
          ? await api.patch<Person>(`/api/org/people/${editing.id}`, { ...body, active: v.active })
          : await api.post<Person>('/api/org/people', { ...body, unitId });
        onSaved(saved);
      }}
    >
      <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }]}>
        <Input maxLength={255} autoFocus />
      </Form.Item>
      <Form.Item name="title" label="Chức vụ">
        <Input maxLength={255} placeholder="Ví dụ: Trưởng phòng" />
      </Form.Item>
      <Form.Item name="position" label="Vị trí việc làm">
        <Input maxLength={255} placeholder="Ví dụ: Chuyên viên kế hoạch" />
      </Form.Item>
      <Form.Item name="email" label="Thư điện tử" rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ.' }]}>
        <Input maxLength={255} inputMode="email" />
      </Form.Item>
      <Form.Item name="phone" label="Số điện thoại">
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      {editing && (
        <Form.Item name="active" label="Đang công tác" valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
