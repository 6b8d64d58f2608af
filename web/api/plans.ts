// Shapes of the plans API as the pages use them.
import type { ReportFrequency } from '../../core/import/types.ts';
import type { Schedule } from '../../core/schedule/types.ts';

export interface UnitRef { id: string; name: string; shortName: string }
export interface Counts { total: number; notDue: number; inProgress: number; overdue: number; doneOnTime: number; doneLate: number; dueSoon: number }

export interface Plan {
  id: string; number: string; issuer: string; issuerParent: string; place: string; issuedOn: string | null; title: string;
  signer: string; signerTitle: string; legalBases: string[]; parentPlanId: string | null; parentReference: string;
  replacesPlanId: string | null; replacesReference: string; periodStart: string; periodEnd: string;
  status: 'draft' | 'active' | 'closed' | 'replaced'; statusLabel: string; checkinCadence: string; eventDays: number;
  owner: UnitRef | null; can: { manage: boolean };
}
export interface PlanListItem extends Plan { taskCount: number; counts: Counts; onTimeRate: number | null; overallStatus: string | null }

export interface Task {
  id: string; planId: string; sectionId: string | null; number: string; sortOrder: number; content: string; product: string; note: string;
  leadText: string; coordinatorText: string; leads: UnitRef[]; coordinators: UnitRef[]; deadlineText: string;
  schedule: Schedule; scheduleReviewed: boolean; needsReview: boolean; parentTaskId: string | null;
  counts: Counts; status: string | null; children: { count: number; counts: Counts }; can: { manage: boolean };
}
export interface PlanRef { id: string; number: string; title: string; status: string; owner: UnitRef | null }
export interface Section { id: string; code: string; title: string; sortOrder: number }
export interface PlanDetail extends Plan {
  counts: Counts; sections: Section[]; tasks: Task[]; parentPlan: PlanRef | null; replacesPlan: PlanRef | null;
  replacedBy: PlanRef[]; childPlans: (PlanRef & { counts: Counts })[];
  targets: PlanTarget[]; reportingDuties: ReportingDuty[]; sourceFile: { id: string; name: string } | null;
}

/** A quantitative target read from the plan's text ("Tối thiểu 40% …"). */
export interface PlanTarget { id?: string; line?: number; text: string; value: number; unit: string; comparator: string; subject: string }
/** A reporting duty read from the plan's text: how often, due on which days ("MM-DD"). */
export interface ReportingDuty { id?: string; line?: number; text: string; frequency: ReportFrequency; due: string[]; who: string | null }

export interface Occurrence {
  id: string; periodKey: string; label: string; periodStart: string; periodEnd: string; dueOn: string | null;
  percent: number; state: 'open' | 'done'; completedOn: string | null; lastUpdateAt: string | null;
  status: OccurrenceStatusName; statusLabel: string;
  task: { id: string; number: string; content: string; product: string; deadlineText: string; scheduleKind: string };
  plan: { id: string; title: string; number: string };
  unit: UnitRef | null;
  can: { record: boolean };
}
/** One page of a tab of a unit's task page, with every tab's count. */
export interface UnitTasksPage { items: Occurrence[]; next: string | null; counts: Record<string, number> }
export type OccurrenceStatusName = 'not_due' | 'in_progress' | 'done_on_time' | 'done_late' | 'overdue';
export interface Evidence { id: string; fileId: string; name: string; size: number; mime: string; sha256: string }
export interface OccurrenceDetail extends Occurrence {
  updates: { id: string; authorName: string; state: string; percent: number; note: string; completedOn: string | null; createdAt: string; evidence: Evidence[] }[];
}
export interface TaskDetail extends Task {
  plan: { id: string; title: string; number: string; status: string };
  occurrences: Occurrence[];
  implementations: { taskId: string; number: string; content: string; plan: { id: string; title: string; status: string }; owner: UnitRef | null; counts: Counts }[];
}
export interface Overview {
  today: string; totals: Counts;
  byUnit: { unit: UnitRef & { kind: string }; counts: Counts; onTimeRate: number | null }[];
  byPlan: { plan: { id: string; title: string; number: string; owner: string }; counts: Counts; onTimeRate: number | null }[];
  overdue: Occurrence[]; dueSoon: Occurrence[];
}
export interface StoredFile { id: string; name: string; size: number; mime: string; sha256: string }
