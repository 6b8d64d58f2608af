// "Thêm cuộc kiểm tra": the unit, the team, the dates and the scope. A unit outside the plan joins it (đột xuất).
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import FormModal from '../../components/FormModal.tsx';
import { useUnits } from '../../components/units.tsx';
import { accentFree, DATE_FORMAT, isoDay, todayVn } from '../../components/inputs.ts';

interface Values { unitId: string; team: string; startOn: Dayjs; endOn: Dayjs; scope: string }
interface Props { open: boolean; planId: string; onClose: () => void; onCreated: (id: string) => void }


export default function InspectionFormModal({ open, planId, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const { units, loading } = useUnits();
  const submit = async (v: Values) => {
    const row = await api.post<{ id: string }>(`/api/inspection-plans/${planId}/inspections`, {
      unitId: v.unitId, team: v.team, scope: v.scope, startOn: isoDay(v.startOn), endOn: isoDay(v.endOn),
    });
    onCreated(row.id);
  };
  return (
    <FormModal<Values>
      title="Thêm cuộc kiểm tra" okText="Ghi cuộc kiểm tra" open={open} form={form} onCancel={onClose} onSubmit={submit} width={640}
      initialValues={{ startOn: todayVn(), endOn: todayVn() }}
    >
      <Form.Item name="unitId" label="Đơn vị được kiểm tra" rules={[{ required: true, message: 'Chọn đơn vị được kiểm tra.' }]}>
        <Select showSearch={accentFree} loading={loading} placeholder="Chọn đơn vị" options={units.filter((u) => u.active && u.kind === 'unit').map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="team" label="Đoàn kiểm tra" rules={[{ required: true, whitespace: true, message: 'Nhập đoàn kiểm tra.' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder="Trưởng đoàn, thành viên" />
      </Form.Item>
      <div className="kh-form-grid">
        <Form.Item name="startOn" label="Từ ngày" rules={[{ required: true, message: 'Chọn ngày bắt đầu.' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item name="endOn" label="Đến ngày" rules={[{ required: true, message: 'Chọn ngày kết thúc.' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
        </Form.Item>
      </div>
      <Form.Item name="scope" label="Nội dung, phạm vi kiểm tra" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung, phạm vi kiểm tra.' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
