// The plan's scorecard: units as rows, indicators as columns, cells coloured against the target (with an icon, never colour
// alone) and marked ▲/▼ against the units' average; the department's roll-up and the average below; a unit opens its values.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Drawer, Empty, Select, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import { formatIndicatorValue } from '../../../core/indicators/rollup.ts';
import { api, ApiError } from '../../api/client.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import { partsText, RAG_ICONS, RAG_LABELS, RagTag, targetText } from './format.tsx';
import type { Scorecard, ScorecardCell, UnitRef } from './types.ts';
import './targets.css';

type Column = Scorecard['indicators'][number];
const VS_TEXT = { above: 'tốt hơn trung bình các đơn vị', below: 'kém hơn trung bình các đơn vị', average: 'bằng trung bình các đơn vị' } as const;

function Cell({ cell, column }: { cell: ScorecardCell | null | undefined; column: Column }) {
  if (!cell) return <span className="kh-muted" title="Đơn vị không được giao chỉ tiêu này">không giao</span>;
  const marker = cell.vsAverage === 'above' ? '▲' : cell.vsAverage === 'below' ? '▼' : '';
  const label = `${RAG_LABELS[cell.rag]}${cell.vsAverage ? `, ${VS_TEXT[cell.vsAverage]}` : ''}`;
  return (
    <Tooltip title={`${label}${cell.numerator !== null ? ` (${partsText(cell.numerator, cell.denominator)})` : ''}`}>
      <div className={`kh-sc-cell kh-rag-${cell.rag}`} aria-label={`${formatIndicatorValue(column.unit, cell.value)}: ${label}`}>
        <span aria-hidden>{RAG_ICONS[cell.rag]}</span> {formatIndicatorValue(column.unit, cell.value)} {marker && <span className="kh-sc-marker" aria-hidden>{marker}</span>}
      </div>
    </Tooltip>
  );
}

export default function ScorecardTab({ planId }: { planId: string }) {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const isPhone = useIsPhone();
  const [period, setPeriod] = useState<string | undefined>();
  const [card, setCard] = useState<Scorecard | null>(null);
  const [unit, setUnit] = useState<UnitRef | null>(null);

  useEffect(() => {
    setCard(null);
    api.get<Scorecard>(`/api/plans/${planId}/scorecard`, { period }).then(setCard, (err: ApiError) => message.error(err.message));
  }, [planId, period, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!card) return <Skeleton active />;
  if (!card.indicators.length || !card.period) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có chỉ tiêu hoặc chưa đến kỳ báo cáo nào." />;
  const row = unit && card.units.find((u) => u.unit.id === unit.id);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="kh-sc-period">Kỳ báo cáo</label>
        <Select id="kh-sc-period" value={card.period.key} style={{ minWidth: 220 }} onChange={setPeriod}
          options={card.periods.map((p) => ({ value: p.key, label: p.label }))} />
        <span className="kh-muted">▲ tốt hơn, ▼ kém hơn trung bình các đơn vị. Bấm tên đơn vị để xem chi tiết.</span>
      </Space>
      <Table
        rowKey={(r) => r.unit.id} size="small" bordered dataSource={card.units} pagination={false} scroll={{ x: (isPhone ? 140 : 200) + card.indicators.length * 130 }}
        columns={[
          {
            title: 'Đơn vị', key: 'unit', fixed: isPhone ? undefined : 'left', width: isPhone ? 140 : 200,
            render: (_, r) => <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setUnit(r.unit)}>{r.unit.name}</Button>,
          },
          ...card.indicators.map((c) => ({
            title: (
              <Tooltip title={`${c.subject}${c.period && c.period.key !== card.period!.key ? ` — ${c.period.label}` : ''}`}>
                <div><Link to={`/chi-tieu/${c.id}${c.period ? `?ky=${c.period.key}` : ''}`}>{c.code || c.subject.slice(0, 12)}</Link></div>
                <div className="kh-muted">{targetText(c)}</div>
              </Tooltip>
            ),
            key: c.id, width: 130,
            render: (_: unknown, r: Scorecard['units'][number]) => <Cell cell={r.cells[c.id]} column={c} />,
          })),
        ]}
        summary={() => (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row className="kh-sc-total">
              <Table.Summary.Cell index={0}><b>Toàn Sở (tổng hợp)</b></Table.Summary.Cell>
              {card.indicators.map((c, i) => (
                <Table.Summary.Cell key={c.id} index={i + 1}>
                  <Tooltip title={`${c.total.reported}/${c.total.expected} đơn vị báo cáo${c.total.numerator !== null ? ` · ${partsText(c.total.numerator, c.total.denominator)}` : ''}`}>
                    <div className={`kh-sc-cell kh-rag-${c.total.rag}`}><span aria-hidden>{RAG_ICONS[c.total.rag]}</span> <b>{formatIndicatorValue(c.unit, c.total.value)}</b></div>
                  </Tooltip>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>Trung bình các đơn vị</Table.Summary.Cell>
              {card.indicators.map((c, i) => <Table.Summary.Cell key={c.id} index={i + 1}>{formatIndicatorValue(c.unit, c.average)}</Table.Summary.Cell>)}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
      <Drawer open={!!row} onClose={() => setUnit(null)} size={isPhone ? '100%' as never : 560} title={row ? `${row.unit.name} — ${card.period.label}` : ''}>
        {row && card.indicators.map((c) => {
          const cell = row.cells[c.id];
          return (
            <section key={c.id} className="kh-sc-drill">
              <Link to={`/chi-tieu/${c.id}${c.period ? `?ky=${c.period.key}` : ''}`}>{c.code} {c.subject}</Link>
              {cell ? (
                <Space wrap size={8} style={{ display: 'flex', marginTop: 4 }}>
                  <Typography.Text strong>{formatIndicatorValue(c.unit, cell.value)}</Typography.Text>
                  {cell.numerator !== null && <span className="kh-muted">({partsText(cell.numerator, cell.denominator)})</span>}
                  <RagTag rag={cell.rag} />
                  <span className="kh-muted">Mức chỉ tiêu {targetText(c)}{cell.vsAverage ? `; ${VS_TEXT[cell.vsAverage]} (${formatIndicatorValue(c.unit, c.average)})` : ''}</span>
                </Space>
              ) : <div className="kh-muted">Đơn vị không được giao chỉ tiêu này.</div>}
            </section>
          );
        })}
      </Drawer>
    </>
  );
}
