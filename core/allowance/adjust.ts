// Back-payments (truy lĩnh) and recoveries (thu hồi): an approved monthly list is never edited (workflow.ts);
// when a decision changes afterwards, the difference between what was paid and what is now due for each
// person-month becomes an adjustment line in a later list.

export interface PaidLine { personId: string; month: string; amount: number }
export interface DueLine { personId: string; month: string; amount: number; reasons?: string }
export interface Adjustment { personId: string; month: string; paid: number; due: number; delta: number }

// Code-unit order, not the locale's: the same on every server and in every browser.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A person-month as one map key; the separator cannot occur in a 'yyyy-mm' month. */
const keyOf = (personId: string, month: string) => `${month}\u0000${personId}`;

type Row = Omit<Adjustment, 'delta'>;

function addUp(lines: readonly PaidLine[], into: Map<string, Row>, field: 'paid' | 'due') {
  for (const line of lines) {
    const key = keyOf(line.personId, line.month);
    const row = into.get(key) ?? { personId: line.personId, month: line.month, paid: 0, due: 0 };
    row[field] += line.amount;
    into.set(key, row);
  }
}

/**
 * One row per person-month whose due amount differs from what was paid: delta > 0 is owed to the person
 * (truy lĩnh), delta < 0 is to be recovered (thu hồi). Paid lines of a person-month are summed, since earlier
 * adjustment lines were paid too; due lines are summed as well (normally one per person-month). A
 * person-month paid but no longer due is due 0: everything paid is recovered. Sorted by month, then person.
 */
export function adjustments(paid: readonly PaidLine[], due: readonly DueLine[]): Adjustment[] {
  const rows = new Map<string, Row>();
  addUp(paid, rows, 'paid');
  addUp(due, rows, 'due');
  return [...rows.values()]
    .map((r) => ({ ...r, delta: r.due - r.paid }))
    .filter((r) => r.delta !== 0)
    .sort((a, b) => compare(a.month, b.month) || compare(a.personId, b.personId));
}
