// Indicators of the two-year programme plans, reported monthly by every subordinate unit since January of
// last year up to last month: at province scale 947 indicators × 240 units × 22 months ≈ 5 million values.
// Each indicator's units reach its target to a degree drawn per indicator, so that the dashboard's
// roll-ups come out green, amber and red in believable proportions.
import { sql } from 'drizzle-orm';
import { periodsBetween } from '../../core/reports/periods.ts';
import { addDays } from '../../core/schedule/dates.ts';
import type { Tx } from '../../server/db/client.ts';
import { scheduleOf } from '../../server/modules/targets/present.ts';
import type { BenchTenant } from './org.ts';
import { asciiKey, exec, hash, json, lit, seqId, words } from './sql.ts';
import { INDICATORS } from './words.ts';

export async function insertIndicators(tx: Tx, t: BenchTenant, values: number, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  const lastMonthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
  // Months with values: entered five days after each month ends, at nine in the morning in Vietnam.
  const periods = periodsBetween(scheduleOf('month'), `${year - 1}-01-01`, lastMonthEnd)
    .map((p, ord) => ({ ord, key: p.key, at: `${addDays(p.end, 5)}T09:00:00+07:00` }));
  const S = t.subs.length;
  const count = Math.ceil(values / (S * periods.length));
  const weights = t.subs.reduce((a, u) => a + u.weight, 0);
  const salt = sql`(${lit(t.no)}::bigint << 48)`;

  await tx.execute(sql`CREATE TEMP TABLE b_period ON COMMIT DROP AS SELECT * FROM jsonb_to_recordset(${json(periods)}) AS x(ord int, key text, at timestamptz)`);
  const subject = words(INDICATORS.map((i) => i.subject));
  // The target as written: "Tỷ lệ trẻ em … đạt tối thiểu 95%", "Lượt khám bệnh, chữa bệnh đạt tối thiểu 396000".
  const phrase = words(INDICATORS.map((i) => (i.ratio ? `Tỷ lệ ${i.subject[0].toLowerCase()}${i.subject.slice(1)}` : i.subject)));
  const num = words(INDICATORS.map((i) => i.numerator)), den = words(INDICATORS.map((i) => i.denominator));
  const ints = (f: (i: (typeof INDICATORS)[number]) => number) => sql`(ARRAY[${sql.join(INDICATORS.map((i) => lit(f(i))), sql`, `)}])[1 + s]`;
  // An indicator of the i-th programme plan by turns; its subject by hash; how far its units get, 85–115% of the target.
  await tx.execute(sql`CREATE TEMP TABLE b_ind ON COMMIT DROP AS
    SELECT i AS ord, ${seqId(t, 'indicators', sql`i`)} AS id, pl.id AS plan_id, 1 + i / pl.n AS n, s, ${ints((x) => (x.ratio ? 1 : 0))} = 1 AS ratio,
      ${ints((x) => x.size)} AS size, ${ints((x) => x.target)} AS target, 0.85 + (h / 7 % 31) / 100.0 AS reach, h
    FROM generate_series(0, ${lit(count - 1)}) i
    CROSS JOIN LATERAL (SELECT ${hash(sql`${salt} + i`)} AS h) z
    CROSS JOIN LATERAL (SELECT z.h % ${lit(INDICATORS.length)} AS s) k
    JOIN (SELECT id, row_number() OVER (ORDER BY ord) - 1 AS r, count(*) OVER () AS n FROM b_plan WHERE grp = 'two') pl ON pl.r = i % pl.n`);
  await tx.execute(sql`ANALYZE b_ind, b_period`);

  // A count's target is the province's total: what the units would make at full reach.
  const target = sql`CASE WHEN b.ratio THEN b.target ELSE round(b.size * ${lit(weights)} / 10.0) * 10 END`;
  const text = (key: boolean) => sql`${phrase[key ? 'key' : 'text'](sql`b.s`)} || ${key ? ' dat toi thieu ' : ' đạt tối thiểu '} || ${target}::bigint
    || CASE WHEN b.ratio THEN ${key ? '' : '%'} ELSE '' END`;
  await exec(tx, sql`INSERT INTO indicators (id, tenant_id, plan_id, code, text, subject, measure, unit, comparator, target, aggregation, amber_pct, period_type,
      numerator_label, denominator_label, sort_order, search_text)
    SELECT b.id, ${t.id}, b.plan_id, 'CT.' || b.n, ${text(false)}, ${subject.text(sql`b.s`)}, CASE WHEN b.ratio THEN 'ratio' ELSE 'value' END,
      CASE WHEN b.ratio THEN '%' ELSE 'count' END, '>=', ${target}, 'sum', 10, 'month',
      CASE WHEN b.ratio THEN ${num.text(sql`b.s`)} ELSE '' END, CASE WHEN b.ratio THEN ${den.text(sql`b.s`)} ELSE '' END, b.n * 10,
      ${asciiKey(sql`'CT.' || b.n`)} || ' ' || ${subject.key(sql`b.s`)} || ' ' || ${text(true)}
    FROM b_ind b ORDER BY b.ord`);
  await exec(tx, sql`INSERT INTO indicator_units (tenant_id, indicator_id, unit_id)
    SELECT ${t.id}, b.id, u.id FROM b_ind b CROSS JOIN b_unit u WHERE u.kind <> 'division' ORDER BY b.ord, u.ord`);

  // A unit's denominator scales with its weight; its reach drifts up a little month by month. Entered by the
  // unit's focal point, by name only as in the demo seed (entered_by is never read; 5 M more key checks).
  // Written indicator by indicator, month by month, so that the ids and the (indicator, period, unit) key append.
  // Statements of about 400,000 values, for the reason given in progress.ts.
  const perStatement = Math.max(1, Math.floor(400_000 / (S * periods.length)));
  let made = 0;
  for (let lo = 0; lo < count; lo += perStatement) {
    made += await exec(tx, sql`INSERT INTO indicator_values (id, tenant_id, indicator_id, unit_id, period_key, numerator, denominator, value, entered_by_name, created_at, updated_at)
      SELECT ${seqId(t, 'values', sql`(b.ord::bigint << 24) + (p.ord << 12) + u.ord`)}, ${t.id}, b.id, u.id, p.key,
        CASE WHEN b.ratio THEN least(v.den, round(v.den * b.target * v.reach / 100)) END, CASE WHEN b.ratio THEN v.den END,
        CASE WHEN NOT b.ratio THEN round(b.size * u.weight * v.reach) END,
        u.focal_name, p.at, p.at
      FROM b_ind b CROSS JOIN b_period p CROSS JOIN b_unit u
      CROSS JOIN LATERAL (SELECT ${hash(sql`${salt} + (b.ord::bigint << 24) + (p.ord << 12) + u.ord`)} AS h) x
      CROSS JOIN LATERAL (SELECT greatest(1, round(b.size * u.weight * (0.5 + (x.h % 1000) / 1000.0))) AS den,
        b.reach - 0.08 + p.ord * 0.003 + ((x.h / 1000) % 100) / 1000.0 AS reach) v
      WHERE u.kind <> 'division' AND b.ord >= ${lit(lo)} AND b.ord < ${lit(lo + perStatement)}
      ORDER BY b.ord, p.ord, u.ord`);
  }
  return made;
}
