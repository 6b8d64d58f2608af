// The dashboard's two bar charts. This module is loaded on demand (React.lazy), so ECharts travels in
// its own chunk and only to the users who open the dashboard.
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { format, use, type EChartsCoreOption } from 'echarts/core';
import type { Counts } from '../../api/plans.ts';
import Chart from '../../components/Chart.tsx';
import { useIsPhone } from '../../components/responsive.ts';
import { formatNumber, formatPercent } from '../../components/format.ts';
import { share, STATUS_HEX, type Dashboard } from './types.ts';

use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

type Marker = { dataIndex: number; seriesName: string; value: number; marker: string };
const escape = format.encodeHTML;

const PARTS: { name: string; color: string; count: (c: Counts) => number }[] = [
  { name: 'Hoàn thành đúng hạn', color: STATUS_HEX.doneOnTime, count: (c) => c.doneOnTime },
  { name: 'Hoàn thành quá hạn', color: STATUS_HEX.doneLate, count: (c) => c.doneLate },
  { name: 'Đang thực hiện trong hạn', color: STATUS_HEX.open, count: (c) => c.notDue + c.inProgress },
  { name: 'Quá hạn', color: STATUS_HEX.overdue, count: (c) => c.overdue },
];

// Plan titles run to two lines: wrap them inside the chart rather than cut them off.
const tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, extraCssText: 'max-width: min(420px, 80vw); white-space: normal;' };
const valueAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) }, splitLine: { lineStyle: { color: '#f0f0f0' } } };
const categoryAxis = (labels: string[], isPhone: boolean) => ({
  type: 'category', inverse: true, data: labels, axisTick: { show: false },
  axisLabel: { width: isPhone ? 104 : 200, overflow: 'truncate', color: 'rgba(0,0,0,0.75)' },
});

/** Each active plan's occurrences by status, stacked; a bar opens its plan. */
export function PlanProgressChart({ rows }: { rows: Dashboard['byPlan'] }) {
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const option = useMemo<EChartsCoreOption>(() => ({
    tooltip: {
      ...tooltip,
      formatter: (params: unknown) => {
        const list = params as Marker[];
        const row = rows[list[0]?.dataIndex ?? 0];
        return [`<b>${escape(row.plan.title)}</b>`, ...list.map((p) => `${p.marker}${escape(p.seriesName)}: <b>${formatNumber(p.value)}</b> (${formatPercent(share(p.value, row.counts.total))})`)].join('<br/>');
      },
    },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, itemGap: 12 },
    grid: { left: 4, right: 16, top: isPhone ? 64 : 36, bottom: 4 },
    xAxis: valueAxis,
    yAxis: categoryAxis(rows.map((r) => r.plan.title), isPhone),
    series: PARTS.map((p) => ({
      type: 'bar', name: p.name, stack: 'status', barMaxWidth: 28, itemStyle: { color: p.color }, cursor: 'pointer',
      emphasis: { focus: 'series' }, data: rows.map((r) => p.count(r.counts)),
    })),
  }), [rows, isPhone]);
  return (
    <Chart
      option={option}
      height={(isPhone ? 84 : 56) + 44 * rows.length}
      label="Biểu đồ tiến độ theo kế hoạch: số kỳ nhiệm vụ hoàn thành đúng hạn, hoàn thành quá hạn, đang thực hiện trong hạn và quá hạn của từng kế hoạch"
      onClick={(e) => { if (e.componentType === 'series') navigate(`/ke-hoach/${rows[e.dataIndex].plan.id}`); }}
      summary={(
        <ul>
          {rows.map((r) => (
            <li key={r.plan.id}>{r.plan.title}: {PARTS.map((p) => `${formatNumber(p.count(r.counts))} ${p.name.toLowerCase()}`).join(', ')}.</li>
          ))}
        </ul>
      )}
    />
  );
}

/** Units with the most overdue occurrences, worst on top; a bar opens the unit's overdue tasks. */
export function OverdueUnitsChart({ rows }: { rows: Dashboard['overdueByUnit'] }) {
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const option = useMemo<EChartsCoreOption>(() => ({
    tooltip: {
      ...tooltip,
      formatter: (params: unknown) => {
        const row = rows[(params as Marker[])[0]?.dataIndex ?? 0];
        return `<b>${escape(row.unit.name)}</b><br/>${formatNumber(row.overdue)} kỳ quá hạn / ${formatNumber(row.total)} kỳ được giao`;
      },
    },
    grid: { left: 4, right: 36, top: 8, bottom: 4 },
    xAxis: valueAxis,
    yAxis: categoryAxis(rows.map((r) => r.unit.shortName || r.unit.name), isPhone),
    series: [{
      type: 'bar', name: 'Quá hạn', barMaxWidth: 20, itemStyle: { color: STATUS_HEX.overdue }, cursor: 'pointer', data: rows.map((r) => r.overdue),
      label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value) },
    }],
  }), [rows, isPhone]);
  return (
    <Chart
      option={option}
      height={36 + 30 * rows.length}
      label="Biểu đồ số kỳ nhiệm vụ quá hạn theo đơn vị, đơn vị nhiều nhất ở trên cùng"
      onClick={(e) => { if (e.componentType === 'series') navigate(rows[e.dataIndex].link); }}
      summary={<ul>{rows.map((r) => <li key={r.unit.id}>{r.unit.name}: {formatNumber(r.overdue)} kỳ quá hạn</li>)}</ul>}
    />
  );
}
