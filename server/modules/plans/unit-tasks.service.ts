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
import { occurrenceConditions, presentListItem, selectListItems } from './occurrences.service.ts';

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
    counts: await viewCounts(tx, base, today, !!q.q?.trim()),
  };
}

/**
 * Every tab's count in one pass over the unit's periods (the search applied), for the tab badges. The tasks
 * table is joined only for a search: joined always, PostgreSQL hashed all 100,000 tasks of a province (630 ms).
 */
async function viewCounts(tx: Tx, base: (SQL | undefined)[], today: string, searching: boolean): Promise<Record<UnitView, number>> {
  const columns = UNIT_VIEWS.map((v) => {
    const w = viewWhere(viewRule(v, today));
    return sql`count(*) ${w ? sql`FILTER (WHERE ${w})` : sql``}::int AS ${sql.identifier(v)}`;
  });
  const res = await tx.execute(sql`SELECT ${sql.join(columns, sql`, `)}
    FROM ${occurrences} JOIN ${plans} ON ${plans.id} = ${occurrences.planId}
      ${searching ? sql`JOIN ${tasks} ON ${tasks.id} = ${occurrences.taskId}` : sql``}
    WHERE ${and(...base)}`);
  const [row] = rowsOf<Record<UnitView, number>>(res);
  return Object.fromEntries(UNIT_VIEWS.map((v) => [v, Number(row[v])])) as Record<UnitView, number>;
}
