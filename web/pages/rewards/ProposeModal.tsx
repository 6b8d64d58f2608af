// "Đề nghị thưởng": a paying unit's IT section records an achievement in the register with its output and
// evidence and proposes a reward (seed 000 II.4). The criteria rule is checked here with the server's own
// function so the words match; anything the server still refuses lands on its field through FormModal.
import { useEffect, useState } from 'react';
import { Alert, Checkbox, Form, Input, Radio, Select, Typography, type UploadFile } from 'antd';
import { CRITERIA, CRITERIA_LABELS, criteriaBlocked, PERIOD_HELP, SUBJECT_LABELS, SUBJECTS, type Criterion, type Subject } from '../../../core/rewards/register.ts';
import { todayInVietnam } from '../../../core/schedule/dates.ts';
import { api } from '../../api/client.ts';
import type { StoredFile } from '../../api/plans.ts';
import { FilesField, stillUploading, uploadedIds } from '../../components/EvidenceUpload.tsx';
import FormModal from '../../components/FormModal.tsx';
import { MoneyInput, periodOptions, type RewardView } from './shared.tsx';
import { accentFree } from '../../components/inputs.ts';

interface Values {
  unitId: string; subject: Subject; personId?: string; collectiveName?: string; taskText: string; title: string;
  output: string; period: string; criteria: Criterion[]; proposedAmount: number; fileIds: UploadFile<StoredFile>[];
}
interface Person { personId: string; fullName: string; title: string | null }

interface Props { open: boolean; units: { id: string; name: string }[]; onClose: () => void; onCreated: (view: RewardView) => void }

/** The half-year under way, the usual period of a proposal (the semi-annual report counts them). */
const currentHalf = () => { const t = todayInVietnam(); return `${t.slice(0, 4)}-H${Number(t.slice(5, 7)) <= 6 ? 1 : 2}`; };

export default function ProposeModal({ open, units, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const unitId = Form.useWatch('unitId', form);
  const subject = Form.useWatch('subject', form);
  const [people, setPeople] = useState<Person[] | null>(null);

  // People are only needed for an individual. A unit's IT section cannot read the org chart (no unit.view), so the
  // paying unit's staff come from the allowance API.
  useEffect(() => {
    if (!open || subject !== 'individual' || !unitId) return;
    let cancelled = false;
    setPeople(null);
    api.get<{ items: { id: string; fullName: string; title: string | null }[] }>(`/api/allowance/units/${unitId}/people`)
      .then((r) => r.items.map((p) => ({ personId: p.id, fullName: p.fullName, title: p.title })))
      .then((items) => { if (!cancelled) setPeople(items); }, () => { if (!cancelled) setPeople([]); });
    return () => { cancelled = true; };
  }, [open, subject, unitId]);

  const submit = async (v: Values) => {
    const view = await api.post<RewardView>('/api/rewards', {
      unitId: v.unitId, subject: v.subject, personId: v.subject === 'individual' ? v.personId : null,
      collectiveName: v.subject === 'collective' ? v.collectiveName : '', taskText: v.taskText, title: v.title, output: v.output,
      period: v.period, criteria: v.criteria ?? [], proposedAmount: v.proposedAmount, fileIds: uploadedIds(v.fileIds ?? []),
    });
    onCreated(view);
  };

  return (
    <FormModal<Values>
      title="Đề nghị xét thưởng" okText="Gửi đề nghị" open={open} form={form} onCancel={onClose} onSubmit={submit} width={760}
      initialValues={{ unitId: units[0]?.id, subject: 'collective', period: currentHalf(), criteria: [], fileIds: [] }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        Thành tích được ghi vào sổ thành tích của Sở. Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin thẩm định, đối chiếu để không
        thưởng trùng một thành tích.
      </Typography.Paragraph>
      <div className="kh-form-grid">
        <Form.Item name="unitId" label="Đơn vị đề nghị" rules={[{ required: true, message: 'Chọn đơn vị đề nghị.' }]}>
          <Select options={units.map((u) => ({ value: u.id, label: u.name }))} onChange={() => form.setFieldValue('personId', undefined)} />
        </Form.Item>
        <Form.Item name="subject" label="Đối tượng đề nghị thưởng" rules={[{ required: true, message: 'Chọn đối tượng.' }]}>
          <Radio.Group optionType="button" options={SUBJECTS.map((s) => ({ value: s, label: SUBJECT_LABELS[s] }))} />
        </Form.Item>
      </div>
      {subject === 'individual' && (
        <Form.Item name="personId" label="Cá nhân" rules={[{ required: true, message: 'Chọn cá nhân được đề nghị thưởng.' }]}
          extra="Cán bộ đang công tác tại đơn vị.">
          <Select
            showSearch={accentFree} loading={!people} placeholder="Chọn cán bộ"
            notFoundContent={people ? 'Không có cán bộ phù hợp.' : 'Đang tải…'}
            options={(people ?? []).map((p) => ({ value: p.personId, label: p.title ? `${p.fullName} — ${p.title}` : p.fullName }))}
          />
        </Form.Item>
      )}
      {subject === 'collective' && (
        <Form.Item name="collectiveName" label="Tên tập thể" rules={[{ required: true, whitespace: true, message: 'Nhập tên tập thể được đề nghị thưởng.' }]}>
          <Input maxLength={300} placeholder="Ví dụ: Phòng Công nghệ thông tin" />
        </Form.Item>
      )}
      <Form.Item name="taskText" label="Nhiệm vụ" rules={[{ required: true, whitespace: true, message: 'Nhập nhiệm vụ đã thực hiện.' }]}
        extra="Nhiệm vụ của Thành phố, của ngành hoặc của đơn vị về khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số.">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="title" label="Thành tích" rules={[{ required: true, whitespace: true, message: 'Nhập thành tích đề nghị thưởng.' }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="output" label="Sản phẩm, kết quả đầu ra" rules={[{ required: true, whitespace: true, message: 'Mô tả sản phẩm, kết quả đầu ra.' }]}
        extra="Nêu rõ vượt yêu cầu thế nào hoặc tác động thực chất ra sao, và đã hoặc có thể nhân rộng ở đâu.">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <div className="kh-form-grid">
        <Form.Item name="period" label="Kỳ" rules={[{ required: true, message: 'Chọn kỳ của thành tích.' }]} extra={PERIOD_HELP}>
          <Select showSearch={accentFree} options={periodOptions(Number(todayInVietnam().slice(0, 4)))} />
        </Form.Item>
        <Form.Item name="proposedAmount" label="Số tiền đề nghị thưởng" rules={[{ required: true, message: 'Nhập số tiền đề nghị thưởng.' }, { type: 'number', min: 1, message: 'Số tiền phải lớn hơn 0.' }]}>
          <MoneyInput />
        </Form.Item>
      </div>
      <Alert
        type="info" showIcon style={{ marginBottom: 12 }}
        title={<>Điều kiện xét thưởng: <b>(vượt yêu cầu hoặc có tác động thực chất) và có khả năng nhân rộng</b> — đánh dấu ít nhất một trong hai tiêu chí đầu và tiêu chí nhân rộng.</>}
      />
      <Form.Item
        name="criteria" label="Tiêu chí đáp ứng" required
        rules={[{ validator: (_, v: Criterion[] | undefined) => { const why = criteriaBlocked(v ?? []); return why ? Promise.reject(new Error(why)) : Promise.resolve(); } }]}
      >
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={CRITERIA.map((c) => ({ value: c, label: CRITERIA_LABELS[c] }))} />
      </Form.Item>
      <Form.Item
        name="fileIds" label="Tệp minh chứng" valuePropName="files" required
        extra="Quyết định công nhận, báo cáo đánh giá hiệu quả, văn bản của đơn vị học tập, nhân rộng… (PDF, Word, Excel, ảnh; tối đa 20 MB mỗi tệp)."
        rules={[{
          validator: (_, files: UploadFile<StoredFile>[] | undefined) => {
            if (stillUploading(files ?? [])) return Promise.reject(new Error('Tệp đang được tải lên, vui lòng đợi.'));
            return uploadedIds(files ?? []).length ? Promise.resolve() : Promise.reject(new Error('Đính kèm ít nhất một tệp minh chứng kết quả đầu ra.'));
          },
        }]}
      >
        <FilesField />
      </Form.Item>
    </FormModal>
  );
}
