// Counting and listing occurrences in the database. The trigger-kept counts (migration 0006) against the
// live count over every occurrence, on the demo data and after each kind of change: progress, reopening,
// a corrected schedule, a plan closed and reissued, a new plan issued; the list's status and search filters
// against the rule they replace. Both engines run it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { OCCURRENCE_STATUS_SQL, OCCURRENCE_STATUS_WHERE, OCCURRENCE_STATUSES, type StatusCounts } from '../../../core/plans/status.ts';
import { rowsOf } from '../../db/client.ts';
import { withTenant } from '../../db/context.ts';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { countsBy, countsFromSummary } from './queries.ts';

let t: TestContext;
let cntt: Client;
let xanhpon: Client;
let tenantId: string;
let planId: string;
const units: Record<string, string> = {};

const sorted = (m: Map<string, StatusCounts>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

/** Live and summary counts by unit and by plan, on several days around the due dates. */
async function expectSameCounts() {
  for (const today of ['2026-01-15', '2026-06-10', '2026-11-23', '2026-12-31', '2027-03-01']) {
    await withTenant(t.database.db, tenantId, async (tx) => {
      for (const by of ['unit_id', 'plan_id'] as const) {
        expect(sorted(await countsFromSummary(tx, by, today)), `${by} on ${today}`).toEqual(sorted(await countsBy(tx, by, today)));
      }
    });
  }
}

beforeAll(async () => {
  t = await testApp();
  [cntt, xanhpon] = await Promise.all(['hn.cntt', 'hn.xanhpon'].map((u) => signIn(t.app, u)));
  tenantId = (await cntt.get('/api/auth/me')).body.tenant.id;
  units.xanhpon = await unitId(cntt, 'Bệnh viện Đa khoa Xanh Pôn');
  units.cntt = await unitId(cntt, 'Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin');
  planId = (await cntt.get('/api/plans')).body.items.find((p: { status: string }) => p.status === 'active').id;
});
afterAll(async () => { await t.close(); });

type Item = { id: string; status: string; task: { number: string; content: string }; plan: { title: string }; unit: { name: string } | null };

describe('occurrence lists filtered in the database', () => {
  it('a status filter returns exactly the periods of that status, and the statuses cover the whole list', async () => {
    const all = (await cntt.get('/api/occurrences')).body.items as Item[];
    expect(all.length).toBeGreaterThan(20);
    let seen = 0;
    for (const status of OCCURRENCE_STATUSES) {
      const some = (await cntt.get(`/api/occurrences?status=${status}`)).body.items as Item[];
      expect(some.every((o) => o.status === status), status).toBe(true);
      expect(some.map((o) => o.id).sort()).toEqual(all.filter((o) => o.status === status).map((o) => o.id).sort());
      seen += some.length;
    }
    expect(seen).toBe(all.length);
  });

  it('search ignores diacritics and finds words in the task, the plan or the unit, each word somewhere', async () => {
    const all = (await cntt.get('/api/occurrences')).body.items as Item[];
    const search = async (q: string) => ((await cntt.get(`/api/occurrences?q=${encodeURIComponent(q)}`)).body.items as Item[]).map((o) => o.id).sort();
    const expected = (pred: (o: Item) => boolean) => all.filter(pred).map((o) => o.id).sort();
    const xanhPon = expected((o) => o.unit?.name === 'Bệnh viện Đa khoa Xanh Pôn');
    expect(xanhPon.length).toBeGreaterThan(0);
    expect(await search('xanh pon')).toEqual(xanhPon);
    expect(await search('XANH PÔN')).toEqual(xanhPon);
    const word = all[0].task.content.split(' ').find((w) => w.length > 5)!;
    const withWord = await search(word);
    expect(withWord).toContain(all[0].id);
    // Two words from different places (the task and the unit) narrow to both.
    expect(await search(`${word} xanh pon`)).toEqual(withWord.filter((id) => xanhPon.includes(id)));
    expect(await search('khongcotrongkehoach')).toEqual([]);
  });
});

describe('occurrence counts kept by triggers', () => {
  it('match the live count on the demo data', async () => {
    const live = await withTenant(t.database.db, tenantId, (tx) => countsBy(tx, 'unit_id', '2026-11-23'));
    expect([...live.values()].reduce((a, c) => a + c.total, 0)).toBeGreaterThan(20);
    await expectSameCounts();
  });

  it('filter a status with the index-friendly condition exactly as the status rule says', async () => {
    const cols = { due: 'due_on', completed: 'completed_on', lastUpdate: 'last_update_at' };
    for (const today of ['2026-01-15', '2026-11-23', '2027-03-01']) {
      const day = `'${today}'::date`;
      await withTenant(t.database.db, tenantId, async (tx) => {
        for (const status of OCCURRENCE_STATUSES) {
          const [r] = rowsOf<{ a: number; b: number }>(await tx.execute(sql.raw(`SELECT
            count(*) FILTER (WHERE ${OCCURRENCE_STATUS_WHERE(cols, day)[status]})::int AS a,
            count(*) FILTER (WHERE (${OCCURRENCE_STATUS_SQL(cols, day)}) = '${status}')::int AS b FROM occurrences`)));
          expect(r.a, `${status} on ${today}`).toBe(r.b);
        }
      });
    }
  });

  it('follow progress, reopening and dates set by hand', async () => {
    const mine = ((await xanhpon.get(`/api/occurrences?unitId=${units.xanhpon}`)).body.items as { id: string; status: string }[])
      .filter((o) => !o.status.startsWith('done'));
    expect(mine.length).toBeGreaterThan(0);
    expect((await xanhpon.post(`/api/occurrences/${mine[0].id}/progress`, { state: 'open', percent: 30, note: 'Đang làm' })).status).toBe(201);
    await expectSameCounts();
    expect((await xanhpon.post(`/api/occurrences/${mine[0].id}/progress`, { state: 'done', completedOn: '2026-11-20' })).status).toBe(201);
    await expectSameCounts();
    expect((await xanhpon.post(`/api/occurrences/${mine[0].id}/progress`, { state: 'open', percent: 50, note: 'Mở lại để bổ sung' })).status).toBe(201);
    await expectSameCounts();
  });

  it('follow a plan closed, reissued, and a new plan issued', async () => {
    expect((await cntt.post(`/api/plans/${planId}/status`, { status: 'closed' })).status).toBe(200);
    await expectSameCounts();
    expect((await cntt.post(`/api/plans/${planId}/status`, { status: 'active' })).status).toBe(200);
    await expectSameCounts();
    const plan = await cntt.post('/api/plans', { title: 'Kế hoạch kiểm tra đếm', ownerUnitId: units.cntt, issuer: 'Sở Y tế Hà Nội', periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const task = await cntt.post(`/api/plans/${plan.body.id}/tasks`, { content: 'Báo cáo hằng tháng', deadlineText: 'Hằng tháng', leadText: 'Bệnh viện Đa khoa Xanh Pôn' });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    expect((await cntt.post(`/api/plans/${plan.body.id}/status`, { status: 'active' })).status).toBe(200);
    await expectSameCounts();
    // A corrected schedule re-derives the periods: some deleted, some inserted.
    expect((await cntt.request('PATCH', `/api/tasks/${task.body.id}`, { deadlineText: 'Hằng quý' })).status).toBe(200);
    await expectSameCounts();
  });
});
