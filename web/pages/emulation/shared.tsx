// What the emulation and commendation pages share (thi đua – khen thưởng, seed 001): the API's shapes, the links
// between the pages, the nomination's status tag (icon and words, never colour alone) and the labels of its history.
// Dates from the API are 'yyyy-mm-dd' (or ISO timestamps); they are shown dd/mm/yyyy.
import { Tag } from 'antd';
import {
  CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, EditOutlined, ExclamationCircleOutlined, LikeOutlined, SendOutlined, TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AwardForm, DocKind, FormCode, Nominee } from '../../../core/emulation/forms.ts';
import type { MeasureKind } from '../../../core/emulation/scoring.ts';
import { NOMINATION_STATUS_LABELS, type NominationStatus, type Phase, type RoundKind } from '../../../core/emulation/workflow.ts';
import { formatViDate, todayInVietnam } from '../../../core/schedule/dates.ts';

export type { NominationStatus };

export const EMULATION_PATH = '/thi-dua';
export const movementLink = (id: string, year?: number) => `${EMULATION_PATH}/${id}${year ? `?year=${year}` : ''}`;
export const nominationLink = (id: string) => `${EMULATION_PATH}/ho-so/${id}`;
export const decisionLink = (id: string) => `${EMULATION_PATH}/quyet-dinh/${id}`;
export const blockLink = (id: string, year?: number) => `${EMULATION_PATH}/khoi/${id}${year ? `?year=${year}` : ''}`;
export const HISTORY_PATH = `${EMULATION_PATH}/lich-su`;

/** This year in Vietnam, whatever the browser's time zone. */
export const thisYear = () => Number(todayInVietnam().slice(0, 4));
/** 'yyyy-mm-dd' (or an ISO timestamp) → 'dd/mm/yyyy'. */
export const viDate = (v: string | null | undefined) => (v ? formatViDate(v.slice(0, 10)) : '—');

export interface MovementSummary {
  id: string; number: string; name: string; startYear: number; endYear: number;
  nominations: Record<NominationStatus, number>;
}

export interface Criterion { id: string; subject: Nominee; sortOrder: number; text: string; weight: number; measure: MeasureKind; measureLabel: string }
export interface Registration { id: string; unitId: string; unitName: string; pledge: string; registeredAt: string }

export interface MovementView {
  id: string; number: string; name: string; startYear: number; endYear: number; phases: Phase[]; forms: AwardForm[];
  ownerUnitId: string; ownerUnitName: string; councilMembers: number; passPct: number | null; planId: string | null;
  criteria: Criterion[]; blocks: { id: string; name: string }[]; year: number; registrations: Registration[];
  myUnits: { id: string; name: string; registered: boolean }[];
  can: { manage: boolean; nominate: boolean; decide: boolean };
}

export interface NominationItem {
  id: string; year: number; roundLabel: string; unitName: string; subjectLabel: string; nominee: string; title: string;
  form: FormCode; formName: string; status: NominationStatus; statusLabel: string; decisionNo: string; decisionDate: string | null; votes: string;
}

export interface Duplicate { id: string; kind: 'reward' | 'commendation'; status: string; text: string; period: string; ref?: string }

export interface NominationEvent { id: string; action: string; comment: string; actorName: string; createdAt: string }

export interface NominationView {
  id: string; movementId: string; roundKind: RoundKind; roundLabel: string; year: number; unitId: string; unitName: string; nomineeUnitId: string | null;
  form: AwardForm; status: NominationStatus; statusLabel: string; returnComment: string;
  duplicatesSeen: { id: string; kind: string; text: string }[];
  councilMembers: number | null; participants: number | null; votesFor: number | null; votesAgainst: number | null; councilDate: string | null; councilResult: string;
  decisionId: string | null; decisionNo: string; decisionDate: string | null; decisionSigner: string;
  submittedAt: string | null; forwardedAt: string | null; createdAt: string; updatedAt: string;
  movement: { id: string; name: string; councilMembers: number; passPct: number | null };
  nominee: string; nomineeName: string;
  achievement: { id: string; subject: Nominee; subjectLabel: string; taskText: string; title: string; output: string; period: string; collectiveName: string; personId: string | null };
  documents: { kind: DocKind; label: string; required: boolean; files: { id: string; name: string }[] }[];
  missing: string[];
  duplicates: { blocking: Duplicate[]; toSee: Duplicate[] };
  events: NominationEvent[];
  can: { edit: boolean; submit: boolean; check: boolean; return: boolean; vote: boolean; forward: boolean; record: boolean; decide: boolean };
}

export interface DecisionItem {
  id: string; movementId: string; roundKind: RoundKind; roundLabel: string; year: number; number: string; decisionDate: string;
  signerName: string; signerTitle: string; awardees: number;
}

export interface Awardee {
  nominationId: string; form: string; subject: Nominee; name: string; title: string; unitName: string; proposingUnit: string; achievement: string;
}
export interface DecisionView extends Omit<DecisionItem, 'awardees'> {
  movement: { id: string; name: string; number: string };
  awardees: Awardee[];
}

const STATUS_LOOK: Record<NominationStatus, [string, ReactNode]> = {
  draft: ['default', <EditOutlined key="i" />],
  submitted: ['processing', <ClockCircleOutlined key="i" />],
  returned: ['warning', <ExclamationCircleOutlined key="i" />],
  checked: ['geekblue', <ClockCircleOutlined key="i" />],
  passed: ['cyan', <LikeOutlined key="i" />],
  failed: ['error', <CloseCircleOutlined key="i" />],
  forwarded: ['purple', <SendOutlined key="i" />],
  decided: ['success', <TrophyOutlined key="i" />],
};

/** A nomination's status: colour, icon and the words of core/emulation/workflow.ts. */
export function NominationStatusTag({ status }: { status: NominationStatus }) {
  const [color, icon] = STATUS_LOOK[status] ?? ['default', <CheckCircleOutlined key="i" />];
  return <Tag color={color} icon={icon} style={{ marginInlineEnd: 0 }}>{NOMINATION_STATUS_LABELS[status] ?? status}</Tag>;
}

/** The history of a nomination, in the words of the Sở. */
export const EVENT_LABELS: Record<string, { label: string; color: string }> = {
  create: { label: 'Lập hồ sơ', color: 'gray' },
  submit: { label: 'Gửi Phòng TCCB', color: 'blue' },
  resubmit: { label: 'Gửi lại', color: 'blue' },
  return: { label: 'Trả lại', color: 'red' },
  files: { label: 'Bổ sung tài liệu', color: 'gray' },
  check: { label: 'Hồ sơ đủ, trình Hội đồng', color: 'blue' },
  pass: { label: 'Hội đồng đề nghị', color: 'green' },
  fail: { label: 'Hội đồng không đề nghị', color: 'red' },
  forward: { label: 'Trình cấp trên', color: 'purple' },
  decide: { label: 'Quyết định khen thưởng', color: 'green' },
};

/** "Khen thưởng năm 2026", "Khen thưởng sơ kết năm 2027": the round and its year in one phrase. */
export const roundText = (kind: RoundKind, label: string, year: number) => (kind === 'annual' ? `Khen thưởng năm ${year}` : `${label} năm ${year}`);

/** "Cá nhân" / "Tập thể" as the forms offer it. */
export const SUBJECT_OPTIONS: { value: Nominee; label: string }[] = [{ value: 'individual', label: 'Cá nhân' }, { value: 'collective', label: 'Tập thể' }];

/** The council's rule in one sentence, the movement's stricter share when it has one. */
export const voteRule = (passPct: number | null) => (passPct
  ? `Cần ít nhất 2/3 thành viên tham gia; đạt khi từ ${passPct}% tổng số thành viên trở lên đồng ý`
  : 'Cần ít nhất 2/3 thành viên tham gia; đạt khi quá nửa tổng số thành viên đồng ý');
