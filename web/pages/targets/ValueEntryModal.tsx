// A unit's figures for one period: numerator and denominator of a ratio (the result shown as it is typed) or a
// plain value, a note, and evidence files added to those already linked.
import { useState } from 'react';
import { App, Form, Input, InputNumber, Space, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { checkValue, formatIndicatorValue, INDICATOR_UNIT_LABELS, rag, valueOf } from '../../../core/indicators/rollup.ts';
import { api } from '../../api/client.ts';
import EvidenceUpload, { EVIDENCE_MAX_MB, stillUploading, uploadedIds } from '../../components/EvidenceUpload.tsx';
import type { StoredFile } from '../../api/plans.ts';
import FormModal from '../../components/FormModal.tsx';
import { fileSize } from '../plans/OccurrenceDrawer.tsx';
import { RagTag, targetText, viNumberInput } from './format.tsx';
import type { Indicator, PeriodRef, UnitRef, ValueEntry } from './types.ts';


interface Values { numerator?: number | null; denominator?: number | null; value?: number | null; note?: string }
interface Props {
  place: { unit: UnitRef; period: PeriodRef; entry: ValueEntry | null } | null;
  indicator: Indicator;
  onClose: () => void;
  onSaved: () => void;
}

export default function ValueEntryModal({ place, indicator, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile<StoredFile>[]>([]);
  const typed = Form.useWatch([], form);
  const ratio = indicator.measure === 'ratio';
  // The result as typed, once the figures pass the same checks the server makes.
  const preview = typed && !checkValue(indicator, typed).length ? valueOf(indicator, { unitId: '', ...typed }) : null;
  const entry = place?.entry ?? null;

  return (
    <FormModal<Values>
      title={place ? `${place.unit.name} — ${place.period.label}` : ''}
      open={!!place} form={form} width={620} okText="Lưu số liệu"
      initialValues={{ numerator: entry?.numerator ?? null, denominator: entry?.denominator ?? null, value: entry?.value ?? null, note: entry?.note ?? '' }}
      onCancel={() => { setFiles([]); onClose(); }}
      onSubmit={async (v) => {
        if (stillUploading(files)) { message.warning('Vui lòng đợi tải tệp xong.'); return; }
        await api.put(`/api/indicators/${indicator.id}/values/${place!.period.key}/units/${place!.unit.id}`, {
          ...(ratio ? { numerator: v.numerator ?? null, denominator: v.denominator ?? null } : { value: v.value ?? null }),
          note: v.note ?? '', fileIds: uploadedIds(files),
        });
        message.success('Đã lưu số liệu.');
        setFiles([]);
        onSaved();
      }}
    >
      <p style={{ marginTop: 0 }}><b>{indicator.code}</b> {indicator.subject} — mức chỉ tiêu <b>{targetText(indicator)}</b></p>
      {ratio ? (
        <div className="kh-form-grid">
          <Form.Item name="numerator" label={indicator.numeratorLabel ? `Tử số: ${indicator.numeratorLabel}` : 'Tử số'} rules={[{ required: true, message: 'Vui lòng nhập Tử số.' }]}>
            <InputNumber {...viNumberInput} min={0} style={{ width: '100%' }} autoFocus />
          </Form.Item>
          <Form.Item name="denominator" label={indicator.denominatorLabel ? `Mẫu số: ${indicator.denominatorLabel}` : 'Mẫu số'} rules={[{ required: true, message: 'Vui lòng nhập Mẫu số.' }]}>
            <InputNumber {...viNumberInput} min={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      ) : (
        <Form.Item name="value" label={`Giá trị (${INDICATOR_UNIT_LABELS[indicator.unit]})`} rules={[{ required: true, message: 'Vui lòng nhập Giá trị.' }]}>
          <InputNumber {...viNumberInput} min={0} style={{ width: '100%' }} autoFocus />
        </Form.Item>
      )}
      <div aria-live="polite" style={{ marginBottom: 16, minHeight: 24 }}>
        {preview !== null && <Space><span>Kết quả:</span><b>{formatIndicatorValue(indicator.unit, preview)}</b><RagTag rag={rag(indicator, preview)} /></Space>}
      </div>
      <Form.Item name="note" label="Ghi chú, giải trình">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} placeholder="Nguồn số liệu, thời điểm chốt số liệu; lý do chưa đạt" />
      </Form.Item>
      <Form.Item label="Tài liệu minh chứng" extra={`PDF, Word, Excel hoặc ảnh; tối đa ${EVIDENCE_MAX_MB} MB mỗi tệp. Tệp đã gửi được giữ lại.`}>
        {entry?.evidence.map((e) => (
          <div key={e.fileId}><a href={`/api/files/${e.fileId}`} download><PaperClipOutlined /> {e.name}</a> <span className="kh-muted">({fileSize(e.size)})</span></div>
        ))}
        <EvidenceUpload files={files} onChange={setFiles} />
      </Form.Item>
    </FormModal>
  );
}
