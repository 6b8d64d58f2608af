// An indicator's department value per period as bars coloured red/amber/green, with the target as a line.
// Loaded on demand (React.lazy), so ECharts travels in its own chunk.
import { useMemo } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { format, use, type EChartsCoreOption } from 'echarts/core';
import { formatIndicatorValue, type Rag } from '../../../core/indicators/rollup.ts';
import Chart from '../../components/Chart.tsx';
import { RAG_LABELS, targetText } from './format.tsx';
import type { IndicatorDetail } from './types.ts';

use([BarChart, GridComponent, MarkLineComponent, TooltipComponent]);

const HEX: Record<Rag, string> = { green: '#389e0d', amber: '#d48806', red: '#cf1322', none: '#bfbfbf' };

export default function TrendChart({ detail, onPick }: { detail: IndicatorDetail; onPick: (periodKey: string) => void }) {
  const { indicator: ind, periods } = detail;
  const option = useMemo<EChartsCoreOption>(() => ({
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true,
      formatter: (params: unknown) => {
        const p = periods[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0];
        return `<b>${format.encodeHTML(p.label)}</b><br/>${formatIndicatorValue(ind.unit, p.value)} — ${RAG_LABELS[p.rag]}<br/>${p.reported}/${p.expected} đơn vị báo cáo`;
      },
    },
    // Room on the right for the target's label, clear of the bars' own labels.
    grid: { left: 8, right: 64, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods.map((p) => p.label), axisTick: { show: false }, axisLabel: { interval: 0, width: 110, overflow: 'break' } },
    yAxis: {
      type: 'value', min: 0, max: ind.unit === '%' ? 100 : undefined,
      axisLabel: { formatter: (v: number) => formatIndicatorValue(ind.unit, v) }, splitLine: { lineStyle: { color: '#f0f0f0' } },
    },
    series: [{
      type: 'bar', name: ind.subject, barMaxWidth: 48, cursor: 'pointer',
      data: periods.map((p) => ({ value: p.value, itemStyle: { color: HEX[p.rag] } })),
      label: { show: true, position: 'top', formatter: (p: { value: number | null }) => formatIndicatorValue(ind.unit, p.value) },
      markLine: {
        symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#1d39c4' },
        label: { formatter: `Chỉ tiêu\n${targetText(ind)}`, position: 'end', color: '#1d39c4' },
        data: [{ yAxis: ind.target }],
      },
    }],
  }), [ind, periods]);
  return (
    <Chart
      option={option}
      height={260}
      label={`Biểu đồ kết quả toàn Sở của chỉ tiêu ${ind.subject} qua các kỳ, so với mức chỉ tiêu ${targetText(ind)}`}
      onClick={(e) => { if (e.componentType === 'series') onPick(periods[e.dataIndex].key); }}
      summary={<ul>{periods.map((p) => <li key={p.key}>{p.label}: {formatIndicatorValue(ind.unit, p.value)}, {RAG_LABELS[p.rag]}</li>)}</ul>}
    />
  );
}
