// Create or edit a plan's header: number, issuer, date, title, signer, legal bases, the plans it implements or replaces, period.
import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import type { Plan, PlanListItem } from '../../api/plans.ts';
import FormModal from '../../components/FormModal.tsx';
import { useSession } from '../../components/session.tsx';
import { UnitTreeSelect, useUnits } from '../../components/units.tsx';
import { DATE_FORMAT, isoDay } from '../../components/inputs.ts';

interface Values {
  ownerUnitId: string; number?: string; issuer: string; issuerParent?: string; place?: string; issuedOn?: Dayjs | null;
  title: string; signer?: string; signerTitle?: string; legalBases?: string; parentPlanId?: string | null; parentReference?: string;
  replacesPlanId?: string | null; replacesReference?: string; period: [Dayjs, Dayjs]; checkinCadence?: string; eventDays?: number;
}

export const CADENCE_OPTIONS = [
  { value: 'monthly', label: 'Hằng tháng' }, { value: 'quarterly', label: 'Hằng quý' },
  { value: 'half-yearly', label: '6 tháng một lần' }, { value: 'yearly', label: 'Hằng năm' },
];

interface Props { open: boolean; editing?: Plan | null; onClose: () => void; onSaved: (p: Plan) => void }

export default function PlanFormModal({ open, editing, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { me } = useSession();
  const { units } = useUnits();
  const [plans, setPlans] = useState<PlanListItem[]>([]);
  useEffect(() => {
    if (open) api.get<{ items: PlanListItem[] }>('/api/plans').then((r) => setPlans(r.items.filter((p) => p.id !== editing?.id)), () => undefined);
  }, [open, editing?.id]);
  const manageable = units.filter((u) => u.can.managePlans && u.active);
  const year = new Date().getFullYear();
  const initialValues: Partial<Values> = editing ? {
    ...editing, ownerUnitId: editing.owner?.id, issuedOn: editing.issuedOn ? dayjs(editing.issuedOn) : null,
    legalBases: editing.legalBases.join('\n'), period: [dayjs(editing.periodStart), dayjs(editing.periodEnd)],
  } : {
    ownerUnitId: manageable[0]?.id, issuer: me.tenant?.name ?? '', period: [dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)],
    checkinCadence: 'quarterly', eventDays: 30, signerTitle: 'GIÁM ĐỐC',
  };
  useEffect(() => {
    if (open && !editing && manageable[0] && !form.getFieldValue('ownerUnitId')) form.setFieldValue('ownerUnitId', manageable[0].id);
  }, [open, editing, manageable.length]); // eslint-disable-line react-hooks/exhaustive-deps
  const planOptions = plans.map((p) => ({ value: p.id, label: `${p.number ? `${p.number} — ` : ''}${p.title}` }));

  return (
    <FormModal<Values>
      title={editing ? 'Sửa thông tin kế hoạch' : 'Lập kế hoạch mới'}
      open={open} form={form} width={760} initialValues={initialValues} onCancel={onClose}
      onSubmit={async (v) => {
        const body = {
          ownerUnitId: v.ownerUnitId, number: v.number ?? '', issuer: v.issuer, issuerParent: v.issuerParent ?? '', place: v.place ?? '',
          issuedOn: isoDay(v.issuedOn), title: v.title, signer: v.signer ?? '', signerTitle: v.signerTitle ?? '',
          legalBases: (v.legalBases ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
          parentPlanId: v.parentPlanId ?? null, parentReference: v.parentReference ?? '', replacesPlanId: v.replacesPlanId ?? null,
          replacesReference: v.replacesReference ?? '', periodStart: isoDay(v.period[0]), periodEnd: isoDay(v.period[1]),
          checkinCadence: v.checkinCadence, eventDays: v.eventDays,
        };
        onSaved(editing ? await api.patch<Plan>(`/api/plans/${editing.id}`, body) : await api.post<Plan>('/api/plans', body));
      }}
    >
      <Form.Item name="title" label="Tên (trích yếu) kế hoạch" rules={[{ required: true, message: 'Nhập tên kế hoạch.' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} autoFocus placeholder="Ví dụ: Cải cách hành chính năm 2026" />
      </Form.Item>
      <div className="kh-form-grid">
        <Form.Item name="number" label="Số, ký hiệu" extra="Để trống nếu là dự thảo chưa có số.">
          <Input placeholder="Ví dụ: 3764/KH-SYT" />
        </Form.Item>
        <Form.Item name="issuedOn" label="Ngày ban hành">
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item name="issuer" label="Cơ quan ban hành" rules={[{ required: true, message: 'Nhập cơ quan ban hành.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="issuerParent" label="Cơ quan chủ quản"><Input placeholder="Ví dụ: UBND THÀNH PHỐ HẢI PHÒNG" /></Form.Item>
        <Form.Item name="place" label="Địa danh"><Input placeholder="Ví dụ: Hải Phòng" /></Form.Item>
        <Form.Item name="period" label="Thời gian thực hiện" rules={[{ required: true, message: 'Chọn thời gian thực hiện.' }]}>
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={['Từ ngày', 'Đến ngày']} />
        </Form.Item>
        <Form.Item name="signer" label="Người ký"><Input /></Form.Item>
        <Form.Item name="signerTitle" label="Chức vụ người ký"><Input placeholder="GIÁM ĐỐC hoặc KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" /></Form.Item>
      </div>
      <Form.Item name="ownerUnitId" label="Đơn vị chủ quản (theo dõi kế hoạch)" rules={[{ required: true, message: 'Chọn đơn vị chủ quản.' }]}>
        <UnitTreeSelect units={units} selectable={(u) => u.can.managePlans && u.active} />
      </Form.Item>
      <Form.Item name="legalBases" label="Căn cứ ban hành" extra="Mỗi căn cứ một dòng (“Căn cứ …”, “Thực hiện …”).">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <div className="kh-form-grid">
        <Form.Item name="parentPlanId" label="Thực hiện kế hoạch (trong hệ thống)">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={planOptions} placeholder="Kế hoạch cấp trên" />
        </Form.Item>
        <Form.Item name="parentReference" label="Kế hoạch cấp trên (ghi như văn bản)">
          <Input placeholder="Ví dụ: Kế hoạch số 274/KH-UBND ngày 14/3/2026 của UBND tỉnh" />
        </Form.Item>
        <Form.Item name="replacesPlanId" label="Thay thế kế hoạch (trong hệ thống)">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={planOptions} placeholder="Kế hoạch bị thay thế" />
        </Form.Item>
        <Form.Item name="replacesReference" label="Kế hoạch được thay thế (ghi như văn bản)">
          <Input placeholder="Ví dụ: Kế hoạch số 752/KH-SYT ngày 27/01/2026" />
        </Form.Item>
        <Form.Item name="checkinCadence" label="Nhiệm vụ “Thường xuyên” cập nhật">
          <Select options={CADENCE_OPTIONS} />
        </Form.Item>
        <Form.Item name="eventDays" label="Hạn sau sự kiện (ngày)" extra="Ví dụ “Sau khi Kế hoạch được ban hành”.">
          <InputNumber min={0} max={365} style={{ width: '100%' }} />
        </Form.Item>
      </div>
    </FormModal>
  );
}
