// "Lập lịch báo cáo": the form, the reviewing division, how often and by when (described live as the
// Sở writes it), who owes the report, and for ad-hoc reports the list of requests.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { checkRule, currentPeriod, describeRule, PERIOD_TYPE_LABELS, PERIOD_TYPES } from '../../../core/reports/periods.ts';
import { todayInVietnam } from '../../../core/schedule/dates.ts';
import { api, ApiError } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import FormModal from '../../components/FormModal.tsx';
import { UnitTreeSelect, useUnits } from '../../components/units.tsx';
import { ASSIGNEE_LABELS, bodyOf, DUE_KIND_LABELS, formFieldOf, parseDayMonths, presetValues, ruleOf, type SchedulePreset, type ScheduleValues } from './scheduleForm.ts';
import type { ReportTemplate } from './types.ts';

const DATE_FORMAT = 'DD/MM/YYYY';
const DAY_OPTIONS = [{ value: -1, label: 'Ngày cuối tháng' }, ...Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: `Ngày ${i + 1}` }))];

interface Props { open: boolean; onClose: () => void; onSaved: (id: string) => void; preset?: SchedulePreset | null }

export default function ScheduleFormModal({ open, onClose, onSaved, preset }: Props) {
  const [form] = Form.useForm<ScheduleValues>();
  const { message } = App.useApp();
  const { units } = useUnits();
  const [templates, setTemplates] = useState<ReportTemplate[]>([]);
  useEffect(() => {
    if (open) api.get<{ items: ReportTemplate[] }>('/api/report-templates').then((r) => setTemplates(r.items), (err) => message.error((err as Error).message));
  }, [open, message]);

  const manageable = units.filter((u) => u.can.managePlans && u.active);
  const owner = manageable.find((u) => u.kind === 'division') ?? manageable[0];
  useEffect(() => {
    if (open && owner && !form.getFieldValue('ownerUnitId')) form.setFieldValue('ownerUnitId', owner.id);
  }, [open, owner?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (open && preset) form.setFieldsValue(presetValues(preset, (iso) => dayjs(iso)));
  }, [open, preset]); // eslint-disable-line react-hooks/exhaustive-deps
  const year = new Date().getFullYear();
  const initialValues: Partial<ScheduleValues> = {
    ownerUnitId: owner?.id, periodType: 'half', dueKind: 'dates', dueDates: '10/6, 10/12', dueDay: 10, dueDays: 10,
    graceDays: 0, lockDays: 20, assigneeMode: 'subordinates', startsOn: dayjs(`${year}-01-01`), adhoc: [{}],
  };

  const periodType = Form.useWatch('periodType', form);
  const dueKind = Form.useWatch('dueKind', form);
  const assigneeMode = Form.useWatch('assigneeMode', form);
  const templateId = Form.useWatch('templateId', form);
  const watched = Form.useWatch([], form) as Partial<ScheduleValues> | undefined;
  const template = templates.find((t) => t.id === templateId);

  const onSubmit = async (v: ScheduleValues) => {
    // The same rule checks as the server's, so problems show on their inputs before anything is sent.
    const issues = v.periodType === 'adhoc' && !(v.adhoc ?? []).length
      ? [{ field: 'adhoc', message: 'Thêm ít nhất một yêu cầu báo cáo.' }]
      : checkRule(ruleOf(v));
    const show = (details: Record<string, string>) => {
      const byField = Object.entries(details).map(([f, msg]) => ({ at: formFieldOf(f, v.assigneeMode), msg }));
      form.setFields(byField.filter((x) => x.at).map((x) => ({ name: x.at as never, errors: [x.msg] })));
      const rest = byField.filter((x) => !x.at).map((x) => x.msg);
      return new ApiError(400, 'validation_error', rest.length ? rest.join(' ') : 'Vui lòng sửa các chỗ được đánh dấu.');
    };
    if (issues.length) throw show(Object.fromEntries(issues.map((i) => [i.field, i.message])));
    try {
      const res = await api.post<{ id: string }>('/api/report-schedules', { ...bodyOf(v), ...(preset ? { planId: preset.planId, reportingDutyId: preset.reportingDutyId } : {}) });
      message.success('Đã lập lịch báo cáo.');
      onSaved(res.id);
    } catch (err) {
      throw err instanceof ApiError && err.details ? show(err.details) : err;
    }
  };

  return (
    <FormModal<ScheduleValues> title="Lập lịch báo cáo" open={open} form={form} width={760} initialValues={initialValues} onCancel={onClose} onSubmit={onSubmit}>
      <Form.Item name="title" label="Tên báo cáo" rules={[{ required: true, whitespace: true, message: 'Nhập tên báo cáo.' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} autoFocus placeholder="Ví dụ: Báo cáo 6 tháng, năm thực hiện Nghị quyết số 07/2026/NQ-HĐND" />
      </Form.Item>
      <Form.Item name="templateId" label="Biểu mẫu" rules={[{ required: true, message: 'Chọn biểu mẫu báo cáo.' }]} extra={template?.description}>
        <Select
          showSearch={{ optionFilterProp: 'label' }} placeholder="Chọn biểu mẫu" loading={!templates.length}
          options={templates.map((t) => ({ value: t.id, label: t.builtinKey && t.id.startsWith('builtin:') ? `${t.name} (mẫu có sẵn)` : t.name }))}
          onChange={(id: string) => { if (!form.getFieldValue('title')) form.setFieldValue('title', templates.find((t) => t.id === id)?.name); }}
        />
      </Form.Item>
      <Form.Item name="ownerUnitId" label="Phòng theo dõi, tổng hợp (xem xét, duyệt báo cáo)" rules={[{ required: true, message: 'Chọn phòng theo dõi.' }]}>
        <UnitTreeSelect units={units} selectable={(u) => u.can.managePlans && u.active} />
      </Form.Item>
      <div className="kh-form-grid">
        <Form.Item name="periodType" label="Kỳ báo cáo" rules={[{ required: true }]}>
          <Select options={PERIOD_TYPES.map((p) => ({ value: p, label: PERIOD_TYPE_LABELS[p] }))} />
        </Form.Item>
        {periodType !== 'adhoc' && (
          <Form.Item name="dueKind" label="Hạn gửi" rules={[{ required: true }]}>
            <Select options={Object.entries(DUE_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
      </div>
      {periodType !== 'adhoc' && <DueRuleInputs kind={dueKind} />}
      <div className="kh-form-grid">
        <Form.Item name="graceDays" label="Số ngày sau hạn vẫn tính đúng hạn" rules={[{ required: true, message: 'Nhập số ngày (0 nếu không có).' }]}>
          <InputNumber min={0} max={366} precision={0} style={{ width: '100%' }} suffix="ngày" />
        </Form.Item>
        <Form.Item name="lockDays" label="Số ngày sau hạn thì khóa số liệu" rules={[{ required: true, message: 'Nhập số ngày.' }]}>
          <InputNumber min={0} max={3660} precision={0} style={{ width: '100%' }} suffix="ngày" />
        </Form.Item>
      </div>
      {periodType === 'adhoc' ? <AdhocInputs /> : <RulePreview values={watched} />}
      <Form.Item name="assigneeMode" label="Đơn vị phải báo cáo">
        <Radio.Group options={Object.entries(ASSIGNEE_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {assigneeMode === 'list' && (
        <Form.Item name="assigneeList" label="Các đơn vị phải báo cáo" rules={[{ required: true, message: 'Chọn ít nhất một đơn vị.' }]}>
          <UnitTreeSelect units={units} multiple selectable={(u) => u.active && u.kind !== 'department'} />
        </Form.Item>
      )}
      {assigneeMode === 'division' && (
        <Form.Item name="assigneeDivision" label="Phòng phải báo cáo" rules={[{ required: true, message: 'Chọn phòng phải báo cáo.' }]}>
          <UnitTreeSelect units={units} selectable={(u) => u.active && u.kind === 'division'} />
        </Form.Item>
      )}
      <div className="kh-form-grid">
        <Form.Item name="startsOn" label="Áp dụng từ ngày" rules={[{ required: true, message: 'Chọn ngày bắt đầu áp dụng.' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item name="endsOn" label="Áp dụng đến ngày" extra="Để trống nếu áp dụng lâu dài.">
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
        </Form.Item>
      </div>
    </FormModal>
  );
}

function DueRuleInputs({ kind }: { kind: string | undefined }) {
  if (kind === 'daysAfterEnd') {
    return (
      <Form.Item name="dueDays" label="Số ngày sau khi kết thúc kỳ" rules={[{ required: true, message: 'Nhập số ngày.' }]}>
        <InputNumber min={0} max={366} precision={0} style={{ width: 200 }} suffix="ngày" />
      </Form.Item>
    );
  }
  if (kind === 'dayOfLastMonth' || kind === 'dayOfNextMonth') {
    return (
      <Form.Item name="dueDay" label={kind === 'dayOfLastMonth' ? 'Trước ngày (của tháng cuối kỳ)' : 'Ngày (của tháng sau kỳ)'} rules={[{ required: true, message: 'Chọn ngày.' }]}>
        <Select options={DAY_OPTIONS} showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} />
      </Form.Item>
    );
  }
  return (
    <Form.Item
      name="dueDates" label="Các ngày hạn (ngày/tháng)" dependencies={['periodType']}
      extra="Mỗi kỳ một ngày, theo thứ tự các kỳ trong năm; ví dụ 6 tháng: 10/6, 10/12. Một ngày chung cho mọi kỳ cũng được."
      rules={[({ getFieldValue }) => ({
        validator: async (_, text: string | undefined) => {
          const { typed, bad } = parseDayMonths(text);
          if (bad.length) throw new Error(`“${bad[0]}” không phải ngày/tháng; viết như 10/6.`);
          const issue = checkRule(ruleOf({ periodType: getFieldValue('periodType'), dueKind: 'dates', dueDates: text, graceDays: 0, lockDays: 0 }))
            .find((i) => i.field.startsWith('dueRule'));
          // checkRule names a date as "MM-DD"; say it as the person wrote it.
          const at = issue && /^dueRule\.dates\.(\d+)$/.exec(issue.field);
          if (at) throw new Error(`Ngày “${typed[Number(at[1])]}” không có thật.`);
          if (issue) throw new Error(issue.message);
        },
      })]}
    >
      <Input placeholder="10/6, 10/12" inputMode="text" style={{ maxWidth: 320 }} />
    </Form.Item>
  );
}

/** The rule as a sentence and the period it gives today, or nothing while the inputs are incomplete. */
function RulePreview({ values }: { values: Partial<ScheduleValues> | undefined }) {
  const text = useMemo(() => {
    if (!values?.periodType) return null;
    const rule = ruleOf(values);
    if (checkRule(rule).length) return null;
    const p = currentPeriod(rule, todayInVietnam());
    const grace = rule.graceDays ? `, tính đúng hạn đến hết ngày ${formatDate(p?.timelyUntil)}` : '';
    return { rule: describeRule(rule), period: p && `Kỳ hiện tại: ${p.label} — hạn ${formatDate(p.dueOn)}${grace}, khóa số liệu sau ngày ${formatDate(p.locksAfter)}.` };
  }, [values]);
  if (!text) return null;
  return <Alert type="info" showIcon style={{ marginBottom: 16 }} title={text.rule} description={text.period} />;
}

function AdhocInputs() {
  return (
    <Form.List name="adhoc">
      {(fields, { add, remove }, { errors }) => (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text strong>Các yêu cầu báo cáo đột xuất</Typography.Text>
          {fields.map((f, i) => (
            <div key={f.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0', marginTop: 8 }}>
              <Form.Item name={[f.name, 'label']} label={`Yêu cầu ${i + 1}`} rules={[{ required: true, whitespace: true, message: 'Nhập tên yêu cầu báo cáo.' }]}>
                <Input placeholder="Ví dụ: Báo cáo theo Công văn số 123/UBND ngày 05/8/2026" />
              </Form.Item>
              <div className="kh-form-grid">
                <Form.Item name={[f.name, 'range']} label="Số liệu từ ngày – đến ngày" rules={[{ required: true, message: 'Chọn khoảng thời gian.' }]}>
                  <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={['Từ ngày', 'Đến ngày']} />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} label="Hạn gửi" rules={[{ required: true, message: 'Chọn hạn gửi.' }]}>
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
                </Form.Item>
              </div>
              {fields.length > 1 && (
                <Button type="link" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} style={{ padding: 0, marginBottom: 8 }} aria-label={`Xóa yêu cầu ${i + 1}`}>
                  Xóa yêu cầu
                </Button>
              )}
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Space style={{ marginTop: 8 }}><Button icon={<PlusOutlined />} onClick={() => add({})}>Thêm yêu cầu</Button></Space>
        </div>
      )}
    </Form.List>
  );
}
