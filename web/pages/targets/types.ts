// Shapes the targets API returns, as the pages use them (server/modules/targets/schemas.ts describes them).
import type { Comparator, IndicatorUnit, Measure, Rag } from '../../../core/indicators/rollup.ts';

export interface UnitRef { id: string; name: string; shortName: string }
export interface PeriodRef { key: string; label: string; start: string; end: string }

export interface Indicator {
  id: string; planId: string; planTargetId: string | null; code: string; text: string; subject: string;
  measure: Measure; unit: IndicatorUnit; comparator: Comparator; target: number; aggregation: 'sum' | 'average'; amberPct: number;
  periodType: 'month' | 'quarter' | 'half' | 'year'; numeratorLabel: string; denominatorLabel: string; sortOrder: number; units: UnitRef[];
}

export interface IndicatorListItem extends Indicator {
  latest: { period: PeriodRef; value: number | null; rag: Rag; reported: number; expected: number } | null;
  can: { manage: boolean; record: boolean };
}
export interface IndicatorList { items: IndicatorListItem[]; pendingTargets: number; can: { manage: boolean } }

export interface Total { value: number | null; numerator: number | null; denominator: number | null; reported: number; expected: number; rag: Rag }

export interface ValueEntry {
  id: string; periodKey: string; unitId: string; numerator: number | null; denominator: number | null; value: number | null; rag: Rag;
  note: string; enteredByName: string; updatedAt: string; evidence: { fileId: string; name: string; size: number; mime: string }[];
}

export interface IndicatorDetail {
  indicator: Indicator & { plan: { id: string; number: string; title: string; status: string } };
  periods: (PeriodRef & { value: number | null; rag: Rag; change: number | null; reported: number; expected: number })[];
  selected: null | {
    period: PeriodRef & { started: boolean };
    total: Total;
    missing: UnitRef[];
    units: { unit: UnitRef; entry: ValueEntry | null; can: { record: boolean } }[];
  };
  can: { manage: boolean; record: boolean };
}

export interface ScorecardCell { value: number | null; rag: Rag; vsAverage: 'above' | 'below' | 'average' | null; numerator: number | null; denominator: number | null }
export interface Scorecard {
  period: (PeriodRef & { type: string }) | null;
  periods: PeriodRef[];
  indicators: { id: string; code: string; subject: string; measure: Measure; unit: IndicatorUnit; comparator: Comparator; target: number; period: PeriodRef | null; average: number | null; total: Total }[];
  units: { unit: UnitRef; cells: Record<string, ScorecardCell | null> }[];
}
