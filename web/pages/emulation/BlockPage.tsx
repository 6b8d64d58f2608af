// An emulation block's scorecard for a year (khối thi đua, seed 001 II.3.d): the member units in rank order against the
// movement's weighted collective criteria — each score computed from kehoach's records or entered by the block — with
// the total and how it is made; any cell opens onto what made it, and TCCB changes a hand-entered score there.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { App, Breadcrumb, Button, Card, Descriptions, Drawer, Empty, Form, Input, InputNumber, List, Select, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import { formatDate, formatDateTime, formatNumber } from '../../components/format.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { useView } from '../../components/useView.tsx';
import { viNumberInput } from '../targets/format.tsx';
import { EMULATION_PATH, movementLink } from './shared.tsx';
import './blocks.css';

type Measure = 'manual' | 'tasks_on_time' | 'reports_on_time' | 'targets_met' | 'findings_closed';
interface Share { counted: number; total: number }
interface Criterion { id: string; text: string; weight: number; measure: Measure; measureLabel: string; help: string }
interface CellScore { criterionId: string; score: number | null; share?: Share; source: 'data' | 'manual'; note: string }
interface Row {
  unitId: string; name: string; shortName: string | null; scores: CellScore[];
  total: number | null; weightCounted: number; missing: string[]; rank: number | null;
}
interface BlockTable {
  block: { id: string; name: string }; movement: { id: string; name: string; startYear: number; endYear: number };
  year: number; asOf: string; criteria: Criterion[]; rows: Row[]; canScore: boolean;
}
interface MeasureRecord { what: string; period: string; due: string; done: string; ok: boolean }
interface Explanation {
  unit: string; criterion: string; measureLabel: string; help: string; score: number | null; share?: Share;
  manual: { note: string; by: string; at: string } | null; records: MeasureRecord[];
}
interface Opened { unitId: string; criterionId: string }

/** 87.5 → "87,5", 100 → "100", null → "—". */
const score1 = (n: number | null | undefined) => formatNumber(n, 1);
/** A total always with its decimal, so a column of totals reads alike: 78 → "78,0". */
const total1 = (n: number | null) => (n === null ? '—' : formatNumber(n, 1).includes(',') ? formatNumber(n, 1) : `${formatNumber(n, 0)},0`);
/** The first words of a long criterion, cut at a word: the whole text is in the tooltip. */
function shortText(text: string, max = 56) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[,;:\s(]+$/, '')}…`;
}
const fromData = (c: Criterion) => c.measure !== 'manual';
const SourceTag = ({ c }: { c: Criterion }) => (fromData(c) ? <Tag color="blue" className="kh-blk-source">Từ dữ liệu</Tag> : <Tag color="gold" className="kh-blk-source">Chấm tay</Tag>);

/** What the "due" and "done" columns of a measure's records hold. */
const RECORD_HEADS: Record<Exclude<Measure, 'manual'>, [string, string]> = {
  tasks_on_time: ['Hạn', 'Hoàn thành'],
  reports_on_time: ['Hạn', 'Gửi'],
  targets_met: ['Chỉ tiêu', 'Số liệu'],
  findings_closed: ['Hạn', 'Đóng'],
};

const Verdict = ({ ok }: { ok: boolean }) => (ok
  ? <Tag color="success" icon={<CheckCircleOutlined />} style={{ marginInlineEnd: 0 }}>Đạt</Tag>
  : <Tag color="error" icon={<CloseCircleOutlined />} style={{ marginInlineEnd: 0 }}>Không đạt</Tag>);

/** One score, focusable: Enter or a click opens its explanation. */
function ScoreCell({ cell, criterion, row, onOpen }: { cell: CellScore | undefined; criterion: Criterion; row: Row; onOpen: () => void }) {
  const keyDown = (e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onOpen(); } };
  const value = cell?.score ?? null;
  const share = cell?.share && cell.share.total ? `${cell.share.counted}/${cell.share.total}` : '';
  const label = `${row.name} — ${shortText(criterion.text, 80)}: ${value === null ? cell?.note ?? 'Chưa chấm' : `${score1(value)} điểm`}${share ? ` (${share})` : ''}. Bấm để xem giải trình`;
  const body = (
    <div className={`kh-blk-cell${value === null ? ' kh-blk-cell-empty' : ''}`} role="button" tabIndex={0} aria-label={label} onClick={onOpen} onKeyDown={keyDown}>
      <span className="kh-blk-score">{value === null ? '—' : score1(value)}</span>
      {share && <span className="kh-blk-share">{share}</span>}
    </div>
  );
  const tip = value === null ? cell?.note ?? 'Chưa chấm' : cell?.source === 'manual' ? cell.note : '';
  return tip ? <Tooltip title={tip}>{body}</Tooltip> : body;
}

const totalNote = (r: Row, full: number) => (r.missing.length && r.total !== null ? `Tính trên ${r.weightCounted}/${full} điểm trọng số` : '');

/** The explanation of one cell, and for TCCB the form that changes a hand-entered score. */
function ExplainDrawer({ table, opened, onClose, onSaved }: { table: BlockTable; opened: Opened | null; onClose: () => void; onSaved: () => Promise<void> }) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<{ score: number | null; note: string }>();
  const [x, setX] = useState<Explanation | null>(null);
  const [saving, setSaving] = useState(false);
  const criterion = opened && table.criteria.find((c) => c.id === opened.criterionId);

  const load = async (o: Opened) => {
    try {
      const e = await api.get<Explanation>(`/api/emulation/blocks/${table.block.id}/explain`, { year: table.year, unitId: o.unitId, criterionId: o.criterionId });
      setX(e);
    } catch (err) {
      message.error((err as Error).message);
      onClose();
    }
  };
  useEffect(() => { setX(null); if (opened) void load(opened); }, [opened?.unitId, opened?.criterionId, table.year]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (v: { score: number | null; note: string }) => {
    if (!opened) return;
    setSaving(true);
    try {
      await api.post(`/api/emulation/blocks/${table.block.id}/scores`, { year: table.year, unitId: opened.unitId, criterionId: opened.criterionId, score: v.score, note: v.note ?? '' });
      message.success('Đã lưu điểm.');
      await onSaved();
      await load(opened);
    } catch (err) {
      if (err instanceof ApiError && err.details) form.setFields(Object.entries(err.details).map(([name, errors]) => ({ name: name as never, errors: [errors] })));
      message.error((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const heads = criterion && fromData(criterion) ? RECORD_HEADS[criterion.measure as Exclude<Measure, 'manual'>] : ['Hạn', 'Hoàn thành/Gửi'];
  const share = x?.share && x.share.total ? x.share : null;
  const records = (x?.records ?? []).map((r, i) => ({ ...r, key: i }));
  return (
    <Drawer open={!!opened} onClose={onClose} size={isPhone ? '100%' as never : 720} title="Giải trình điểm" destroyOnHidden>
      {!x || !criterion ? <Skeleton active /> : (
        <div id="giai-trinh-diem">
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: isPhone ? 96 : 120 } }} items={[
            { key: 'unit', label: 'Đơn vị', children: x.unit },
            { key: 'criterion', label: 'Tiêu chí', children: <>{x.criterion} <span className="kh-muted">({criterion.weight} điểm)</span></> },
            { key: 'measure', label: 'Cách đo', children: <><div>{x.measureLabel} <SourceTag c={criterion} /></div>{x.help && <div className="kh-muted">{x.help}</div>}</> },
            {
              key: 'score', label: 'Điểm', children: x.score === null
                ? <Typography.Text type="secondary">{fromData(criterion) ? 'Không có dữ liệu trong năm — tiêu chí không tính vào tổng điểm' : 'Chưa chấm — tiêu chí chưa tính vào tổng điểm'}</Typography.Text>
                : <><Typography.Text strong style={{ fontSize: 16 }}>{score1(x.score)}</Typography.Text>{share && <span> — {share.counted}/{share.total} bản ghi đạt</span>}</>,
            },
            ...(x.manual ? [
              { key: 'note', label: 'Ghi chú', children: x.manual.note || '—' },
              { key: 'by', label: 'Người chấm', children: `${x.manual.by} · ${formatDateTime(x.manual.at)}` },
            ] : []),
          ]} />
          {fromData(criterion) ? (
            <>
              <Typography.Title level={4} style={{ fontSize: 16 }}>Các bản ghi được tính ({x.records.length})</Typography.Title>
              {isPhone ? (
                <List<MeasureRecord & { key: number }> dataSource={records} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có bản ghi nào trong năm." /> }}
                  renderItem={(r) => (
                    <List.Item style={{ flexDirection: 'column', alignItems: 'stretch', gap: 4 }}>
                      <div>{r.what}</div>
                      <div className="kh-blk-rec-meta">{r.period} · {heads[0]} {r.due} · {heads[1]} {r.done}</div>
                      <div><Verdict ok={r.ok} /></div>
                    </List.Item>
                  )} />
              ) : (
                <Table<MeasureRecord & { key: number }>
                  size="small" rowKey="key" dataSource={records} pagination={x.records.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                  rowClassName={(r) => (r.ok ? '' : 'kh-blk-rec-fail')} className="kh-blk-records"
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có bản ghi nào trong năm." /> }}
                  columns={[
                    { title: 'Nội dung', dataIndex: 'what' },
                    { title: 'Kỳ', dataIndex: 'period', width: 110 },
                    { title: heads[0], dataIndex: 'due', width: 100 },
                    { title: heads[1], dataIndex: 'done', width: 100 },
                    { title: 'Kết quả', dataIndex: 'ok', width: 110, render: (ok: boolean) => <Verdict ok={ok} /> },
                  ]}
                />
              )}
            </>
          ) : table.canScore ? (
            <Form form={form} layout="vertical" onFinish={save} id="cham-diem" key={`${opened?.unitId}|${opened?.criterionId}|${x.manual?.at ?? ''}`}
              initialValues={{ score: x.score, note: x.manual?.note ?? '' }}>
              <Typography.Title level={4} style={{ fontSize: 16 }}>{x.manual ? 'Sửa điểm' : 'Chấm điểm'}</Typography.Title>
              <Form.Item name="score" label="Điểm (0–100)" rules={[{ required: true, message: 'Nhập điểm từ 0 đến 100.' }]}>
                <InputNumber {...viNumberInput} min={0} max={100} step={0.5} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="note" label="Ghi chú">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="Căn cứ chấm điểm, ví dụ: biên bản họp khối ngày …" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>Lưu điểm</Button>
            </Form>
          ) : !x.manual && <Typography.Paragraph type="secondary">Phòng Tổ chức cán bộ chấm điểm tiêu chí này theo kết quả họp khối.</Typography.Paragraph>}
        </div>
      )}
    </Drawer>
  );
}

/** A phone reads each unit as a card: rank, total, then its criteria one under another. */
function UnitCards({ table, onOpen }: { table: BlockTable; onOpen: (o: Opened) => void }) {
  const full = table.criteria.reduce((s, c) => s + c.weight, 0);
  return (
    <div className="kh-blk-cards">
      {table.rows.map((r) => (
        <Card key={r.unitId} size="small" className="kh-blk-card" title={
          <div className="kh-blk-card-head">
            <span className="kh-blk-rank" aria-label={r.rank === null ? 'Chưa xếp hạng' : `Hạng ${r.rank}`}>{r.rank ?? '—'}</span>
            <span className="kh-blk-card-name">{r.name}</span>
          </div>
        } extra={<span className="kh-blk-card-total"><span className="kh-muted">Tổng</span> <b>{total1(r.total)}</b></span>}>
          {totalNote(r, full) && <div className="kh-muted" style={{ marginBottom: 6 }}>{totalNote(r, full)}</div>}
          {table.criteria.map((c, i) => (
            <div key={c.id} className="kh-blk-card-row">
              <div className="kh-blk-card-crit">{i + 1}. {shortText(c.text, 70)} <span className="kh-muted">({c.weight} điểm)</span> <SourceTag c={c} /></div>
              <ScoreCell cell={r.scores.find((s) => s.criterionId === c.id)} criterion={c} row={r} onOpen={() => onOpen({ unitId: r.unitId, criterionId: c.id })} />
            </div>
          ))}
        </Card>
      ))}
    </div>
  );
}

export function BlockPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const isPhone = useIsPhone();
  const year = Number(params.get('year')) || undefined;
  const [opened, setOpened] = useState<Opened | null>(null);
  const { view: table, load, placeholder } = useView<BlockTable>(`/api/emulation/blocks/${id}${year ? `?year=${year}` : ''}`, 10);
  if (!table) return placeholder;

  const full = table.criteria.reduce((s, c) => s + c.weight, 0);
  const years = Array.from({ length: table.movement.endYear - table.movement.startYear + 1 }, (_, i) => table.movement.startYear + i);
  const open = (o: Opened) => setOpened(o);
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Khối chưa có đơn vị thành viên." />;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} className="kh-blk-crumbs" items={[
        { title: <Link to={EMULATION_PATH}>Thi đua, khen thưởng</Link> },
        { title: <Link to={movementLink(table.movement.id, table.year)}>{table.movement.name}</Link> },
        { title: table.block.name },
      ]} />
      <div className="kh-page-header" style={{ marginBottom: 4 }}>
        <Typography.Title level={2} style={{ fontSize: 22 }}>Bảng điểm {table.block.name} năm {table.year}</Typography.Title>
        <Select<number> value={table.year} aria-label="Năm" style={{ width: 120 }} onChange={(y) => { setOpened(null); setParams({ year: String(y) }); }}
          options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} />
      </div>
      <Typography.Paragraph type="secondary">
        Số liệu tính đến ngày {formatDate(table.asOf)} · {table.rows.length} đơn vị · {table.criteria.length} tiêu chí, tổng trọng số {full} điểm.
        {' '}Bấm vào một ô điểm để xem giải trình{table.canScore ? ' hoặc chấm điểm các tiêu chí chấm tay' : ''}.
      </Typography.Paragraph>
      <Card size="small" styles={{ body: { padding: isPhone ? 8 : 12 } }} id="bang-diem">
        {!table.rows.length ? empty : isPhone ? <UnitCards table={table} onOpen={open} /> : (
          <Table<Row>
            rowKey="unitId" size="small" bordered dataSource={table.rows} pagination={false} className="kh-blk-table"
            scroll={{ x: 52 + 150 + table.criteria.length * 98 + 100 }}
            columns={[
              { title: 'Hạng', key: 'rank', width: 52, fixed: 'left', align: 'center', render: (_, r) => <b>{r.rank ?? '—'}</b> },
              { title: 'Đơn vị', key: 'unit', width: 150, fixed: 'left', render: (_, r) => r.name },
              ...table.criteria.map((c, i) => ({
                key: c.id, width: 98, align: 'center' as const,
                title: (
                  <Tooltip title={<>{c.text}<br />{c.measureLabel} · {c.weight} điểm</>}>
                    <div className="kh-blk-head">
                      <div className="kh-blk-head-text">{i + 1}. {shortText(c.text, 48)}</div>
                      <div className="kh-blk-head-meta">({c.weight} điểm)</div>
                      <SourceTag c={c} />
                    </div>
                  </Tooltip>
                ),
                render: (_: unknown, r: Row) => <ScoreCell cell={r.scores.find((s) => s.criterionId === c.id)} criterion={c} row={r} onOpen={() => open({ unitId: r.unitId, criterionId: c.id })} />,
              })),
              {
                title: 'Tổng điểm', key: 'total', width: 100, fixed: 'right', align: 'center',
                render: (_, r) => (
                  <div className="kh-blk-total">
                    <b>{total1(r.total)}</b>
                    {totalNote(r, full) && <div className="kh-muted">{totalNote(r, full)}</div>}
                  </div>
                ),
              },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" className="kh-blk-formula">
          Tổng điểm = Σ(điểm tiêu chí × trọng số) ÷ tổng trọng số các tiêu chí có điểm; tiêu chí không có dữ liệu trong năm không tính.
        </Typography.Paragraph>
      </Card>
      <ExplainDrawer table={table} opened={opened} onClose={() => setOpened(null)} onSaved={load} />
    </>
  );
}
