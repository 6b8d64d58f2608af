// Shapes of the plan-import API as the review pages use them, and the Vietnamese labels they show.
import type { Draft, DraftTask, FindingCode } from '../../../core/import/types.ts';

export type { Draft, DraftTask };
export type UnitKind = 'unit' | 'group' | 'external' | 'new';
export interface UnitChoice { kind: UnitKind | 'ignore'; unitIds?: string[] }
export interface UnitMatchView { name: string; kind: UnitKind; unitIds: string[]; confidence: number; choice: UnitChoice | null }

export interface ImportView {
  id: string; status: string; fileId: string; fileName: string; planId: string | null; ownerUnitId: string | null;
  sourceText: string; draft: Draft; unitMap: Record<string, UnitChoice>; units: UnitMatchView[]; createdAt: string;
}
export interface ImportListItem { id: string; fileName: string; status: string; planId: string | null; title: string; tasks: number; findings: number; createdAt: string }

/** A task row while being edited: the draft task plus a key that survives splitting, merging and deleting. */
export type TaskRow = DraftTask & { key: string };

let seq = 0;
export const newKey = () => `r${++seq}`;
export const withKeys = (tasks: DraftTask[]): TaskRow[] => tasks.map((t) => ({ ...t, key: newKey() }));
export const withoutKeys = (rows: TaskRow[]): DraftTask[] => rows.map(({ key: _key, ...t }) => t);

export const FINDING_LABELS: Record<FindingCode, string> = {
  conflicting_report_due: 'Hạn báo cáo không thống nhất', conflicting_target: 'Chỉ tiêu không thống nhất',
  swapped_columns: 'Cột bị đảo', missing_lead: 'Thiếu đơn vị chủ trì', numbering: 'Số thứ tự không liền mạch',
  deadline_outside_period: 'Thời hạn ngoài thời gian kế hoạch', inconsistent_reference: 'Trích dẫn không khớp',
};

/** Names as the person types them: "Văn phòng Sở; Phòng Kế hoạch – Tài chính". */
export const splitNames = (text: string) => text.split(/\s*;\s*|\n/).map((s) => s.trim()).filter(Boolean);
export const joinNames = (names: string[]) => names.join('; ');
