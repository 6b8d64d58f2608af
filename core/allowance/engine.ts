// The eligibility engine of the support allowance of Resolution 07/2026/NQ-HĐND (seed 000, parts II.2, II.3,
// II.5): for one person and month, whether the support is due, how much, and every condition checked, in words
// the HR officer can put on the monthly list. Pure: the caller gathers the records, the engine only decides.
import { daysInMonth, formatViDate, isoDate, parts } from '../schedule/dates.ts';
import {
  CATEGORIES, CATEGORY_LABELS, RATING_LABELS, RATINGS,
  type Assignment, type Category, type Decision, type Employment, type OtherBenefit, type PersonMonth,
  type PolicyVersion, type Rating, type Reason,
} from './types.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "10/2026": months as Vietnamese documents write them. */
const viMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** Every day of a 'yyyy-mm' month, as 'yyyy-mm-dd'. */
function daysOf(month: string): string[] {
  const [y, m] = parts(`${month}-01`);
  return Array.from({ length: daysInMonth(y, m) }, (_, i) => isoDate(y, m, i + 1));
}

/** Whole đồng, never negative: a rate typed wrong in the configuration must not pay a fraction or take money back. */
const money = (n: number) => (Number.isFinite(n) && n > 0 ? Math.round(n) : 0);

/** Lower is better, as in CATEGORIES and RATINGS (both best first). */
const categoryRank = (c: Category) => CATEGORIES.indexOf(c);
const ratingRank = (r: Rating) => RATINGS.indexOf(r);

/** The assignment's last day: the decided end, cut short by a stop. Null while open-ended. */
function lastDayOf(a: Assignment): string | null {
  if (a.stoppedOn && (!a.endOn || a.stoppedOn < a.endOn)) return a.stoppedOn;
  return a.endOn;
}

const assignmentCovers = (a: Assignment, day: string) => {
  const last = lastDayOf(a);
  return a.startOn <= day && (last === null || day <= last);
};
const employed = (e: Employment, day: string) => (!e.joinedOn || e.joinedOn <= day) && (!e.leftOn || day <= e.leftOn);
const benefitCovers = (b: OtherBenefit, day: string) => b.startOn <= day && (!b.endOn || day <= b.endOn);

/** Best category first, then the earliest start, then id: the first one is the assignment the payment rests on. */
const byStrength = (a: Assignment, b: Assignment) =>
  categoryRank(a.category) - categoryRank(b.category) || a.startOn.localeCompare(b.startOn) || a.id.localeCompare(b.id);

/**
 * The version in force on the month's first day. The allowance is monthly, so a version starting on the 15th
 * applies from the next month: the month keeps the version it began with (or has none, before the first).
 * Overlapping versions (a correction entered before the old one was closed) resolve to the highest version.
 */
export function policyFor(policies: readonly PolicyVersion[], month: string): PolicyVersion | null {
  const first = `${month}-01`;
  let best: PolicyVersion | null = null;
  for (const p of policies) {
    if (p.effectiveFrom > first || (p.effectiveTo !== null && p.effectiveTo < first)) continue;
    // Equal versions should not happen; the later start, then the id, keep the answer independent of order.
    if (!best || p.version > best.version || (p.version === best.version && (p.effectiveFrom > best.effectiveFrom || (p.effectiveFrom === best.effectiveFrom && p.id < best.id)))) best = p;
  }
  return best;
}

function policyReason(policy: PolicyVersion | null, month: string): Reason {
  if (!policy) return { code: 'policy', ok: false, text: `Tháng ${viMonth(month)} chưa có chính sách hỗ trợ áp dụng` };
  const example = policy.isExample ? ' (mức hỗ trợ là số liệu minh họa)' : '';
  return { code: 'policy', ok: true, text: `Chính sách phiên bản ${policy.version} áp dụng từ ${formatViDate(policy.effectiveFrom)}${example}` };
}

function employmentReason(e: Employment, month: string, days: string[], employedDays: number): Reason {
  const first = days[0];
  const last = days[days.length - 1];
  const notes: string[] = [];
  if (e.joinedOn && e.joinedOn > first) notes.push(`vào đơn vị từ ${formatViDate(e.joinedOn)}`);
  if (e.leftOn && e.leftOn < last) notes.push(`ngày công tác cuối cùng ${formatViDate(e.leftOn)}`);
  const note = notes.length ? ` (${notes.join(', ')})` : '';
  if (employedDays > 0) return { code: 'employment', ok: true, text: `Công tác tại đơn vị trong tháng ${viMonth(month)}${note}` };
  if (e.leftOn && e.leftOn < first) return { code: 'employment', ok: false, text: `Không còn công tác tại đơn vị trong tháng ${viMonth(month)}${note}` };
  if (e.joinedOn && e.joinedOn > last) return { code: 'employment', ok: false, text: `Chưa công tác tại đơn vị trong tháng ${viMonth(month)}${note}` };
  return { code: 'employment', ok: false, text: `Không có ngày công tác tại đơn vị trong tháng ${viMonth(month)}${note}` };
}

function describeAssignment(a: Assignment): string {
  const category = CATEGORY_LABELS[a.category].toLowerCase();
  const span = a.endOn ? `từ ${formatViDate(a.startOn)} đến ${formatViDate(a.endOn)}` : `từ ${formatViDate(a.startOn)}, không xác định thời hạn`;
  const stop = a.stoppedOn && lastDayOf(a) === a.stoppedOn ? `, đã dừng, ngày thực hiện cuối cùng ${formatViDate(a.stoppedOn)}` : '';
  return `số ${a.decisionNo}, ${category}, ${span}${stop}`;
}

function assignmentReason(month: string, relevant: Assignment[], outsideEmployment: boolean): Reason {
  if (relevant.length) return { code: 'assignment', ok: true, text: `Quyết định phân công ${relevant.map(describeAssignment).join('; ')}` };
  const where = outsideEmployment ? ' trong thời gian công tác tại đơn vị' : '';
  return { code: 'assignment', ok: false, text: `Không có quyết định phân công còn hiệu lực${where} trong tháng ${viMonth(month)}` };
}

function ratingReason(rating: Rating | null, policy: PolicyVersion | null, month: string): Reason {
  if (rating === null) return { code: 'rating', ok: false, text: `Chưa có kết quả xếp loại tháng ${viMonth(month)}` };
  const head = `Xếp loại tháng ${viMonth(month)}: ${RATING_LABELS[rating]}`;
  // Without a policy there is no threshold to compare with; the policy reason already fails the month.
  if (!policy) return { code: 'rating', ok: true, text: head };
  const min = RATING_LABELS[policy.minRating];
  if (ratingRank(rating) <= ratingRank(policy.minRating)) return { code: 'rating', ok: true, text: `${head} (đạt mức tối thiểu ${min})` };
  return { code: 'rating', ok: false, text: `${head}, thấp hơn mức tối thiểu ${min}` };
}

function duplicateReason(blocking: OtherBenefit[]): Reason {
  if (!blocking.length) return { code: 'duplicate', ok: true, text: 'Không hưởng chính sách hỗ trợ khác cho cùng nhiệm vụ' };
  const names = blocking.map((b) => `${b.name} (từ ${formatViDate(b.startOn)}${b.endOn ? ` đến ${formatViDate(b.endOn)}` : ''})`);
  return { code: 'duplicate', ok: false, text: `Đang hưởng hỗ trợ khác cho cùng nhiệm vụ: ${names.join('; ')}` };
}

const PARTIAL_WORDS = { whole_month: 'hưởng cả tháng', by_days: 'hưởng theo số ngày', not_eligible: 'không hưởng tháng đó' } as const;

function partialReason(policy: PolicyVersion | null, month: string, covered: number, total: number): Reason {
  const head = `Tháng ${viMonth(month)} chỉ có ${covered}/${total} ngày đủ điều kiện`;
  // No policy, no rule: the policy reason already fails the month, this line only states the days.
  if (!policy) return { code: 'partial', ok: true, text: head };
  return { code: 'partial', ok: policy.partialMonth !== 'not_eligible', text: `${head}: ${PARTIAL_WORDS[policy.partialMonth]}` };
}

/**
 * The amount for the qualifying days' categories (one per day). 'whole_month' pays the best category's rate
 * whatever the days; otherwise each day earns rate/daysInMonth of its own category, so a full month at one
 * category is exactly its rate and a promotion from part- to full-time mid-month pays each part.
 * 'whole_month' also pays the best rate for a full month of mixed categories: paying less for a full month
 * than the rule pays a partial one would let a stopped assignment raise the amount.
 */
function amountFor(policy: PolicyVersion, dayCategories: Category[], total: number, best: Category): number {
  if (policy.partialMonth === 'whole_month') return money(policy.rates[best]);
  const sum = dayCategories.reduce((s, c) => s + money(policy.rates[c]), 0);
  return Math.round(sum / total);
}

/** One person's month: eligible or not, the amount, and every condition checked (none short-circuits). */
export function decide(input: PersonMonth): Decision {
  const { month, employment, assignments, rating, otherBenefits } = input;
  if (!MONTH.test(month)) throw new RangeError(`Tháng "${month}" không hợp lệ (cần dạng yyyy-mm)`);
  const days = daysOf(month);
  const policy = policyFor(input.policies, month);

  const employedDays = days.filter((d) => employed(employment, d));
  // Each qualifying day with the best category among the assignments covering it.
  const qualifying: { day: string; category: Category }[] = [];
  for (const day of employedDays) {
    const covering = assignments.filter((a) => assignmentCovers(a, day));
    if (covering.length) qualifying.push({ day, category: covering.map((a) => a.category).sort((a, b) => categoryRank(a) - categoryRank(b))[0] });
  }
  // With no day in the unit the employment reason carries the failure; the assignment is then judged on the
  // month alone, so a month outside employment does not also report a missing assignment.
  const assignmentDays = employedDays.length ? qualifying.map((q) => q.day) : days;
  const relevant = assignments.filter((a) => assignmentDays.some((d) => assignmentCovers(a, d))).sort(byStrength);
  const outsideEmployment = employedDays.length > 0 && assignments.some((a) => days.some((d) => assignmentCovers(a, d)));
  // Another support for the same work blocks the month when it overlaps a day the person works in the unit,
  // not only the assigned days: otherwise stopping an assignment before the other support starts would turn
  // a blocked month into a paid one.
  const blocking = otherBenefits.filter((b) => b.sameWork && employedDays.some((d) => benefitCovers(b, d)));

  const covered = qualifying.length;
  const total = days.length;
  const reasons: Reason[] = [
    policyReason(policy, month),
    employmentReason(employment, month, days, employedDays.length),
    assignmentReason(month, relevant, outsideEmployment),
    ratingReason(rating, policy, month),
    duplicateReason(blocking),
  ];
  if (covered > 0 && covered < total) reasons.push(partialReason(policy, month, covered, total));

  const category = covered ? qualifying.map((q) => q.category).sort((a, b) => categoryRank(a) - categoryRank(b))[0] : null;
  const base = relevant.find((a) => a.category === category && qualifying.some((q) => assignmentCovers(a, q.day)));
  const eligible = policy !== null && covered > 0 && reasons.every((r) => r.ok);
  return {
    month,
    eligible,
    amount: eligible && category ? amountFor(policy, qualifying.map((q) => q.category), total, category) : 0,
    category,
    assignmentId: base?.id ?? null,
    policyId: policy?.id ?? null,
    rate: policy && category ? money(policy.rates[category]) : 0,
    daysCovered: covered,
    daysInMonth: total,
    reasons,
  };
}

/** Several months of one person, ratings by month; one decision per distinct month, in the order first given. */
export function decideMonths(
  base: Omit<PersonMonth, 'month' | 'rating'> & { ratings: Record<string, Rating> },
  months: string[],
): Decision[] {
  const { ratings, ...rest } = base;
  return [...new Set(months)].map((month) => decide({ ...rest, month, rating: Object.hasOwn(ratings, month) ? ratings[month] : null }));
}

/** 'yyyy-mm' months from `from` to `to`, both included ('yyyy-mm-dd' accepted, its month taken); [] when reversed or invalid. */
export function monthsBetween(from: string, to: string): string[] {
  const a = from.slice(0, 7);
  const b = to.slice(0, 7);
  if (!MONTH.test(a) || !MONTH.test(b) || a > b) return [];
  const result: string[] = [];
  let [y, m] = [Number(a.slice(0, 4)), Number(a.slice(5, 7))];
  for (let key = a; key <= b; key = `${y}-${String(m).padStart(2, '0')}`) {
    result.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return result;
}
