// A unit's figures for one period: numerator and denominator of a ratio (the result shown as it is typed) or a
// plain value, a note, and evidence files added to those already linked.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Space, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { checkValue, formatIndicatorValue, INDICATOR_UNIT_LABELS, rag, valueOf } from '../../../core/indicators/rollup.ts';
import { api, upload } from '../../api/client.ts';
import type { StoredFile } from '../../api/plans.ts';
import FormModal from '../../components/FormModal.tsx';
import { fileSize } from '../plans/OccurrenceDrawer.tsx';
import { RagTag, targetText, viNumberInput } from './format.tsx';
import type { Indicator, PeriodRef, UnitRef, ValueEntry } from './types.ts';

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.pptx,.png,.jpg,.jpeg';
const MAX_MB = 20;

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
        if (files.some((f) => f.status === 'uploading')) { message.warning('Vui lòng đợi tải tệp xong.'); return; }
        await api.put(`/api/indicators/${indicator.id}/values/${place!.period.key}/units/${place!.unit.id}`, {
          ...(ratio ? { numerator: v.numerator ?? null, denominator: v.denominator ?? null } : { value: v.value ?? null }),
          note: v.note ?? '', fileIds: files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id),
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
      <Form.Item label="Tài liệu minh chứng" extra={`PDF, Word, Excel hoặc ảnh; tối đa ${MAX_MB} MB mỗi tệp. Tệp đã gửi được giữ lại.`}>
        {entry?.evidence.map((e) => (
          <div key={e.fileId}><a href={`/api/files/${e.fileId}`} download><PaperClipOutlined /> {e.name}</a> <span className="kh-muted">({fileSize(e.size)})</span></div>
        ))}
        <Upload<StoredFile>
          accept={ACCEPT} multiple fileList={files}
          onChange={({ fileList }) => setFiles(fileList)}
          beforeUpload={(f) => {
            if (f.size > MAX_MB * 1048576) { message.error(`Tệp “${f.name}” lớn hơn ${MAX_MB} MB.`); return Upload.LIST_IGNORE; }
            return true;
          }}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              onSuccess?.((await upload<{ items: StoredFile[] }>('/api/files', [file as File])).items[0]);
            } catch (err) {
              message.error((err as Error).message);
              onError?.(err as Error);
            }
          }}
        >
          <Button icon={<UploadOutlined />} style={{ marginTop: 4 }}>Chọn tệp</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
