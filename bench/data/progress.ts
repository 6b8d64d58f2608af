// Occurrences of every task for each of its lead units, with what the units reported. Of the periods
// already due, 68% were done on time and 17% late (85% done, four in five on time); 7.5% are overdue with
// some progress and 7.5% overdue untouched. Of the periods under way, one in ten is done early and a
// little over half have progress. Later periods are untouched.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.ts';
import type { BenchTenant } from './org.ts';
import { exec, hash, lit, ordinalOf, rows, seqId, words } from './sql.ts';
import { DONE_NOTE, PROGRESS_NOTES } from './words.ts';

/** A date at a time of day in Vietnam (UTC+7), whatever the session's time zone. */
const vnTime = (date: SQL, hours: SQL) => sql`(((${date}) + time '00:00' + (${hours}) * interval '1 hour' - interval '7 hours') AT TIME ZONE 'UTC')`;

/**
 * Tasks per statement. A statement's foreign-key checks run at its end and re-read every row it wrote: in
 * slices of about 200,000 occurrences these are still in the buffer cache, where one statement of a million
 * reads them back from disk (and queues 4 million checks in memory).
 */
const TASKS_PER_STATEMENT = 20_000;

export async function insertOccurrences(tx: Tx, t: BenchTenant, today: string) {
  const [{ n }] = await rows<{ n: number }>(tx, sql`SELECT coalesce(max(ord), 0)::int AS n FROM b_task`);
  let occurrences = 0;
  let progressUpdates = 0;
  for (let lo = 1; lo <= n; lo += TASKS_PER_STATEMENT) {
    const hi = lo + TASKS_PER_STATEMENT;
    occurrences += await periods(tx, t, today, sql`l.task_ord >= ${lit(lo)} AND l.task_ord < ${lit(hi)}`);
    // The planner needs to know the table is no longer empty before reading it back.
    if (lo === 1) await tx.execute(sql`ANALYZE occurrences`);
    // Ids follow task order (seqId), so the slice's occurrences are one range of the primary key.
    const ids = sql`o.id >= ${seqId(t, 'occurrences', lit(lo * 2 ** 20))} AND o.id < ${seqId(t, 'occurrences', lit(hi * 2 ** 20))}`;
    progressUpdates += await updates(tx, t, ids);
  }
  return { occurrences, progressUpdates };
}

/** The occurrences of the lead units (b_lead) chosen by `which`, with their fate as of `today`. */
function periods(tx: Tx, t: BenchTenant, today: string, which: SQL) {
  const T = sql`${today}::date`;
  const due = sql`s.due < ${T}`;
  const current = sql`(s.pstart < ${T} AND s.due >= ${T})`;
  // The fate of a period from the hash of (task, unit, period): what a unit would have reported by today.
  return exec(tx, sql`INSERT INTO occurrences (id, tenant_id, plan_id, task_id, unit_id, period_key, label, period_start, period_end, due_on,
      percent, state, completed_on, last_update_at)
    SELECT ${seqId(t, 'occurrences', sql`(tk.ord::bigint << 20) + (l.unit_ord << 8) + s.idx`)}, ${t.id}, p.id, tk.id, u.id, s.key, s.label, s.pstart, s.pend, s.due,
      CASE WHEN f.done IS NOT NULL THEN 100 WHEN f.started IS NOT NULL THEN 10 + 10 * (y.d % 8) ELSE 0 END,
      CASE WHEN f.done IS NOT NULL THEN 'done' ELSE 'open' END, f.done,
      ${vnTime(sql`coalesce(f.done, f.started)`, sql`8 + y.d % 9`)}
    FROM b_lead l JOIN b_task tk ON tk.ord = l.task_ord JOIN b_plan p ON p.ord = tk.plan_ord
    JOIN b_spec s ON s.start = p.start AND s.v = tk.variant JOIN b_unit u ON u.ord = l.unit_ord
    CROSS JOIN LATERAL (SELECT ${hash(sql`(${lit(t.no)}::bigint << 48) + (tk.ord::bigint << 20) + (l.unit_ord << 8) + s.idx`)} AS h) x
    CROSS JOIN LATERAL (SELECT x.h % 1000 AS r, (x.h / 1000) % 1000 AS d) y
    CROSS JOIN LATERAL (SELECT
      CASE WHEN ${due} AND y.r < 680 THEN greatest(s.pstart, s.due - (y.d % 8)::int)
        WHEN ${due} AND y.r < 850 THEN least(s.due + 1 + (y.d % 20)::int, ${T} - 1)
        WHEN ${current} AND y.r < 100 THEN s.pstart + (y.d % (${T} - s.pstart))::int END AS done,
      CASE WHEN ${due} AND y.r >= 850 AND y.r < 925 THEN greatest(s.pstart, least(${T} - 1, s.due - 5 + (y.d % 20)::int))
        WHEN ${current} AND y.r >= 100 AND y.r < 650 THEN s.pstart + (y.d % (${T} - s.pstart))::int END AS started) f
    WHERE ${which}
    ORDER BY tk.ord, l.unit_ord, s.idx`);
}

/**
 * Each reported period's updates, its last one being the state the occurrence holds: a done period 2 or
 * 3 updates (the last "done"), one under way 1 or 2. Their number and dates follow from the occurrence's own
 * (deterministic) dates and percentage, spread back from the last update towards the start of the period.
 * The author by name only, as the demo seed writes them (the id is never read; its check would cost 1.8 M lookups).
 */
function updates(tx: Tx, t: BenchTenant, which: SQL) {
  const notes = words(PROGRESS_NOTES);
  return exec(tx, sql`INSERT INTO progress_updates (id, tenant_id, occurrence_id, author_name, state, percent, note, completed_on, created_at)
    SELECT ${seqId(t, 'progress', sql`${ordinalOf(sql`o.id`)} * 4 + j`)}, o.tenant_id, o.id, u.focal_name,
      CASE WHEN j = c.n AND o.state = 'done' THEN 'done' ELSE 'open' END,
      CASE WHEN j = c.n THEN o.percent ELSE greatest(5, (CASE WHEN o.state = 'done' THEN 90 ELSE o.percent END) * j / c.n) END,
      CASE WHEN j = c.n AND o.state = 'done' THEN ${DONE_NOTE}::text ELSE ${notes.text(sql`j + o.percent / 10`)} END,
      CASE WHEN j = c.n THEN o.completed_on END,
      o.last_update_at - (c.n - j) * c.step
    FROM occurrences o JOIN b_unit u ON u.id = o.unit_id
    CROSS JOIN LATERAL (SELECT CASE WHEN o.state = 'done' THEN 2 + (o.completed_on - o.period_start) % 2 ELSE 1 + (o.percent / 10) % 2 END AS n) c0
    CROSS JOIN LATERAL (SELECT c0.n, greatest(interval '1 hour', (o.last_update_at - ${vnTime(sql`o.period_start`, sql`7`)}) / c0.n) AS step) c
    CROSS JOIN LATERAL generate_series(1, c.n) j
    WHERE o.tenant_id = ${t.id} AND ${which} AND o.last_update_at IS NOT NULL
    ORDER BY o.id, j`);
}
