// A unit's task page one page at a time: the tab's periods after a keyset cursor, and every tab's count.
// A hospital has a thousand periods due in a month and fifteen thousand in a year, so the page never
// loads the whole list: each tab reads the next page in its own order, from where the last page ended.
import { and, asc, desc, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { UNIT_VIEWS, viewRule, type UnitView, type ViewRule } from '../../../core/plans/views.ts';
import { rowsOf, type Tx } from '../../db/client.ts';
import { occurrences, plans, tasks } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser } from '../../http/request.ts';
import { allUnits } from '../org/queries.ts';
import { occurrenceConditions, presentListItem, selectListItems, unitIdsOf } from './occurrences.service.ts';

export interface UnitTasksQuery { unitId: string; subtree?: boolean; view?: UnitView; q?: string; after?: string; limit?: number }

export const PAGE_SIZE = 50;

/** Where the last page ended, in the tab's order: (due date, task order, id), or (completion date, id) for done periods. */
type Cursor = [due: string, sortOrder: number, id: string] | [completed: string, id: string];

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
const DATE = /^(\d{4}-\d{2}-\d{2}|infinity)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decode(after: string, order: ViewRule['order']): Cursor {
  let c: unknown;
  try { c = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')); } catch { c = null; }
  const ok = Array.isArray(c) && (order === 'due'
    ? c.length === 3 && DATE.test(String(c[0])) && Number.isInteger(c[1]) && UUID.test(String(c[2]))
    : c.length === 2 && DATE.test(String(c[0])) && UUID.test(String(c[1])));
  if (!ok) throw errors.field('after', 'Vị trí trang tiếp theo không hợp lệ (có thể danh sách đã đổi tab). Hãy tải lại danh sách.');
  return c as Cursor;
}

/** Periods without a due date come last, as in the whole list: 'infinity' sorts after every date. */
const dueKey = sql`coalesce(${occurrences.dueOn}, 'infinity'::date)`;

function viewWhere(r: ViewRule): SQL | undefined {
  return and(
    r.from ? sql`${occurrences.dueOn} >= ${r.from}::date` : undefined,
    r.to ? sql`${occurrences.dueOn} <= ${r.to}::date` : undefined,
    r.open ? isNull(occurrences.completedOn) : undefined,
    r.done ? isNotNull(occurrences.completedOn) : undefined,
  );
}

export async function unitTasksPage(tx: Tx, user: CurrentUser, today: string, q: UnitTasksQuery) {
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const base = occurrenceConditions({ unitId: q.unitId, subtree: q.subtree, q: q.q }, today, units);
  const view = q.view ?? 'thang-nay';
  const rule = viewRule(view, today);
  const limit = q.limit ?? PAGE_SIZE;
  const cursor = q.after ? decode(q.after, rule.order) : null;
  const after = !cursor ? undefined : rule.order === 'due'
    ? sql`(${dueKey}, ${tasks.sortOrder}, ${occurrences.id}) > (${cursor[0]}::date, ${cursor[1]}, ${cursor[2]}::uuid)`
    : sql`(${occurrences.completedOn}, ${occurrences.id}) < (${cursor[0]}::date, ${cursor[1]}::uuid)`;
  const rows = await selectListItems(tx)
    .where(and(...base, viewWhere(rule), after))
    .orderBy(...(rule.order === 'due' ? [asc(dueKey), asc(tasks.sortOrder), asc(occurrences.id)] : [desc(occurrences.completedOn), desc(occurrences.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? encode(rule.order === 'due'
    ? [last.o.dueOn ?? 'infinity', last.t.sortOrder, last.o.id]
    : [last.o.completedOn!, last.o.id]) : null;
  return {
    items: page.map((r) => presentListItem(r.o, r.t, r.p, units, user, today, r.section ?? '')),
    next,
    counts: q.q?.trim()
      ? await viewCounts(tx, base, today)
      : await viewCountsFromSummary(tx, unitIdsOf(q.unitId, q.subtree, units), today),
  };
}

/**
 * Every tab's count over the periods matching a search, in one pass, for the tab badges. The tasks table
 * is joined because the search reads it.
 */
async function viewCounts(tx: Tx, base: (SQL | undefined)[], today: string): Promise<Record<UnitView, number>> {
  const columns = UNIT_VIEWS.map((v) => {
    const w = viewWhere(viewRule(v, today));
    return sql`count(*) ${w ? sql`FILTER (WHERE ${w})` : sql``}::int AS ${sql.identifier(v)}`;
  });
  const res = await tx.execute(sql`SELECT ${sql.join(columns, sql`, `)}
    FROM ${occurrences} JOIN ${plans} ON ${plans.id} = ${occurrences.planId} JOIN ${tasks} ON ${tasks.id} = ${occurrences.taskId}
    WHERE ${and(...base)}`);
  return countsOf(rowsOf<Record<UnitView, number>>(res)[0]);
}

const countsOf = (row: Record<UnitView, unknown>) => Object.fromEntries(UNIT_VIEWS.map((v) => [v, Number(row[v] ?? 0)])) as Record<UnitView, number>;

/**
 * Every tab's count without a search, from the trigger-kept counts of active plans' periods per unit and due
 * date (migration 0006: open periods under their due date, done ones under 'infinity'). Counted live, a
 * hospital's fifteen thousand periods were read on every opening of its page. Only the done periods of a tab
 * bounded by due dates ("this month") are not in the summary by due date: those are counted from the index
 * on (unit, due date, completion), over that month alone.
 */
async function viewCountsFromSummary(tx: Tx, unitIds: string[], today: string): Promise<Record<UnitView, number>> {
  const ids = sql.join(unitIds.map((id) => sql`${id}::uuid`), sql`, `);
  const bounded = (r: ViewRule) => !!(r.from || r.to);
  const columns = UNIT_VIEWS.map((v) => {
    const r = viewRule(v, today);
    const open = sql`s.open_started + s.open_fresh`;
    const done = sql`s.done_on_time + s.done_late`;
    const range = and(r.from ? sql`s.bucket >= ${r.from}::date` : undefined, r.to ? sql`s.bucket <= ${r.to}::date` : undefined);
    // Open periods by their due date; done ones only when the tab is not bounded by due dates (else counted below).
    const withDone = !r.open && !bounded(r);
    const counted = r.done ? (withDone ? done : sql`0`) : withDone ? sql`${open} + ${done}` : open;
    return sql`coalesce(sum(${counted}) ${range ? sql`FILTER (WHERE ${range})` : sql``}, 0)::int AS ${sql.identifier(v)}`;
  });
  const [kept] = rowsOf<Record<UnitView, number>>(await tx.execute(sql`
    SELECT ${sql.join(columns, sql`, `)} FROM unit_occurrence_counts s WHERE s.unit_id IN (${ids})`));
  const counts = countsOf(kept);
  for (const v of UNIT_VIEWS) {
    const r = viewRule(v, today);
    if (r.open || !bounded(r)) continue;
    const [row] = rowsOf<{ n: number }>(await tx.execute(sql`
      SELECT count(*)::int AS n FROM ${occurrences} JOIN ${plans} ON ${plans.id} = ${occurrences.planId} AND ${plans.status} = 'active'
      WHERE ${occurrences.unitId} IN (${ids}) AND ${viewWhere(r)} AND ${occurrences.completedOn} IS NOT NULL`));
    counts[v] += Number(row.n);
  }
  return counts;
}
