// How targets read on screen: the red/amber/green tag (colour, icon and words), "≥ 90%", Vietnamese digits in and out.
import { formatNumber } from '../../components/format.ts';
import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { formatIndicatorValue, type Comparator, type IndicatorUnit, type Rag } from '../../../core/indicators/rollup.ts';

export const RAG_LABELS: Record<Rag, string> = { green: 'Đạt', amber: 'Gần đạt', red: 'Chưa đạt', none: 'Chưa có số liệu' };
const RAG_COLORS: Record<Rag, string> = { green: 'success', amber: 'warning', red: 'error', none: 'default' };
export const RAG_ICONS: Record<Rag, ReactNode> = {
  green: <CheckCircleOutlined />, amber: <ExclamationCircleOutlined />, red: <CloseCircleOutlined />, none: <MinusCircleOutlined />,
};

/** Never colour alone: the tag also carries an icon and the words. */
export function RagTag({ rag }: { rag: Rag }) {
  return <Tag color={RAG_COLORS[rag]} icon={RAG_ICONS[rag]} style={{ marginInlineEnd: 0 }}>{RAG_LABELS[rag]}</Tag>;
}

export const COMPARATOR_SIGNS: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '=': '=' };
export const PERIOD_TYPE_OPTIONS = [
  { value: 'month', label: 'Hằng tháng' }, { value: 'quarter', label: 'Hằng quý' }, { value: 'half', label: '6 tháng' }, { value: 'year', label: 'Hằng năm' },
];
export const periodTypeLabel = (t: string) => PERIOD_TYPE_OPTIONS.find((o) => o.value === t)?.label ?? t;

/** "≥ 90%", "≤ 5 ngày". */
export const targetText = (i: { comparator: Comparator; unit: IndicatorUnit; target: number }) => `${COMPARATOR_SIGNS[i.comparator]} ${formatIndicatorValue(i.unit, i.target)}`;


/** The change from the previous period: percentage points for a percentage ("+6,3 điểm %"). */
export function changeText(unit: IndicatorUnit, change: number | null): string {
  if (change === null) return '—';
  const sign = change > 0 ? '+' : '';
  return unit === '%' ? `${sign}${formatNumber(change, 1)} điểm %` : `${sign}${formatIndicatorValue(unit, change)}`;
}

/** "91/102" of a ratio, or nothing when the parts are unknown. */
export const partsText = (n: number | null, d: number | null) => (n === null || d === null ? '' : `${formatNumber(n, 6)}/${formatNumber(d, 6)}`);

/** InputNumber props for Vietnamese digits: "1.234,5" is shown and read as 1234.5; while typing the text stays as typed. */
export const viNumberInput = {
  formatter: (v: string | number | undefined, info: { userTyping: boolean; input: string }) =>
    (info.userTyping ? info.input : v === undefined || v === '' ? '' : formatNumber(Number(v), 6)),
  parser: (s: string | undefined) => (s ?? '').replace(/[^\d.,-]/g, '').replace(/\./g, '').replace(',', '.'),
  inputMode: 'decimal',
} as const;
