// Report forms a division builds, and what editing one does to the reports already made on it; schedule changes
// that would orphan reports are refused. On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let cntt: Client;
let admin: Client;
let xanhpon: Client;
let owner: string;
let hospital: string;

const form = (label = 'Số người được tập huấn') => ({
  name: 'Báo cáo tập huấn chuyển đổi số',
  definition: {
    sections: [{ key: 'ketQua', title: 'Kết quả', fields: [
      { key: 'soNguoi', label, type: 'number', required: true, prefill: 'tasks.done' },
      { key: 'ghiChu', label: 'Ghi chú', type: 'text' },
    ] }],
    rules: [],
  },
});

beforeAll(async () => {
  t = await testApp();
  [cntt, admin, xanhpon] = await Promise.all(['hn.cntt', 'hn.quantri', 'hn.xanhpon'].map((u) => signIn(t.app, u)));
  owner = await unitId(cntt, 'Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin');
  hospital = await unitId(cntt, 'Bệnh viện Đa khoa Xanh Pôn');
});
afterAll(async () => { await t.close(); });

describe('report forms', () => {
  it('refuses a form with a duplicate key, an unknown pre-fill source or a rule over text, naming each place', async () => {
    const bad = form();
    bad.definition.sections[0].fields.push({ key: 'soNguoi', label: 'Lặp', type: 'number', required: false, prefill: 'luong.thang' });
    const res = await cntt.post('/api/report-templates', { ...bad, definition: { ...bad.definition, rules: [{ kind: 'compare', left: 'ghiChu', op: '<=', right: 'soNguoi', message: 'x' }] } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details)).toEqual(['definition.sections.0.fields.2.key', 'definition.sections.0.fields.2.prefill', 'definition.rules.0.left']);
    expect((await xanhpon.post('/api/report-templates', form())).status).toBe(403);
  });

  it('refuses a schedule on a built-in form that does not exist', async () => {
    const res = await cntt.post('/api/report-schedules', {
      title: 'X', templateId: 'builtin:khong-co', ownerUnitId: owner, periodType: 'year', dueRule: { kind: 'dates', dates: ['11-30'] },
      graceDays: 0, lockDays: 30, assigneeMode: 'list', assigneeUnitIds: [hospital], startsOn: '2026-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.details.templateId).toMatch(/khong-co/);
  });

  it('is edited in place while unused; once a unit has filled it in, editing makes a new version the schedule moves to', async () => {
    const created = (await cntt.post('/api/report-templates', form())).body;
    expect(created).toMatchObject({ version: 1 });
    const inPlace = (await cntt.request('PUT', `/api/report-templates/${created.id}`, form('Số người đã tập huấn'))).body;
    expect(inPlace).toMatchObject({ id: created.id, version: 1 });

    const schedule = (await cntt.post('/api/report-schedules', {
      title: 'Báo cáo tập huấn năm', templateId: created.id, ownerUnitId: owner, periodType: 'year', dueRule: { kind: 'dates', dates: ['11-30'] },
      graceDays: 0, lockDays: 30, assigneeMode: 'list', assigneeUnitIds: [hospital], startsOn: '2026-01-01',
    })).body;
    const at = `/api/report-schedules/${schedule.id}/periods/2026/units/${hospital}`;
    expect((await xanhpon.request('PUT', at, { values: { soNguoi: 12 } })).status).toBe(200);

    const next = (await cntt.request('PUT', `/api/report-templates/${created.id}`, form('Số cán bộ đã tập huấn'))).body;
    expect(next).toMatchObject({ version: 2 });
    expect(next.id).not.toBe(created.id);
    expect((await cntt.get(`/api/report-schedules/${schedule.id}`)).body.schedule.templateId).toBe(next.id);
    // The report already made keeps the form it was made on.
    const report = (await xanhpon.get(at)).body;
    expect(report.template).toMatchObject({ id: created.id, version: 1 });
    expect(report.template.definition.sections[0].fields[0].label).toBe('Số người đã tập huấn');
    const stale = await cntt.request('PUT', `/api/report-templates/${created.id}`, form());
    expect(stale.status).toBe(409);
    const names = (await cntt.get('/api/report-templates')).body.items.map((i: { id: string }) => i.id);
    expect(names).toContain(next.id);
    expect(names).not.toContain(created.id);

    // A schedule whose units have reported cannot change its kind of period: the reports would belong to no period.
    const change = await cntt.patch(`/api/report-schedules/${schedule.id}`, { periodType: 'half', dueRule: { kind: 'dates', dates: ['06-10', '12-10'] } });
    expect(change.status).toBe(400);
    expect(change.body.details.periodType).toMatch(/lập lịch mới/);
    expect((await admin.patch(`/api/report-schedules/${schedule.id}`, { title: 'Báo cáo tập huấn chuyển đổi số năm' })).status).toBe(200);
  });
});
