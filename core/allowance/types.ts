// The words of the support allowance of Resolution 07/2026/NQ-HĐND (seed 000), shared by the eligibility
// engine, the monthly list workflow, the budget and the documents. Dates are 'yyyy-mm-dd', months 'yyyy-mm',
// money whole đồng (VND has no smaller coin in use).

/** Full-time (chuyên trách) or part-time (kiêm nhiệm) performance of the assigned task. */
export const CATEGORIES = ['full_time', 'part_time'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = { full_time: 'Chuyên trách', part_time: 'Kiêm nhiệm' };

/** The monthly rating (xếp loại hằng tháng), best first. */
export const RATINGS = ['excellent', 'good', 'done', 'not_done'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  done: 'Hoàn thành nhiệm vụ',
  not_done: 'Không hoàn thành nhiệm vụ',
};

/**
 * A month only partly covered (an assignment starting or ending mid-month, joining or leaving the unit):
 * paid for the whole month, by the days covered, or not at all. The policy chooses.
 */
export const PARTIAL_MONTH_RULES = ['whole_month', 'by_days', 'not_eligible'] as const;
export type PartialMonthRule = (typeof PARTIAL_MONTH_RULES)[number];
export const PARTIAL_MONTH_LABELS: Record<PartialMonthRule, string> = {
  whole_month: 'Hưởng cả tháng',
  by_days: 'Hưởng theo số ngày trong tháng',
  not_eligible: 'Không hưởng tháng đó',
};

/**
 * One version of the policy. kehoach does not know the city's amounts: they are configuration, and a version
 * whose amounts are only examples says so (`isExample`) wherever they are shown.
 */
export interface PolicyVersion {
  id: string;
  version: number;
  /** First day in force (the Resolution pays from 2026-07-01). */
  effectiveFrom: string;
  /** Last day in force, or null while it is the current one. */
  effectiveTo: string | null;
  /** Monthly amount per category, whole đồng. */
  rates: Record<Category, number>;
  /** The lowest monthly rating that still qualifies. */
  minRating: Rating;
  partialMonth: PartialMonthRule;
  isExample: boolean;
}

/** An assignment decision (quyết định phân công): who, which task, from when to when, full- or part-time. */
export interface Assignment {
  id: string;
  decisionNo: string;
  category: Category;
  startOn: string;
  /** The last day of the assignment as decided, or null when open-ended. */
  endOn: string | null;
  /** The assignment was stopped early (the person no longer qualifies): its last day. */
  stoppedOn: string | null;
}

/** The person's employment in the paying unit. */
export interface Employment {
  /** Joined the unit on, or null when before anything that matters. */
  joinedOn: string | null;
  /** Last day in the unit (left, retired, moved), or null. */
  leftOn: string | null;
}

/** Another support the person receives (kehoach records them to refuse paying twice for one work). */
export interface OtherBenefit {
  id: string;
  name: string;
  startOn: string;
  endOn: string | null;
  /** It pays for the same work as the assignment: the Resolution's support is then not due. */
  sameWork: boolean;
}

/** Everything the engine needs to decide one person's month. */
export interface PersonMonth {
  month: string;
  employment: Employment;
  assignments: readonly Assignment[];
  rating: Rating | null;
  otherBenefits: readonly OtherBenefit[];
  policies: readonly PolicyVersion[];
}

export type ReasonCode = 'policy' | 'assignment' | 'employment' | 'rating' | 'duplicate' | 'partial';

/** One condition checked, met or not, in words an HR officer would write on the list. */
export interface Reason {
  code: ReasonCode;
  ok: boolean;
  text: string;
}

/** The engine's answer for one person and month. */
export interface Decision {
  month: string;
  eligible: boolean;
  /** Whole đồng, never negative; 0 when not eligible. */
  amount: number;
  /** The category paid (the best one covering the month), or null. */
  category: Category | null;
  /** The assignment the payment rests on (the best category's, earliest start), or null. */
  assignmentId: string | null;
  policyId: string | null;
  /** The policy's monthly amount for the category, before any proration. */
  rate: number;
  /** Days of the month that qualify, and the days in the month. */
  daysCovered: number;
  daysInMonth: number;
  /** Every condition, in the order policy, employment, assignment, rating, duplicate, partial. */
  reasons: Reason[];
}
