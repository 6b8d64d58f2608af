// Plans, tasks, schedules and occurrences through the API, on PGlite and on PostgreSQL, with the clock frozen at 23/11/2026.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let tchc: Client; // Phòng TCHC, Sở Y tế Hải Phòng: owns the administrative-reform plan
let leader: Client;
let viettiep: Client; // unit focal point of Bệnh viện Hữu nghị Việt Tiệp
let tchcUnit: string;
let viettiepUnit: string;
let kienanUnit: string;

beforeAll(async () => {
  t = await testApp();
  tchc = await signIn(t.app, 'hp.tchc');
  leader = await signIn(t.app, 'hp.lanhdao');
  viettiep = await signIn(t.app, 'hp.viettiep');
  tchcUnit = await unitId(tchc, 'Phòng Tổ chức - Hành chính');
  viettiepUnit = await unitId(tchc, 'Bệnh viện Hữu nghị Việt Tiệp');
  kienanUnit = await unitId(tchc, 'Bệnh viện Kiến An');
});
afterAll(async () => { await t.close(); });

const newPlan = (over: Record<string, unknown> = {}) => ({
  ownerUnitId: tchcUnit, issuer: 'Sở Y tế Hải Phòng', title: 'Kế hoạch thử nghiệm năm 2026', periodStart: '2026-07-01', periodEnd: '2026-12-31', ...over,
});

describe('the demo plan of Sở Y tế Hải Phòng (seed 004)', () => {
  it('is an active plan with its 33 tasks in 7 sections, lead units from the org tree', async () => {
    const list = await leader.get('/api/plans');
    expect(list.status).toBe(200);
    const demo = list.body.items.find((p: { title: string }) => p.title === 'Cải cách hành chính năm 2026');
    expect(demo).toMatchObject({ status: 'active', taskCount: 33, owner: { name: 'Phòng Tổ chức - Hành chính' } });
    const plan = (await leader.get(`/api/plans/${demo.id}`)).body;
    expect(plan.sections.map((s: { code: string }) => s.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(plan.tasks).toHaveLength(33);
    const inspection = plan.tasks.find((x: { content: string }) => x.content === 'Kiểm tra cải cách hành chính');
    expect(inspection).toMatchObject({ deadlineText: 'Quý III, IV/2026', leads: [{ name: 'Phòng Tổ chức - Hành chính' }], schedule: { kind: 'quarter', value: '2026-Q3,2026-Q4' } });
    expect(plan.can.manage).toBe(false);
  });

  it('tells leadership which occurrences are overdue, and by which units', async () => {
    const { body } = await leader.get('/api/plans-overview');
    expect(body.today).toBe('2026-11-23');
    expect(body.totals.total).toBeGreaterThan(33);
    expect(body.totals.overdue).toBeGreaterThan(0);
    const sum = body.byUnit.reduce((n: number, r: { counts: { overdue: number } }) => n + r.counts.overdue, 0);
    expect(sum).toBe(body.totals.overdue);
    expect(body.overdue.length).toBe(Math.min(100, body.totals.overdue));
    for (const o of body.overdue) expect(o.dueOn < '2026-11-23' && o.completedOn === null).toBe(true);
  });
});

describe('a plan from draft to done', () => {
  let planId: string;
  let taskId: string;

  it('is created as a draft, with a section and a monthly task for one unit, and no occurrences until issued', async () => {
    const created = await tchc.post('/api/plans', newPlan({ number: ' 99/KH-SYT ', legalBases: ['Căn cứ Quyết định số 5256/QĐ-UBND;', ' '] }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', number: '99/KH-SYT', legalBases: ['Căn cứ Quyết định số 5256/QĐ-UBND;'], can: { manage: true } });
    planId = created.body.id;
    const section = await tchc.post(`/api/plans/${planId}/sections`, { code: 'I', title: 'Công tác chỉ đạo điều hành' });
    expect(section.status).toBe(201);
    const task = await tchc.post(`/api/plans/${planId}/tasks`, {
      sectionId: section.body.id, number: '1', content: 'Báo cáo tình hình thực hiện', leadUnitIds: [viettiepUnit], coordinatorText: 'Phòng TCHC', deadlineText: 'Hằng tháng',
    });
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({ schedule: { kind: 'recurring', value: 'FREQ=MONTHLY' }, leads: [{ id: viettiepUnit }], coordinators: [{ id: tchcUnit }], occurrences: [] });
    taskId = task.body.id;
  });

  it('gets monthly occurrences from the plan’s start when issued, each due on the month’s last day', async () => {
    expect((await tchc.post(`/api/plans/${planId}/status`, { status: 'active' })).body.status).toBe('active');
    const { body } = await tchc.get(`/api/tasks/${taskId}`);
    expect(body.occurrences.map((o: { label: string; dueOn: string }) => [o.label, o.dueOn])).toEqual([
      ['Tháng 7/2026', '2026-07-31'], ['Tháng 8/2026', '2026-08-31'], ['Tháng 9/2026', '2026-09-30'],
      ['Tháng 10/2026', '2026-10-31'], ['Tháng 11/2026', '2026-11-30'], ['Tháng 12/2026', '2026-12-31'],
    ]);
    expect(body.occurrences.map((o: { status: string }) => o.status)).toEqual(['overdue', 'overdue', 'overdue', 'overdue', 'not_due', 'not_due']);
  });

  it('lets the unit report progress on its own occurrences only, and computes on-time and late', async () => {
    const mine = (await viettiep.get(`/api/occurrences?unitId=${viettiepUnit}&planId=${planId}`)).body.items;
    expect(mine).toHaveLength(6);
    expect(mine[0].can.record).toBe(true);
    const july = mine[0];
    const late = await viettiep.post(`/api/occurrences/${july.id}/progress`, { state: 'done', completedOn: '2026-08-05', note: 'Đã gửi báo cáo' });
    expect(late.status).toBe(201);
    expect(late.body.status).toBe('done_late');
    const nov = mine[4];
    expect((await viettiep.post(`/api/occurrences/${nov.id}/progress`, { state: 'open', percent: 40, note: 'Đang tổng hợp' })).body.status).toBe('in_progress');
    const onTime = await viettiep.post(`/api/occurrences/${mine[1].id}/progress`, { state: 'done', completedOn: '2026-08-31' });
    expect(onTime.body.status).toBe('done_on_time');
    // Another unit's focal point may not report on Việt Tiệp's work (nor can another tenant see it); the leader only reads.
    const admin = await signIn(t.app, 'hp.quantri');
    expect((await admin.post('/api/org/users', { username: 'hp.kienan', displayName: 'Đầu mối Kiến An', password: 'Kienan@2026', role: 'unit_focal', unitId: kienanUnit })).status).toBe(201);
    const kienan = await signIn(t.app, 'hp.kienan', 'Kienan@2026');
    const refused = await kienan.post(`/api/occurrences/${july.id}/progress`, { state: 'done' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Bạn chỉ được cập nhật tiến độ nhiệm vụ của đơn vị mình.');
    expect((await kienan.get(`/api/occurrences/${july.id}`)).body.can.record).toBe(false);
    const stranger = await signIn(t.app, 'dt.bvqdy');
    expect((await stranger.post(`/api/occurrences/${july.id}/progress`, { state: 'done' })).status).toBe(404);
    expect((await leader.post(`/api/occurrences/${july.id}/progress`, { state: 'done' })).status).toBe(403);
    const task = (await tchc.get(`/api/tasks/${taskId}`)).body;
    expect(task.counts).toMatchObject({ total: 6, overdue: 2, doneLate: 1, doneOnTime: 1, inProgress: 1, notDue: 1 });
    expect(task.status).toBe('overdue');
    const detail = (await viettiep.get(`/api/occurrences/${july.id}`)).body;
    expect(detail.updates).toMatchObject([{ state: 'done', note: 'Đã gửi báo cáo', completedOn: '2026-08-05', authorName: 'Cao Xuân Trường' }]);
  });

  it('refuses a completion date in the future and a note-less update, naming the field, and writes nothing', async () => {
    const [o] = (await viettiep.get(`/api/occurrences?unitId=${viettiepUnit}&planId=${planId}&status=not_due`)).body.items;
    const future = await viettiep.post(`/api/occurrences/${o.id}/progress`, { state: 'done', completedOn: '2026-12-01' });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual({ completedOn: 'Ngày hoàn thành không được sau ngày hôm nay.' });
    const empty = await viettiep.post(`/api/occurrences/${o.id}/progress`, { state: 'open' });
    expect(empty.body.details).toHaveProperty('note');
    const bad = await viettiep.post(`/api/occurrences/${o.id}/progress`, { state: 'xong', percent: 140 });
    expect(bad.body.details).toMatchObject({ state: 'Trạng thái không thuộc các giá trị cho phép.', percent: 'Tỷ lệ hoàn thành (%) phải nhỏ hơn hoặc bằng 100.' });
    expect((await viettiep.get(`/api/occurrences/${o.id}`)).body.updates).toEqual([]);
  });

  it('re-derives occurrences when the schedule is corrected by hand, keeping those with progress', async () => {
    const edited = await tchc.patch(`/api/tasks/${taskId}`, { deadlineText: 'Quý III, IV/2026', schedule: { kind: 'quarter', value: '2026-Q3,2026-Q4', quarterMode: 'each' } });
    expect(edited.status).toBe(200);
    expect(edited.body.scheduleReviewed).toBe(true);
    const labels = edited.body.occurrences.map((o: { label: string }) => o.label);
    expect(labels).toEqual(expect.arrayContaining(['Quý III/2026', 'Quý IV/2026', 'Tháng 7/2026', 'Tháng 8/2026', 'Tháng 11/2026']));
    expect(labels).not.toContain('Tháng 9/2026'); // no progress: removed
    const wrong = await tchc.patch(`/api/tasks/${taskId}`, { schedule: { kind: 'month', value: '2026-13' } });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.details)).toEqual(['schedule.value']);
  });

  it('cannot go back to draft once progress is reported, and closes', async () => {
    expect((await tchc.post(`/api/plans/${planId}/status`, { status: 'draft' })).status).toBe(409);
    expect((await tchc.del(`/api/plans/${planId}`)).status).toBe(409);
    expect((await tchc.del(`/api/tasks/${taskId}`)).status).toBe(409);
    expect((await tchc.post(`/api/plans/${planId}/status`, { status: 'closed' })).body.status).toBe('closed');
    const [o] = (await tchc.get(`/api/tasks/${taskId}`)).body.occurrences;
    expect((await viettiep.post(`/api/occurrences/${o.id}/progress`, { state: 'open', percent: 50, note: 'x' })).status).toBe(409);
  });

  it('records every change in the audit log', async () => {
    const log = (await leader.get(`/api/audit/events?entityId=${planId}`)).body.items.map((e: { action: string }) => e.action);
    expect(log).toEqual(expect.arrayContaining(['plan.create', 'plan.section.create', 'plan.activate', 'plan.close']));
  });
});

describe('schedules that wait on a direction or an event', () => {
  it('gets an occurrence when the owner sets a date or the unit records the event', async () => {
    const plan = (await tchc.post('/api/plans', newPlan({ issuedOn: '2026-07-05' }))).body;
    const directive = (await tchc.post(`/api/plans/${plan.id}/tasks`, { content: 'Rà soát văn bản', leadUnitIds: [viettiepUnit], deadlineText: 'Theo chỉ đạo của Thành phố' })).body;
    const afterIssue = (await tchc.post(`/api/plans/${plan.id}/tasks`, { content: 'Phổ biến kế hoạch', leadUnitIds: [viettiepUnit], deadlineText: 'Sau khi Kế hoạch được ban hành' })).body;
    const arises = (await tchc.post(`/api/plans/${plan.id}/tasks`, { content: 'Báo cáo đột xuất', leadUnitIds: [viettiepUnit], deadlineText: 'Khi phát sinh' })).body;
    expect(directive.schedule).toMatchObject({ kind: 'directive', authority: 'Thành phố' });
    await tchc.post(`/api/plans/${plan.id}/status`, { status: 'active' });
    expect((await tchc.get(`/api/tasks/${directive.id}`)).body.occurrences).toEqual([]);
    expect((await tchc.get(`/api/tasks/${afterIssue.id}`)).body.occurrences.map((o: { dueOn: string }) => o.dueOn)).toEqual(['2026-08-04']);
    const set = await tchc.post(`/api/tasks/${directive.id}/occurrences`, { dueOn: '2026-12-15', label: 'Theo Công văn số 12/UBND' });
    expect(set.status).toBe(201);
    expect((await tchc.get(`/api/tasks/${directive.id}`)).body.occurrences).toMatchObject([{ label: 'Theo Công văn số 12/UBND', dueOn: '2026-12-15', unit: { id: viettiepUnit } }]);
    // The unit itself records that the awaited event happened; the due date follows the plan's 30 days.
    const event = await viettiep.post(`/api/tasks/${arises.id}/occurrences`, { eventOn: '2026-11-10' });
    expect(event.body).toMatchObject({ created: 1, dueOn: '2026-12-10' });
    expect((await viettiep.post(`/api/tasks/${directive.id}/occurrences`, { dueOn: '2027-01-10' })).status).toBe(403);
  });
});

describe('cascade: a unit’s detailed plan implements the department plan', () => {
  it('links unit tasks to the parent task, which shows their roll-up', async () => {
    const parent = (await tchc.post('/api/plans', newPlan({ title: 'Kế hoạch của Sở' }))).body;
    const parentTask = (await tchc.post(`/api/plans/${parent.id}/tasks`, { content: 'Số hóa hồ sơ', leadText: 'Các đơn vị trực thuộc', deadlineText: 'Quý IV/2026' })).body;
    expect(parentTask.leads.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([viettiepUnit, kienanUnit]));
    await tchc.post(`/api/plans/${parent.id}/status`, { status: 'active' });
    const child = await viettiep.post('/api/plans', newPlan({ ownerUnitId: viettiepUnit, issuer: 'Bệnh viện Hữu nghị Việt Tiệp', title: 'Kế hoạch chi tiết của Bệnh viện', parentPlanId: parent.id }));
    expect(child.status).toBe(201);
    const denied = await viettiep.post('/api/plans', newPlan({ title: 'Kế hoạch của phòng khác' }));
    expect(denied.status).toBe(403);
    const childTask = await viettiep.post(`/api/plans/${child.body.id}/tasks`, { content: 'Số hóa hồ sơ bệnh án', leadUnitIds: [viettiepUnit], deadlineText: 'Tháng 10/2026', parentTaskId: parentTask.id });
    expect(childTask.status).toBe(201);
    const foreign = await viettiep.post(`/api/plans/${child.body.id}/tasks`, { content: 'x', leadUnitIds: [viettiepUnit], parentTaskId: childTask.body.id });
    expect(foreign.body.details).toEqual({ parentTaskId: 'Nhiệm vụ cấp trên phải thuộc kế hoạch cấp trên của kế hoạch này.' });
    await viettiep.post(`/api/plans/${child.body.id}/status`, { status: 'active' });
    const view = (await leader.get(`/api/tasks/${parentTask.id}`)).body;
    expect(view.implementations).toMatchObject([{ owner: { id: viettiepUnit }, content: 'Số hóa hồ sơ bệnh án', counts: { total: 1, overdue: 1 } }]);
    const parentView = (await leader.get(`/api/plans/${parent.id}`)).body;
    expect(parentView.childPlans).toMatchObject([{ title: 'Kế hoạch chi tiết của Bệnh viện', counts: { overdue: 1 } }]);
    expect(parentView.tasks[0].children).toMatchObject({ count: 1, counts: { overdue: 1 } });
  });
});

describe('validation and isolation', () => {
  it('names the field of bad plan input and writes nothing', async () => {
    const before = (await tchc.get('/api/plans')).body.items.length;
    const order = await tchc.post('/api/plans', newPlan({ periodStart: '2026-12-31', periodEnd: '2026-01-01' }));
    expect(order.status).toBe(400);
    expect(order.body.details).toEqual({ periodEnd: 'Ngày kết thúc phải sau ngày bắt đầu của kế hoạch.' });
    const missing = await tchc.post('/api/plans', { ownerUnitId: tchcUnit, issuer: 'Sở Y tế' });
    expect(missing.body.details).toMatchObject({ title: 'Vui lòng nhập Tên (trích yếu) kế hoạch.', periodStart: 'Vui lòng nhập Ngày bắt đầu.' });
    const date = await tchc.post('/api/plans', newPlan({ issuedOn: '31/12/2026' }));
    expect(date.body.details).toEqual({ issuedOn: 'Ngày ban hành không đúng định dạng.' });
    const blank = await tchc.post('/api/plans', newPlan({ title: '\u200b ' }));
    expect(blank.body.details).toEqual({ title: 'Vui lòng nhập Tên (trích yếu) kế hoạch.' });
    expect((await tchc.get('/api/plans')).body.items.length).toBe(before);
  });

  it('searches plans without diacritics', async () => {
    const titles = async (q: string) => (await leader.get(`/api/plans?q=${encodeURIComponent(q)}`)).body.items.map((p: { title: string }) => p.title);
    expect(await titles('cai cach hanh chinh')).toContain('Cải cách hành chính năm 2026');
    expect(await titles('khong co ke hoach nay')).toEqual([]);
  });

  it('answers another tenant’s plans and tasks with not found', async () => {
    const plan = (await leader.get('/api/plans')).body.items[0];
    const hanoi = await signIn(t.app, 'hn.lanhdao');
    expect((await hanoi.get(`/api/plans/${plan.id}`)).status).toBe(404);
    expect((await hanoi.get('/api/plans')).body.items.some((p: { id: string }) => p.id === plan.id)).toBe(false);
    const task = (await leader.get(`/api/plans/${plan.id}`)).body.tasks[0];
    expect((await hanoi.get(`/api/tasks/${task.id}`)).status).toBe(404);
    const hanoiCntt = await signIn(t.app, 'hn.cntt');
    expect((await hanoiCntt.patch(`/api/tasks/${task.id}`, { content: 'Bị sửa' })).status).toBe(404);
  });
});
