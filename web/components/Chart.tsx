// An ECharts chart sized to its box, with its data also given as text for screen readers.
// Callers register the chart types and components they draw (`use([BarChart, GridComponent])`), so a
// page carries only those; this wrapper registers the SVG renderer it draws with.
import { useEffect, useId, useRef, type CSSProperties, type ReactNode } from 'react';
import { init, use, type ECElementEvent, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// SVG: crisp on phones' dense screens, and few elements for a dashboard's bar charts.
use([SVGRenderer]);

/** antd's font stack, so the charts' text matches the page around them. */
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

const visuallyHidden: CSSProperties = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0, 0, 0, 0)', whiteSpace: 'nowrap', border: 0,
};

export interface ChartProps {
  /** Memoise it: a new object redraws the chart. */
  option: EChartsCoreOption;
  /** What the chart shows, read out in place of the drawing. */
  label: string;
  /** The chart's figures as text (a list or a table), hidden from view. */
  summary: ReactNode;
  height: number;
  onClick?: (event: ECElementEvent) => void;
}

export default function Chart({ option, label, summary, height, onClick }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  const summaryId = useId();

  useEffect(() => { click.current = onClick; });

  useEffect(() => {
    const instance = init(box.current!, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (e) => click.current?.(e as ECElementEvent));
    // The box changes width with the window, the side menu and the phone's rotation.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, ...option }, { notMerge: true });
  }, [option]);

  return (
    <figure style={{ margin: 0, position: 'relative' }}>
      <div ref={box} role="img" aria-label={label} aria-describedby={summaryId} style={{ width: '100%', height }} />
      <figcaption id={summaryId} style={visuallyHidden}>{summary}</figcaption>
    </figure>
  );
}
