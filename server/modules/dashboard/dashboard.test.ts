// The leadership dashboard on the demo data, on PGlite and on PostgreSQL, with the clock frozen at 23/11/2026:
// the same figures as the overview, indicators off target, reports not yet in, and each user's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let leader: Client; // hn.lanhdao: Ban Giám đốc of Sở Y tế Hà Nội, granted on the root
let inspector: Client;
let cntt: Client; // the division that owns Hà Nội's demo plan and reviews its reports
let admin: Client; // tenant administrator: enters values for units that have no account in the demo
let xanhpon: Client; // unit focal point of Bệnh viện Đa khoa Xanh Pôn
let otherLeader: Client; // dt.lanhdao, Sở Y tế Đồng Tháp
const units: Record<string, string> = {};
let planId: string;

type Row = { unit: { id: string }; counts: { overdue: number; total: number } };

beforeAll(async () => {
  t = await testApp();
  [leader, inspector, cntt, admin, xanhpon, otherLeader] = await Promise.all(['hn.lanhdao', 'hn.thanhtra', 'hn.cntt', 'hn.quantri', 'hn.xanhpon', 'dt.lanhdao'].map((u) => signIn(t.app, u)));
  for (const [k, name] of Object.entries({ cntt: 'Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin', xanhpon: 'Bệnh viện Đa khoa Xanh Pôn', thanhnhan: 'Bệnh viện Thanh Nhàn', tim: 'Bệnh viện Tim Hà Nội' })) {
    units[k] = await unitId(leader, name);
  }
  planId = (await leader.get('/api/plans')).body.items.find((p: { status: string }) => p.status === 'active').id;
});
afterAll(async () => { await t.close(); });

/** A ratio indicator (%, at least `target`) of Hà Nội's demo plan for Xanh Pôn and Thanh Nhàn, with values, through the indicator API. */
async function indicator(text: string, target: number, periodType: 'quarter' | 'half', values: [unit: string, period: string, numerator: number, denominator: number][]) {
  const created = await cntt.post(`/api/plans/${planId}/indicators`, {
    text, subject: text, measure: 'ratio', unit: '%', comparator: '>=', target, amberPct: 10, periodType, unitIds: [units.xanhpon, units.thanhnhan],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (const [unit, period, numerator, denominator] of values) {
    const entered = await admin.request('PUT', `/api/indicators/${created.body.id}/values/${period}/units/${units[unit]}`, { numerator, denominator });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
  }
  return created.body.id as string;
}

describe('the dashboard of Ban Giám đốc', () => {
  it('shows the overview’s figures for the whole Sở, and the worst units first', async () => {
    const { status, body } = await leader.get('/api/dashboard');
    expect(status).toBe(200);
    const overview = (await leader.get('/api/plans-overview')).body;
    expect(body.today).toBe('2026-11-23');
    expect(body.scope).toMatchObject({ all: true });
    expect(body.totals).toEqual(overview.totals);
    expect(body.byPlan).toEqual(overview.byPlan);
    expect(body.byUnit).toEqual(overview.byUnit);
    expect(body.overdue.map((o: { id: string }) => o.id)).toEqual(overview.overdue.map((o: { id: string }) => o.id));
    expect(body.dueSoon.map((o: { id: string }) => o.id)).toEqual(overview.dueSoon.map((o: { id: string }) => o.id));
    expect(body.totals.overdue).toBeGreaterThan(0);

    const late = body.byUnit.filter((r: Row) => r.counts.overdue > 0);
    expect(body.overdueByUnit).toHaveLength(Math.min(15, late.length));
    const counts = body.overdueByUnit.map((r: { overdue: number }) => r.overdue);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const shown = counts.reduce((n: number, x: number) => n + x, 0);
    const hidden = late.slice(15).reduce((n: number, r: Row) => n + r.counts.overdue, 0);
    expect(shown + hidden).toBe(body.totals.overdue);
    expect(body.overdueByUnit[0].link).toBe(`/nhiem-vu-don-vi?don-vi=${body.overdueByUnit[0].unit.id}&xem=qua-han`);
    expect((await inspector.get('/api/dashboard')).body.totals).toEqual(body.totals);
  });

  it('lists indicators whose latest period with values is red or amber, rolled up Σ/Σ, and not one that recovered', async () => {
    // Red in the third quarter, and nothing entered yet for the fourth: the third quarter is its latest figure.
    const red = await indicator('Tỷ lệ hồ sơ bệnh án điện tử đạt 70%', 70, 'quarter', [['xanhpon', '2026-Q3', 30, 100], ['thanhnhan', '2026-Q3', 50, 300]]);
    const amber = await indicator('Tỷ lệ thanh toán không dùng tiền mặt đạt 70%', 70, 'half', [['xanhpon', '2026-H2', 60, 100], ['thanhnhan', '2026-H2', 70, 100]]);
    const recovered = await indicator('Tỷ lệ người bệnh hài lòng đạt 90%', 90, 'quarter', [['xanhpon', '2026-Q3', 10, 100], ['xanhpon', '2026-Q4', 95, 100]]);
    const { body } = await leader.get('/api/dashboard');
    const ids = body.indicators.map((i: { id: string }) => i.id);
    expect(ids).toContain(red);
    expect(ids).toContain(amber);
    expect(ids).not.toContain(recovered);
    expect(ids.indexOf(red)).toBeLessThan(ids.indexOf(amber)); // red first
    expect(body.indicators.find((i: { id: string }) => i.id === red)).toMatchObject({
      rag: 'red', value: 20, valueText: '20%', targetText: 'Tối thiểu 70%', periodKey: '2026-Q3', periodLabel: 'Quý III/2026',
      reported: 2, expected: 2, plan: { id: planId }, link: `/chi-tieu/${red}`,
    });
    expect(body.indicators.find((i: { id: string }) => i.id === amber)).toMatchObject({ rag: 'amber', value: 65, valueText: '65%', periodLabel: '6 tháng cuối năm 2026' });
    expect((await otherLeader.get('/api/dashboard')).body.indicators.map((i: { id: string }) => i.id)).not.toContain(red);
  });

  it('lists a new report schedule with every subordinate unit missing for the current period', async () => {
    const created = await cntt.post('/api/report-schedules', {
      title: 'Báo cáo 6 tháng (kiểm thử bảng điều hành)', templateId: 'builtin:nq07-6-thang', ownerUnitId: units.cntt,
      periodType: 'half', dueRule: { kind: 'dates', dates: ['06-10', '12-10'] }, graceDays: 0, lockDays: 20, assigneeMode: 'subordinates', startsOn: '2026-07-01',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const { body } = await leader.get('/api/dashboard');
    const card = body.reports.find((r: { schedule: { id: string } }) => r.schedule.id === id);
    expect(card).toMatchObject({
      schedule: { title: 'Báo cáo 6 tháng (kiểm thử bảng điều hành)', owner: { id: units.cntt } },
      period: { key: '2026-H2', label: '6 tháng cuối năm 2026', dueOn: '2026-12-10', locked: false },
      completeness: { expected: 9, submitted: 0, onTime: 0, approved: 0, submittedRate: 0 },
      link: `/bao-cao/${id}?ky=2026-H2`,
    });
    // All nine counted, the first eight named (the schedule's page lists every one).
    expect(card.missingCount).toBe(9);
    expect(card.missing).toHaveLength(8);
    expect(card.missing.find((u: { id: string }) => u.id === units.xanhpon)).toMatchObject({
      name: 'Bệnh viện Đa khoa Xanh Pôn', link: `/bao-cao/${id}/ky/2026-H2/don-vi/${units.xanhpon}`,
    });
    // Every card agrees with the schedule's own page.
    for (const r of body.reports) {
      const page = (await leader.get(`/api/report-schedules/${r.schedule.id}?period=${r.period.key}`)).body;
      expect(r.completeness).toEqual(page.selected.completeness);
      expect(r.missingCount).toBe(r.completeness.expected - r.completeness.submitted);
      const unsent = page.selected.units.filter((u: { submittedAt: string | null }) => u.submittedAt === null).map((u: { unit: { id: string } }) => u.unit.id);
      expect(r.missing.map((u: { id: string }) => u.id)).toEqual(unsent.slice(0, 8));
    }
  });
});

describe('what a unit focal point sees', () => {
  it('only its own unit: tasks, overdue, indicator values and report', async () => {
    const all = (await leader.get('/api/dashboard')).body;
    const { status, body } = await xanhpon.get('/api/dashboard');
    expect(status).toBe(200);
    expect(body.scope).toEqual({ all: false, units: [expect.objectContaining({ id: units.xanhpon })] });
    const mine = all.byUnit.find((r: Row) => r.unit.id === units.xanhpon);
    expect(body.byUnit.map((r: Row) => r.unit.id)).toEqual([units.xanhpon]);
    expect(body.totals).toEqual(mine.counts);
    expect(body.overdueByUnit.map((r: Row) => r.unit.id)).toEqual(mine.counts.overdue ? [units.xanhpon] : []);
    for (const o of [...body.overdue, ...body.dueSoon]) expect(o.unit.id).toBe(units.xanhpon);

    // The red indicator is red for Xanh Pôn too, but from its own value only (30/100), not the Sở's 20%.
    const red = body.indicators.find((i: { text: string }) => i.text === 'Tỷ lệ hồ sơ bệnh án điện tử đạt 70%');
    expect(red).toMatchObject({ value: 30, reported: 1, expected: 1 });

    const card = body.reports.find((r: { schedule: { title: string } }) => r.schedule.title === 'Báo cáo 6 tháng (kiểm thử bảng điều hành)');
    expect(card.completeness).toMatchObject({ expected: 1, submitted: 0 });
    expect(card.missing.map((u: { id: string }) => u.id)).toEqual([units.xanhpon]);
    const everyone = new Set(body.reports.flatMap((r: { missing: { id: string }[] }) => r.missing.map((u) => u.id)));
    expect([...everyone]).toEqual([units.xanhpon]);
  });

  it('lets the division that owns a plan and a schedule see all of their units', async () => {
    const { body } = await cntt.get('/api/dashboard');
    expect(body.scope.all).toBe(false);
    const card = body.reports.find((r: { schedule: { title: string } }) => r.schedule.title === 'Báo cáo 6 tháng (kiểm thử bảng điều hành)');
    expect(card.completeness.expected).toBe(9);
    expect(body.byPlan.map((r: { plan: { id: string } }) => r.plan.id)).toContain(planId);
  });
});
