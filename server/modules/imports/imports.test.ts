// Plan import over HTTP: a Word plan becomes a reviewed draft, confirming creates the plan whole,
// bad files get a Vietnamese message naming the problem, and nothing is half-written.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { parseFile } from './service.ts';

let t: TestContext;
let vp: Client;
let owner: string;
const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url));

beforeAll(async () => {
  t = await testApp();
  vp = await signIn(t.app, 'dt.vanphong');
  owner = await unitId(vp, 'Văn phòng Sở');
});
afterAll(async () => { await t.close(); });

const planCount = async () => (await vp.get('/api/plans')).body.items.length as number;
const put = (id: string, body: unknown) => vp.request('PUT', `/api/plan-imports/${id}`, body);

describe('importing seed 003 as Word', () => {
  let imported: any;

  it('reads the draft: header, 24 tasks in 7 sections, units matched, source text kept', async () => {
    const res = await vp.upload('/api/plan-imports', [{ name: 'Kế hoạch 57 năm 2026.docx', content: fixture('seed-003.docx') }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    imported = res.body;
    expect(imported.fileName).toBe('Kế hoạch 57 năm 2026.docx');
    expect(imported.draft.header).toMatchObject({ number: '/KH-SYT', place: 'Đồng Tháp', dateText: 'ngày tháng 3 năm 2026', signer: 'Nguyễn Văn Dương', year: 2026 });
    expect(imported.draft.tasks).toHaveLength(24);
    expect(imported.draft.sections.map((s: { code: string }) => s.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(imported.sourceText).toContain('DANH MỤC CÁC NHIỆM VỤ NĂM 2026');
    const unit = (name: string) => imported.units.find((u: { name: string }) => u.name === name);
    expect(unit('Văn phòng Sở')).toMatchObject({ kind: 'unit', unitIds: [owner], confidence: 1 });
    expect(unit('Bệnh viện Quân dân y')).toMatchObject({ kind: 'unit', confidence: 1 });
    expect(unit('Các phòng chuyên môn')).toMatchObject({ kind: 'group' });
    expect((await vp.get('/api/plan-imports')).body.items.map((i: { id: string }) => i.id)).toContain(imported.id);
  });

  it('saves edits, refusing an empty task with the field named', async () => {
    const draft = structuredClone(imported.draft);
    draft.tasks[0].title = '';
    const bad = await put(imported.id, { draft, unitMap: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.details['draft.tasks.0.title']).toMatch(/Nhiệm vụ thứ 1 \(STT 01\) chưa có nội dung/);
    draft.tasks[0].title = 'Xây dựng chương trình học tập số năm 2026';
    draft.tasks[4].deadlineText = 'Quý II/2026';
    const ok = await put(imported.id, { draft, unitMap: { 'Chi cục An toàn thực phẩm': { kind: 'external' } } });
    expect(ok.status).toBe(200);
    imported = ok.body;
    expect(imported.draft.tasks[0].title).toBe('Xây dựng chương trình học tập số năm 2026');
    expect(imported.units.find((u: { name: string }) => u.name === 'Chi cục An toàn thực phẩm').choice).toEqual({ kind: 'external' });
  });

  it('creates nothing when one unit choice is wrong', async () => {
    const before = await planCount();
    const res = await vp.post(`/api/plan-imports/${imported.id}/confirm`, {
      draft: imported.draft, unitMap: { 'Văn phòng Sở': { kind: 'unit', unitIds: ['00000000-0000-4000-8000-000000000000'] } },
      plan: { ownerUnitId: owner, periodStart: '2026-01-01', periodEnd: '2026-12-31' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/Văn phòng Sở/);
    expect(await planCount()).toBe(before);
  });

  it('confirms: the plan with its sections, tasks, schedules, targets, reporting duties and source file, in one go', async () => {
    const res = await vp.post(`/api/plan-imports/${imported.id}/confirm`, {
      draft: imported.draft, unitMap: imported.unitMap, plan: { ownerUnitId: owner, periodStart: '2026-01-01', periodEnd: '2026-12-31' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const plan = (await vp.get(`/api/plans/${res.body.planId}`)).body;
    expect(plan.title).toMatch(/^Thực hiện Nghị quyết số 57-NQ\/TW/);
    expect(plan.replacesReference).toMatch(/^Kế hoạch số 752\/KH-SYT/);
    expect(plan.sections).toHaveLength(7);
    expect(plan.tasks).toHaveLength(24);
    const first = plan.tasks[0];
    expect(first.content).toBe('Xây dựng chương trình học tập số năm 2026');
    expect(first.leads.map((u: { name: string }) => u.name)).toEqual(['Văn phòng Sở']);
    expect(plan.tasks[4].schedule).toMatchObject({ kind: 'quarter', value: '2026-Q2' });
    expect(plan.targets).toHaveLength(18);
    expect(plan.targets[0]).toMatchObject({ value: 100, unit: '%', comparator: '>=' });
    expect(plan.reportingDuties.map((r: { frequency: string; due: string[] }) => `${r.frequency} ${r.due}`)).toContain('semiannual 05-25,11-10');
    expect(plan.sourceFile.name).toBe('Kế hoạch 57 năm 2026.docx');
    // The food-safety branch was marked as an outside body: named in the text, linked to no unit.
    const t13 = plan.tasks.find((x: { number: string }) => x.number === '13');
    expect(t13.coordinatorText).toBe('Các phòng chuyên môn; Chi cục An toàn thực phẩm');
    expect(t13.coordinators.map((u: { name: string }) => u.name).join()).not.toMatch(/Chi cục/);
    const again = await vp.post(`/api/plan-imports/${imported.id}/confirm`, {
      draft: imported.draft, unitMap: {}, plan: { ownerUnitId: owner, periodStart: '2026-01-01', periodEnd: '2026-12-31' },
    });
    expect(again.status).toBe(409);
    expect((await vp.del(`/api/plan-imports/${imported.id}`)).status).toBe(409);
  });
});

describe('seed 004 as PDF', () => {
  it('lists the four contradictions of the document', async () => {
    const res = await vp.upload('/api/plan-imports', [{ name: 'cchc-2026.pdf', content: fixture('seed-004.pdf') }]);
    expect(res.status).toBe(201);
    expect(res.body.draft.tasks).toHaveLength(33);
    expect(res.body.draft.findings.map((f: { code: string }) => f.code).sort()).toEqual(['conflicting_report_due', 'conflicting_target', 'swapped_columns', 'swapped_columns']);
    expect((await vp.del(`/api/plan-imports/${res.body.id}`)).status).toBe(200);
    expect((await vp.get(`/api/plan-imports/${res.body.id}`)).status).toBe(404);
  });
});

describe('names offered as new units', () => {
  const newUnit = { 'Chi cục An toàn thực phẩm': { kind: 'new' } };
  const confirm = (c: Client, id: string, draft: unknown, ownerUnitId: string) =>
    c.post(`/api/plan-imports/${id}/confirm`, { draft, unitMap: newUnit, plan: { ownerUnitId, periodStart: '2026-01-01', periodEnd: '2026-12-31' } });

  it('are refused, naming the unit, to whom may not add units; created by a tenant administrator', async () => {
    const read = (await vp.upload('/api/plan-imports', [{ name: 'kh.txt', content: fixture('seed-003.txt') }])).body;
    const before = await planCount();
    const refused = await confirm(vp, read.id, read.draft, owner);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/không có quyền thêm đơn vị mới “Chi cục An toàn thực phẩm”/);
    expect(await planCount()).toBe(before);

    // The draft is the importer's: a unit's focal point, who may make plans of its own, neither sees nor lists it.
    const focal = await signIn(t.app, 'dt.bvqdy');
    expect((await focal.get(`/api/plan-imports/${read.id}`)).status).toBe(404);
    expect((await focal.get('/api/plan-imports')).body.items.map((i: { id: string }) => i.id)).not.toContain(read.id);
    const admin = await signIn(t.app, 'dt.quantri');
    expect((await admin.get('/api/plan-imports')).body.items.map((i: { id: string }) => i.id)).toContain(read.id);
    const made = await confirm(admin, read.id, read.draft, owner);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const t13 = (await admin.get(`/api/plans/${made.body.planId}`)).body.tasks.find((x: { number: string }) => x.number === '13');
    expect(t13.coordinators.map((u: { name: string }) => u.name)).toContain('Chi cục An toàn thực phẩm');
  });
});

describe('bad input', () => {
  it.each([
    ['rong.docx', Buffer.alloc(0), /rỗng/],
    ['rac.docx', Buffer.from('đây không phải tệp Word'.repeat(50)), /không phải là tài liệu Word/],
    ['cu.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /\.docx/],
    ['chuong-trinh.exe', Buffer.from('MZ\x90\x00'), /\.exe.*\.docx/],
    ['ban-quet.pdf', fixture('scanned.pdf'), /bản quét/],
    ['mat-khau.pdf', fixture('encrypted.pdf'), /mật khẩu/],
    ['trang.txt', Buffer.from(' \n\t\n '), /không có chữ/],
  ])('%s: a Vietnamese message on the file field, nothing stored', async (name, content, message) => {
    const before = (await vp.get('/api/plan-imports')).body.items.length;
    const res = await vp.upload('/api/plan-imports', [{ name, content }]);
    expect(res.status).toBe(400);
    expect(res.body.details.file).toMatch(message);
    expect((await vp.get('/api/plan-imports')).body.items.length).toBe(before);
  });

  it('refuses a file over the upload limit with the limit named', async () => {
    const res = await vp.upload('/api/plan-imports', [{ name: 'lon.docx', content: Buffer.alloc(21 * 1024 * 1024, 1) }]);
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/vượt quá 20 MB/);
  });

  it('refuses readers without the right to manage plans', async () => {
    const inspector = await signIn(t.app, 'dt.thanhtra');
    expect((await inspector.upload('/api/plan-imports', [{ name: 'a.txt', content: fixture('seed-003.txt') }])).status).toBe(403);
  });
});

describe('the reading thread', () => {
  it('gives up on a file that overruns its time limit, and the next file is read by a fresh thread', async () => {
    await expect(parseFile(fixture('seed-003.pdf'), 'cham.pdf', 2026, 1)).rejects.toMatchObject({ details: { file: expect.stringMatching(/đọc không kịp/) } });
    const parsed = await parseFile(fixture('seed-004.txt'), 'cchc.txt', 2026);
    expect(parsed.draft.tasks).toHaveLength(33);
  });

  it('keeps the server’s event loop free while a long plan is read (the reading runs in its own thread)', async () => {
    // 20,000 appendix rows take about 3 s to read; on the request thread they would stall every other request that long.
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i + 1}\tRà soát hồ sơ sức khỏe điện tử đợt ${i + 1}\tVăn phòng Sở\tCác đơn vị trực thuộc\tQuý ${['I', 'II', 'III', 'IV'][i % 4]}/2026\tBáo cáo`);
    const text = `KẾ HOẠCH\nViệc lớn năm 2026\n\nSTT\tNội dung\tChủ trì\tPhối hợp\tThời gian\tSản phẩm\n${rows.join('\n')}`;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const res = await vp.upload('/api/plan-imports', [{ name: 'dai.txt', content: text }]);
    delay.disable();
    expect(res.status).toBe(201);
    expect(res.body.draft.tasks).toHaveLength(20_000);
    // The stall is measured, not the speed: reading in-process stalls the loop for seconds.
    expect(delay.max / 1e6).toBeLessThan(1000);
  }, 60_000);
});
