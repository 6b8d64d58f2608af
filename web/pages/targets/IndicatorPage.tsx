// One indicator: its definition, the department's result over the periods so far, and for a chosen period each
// unit's figures with the roll-up and the units yet to report; units (or the plan's owner for them) enter values here.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Popconfirm, Select, Skeleton, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { COMPARATOR_LABELS, formatIndicatorValue } from '../../../core/indicators/rollup.ts';
import { api, ApiError } from '../../api/client.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { ForbiddenResult, NotFoundResult } from '../../components/Results.tsx';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import { formatNumber } from '../../components/format.ts';
import { changeText, partsText, periodTypeLabel, RagTag, targetText } from './format.tsx';
import IndicatorFormModal from './IndicatorFormModal.tsx';
import type { IndicatorDetail, PeriodRef, UnitRef, ValueEntry } from './types.ts';
import ValueEntryModal from './ValueEntryModal.tsx';
import './targets.css';

const TrendChart = lazy(() => import('./TrendChart.tsx'));
type UnitRow = NonNullable<IndicatorDetail['selected']>['units'][number];

export default function IndicatorPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const period = search.get('ky') ?? undefined;
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<IndicatorDetail | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const [entering, setEntering] = useState<{ unit: UnitRef; period: PeriodRef; entry: ValueEntry | null } | null>(null);

  const load = useCallback(async () => {
    try { setDetail(await api.get<IndicatorDetail>(`/api/indicators/${id}`, { period })); setFailure(null); } catch (err) { if (err instanceof ApiError) setFailure(err); }
  }, [id, period, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, [load]);

  if (failure?.status === 403) return <ForbiddenResult message={failure.message} />;
  if (failure) return <NotFoundResult message={failure.message} />;
  if (!detail) return <Skeleton active paragraph={{ rows: 12 }} />;
  const { indicator: ind, selected } = detail;
  const pick = (key: string) => setSearch({ ky: key }, { replace: true });
  const hasValues = detail.periods.some((p) => p.reported > 0) || !!selected?.units.some((u) => u.entry);
  const remove = async () => {
    try { await api.delete(`/api/indicators/${ind.id}`); message.success('Đã xóa chỉ tiêu.'); navigate(`/ke-hoach/${ind.plan.id}`); } catch (err) { message.error((err as Error).message); }
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[
        { title: <Link to="/ke-hoach">Kế hoạch</Link> },
        { title: <Link to={`/ke-hoach/${ind.plan.id}`}>{ind.plan.number || ind.plan.title.slice(0, 40)}</Link> },
        { title: `Chỉ tiêu ${ind.code}` },
      ]} />
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 20, flex: 1, minWidth: 240 }}>{ind.code} {ind.subject}</Typography.Title>
        {detail.can.manage && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>Sửa chỉ tiêu</Button>
            <Popconfirm title="Xóa chỉ tiêu?" description={hasValues ? 'Chỉ tiêu đã có số liệu nên không xóa được.' : 'Chỉ tiêu chưa có số liệu.'} okText="Xóa" cancelText="Hủy" okButtonProps={{ danger: true, disabled: hasValues }} onConfirm={remove}>
              <Button danger icon={<DeleteOutlined />}>Xóa</Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Văn bản ghi" span={2}>{ind.text}</Descriptions.Item>
        <Descriptions.Item label="Mức chỉ tiêu"><b>{targetText(ind)}</b> <span className="kh-muted">({COMPARATOR_LABELS[ind.comparator].toLowerCase()})</span></Descriptions.Item>
        <Descriptions.Item label="Kỳ báo cáo">{periodTypeLabel(ind.periodType)}</Descriptions.Item>
        <Descriptions.Item label="Cách đo">
          {ind.measure === 'ratio'
            ? <>Tỷ lệ = {ind.numeratorLabel || 'tử số'} / {ind.denominatorLabel || 'mẫu số'}; toàn Sở = tổng tử số / tổng mẫu số</>
            : <>Giá trị; toàn Sở = {ind.aggregation === 'sum' ? 'tổng' : 'trung bình'} các đơn vị</>}
        </Descriptions.Item>
        <Descriptions.Item label="Mức cảnh báo">“Gần đạt” khi kém mức chỉ tiêu không quá {ind.amberPct.toLocaleString('vi-VN')}% của mức chỉ tiêu</Descriptions.Item>
        <Descriptions.Item label="Đơn vị báo cáo" span={2}>{ind.units.map((u) => u.name).join('; ')}</Descriptions.Item>
      </Descriptions>

      <Card size="small" title="Kết quả toàn Sở qua các kỳ" style={{ marginBottom: 16 }}>
        {detail.periods.length === 0 ? <span className="kh-muted">Kế hoạch chưa đến kỳ báo cáo đầu tiên.</span> : (
          <>
            <Suspense fallback={<Skeleton active />}><TrendChart detail={detail} onPick={pick} /></Suspense>
            <Table
              className="kh-trend-table" rowKey="key" size="small" pagination={false} scroll={{ x: 560 }} dataSource={[...detail.periods].reverse()}
              onRow={(p) => ({ onClick: () => pick(p.key), style: { cursor: 'pointer' } })}
              columns={[
                { title: 'Kỳ', key: 'label', render: (_, p) => <Button type="link" style={{ padding: 0 }} onClick={() => pick(p.key)}>{p.label}</Button> },
                { title: 'Kết quả', key: 'value', render: (_, p) => <b>{formatIndicatorValue(ind.unit, p.value)}</b> },
                { title: 'Mức đạt', key: 'rag', render: (_, p) => <RagTag rag={p.rag} /> },
                { title: 'So với kỳ trước', key: 'change', render: (_, p) => changeText(ind.unit, p.change) },
                { title: 'Đơn vị báo cáo', key: 'n', render: (_, p) => `${p.reported}/${p.expected}` },
              ]}
            />
          </>
        )}
      </Card>

      {selected && (
        <Card size="small" title={(
          <Space wrap>
            <span>Số liệu các đơn vị</span>
            <Select aria-label="Kỳ báo cáo" value={selected.period.key} style={{ minWidth: 220 }} onChange={pick}
              options={[...detail.periods].reverse().map((p) => ({ value: p.key, label: p.label }))} />
          </Space>
        )}>
          <Space wrap size={12} style={{ marginBottom: 12 }}>
            <span>Toàn Sở ({formatDate(selected.period.start)} – {formatDate(selected.period.end)}):</span>
            <Typography.Text strong style={{ fontSize: 18 }}>{formatIndicatorValue(ind.unit, selected.total.value)}</Typography.Text>
            {selected.total.numerator !== null && <span className="kh-muted">({partsText(selected.total.numerator, selected.total.denominator)})</span>}
            <RagTag rag={selected.total.rag} />
            <span className="kh-muted">{selected.total.reported}/{selected.total.expected} đơn vị đã báo cáo</span>
          </Space>
          {selected.missing.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`Chưa báo cáo (${selected.missing.length}): ${selected.missing.map((u) => u.name).join('; ')}`}
              description="Đơn vị chưa báo cáo không được tính vào kết quả toàn Sở." />
          )}
          {!selected.period.started && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Kỳ này chưa bắt đầu nên chưa nhập được số liệu." />}
          {ind.plan.status !== 'active' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Kế hoạch chưa ban hành hoặc đã kết thúc nên không nhập được số liệu." />}
          <Table<UnitRow>
            rowKey={(r) => r.unit.id} size="small" pagination={false} dataSource={selected.units} scroll={{ x: 900 }}
            columns={[
              { title: 'Đơn vị', key: 'unit', fixed: isPhone ? undefined : 'left', width: isPhone ? 140 : 200, render: (_, r) => r.unit.name },
              ...(ind.measure === 'ratio' ? [
                { title: ind.numeratorLabel || 'Tử số', key: 'n', width: 110, align: 'right' as const, render: (_: unknown, r: UnitRow) => formatNumber(r.entry?.numerator, 6) },
                { title: ind.denominatorLabel || 'Mẫu số', key: 'd', width: 110, align: 'right' as const, render: (_: unknown, r: UnitRow) => formatNumber(r.entry?.denominator, 6) },
              ] : []),
              { title: 'Kết quả', key: 'value', width: 100, align: 'right' as const, render: (_, r) => <b>{formatIndicatorValue(ind.unit, r.entry?.value ?? null)}</b> },
              { title: 'Mức đạt', key: 'rag', width: 140, render: (_, r) => <RagTag rag={r.entry?.rag ?? 'none'} /> },
              {
                title: 'Ghi chú, minh chứng', key: 'note', render: (_, r) => r.entry && (
                  <>
                    {r.entry.note && <div style={{ whiteSpace: 'pre-wrap' }}>{r.entry.note}</div>}
                    {r.entry.evidence.map((e) => <div key={e.fileId}><a href={`/api/files/${e.fileId}`} download><PaperClipOutlined /> {e.name}</a></div>)}
                    <div className="kh-muted">{r.entry.enteredByName} · {formatDateTime(r.entry.updatedAt)}</div>
                  </>
                ),
              },
              {
                title: '', key: 'act', width: 120, render: (_, r) => r.can.record && selected.period.started && ind.plan.status === 'active' && (
                  <Button size="small" type={r.entry ? 'default' : 'primary'} onClick={() => setEntering({ unit: r.unit, period: selected.period, entry: r.entry })}>
                    {r.entry ? 'Sửa số liệu' : 'Nhập số liệu'}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      <IndicatorFormModal open={editing} planId={ind.plan.id} editing={ind} hasValues={hasValues} onClose={() => setEditing(false)}
        onSaved={() => { setEditing(false); message.success('Đã lưu chỉ tiêu.'); void load(); }} />
      <ValueEntryModal place={entering} indicator={ind} onClose={() => setEntering(null)} onSaved={() => { setEntering(null); void load(); }} />
    </>
  );
}
