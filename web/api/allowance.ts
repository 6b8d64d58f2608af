// Shapes of the support-allowance API (Resolution 07/2026/NQ-HĐND) as the pages use them, and the small
// helpers every allowance page shares: months, money, links, and whether the user holds a duty on a unit.
// Dates are 'yyyy-mm-dd', months 'yyyy-mm', money whole đồng (negative only for a recovery line).
import type { Category, PartialMonthRule, Rating, Reason } from '../../core/allowance/types.ts';
import type { ListStatus } from '../../core/allowance/workflow.ts';
import { todayInVietnam } from '../../core/schedule/dates.ts';
import { formatViNumber } from '../../core/text/vietnamese.ts';

export interface PolicyRow {
  id: string; version: number; effectiveFrom: string; effectiveTo: string | null;
  rateFullTime: number; ratePartTime: number; minRating: Rating; partialMonth: PartialMonthRule;
  isExample: boolean; legalBasis: string; note: string; createdAt: string;
}

/** The policy as a list carries it (the engine's shape). */
export interface ListPolicy {
  id: string; version: number; effectiveFrom: string; effectiveTo: string | null;
  rates: Record<Category, number>; minRating: Rating; partialMonth: PartialMonthRule; isExample: boolean; legalBasis: string;
}

/** One paying unit's row of the month overview. */
export interface MonthItem {
  unitId: string; unitName: string; kind: string; listId: string | null; status: ListStatus | null; statusLabel: string;
  people: number; total: number;
}

export interface ListLine {
  id: string; personId: string; kind: 'regular' | 'adjustment'; forMonth: string;
  personName: string; personTitle: string; unitName: string; decisionNo: string;
  category: Category | null; categoryLabel: string; rating: Rating | null; ratingLabel: string;
  rate: number; daysCovered: number; daysInMonth: number; amount: number;
  engineEligible: boolean; reasons: Reason[]; included: boolean; manualReason: string; note: string;
}

export interface ListEvent { id: string; action: string; comment: string; actorName: string; createdAt: string }

export interface ListCan { edit: boolean; propose: boolean; return: boolean; approve: boolean; pay: boolean }

export interface AllowanceList {
  id: string; unitId: string; unitName: string; month: string; status: ListStatus; statusLabel: string; version: number;
  proposedAt: string | null; approvedByName: string; approvedAt: string | null; decisionNo: string; reviewComment: string;
  payPeriod: string; paidOn: string | null; paidAmount: number | null;
  policy: ListPolicy | null;
  totals: { people: number; regular: number; adjustments: number; total: number };
  lines: ListLine[];
  events: ListEvent[];
  can: ListCan;
}

/** GET /api/allowance/units/:unitId/lists/:month: the list, or none yet and whether the user may draft it. */
export type UnitMonth = { list: AllowanceList } | { list: null; unitName: string; canGenerate: boolean };

export interface AssignmentRow {
  id: string; unitId: string; personId: string; personName: string; personTitle: string | null;
  decisionNo: string; decisionDate: string; signer: string; task: string; output: string;
  category: Category; categoryLabel: string; jobPosition: string; startOn: string; endOn: string | null;
  stoppedOn: string | null; stopReason: string;
}

export interface RatingItem {
  personId: string; fullName: string; title: string | null; rating: Rating | null; ratingLabel: string; note: string; enteredByName: string;
}

export interface BenefitRow {
  id: string; personId: string; personName: string; name: string; basis: string; startOn: string; endOn: string | null; sameWork: boolean;
}

// —— Months: 'yyyy-mm' in the address and the API, "10/2026" on screen. ——

/** The month under way in Vietnam, whatever the browser's time zone. */
export const currentMonth = () => todayInVietnam().slice(0, 7);
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
export const isMonth = (s: string | null | undefined): s is string => !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** 9725806 → "9.725.806 đ"; a recovery keeps its minus sign. */
export const formatMoney = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${formatViNumber(n)} đ`);

// —— Addresses of the pages. ——
export const overviewLink = (month?: string) => (month && month !== currentMonth() ? `/ho-tro?thang=${month}` : '/ho-tro');
export const listLink = (unitId: string, month: string) => `/ho-tro/${unitId}/${month}`;
export const recordsLink = (unitId: string, tab?: string) => `/ho-tro/ho-so/${unitId}${tab ? `?tab=${tab}` : ''}`;
export const POLICY_PATH = '/ho-tro/chinh-sach';

/**
 * Whether the user holds a duty on exactly this paying unit. Like the server (core/allowance/workflow.ts
 * hasDuty), a grant on the Sở does not give a hospital's duties: only buttons the server will accept are shown.
 */

/** The policy version in force on a month's first day (core/allowance/engine.ts policyFor, on the API's rows). */
export function policyOfMonth(policies: PolicyRow[], month: string): PolicyRow | null {
  const first = `${month}-01`;
  return policies.filter((p) => p.effectiveFrom <= first && (!p.effectiveTo || p.effectiveTo >= first))
    .sort((a, b) => b.version - a.version)[0] ?? null;
}
