// The audit log: filters, server-side paging, before/after diff, and a hash-chain integrity check.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTION_LABELS } from '../../../core/audit/labels.ts';
import { sortVi } from '../../../core/text/vietnamese.ts';
import { api, ApiError, type AuditEvent } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { useSession } from '../../components/session.tsx';

const actionOptions = sortVi(Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })), (o) => o.label);

const show = (v: unknown) => (v === undefined ? '—' : v === null ? '(trống)' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function Diff({ e }: { e: AuditEvent }) {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      {keys.length ? (
        <table className="kh-diff" style={{ borderCollapse: 'collapse', width: '100%', maxWidth: 900 }}>
          <thead>
            <tr style={{ textAlign: 'left' }}><th style={{ width: '20%' }}>Trường</th><th style={{ width: '40%' }}>Trước</th><th style={{ width: '40%' }}>Sau</th></tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k} style={{ borderTop: '1px solid #f0f0f0' }}>
                <td><Typography.Text code>{k}</Typography.Text></td>
                <td style={{ background: '#fff1f0', padding: 4 }}>{show(before[k])}</td>
                <td style={{ background: '#f6ffed', padding: 4 }}>{show(after[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <Typography.Text type="secondary">Không có thay đổi dữ liệu.</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Số thứ tự: {e.seq} · Mã yêu cầu: {e.requestId ?? '—'} · Địa chỉ IP: {e.ip ?? '—'}
      </Typography.Text>
    </div>
  );
}

export default function AuditPage() {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<{ total: number; items: AuditEvent[] }>({ total: 0, items: [] });
  const [loading, setLoading] = useState(true);
  const [verify, setVerify] = useState<{ ok: boolean; message: string } | null>(null);
  const [verifying, setVerifying] = useState(false);

  // Typing is debounced into `query` so the server is not hit per keystroke.
  useEffect(() => { const t = setTimeout(() => { setQuery(q.trim()); setPage(1); }, 300); return () => clearTimeout(t); }, [q]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.get('/api/audit/events', {
        q: query, action, page, pageSize,
        from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'),
      }));
    } catch (err) {
      if (err instanceof ApiError && err.status !== 401) message.error(err.message);
    } finally {
      setLoading(false);
    }
  }, [query, action, range, page, pageSize, message, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, [load]);

  const runVerify = async () => {
    setVerifying(true);
    try {
      const r = await api.get<{ ok: boolean; message: string }>('/api/audit/verify');
      setVerify({ ok: r.ok, message: r.message });
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setVerifying(false);
    }
  };

  const columns: ColumnsType<AuditEvent> = [
    { title: 'Thời gian', dataIndex: 'createdAt', key: 'createdAt', width: 170, render: (v) => formatDateTime(v, true) },
    { title: 'Người thực hiện', dataIndex: 'actorName', key: 'actorName', width: 200, render: (v) => v ?? <Typography.Text type="secondary">Hệ thống</Typography.Text> },
    { title: 'Thao tác', dataIndex: 'actionLabel', key: 'actionLabel', width: 190 },
    {
      title: 'Đối tượng', key: 'entity',
      render: (_, e) => <><Typography.Text strong>{e.entityLabel}</Typography.Text>{e.summary && <div>{e.summary}</div>}</>,
    },
  ];

  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Nhật ký kiểm toán</Typography.Title>
        <Button icon={<SafetyCertificateOutlined />} onClick={runVerify} loading={verifying}>Kiểm tra toàn vẹn</Button>
      </div>
      {verify && (
        <Alert
          type={verify.ok ? 'success' : 'error'} showIcon closable onClose={() => setVerify(null)} style={{ marginBottom: 16 }}
          title={verify.ok ? 'Nhật ký toàn vẹn' : 'Nhật ký đã bị thay đổi'} description={verify.message}
        />
      )}
      <Space wrap size="middle" style={{ marginBottom: 16 }}>
        <Input allowClear prefix={<SearchOutlined />} placeholder="Từ khóa" aria-label="Từ khóa" value={q}
          onChange={(e) => setQ(e.target.value)} style={{ width: 'min(280px, 90vw)' }} />
        <DatePicker.RangePicker format="DD/MM/YYYY" value={range} placeholder={['Từ ngày', 'Đến ngày']}
          onChange={(v) => { setRange(v as [Dayjs | null, Dayjs | null] | null); setPage(1); }} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="Thao tác" aria-label="Thao tác" options={actionOptions} value={action}
          onChange={(v) => { setAction(v); setPage(1); }} style={{ width: 240 }} />
      </Space>
      <Table<AuditEvent>
        rowKey="id" size="middle" columns={columns} dataSource={data.items} loading={loading} scroll={{ x: 860 }}
        expandable={{ expandedRowRender: (e) => <Diff e={e} /> }}
        pagination={{
          current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `${t} sự kiện`,
          onChange: (p, s) => { setPage(s !== pageSize ? 1 : p); setPageSize(s); },
        }}
        locale={{ emptyText: 'Không có sự kiện phù hợp' }}
      />
    </>
  );
}
