// The trigger-kept indicator totals (migration 0007) and responsible-unit counts (0009) against the live sums over every value, on the demo
// data and after each kind of change: values entered and corrected, a unit added to and removed from an
// indicator, a value deleted, a measure changed, an indicator deleted. Both engines run it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { withSystem, withTenant } from '../../db/context.ts';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let vp: Client;
let tenantId: string;
let planId: string;
const u: Record<string, string> = {};

type Totals = { key: string; reported: number; numerator: number; denominator: number; valueSum: number };

/** Every (indicator, period) of the database, from the summary and summed live by the rule the dashboard used. */
async function both() {
  return withTenant(t.database.db, tenantId, async (tx) => {
    const kept = rowsOf<Totals>(await tx.execute(sql`
      SELECT indicator_id || '|' || period_key AS key, reported, numerator, denominator, value_sum AS "valueSum"
      FROM indicator_period_totals WHERE reported > 0 ORDER BY 1`));
    const live = rowsOf<Totals>(await tx.execute(sql`
      SELECT v.indicator_id || '|' || v.period_key AS key, count(*)::int AS reported, coalesce(sum(v.numerator), 0)::float8 AS numerator,
        coalesce(sum(v.denominator), 0)::float8 AS denominator, coalesce(sum(v.value), 0)::float8 AS "valueSum"
      FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
      JOIN indicator_units iu ON iu.indicator_id = v.indicator_id AND iu.unit_id = v.unit_id
      WHERE CASE WHEN i.measure = 'ratio' THEN v.numerator IS NOT NULL AND v.denominator > 0 ELSE v.value IS NOT NULL END
      GROUP BY 1 ORDER BY 1`));
    // The responsible units' count kept on each indicator (migration 0009) against a live count.
    const unitCounts = rowsOf<{ id: string; kept: number; live: number }>(await tx.execute(sql`
      SELECT i.id, i.unit_count AS kept, (SELECT count(*) FROM indicator_units iu WHERE iu.indicator_id = i.id)::int AS live
      FROM indicators i ORDER BY i.id`));
    return { kept: kept.map(numbers), live: live.map(numbers), unitCounts };
  });
}
const numbers = (r: Totals) => ({ key: r.key, reported: Number(r.reported), numerator: Number(r.numerator), denominator: Number(r.denominator), valueSum: Number(r.valueSum) });

async function expectSame() {
  const { kept, live, unitCounts } = await both();
  expect(unitCounts.length).toBeGreaterThan(0);
  for (const c of unitCounts) expect(Number(c.kept), `units of ${c.id}`).toBe(Number(c.live));
  expect(kept.map((r) => r.key)).toEqual(live.map((r) => r.key));
  kept.forEach((k, i) => {
    const l = live[i];
    expect(k.reported, k.key).toBe(l.reported);
    // Sums kept by adding and subtracting doubles may differ from a fresh sum in the last bits.
    for (const f of ['numerator', 'denominator', 'valueSum'] as const) expect(k[f], `${k.key} ${f}`).toBeCloseTo(l[f], 6);
  });
  return live.length;
}

const put = (id: string, unit: string, period: string, body: unknown) => vp.request('PUT', `/api/indicators/${id}/values/${period}/units/${unit}`, body);

beforeAll(async () => {
  t = await testApp();
  vp = await signIn(t.app, 'dt.vanphong');
  tenantId = (await vp.get('/api/auth/me')).body.tenant.id;
  for (const [k, name] of Object.entries({ vp: 'Văn phòng Sở', bvqdy: 'Bệnh viện Quân dân y Đồng Tháp', bvdk: 'Bệnh viện Đa khoa Đồng Tháp', sadec: 'Bệnh viện Đa khoa Sa Đéc' })) {
    u[k] = await unitId(vp, name);
  }
  const plan = await vp.post('/api/plans', { ownerUnitId: u.vp, issuer: 'Sở Y tế Đồng Tháp', title: 'Chỉ tiêu thử tổng hợp (thử nghiệm)', periodStart: '2026-01-01', periodEnd: '2026-12-31' });
  planId = plan.body.id;
  expect((await vp.post(`/api/plans/${planId}/status`, { status: 'active' })).status).toBe(200);
});
afterAll(async () => { await t.close(); });

describe('indicator totals kept by triggers', () => {
  it('equal the live sums on the demo data', async () => {
    expect(await expectSame()).toBeGreaterThan(0);
  });

  it('follow values entered, corrected, units added and removed, a value deleted, a measure changed and an indicator deleted', async () => {
    const made = await vp.post(`/api/plans/${planId}/indicators`, {
      text: 'Tối thiểu 90% hồ sơ bệnh án được số hóa', subject: 'Hồ sơ bệnh án được số hóa', measure: 'ratio', unit: '%', comparator: '>=', target: 90,
      periodType: 'half', numeratorLabel: 'Số hồ sơ đã số hóa', denominatorLabel: 'Tổng số hồ sơ', unitIds: [u.bvqdy, u.bvdk],
    });
    expect(made.status).toBe(201);
    const id = made.body.id;
    expect((await put(id, u.bvqdy, '2026-H1', { numerator: 40, denominator: 100 })).status).toBe(200);
    expect((await put(id, u.bvdk, '2026-H1', { numerator: 7.5, denominator: 10 })).status).toBe(200);
    expect((await put(id, u.bvqdy, '2026-H2', { numerator: 60, denominator: 100 })).status).toBe(200);
    await expectSame();
    // Corrected: the old figures leave the sum, the new ones enter it.
    expect((await put(id, u.bvqdy, '2026-H1', { numerator: 45, denominator: 90 })).status).toBe(200);
    await expectSame();
    // A unit added brings its values (none yet), then a value; the units' list rewritten keeps the others' sums.
    expect((await vp.patch(`/api/indicators/${id}`, { unitIds: [u.bvqdy, u.bvdk, u.sadec] })).status).toBe(200);
    expect((await put(id, u.sadec, '2026-H2', { numerator: 3, denominator: 4 })).status).toBe(200);
    await expectSame();
    // Values entered for a unit that is not (or no longer) responsible do not count: stored by the owner in SQL.
    await withSystem(t.database.db, async (tx) => {
      await tx.execute(sql`DELETE FROM indicator_units WHERE indicator_id = ${id} AND unit_id = ${u.sadec}`);
    });
    await expectSame();
    await withSystem(t.database.db, async (tx) => {
      await tx.execute(sql`INSERT INTO indicator_units (tenant_id, indicator_id, unit_id) VALUES (${tenantId}, ${id}, ${u.sadec})`);
      await tx.execute(sql`DELETE FROM indicator_values WHERE indicator_id = ${id} AND unit_id = ${u.bvdk}`);
    });
    await expectSame();
    // A measure changed (the service refuses it once values exist) recounts which values are usable.
    await withSystem(t.database.db, async (tx) => {
      await tx.execute(sql`UPDATE indicators SET measure = 'value' WHERE id = ${id}`);
    });
    await expectSame();
    await withSystem(t.database.db, async (tx) => {
      await tx.execute(sql`UPDATE indicators SET measure = 'ratio' WHERE id = ${id}`);
    });
    await expectSame();
    // Deleting an indicator with values is refused by the service; the owner's delete cascades to its totals.
    expect((await vp.del(`/api/indicators/${id}`)).status).toBe(409);
    await withSystem(t.database.db, async (tx) => { await tx.execute(sql`DELETE FROM indicators WHERE id = ${id}`); });
    await expectSame();
    await withTenant(t.database.db, tenantId, async (tx) => {
      expect(rowsOf(await tx.execute(sql`SELECT 1 FROM indicator_period_totals WHERE indicator_id = ${id}`))).toEqual([]);
    });
  });
});
