// Shapes of GET /api/dashboard as the page uses them, and numbers as Vietnamese documents write them.
import type { Overview, UnitRef } from '../../api/plans.ts';

export interface OffTargetIndicator {
  id: string; code: string; text: string; subject: string; plan: { id: string; title: string };
  periodKey: string; periodLabel: string; value: number | null; valueText: string;
  target: number; targetText: string; rag: 'red' | 'amber'; reported: number; expected: number; link: string;
}

export interface ReportDue {
  schedule: { id: string; title: string; owner: UnitRef };
  period: { key: string; label: string; dueOn: string; locked: boolean };
  completeness: {
    expected: number; submitted: number; onTime: number; approved: number;
    submittedRate: number | null; onTimeRate: number | null; approvedRate: number | null;
  };
  missingCount: number;
  /** The first few units not yet in, named; `missingCount` counts them all. */
  missing: (UnitRef & { link: string })[];
  link: string;
}

export interface Dashboard extends Overview {
  /** Everything in the Sở, or only the units of the user's grants. */
  scope: { all: boolean; units: UnitRef[] };
  overdueByUnit: { unit: UnitRef; overdue: number; total: number; link: string }[];
  indicators: OffTargetIndicator[];
  reports: ReportDue[];
  inspections: InspectionSummary;
}

export interface InspectionSummary {
  year: number;
  plans: {
    id: string; subject: string; link: string; openActions: number; overdueActions: number;
    coverage: { population: number; concluded: number; concludedPct: number; targetPct: number; needed: number; meets: boolean };
  }[];
  openByUnit: { unit: { id: string; name: string; shortName: string }; open: number; overdue: number }[];
}

export const share = (part: number, total: number) => (total ? (part / total) * 100 : null);

/** The colours of the overview's counts, shared by the cards and the charts so one status keeps one colour. */
export const STATUS_HEX = { open: '#1677ff', overdue: '#cf1322', doneOnTime: '#389e0d', doneLate: '#d48806', dueSoon: '#531dab' } as const;
