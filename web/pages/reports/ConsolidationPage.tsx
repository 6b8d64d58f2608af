// The department's consolidated report of a period: the draft kehoach writes from the approved unit reports,
// edited by the reviewing division (number, date, title, text, recipients, signer), downloaded as Word and Excel.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Col, DatePicker, Form, Input, Popconfirm, Row, Skeleton, Space, Table, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../api/client.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import type { DocBlock } from '../../../core/reports/consolidate.ts';

interface Consolidation {
  saved: boolean; updatedAt: string | null;
  schedule: { id: string; title: string; owner: string };
  period: { key: string; label: string; dueOn: string };
  issuerParent: string; issuer: string;
  basis: { completeness: { expected: number; approved: number }; approved: string[]; missing: string[] };
  number: string; place: string; issuedOn: string | null; title: string; body: { blocks: DocBlock[] };
  recipients: string[]; signerTitle: string; signer: string;
  can: { edit: boolean };
}

interface Fields { number: string; place: string; issuedOn: Dayjs | null; title: string; recipients: string; signerTitle: string; signer: string }

const toFields = (c: Consolidation): Fields => ({
  number: c.number, place: c.place, issuedOn: c.issuedOn ? dayjs(c.issuedOn) : null, title: c.title,
  recipients: c.recipients.join('\n'), signerTitle: c.signerTitle, signer: c.signer,
});

function BlockEditor({ block, disabled, onChange }: { block: DocBlock; disabled: boolean; onChange: (b: DocBlock) => void }) {
  if (block.type === 'table') {
    return (
      <Table
        size="small" bordered pagination={false} scroll={{ x: 'max-content' }} style={{ margin: '8px 0 12px' }}
        dataSource={[...block.rows, ...(block.total ? [block.total] : [])].map((r, i) => ({ key: i, r }))}
        columns={block.columns.map((c, i) => ({ title: c.title, key: i, align: c.align, render: (_: unknown, row: { r: string[] }) => row.r[i] }))}
      />
    );
  }
  if (block.type === 'heading') {
    return <Input value={block.text} disabled={disabled} onChange={(e) => onChange({ ...block, text: e.target.value })} style={{ fontWeight: 600, margin: '10px 0 4px' }} aria-label="Đề mục" />;
  }
  return <Input.TextArea value={block.text} disabled={disabled} autoSize={{ minRows: 1, maxRows: 12 }} onChange={(e) => onChange({ ...block, text: e.target.value })} style={{ marginBottom: 6, fontStyle: block.italic ? 'italic' : undefined }} aria-label="Đoạn văn" />;
}

export default function ConsolidationPage() {
  const { id, period } = useParams() as { id: string; period: string };
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [data, setData] = useState<Consolidation | null>(null);
  const [blocks, setBlocks] = useState<DocBlock[]>([]);
  const [saving, setSaving] = useState(false);
  const base = `/api/report-schedules/${id}/periods/${encodeURIComponent(period)}/consolidation`;

  const show = useCallback((c: Consolidation) => {
    setData(c);
    setBlocks(c.body.blocks);
    form.setFieldsValue(toFields(c));
  }, [form]);

  useEffect(() => {
    api.get<Consolidation>(base).then(show, (err) => { if (err instanceof ApiError && err.status !== 401) message.error(err.message); });
  }, [base, show, message]);

  const redraft = async () => {
    const fresh = await api.get<Consolidation>(`${base}?draft=true`);
    setBlocks(fresh.body.blocks);
    setData((d) => d && { ...d, basis: fresh.basis });
    message.info('Đã soạn lại nội dung từ các báo cáo đã duyệt. Bấm "Lưu" để giữ bản này.');
  };

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const saved = await api.put<Consolidation>(base, {
        number: v.number ?? '', place: v.place ?? '', issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null, title: v.title,
        body: { blocks }, recipients: (v.recipients ?? '').split('\n'), signerTitle: v.signerTitle ?? '', signer: v.signer ?? '',
      });
      show(saved);
      message.success('Đã lưu báo cáo tổng hợp.');
    } catch (err) {
      if (err instanceof ApiError && err.details) form.setFields(Object.entries(err.details).map(([name, errors]) => ({ name: name as keyof Fields, errors: [errors] })));
      message.error((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  if (!data) return <Skeleton active paragraph={{ rows: 14 }} />;
  const readOnly = !data.can.edit;
  const { completeness } = data.basis;
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/bao-cao">Báo cáo định kỳ</Link> }, { title: <Link to={`/bao-cao/${id}?ky=${encodeURIComponent(period)}`}>{data.schedule.title}</Link> }, { title: 'Báo cáo tổng hợp' }]} />
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Báo cáo tổng hợp — {data.period.label}</Typography.Title>
        <Space wrap>
          {!readOnly && <Popconfirm title="Soạn lại nội dung từ các báo cáo đã duyệt?" description="Phần nội dung đã sửa sẽ được thay bằng bản soạn mới." okText="Soạn lại" cancelText="Thôi" onConfirm={redraft}><Button icon={<ReloadOutlined />}>Soạn lại</Button></Popconfirm>}
          {!readOnly && <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={save}>Lưu</Button>}
          <Button icon={<FileWordOutlined />} href={`${base}.docx`} download>Tải Word</Button>
          <Button icon={<FileExcelOutlined />} href={`${base}.xlsx`} download>Tải Excel</Button>
        </Space>
      </div>
      <Alert
        type={data.basis.missing.length ? 'warning' : 'success'} showIcon style={{ marginBottom: 12 }}
        title={`Tổng hợp từ ${completeness.approved}/${completeness.expected} báo cáo đã duyệt của các đơn vị`}
        description={<>
          {data.basis.missing.length > 0 && <div>Chưa có báo cáo được duyệt: {data.basis.missing.join('; ')}.</div>}
          <div className="kh-muted">{data.saved ? `Bản đã lưu lúc ${formatDateTime(data.updatedAt)}. Tải Word dùng bản đã lưu; bấm "Soạn lại" khi có thêm báo cáo được duyệt.` : 'Đây là bản dự thảo kehoach soạn sẵn, chưa lưu.'} Hạn đơn vị gửi: {formatDate(data.period.dueOn)}.</div>
        </>}
      />
      <Form form={form} layout="vertical" disabled={readOnly} requiredMark={false}>
        <Card size="small" title="Thể thức văn bản" style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}><div className="kh-muted">{data.issuerParent}</div><b>{data.issuer}</b></Col>
            <Col xs={24} md={12}><div className="kh-muted">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><b>Độc lập - Tự do - Hạnh phúc</b></Col>
          </Row>
          <Row gutter={12} style={{ marginTop: 12 }}>
            <Col xs={24} md={8}><Form.Item name="number" label="Số, ký hiệu" extra="Để trống số khi chưa cấp, ví dụ: /BC-SYT"><Input placeholder="/BC-SYT" maxLength={100} /></Form.Item></Col>
            <Col xs={12} md={8}><Form.Item name="place" label="Địa danh"><Input maxLength={100} /></Form.Item></Col>
            <Col xs={12} md={8}><Form.Item name="issuedOn" label="Ngày ban hành"><DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
          <Form.Item name="title" label="Trích yếu" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập trích yếu của báo cáo.' }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
        </Card>
        <Card size="small" title="Nội dung" style={{ marginBottom: 12 }}>
          {blocks.map((b, i) => (
            <BlockEditor key={i} block={b} disabled={readOnly} onChange={(next) => setBlocks((all) => all.map((x, j) => (j === i ? next : x)))} />
          ))}
        </Card>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Card size="small" title="Nơi nhận" style={{ marginBottom: 12 }}>
              <Form.Item name="recipients" extra="Mỗi dòng một nơi nhận; dòng cuối thường là “Lưu: VT, …”."><Input.TextArea autoSize={{ minRows: 4 }} /></Form.Item>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title="Người ký" style={{ marginBottom: 12 }}>
              <Form.Item name="signerTitle" label="Thẩm quyền, chức vụ" extra="Ký thay: hai dòng, ví dụ “KT. GIÁM ĐỐC” rồi “PHÓ GIÁM ĐỐC”."><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
              <Form.Item name="signer" label="Họ và tên người ký"><Input maxLength={200} /></Form.Item>
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}
