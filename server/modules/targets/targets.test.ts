// Targets through the API, on PGlite and on PostgreSQL, with the clock frozen at 23/11/2026: indicators of a
// Đồng Tháp plan, units' values, the Σ/Σ roll-up, red/amber/green, evidence, the scorecard, targets read from the plan.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { indicatorOfTarget } from './indicators.service.ts';

let t: TestContext;
let vp: Client; // Văn phòng Sở: owns the plan, enters for units that have no account
let bvqdy: Client; // unit focal point of Bệnh viện Quân dân y Đồng Tháp
let myhiep: Client; // unit focal point of a commune health station
let leader: Client;
let inspector: Client;
const u: Record<string, string> = {};
let planId: string;
let ratioId: string;
let daysId: string;

beforeAll(async () => {
  t = await testApp();
  [vp, bvqdy, myhiep, leader, inspector] = await Promise.all(['dt.vanphong', 'dt.bvqdy', 'dt.tytmyhiep', 'dt.lanhdao', 'dt.thanhtra'].map((n) => signIn(t.app, n)));
  for (const [k, name] of Object.entries({ vp: 'Văn phòng Sở', bvqdy: 'Bệnh viện Quân dân y Đồng Tháp', bvdk: 'Bệnh viện Đa khoa Đồng Tháp', sadec: 'Bệnh viện Đa khoa Sa Đéc', cdc: 'Trung tâm Kiểm soát bệnh tật Đồng Tháp' })) {
    u[k] = await unitId(vp, name);
  }
  // A plan of its own, so the demo plan's indicators cannot shift codes, columns or the scorecard's period.
  const plan = await vp.post('/api/plans', { ownerUnitId: u.vp, issuer: 'Sở Y tế Đồng Tháp', title: 'Theo dõi chỉ tiêu chuyển đổi số năm 2026 (thử nghiệm)', periodStart: '2026-01-01', periodEnd: '2026-12-31' });
  planId = plan.body.id;
  expect((await vp.post(`/api/plans/${planId}/status`, { status: 'active' })).status).toBe(200);
});
afterAll(async () => { await t.close(); });

const ratio = (over: Record<string, unknown> = {}) => ({
  text: 'Tối thiểu 90% hồ sơ bệnh án được số hóa', subject: 'Hồ sơ bệnh án được số hóa', measure: 'ratio', unit: '%', comparator: '>=', target: 90,
  amberPct: 5, periodType: 'half', numeratorLabel: 'Số hồ sơ đã số hóa', denominatorLabel: 'Tổng số hồ sơ', unitIds: [u.bvqdy, u.bvdk], ...over,
});
const at = (id: string, unit: string, period = '2026-H2') => `/api/indicators/${id}/values/${period}/units/${unit}`;
const put = (c: Client, id: string, unit: string, body: unknown, period?: string) => c.request('PUT', at(id, unit, period), body);
const detail = async (id: string, period = '2026-H2') => (await vp.get(`/api/indicators/${id}?period=${period}`)).body;

describe('an indicator made by hand', () => {
  it('is refused with the field named when its definition is wrong, and to anyone but the plan’s owner', async () => {
    const over = await vp.post(`/api/plans/${planId}/indicators`, ratio({ target: 120 }));
    expect(over.status).toBe(400);
    expect(over.body.details.target).toBe('Mức chỉ tiêu tính theo % phải từ 0 đến 100.');
    expect((await vp.post(`/api/plans/${planId}/indicators`, ratio({ unitIds: [] }))).body.details.unitIds).toMatch(/ít nhất một đơn vị/);
    expect((await vp.post(`/api/plans/${planId}/indicators`, ratio({ measure: 'ratio', unit: 'VND' }))).body.details.unit).toMatch(/tỷ lệ/);
    expect((await bvqdy.post(`/api/plans/${planId}/indicators`, ratio())).status).toBe(403);
    expect((await leader.post(`/api/plans/${planId}/indicators`, ratio())).status).toBe(403);
  });

  it('is created with its units, numbered CT01', async () => {
    const res = await vp.post(`/api/plans/${planId}/indicators`, ratio());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ code: 'CT01', measure: 'ratio', target: 90, amberPct: 5, periodType: 'half' });
    expect(res.body.units.map((x: { id: string }) => x.id).sort()).toEqual([u.bvqdy, u.bvdk].sort());
    ratioId = res.body.id;
  });
});

describe('values entered by units', () => {
  it('a unit enters its own value, but not another unit’s, and no one enters for a unit not given the indicator', async () => {
    const own = await put(bvqdy, ratioId, u.bvqdy, { numerator: 1, denominator: 2, note: 'Số liệu đến 20/11' });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ value: 50, rag: 'red', note: 'Số liệu đến 20/11', enteredByName: 'Châu Ngọc Trâm' });
    expect((await put(bvqdy, ratioId, u.bvdk, { numerator: 1, denominator: 2 })).status).toBe(403);
    expect((await put(myhiep, ratioId, u.bvqdy, { numerator: 1, denominator: 2 })).status).toBe(403);
    expect((await put(leader, ratioId, u.bvqdy, { numerator: 1, denominator: 2 })).status).toBe(403);
    const outsider = await put(vp, ratioId, u.sadec, { numerator: 1, denominator: 2 });
    expect(outsider.status).toBe(403);
    expect(outsider.body.message).toBe('Bệnh viện Đa khoa Sa Đéc không được giao báo cáo chỉ tiêu này.');
  });

  it('refuses bad values naming the field, and stores nothing', async () => {
    const bigger = await put(bvqdy, ratioId, u.bvqdy, { numerator: 5, denominator: 2 });
    expect(bigger.status).toBe(400);
    expect(bigger.body.details).toEqual({ numerator: 'Tử số không được lớn hơn Mẫu số.' });
    expect((await put(bvqdy, ratioId, u.bvqdy, { numerator: 1, denominator: null })).body.details).toEqual({ denominator: 'Vui lòng nhập Mẫu số.' });
    expect((await put(bvqdy, ratioId, u.bvqdy, { numerator: 'nhiều', denominator: 2 })).body.details).toEqual({ numerator: 'Tử số phải là số.' });
    expect((await put(bvqdy, ratioId, u.bvqdy, { numerator: -1, denominator: 2 })).body.details).toEqual({ numerator: 'Tử số phải lớn hơn hoặc bằng 0.' });
    expect((await put(bvqdy, ratioId, u.bvqdy, { numerator: 1, denominator: 2 }, '2027-H1')).status).toBe(404); // after the plan's span
    expect((await detail(ratioId)).selected.units.find((x: { unit: { id: string } }) => x.unit.id === u.bvqdy).entry).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('rolls a ratio up as Σ numerators / Σ denominators — 1/2 and 90/100 give 89,2%, not the mean 70%', async () => {
    expect((await put(vp, ratioId, u.bvdk, { numerator: 90, denominator: 100 })).status).toBe(200); // on behalf of a unit without an account
    const { selected } = await detail(ratioId);
    expect(selected.total.value).toBeCloseTo((91 / 102) * 100, 9);
    expect(selected.total).toMatchObject({ numerator: 91, denominator: 102, reported: 2, expected: 2, rag: 'amber' }); // amber from 85,5 (5% under 90)
    expect(selected.missing).toEqual([]);
  });

  it('lists the units that have not reported, without counting them as zero', async () => {
    expect((await vp.patch(`/api/indicators/${ratioId}`, { unitIds: [u.bvqdy, u.bvdk, u.sadec] })).status).toBe(200);
    const { selected } = await detail(ratioId);
    expect(selected.missing.map((x: { name: string }) => x.name)).toEqual(['Bệnh viện Đa khoa Sa Đéc']);
    expect(selected.total).toMatchObject({ reported: 2, expected: 3 });
    expect(selected.total.value).toBeCloseTo(89.2157, 3);
    expect((await detail(ratioId, '2026-H1')).selected.missing).toHaveLength(3);
  });

  it('colours against the configured amber band', async () => {
    await vp.patch(`/api/indicators/${ratioId}`, { amberPct: 0 });
    expect((await detail(ratioId)).selected.total.rag).toBe('red');
    await vp.patch(`/api/indicators/${ratioId}`, { amberPct: 5 });
    expect((await detail(ratioId)).selected.total.rag).toBe('amber');
    await vp.patch(`/api/indicators/${ratioId}`, { target: 89 });
    expect((await detail(ratioId)).selected.total.rag).toBe('green');
    await vp.patch(`/api/indicators/${ratioId}`, { target: 90 });
  });

  it('links evidence files to the value, keeping earlier ones', async () => {
    const up = await bvqdy.upload('/api/files', [{ name: 'Bảng kê hồ sơ.pdf', content: '%PDF-1.4 bảng kê' }]);
    expect(up.status).toBe(201);
    const first = await put(bvqdy, ratioId, u.bvqdy, { numerator: 1, denominator: 2, fileIds: [up.body.items[0].id] });
    expect(first.body.evidence.map((e: { name: string }) => e.name)).toEqual(['Bảng kê hồ sơ.pdf']);
    const more = await bvqdy.upload('/api/files', [{ name: 'Ảnh chụp hệ thống.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) }]);
    await put(bvqdy, ratioId, u.bvqdy, { numerator: 1, denominator: 2, fileIds: [more.body.items[0].id] });
    const entry = (await detail(ratioId)).selected.units.find((x: { unit: { id: string } }) => x.unit.id === u.bvqdy).entry;
    expect(entry.evidence.map((e: { name: string }) => e.name)).toEqual(['Bảng kê hồ sơ.pdf', 'Ảnh chụp hệ thống.png']);
    const gone = await put(bvqdy, ratioId, u.bvqdy, { numerator: 1, denominator: 2, fileIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(gone.status).toBe(400);
    expect(Object.keys(gone.body.details)).toEqual(['fileIds']);
  });

  it('shows the trend over the periods so far, with the change from the last period', async () => {
    await put(bvqdy, ratioId, u.bvqdy, { numerator: 40, denominator: 100 }, '2026-H1');
    const { periods } = await detail(ratioId);
    expect(periods.map((p: { key: string; label: string }) => `${p.key} ${p.label}`)).toEqual(['2026-H1 6 tháng đầu năm 2026', '2026-H2 6 tháng cuối năm 2026']);
    expect(periods[0]).toMatchObject({ value: 40, rag: 'red', reported: 1, expected: 3 });
    expect(periods[1].change).toBeCloseTo(89.2157 - 40, 3);
  });
});

describe('the plan’s list of indicators', () => {
  it('shows each with its latest roll-up and what the user may do', async () => {
    const mine = (await vp.get(`/api/plans/${planId}/indicators`)).body;
    expect(mine.can.manage).toBe(true);
    expect(mine.items[0]).toMatchObject({ code: 'CT01', latest: { period: { key: '2026-H2' }, rag: 'amber', reported: 2, expected: 3 }, can: { manage: true, record: true } });
    expect(mine.items[0].latest.value).toBeCloseTo(89.2157, 3);
    expect((await bvqdy.get(`/api/plans/${planId}/indicators`)).body.items[0].can).toEqual({ manage: false, record: true });
    expect((await inspector.get(`/api/plans/${planId}/indicators`)).body.items[0].can).toEqual({ manage: false, record: false });
    const other = await signIn(t.app, 'hp.tchc');
    expect((await other.get(`/api/indicators/${ratioId}`)).status).toBe(404); // another Sở's data is out of sight
  });
});

describe('the scorecard', () => {
  it('puts units against indicators, marks above/below the average, totals with the true roll-up', async () => {
    const days = await vp.post(`/api/plans/${planId}/indicators`, {
      text: 'Thời gian giải quyết hồ sơ không quá 5 ngày', subject: 'Thời gian giải quyết hồ sơ', measure: 'value', unit: 'days', comparator: '<=', target: 5,
      aggregation: 'average', periodType: 'half', unitIds: [u.bvqdy, u.bvdk, u.cdc],
    });
    expect(days.body.code).toBe('CT02');
    daysId = days.body.id;
    await put(bvqdy, daysId, u.bvqdy, { value: 3 });
    await put(vp, daysId, u.bvdk, { value: 7 });
    const { body } = await leader.get(`/api/plans/${planId}/scorecard`);
    expect(body.period).toMatchObject({ key: '2026-H2', type: 'half' });
    expect(body.periods.map((p: { key: string }) => p.key)).toEqual(['2026-H2', '2026-H1']);
    const [r, d] = body.indicators;
    expect(r.average).toBe(70); // the mean of 50% and 90%, what "above/below average" compares with
    expect(r.total.value).toBeCloseTo(89.2157, 3);
    expect(d).toMatchObject({ average: 5, total: { value: 5, rag: 'green', reported: 2, expected: 3 } });
    const row = (name: string) => body.units.find((x: { unit: { name: string } }) => x.unit.name === name).cells;
    expect(row('Bệnh viện Quân dân y Đồng Tháp')[ratioId]).toMatchObject({ value: 50, rag: 'red', vsAverage: 'below', numerator: 1, denominator: 2 });
    expect(row('Bệnh viện Quân dân y Đồng Tháp')[daysId]).toMatchObject({ value: 3, rag: 'green', vsAverage: 'above' }); // fewer days is better
    expect(row('Bệnh viện Đa khoa Đồng Tháp')[ratioId]).toMatchObject({ value: 90, vsAverage: 'above' });
    expect(row('Bệnh viện Đa khoa Đồng Tháp')[daysId]).toMatchObject({ value: 7, rag: 'red', vsAverage: 'below' });
    expect(row('Bệnh viện Đa khoa Sa Đéc')[ratioId]).toMatchObject({ value: null, rag: 'none', vsAverage: null });
    expect(row('Bệnh viện Đa khoa Sa Đéc')[daysId]).toBeNull(); // not given that indicator
    expect(row('Trung tâm Kiểm soát bệnh tật Đồng Tháp')[ratioId]).toBeNull();
    expect((await leader.get(`/api/plans/${planId}/scorecard?period=2026-H1`)).body.indicators[0].total.value).toBe(40);
  });
});

describe('changing and deleting', () => {
  it('keeps what stored values mean: no new measure or period type, no dropping a unit that reported', async () => {
    const measure = await vp.patch(`/api/indicators/${ratioId}`, { measure: 'value' });
    expect(measure.status).toBe(409);
    expect(Object.keys(measure.body.details)).toEqual(['measure']);
    const drop = await vp.patch(`/api/indicators/${ratioId}`, { unitIds: [u.bvdk, u.sadec] });
    expect(drop.status).toBe(409);
    expect(drop.body.message).toMatch(/Bệnh viện Quân dân y Đồng Tháp/);
    expect((await vp.patch(`/api/indicators/${ratioId}`, { unitIds: [u.bvqdy, u.bvdk] })).status).toBe(200); // Sa Đéc has no values
  });

  it('refuses to delete an indicator with values, deletes one without', async () => {
    const refused = await vp.del(`/api/indicators/${ratioId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/đã có số liệu của 2 đơn vị/);
    const spare = await vp.post(`/api/plans/${planId}/indicators`, ratio({ text: 'Chỉ tiêu nhập nhầm' }));
    expect((await bvqdy.del(`/api/indicators/${spare.body.id}`)).status).toBe(403);
    expect((await vp.del(`/api/indicators/${spare.body.id}`)).status).toBe(200);
    expect((await vp.get(`/api/indicators/${spare.body.id}`)).status).toBe(404);
  });

  it('writes every change in the audit log', async () => {
    const actions = async (q: string) => (await leader.get(`/api/audit/events?${q}`)).body.items as { action: string; summary: string }[];
    expect((await actions(`entityId=${ratioId}`)).map((e) => e.action)).toEqual(expect.arrayContaining(['indicator.create', 'indicator.update']));
    const values = await actions('action=indicator.value');
    expect(values.map((e) => e.summary)).toContain('CT01 Hồ sơ bệnh án được số hóa — 6 tháng cuối năm 2026 — Bệnh viện Đa khoa Đồng Tháp: 90% (90/100)');
    expect((await actions('action=indicator.delete')).some((e) => e.summary === 'Xóa chỉ tiêu: CT03 Hồ sơ bệnh án được số hóa')).toBe(true);
  });
});

describe('indicators from the targets the plan’s text states', () => {
  it('reads percentages as ratios, days and rates as averages, money in đồng', () => {
    expect(indicatorOfTarget({ value: 70, unit: '%', subject: 'hồ sơ xử lý toàn trình', text: '' })).toEqual({ measure: 'ratio', unit: '%', target: 70, aggregation: 'sum', subject: 'Hồ sơ xử lý toàn trình' });
    expect(indicatorOfTarget({ value: 7, unit: 'ngày', subject: 'thời gian chờ', text: '' })).toMatchObject({ unit: 'days', aggregation: 'average' });
    expect(indicatorOfTarget({ value: 1.5, unit: 'tỷ đồng', subject: 'kinh phí', text: '' })).toMatchObject({ unit: 'VND', target: 1_500_000_000, aggregation: 'sum' });
    expect(indicatorOfTarget({ value: 6, unit: 'người/100.000 dân', subject: 'tử vong', text: '' })).toEqual({ measure: 'value', unit: 'count', target: 6, aggregation: 'average', subject: 'Tử vong (người/100.000 dân)' });
    expect(indicatorOfTarget({ value: 20, unit: 'lượt', subject: 'kiểm tra', text: '' })).toMatchObject({ unit: 'count', aggregation: 'sum' });
  });

  it('turns the 18 targets of seed 003 into half-yearly indicators once, as the plan reports every six months', async () => {
    // The demo plan was seeded without its text's targets; the plan imported from the document has them.
    const read = (await vp.upload('/api/plan-imports', [{ name: 'kh-57.txt', content: readFileSync(new URL('../../../fixtures/import/seed-003.txt', import.meta.url)) }])).body;
    const made = await vp.post(`/api/plan-imports/${read.id}/confirm`, { draft: read.draft, unitMap: {}, plan: { ownerUnitId: u.vp, periodStart: '2026-01-01', periodEnd: '2026-12-31' } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const imported = made.body.planId;
    expect((await vp.get(`/api/plans/${imported}/indicators`)).body).toMatchObject({ items: [], pendingTargets: 18 });
    expect((await bvqdy.post(`/api/plans/${imported}/indicators/from-targets`)).status).toBe(403);

    const res = await vp.post(`/api/plans/${imported}/indicators/from-targets`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.items).toHaveLength(18);
    const second = res.body.items.find((i: { target: number }) => i.target === 70);
    expect(second).toMatchObject({ code: 'CT02', measure: 'ratio', unit: '%', comparator: '>=', periodType: 'half', subject: 'Văn bản, hồ sơ công việc được xử lý toàn trình trên môi trường điện tử' });
    expect(second.planTargetId).toBeTruthy();
    expect(second.units.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['Bệnh viện Quân dân y Đồng Tháp', 'Trung tâm Kiểm soát bệnh tật Đồng Tháp']));
    expect(second.units.map((x: { name: string }) => x.name)).not.toContain('Văn phòng Sở');

    expect((await vp.post(`/api/plans/${imported}/indicators/from-targets`)).status).toBe(409);
    expect((await vp.get(`/api/plans/${imported}/indicators`)).body.pendingTargets).toBe(0);
    // The imported plan is still a draft: nobody reports on it yet.
    expect((await put(bvqdy, second.id, u.bvqdy, { numerator: 1, denominator: 2 })).status).toBe(409);
  });
});
