// The year's months as pairs of bars, estimate against spent. Loaded on demand (React.lazy), so ECharts
// travels in its own chunk and the budget's figures show before it arrives.
import { useMemo } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use, type EChartsCoreOption } from 'echarts/core';
import { formatViNumber } from '../../../core/text/vietnamese.ts';
import Chart from '../../components/Chart.tsx';
import { monthLabel, monthShort, type BudgetMonth } from './types.ts';

use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

/** 7500000 → "7,5 tr": an axis has no room for every digit. */
const millions = (v: number) => (v === 0 ? '0' : `${formatViNumber(v / 1_000_000, 1)} tr`);

export default function BudgetChart({ months }: { months: BudgetMonth[] }) {
  const option = useMemo<EChartsCoreOption>(() => ({
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true,
      valueFormatter: (v: number) => `${formatViNumber(v)} đ`,
    },
    legend: { top: 0, data: ['Dự toán', 'Đã chi'] },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => monthShort(m.month)), axisTick: { show: false } },
    yAxis: { type: 'value', axisLabel: { formatter: millions }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    series: [
      { type: 'bar', name: 'Dự toán', data: months.map((m) => m.amount), itemStyle: { color: '#91caff' }, barMaxWidth: 22 },
      { type: 'bar', name: 'Đã chi', data: months.map((m) => m.spent), itemStyle: { color: '#0f6cbd' }, barMaxWidth: 22 },
    ],
  }), [months]);
  return (
    <Chart
      option={option} height={240}
      label="Biểu đồ dự toán và số đã chi hỗ trợ theo tháng"
      summary={<ul>{months.map((m) => <li key={m.month}>Tháng {monthLabel(m.month)}: dự toán {formatViNumber(m.amount)} đồng, đã chi {formatViNumber(m.spent)} đồng</li>)}</ul>}
    />
  );
}
