// "Lập khối thi đua": a name and the member units (units directly under the Sở) the block scores on the movement's criteria.
import { Form, Input, Select } from 'antd';
import { api } from '../../api/client.ts';
import FormModal from '../../components/FormModal.tsx';
import { useUnits } from '../../components/units.tsx';
import { accentFree } from '../../components/inputs.ts';

interface Values { name: string; unitIds: string[] }
interface Props { open: boolean; movementId: string; onClose: () => void; onCreated: (id: string) => void }


export default function BlockFormModal({ open, movementId, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const { units } = useUnits();
  const submit = async (v: Values) => onCreated((await api.post<{ id: string }>(`/api/emulation/movements/${movementId}/blocks`, { ...v, unitIds: v.unitIds ?? [] })).id);
  return (
    <FormModal<Values> title="Lập khối thi đua" okText="Lập khối" open={open} form={form} onCancel={onClose} onSubmit={submit} width={640} initialValues={{ unitIds: [] }}>
      <Form.Item name="name" label="Tên khối" rules={[{ required: true, whitespace: true, message: 'Nhập tên khối thi đua.' }]}>
        <Input maxLength={300} placeholder="Ví dụ: Khối các bệnh viện đa khoa" />
      </Form.Item>
      <Form.Item name="unitIds" label="Đơn vị thành viên" rules={[{ required: true, message: 'Chọn các đơn vị thành viên.' }]}>
        <Select mode="multiple" showSearch={accentFree} placeholder="Chọn đơn vị" options={units.filter((u) => u.active && u.kind === 'unit').map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
    </FormModal>
  );
}
