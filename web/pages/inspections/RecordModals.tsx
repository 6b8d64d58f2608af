// What the inspection team records: a finding (with an optional corrective action) and the conclusion.
import { Checkbox, DatePicker, Form, Input, Select, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import type { StoredFile } from '../../api/plans.ts';
import { FilesField, stillUploading, uploadedIds } from '../../components/EvidenceUpload.tsx';
import FormModal from '../../components/FormModal.tsx';
import { useUnits } from '../../components/units.tsx';
import { flattenDetails, type InspectionView } from './shared.tsx';
import { accentFree, DATE_FORMAT, isoDay, todayVn } from '../../components/inputs.ts';

interface Props { open: boolean; view: InspectionView; onClose: () => void; onDone: (view: InspectionView) => void }

interface FindingValues { text: string; withAction: boolean; responsibleUnitId?: string; description?: string; dueOn?: Dayjs }

export function FindingModal({ open, view, onClose, onDone }: Props) {
  const [form] = Form.useForm<FindingValues>();
  const withAction = Form.useWatch('withAction', form);
  const { units, loading } = useUnits();
  const submit = async (v: FindingValues) => {
    const action = v.withAction ? { responsibleUnitId: v.responsibleUnitId, description: v.description, dueOn: v.dueOn && isoDay(v.dueOn) } : null;
    onDone(await api.post<InspectionView>(`/api/inspections/${view.id}/findings`, { text: v.text, action }).catch(flattenDetails));
  };
  return (
    <FormModal<FindingValues>
      title="Ghi phát hiện" okText="Ghi phát hiện" open={open} form={form} onCancel={onClose} onSubmit={submit} width={640}
      initialValues={{ withAction: true, responsibleUnitId: view.unitId }}
    >
      <Form.Item name="text" label="Nội dung phát hiện" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung phát hiện.' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="withAction" valuePropName="checked" style={{ marginBottom: 12 }}>
        <Checkbox>Yêu cầu biện pháp khắc phục</Checkbox>
      </Form.Item>
      {withAction && (
        <>
          <Form.Item name="responsibleUnitId" label="Đơn vị khắc phục" rules={[{ required: true, message: 'Chọn đơn vị chịu trách nhiệm khắc phục.' }]}>
            <Select showSearch={accentFree} loading={loading} options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="description" label="Biện pháp khắc phục" rules={[{ required: true, whitespace: true, message: 'Nhập biện pháp khắc phục.' }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="dueOn" label="Thời hạn khắc phục" rules={[{ required: true, message: 'Chọn thời hạn khắc phục.' }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%', maxWidth: 220 }} placeholder="dd/mm/yyyy" disabledDate={(d) => d.isBefore(todayVn(), 'day')} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

interface ConcludeValues { conclusionNo: string; conclusionDate: Dayjs; conclusion: string; files?: UploadFile<StoredFile>[] }

export function ConcludeModal({ open, view, onClose, onDone }: Props) {
  const [form] = Form.useForm<ConcludeValues>();
  const submit = async (v: ConcludeValues) => {
    onDone(await api.post<InspectionView>(`/api/inspections/${view.id}/conclude`, {
      conclusionNo: v.conclusionNo, conclusionDate: isoDay(v.conclusionDate), conclusion: v.conclusion, fileId: uploadedIds(v.files ?? [])[0] ?? null,
    }));
  };
  return (
    <FormModal<ConcludeValues>
      title="Ghi kết luận kiểm tra" okText="Ghi kết luận" open={open} form={form} onCancel={onClose} onSubmit={submit} width={640}
      initialValues={{ conclusionDate: todayVn(), files: [] }}
    >
      <div className="kh-form-grid">
        <Form.Item name="conclusionNo" label="Số kết luận" rules={[{ required: true, whitespace: true, message: 'Nhập số kết luận.' }]}>
          <Input maxLength={100} placeholder="Ví dụ: 45/TB-SYT" />
        </Form.Item>
        <Form.Item name="conclusionDate" label="Ngày kết luận" rules={[{ required: true, message: 'Chọn ngày kết luận.' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" disabledDate={(d) => d.isAfter(todayVn(), 'day')} />
        </Form.Item>
      </div>
      <Form.Item name="conclusion" label="Nội dung kết luận" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung kết luận.' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} />
      </Form.Item>
      <Form.Item
        name="files" label="Văn bản kết luận (không bắt buộc)" valuePropName="files" extra="Một tệp PDF, Word hoặc ảnh bản đã ký; tối đa 20 MB."
        rules={[{ validator: (_, f: UploadFile<StoredFile>[] | undefined) => (stillUploading(f ?? []) ? Promise.reject(new Error('Tệp đang được tải lên, vui lòng đợi.')) : Promise.resolve()) }]}
      >
        <FilesField />
      </Form.Item>
    </FormModal>
  );
}
