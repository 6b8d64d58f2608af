// Inspections through the API on both engines (clock frozen at 23/11/2026): Hải Phòng's demo plan at its coverage
// target with one open finding; a new inspection of Bệnh viện Trẻ em with a finding the unit corrects and the
// inspector closes; the allowance link of seed 000 II.5 in Hà Nội; who may do what; the errors naming fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { runReminders } from '../notify/reminders.ts';

let t: TestContext;
const c: Record<string, Client> = {};
const u: Record<string, string> = {};
let planId: string;

beforeAll(async () => {
  t = await testApp();
  for (const n of ['hp.tchc', 'hp.lanhdao', 'hp.viettiep', 'hp.thanhtra', 'hn.thanhtra', 'hn.xanhpon.tccb', 'hn.lanhdao', 'dt.lanhdao']) c[n] = await signIn(t.app, n);
  for (const [k, name] of Object.entries({ treem: 'Bệnh viện Trẻ em Hải Phòng', viettiep: 'Bệnh viện Hữu nghị Việt Tiệp', kienan: 'Bệnh viện Kiến An', tchc: 'Phòng Tổ chức - Hành chính' })) u[k] = await unitId(c['hp.lanhdao'], name);
});
afterAll(async () => { await t.close(); });

describe('the demo plan of Hải Phòng', () => {
  it('has three of eight units inspected and concluded against "tối thiểu 30%", and one open corrective action', async () => {
    const { items } = (await c['hp.lanhdao'].get('/api/inspection-plans?year=2026')).body;
    expect(items).toHaveLength(1);
    planId = items[0].id;
    expect(items[0]).toMatchObject({ subject: 'Kiểm tra công tác cải cách hành chính năm 2026', ownerUnit: { name: 'Phòng Tổ chức - Hành chính' }, openActions: 1, overdueActions: 0 });
    expect(items[0].coverage).toMatchObject({ population: 8, planned: 3, concluded: 3, targetPct: 30, required: 3, concludedPct: 37.5, meets: true });
    const plan = (await c['hp.lanhdao'].get(`/api/inspection-plans/${planId}`)).body;
    expect(plan.taskId).toBeTruthy(); // linked to the plan's task "Kiểm tra cải cách hành chính" (seed 004 I.4)
    expect(plan.can.manage).toBe(false);
    const kienan = plan.units.find((x: { unit: { name: string } }) => x.unit.name === 'Bệnh viện Kiến An');
    const inspection = (await c['hp.lanhdao'].get(`/api/inspections/${kienan.inspections[0].id}`)).body;
    expect(inspection).toMatchObject({ status: 'concluded', conclusionNo: '41/TB-SYT' });
    expect(inspection.findings[0].actions[0]).toMatchObject({ state: 'open', responsibleUnitName: 'Bệnh viện Kiến An' });
    expect((await c['dt.lanhdao'].get(`/api/inspection-plans/${planId}`)).status).toBe(404);
  });

  it('shows on the leadership dashboard: coverage of the year’s plans and open actions by unit', async () => {
    const { inspections } = (await c['hp.lanhdao'].get('/api/dashboard')).body;
    expect(inspections.year).toBe(2026);
    expect(inspections.plans).toEqual([expect.objectContaining({ subject: 'Kiểm tra công tác cải cách hành chính năm 2026', link: `/kiem-tra/${planId}`, coverage: expect.objectContaining({ concludedPct: 37.5, meets: true }) })]);
    expect(inspections.openByUnit).toEqual([{ unit: expect.objectContaining({ name: 'Bệnh viện Kiến An' }), open: 1, overdue: 0 }]);
    // A unit sees its own open actions only: Việt Tiệp has none.
    expect((await c['hp.viettiep'].get('/api/dashboard')).body.inspections.openByUnit).toEqual([]);
  });
});

describe('an inspection from plan to closed finding', () => {
  let inspectionId: string;
  let actionId: string;

  it('plans are made by who may manage the running unit, with units under the Sở only', async () => {
    const plan = { year: 2026, subject: 'Kiểm tra an toàn thông tin', ownerUnitId: u.tchc, coverageTargetPct: 30, unitIds: [u.treem] };
    expect((await c['hp.viettiep'].post('/api/inspection-plans', plan)).status).toBe(403);
    expect((await c['hp.tchc'].post('/api/inspection-plans', { ...plan, unitIds: [u.treem, u.tchc] })).body.details['unitIds.1']).toMatch(/đơn vị trực thuộc/);
    expect((await c['hp.tchc'].post('/api/inspection-plans', { ...plan, coverageTargetPct: 0 })).body.details.coverageTargetPct).toBeTruthy();
    expect((await c['hp.tchc'].post('/api/inspection-plans', { ...plan, ownerUnitId: u.viettiep })).status).toBe(403); // a division plans for itself
  });

  it('is recorded by the division that owns the plan, the fields named when wrong', async () => {
    const base = { unitId: u.treem, team: 'Trưởng đoàn: Mạc Văn Toàn', startOn: '2026-11-16', endOn: '2026-11-17', scope: 'Bộ phận một cửa' };
    expect((await c['hp.viettiep'].post(`/api/inspection-plans/${planId}/inspections`, base)).status).toBe(403);
    expect((await c['hp.lanhdao'].post(`/api/inspection-plans/${planId}/inspections`, base)).status).toBe(403);
    expect((await c['hp.tchc'].post(`/api/inspection-plans/${planId}/inspections`, { ...base, endOn: '2026-11-01' })).body.details.endOn).toMatch(/từ ngày bắt đầu/);
    expect((await c['hp.tchc'].post(`/api/inspection-plans/${planId}/inspections`, { ...base, unitId: u.tchc })).body.details.unitId).toMatch(/đơn vị trực thuộc/);
    const res = await c['hp.tchc'].post(`/api/inspection-plans/${planId}/inspections`, base);
    expect(res.status).toBe(201);
    inspectionId = res.body.id;
    // Unplanned (đột xuất): it joins the plan's units, so planned coverage counts it.
    expect((await c['hp.lanhdao'].get(`/api/inspection-plans/${planId}`)).body.coverage).toMatchObject({ planned: 4, concluded: 3 });
  });

  it('records a finding with a corrective action, concludes, and the coverage moves', async () => {
    const finding = { text: 'Chưa công khai số điện thoại đường dây nóng', action: { responsibleUnitId: u.treem, description: 'Công khai đường dây nóng tại bộ phận một cửa', dueOn: '2026-12-15' } };
    expect((await c['hp.tchc'].post(`/api/inspections/${inspectionId}/findings`, { ...finding, action: { ...finding.action, dueOn: '2026-11-01' } })).body.details['action.dueOn']).toMatch(/trước hôm nay/);
    const after = (await c['hp.tchc'].post(`/api/inspections/${inspectionId}/findings`, finding)).body;
    actionId = after.findings[0].actions[0].id;
    expect((await c['hp.tchc'].post(`/api/inspections/${inspectionId}/conclude`, { conclusionNo: '45/TB-SYT', conclusionDate: '2026-11-24', conclusion: 'x' })).body.details.conclusionDate).toMatch(/sau hôm nay/);
    const concluded = (await c['hp.tchc'].post(`/api/inspections/${inspectionId}/conclude`, { conclusionNo: '45/TB-SYT', conclusionDate: '2026-11-20', conclusion: 'Yêu cầu khắc phục trước 15/12/2026.' })).body;
    expect(concluded).toMatchObject({ status: 'concluded', statusLabel: 'Đã có kết luận' });
    expect((await c['hp.tchc'].post(`/api/inspections/${inspectionId}/conclude`, { conclusionNo: '46/TB-SYT', conclusionDate: '2026-11-20', conclusion: 'x' })).status).toBe(409);
    expect((await c['hp.lanhdao'].get(`/api/inspection-plans/${planId}`)).body.coverage).toMatchObject({ concluded: 4, concludedPct: 50 });
  });

  it('is corrected by the unit with evidence and closed by the inspector', async () => {
    expect((await c['hp.tchc'].post(`/api/corrective-actions/${actionId}/close`, { note: 'x' })).status).toBe(409); // nothing reported yet
    expect((await c['hp.tchc'].get(`/api/inspections/${inspectionId}`)).body.findings[0].actions[0].can).toEqual({ report: true, close: false });
    expect((await c['hp.viettiep'].post(`/api/corrective-actions/${actionId}/report`, { note: 'x' })).status).toBe(403); // another hospital
    // Bệnh viện Trẻ em has no account of its own: the owner division reports for it, as it may for a unit's task.
    expect((await c['hp.tchc'].post(`/api/corrective-actions/${actionId}/report`, { note: 'Đã công khai' })).body.details.fileIds).toMatch(/minh chứng/);
    const file = (await c['hp.tchc'].upload('/api/files', [{ name: 'Ảnh bảng công khai.pdf', content: '%PDF-1.4 bảng' }])).body.items[0].id;
    expect((await c['hp.tchc'].post(`/api/corrective-actions/${actionId}/report`, { note: 'Đã công khai đường dây nóng', fileIds: [file] })).status).toBe(200);
    expect((await c['hp.viettiep'].post(`/api/corrective-actions/${actionId}/close`, { note: 'x' })).status).toBe(403);
    expect((await c['hp.thanhtra'].post(`/api/corrective-actions/${actionId}/close`, { note: 'Đã kiểm tra minh chứng, đạt yêu cầu' })).status).toBe(200);
    const view = (await c['hp.lanhdao'].get(`/api/inspections/${inspectionId}`)).body;
    expect(view.findings[0].actions[0]).toMatchObject({ status: 'closed', state: 'closed', stateLabel: 'Đã đóng', reportedByName: 'Đoàn Thị Hương', closedByName: 'Thanh tra viên Hải Phòng', files: [{ name: 'Ảnh bảng công khai.pdf' }], can: { close: false, report: false } });
  });
});

describe('a finding that a person no longer qualifies for the allowance (seed 000 II.5)', () => {
  it('points at the assignment; the action waits for the unit’s HR to stop the payment, then closes', async () => {
    const xanhpon = await unitId(c['hn.lanhdao'], 'Bệnh viện Đa khoa Xanh Pôn');
    const plan = (await c['hn.thanhtra'].post('/api/inspection-plans', { year: 2026, subject: 'Kiểm tra thực hiện Nghị quyết 07/2026/NQ-HĐND', ownerUnitId: await unitId(c['hn.lanhdao'], 'Sở Y tế Hà Nội'), coverageTargetPct: 30, unitIds: [xanhpon] })).body;
    const inspection = (await c['hn.thanhtra'].post(`/api/inspection-plans/${plan.id}/inspections`, { unitId: xanhpon, team: 'Thanh tra Sở', startOn: '2026-11-18', endOn: '2026-11-18', scope: 'Đối tượng hưởng hỗ trợ' })).body;
    const tu = (await c['hn.lanhdao'].get(`/api/allowance/units/${xanhpon}/assignments`)).body.items.find((a: { personName: string }) => a.personName === 'Phan Văn Tú');
    const view = (await c['hn.thanhtra'].post(`/api/inspections/${inspection.id}/findings`, {
      text: 'Ông Phan Văn Tú đã chuyển sang bộ phận hành chính từ 01/11/2026, không còn trực tiếp thực hiện nhiệm vụ chuyển đổi số',
      action: { responsibleUnitId: xanhpon, description: 'Dừng chi trả hỗ trợ từ tháng 11/2026, thu hồi nếu đã chi', dueOn: '2026-11-30', assignmentId: tu.id },
    })).body;
    const action = view.findings[0].actions[0];
    expect(action.allowance).toMatchObject({ personName: 'Phan Văn Tú', decisionNo: '1024/QĐ-BVXP', stoppedOn: null });
    expect((await c['hn.thanhtra'].post(`/api/corrective-actions/${action.id}/close`, { note: '' })).body.message).toMatch(/Chưa dừng chi trả/);
    // The stop is made in the allowance, by the hospital's HR; the inspection reads it from there.
    expect((await c['hn.xanhpon.tccb'].post(`/api/allowance/assignments/${tu.id}/stop`, { stoppedOn: '2026-10-31', reason: 'Theo kết luận kiểm tra của Thanh tra Sở' })).status).toBe(200);
    const linked = (await c['hn.thanhtra'].get(`/api/inspections/${inspection.id}`)).body.findings[0].actions[0];
    expect(linked.allowance).toMatchObject({ stoppedOn: '2026-10-31', stopReason: 'Theo kết luận kiểm tra của Thanh tra Sở' });
    expect((await c['hn.thanhtra'].post(`/api/corrective-actions/${action.id}/close`, { note: 'Đơn vị đã dừng chi trả' })).status).toBe(200);
  });
});

describe('reminders of a corrective action', () => {
  it('tell the division running the plan once the action is overdue, when the unit has no account to hear it', async () => {
    const notes = async (who: string) => ((await c[who].get('/api/notifications')).body.items as { kind: string; title: string }[]).filter((n) => n.kind.startsWith('inspection.'));
    // Kiến An's action of the demo is due 30 days after 23/11/2026: 23/12/2026.
    await runReminders(t.database.db, new Date('2026-12-22T08:00:00+07:00'));
    expect(await notes('hp.tchc')).toEqual([]); // before the deadline only the unit hears, and Kiến An has no account
    await runReminders(t.database.db, new Date('2026-12-24T08:00:00+07:00'));
    expect((await notes('hp.tchc')).map((n) => n.title)).toEqual([expect.stringMatching(/^Quá hạn khắc phục sau kiểm tra: Niêm yết đủ thủ tục hành chính/)]);
    await runReminders(t.database.db, new Date('2026-12-24T09:00:00+07:00'));
    expect(await notes('hp.tchc')).toHaveLength(1);
    expect(await notes('hp.viettiep')).toEqual([]);
  });
});
