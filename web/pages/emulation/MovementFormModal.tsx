// "Lập phong trào thi đua" (Phòng TCCB): the plan's number and name, its years and phases, the award forms it leads
// to, the council, and the criteria for collectives (weights out of 100, each measured by hand or from kehoach's
// records) and for individuals (weighed by the council, not scored).
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AWARD_FORMS, FORM_CODES, type FormCode } from '../../../core/emulation/forms.ts';
import { MEASURE_LABELS, MEASURES, type MeasureKind } from '../../../core/emulation/scoring.ts';
import type { Phase } from '../../../core/emulation/workflow.ts';
import { api } from '../../api/client.ts';
import FormModal from '../../components/FormModal.tsx';
import { useSession } from '../../components/session.tsx';
import { UnitTreeSelect, useUnits } from '../../components/units.tsx';

type Criterion = { subject: 'collective' | 'individual'; text: string; weight: number; measure: MeasureKind };
interface Values {
  number?: string; name: string; startYear: number; endYear: number; ownerUnitId: string; councilMembers: number; passPct?: number | null;
  forms: FormCode[]; phases: Phase[]; criteria: Criterion[];
}
interface Props { open: boolean; onClose: () => void; onCreated: (id: string) => void }

const year = new Date().getFullYear();

export default function MovementFormModal({ open, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const { me } = useSession();
  const { units } = useUnits();
  const criteria = Form.useWatch('criteria', form) ?? [];
  const weight = criteria.filter((c) => c?.subject === 'collective').reduce((s, c) => s + (c?.weight ?? 0), 0);
  const submit = async (v: Values) => {
    // Individuals' criteria are weighed by the council, never scored in a block.
    const body = { ...v, passPct: v.passPct ?? null, criteria: v.criteria.map((c) => (c.subject === 'individual' ? { ...c, weight: 0, measure: 'manual' } : c)) };
    onCreated((await api.post<{ id: string }>('/api/emulation/movements', body)).id);
  };
  return (
    <FormModal<Values>
      title="Lập phong trào thi đua" okText="Lập phong trào" open={open} form={form} onCancel={onClose} onSubmit={submit} width={860}
      initialValues={{
        startYear: year, endYear: year + 5, councilMembers: 9, // The standing division is the officer's own division (Phòng TCCB), not the Sở the duty is granted on.
        ownerUnitId: (me.grants.find((g) => g.role === 'division_staff') ?? me.grants.find((g) => g.role === 'emulation_officer'))?.unitId, forms: ['giay_khen_so'],
        phases: [{ name: 'Giai đoạn 1', fromYear: year, toYear: year + 2, review: 'so_ket' }, { name: 'Giai đoạn 2', fromYear: year + 2, toYear: year + 5, review: 'tong_ket' }],
        criteria: [{ subject: 'collective', text: '', weight: 100, measure: 'tasks_on_time' }, { subject: 'individual', text: '', weight: 0, measure: 'manual' }],
      }}
    >
      <div className="kh-form-grid">
        <Form.Item name="number" label="Số kế hoạch"><Input maxLength={100} placeholder="3764/KH-SYT" /></Form.Item>
        <Form.Item name="startYear" label="Từ năm" rules={[{ required: true, message: 'Nhập năm bắt đầu.' }]}><InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="endYear" label="Đến năm" rules={[{ required: true, message: 'Nhập năm kết thúc.' }]}><InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} /></Form.Item>
      </div>
      <Form.Item name="name" label="Tên phong trào" rules={[{ required: true, whitespace: true, message: 'Nhập tên phong trào.' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
      </Form.Item>
      <div className="kh-form-grid">
        <Form.Item name="ownerUnitId" label="Đơn vị thường trực" rules={[{ required: true, message: 'Chọn đơn vị thường trực.' }]}><UnitTreeSelect units={units.filter((u) => u.active)} /></Form.Item>
        <Form.Item name="councilMembers" label="Số thành viên Hội đồng TĐKT" rules={[{ required: true, message: 'Nhập số thành viên.' }]}><InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="passPct" label="Tỷ lệ phiếu đồng ý tối thiểu (%)" extra="Để trống: quá nửa tổng số thành viên."><InputNumber min={51} max={100} precision={0} suffix="%" style={{ width: '100%' }} /></Form.Item>
      </div>
      <Form.Item name="forms" label="Hình thức khen thưởng" rules={[{ required: true, message: 'Chọn ít nhất một hình thức.' }]}>
        <Checkbox.Group options={FORM_CODES.map((c) => ({ value: c, label: `${AWARD_FORMS[c].name} (${AWARD_FORMS[c].decider} quyết định)` }))} style={{ display: 'grid', gap: 4 }} />
      </Form.Item>
      <Typography.Title level={5}>Giai đoạn</Typography.Title>
      <Form.List name="phases">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: 'Nhập tên giai đoạn.' }]}><Input placeholder="Tên giai đoạn" aria-label="Tên giai đoạn" /></Form.Item>
                <Form.Item name={[f.name, 'fromYear']} rules={[{ required: true, message: 'Từ năm' }]}><InputNumber min={2000} max={2100} precision={0} placeholder="Từ năm" aria-label="Từ năm" /></Form.Item>
                <Form.Item name={[f.name, 'toYear']} rules={[{ required: true, message: 'Đến năm' }]}><InputNumber min={2000} max={2100} precision={0} placeholder="Đến năm" aria-label="Đến năm" /></Form.Item>
                <Form.Item name={[f.name, 'review']}><Select style={{ width: 130 }} aria-label="Đánh giá cuối giai đoạn" options={[{ value: 'so_ket', label: 'Sơ kết' }, { value: 'tong_ket', label: 'Tổng kết' }]} /></Form.Item>
                {fields.length > 1 && <Button icon={<DeleteOutlined />} aria-label="Xóa giai đoạn" onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', review: 'tong_ket' })}>Thêm giai đoạn</Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Tiêu chí <Typography.Text type={weight === 100 ? 'success' : 'danger'} style={{ fontSize: 14, fontWeight: 'normal' }}>— tổng trọng số tiêu chí tập thể: {weight}/100</Typography.Text>
      </Typography.Title>
      <Form.List name="criteria">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => {
              const individual = criteria[f.name]?.subject === 'individual';
              return (
                <div key={f.key} className="kh-form-grid kh-form-grid-wide" style={{ alignItems: 'start' }}>
                  <Form.Item name={[f.name, 'text']} rules={[{ required: true, whitespace: true, message: 'Nhập nội dung tiêu chí.' }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="Nội dung tiêu chí" aria-label="Nội dung tiêu chí" />
                  </Form.Item>
                  <Space wrap align="start">
                    <Form.Item name={[f.name, 'subject']}><Select style={{ width: 110 }} aria-label="Đối tượng" options={[{ value: 'collective', label: 'Tập thể' }, { value: 'individual', label: 'Cá nhân' }]} /></Form.Item>
                    {!individual && <Form.Item name={[f.name, 'weight']}><InputNumber min={0} max={100} precision={0} suffix="điểm" aria-label="Trọng số" style={{ width: 100 }} /></Form.Item>}
                    {!individual && <Form.Item name={[f.name, 'measure']}><Select style={{ width: 260 }} aria-label="Cách đo" options={MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m] }))} /></Form.Item>}
                    <Button icon={<DeleteOutlined />} aria-label="Xóa tiêu chí" onClick={() => remove(f.name)} />
                  </Space>
                </div>
              );
            })}
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({ subject: 'collective', text: '', weight: 0, measure: 'manual' })}>Tiêu chí tập thể</Button>
              <Button icon={<PlusOutlined />} onClick={() => add({ subject: 'individual', text: '', weight: 0, measure: 'manual' })}>Tiêu chí cá nhân</Button>
            </Space>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
