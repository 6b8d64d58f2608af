import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let admin: Client;
let root: string;
beforeAll(async () => {
  t = await testApp();
  admin = await signIn(t.app, 'dt.quantri');
  root = await unitId(admin, 'Sở Y tế Đồng Tháp');
});
afterAll(async () => { await t.close(); });

describe('org tree', () => {
  it('holds the Đồng Tháp tree that seed 003 names, with aliases', async () => {
    const { body } = await admin.get('/api/org/units');
    const byName = new Map(body.items.map((u: { name: string }) => [u.name, u]));
    for (const name of ['Ban Giám đốc', 'Văn phòng Sở', 'Phòng Tổ chức cán bộ', 'Phòng Kế hoạch – Tài chính', 'Bệnh viện Quân dân y Đồng Tháp', 'Chi cục An toàn thực phẩm Đồng Tháp']) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('Phòng Kế hoạch – Tài chính')).toMatchObject({ shortName: 'P.KHTC', aliases: expect.arrayContaining(['Phòng KHTC', 'KHTC']) });
  });

  it('finds units typed without diacritics, by alias too', async () => {
    const names = async (q: string) => (await admin.get(`/api/org/units?q=${encodeURIComponent(q)}`)).body.items.map((u: { name: string }) => u.name);
    expect(await names('benh vien quan dan')).toEqual(['Bệnh viện Quân dân y Đồng Tháp']);
    expect(await names('QĐY')).toEqual(['Bệnh viện Quân dân y Đồng Tháp']);
    expect(await names('khtc')).toEqual(['Phòng Kế hoạch – Tài chính']);
  });

  it('adds, renames, moves and deactivates a unit, each with its audit event', async () => {
    const created = await admin.post('/api/org/units', { parentId: root, kind: 'unit', name: '  Trung tâm Y tế khu vực Lấp Vò ', shortName: 'TTYT Lấp Vò', aliases: ['TTYT LV', 'ttyt lv'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Trung tâm Y tế khu vực Lấp Vò', aliases: ['TTYT LV'], can: { manage: true } });
    const id = created.body.id;
    expect((await admin.patch(`/api/org/units/${id}`, { name: 'Trung tâm Y tế Lấp Vò' })).body.name).toBe('Trung tâm Y tế Lấp Vò');
    const cl = await unitId(admin, 'Trung tâm Y tế khu vực Cao Lãnh');
    expect((await admin.post(`/api/org/units/${id}/move`, { parentId: cl })).body.parentId).toBe(cl);
    const tyt = await admin.post('/api/org/units', { parentId: id, kind: 'unit', name: 'Trạm Y tế xã Vĩnh Thạnh' });
    // A unit cannot be moved under its own subtree, nor deactivated while it has active children.
    const cycle = await admin.post(`/api/org/units/${id}/move`, { parentId: tyt.body.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.details.parentId).toMatch(/chính nó hoặc đơn vị cấp dưới/);
    const busy = await admin.post(`/api/org/units/${id}/active`, { active: false });
    expect(busy.status).toBe(409);
    expect(busy.body.message).toMatch(/còn 1 đơn vị cấp dưới/);
    expect((await admin.post(`/api/org/units/${tyt.body.id}/active`, { active: false })).body.active).toBe(false);
    expect((await admin.post(`/api/org/units/${id}/active`, { active: false })).body.active).toBe(false);
    // The moved subtree's paths follow: the station is still under the centre.
    const detail = await admin.get(`/api/org/units/${tyt.body.id}`);
    expect(detail.body.breadcrumb.map((b: { name: string }) => b.name)).toEqual(['Sở Y tế Đồng Tháp', 'Trung tâm Y tế khu vực Cao Lãnh', 'Trung tâm Y tế Lấp Vò']);
    const log = await admin.get(`/api/audit/events?entityId=${id}`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['org.unit.deactivate', 'org.unit.move', 'org.unit.update', 'org.unit.create']);
    expect(log.body.items[2]).toMatchObject({ before: { name: 'Trung tâm Y tế khu vực Lấp Vò' }, after: { name: 'Trung tâm Y tế Lấp Vò' } });
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const long = await admin.post('/api/org/units', { parentId: root, kind: 'unit', name: 'x'.repeat(201) });
    expect(long.status).toBe(400);
    expect(long.body.details).toEqual({ name: 'Tên đơn vị không được dài quá 200 ký tự.' });
    const missing = await admin.post('/api/org/units', { parentId: root, kind: 'unit' });
    expect(missing.body.details).toEqual({ name: 'Vui lòng nhập Tên đơn vị.' });
    const kind = await admin.post('/api/org/units', { parentId: root, kind: 'hospital', name: 'A' });
    expect(kind.body.details).toEqual({ kind: 'Loại đơn vị không thuộc các giá trị cho phép.' });
    const blank = await admin.post('/api/org/units', { parentId: root, kind: 'unit', name: '\u200b  ' });
    expect(blank.body.details).toEqual({ name: 'Vui lòng nhập Tên đơn vị.' });
    const dup = await admin.post('/api/org/units', { parentId: root, kind: 'unit', name: 'benh vien quan dan y dong thap' });
    expect(dup.status).toBe(409);
    const alias = await admin.post('/api/org/units', { parentId: root, kind: 'unit', name: 'Bệnh viện mới', aliases: ['P.KHTC'] });
    expect(alias.status).toBe(409);
    expect(alias.body.message).toMatch(/đã dùng cho đơn vị “Phòng Kế hoạch – Tài chính”/);
    expect((await admin.get('/api/org/units?q=benh vien moi')).body.items).toEqual([]);
  });

  it('answers unknown and other tenants’ ids with not found', async () => {
    const unknown = await admin.get('/api/org/units/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'not_found', message: 'Không tìm thấy đơn vị.' });
    const hanoi = await signIn(t.app, 'hn.quantri');
    const hanoiRoot = await unitId(hanoi, 'Sở Y tế Hà Nội');
    expect((await admin.get(`/api/org/units/${hanoiRoot}`)).status).toBe(404);
    expect((await admin.patch(`/api/org/units/${hanoiRoot}`, { name: 'Bị chiếm' })).status).toBe(404);
    expect((await admin.post('/api/org/units', { parentId: hanoiRoot, kind: 'unit', name: 'Lén' })).status).toBe(400);
    expect((await admin.get('/api/org/units')).body.items.some((u: { name: string }) => u.name.includes('Hà Nội'))).toBe(false);
    expect((await admin.get('/api/org/not-a-route')).status).toBe(404);
    expect((await admin.get('/api/org/units/not-a-uuid')).body.details).toEqual({ id: 'Mã bản ghi không đúng định dạng.' });
  });

  it('a unit focal point sees its own unit but not another’s admin page', async () => {
    const focal = await signIn(t.app, 'dt.bvqdy');
    const own = await unitId(focal, 'Bệnh viện Quân dân y Đồng Tháp');
    const other = await unitId(focal, 'Bệnh viện Đa khoa Sa Đéc');
    expect((await focal.get(`/api/org/units/${own}`)).status).toBe(200);
    const denied = await focal.get(`/api/org/units/${other}`);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Bạn không có quyền xem trang quản trị của đơn vị này.');
    expect((await focal.post('/api/org/units', { parentId: own, kind: 'team', name: 'Khoa mới' })).status).toBe(403);
    expect((await focal.get('/api/org/users')).status).toBe(403);
    expect((await focal.get('/api/audit/events')).status).toBe(403);
    // It may add people to its own unit only.
    expect((await focal.post('/api/org/people', { unitId: own, fullName: 'Nguyễn Văn Bé' })).status).toBe(201);
    expect((await focal.post('/api/org/people', { unitId: other, fullName: 'Nguyễn Văn Khác' })).status).toBe(403);
  });

  it('an inspector reads everything and changes nothing', async () => {
    const inspector = await signIn(t.app, 'dt.thanhtra');
    const sadec = await unitId(inspector, 'Bệnh viện Đa khoa Sa Đéc');
    expect((await inspector.get(`/api/org/units/${sadec}`)).body.can).toEqual({ view: true, manage: false, managePeople: false, managePlans: false, recordProgress: false });
    expect((await inspector.get('/api/audit/events')).status).toBe(200);
    expect((await inspector.patch(`/api/org/units/${sadec}`, { name: 'Đổi' })).status).toBe(403);
    expect((await inspector.post('/api/org/people', { unitId: sadec, fullName: 'A' })).status).toBe(403);
  });
});

describe('people', () => {
  it('adds people and lists them in Vietnamese order, searchable without accents', async () => {
    const unit = await unitId(admin, 'Bệnh viện Đa khoa Sa Đéc');
    for (const fullName of ['Trần Thị Đào', 'Nguyễn Văn Dũng', 'Lê Văn An', 'Phạm Thị Ánh']) {
      expect((await admin.post('/api/org/people', { unitId: unit, fullName, position: 'Chuyên viên công nghệ thông tin', title: 'Chuyên viên' })).status).toBe(201);
    }
    const list = await admin.get(`/api/org/people?unitId=${unit}`);
    expect(list.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Lê Văn An', 'Phạm Thị Ánh', 'Nguyễn Văn Dũng', 'Trần Thị Đào']);
    const found = await admin.get(`/api/org/people?q=${encodeURIComponent('tran thi dao')}`);
    expect(found.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Trần Thị Đào']);
    const badEmail = await admin.post('/api/org/people', { unitId: unit, fullName: 'A B', email: 'khong-phai-email' });
    expect(badEmail.body.details).toEqual({ email: 'Thư điện tử không đúng định dạng.' });
    const nfd = await admin.post('/api/org/people', { unitId: unit, fullName: 'Võ Thị Hòa'.normalize('NFD') });
    expect(nfd.body.fullName).toBe('Võ Thị Hòa'.normalize('NFC'));
  });
});

describe('users and roles', () => {
  it('creates an account with a role, which then works within its subtree', async () => {
    const unit = await unitId(admin, 'Trung tâm Y tế khu vực Tháp Mười');
    const created = await admin.post('/api/org/users', { username: 'dt.thapmuoi', displayName: 'Đầu mối Tháp Mười', password: 'ThapMuoi2026', role: 'unit_focal', unitId: unit });
    expect(created.status).toBe(201);
    expect(created.body.grants).toMatchObject([{ role: 'unit_focal', roleLabel: 'Đầu mối đơn vị', unitName: 'Trung tâm Y tế khu vực Tháp Mười' }]);
    const dup = await admin.post('/api/org/users', { username: 'hn.lanhdao', displayName: 'Trùng', password: 'TrungTen2026' });
    expect(dup.status).toBe(409);
    expect(dup.body.details.username).toMatch(/đã được sử dụng/);
    const weak = await admin.post('/api/org/users', { username: 'dt.yeu', displayName: 'Yếu', password: 'abcdefgh' });
    expect(weak.body.details).toEqual({ password: 'Mật khẩu phải có cả chữ và số.' });
    const user = await signIn(t.app, 'dt.thapmuoi', 'ThapMuoi2026');
    expect((await user.get('/api/auth/me')).body.permissions).toEqual(['org.read', 'unit.view', 'person.manage', 'plan.read', 'plan.manage', 'progress.record', 'indicator.record', 'report.submit', 'file.upload', 'file.read', 'emulation.read', 'emulation.nominate']);
    expect((await user.get(`/api/org/units/${unit}`)).status).toBe(200);
    // Revoking the role and locking the account take effect at once.
    const grant = created.body.grants[0].id;
    expect((await admin.del(`/api/org/users/${created.body.id}/roles/${grant}`)).status).toBe(200);
    expect((await user.get(`/api/org/units/${unit}`)).status).toBe(403);
    expect((await admin.patch(`/api/org/users/${created.body.id}`, { active: false })).body.active).toBe(false);
    expect((await user.get('/api/auth/me')).status).toBe(401);
  });

  it('lists only the own tenant’s accounts', async () => {
    const { body } = await admin.get('/api/org/users');
    const names = body.items.map((u: { username: string }) => u.username);
    expect(names).toContain('dt.bvqdy');
    expect(names.some((n: string) => n.startsWith('hn.') || n === 'admin')).toBe(false);
  });

  it('keeps a hospital\'s administrator to its own accounts: no self-grants, no Sở account, not even in the list (issue 9)', async () => {
    const cl = await unitId(admin, 'Trung tâm Y tế khu vực Cao Lãnh');
    const made = (await admin.post('/api/org/users', { username: 'dt.caolanh.qt', displayName: 'Quản trị TTYT Cao Lãnh', password: 'CaoLanh2026', role: 'admin', unitId: cl })).body;
    const local = await signIn(t.app, 'dt.caolanh.qt', 'CaoLanh2026');
    const leader = (await admin.get('/api/org/users')).body.items.find((u: { username: string }) => u.username === 'dt.lanhdao');
    const station = (await local.post('/api/org/users', { username: 'dt.myhiep2', displayName: 'Trạm Mỹ Hiệp', password: 'MyHiep2026', role: 'unit_focal', unitId: await unitId(admin, 'Trạm Y tế xã Mỹ Hiệp') }));
    expect(station.status).toBe(201); // an account of its own subtree
    const accounts = (await local.get('/api/org/users')).body.items as { username: string; self: boolean }[];
    expect(accounts.filter((u) => u.self).map((u) => u.username)).toEqual(['dt.caolanh.qt']); // its own row offers no grant or lock
    const listed = accounts.map((u) => u.username);
    expect(listed).toEqual(expect.arrayContaining(['dt.caolanh.qt', 'dt.myhiep2', 'dt.tytmyhiep']));
    expect(listed).not.toContain('dt.lanhdao');
    expect((await local.post(`/api/org/users/${leader.id}/password`, { password: 'ChiemQuyen2026' })).status).toBe(403);
    expect((await local.patch(`/api/org/users/${leader.id}`, { displayName: 'Đổi tên' })).status).toBe(403);
    expect((await local.post(`/api/org/users/${leader.id}/roles`, { role: 'unit_focal', unitId: cl })).status).toBe(403);
    const self = await local.post(`/api/org/users/${made.id}/roles`, { role: 'leader', unitId: cl });
    expect(self.status).toBe(403);
    expect(self.body.message).toMatch(/Không tự cấp quyền/);
    // The Sở's own settings and audit log are not a centre's to read or change.
    expect((await local.get('/api/settings/reminders')).status).toBe(403);
    expect((await local.get('/api/audit/events')).status).toBe(403);
    expect((await local.get('/api/auth/me')).body.permissions).not.toContain('audit.read'); // nor shown in its menu
    expect((await admin.get('/api/audit/events')).status).toBe(200);
  });
});
