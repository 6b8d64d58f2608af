// "Lập hồ sơ đề nghị": a unit records an achievement of one of its people or teams in the Sở's register and drafts
// the nomination for one of the movement's award forms, attaching the documents that form's dossier requires.
// The dossier is a draft until the unit sends it to Phòng TCCB from its page; anything the server refuses lands on
// its field through FormModal.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Input, Radio, Select, Typography, type UploadFile } from 'antd';
import { DOC_LABELS, type DocKind, type Nominee } from '../../../core/emulation/forms.ts';
import { ROUND_LABELS, roundPeriod, type RoundKind } from '../../../core/emulation/workflow.ts';
import { api, type Person } from '../../api/client.ts';
import type { StoredFile } from '../../api/plans.ts';
import { FilesField, stillUploading, uploadedIds } from '../../components/EvidenceUpload.tsx';
import FormModal from '../../components/FormModal.tsx';
import { useUnits } from '../../components/units.tsx';
import { SUBJECT_OPTIONS, type MovementView, type NominationView } from './shared.tsx';
import { accentFree } from '../../components/inputs.ts';

interface Values {
  unitId: string; roundKind: RoundKind; year: number; subject: Nominee; personId?: string; nomineeUnitId?: string; collectiveName?: string;
  taskText: string; title: string; output: string; form: string; docs?: Partial<Record<DocKind, UploadFile<StoredFile>[]>>;
}
interface Props { open: boolean; movement: MovementView; year: number; onClose: () => void; onCreated: (view: NominationView) => void }

const uploading = { validator: (_: unknown, f: UploadFile<StoredFile>[] | undefined) => (stillUploading(f ?? []) ? Promise.reject(new Error('Tệp đang được tải lên, vui lòng đợi.')) : Promise.resolve()) };

export default function NominationFormModal({ open, movement, year, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const unitId = Form.useWatch('unitId', form);
  const subject = Form.useWatch('subject', form) ?? 'individual';
  const formCode = Form.useWatch('form', form);
  const pickedYear = Form.useWatch('year', form) ?? year;
  const nomineeUnitId = Form.useWatch('nomineeUnitId', form);
  const [people, setPeople] = useState<Person[] | null>(null);
  const { units, loading: unitsLoading } = useUnits();

  // The unit's own people, sub-units included (a department's staff belong to the hospital).
  useEffect(() => {
    if (!open || subject !== 'individual' || !unitId) return;
    let cancelled = false;
    setPeople(null);
    api.get<{ items: Person[] }>('/api/org/people', { unitId }).then(
      (r) => { if (!cancelled) setPeople(r.items); },
      () => { if (!cancelled) setPeople([]); },
    );
    return () => { cancelled = true; };
  }, [open, subject, unitId]);

  // A collective is the unit itself or one of its departments, or a team typed by name.
  const teams = useMemo(() => {
    if (!unitId) return [];
    const inside = new Set([unitId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const u of units) if (u.parentId && inside.has(u.parentId) && !inside.has(u.id)) { inside.add(u.id); grew = true; }
    }
    return units.filter((u) => u.active && inside.has(u.id)).map((u) => ({ value: u.id, label: u.name }));
  }, [units, unitId]);

  const forms = movement.forms.filter((f) => f.nominees.includes(subject));
  const chosen = movement.forms.find((f) => f.code === formCode);
  // Keep the form a valid one for the subject: a flag (Cờ thi đua) is for collectives only.
  useEffect(() => {
    if (!open) return;
    if (!forms.some((f) => f.code === formCode)) form.setFieldValue('form', forms[0]?.code);
  }, [open, subject]); // eslint-disable-line react-hooks/exhaustive-deps

  const years = Array.from({ length: movement.endYear - movement.startYear + 1 }, (_, i) => movement.startYear + i);
  const rounds = (['annual', 'so_ket', 'tong_ket'] as const).filter((k) => roundPeriod(k, pickedYear, movement.phases));

  const submit = async (v: Values) => {
    const files = (chosen?.documents ?? []).flatMap((kind) => uploadedIds(v.docs?.[kind] ?? []).map((fileId) => ({ kind, fileId })));
    const view = await api.post<NominationView>(`/api/emulation/movements/${movement.id}/nominations`, {
      roundKind: v.roundKind, year: v.year, unitId: v.unitId, subject: v.subject,
      personId: v.subject === 'individual' ? v.personId ?? null : null,
      nomineeUnitId: v.subject === 'collective' ? v.nomineeUnitId ?? null : null,
      collectiveName: v.subject === 'collective' && !v.nomineeUnitId ? v.collectiveName ?? '' : '',
      taskText: v.taskText, title: v.title, output: v.output, form: v.form, files,
    });
    onCreated(view);
  };

  const myUnits = movement.myUnits;
  const initialForm = movement.forms.find((f) => f.nominees.includes('individual'))?.code;
  return (
    <FormModal<Values>
      title="Lập hồ sơ đề nghị khen thưởng" okText="Lập hồ sơ" open={open} form={form} onCancel={onClose} onSubmit={submit} width={780}
      initialValues={{ unitId: myUnits[0]?.id, roundKind: 'annual', year, subject: 'individual', form: initialForm, docs: {} }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        Thành tích được ghi vào sổ theo dõi thành tích của Sở. Hồ sơ được lưu ở trạng thái đang lập; đơn vị gửi Phòng Tổ chức cán bộ
        từ trang hồ sơ khi đã đủ tài liệu.
      </Typography.Paragraph>
      <div className="kh-form-grid">
        <Form.Item name="unitId" label="Đơn vị đề nghị" rules={[{ required: true, message: 'Chọn đơn vị đề nghị.' }]}>
          <Select showSearch={accentFree} options={myUnits.map((u) => ({ value: u.id, label: u.name }))}
            onChange={() => form.setFieldsValue({ personId: undefined, nomineeUnitId: undefined })} />
        </Form.Item>
        <Form.Item name="subject" label="Đối tượng" rules={[{ required: true, message: 'Chọn đối tượng.' }]}>
          <Radio.Group optionType="button" options={SUBJECT_OPTIONS} />
        </Form.Item>
      </div>
      <div className="kh-form-grid">
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Chọn năm.' }]}>
          <Select<number> options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
            onChange={(y) => { if (!roundPeriod(form.getFieldValue('roundKind'), y, movement.phases)) form.setFieldValue('roundKind', 'annual'); }} />
        </Form.Item>
        <Form.Item name="roundKind" label="Đợt khen thưởng" rules={[{ required: true, message: 'Chọn đợt khen thưởng.' }]}>
          <Select options={rounds.map((k) => ({ value: k, label: ROUND_LABELS[k] }))} />
        </Form.Item>
      </div>
      {subject === 'individual' ? (
        <Form.Item name="personId" label="Cá nhân" rules={[{ required: true, message: 'Chọn cá nhân được đề nghị khen thưởng.' }]} extra="Cán bộ đang công tác tại đơn vị.">
          <Select
            showSearch={accentFree} loading={!people} placeholder="Chọn cán bộ (gõ tên, không cần dấu)"
            notFoundContent={people ? 'Không có cán bộ phù hợp.' : 'Đang tải…'}
            options={(people ?? []).map((p) => ({ value: p.id, label: [p.fullName, p.title || p.position].filter(Boolean).join(' — ') }))}
          />
        </Form.Item>
      ) : (
        <div className="kh-form-grid">
          <Form.Item name="nomineeUnitId" label="Tập thể" extra="Đơn vị hoặc khoa, phòng của đơn vị.">
            <Select showSearch={accentFree} allowClear loading={unitsLoading} placeholder="Chọn tập thể" options={teams} />
          </Form.Item>
          {!nomineeUnitId && (
            <Form.Item name="collectiveName" label="Hoặc tên tập thể" rules={[{ required: true, whitespace: true, message: 'Chọn hoặc nhập tên tập thể được đề nghị khen thưởng.' }]}>
              <Input maxLength={300} placeholder="Ví dụ: Tổ bệnh án điện tử" />
            </Form.Item>
          )}
        </div>
      )}
      <Form.Item name="taskText" label="Nhiệm vụ, lĩnh vực lập thành tích" rules={[{ required: true, whitespace: true, message: 'Nhập nhiệm vụ, lĩnh vực lập thành tích.' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="title" label="Thành tích" rules={[{ required: true, whitespace: true, message: 'Nhập thành tích đề nghị khen thưởng.' }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="output" label="Tóm tắt thành tích" rules={[{ required: true, whitespace: true, message: 'Tóm tắt thành tích.' }]}
        extra="Kết quả, sản phẩm cụ thể; sáng kiến, giải pháp đã được áp dụng và hiệu quả.">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={8000} />
      </Form.Item>
      <Form.Item name="form" label="Hình thức đề nghị" rules={[{ required: true, message: 'Chọn hình thức khen thưởng.' }]}
        extra={chosen ? `${chosen.decidedBySo ? 'Sở quyết định' : 'Trình cấp trên'}: ${chosen.decider} quyết định; ${chosen.proposer} đề nghị.` : undefined}>
        <Select options={forms.map((f) => ({ value: f.code, label: f.name }))} />
      </Form.Item>
      {chosen && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`Hồ sơ ${chosen.name} gồm ${chosen.documents.length} thành phần. Có thể lập hồ sơ trước, bổ sung tài liệu sau; Phòng TCCB trả lại hồ sơ còn thiếu.`} />
          {chosen.documents.map((kind) => (
            <div key={kind} id={`tai-lieu-${kind}`}>
              <Form.Item name={['docs', kind]} label={DOC_LABELS[kind]} valuePropName="files" rules={[uploading]}>
                <FilesField />
              </Form.Item>
            </div>
          ))}
        </>
      )}
    </FormModal>
  );
}
