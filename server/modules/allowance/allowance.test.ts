// The support allowance through the API, on PGlite and on PostgreSQL, with the clock frozen at 23/11/2026:
// the demo's July–October paid and November drafted; the November list of Bệnh viện Thanh Nhàn through its
// workflow; who may do which step; a locked list; a stop after payment becoming a recovery; a new policy version.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
const c: Record<string, Client> = {};
const u: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  const names = ['hn.lanhdao', 'hn.quantri', 'hn.cntt', 'hn.tccb', 'hn.khtc', 'hn.xanhpon', 'hn.xanhpon.tccb', 'hn.thanhnhan', 'hn.thanhnhan.tccb', 'hn.thanhnhan.ketoan', 'hn.thanhtra', 'dt.lanhdao'];
  for (const n of names) c[n] = await signIn(t.app, n);
  u.root = await unitId(c['hn.lanhdao'], 'Sở Y tế Hà Nội');
  u.xanhpon = await unitId(c['hn.lanhdao'], 'Bệnh viện Đa khoa Xanh Pôn');
  u.thanhnhan = await unitId(c['hn.lanhdao'], 'Bệnh viện Thanh Nhàn');
  u.tccb = await unitId(c['hn.lanhdao'], 'Phòng Tổ chức cán bộ');
});
afterAll(async () => { await t.close(); });

const listOf = async (who: string, unit: string, month: string) => (await c[who].get(`/api/allowance/units/${unit}/lists/${month}`)).body.list;
const line = (list: { lines: { personName: string; kind: string }[] }, name: string, kind = 'regular') => list.lines.find((l) => l.personName === name && l.kind === kind) as any;

describe('the demo: Sở Y tế Hà Nội from July 2026', () => {
  it('has July–October paid and November drafted for the Sở and two hospitals', async () => {
    for (const month of ['2026-07', '2026-08', '2026-09', '2026-10']) {
      const { body } = await c['hn.lanhdao'].get(`/api/allowance/lists?month=${month}`);
      const paid = body.items.filter((i: { status: string }) => i.status === 'paid').map((i: { unitName: string }) => i.unitName);
      expect(paid, month).toEqual(['Sở Y tế Hà Nội', 'Bệnh viện Đa khoa Xanh Pôn', 'Bệnh viện Thanh Nhàn']);
    }
    const nov = (await c['hn.lanhdao'].get('/api/allowance/lists?month=2026-11')).body.items;
    expect(nov.filter((i: { status: string }) => i.status === 'draft')).toHaveLength(3);
    expect(nov.find((i: { unitName: string }) => i.unitName === 'Bệnh viện Tim Hà Nội')).toMatchObject({ listId: null, statusLabel: 'Chưa lập' });
  });

  it('pays Xanh Pôn’s October by days for the person stopped on 15/10, and September’s late-rated person as a back-payment', async () => {
    const oct = await listOf('hn.lanhdao', u.xanhpon, '2026-10');
    expect(oct.policy).toMatchObject({ version: 1, isExample: true });
    expect(line(oct, 'Hà Thị Quỳnh')).toMatchObject({ included: true, daysCovered: 15, daysInMonth: 31, amount: Math.round(1_500_000 * 15 / 31) });
    expect(line(oct, 'Phan Văn Tú', 'adjustment')).toMatchObject({ forMonth: '2026-09', amount: 3_000_000, note: expect.stringMatching(/^Truy lĩnh tháng 09\/2026/) });
    expect(oct.totals).toEqual({ people: 3, regular: 3_000_000 + 3_000_000 + 725_806, adjustments: 3_000_000, total: 9_725_806 });
    expect(oct).toMatchObject({ status: 'paid', paidAmount: 9_725_806, payPeriod: 'Kỳ lương tháng 10/2026', paidOn: '2026-11-05' });
    const sep = await listOf('hn.lanhdao', u.xanhpon, '2026-09');
    expect(line(sep, 'Phan Văn Tú')).toMatchObject({ included: false, engineEligible: false });
    expect(line(sep, 'Phan Văn Tú').reasons.find((r: { code: string }) => r.code === 'rating')).toMatchObject({ ok: false, text: expect.stringMatching(/Chưa có kết quả xếp loại tháng 09\/2026/) });
    const nov = await listOf('hn.xanhpon', u.xanhpon, '2026-11');
    expect(line(nov, 'Hà Thị Quỳnh')).toBeUndefined(); // stopped: not on later lists at all
  });

  it('refuses a duplicate benefit for the same work, and keeps a person excluded by hand with the reason', async () => {
    const tn = await listOf('hn.lanhdao', u.thanhnhan, '2026-07');
    const bao = line(tn, 'Trần Quốc Bảo');
    expect(bao).toMatchObject({ included: false, engineEligible: false, amount: 0 });
    expect(bao.reasons.find((r: { code: string }) => r.code === 'duplicate').text).toMatch(/Đề án 06/);
    const aug = await listOf('hn.lanhdao', u.root, '2026-08');
    expect(line(aug, 'Phạm Thu Hà')).toMatchObject({ included: false, engineEligible: true, manualReason: expect.stringMatching(/thai sản/) });
    expect(line(aug, 'Nguyễn Tiến Dũng')).toMatchObject({ included: false, rating: 'not_done' });
    expect(aug.events.map((e: { action: string }) => e.action)).toEqual(['generate', 'exclude', 'propose', 'approve', 'pay']);
  });
});

describe('a month of Bệnh viện Thanh Nhàn through its workflow', () => {
  it('is refused to people without the duty on exactly this unit', async () => {
    expect((await c['hn.xanhpon'].post(`/api/allowance/units/${u.thanhnhan}/lists/2026-11`)).status).toBe(403); // another hospital's IT
    expect((await c['hn.cntt'].post(`/api/allowance/units/${u.thanhnhan}/lists/2026-11`)).status).toBe(403); // the Sở's IT: a grant on the Sở does not flow down
    expect((await c['hn.lanhdao'].post(`/api/allowance/units/${u.thanhnhan}/lists/2026-11`)).status).toBe(403);
    expect((await c['hn.cntt'].post(`/api/allowance/units/${u.tccb}/lists/2026-11`)).body.details.unitId).toMatch(/không phải đơn vị chi trả/);
    expect((await c['hn.thanhnhan'].post(`/api/allowance/units/${u.thanhnhan}/lists/2026-12`)).body.details.month).toMatch(/Chưa đến tháng 12\/2026/);
    expect((await c['dt.lanhdao'].get(`/api/allowance/units/${u.thanhnhan}/lists/2026-11`)).status).toBe(404); // another tenant sees nothing
  });

  it('goes draft → exclude with a reason → propose → return → propose → approve → pay', async () => {
    let list = (await c['hn.thanhnhan'].post(`/api/allowance/units/${u.thanhnhan}/lists/2026-11`)).body;
    expect(list).toMatchObject({ status: 'draft', can: { edit: true, propose: true, approve: false } });
    const hanh = line(list, 'Lương Thị Hạnh');
    const path = `/api/allowance/lists/${list.id}/lines/${hanh.id}`;
    const noReason = await c['hn.thanhnhan'].patch(path, { version: list.version, included: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.reason).toMatch(/lý do/);
    list = (await c['hn.thanhnhan'].patch(path, { version: list.version, included: false, reason: 'Nghỉ ốm dài ngày tháng 11/2026' })).body;
    expect(line(list, 'Lương Thị Hạnh')).toMatchObject({ included: false, manualReason: 'Nghỉ ốm dài ngày tháng 11/2026' });
    expect(list.totals.total).toBe(3_000_000);
    expect((await c['hn.thanhnhan.ketoan'].patch(path, { version: list.version, included: true })).status).toBe(403); // finance cannot edit a list

    list = (await c['hn.thanhnhan'].post(`/api/allowance/lists/${list.id}/propose`, { version: list.version })).body;
    expect(list.status).toBe('proposed');
    expect((await c['hn.thanhnhan'].patch(path, { version: list.version, included: true })).status).toBe(409); // waiting for HR
    const bare = await c['hn.thanhnhan.tccb'].post(`/api/allowance/lists/${list.id}/return`, { version: list.version });
    expect(bare.body.details.comment).toMatch(/ý kiến/);
    list = (await c['hn.thanhnhan.tccb'].post(`/api/allowance/lists/${list.id}/return`, { version: list.version, comment: 'Bổ sung giấy nghỉ ốm của chị Hạnh' })).body;
    expect(list).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung giấy nghỉ ốm của chị Hạnh' });

    // A redraft after the return keeps the exclusion and its reason.
    list = (await c['hn.thanhnhan'].post(`/api/allowance/units/${u.thanhnhan}/lists/2026-11`)).body;
    expect(line(list, 'Lương Thị Hạnh')).toMatchObject({ included: false, manualReason: 'Nghỉ ốm dài ngày tháng 11/2026' });
    list = (await c['hn.thanhnhan'].post(`/api/allowance/lists/${list.id}/propose`, { version: list.version })).body;
    expect((await c['hn.thanhnhan.ketoan'].post(`/api/allowance/lists/${list.id}/approve`, { version: list.version })).status).toBe(403);

    list = (await c['hn.thanhnhan.tccb'].post(`/api/allowance/lists/${list.id}/approve`, { version: list.version, decisionNo: '99/QĐ-BVTN' })).body;
    expect(list).toMatchObject({ status: 'approved', decisionNo: '99/QĐ-BVTN', can: { edit: false, pay: false } });
    expect((await c['hn.thanhnhan'].patch(path, { version: list.version, included: true, reason: 'x' })).status).toBe(409); // locked
    expect((await c['hn.thanhnhan'].post(`/api/allowance/units/${u.thanhnhan}/lists/2026-11`)).status).toBe(409);

    const wrong = await c['hn.thanhnhan.ketoan'].post(`/api/allowance/lists/${list.id}/pay`, { version: list.version, payPeriod: 'Kỳ lương tháng 11/2026', paidOn: '2026-11-23', amount: 4_500_000 });
    expect(wrong.body.details.amount).toMatch(/phải bằng tổng danh sách đã duyệt \(3\.000\.000 đồng\)/);
    expect((await c['hn.thanhnhan.ketoan'].post(`/api/allowance/lists/${list.id}/pay`, { version: list.version, payPeriod: 'Kỳ lương', paidOn: '2026-11-24', amount: 3_000_000 })).body.details.paidOn).toBeTruthy();
    list = (await c['hn.thanhnhan.ketoan'].post(`/api/allowance/lists/${list.id}/pay`, { version: list.version, payPeriod: 'Kỳ lương tháng 11/2026', paidOn: '2026-11-23', amount: 3_000_000 })).body;
    expect(list).toMatchObject({ status: 'paid', paidAmount: 3_000_000 });
    expect(list.events.map((e: { action: string }) => e.action)).toEqual(['generate', 'regenerate', 'exclude', 'propose', 'return', 'regenerate', 'propose', 'approve', 'pay']);
  });

  it('is locked in the database too: a paid list’s lines cannot be changed, whatever the code does', async () => {
    const list = await listOf('hn.lanhdao', u.thanhnhan, '2026-11');
    await expect(t.database.db.execute(sql`UPDATE allowance_lines SET amount = amount + 1 WHERE list_id = ${list.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`UPDATE allowance_lists SET status = 'draft' WHERE id = ${list.id}`)).rejects.toThrow();
  });
});

describe('the Sở’s own list', () => {
  it('lets exactly one of two approvers racing on it win', async () => {
    const users = (await c['hn.quantri'].get('/api/org/users')).body.items;
    const vu = users.find((x: { username: string }) => x.username === 'hn.thanhnhan.tccb'); // a second approver, granted on the Sở for this test
    expect((await c['hn.quantri'].post(`/api/org/users/${vu.id}/roles`, { role: 'allowance_hr', unitId: u.root })).status).toBe(201);
    const second = await signIn(t.app, 'hn.thanhnhan.tccb');
    let list = await listOf('hn.cntt', u.root, '2026-11');
    list = (await c['hn.cntt'].post(`/api/allowance/lists/${list.id}/propose`, { version: list.version })).body;
    const [a, b] = await Promise.all([
      c['hn.tccb'].post(`/api/allowance/lists/${list.id}/approve`, { version: list.version }),
      second.post(`/api/allowance/lists/${list.id}/approve`, { version: list.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = (await listOf('hn.lanhdao', u.root, '2026-11')).events.filter((e: { action: string }) => e.action === 'approve');
    expect(events).toHaveLength(1);
  });

  it('turns a stop recorded after payment into a recovery on the next list', async () => {
    const { body } = await c['hn.lanhdao'].get(`/api/allowance/units/${u.xanhpon}/assignments`);
    const tu = body.items.find((a: { personName: string }) => a.personName === 'Phan Văn Tú');
    const stop = (who: string, stoppedOn: string, reason = 'Chuyển công tác') => c[who].post(`/api/allowance/assignments/${tu.id}/stop`, { stoppedOn, reason });
    expect((await stop('hn.xanhpon.tccb', '2026-05-01')).body.details.stoppedOn).toMatch(/trước ngày bắt đầu/);
    expect((await stop('hn.xanhpon', '2026-09-30')).status).toBe(403); // IT does not stop payments
    expect((await stop('hn.tccb', '2026-09-30')).status).toBe(403); // nor the Sở's HR for a hospital
    expect((await stop('hn.xanhpon.tccb', '2026-09-30', 'Chuyển công tác sang Bệnh viện Thanh Nhàn từ 01/10/2026')).status).toBe(200);
    expect((await stop('hn.xanhpon.tccb', '2026-09-30')).status).toBe(409);
    const list = (await c['hn.xanhpon'].post(`/api/allowance/units/${u.xanhpon}/lists/2026-11`)).body;
    expect(line(list, 'Phan Văn Tú')).toBeUndefined();
    expect(line(list, 'Phan Văn Tú', 'adjustment')).toMatchObject({ forMonth: '2026-10', amount: -3_000_000, included: true, note: 'Thu hồi tháng 10/2026: đã chi 3.000.000 đồng, nay xác định 0 đồng' });
    expect(list.totals).toMatchObject({ people: 1, adjustments: -3_000_000 });
  });
});

describe('records and their errors', () => {
  it('names the field of a wrong assignment, rating, benefit or policy', async () => {
    const people = (await c['hn.thanhnhan.tccb'].get(`/api/allowance/units/${u.thanhnhan}/ratings?month=2026-11`)).body.items;
    const khoi = people.find((p: { fullName: string }) => p.fullName === 'Đoàn Minh Khôi');
    const base = { personId: khoi.personId, decisionNo: '600/QĐ-BVTN', decisionDate: '2026-11-01', task: 'Nhiệm vụ', output: 'Sản phẩm', category: 'full_time', jobPosition: 'CNTT', startOn: '2026-11-01' };
    const path = `/api/allowance/units/${u.thanhnhan}/assignments`;
    expect((await c['hn.thanhnhan.tccb'].post(path, { ...base, endOn: '2026-10-01' })).body.details.endOn).toMatch(/từ ngày bắt đầu/);
    expect((await c['hn.thanhnhan.tccb'].post(path, { ...base, category: 'sometimes' })).body.details.category).toBeTruthy();
    expect((await c['hn.thanhnhan.tccb'].post(path, { ...base, output: '' })).body.details.output).toBeTruthy();
    expect((await c['hn.thanhnhan'].post(path, base)).status).toBe(403); // IT does not record assignments
    const other = (await c['hn.tccb'].get(`/api/allowance/units/${u.root}/ratings?month=2026-11`)).body.items[0];
    const r = await c['hn.thanhnhan.tccb'].request('PUT', `/api/allowance/units/${u.thanhnhan}/ratings`, { month: '2026-11', items: [{ personId: khoi.personId, rating: 'good' }, { personId: other.personId, rating: 'good' }] });
    expect(r.body.details['items.1.personId']).toMatch(/không thuộc Bệnh viện Thanh Nhàn/);
    expect((await c['hn.thanhnhan.tccb'].request('PUT', `/api/allowance/units/${u.thanhnhan}/ratings`, { month: '2026-13', items: [] })).status).toBe(400);
    const policy = { effectiveFrom: '2026-06-01', rateFullTime: 3_500_000, ratePartTime: 1_800_000, minRating: 'done', partialMonth: 'by_days', isExample: true };
    expect((await c['hn.quantri'].post('/api/allowance/policies', policy)).body.details.effectiveFrom).toMatch(/sau ngày 01\/07\/2026/);
    expect((await c['hn.tccb'].post('/api/allowance/policies', { ...policy, effectiveFrom: '2027-01-01' })).status).toBe(403);
  });

  it('makes a new policy version that closes the one before and applies from its month', async () => {
    const res = await c['hn.quantri'].post('/api/allowance/policies', { effectiveFrom: '2026-11-01', rateFullTime: 3_500_000, ratePartTime: 1_800_000, minRating: 'done', partialMonth: 'by_days', isExample: true });
    expect(res.status).toBe(201);
    const { items } = (await c['hn.thanhtra'].get('/api/allowance/policies')).body;
    expect(items.map((p: { version: number; effectiveTo: string | null }) => [p.version, p.effectiveTo])).toEqual([[2, null], [1, '2026-10-31']]);
    const list = (await c['hn.xanhpon'].post(`/api/allowance/units/${u.xanhpon}/lists/2026-11`)).body;
    expect(list.policy.version).toBe(2);
    expect(line(list, 'Lý Thị Mai').amount).toBe(3_500_000);
    expect(line(list, 'Phan Văn Tú', 'adjustment').amount).toBe(-3_000_000); // October is judged by October's policy
  });

  it('pays by days for someone leaving mid-month, the dates kept by the unit’s HR', async () => {
    const mai = (await c['hn.xanhpon.tccb'].get(`/api/allowance/units/${u.xanhpon}/ratings?month=2026-11`)).body.items.find((p: { fullName: string }) => p.fullName === 'Lý Thị Mai');
    const path = `/api/allowance/people/${mai.personId}/employment`;
    expect((await c['hn.xanhpon'].patch(path, { leftOn: '2026-11-15' })).status).toBe(403);
    expect((await c['hn.xanhpon.tccb'].patch(path, { joinedOn: '2020-01-01', leftOn: '2019-12-31' })).body.details.leftOn).toMatch(/từ ngày về đơn vị/);
    expect((await c['hn.xanhpon.tccb'].patch(path, { leftOn: '2026-11-15' })).status).toBe(200);
    const list = (await c['hn.xanhpon'].post(`/api/allowance/units/${u.xanhpon}/lists/2026-11`)).body;
    expect(line(list, 'Lý Thị Mai')).toMatchObject({ daysCovered: 15, daysInMonth: 30, amount: 1_750_000 });
    expect(line(list, 'Lý Thị Mai').reasons.find((r: { code: string }) => r.code === 'partial').text).toMatch(/15\/30 ngày/);
  });

  it('records another support for the same work and refuses the month for it', async () => {
    const people = (await c['hn.thanhnhan.tccb'].get(`/api/allowance/units/${u.thanhnhan}/ratings?month=2026-11`)).body.items;
    const khoi = people.find((p: { fullName: string }) => p.fullName === 'Đoàn Minh Khôi');
    const path = `/api/allowance/units/${u.thanhnhan}/benefits`;
    const benefit = { personId: khoi.personId, name: 'Phụ cấp cán bộ chuyên trách CNTT của bệnh viện', startOn: '2026-12-01', sameWork: true };
    expect((await c['hn.thanhnhan.tccb'].post(path, { ...benefit, endOn: '2026-11-01' })).body.details.endOn).toMatch(/từ ngày bắt đầu/);
    expect((await c['hn.thanhnhan'].post(path, benefit)).status).toBe(403);
    expect((await c['hn.thanhnhan.tccb'].post(path, benefit)).status).toBe(201);
    const { items } = (await c['hn.lanhdao'].get(path)).body;
    // Sorted the Vietnamese way, by given name: Bảo before Khôi.
    expect(items.map((b: { personName: string; name: string }) => `${b.personName}: ${b.name}`)).toEqual([
      'Trần Quốc Bảo: Hỗ trợ cán bộ triển khai Đề án 06 của Thành phố', 'Đoàn Minh Khôi: Phụ cấp cán bộ chuyên trách CNTT của bệnh viện',
    ]);
    const list = (await c['hn.lanhdao'].get(`/api/allowance/units/${u.thanhnhan}/lists/2026-11`)).body.list;
    expect(line(list, 'Đoàn Minh Khôi').included).toBe(true); // from December: November stays paid
  });

  it('lets IT add a person the records do not list, with a reason, and keeps them on a redraft', async () => {
    let list = (await c['hn.xanhpon'].get(`/api/allowance/units/${u.xanhpon}/lists/2026-11`)).body.list;
    const staff = (await c['hn.xanhpon'].get(`/api/allowance/units/${u.xanhpon}/people`)).body.items;
    const khai = staff.find((p: { fullName: string }) => p.fullName === 'Trịnh Văn Khải');
    const other = (await c['hn.thanhnhan.tccb'].get(`/api/allowance/units/${u.thanhnhan}/people`)).body.items[0];
    const path = `/api/allowance/lists/${list.id}/lines`;
    const body = { version: list.version, personId: khai.id, category: 'part_time', reason: 'Quyết định phân công số 1030/QĐ-BVXP ký ngày 30/10/2026, hồ sơ đang cập nhật' };
    expect((await c['hn.xanhpon'].post(path, { ...body, reason: '' })).body.details.reason).toBeTruthy();
    expect((await c['hn.xanhpon'].post(path, { ...body, personId: other.id })).body.details.personId).toMatch(/không thuộc Bệnh viện Đa khoa Xanh Pôn/);
    expect((await c['hn.xanhpon.tccb'].post(path, body)).status).toBe(403);
    list = (await c['hn.xanhpon'].post(path, body)).body;
    expect(line(list, 'Trịnh Văn Khải')).toMatchObject({ included: true, engineEligible: false, amount: 1_800_000, manualReason: body.reason });
    expect((await c['hn.xanhpon'].post(path, { ...body, version: list.version })).body.details.personId).toMatch(/đã có trong danh sách/);
    // The recovery line is kehoach's arithmetic over paid months: it is corrected at its source, not switched off.
    const recovery = line(list, 'Phan Văn Tú', 'adjustment');
    expect((await c['hn.xanhpon'].patch(`/api/allowance/lists/${list.id}/lines/${recovery.id}`, { version: list.version, included: false, reason: 'x' })).body.details.included).toMatch(/sửa hồ sơ gốc/);
    list = (await c['hn.xanhpon'].post(`/api/allowance/units/${u.xanhpon}/lists/2026-11`)).body;
    expect(line(list, 'Trịnh Văn Khải')).toMatchObject({ included: true, amount: 1_800_000, manualReason: body.reason });
  });
});
