// What the reward and budget pages share: the API's shapes, the status tag, a period written out in words,
// money typed and read with Vietnamese thousands, and the paying units on which the user holds a duty.
// Dates from the API are 'yyyy-mm-dd' (or ISO timestamps), money whole đồng.
import { InputNumber, Tag, type InputNumberProps } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { DUTY_ROLE, type Duty } from '../../../core/allowance/workflow.ts';
import type { Criterion, Subject } from '../../../core/rewards/register.ts';
import { formatViDate } from '../../../core/schedule/dates.ts';
import { formatViNumber } from '../../../core/text/vietnamese.ts';
import type { Me } from '../../api/client.ts';

export type RewardStatus = 'proposed' | 'returned' | 'approved' | 'rejected';

export interface RewardItem {
  id: string; unitName: string; subjectLabel: string; title: string; period: string; status: RewardStatus;
  proposedAmount: number; decidedAmount: number | null; decisionNo: string; proposedAt: string;
}

export interface EvidenceFile { fileId: string; name: string }
export interface Duplicate { id: string; kind: 'reward' | 'commendation'; status: string; text: string; period: string }

export interface RewardView {
  id: string; unitId: string; unitName: string; status: RewardStatus; criteria: Criterion[];
  proposedAmount: number; decidedAmount: number | null; decisionNo: string; decisionDate: string | null;
  reviewComment: string; proposedAt: string; createdAt: string; updatedAt: string;
  achievement: {
    id: string; subject: Subject; subjectLabel: string; personId: string | null; personName: string; collectiveName: string;
    taskId: string | null; taskText: string; title: string; output: string; period: string; createdAt: string;
  };
  evidence: EvidenceFile[];
  duplicates: Duplicate[];
  can: { review: boolean; resubmit: boolean };
}

export const STATUS_LABELS: Record<RewardStatus, string> = {
  proposed: 'Chờ thẩm định', returned: 'Bị trả lại', approved: 'Đã quyết định thưởng', rejected: 'Không xét thưởng',
};
const STATUS_LOOK: Record<RewardStatus, [string, ReactNode]> = {
  proposed: ['processing', <SyncOutlined key="i" />],
  returned: ['warning', <ExclamationCircleOutlined key="i" />],
  approved: ['success', <CheckCircleOutlined key="i" />],
  rejected: ['error', <CloseCircleOutlined key="i" />],
};

/** Never colour alone: the tag carries an icon and the words too. */
export function RewardStatusTag({ status }: { status: RewardStatus }) {
  const [color, icon] = STATUS_LOOK[status];
  return <Tag color={color} icon={icon} style={{ marginInlineEnd: 0 }}>{STATUS_LABELS[status]}</Tag>;
}

export const REWARDS_PATH = '/ho-tro/thuong';
export const rewardLink = (id: string) => `${REWARDS_PATH}/${id}`;
export const budgetLink = (unitId: string, year?: number) => `/ho-tro/du-toan/${unitId}${year ? `?nam=${year}` : ''}`;

/** "2026-H2" → "6 tháng cuối năm 2026": the code is what the register compares, the words what people read. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(period);
  if (!m) return period;
  const [, y, part] = m;
  if (!part) return `Năm ${y}`;
  if (part === 'H1') return `6 tháng đầu năm ${y}`;
  if (part === 'H2') return `6 tháng cuối năm ${y}`;
  if (part.startsWith('Q')) return `Quý ${['I', 'II', 'III', 'IV'][Number(part[1]) - 1]}/${y}`;
  return `Tháng ${part}/${y}`;
}

/** The periods offered in the form, this year's and last year's; the code stays visible for those who type it. */
export function periodOptions(year: number) {
  return [year, year - 1].map((y) => ({
    label: `Năm ${y}`,
    options: [`${y}`, `${y}-H1`, `${y}-H2`, ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`)]
      .map((p) => ({ value: p, label: `${periodLabel(p)} (${p})` })),
  }));
}

/** 20000000 → "20.000.000 đ"; null → "—". */
export const formatMoney = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${formatViNumber(n)} đ`);
/** 'yyyy-mm-dd' → 'dd/mm/yyyy'. */
export const formatIsoDate = (iso: string | null | undefined) => (iso ? formatViDate(iso.slice(0, 10)) : '—');

/** Money on screen: never wrapped, a negative amount in red. */
export function Money({ value, strong }: { value: number | null | undefined; strong?: boolean }) {
  return (
    <span style={{ whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined, color: (value ?? 0) < 0 ? '#cf1322' : undefined }}>{formatMoney(value)}</span>
  );
}

/** Whole đồng typed as "20.000.000" (dots regrouped when the field is left), a numeric keypad on phones. */
export function MoneyInput({ allowNegative, ...props }: Omit<InputNumberProps<number>, 'formatter' | 'parser'> & { allowNegative?: boolean }) {
  return (
    <InputNumber<number>
      controls={false} inputMode={allowNegative ? 'text' : 'numeric'} suffix="đ" style={{ width: '100%', maxWidth: 260 }} precision={0} {...props}
      formatter={(v, info) => (info.userTyping ? info.input : v === undefined || v === null || String(v) === '' ? '' : formatViNumber(Number(v)))}
      parser={(s) => {
        const digits = (s ?? '').replace(allowNegative ? /[^\d-]/g : /\D/g, '');
        return (digits === '' || digits === '-' ? '' : Number(digits)) as unknown as number;
      }}
    />
  );
}

/**
 * The paying units on which the user holds a duty, from the session's grants. As on the server
 * (core/allowance/workflow.ts hasDuty), a grant on the Sở gives no duty on a hospital: only what will be accepted.
 */
export function dutyUnits(me: Me, duty: Duty): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const g of me.grants) if (g.role === DUTY_ROLE[duty] && !seen.has(g.unitId)) seen.set(g.unitId, g.unitName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

