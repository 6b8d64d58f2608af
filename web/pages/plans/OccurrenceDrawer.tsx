// One occurrence: what is asked, its history with evidence, and — for the unit that owns it — the progress form.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Radio, Skeleton, Slider, Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../api/client.ts';
import EvidenceUpload, { EVIDENCE_MAX_MB, stillUploading, uploadedIds } from '../../components/EvidenceUpload.tsx';
import type { OccurrenceDetail, StoredFile } from '../../api/plans.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { StatusTag } from '../../components/status.tsx';


interface Values { state: 'open' | 'done'; percent: number; note?: string; completedOn?: Dayjs }

export const fileSize = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export default function OccurrenceDrawer({ id, onClose, onSaved }: { id: string | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const [o, setO] = useState<OccurrenceDetail | null>(null);
  const [files, setFiles] = useState<UploadFile<StoredFile>[]>([]);
  const [saving, setSaving] = useState(false);
  const state = Form.useWatch('state', form);

  const load = async (occurrenceId: string) => {
    try {
      const detail = await api.get<OccurrenceDetail>(`/api/occurrences/${occurrenceId}`);
      setO(detail);
      form.setFieldsValue({ state: detail.state === 'done' ? 'done' : 'open', percent: detail.percent, note: '', completedOn: dayjs() });
    } catch (err) {
      message.error((err as Error).message);
      onClose();
    }
  };
  useEffect(() => { setO(null); setFiles([]); if (id) void load(id); }, [id]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (v: Values) => {
    if (stillUploading(files)) { message.warning('Vui lòng đợi tải tệp xong.'); return; }
    setSaving(true);
    try {
      await api.post(`/api/occurrences/${id}/progress`, {
        state: v.state, percent: v.state === 'done' ? 100 : v.percent, note: v.note ?? '',
        ...(v.state === 'done' && v.completedOn ? { completedOn: v.completedOn.format('YYYY-MM-DD') } : {}),
        fileIds: uploadedIds(files),
      });
      message.success('Đã cập nhật tiến độ.');
      setFiles([]);
      onSaved();
      await load(id!);
    } catch (err) {
      if (err instanceof ApiError && err.details) form.setFields(Object.entries(err.details).map(([name, errors]) => ({ name: name as never, errors: [errors] })));
      message.error((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open={!!id} onClose={onClose} size={isPhone ? '100%' as never : 640} title={o ? `${o.task.number} — ${o.label}` : 'Đang tải…'} destroyOnHidden>
      {!o ? <Skeleton active /> : (
        <>
          <Typography.Paragraph style={{ fontSize: 15 }}>{o.task.content}</Typography.Paragraph>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="Kế hoạch"><Link to={`/ke-hoach/${o.plan.id}`}>{o.plan.title}</Link></Descriptions.Item>
            <Descriptions.Item label="Đơn vị chủ trì">{o.unit?.name}</Descriptions.Item>
            <Descriptions.Item label="Kỳ">{o.label} ({formatDate(o.periodStart)} – {formatDate(o.periodEnd)})</Descriptions.Item>
            <Descriptions.Item label="Hạn hoàn thành">{o.dueOn ? formatDate(o.dueOn) : 'Chưa có hạn'} <span className="kh-muted">({o.task.deadlineText})</span></Descriptions.Item>
            {o.task.product && <Descriptions.Item label="Sản phẩm">{o.task.product}</Descriptions.Item>}
            <Descriptions.Item label="Tình hình"><StatusTag status={o.status} /> {o.percent}%{o.completedOn ? ` · hoàn thành ngày ${formatDate(o.completedOn)}` : ''}</Descriptions.Item>
          </Descriptions>
          {o.can.record && (
            <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ marginBottom: 24 }}>
              <Typography.Title level={4} style={{ fontSize: 16 }}>Cập nhật tiến độ</Typography.Title>
              <Form.Item name="state" label="Trạng thái">
                <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'open', label: 'Đang thực hiện' }, { value: 'done', label: 'Đã hoàn thành' }]} />
              </Form.Item>
              {state === 'done' ? (
                <Form.Item name="completedOn" label="Ngày hoàn thành" rules={[{ required: true, message: 'Chọn ngày hoàn thành.' }]}>
                  <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 180 }} />
                </Form.Item>
              ) : (
                <Form.Item name="percent" label="Tỷ lệ hoàn thành (%)"><Slider min={0} max={99} marks={{ 0: '0%', 50: '50%', 99: '99%' }} /></Form.Item>
              )}
              <Form.Item name="note" label="Nội dung đã thực hiện">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="Kết quả đạt được; khó khăn, vướng mắc; kiến nghị" />
              </Form.Item>
              <Form.Item label="Tài liệu minh chứng" extra={`PDF, Word, Excel hoặc ảnh; tối đa ${EVIDENCE_MAX_MB} MB mỗi tệp.`}>
                <EvidenceUpload files={files} onChange={setFiles} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>Lưu cập nhật</Button>
            </Form>
          )}
          <Typography.Title level={4} style={{ fontSize: 16 }}>Lịch sử cập nhật</Typography.Title>
          {o.updates.length === 0 ? <Typography.Text type="secondary">Chưa có cập nhật nào.</Typography.Text> : (
            <Timeline items={o.updates.map((u) => ({
              color: u.state === 'done' ? 'green' : 'blue',
              content: (
                <div>
                  <div><b>{u.state === 'done' ? `Hoàn thành${u.completedOn ? ` ngày ${formatDate(u.completedOn)}` : ''}` : `Đang thực hiện — ${u.percent}%`}</b></div>
                  {u.note && <div style={{ whiteSpace: 'pre-wrap' }}>{u.note}</div>}
                  {u.evidence.map((e) => (
                    <div key={e.id}><a href={`/api/files/${e.fileId}`} download><PaperClipOutlined /> {e.name}</a> <span className="kh-muted">({fileSize(e.size)})</span></div>
                  ))}
                  <div className="kh-muted">{u.authorName} · {formatDateTime(u.createdAt)}</div>
                </div>
              ),
            }))} />
          )}
        </>
      )}
    </Drawer>
  );
}
