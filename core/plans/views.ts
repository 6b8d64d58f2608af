// The tabs of a unit's task page ("Nhiệm vụ của đơn vị"): which periods each shows and in what order.
// One rule, read by the page's counts, by the database query of each page of a tab and by the tests
// that check the two agree.
import { addDays } from '../schedule/dates.ts';

export const UNIT_VIEWS = ['thang-nay', 'qua-han', 'sap-den-han', 'hoan-thanh', 'tat-ca'] as const;
export type UnitView = (typeof UNIT_VIEWS)[number];

export const UNIT_VIEW_LABELS: Record<UnitView, string> = {
  'thang-nay': 'Hạn trong tháng này',
  'qua-han': 'Quá hạn',
  'sap-den-han': 'Sắp đến hạn',
  'hoan-thanh': 'Đã hoàn thành',
  'tat-ca': 'Tất cả',
};

/** "Sắp đến hạn" looks two weeks ahead: long enough to plan a monthly report, short enough to act on. */
export const DUE_SOON_DAYS = 14;

/**
 * A tab as conditions on a period: due dates within [from, to], only open or only done periods.
 * Done periods are read newest first (what was just finished); every other tab by due date.
 */
export interface ViewRule { from?: string; to?: string; open?: boolean; done?: boolean; order: 'due' | 'completed' }

export function viewRule(view: UnitView, today: string): ViewRule {
  switch (view) {
    case 'thang-nay': {
      const from = `${today.slice(0, 7)}-01`;
      return { from, to: addDays(`${addDays(from, 31).slice(0, 7)}-01`, -1), order: 'due' };
    }
    // Overdue is the status rule's: open and past its due date.
    case 'qua-han': return { to: addDays(today, -1), open: true, order: 'due' };
    case 'sap-den-han': return { from: today, to: addDays(today, DUE_SOON_DAYS), open: true, order: 'due' };
    case 'hoan-thanh': return { done: true, order: 'completed' };
    case 'tat-ca': return { order: 'due' };
  }
}

export interface ViewedPeriod { dueOn: string | null; completedOn: string | null }

/** Whether a period shows in a tab: the rule above applied to one period (the database applies it in SQL). */
export function inView(o: ViewedPeriod, view: UnitView, today: string): boolean {
  const r = viewRule(view, today);
  if (r.open && o.completedOn !== null) return false;
  if (r.done && o.completedOn === null) return false;
  if ((r.from || r.to) && o.dueOn === null) return false;
  if (r.from && o.dueOn! < r.from) return false;
  if (r.to && o.dueOn! > r.to) return false;
  return true;
}

