// "Lập kế hoạch kiểm tra": year, subject, the owner unit, the minimum coverage and the units to inspect.
import { Form, Input, InputNumber, Select } from 'antd';
import { api } from '../../api/client.ts';
import FormModal from '../../components/FormModal.tsx';
import { useSession } from '../../components/session.tsx';
import { UnitTreeSelect, useUnits } from '../../components/units.tsx';
import { accentFree } from '../../components/inputs.ts';

interface Values { year: number; subject: string; ownerUnitId: string; coverageTargetPct: number; basis?: string; unitIds: string[] }
interface Props { open: boolean; year: number; onClose: () => void; onCreated: (id: string) => void }


export default function PlanFormModal({ open, year, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const { me } = useSession();
  const { units } = useUnits();
  const inspectable = units.filter((u) => u.active && u.kind === 'unit');
  const submit = async (v: Values) => {
    const plan = await api.post<{ id: string }>('/api/inspection-plans', { ...v, basis: v.basis ?? '', unitIds: v.unitIds ?? [] });
    onCreated(plan.id);
  };
  return (
    <FormModal<Values>
      title="Lập kế hoạch kiểm tra" okText="Lập kế hoạch" open={open} form={form} onCancel={onClose} onSubmit={submit} width={720}
      initialValues={{ year, coverageTargetPct: 30, ownerUnitId: me.grants[0]?.unitId, unitIds: [] }}
    >
      <div className="kh-form-grid">
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm.' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="coverageTargetPct" label="Tỷ lệ đơn vị được kiểm tra tối thiểu (%)" rules={[{ required: true, message: 'Nhập chỉ tiêu.' }]}>
          <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name="subject" label="Nội dung kiểm tra" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung kiểm tra.' }]}>
        <Input maxLength={500} placeholder="Ví dụ: Kiểm tra công tác cải cách hành chính năm 2026" />
      </Form.Item>
      <Form.Item name="ownerUnitId" label="Đơn vị chủ trì" rules={[{ required: true, message: 'Chọn đơn vị chủ trì.' }]}>
        <UnitTreeSelect units={units.filter((u) => u.active)} />
      </Form.Item>
      <Form.Item name="basis" label="Căn cứ">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="unitIds" label="Đơn vị được kiểm tra" extra="Có thể bổ sung sau: mỗi cuộc kiểm tra đột xuất được tính vào kế hoạch.">
        <Select mode="multiple" showSearch={accentFree} placeholder="Chọn đơn vị" options={inspectable.map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
    </FormModal>
  );
}
