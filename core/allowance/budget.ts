// The yearly estimate (dự toán) of the support allowance (seed 000, part II.3 and IV): what the allowance will
// cost month by month if everyone assigned keeps qualifying, plus the reward fund and known adjustments.
import { decide, monthsBetween, policyFor } from './engine.ts';
import type { Assignment, Employment, OtherBenefit, PolicyVersion } from './types.ts';

export interface BudgetPerson {
  personId: string;
  employment: Employment;
  assignments: Assignment[];
  otherBenefits: OtherBenefit[];
}

export interface BudgetInput {
  year: number;
  people: BudgetPerson[];
  policies: PolicyVersion[];
  /** The reward fund (khoản 4, Điều 2 of the Resolution), estimated apart: it is not per person-month. */
  rewardFund: number;
  /** Back-payments minus recoveries expected in the year (negative when more is recovered). */
  adjustments: number;
}

export interface BudgetEstimate {
  /** Per month: the allowance and the number of people eligible. */
  months: { month: string; amount: number; people: number }[];
  allowance: number;
  rewardFund: number;
  adjustments: number;
  total: number;
}

/**
 * Every person is assumed rated at the month's policy minimum, so only the assignments, the employment, the
 * other supports, the partial-month rule and the policy's own dates decide: the estimate is what would be
 * paid if everyone qualifies on rating, which is the ceiling a budget needs.
 */
export function estimateYear(input: BudgetInput): BudgetEstimate {
  const months = monthsBetween(`${input.year}-01`, `${input.year}-12`).map((month) => {
    // A month without a policy pays nothing whatever the rating; null keeps the decision honest.
    const rating = policyFor(input.policies, month)?.minRating ?? null;
    let amount = 0;
    let people = 0;
    for (const p of input.people) {
      const d = decide({ month, rating, employment: p.employment, assignments: p.assignments, otherBenefits: p.otherBenefits, policies: input.policies });
      if (!d.eligible) continue;
      amount += d.amount;
      people += 1;
    }
    return { month, amount, people };
  });
  const allowance = months.reduce((s, m) => s + m.amount, 0);
  return { months, allowance, rewardFund: input.rewardFund, adjustments: input.adjustments, total: allowance + input.rewardFund + input.adjustments };
}
