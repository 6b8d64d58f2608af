// Plans, their sections, tasks and the units that lead or coordinate them. Plan i: one in four owned by a
// division (plan 0 by Phòng KHTC, with 5,000 tasks more than the others at province scale), the rest by units
// drawn by weight; a third (i % 3 = 1) with 30 tasks. A plan runs from its issue date (January to March) to
// the end of the year, except one in sixty (i % 60 = 4), a programme issued last January that carries the indicators.
import { sql, type SQL } from 'drizzle-orm';
import { occurrencesOf } from '../../core/schedule/occurrences.ts';
import { parseDeadline } from '../../core/schedule/parse.ts';
import type { PlanContext } from '../../core/schedule/types.ts';
import { searchKey } from '../../core/text/vietnamese.ts';
import type { Tx } from '../../server/db/client.ts';
import type { BenchTenant } from './org.ts';
import { asciiKey, exec, hash, json, lit, rows, seqId, slotCount, words } from './sql.ts';
import { LEGAL_BASES, PLAN_TOPICS, ROMAN, SECTION_TITLES, TASK_ACTIONS, TASK_OBJECTS, TASK_PRODUCTS } from './words.ts';

/** Lead units of an "all units, twice a year" task. */
const ALL_UNITS_LEADS = 18;
const ALL_UNITS_TEXT = 'Các đơn vị trực thuộc Sở';

/**
 * Deadlines as plans write them, by class: 64% monthly, 18% quarterly, 13% once, 5% twice a year for all
 * units. Each is read by the app's own parser, and its periods are the app's own occurrencesOf, so the
 * occurrences made from them are the ones the plan service would have made.
 */
function deadlines(year: number): [cls: number, text: string][] {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return [
    [0, 'Hằng tháng'], [0, 'Trước ngày 25 hằng tháng'],
    [1, 'Hằng quý'], [1, 'Thường xuyên'], [1, 'Trước ngày 20 tháng cuối quý'],
    ...months.map((m): [number, string] => [2, `Tháng ${m}/${year}`]), ...months.map((m): [number, string] => [2, `Trước ngày 15/${m}/${year}`]),
    ...[1, 2, 3, 4].map((q): [number, string] => [2, `Quý ${ROMAN[q - 1]}/${year}`]),
    [3, 'Trước ngày 10/6 và 10/12 hằng năm'], [3, 'Định kỳ 6 tháng'],
  ];
}

/**
 * b_variant: the schedule of each deadline, per horizon ('y' this year, 'two' last year and this); b_spec: its
 * periods for each day a plan starts on, since a plan runs from its issue date to the end of the year.
 */
async function scheduleTables(tx: Tx, year: number, starts: { grp: string; start: string }[]) {
  const list = deadlines(year);
  const variants = new Map<string, object>();
  const specs = [];
  for (const { grp, start } of starts) {
    const ctx: PlanContext = { year: Number(start.slice(0, 4)), periodStart: start, periodEnd: `${year}-12-31` };
    for (const [v, [cls, text]] of list.entries()) {
      const schedule = parseDeadline(text, ctx);
      const variant = JSON.stringify({ grp, v, cls, text, schedule, kind: schedule.kind });
      const known = variants.get(`${grp}|${v}`);
      if (known && JSON.stringify(known) !== variant) throw new Error(`Thời hạn "${text}" đọc khác nhau theo ngày bắt đầu kế hoạch`);
      variants.set(`${grp}|${v}`, JSON.parse(variant));
      // The plans' defaults (checkin_cadence quarterly, event_days 30), as the plan service passes them.
      const periods = occurrencesOf(schedule, ctx, { cadence: 'quarterly', eventDays: 30 });
      if (!periods.length) throw new Error(`Thời hạn "${text}" không sinh kỳ thực hiện nào`);
      specs.push(...periods.map((p, idx) => ({ start, v, idx, key: p.key, label: p.label, pstart: p.periodStart, pend: p.periodEnd, due: p.due })));
    }
  }
  await tx.execute(sql`CREATE TEMP TABLE b_variant ON COMMIT DROP AS SELECT * FROM jsonb_to_recordset(${json([...variants.values()])})
    AS x(grp text, v int, cls int, text text, schedule jsonb, kind text)`);
  await tx.execute(sql`CREATE TEMP TABLE b_spec ON COMMIT DROP AS SELECT * FROM jsonb_to_recordset(${json(specs)})
    AS x(start date, v int, idx int, key text, label text, pstart date, pend date, due date)`);
  await tx.execute(sql`ANALYZE b_variant, b_spec`);
  // First variant and number of variants of each class, for the draws below.
  return [0, 1, 2, 3].map((c) => ({ first: list.findIndex(([k]) => k === c), n: list.filter(([k]) => k === c).length }));
}

export interface PlanSize { plans: number; tasks: number }

export async function insertPlans(tx: Tx, t: BenchTenant, size: PlanSize, today: string) {
  const year = Number(today.slice(0, 4));
  const P = size.plans;
  const thirty = Array.from({ length: P }, (_, i) => i).filter((i) => i % 3 === 1).length;
  // 5,000 tasks more on plan 0 where a province's worth of tasks allows it: the Excel export measures it.
  const big = size.tasks >= 50_000 ? 5000 : 0;
  const normal = Math.max(1, Math.round((size.tasks - big - 30 * thirty) / (P - thirty)));
  const salt = sql`(${lit(t.no)}::bigint << 40)`;
  const D = t.divisions.length;
  const owners = await slotCount(tx, 2);

  await tx.execute(sql`CREATE TEMP TABLE b_plan ON COMMIT DROP AS
    SELECT i AS ord, ${seqId(t, 'plans', sql`i`)} AS id, grp, n_tasks, (sum(n_tasks) OVER (ORDER BY i) - n_tasks + 1)::int AS first_task,
      CASE WHEN i % 4 = 0 THEN 1 + (i / 4) % ${lit(D)} ELSE (SELECT s.ord FROM b_slot s WHERE s.pool = 2 AND s.slot = ${hash(sql`${salt} + i`)} % ${lit(owners)}) END AS owner_ord,
      h, CASE WHEN grp = 'two' THEN make_date(${lit(year - 1)}, 1, 5) + (h % 30)::int ELSE make_date(${lit(year)}, 1, 5) + (h % 75)::int END AS start
    FROM (SELECT i, ${hash(sql`${salt} + (1 << 20) + i`)} AS h, CASE WHEN i % 60 = 4 THEN 'two' ELSE 'y' END AS grp,
        (CASE WHEN i % 3 = 1 THEN 30 ELSE ${lit(normal)} END + CASE WHEN i = 0 THEN ${lit(big)} ELSE 0 END)::int AS n_tasks
      FROM generate_series(0, ${lit(P - 1)}) i) p`);
  await tx.execute(sql`ALTER TABLE b_plan ADD PRIMARY KEY (ord)`);
  const starts = await rows<{ grp: string; start: string }>(tx, sql`SELECT DISTINCT grp, to_char(start, 'YYYY-MM-DD') AS start FROM b_plan ORDER BY 1, 2`);
  const cls = await scheduleTables(tx, year, starts);

  const topics = words(PLAN_TOPICS);
  const director = t.users.find((u) => u.username.endsWith('.lanhdao1'))?.displayName ?? '';
  const division = sql`u.kind = 'division'`;
  const number = sql`(${lit(1000 + P)} - p.ord)::text || '/KH-' || CASE WHEN ${division} THEN 'SYT' ELSE u.doc END`;
  const span = (key: boolean) => sql`CASE WHEN p.grp = 'two' THEN ${key ? ' giai doan ' : ' giai đoạn '} || ${lit(year - 1)} || ${key ? ' ' : '–'} || ${lit(year)} ELSE ${key ? ' nam ' : ' năm '} || ${lit(year)} END`;
  const plans = await exec(tx, sql`INSERT INTO plans (id, tenant_id, owner_unit_id, number, issuer, issuer_parent, place, issued_on, title, signer, signer_title,
      legal_bases, period_start, period_end, status, checkin_cadence, event_days, search_text, created_at, updated_at)
    SELECT p.id, ${t.id}, u.id, ${number}, CASE WHEN ${division} THEN ${t.name}::text ELSE u.name END,
      CASE WHEN ${division} THEN ${t.committee}::text ELSE ${`SỞ Y TẾ ${t.province.toUpperCase()}`}::text END, ${t.province}::text, p.start,
      'Kế hoạch ' || ${topics.text(sql`p.h / 7`)} || ${span(false)}, CASE WHEN ${division} THEN ${director}::text ELSE '' END,
      CASE WHEN NOT ${division} OR p.ord % 2 = 0 THEN 'GIÁM ĐỐC' ELSE 'KT. GIÁM ĐỐC' || chr(10) || 'PHÓ GIÁM ĐỐC' END,
      ARRAY[${sql.join(LEGAL_BASES.map((b) => sql`${b}::text`), sql`, `)}],
      p.start, make_date(${lit(year)}, 12, 31),
      'active', 'quarterly', 30,
      ${asciiKey(number)} || ' ke hoach ' || ${topics.key(sql`p.h / 7`)} || ${span(true)} || ' ' || CASE WHEN ${division} THEN ${searchKey(t.name)}::text ELSE u.name_key END,
      p.start + time '08:00', p.start + time '08:00'
    FROM b_plan p JOIN b_unit u ON u.ord = p.owner_ord ORDER BY p.ord`);

  // Four sections a plan (I–IV); tasks fall into them in order.
  const titles = words(SECTION_TITLES);
  await exec(tx, sql`INSERT INTO plan_sections (tenant_id, plan_id, code, title, sort_order)
    SELECT ${t.id}, p.id, (ARRAY['I', 'II', 'III', 'IV'])[s], ${titles.text(sql`p.ord + s * 2`)}, s * 10 FROM b_plan p CROSS JOIN generate_series(1, 4) s`);

  await insertTasks(tx, t, cls, salt);
  const [n] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM b_task`);
  return { plans, tasks: n.n };
}

async function insertTasks(tx: Tx, t: BenchTenant, cls: { first: number; n: number }[], salt: SQL) {
  const D = t.divisions.length;
  const S = t.subs.length;
  const leads = await slotCount(tx, 1);
  const h = (k: number) => hash(sql`${salt} + (${lit(k)}::bigint << 32) + ord`);
  const variant = (c: number) => sql`${lit(cls[c].first)} + h2 % ${lit(cls[c].n)}`;
  // The draws of each task, from its ordinal across the tenant.
  await tx.execute(sql`CREATE TEMP TABLE b_task ON COMMIT DROP AS
    SELECT ord, plan_ord, k, n, ${seqId(t, 'tasks', sql`ord`)} AS id, h1, h3,
      CASE WHEN h1 % 100 < 64 THEN ${variant(0)} WHEN h1 % 100 < 82 THEN ${variant(1)} WHEN h1 % 100 < 95 THEN ${variant(2)} ELSE ${variant(3)} END AS variant,
      CASE WHEN h1 % 100 < 95 THEN (SELECT s.ord FROM b_slot s WHERE s.pool = 1 AND s.slot = h2 % ${lit(leads)}) END AS lead_ord
    FROM (SELECT p.first_task + k - 1 AS ord, p.ord AS plan_ord, k, p.n_tasks AS n FROM b_plan p CROSS JOIN LATERAL generate_series(1, p.n_tasks) k) x
    CROSS JOIN LATERAL (SELECT ${h(1)} AS h1, ${h(2)} AS h2, ${h(3)} AS h3) z`);
  // Three tasks in ten have a coordinating division other than the lead.
  await tx.execute(sql`ALTER TABLE b_task ADD PRIMARY KEY (ord), ADD COLUMN coord_ord int`);
  await tx.execute(sql`UPDATE b_task SET coord_ord = CASE WHEN 1 + (h3 / 10) % ${lit(D)} = lead_ord THEN 1 + lead_ord % ${lit(D)} ELSE 1 + (h3 / 10) % ${lit(D)} END WHERE h3 % 10 < 3`);
  // Lead units: one, or 18 units spread over the list for the "all units" tasks.
  const L = Math.min(ALL_UNITS_LEADS, S);
  const stride = Math.max(1, Math.floor(S / L));
  // In task order, the order of the occurrences' ids.
  await tx.execute(sql`CREATE TEMP TABLE b_lead ON COMMIT DROP AS SELECT * FROM (
    SELECT ord AS task_ord, lead_ord AS unit_ord, 0 AS sort FROM b_task WHERE lead_ord IS NOT NULL
    UNION ALL
    SELECT t.ord, ${lit(D + 1)} + (t.h3 % ${lit(S)} + j * ${lit(stride)}) % ${lit(S)}, j FROM b_task t CROSS JOIN generate_series(0, ${lit(L - 1)}) j WHERE t.lead_ord IS NULL
  ) l ORDER BY task_ord, sort`);
  await tx.execute(sql`ANALYZE b_task, b_plan, b_lead`);

  const act = words(TASK_ACTIONS), obj = words(TASK_OBJECTS), prod = words(TASK_PRODUCTS);
  const lead = (key: boolean) => sql`coalesce(${key ? sql`u.name_key` : sql`u.name`}, ${key ? searchKey(ALL_UNITS_TEXT) : ALL_UNITS_TEXT}::text)`;
  // search_text = searchKey of number, content, product, note (empty) and lead text, joined as the task service does.
  await exec(tx, sql`INSERT INTO tasks (id, tenant_id, plan_id, section_id, number, sort_order, content, product, lead_text, coordinator_text,
      deadline_text, schedule, schedule_kind, search_text, created_at, updated_at)
    SELECT t.id, ${t.id}, p.id, ps.id, t.k::text, t.k * 10, ${act.text(sql`t.h1 / 100`)} || ' ' || ${obj.text(sql`t.h1 / 2000`)}, ${prod.text(sql`t.h3 / 100`)},
      ${lead(false)}, coalesce(c.name, ''), v.text, v.schedule, v.kind,
      t.k::text || ' ' || ${act.key(sql`t.h1 / 100`)} || ' ' || ${obj.key(sql`t.h1 / 2000`)} || ' ' || ${prod.key(sql`t.h3 / 100`)} || ' ' || ${lead(true)},
      pl.created_at, pl.created_at
    FROM b_task t JOIN b_plan p ON p.ord = t.plan_ord JOIN plans pl ON pl.id = p.id JOIN b_variant v ON v.grp = p.grp AND v.v = t.variant
    JOIN plan_sections ps ON ps.plan_id = p.id AND ps.sort_order = 10 * (1 + ((t.k - 1) * 4) / t.n)
    LEFT JOIN b_unit u ON u.ord = t.lead_ord LEFT JOIN b_unit c ON c.ord = t.coord_ord
    ORDER BY t.ord`);
  await exec(tx, sql`INSERT INTO task_units (tenant_id, task_id, unit_id, role, sort_order)
    SELECT ${t.id}::uuid, t.id, u.id, 'lead', l.sort FROM b_lead l JOIN b_task t ON t.ord = l.task_ord JOIN b_unit u ON u.ord = l.unit_ord
    UNION ALL
    SELECT ${t.id}::uuid, t.id, u.id, 'coordinator', 0 FROM b_task t JOIN b_unit u ON u.ord = t.coord_ord`);
}
