// The support allowance of Resolution 07 (seed 000) at scale: one policy version; for each paying unit (the Sở
// for its own staff, and each hospital, centre and area centre — a commune station's staff are paid by its area
// centre) its staff on digital-transformation tasks, each with an assignment decision; the monthly ratings and
// lists of the twelve months before the current one, all paid but the last, which waits for approval. Staff are
// shared out by the units' weight so that the lines come to the scale's number (50,000 for a province).
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.ts';
import { FAMILY, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M } from './names.ts';
import type { BenchTenant } from './org.ts';
import { exec, hash, lit, rows, words } from './sql.ts';

const MONTHS = 12;
const RATE = { full_time: 3_000_000, part_time: 1_500_000 }; // the demo's example rates (is_example)

export async function insertAllowance(tx: Tx, t: BenchTenant, lines: number, today: string): Promise<number> {
  const payers = [{ id: t.rootId, name: t.name, weight: 4 }, ...t.subs.filter((u) => u.kind !== 'commune')];
  const total = payers.reduce((a, p) => a + p.weight, 0);
  const perMonth = lines / MONTHS;
  const staff = payers.map((p, i) => ({ ord: i + 1, id: p.id, name: p.name, n: Math.max(1, Math.round((perMonth * p.weight) / total)) }));
  const [y, m] = today.split('-').map(Number);
  const months = Array.from({ length: MONTHS }, (_, i) => {
    const k = y * 12 + (m - 1) - (MONTHS - i); // oldest first, the last one the month before the current
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });

  const [policy] = await rows<{ id: string }>(tx, sql`INSERT INTO allowance_policies (tenant_id, version, effective_from, rate_full_time, rate_part_time, min_rating, partial_month, is_example, legal_basis)
    VALUES (${t.id}, 1, ${`${months[0]}-01`}, ${RATE.full_time}, ${RATE.part_time}, 'done', 'by_days', true, 'Nghị quyết số 07/2026/NQ-HĐND') RETURNING id`);

  await tx.execute(sql`DROP TABLE IF EXISTS b_pay, b_staff, b_list`);
  await tx.execute(sql`CREATE TEMP TABLE b_pay ON COMMIT DROP AS
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(staff)}::jsonb) AS x(ord int, id uuid, name text, n int)`);
  const family = words(FAMILY), mf = words(MIDDLE_F), mm = words(MIDDLE_M), gf = words(GIVEN_F), gm = words(GIVEN_M);
  const full = (k: 'text' | 'key') => sql`${family[k](sql`h / 2`)} || ' ' || CASE WHEN h % 2 = 0 THEN ${mf[k](sql`h / 64`)} ELSE ${mm[k](sql`h / 64`)} END
    || ' ' || CASE WHEN h % 2 = 0 THEN ${gf[k](sql`h / 1024`)} ELSE ${gm[k](sql`h / 1024`)} END`;
  await tx.execute(sql`CREATE TEMP TABLE b_staff ON COMMIT DROP AS
    SELECT p.id AS unit_id, p.ord, p.name AS unit_name, k, gen_random_uuid() AS person_id, gen_random_uuid() AS assignment_id,
      CASE WHEN k % 3 = 0 THEN 'part_time' ELSE 'full_time' END AS category, z.h
    FROM b_pay p CROSS JOIN LATERAL generate_series(1, p.n) k
    CROSS JOIN LATERAL (SELECT ${hash(sql`(${lit(t.no)}::bigint << 40) + 7 * 1000000 + p.ord * 10000 + k`)} AS h) z`);
  await tx.execute(sql`ALTER TABLE b_staff ADD COLUMN full_name text, ADD COLUMN full_key text`);
  await tx.execute(sql`UPDATE b_staff SET full_name = ${full('text')}, full_key = ${full('key')}`);

  await exec(tx, sql`INSERT INTO people (id, tenant_id, unit_id, full_name, position, title, search_text)
    SELECT person_id, ${t.id}, unit_id, full_name, 'Chuyển đổi số', CASE WHEN category = 'part_time' THEN 'Chuyên viên (kiêm nhiệm)' ELSE 'Chuyên viên' END,
      full_key || ' chuyen doi so chuyen vien' FROM b_staff`);
  await exec(tx, sql`INSERT INTO allowance_assignments (id, tenant_id, unit_id, person_id, decision_no, decision_date, signer, task, output, category, job_position, start_on)
    SELECT assignment_id, ${t.id}, unit_id, person_id, ord || '/QĐ-PC', ${`${months[0]}-01`}::date - 10, 'Giám đốc',
      'Triển khai bệnh án điện tử và số hóa hồ sơ', 'Báo cáo kết quả hằng tháng', category, 'Công nghệ thông tin', ${`${months[0]}-01`}::date FROM b_staff`);
  // Ratings: one in ten excellent, most good, a few only "done" — all at least the policy's minimum.
  const rating = (month: SQL) => sql`CASE WHEN (s.h + ${month} * 7919) % 10 = 0 THEN 'excellent' WHEN (s.h + ${month} * 7919) % 10 = 9 THEN 'done' ELSE 'good' END`;
  await tx.execute(sql`CREATE TEMP TABLE b_list ON COMMIT DROP AS
    SELECT p.id AS unit_id, mo.month, mo.i, gen_random_uuid() AS id FROM b_pay p CROSS JOIN unnest(${sql.raw(`ARRAY['${months.join("','")}']`)}::text[]) WITH ORDINALITY AS mo(month, i)`);
  await exec(tx, sql`INSERT INTO allowance_ratings (tenant_id, person_id, month, rating, entered_by_name)
    SELECT ${t.id}, s.person_id, mo.month, ${rating(sql`mo.i`)}, 'Phòng Tổ chức cán bộ' FROM b_staff s CROSS JOIN (SELECT DISTINCT month, i FROM b_list) mo`);
  await exec(tx, sql`INSERT INTO allowance_lists (id, tenant_id, unit_id, month, status, policy_id) SELECT id, ${t.id}, unit_id, month, 'draft', ${policy.id} FROM b_list`);
  const made = await exec(tx, sql`INSERT INTO allowance_lines (tenant_id, list_id, person_id, kind, for_month, person_name, person_title, unit_name, assignment_id, decision_no,
      category, rating, rate, days_covered, days_in_month, amount, engine_eligible, included)
    SELECT ${t.id}, l.id, s.person_id, 'regular', l.month, s.full_name, 'Chuyên viên', s.unit_name, s.assignment_id, s.ord || '/QĐ-PC', s.category, ${rating(sql`l.i`)},
      CASE WHEN s.category = 'part_time' THEN ${lit(RATE.part_time)} ELSE ${lit(RATE.full_time)} END, d.days, d.days,
      CASE WHEN s.category = 'part_time' THEN ${lit(RATE.part_time)} ELSE ${lit(RATE.full_time)} END, true, true
    FROM b_list l JOIN b_staff s ON s.unit_id = l.unit_id
    CROSS JOIN LATERAL (SELECT extract(day FROM (l.month || '-01')::date + interval '1 month' - interval '1 day')::int AS days) d`);
  // Every month paid on the 10th of the next, except the last: proposed, waiting for the HR division.
  await tx.execute(sql`UPDATE allowance_lists l SET status = CASE WHEN l.month = ${months[MONTHS - 1]} THEN 'proposed' ELSE 'paid' END,
      proposed_at = (l.month || '-03')::date + interval '1 month',
      approved_at = CASE WHEN l.month = ${months[MONTHS - 1]} THEN NULL ELSE (l.month || '-06')::date + interval '1 month' END,
      approved_by_name = CASE WHEN l.month = ${months[MONTHS - 1]} THEN '' ELSE 'Trưởng phòng Tổ chức cán bộ' END,
      pay_period = CASE WHEN l.month = ${months[MONTHS - 1]} THEN '' ELSE l.month END,
      paid_on = CASE WHEN l.month = ${months[MONTHS - 1]} THEN NULL ELSE ((l.month || '-10')::date + interval '1 month')::date END,
      paid_amount = CASE WHEN l.month = ${months[MONTHS - 1]} THEN NULL ELSE (SELECT sum(amount) FROM allowance_lines x WHERE x.list_id = l.id) END
    WHERE l.tenant_id = ${t.id}`);
  return made;
}
