// Shapes of the budget (dự toán) and settlement (quyết toán) API of a paying unit's year, as the pages use them
// (server/modules/allowance/budget.service.ts). Months are 'yyyy-mm', money whole đồng.
export interface BudgetMonth { month: string; amount: number; people: number; spent: number }

export interface BudgetAdjustment { id: string; amount: number; reason: string; decisionNo: string; createdByName: string; createdAt: string }

export interface BudgetView {
  unit: { id: string; name: string };
  year: number;
  /** The policy's amounts are an example, not the city's: figures must not be used as they are. */
  isExample: boolean;
  months: BudgetMonth[];
  estimate: { allowance: number; rewardFund: number; adjustments: number; total: number };
  spent: { allowance: number; rewards: number; total: number };
  remaining: number;
  adjustmentItems: BudgetAdjustment[];
  note: string;
  /** The user's duties on exactly this unit, as the server decides them. */
  can: { records: boolean; prepare: boolean; pay: boolean };
}

export interface SettlementPerson { personId: string; name: string; title: string; months: number[]; adjustments: number; total: number }

export interface Settlement {
  unit: { id: string; name: string };
  year: number;
  months: string[];
  items: SettlementPerson[];
  totals: number[];
  total: number;
  lists: { month: string; status: string; decisionNo: string; payPeriod: string; paidOn: string | null; paidAmount: number | null }[];
}

export const monthShort = (month: string) => `T${Number(month.slice(5, 7))}`;
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
