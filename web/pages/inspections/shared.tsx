// What the inspection pages share: the API's shapes, the coverage bar with its target marked, the action state
// tag, and turning the server's nested field errors ('action.dueOn') into the flat names of the forms.
import { Progress, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { ActionStatus, InspectionStatus } from '../../../core/inspections/rules.ts';
import { formatViDate } from '../../../core/schedule/dates.ts';
import { formatViNumber } from '../../../core/text/vietnamese.ts';
import { ApiError } from '../../api/client.ts';

export interface Coverage {
  population: number; planned: number; concluded: number; targetPct: number; plannedPct: number; concludedPct: number;
  required: number; needed: number; meets: boolean; plannedMeets: boolean;
}
export interface PlanSummary {
  id: string; year: number; subject: string; ownerUnit: { id: string; name: string }; coverage: Coverage; openActions: number; overdueActions: number;
}
export interface PlanUnit {
  unit: { id: string; name: string }; planned: boolean;
  inspections: { id: string; status: InspectionStatus; statusLabel: string; startOn: string; endOn: string; conclusionNo: string }[];
}
export interface PlanView extends PlanSummary { basis: string; units: PlanUnit[]; can: { manage: boolean } }

export type ActionState = ActionStatus | 'overdue';
export interface CorrectiveAction {
  id: string; responsibleUnitId: string; responsibleUnitName: string; description: string; dueOn: string; status: ActionStatus;
  state: ActionState; stateLabel: string; reportNote: string; reportedAt: string | null; reportedByName: string;
  closeNote: string; closedAt: string | null; closedByName: string;
  /** Evidence of the correction, attached when it was reported. */
  files: { fileId: string; name: string }[];
  allowance: { assignmentId: string; personName: string; decisionNo: string; unitId: string; stoppedOn: string | null; stopReason: string | null } | null;
  can: { report: boolean; close: boolean };
}
export interface Finding { id: string; text: string; createdAt: string; actions: CorrectiveAction[] }
export interface InspectionView {
  id: string; planId: string; unitId: string; unitName: string; team: string; startOn: string; endOn: string; scope: string;
  status: InspectionStatus; statusLabel: string; conclusionNo: string; conclusionDate: string | null; conclusion: string;
  conclusionFile: { id: string; name: string } | null; plan: { id: string; subject: string; year: number };
  findings: Finding[]; can: { manage: boolean; conclude: boolean };
}

export const INSPECTIONS_PATH = '/kiem-tra';
export const planLink = (id: string) => `${INSPECTIONS_PATH}/${id}`;
export const inspectionLink = (id: string) => `${INSPECTIONS_PATH}/cuoc/${id}`;

/** 37.5 → "37,5%", 50 → "50%". */
export const pct = (n: number) => `${formatViNumber(n, Number.isInteger(n) ? 0 : 1)}%`;
/** 'yyyy-mm-dd' (or an ISO timestamp) → 'dd/mm/yyyy'. */
export const isoDate = (v: string | null | undefined) => (v ? formatViDate(v.slice(0, 10)) : '—');

/** "3/8 đơn vị đã có kết luận — 37,5% / chỉ tiêu tối thiểu 30%", the bar with the target marked on it. */
export function CoverageBar({ c, id }: { c: Coverage; id?: string }) {
  return (
    <div id={id} className="kh-ins-coverage">
      <div className="kh-ins-bar">
        <Progress
          percent={c.concludedPct} showInfo={false} status={c.meets ? 'success' : 'normal'}
          strokeColor={c.meets ? '#52c41a' : '#1677ff'} aria-label={`Tỷ lệ đơn vị đã có kết luận ${pct(c.concludedPct)}`}
        />
        <span className="kh-ins-target" style={{ left: `${c.targetPct}%` }} title={`Chỉ tiêu tối thiểu ${c.targetPct}%`} aria-hidden />
      </div>
      <div className="kh-ins-coverage-text">
        <b>{c.concluded}/{c.population}</b> đơn vị đã có kết luận — <b>{pct(c.concludedPct)}</b> / chỉ tiêu tối thiểu {pct(c.targetPct)}
        {c.meets
          ? <Tag color="success" icon={<CheckCircleOutlined />} style={{ marginInlineStart: 8 }}>Đạt chỉ tiêu</Tag>
          : <Typography.Text type="warning" strong style={{ marginInlineStart: 8 }}>cần thêm {c.needed} đơn vị</Typography.Text>}
      </div>
      <div className="kh-muted">Đã đưa vào kế hoạch {c.planned}/{c.population} đơn vị ({pct(c.plannedPct)})</div>
    </div>
  );
}

const LOOK: Record<ActionState, [string, ReactNode]> = {
  open: ['processing', <SyncOutlined key="i" />],
  overdue: ['error', <ExclamationCircleOutlined key="i" />],
  reported: ['warning', <ClockCircleOutlined key="i" />],
  closed: ['success', <CheckCircleOutlined key="i" />],
};
export function ActionStateTag({ a }: { a: Pick<CorrectiveAction, 'state' | 'stateLabel'> }) {
  const [color, icon] = LOOK[a.state];
  return <Tag color={color} icon={icon} style={{ marginInlineEnd: 0 }}>{a.stateLabel}</Tag>;
}

export function InspectionStatusTag({ status, label }: { status: InspectionStatus; label: string }) {
  return <Tag color={status === 'concluded' ? 'success' : 'default'} icon={status === 'concluded' ? <CheckCircleOutlined /> : <ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>{label}</Tag>;
}

/** Rethrows an API error with 'action.dueOn' as 'dueOn', so FormModal puts it on the flat field. */
export function flattenDetails(err: unknown): never {
  if (err instanceof ApiError && err.details) {
    const details = Object.fromEntries(Object.entries(err.details).map(([k, v]) => [k.replace(/^action\./, ''), v]));
    throw new ApiError(err.status, err.code, err.message, details);
  }
  throw err;
}
