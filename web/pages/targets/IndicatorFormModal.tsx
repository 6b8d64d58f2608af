// Add or edit an indicator: what is measured, how (a ratio of two counts or a plain value), against which level,
// how often, and which units report on it.
import { Alert, Form, Input, InputNumber, Radio, Select } from 'antd';
import { COMPARATOR_LABELS, INDICATOR_UNIT_LABELS, type Comparator, type IndicatorUnit, type Measure } from '../../../core/indicators/rollup.ts';
import { api } from '../../api/client.ts';
import FormModal from '../../components/FormModal.tsx';
import { UnitTreeSelect, useUnits } from '../../components/units.tsx';
import { COMPARATOR_SIGNS, PERIOD_TYPE_OPTIONS, viNumberInput } from './format.tsx';
import type { Indicator } from './types.ts';

interface Values {
  code?: string; text: string; subject?: string; measure: Measure; unit: IndicatorUnit; comparator: Comparator; target: number;
  aggregation: 'sum' | 'average'; amberPct: number; periodType: Indicator['periodType']; numeratorLabel?: string; denominatorLabel?: string; unitIds: string[];
}

interface Props { open: boolean; planId: string; editing: Indicator | null; hasValues?: boolean; onClose: () => void; onSaved: (i: Indicator) => void }

const UNITS_OF: Record<Measure, IndicatorUnit[]> = { ratio: ['%', 'count'], value: ['count', 'VND', 'days', '%'] };

export default function IndicatorFormModal({ open, planId, editing, hasValues, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { units } = useUnits();
  const measure = Form.useWatch('measure', form) ?? editing?.measure ?? 'ratio';
  const initialValues: Partial<Values> = editing
    ? { ...editing, unitIds: editing.units.map((u) => u.id) }
    : { measure: 'ratio', unit: '%', comparator: '>=', aggregation: 'sum', amberPct: 10, periodType: 'half', unitIds: [] };
  // Fixed once units have reported: their figures were entered in this form and for these periods.
  const locked = !!editing && !!hasValues;

  return (
    <FormModal<Values>
      title={editing ? `Sửa chỉ tiêu ${editing.code}` : 'Thêm chỉ tiêu'}
      open={open} form={form} width={760} initialValues={initialValues} onCancel={onClose}
      onSubmit={async (v) => {
        const body = {
          ...v, code: v.code ?? '', subject: v.subject ?? '', numeratorLabel: v.numeratorLabel ?? '', denominatorLabel: v.denominatorLabel ?? '',
          aggregation: v.measure === 'ratio' ? 'sum' : v.aggregation,
        };
        onSaved(editing ? await api.patch<Indicator>(`/api/indicators/${editing.id}`, body) : await api.post<Indicator>(`/api/plans/${planId}/indicators`, body));
      }}
    >
      {locked && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Đã có đơn vị nhập số liệu: cách đo, đơn vị tính và kỳ báo cáo không đổi được." />}
      <Form.Item name="text" label="Chỉ tiêu (như văn bản ghi)" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập Chỉ tiêu.' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="Tối thiểu 70% hồ sơ công việc được xử lý toàn trình trên môi trường điện tử" />
      </Form.Item>
      <div className="kh-form-grid">
        <Form.Item name="subject" label="Nội dung đo lường (ngắn gọn)" extra="Để trống thì lấy theo văn bản ghi.">
          <Input maxLength={500} placeholder="Hồ sơ xử lý toàn trình" />
        </Form.Item>
        <Form.Item name="code" label="Mã chỉ tiêu" extra="Để trống thì tự đánh số CT01, CT02…"><Input maxLength={20} /></Form.Item>
      </div>
      <Form.Item name="measure" label="Cách đo">
        <Radio.Group disabled={locked} optionType="button" buttonStyle="solid" options={[{ value: 'ratio', label: 'Tỷ lệ (tử số / mẫu số)' }, { value: 'value', label: 'Giá trị' }]}
          onChange={(e) => { if (!UNITS_OF[e.target.value as Measure].includes(form.getFieldValue('unit'))) form.setFieldValue('unit', UNITS_OF[e.target.value as Measure][0]); }} />
      </Form.Item>
      <div className="kh-form-grid">
        <Form.Item name="unit" label="Đơn vị tính">
          <Select disabled={locked} options={UNITS_OF[measure].map((u) => ({ value: u, label: INDICATOR_UNIT_LABELS[u] }))} />
        </Form.Item>
        <Form.Item name="periodType" label="Kỳ báo cáo"><Select disabled={locked} options={PERIOD_TYPE_OPTIONS} /></Form.Item>
        <Form.Item name="comparator" label="So với mức chỉ tiêu">
          <Select options={(['>=', '<=', '='] as const).map((c) => ({ value: c, label: `${COMPARATOR_LABELS[c]} (${COMPARATOR_SIGNS[c]})` }))} />
        </Form.Item>
        <Form.Item name="target" label="Mức chỉ tiêu" rules={[{ required: true, message: 'Vui lòng nhập Mức chỉ tiêu.' }]}>
          <InputNumber {...viNumberInput} min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="amberPct" label="Ngưỡng cảnh báo (% của mức chỉ tiêu)" extra="Kém mức chỉ tiêu trong ngưỡng này là “Gần đạt”, kém hơn là “Chưa đạt”.">
          <InputNumber {...viNumberInput} min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
        {measure === 'value' && (
          <Form.Item name="aggregation" label="Tổng hợp các đơn vị">
            <Select options={[{ value: 'sum', label: 'Cộng (số lượng, kinh phí)' }, { value: 'average', label: 'Trung bình (thời gian, điểm số)' }]} />
          </Form.Item>
        )}
      </div>
      {measure === 'ratio' && (
        <div className="kh-form-grid">
          <Form.Item name="numeratorLabel" label="Tử số là" extra="Tỷ lệ toàn Sở = tổng tử số / tổng mẫu số của các đơn vị."><Input maxLength={300} placeholder="Số hồ sơ xử lý toàn trình" /></Form.Item>
          <Form.Item name="denominatorLabel" label="Mẫu số là"><Input maxLength={300} placeholder="Tổng số hồ sơ" /></Form.Item>
        </div>
      )}
      <Form.Item name="unitIds" label="Các đơn vị báo cáo" rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một đơn vị báo cáo chỉ tiêu.' }]}>
        <UnitTreeSelect units={units} multiple selectable={(u) => u.kind !== 'department' && u.kind !== 'leadership'} />
      </Form.Item>
    </FormModal>
  );
}
