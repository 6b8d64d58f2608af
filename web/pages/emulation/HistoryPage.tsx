// "Lịch sử khen thưởng": who received what, when and under which decision, across years and movements — searched
// without diacritics by the server as the user types, filtered by year; cards on a phone.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Breadcrumb, Card, Empty, Input, List, Select, Space, Table, Tooltip, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useIsPhone } from '../../components/responsive.ts';
import { useSearch } from '../../components/useSearch.ts';
import { EMULATION_PATH, thisYear, viDate } from './shared.tsx';
import './blocks.css';

export interface AwardRecord {
  id: string; year: number; subjectLabel: string; name: string; unitName: string; form: string; achievement: string; movement: string;
  decisionNo: string; decisionDate: string | null; signer: string;
}

/** "1250/QĐ-SYT", "ngày 19/12/2025" under it, then the signer. */
function Decision({ r }: { r: AwardRecord }) {
  return (
    <>
      <div>{r.decisionNo || '—'}</div>
      {r.decisionDate && <div>ngày {viDate(r.decisionDate)}</div>}
      {r.signer && <div className="kh-hist-meta">{r.signer}</div>}
    </>
  );
}

export function HistoryPage() {
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number | undefined>();
  const { items, loading } = useSearch<AwardRecord>('/api/emulation/history', { q: q.trim(), year }, q);
  const years = useMemo(() => { const now = thisYear(); return Array.from({ length: 10 }, (_, i) => now - i); }, []);
  const filtered = !!(q.trim() || year);
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? 'Không có khen thưởng phù hợp' : 'Chưa có khen thưởng nào'} />;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={EMULATION_PATH}>Thi đua, khen thưởng</Link> }, { title: 'Lịch sử khen thưởng' }]} />
      <div className="kh-page-header" style={{ marginBottom: 4 }}>
        <Typography.Title level={2} style={{ fontSize: 22 }}>Lịch sử khen thưởng</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">
        Các tập thể, cá nhân đã được khen thưởng theo quyết định, qua các năm và các phong trào thi đua.
      </Typography.Paragraph>
      <Space wrap size="middle" style={{ marginBottom: 16 }}>
        <Input
          allowClear prefix={<SearchOutlined />} value={q} onChange={(e) => setQ(e.target.value)}
          placeholder="Tìm theo tên, đơn vị, thành tích, số quyết định (gõ không dấu cũng được)" aria-label="Tìm khen thưởng"
          style={{ width: 'min(460px, 90vw)' }}
        />
        <Select<number> allowClear placeholder="Năm" aria-label="Lọc theo năm" value={year} onChange={setYear} style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} />
      </Space>
      <Card size="small" styles={{ body: { padding: isPhone ? 8 : 12 } }} id="lich-su-khen-thuong">
        {isPhone ? (
          <List<AwardRecord>
            loading={loading} dataSource={items} locale={{ emptyText: empty }} pagination={items.length > 20 ? { pageSize: 20, size: 'small', align: 'center' } : false}
            renderItem={(r) => (
              <List.Item>
                <div className="kh-hist-item">
                  <div><b>{r.name}</b> <span className="kh-hist-meta">· {r.subjectLabel} · năm {r.year}</span></div>
                  {r.unitName && r.unitName !== r.name && <div className="kh-hist-meta">{r.unitName}</div>}
                  <div>{r.form}</div>
                  <div className="kh-hist-meta">Thành tích: {r.achievement}</div>
                  <div className="kh-hist-meta">Quyết định {r.decisionNo || '—'}{r.decisionDate ? ` ngày ${viDate(r.decisionDate)}` : ''}{r.signer ? ` — ${r.signer}` : ''}</div>
                  <div className="kh-hist-meta">{r.movement}</div>
                </div>
              </List.Item>
            )}
          />
        ) : (
          <Table<AwardRecord>
            rowKey="id" size="small" loading={loading} dataSource={items} className="kh-hist-table" scroll={{ x: 1000 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} locale={{ emptyText: empty }}
            columns={[
              { title: 'Năm', dataIndex: 'year', width: 60 },
              { title: 'Tập thể/Cá nhân', key: 'name', width: 170, render: (_, r) => <><div><b>{r.name}</b></div><div className="kh-hist-meta">{r.subjectLabel}</div></> },
              { title: 'Đơn vị', dataIndex: 'unitName', width: 150 },
              { title: 'Hình thức', dataIndex: 'form', width: 140 },
              { title: 'Thành tích', dataIndex: 'achievement' },
              { title: 'Quyết định', key: 'decision', width: 140, render: (_, r) => <Decision r={r} /> },
              {
                title: 'Phong trào', dataIndex: 'movement', width: 150,
                render: (m: string) => <Tooltip title={m}><span className="kh-hist-meta kh-hist-clamp">{m}</span></Tooltip>,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
