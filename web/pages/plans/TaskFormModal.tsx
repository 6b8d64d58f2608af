// Add or edit a task: content, lead and coordinating units from the org tree, the deadline as written with
// kehoach's reading of it shown live (and correctable), product, note, and the parent plan's task it implements.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Input, InputNumber, Radio, Select, Space, Switch, Tag } from 'antd';
import { occurrencesOf } from '../../../core/schedule/occurrences.ts';
import { normaliseSchedule, parseDeadline } from '../../../core/schedule/parse.ts';
import { SCHEDULE_KIND_LABELS, SCHEDULE_KINDS, type Schedule, type ScheduleKind } from '../../../core/schedule/types.ts';
import { api } from '../../api/client.ts';
import type { PlanDetail, Task } from '../../api/plans.ts';
import { formatDate } from '../../components/format.ts';
import FormModal from '../../components/FormModal.tsx';
import { UnitTreeSelect, useUnits } from '../../components/units.tsx';
import { CADENCE_OPTIONS } from './PlanFormModal.tsx';

interface Values {
  sectionId?: string | null; number?: string; content: string; leadUnitIds?: string[]; leadText?: string;
  coordinatorUnitIds?: string[]; coordinatorText?: string; deadlineText?: string; product?: string; note?: string;
  parentTaskId?: string | null; override?: boolean; kind?: ScheduleKind; value?: string; quarterMode?: 'span' | 'each';
  cadence?: string; afterDays?: number;
}

const VALUE_HINTS: Partial<Record<ScheduleKind, string>> = {
  date: 'Ngày dạng yyyy-mm-dd, ví dụ 2026-04-15', month: 'Tháng dạng yyyy-mm, ví dụ 2026-06',
  quarter: 'Quý dạng 2026-Q2; nhiều quý cách nhau dấu phẩy: 2026-Q3,2026-Q4', year: 'Năm, ví dụ 2026',
  recurring: 'Quy tắc lặp iCalendar, ví dụ FREQ=MONTHLY hoặc FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10',
};

interface Props { open: boolean; plan: PlanDetail; editing: Task | null; onClose: () => void; onSaved: () => void }

export default function TaskFormModal({ open, plan, editing, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { units } = useUnits();
  const [parentTasks, setParentTasks] = useState<Task[]>([]);
  useEffect(() => {
    if (open && plan.parentPlanId) api.get<PlanDetail>(`/api/plans/${plan.parentPlanId}`).then((p) => setParentTasks(p.tasks), () => setParentTasks([]));
  }, [open, plan.parentPlanId]);
  const ctx = { year: Number(plan.periodStart.slice(0, 4)), periodStart: plan.periodStart, periodEnd: plan.periodEnd, issuedOn: plan.issuedOn ?? undefined };
  const deadlineText = Form.useWatch('deadlineText', form) ?? '';
  const override = Form.useWatch('override', form);
  const edit = Form.useWatch([], form);
  // What kehoach understands, recomputed as the user types (the same parser the server uses).
  const reading = useMemo(() => {
    if (override && edit?.kind) {
      const r = normaliseSchedule(scheduleEdit(edit, deadlineText), ctx);
      return 'errors' in r ? { errors: Object.values(r.errors) } : { schedule: r.schedule };
    }
    return { schedule: parseDeadline(deadlineText, ctx) };
  }, [deadlineText, override, edit?.kind, edit?.value, edit?.quarterMode, edit?.cadence, edit?.afterDays]); // eslint-disable-line react-hooks/exhaustive-deps
  // Switching to a hand-set reading starts from what the parser understood.
  useEffect(() => {
    const s = reading.schedule;
    if (override && !form.getFieldValue('kind') && s) form.setFieldsValue({ kind: s.kind, value: s.value ?? undefined, quarterMode: s.quarterMode, cadence: s.cadence });
  }, [override]); // eslint-disable-line react-hooks/exhaustive-deps
  const preview = reading.schedule ? occurrencesOf(reading.schedule, ctx, { cadence: plan.checkinCadence as never, eventDays: plan.eventDays }) : [];

  const initialValues: Partial<Values> = editing ? {
    ...editing, leadUnitIds: editing.leads.map((u) => u.id), coordinatorUnitIds: editing.coordinators.map((u) => u.id),
    override: editing.scheduleReviewed, kind: editing.schedule.kind, value: editing.schedule.value ?? undefined,
    quarterMode: editing.schedule.quarterMode, cadence: editing.schedule.cadence, afterDays: editing.schedule.event?.afterDays,
  } : { sectionId: plan.sections.at(-1)?.id ?? null, leadUnitIds: [], coordinatorUnitIds: [], override: false };

  return (
    <FormModal<Values>
      title={editing ? `Sửa nhiệm vụ ${editing.number}` : 'Thêm nhiệm vụ'}
      open={open} form={form} width={820} initialValues={initialValues} onCancel={onClose}
      onSubmit={async (v) => {
        const names = (ids?: string[]) => (ids ?? []).map((id) => units.find((u) => u.id === id)?.name).filter(Boolean).join('; ');
        const body = {
          sectionId: v.sectionId ?? null, number: v.number ?? '', content: v.content, product: v.product ?? '', note: v.note ?? '',
          leadUnitIds: v.leadUnitIds ?? [], leadText: v.leadText || names(v.leadUnitIds),
          coordinatorUnitIds: v.coordinatorUnitIds ?? [], coordinatorText: v.coordinatorText || names(v.coordinatorUnitIds),
          deadlineText: v.deadlineText ?? '', parentTaskId: v.parentTaskId ?? null,
          ...(v.override && v.kind ? { schedule: scheduleEdit(v, v.deadlineText ?? '') } : {}),
        };
        if (editing) await api.patch(`/api/tasks/${editing.id}`, body);
        else await api.post(`/api/plans/${plan.id}/tasks`, body);
        onSaved();
      }}
    >
      <div className="kh-form-grid">
        <Form.Item name="sectionId" label="Thuộc phần">
          <Select allowClear placeholder="Không thuộc phần nào" options={plan.sections.map((s) => ({ value: s.id, label: `${s.code} ${s.title}`.trim() }))} />
        </Form.Item>
        <Form.Item name="number" label="STT" extra="Ghi như văn bản: 1, 01, 1."><Input style={{ width: 120 }} /></Form.Item>
      </div>
      <Form.Item name="content" label="Nội dung nhiệm vụ" rules={[{ required: true, message: 'Nhập nội dung nhiệm vụ.' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} autoFocus />
      </Form.Item>
      <div className="kh-form-grid kh-form-grid-wide">
        <Form.Item name="leadUnitIds" label="Đơn vị chủ trì" rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một đơn vị chủ trì.' }]}>
          <UnitTreeSelect multiple units={units} selectable={(u) => u.active} placeholder="Chọn trong cơ cấu tổ chức" />
        </Form.Item>
        <Form.Item name="coordinatorUnitIds" label="Đơn vị phối hợp">
          <UnitTreeSelect multiple units={units} selectable={(u) => u.active} placeholder="Chọn trong cơ cấu tổ chức" />
        </Form.Item>
        <Form.Item name="leadText" label="Chủ trì (ghi như văn bản)" extra="Để trống thì lấy tên các đơn vị đã chọn."><Input /></Form.Item>
        <Form.Item name="coordinatorText" label="Phối hợp (ghi như văn bản)"><Input /></Form.Item>
      </div>
      <Form.Item name="deadlineText" label="Thời gian hoàn thành (ghi như văn bản)" extra="Ví dụ: Quý III, IV/2026 · Hằng tháng · Trước ngày 10/6 và 10/12 hằng năm · Thường xuyên · Theo chỉ đạo của Thành phố">
        <Input />
      </Form.Item>
      <ScheduleReading reading={reading} preview={preview} />
      <Form.Item name="override" label="Tự đặt cách hiểu thời hạn" valuePropName="checked"><Switch /></Form.Item>
      {override && (
        <div className="kh-form-grid">
          <Form.Item name="kind" label="Loại thời hạn" rules={[{ required: true, message: 'Chọn loại thời hạn.' }]}>
            <Select options={SCHEDULE_KINDS.map((k) => ({ value: k, label: SCHEDULE_KIND_LABELS[k] }))} />
          </Form.Item>
          {edit?.kind && VALUE_HINTS[edit.kind as ScheduleKind] && (
            <Form.Item name="value" label="Giá trị" extra={VALUE_HINTS[edit.kind as ScheduleKind]}><Input /></Form.Item>
          )}
          {edit?.kind === 'quarter' && (
            <Form.Item name="quarterMode" label="Nhiều quý">
              <Radio.Group options={[{ value: 'span', label: 'Một khoảng, hạn cuối quý sau' }, { value: 'each', label: 'Mỗi quý một lần' }]} />
            </Form.Item>
          )}
          {edit?.kind === 'ongoing' && <Form.Item name="cadence" label="Cập nhật"><Select allowClear placeholder="Theo mặc định của kế hoạch" options={CADENCE_OPTIONS} /></Form.Item>}
          {edit?.kind === 'event' && <Form.Item name="afterDays" label="Hạn sau sự kiện (ngày)"><InputNumber min={0} max={365} /></Form.Item>}
        </div>
      )}
      <div className="kh-form-grid">
        <Form.Item name="product" label="Sản phẩm, kết quả"><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item>
        <Form.Item name="note" label="Ghi chú" extra="Ví dụ nguồn giao: Nghị quyết số 11/NQ-CP (STT2)"><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item>
      </div>
      {plan.parentPlanId && (
        <Form.Item name="parentTaskId" label="Thực hiện nhiệm vụ của kế hoạch cấp trên">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="Chọn nhiệm vụ cấp trên"
            options={parentTasks.map((t) => ({ value: t.id, label: `${t.number} ${t.content}`.slice(0, 160) }))} />
        </Form.Item>
      )}
    </FormModal>
  );
}

function scheduleEdit(v: Partial<Values>, text: string) {
  return {
    kind: v.kind!, value: v.value ?? null, text, quarterMode: v.quarterMode, cadence: v.cadence as Schedule['cadence'],
    ...(v.kind === 'event' ? { event: { kind: 'other' as const, label: text, afterDays: v.afterDays } } : {}),
  };
}

function ScheduleReading({ reading, preview }: { reading: { schedule?: Schedule; errors?: string[] }; preview: { label: string; due: string }[] }) {
  if (reading.errors) return <Alert type="error" showIcon style={{ marginBottom: 16 }} title={reading.errors.join(' ')} />;
  const s = reading.schedule!;
  const shown = preview.slice(0, 6);
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={s.kind === 'unspecified' ? 'warning' : s.confidence < 0.8 ? 'info' : 'success'}
      showIcon
      title={<Space wrap><Tag color="geekblue">{SCHEDULE_KIND_LABELS[s.kind]}</Tag>{s.explanation}</Space>}
      description={shown.length ? (
        <span>{shown.map((o) => `${o.label}: hạn ${formatDate(o.due)}`).join(' · ')}{preview.length > shown.length ? ` · … (${preview.length} kỳ)` : ''}</span>
      ) : 'Chưa sinh kỳ thực hiện nào cho đến khi có ngày cụ thể.'}
    />
  );
}
