// Routes of the org capability: units, people, users and roles. Thin: schema → service.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ROLES, type Role } from '../../../core/auth/policy.ts';
import { UNIT_KIND_LABELS, type UnitKindName } from '../../../core/org/units.ts';
import { mutate, read } from '../../http/request.ts';
import { IdParams, Ok, oneOf, requiredText, text, uuid, withErrors } from '../../http/schemas.ts';
import { createPerson, listPeople, updatePerson, type PersonInput } from './people.service.ts';
import { createUnit, getUnit, listUnits, moveUnit, setUnitActive, updateUnit, type UnitInput } from './units.service.ts';
import { createUser, grantRole, listUsers, resetPassword, revokeRole, updateUser, USERNAME_PATTERN, type NewUser } from './users.service.ts';

const tags = ['org'];
const KINDS = Object.keys(UNIT_KIND_LABELS) as UnitKindName[];

const aliases = Type.Array(text('Tên viết tắt, tên gọi khác', { max: 100 }), { title: 'Tên viết tắt, tên gọi khác', maxItems: 20 });
const unitFields = {
  name: requiredText('Tên đơn vị', 200),
  shortName: Type.Optional(text('Tên viết tắt', { max: 50 })),
  aliases: Type.Optional(aliases),
  kind: oneOf(KINDS, 'Loại đơn vị'),
  sortOrder: Type.Optional(Type.Integer({ title: 'Thứ tự', minimum: 0, maximum: 100000 })),
};
const Unit = Type.Object({
  id: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]), kind: Type.String(), kindLabel: Type.String(),
  name: Type.String(), shortName: Type.String(), aliases: Type.Array(Type.String()), sortOrder: Type.Integer(),
  active: Type.Boolean(), depth: Type.Integer(),
  can: Type.Object({ view: Type.Boolean(), manage: Type.Boolean(), managePeople: Type.Boolean(), managePlans: Type.Boolean(), recordProgress: Type.Boolean() }),
});
const UnitDetail = Type.Intersect([Unit, Type.Object({
  breadcrumb: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  peopleCount: Type.Integer(), childCount: Type.Integer(), allowedChildKinds: Type.Array(Type.String()),
})]);

const personFields = {
  fullName: requiredText('Họ và tên', 150),
  position: Type.Optional(text('Vị trí việc làm', { max: 200 })),
  title: Type.Optional(text('Chức vụ', { max: 200 })),
  email: Type.Optional(text('Thư điện tử', { max: 200 })),
  phone: Type.Optional(text('Số điện thoại', { max: 30 })),
};
const Person = Type.Object({
  id: Type.String(), unitId: Type.String(), unitName: Type.String(), fullName: Type.String(), position: Type.String(),
  title: Type.String(), email: Type.String(), phone: Type.String(), active: Type.Boolean(), can: Type.Object({ manage: Type.Boolean() }),
});

const password = text('Mật khẩu', { min: 1, max: 200 });
const role = oneOf(ROLES, 'Vai trò');
const User = Type.Object({
  id: Type.String(), username: Type.String(), displayName: Type.String(), active: Type.Boolean(), self: Type.Boolean(),
  personId: Type.Union([Type.String(), Type.Null()]), personName: Type.String(), lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  grants: Type.Array(Type.Object({ id: Type.String(), role: Type.String(), roleLabel: Type.String(), unitId: Type.String(), unitName: Type.String(), canRevoke: Type.Boolean() })),
});
const listQuery = {
  q: Type.Optional(text('Từ khóa tìm kiếm', { max: 200 })),
  includeInactive: Type.Optional(Type.Boolean({ title: 'Gồm cả ngừng hoạt động' })),
};

type Id = { id: string };

export async function orgRoutes(app: FastifyInstance) {
  // Units
  app.get('/api/org/units', {
    schema: { tags, summary: 'Cây đơn vị (tìm kiếm không phân biệt dấu)', querystring: Type.Object(listQuery), response: withErrors({ 200: Type.Object({ items: Type.Array(Unit) }) }) },
    config: { authz: 'org.read' },
  }, async (req) => {
    const q = req.query as { q?: string; includeInactive?: boolean };
    return { items: await read(req, (tx, user) => listUnits(tx, user, { search: q.q, includeInactive: q.includeInactive })) };
  });

  app.get('/api/org/units/:id', {
    schema: { tags, summary: 'Trang quản trị của một đơn vị', params: IdParams, response: withErrors({ 200: UnitDetail }) },
    config: { authz: 'unit.view' },
  }, async (req) => read(req, (tx, user) => getUnit(tx, user, (req.params as Id).id)));

  app.post('/api/org/units', {
    schema: { tags, summary: 'Thêm đơn vị', body: Type.Object({ parentId: uuid('Đơn vị cấp trên'), ...unitFields }), response: withErrors({ 201: Unit }) },
    config: { authz: 'unit.manage' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => createUnit(m, req.body as UnitInput & { parentId: string }))));

  app.patch('/api/org/units/:id', {
    schema: { tags, summary: 'Sửa tên, tên viết tắt, loại, thứ tự của đơn vị', params: IdParams, body: Type.Partial(Type.Object(unitFields)), response: withErrors({ 200: Unit }) },
    config: { authz: 'unit.manage' },
  }, async (req) => mutate(req, (m) => updateUnit(m, (req.params as Id).id, req.body as Partial<UnitInput>)));

  app.post('/api/org/units/:id/move', {
    schema: { tags, summary: 'Chuyển đơn vị sang đơn vị cấp trên khác', params: IdParams, body: Type.Object({ parentId: uuid('Đơn vị cấp trên') }), response: withErrors({ 200: Unit }) },
    config: { authz: 'unit.manage' },
  }, async (req) => mutate(req, (m) => moveUnit(m, (req.params as Id).id, (req.body as { parentId: string }).parentId)));

  app.post('/api/org/units/:id/active', {
    schema: { tags, summary: 'Ngừng hoặc kích hoạt lại hoạt động của đơn vị', params: IdParams, body: Type.Object({ active: Type.Boolean({ title: 'Đang hoạt động' }) }), response: withErrors({ 200: Unit }) },
    config: { authz: 'unit.manage' },
  }, async (req) => mutate(req, (m) => setUnitActive(m, (req.params as Id).id, (req.body as { active: boolean }).active)));

  // People
  app.get('/api/org/people', {
    schema: { tags, summary: 'Danh sách cán bộ (sắp xếp theo tên tiếng Việt)', querystring: Type.Object({ ...listQuery, unitId: Type.Optional(uuid('Đơn vị')) }), response: withErrors({ 200: Type.Object({ items: Type.Array(Person) }) }) },
    config: { authz: 'unit.view' },
  }, async (req) => {
    const q = req.query as { q?: string; unitId?: string; includeInactive?: boolean };
    return { items: await read(req, (tx, user) => listPeople(tx, user, { unitId: q.unitId, search: q.q, includeInactive: q.includeInactive })) };
  });

  app.post('/api/org/people', {
    schema: { tags, summary: 'Thêm cán bộ', body: Type.Object({ unitId: uuid('Đơn vị'), ...personFields }), response: withErrors({ 201: Person }) },
    config: { authz: 'person.manage' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => createPerson(m, req.body as PersonInput))));

  app.patch('/api/org/people/:id', {
    schema: { tags, summary: 'Sửa thông tin cán bộ', params: IdParams, body: Type.Partial(Type.Object({ unitId: uuid('Đơn vị'), ...personFields, active: Type.Boolean({ title: 'Đang công tác' }) })), response: withErrors({ 200: Person }) },
    config: { authz: 'person.manage' },
  }, async (req) => mutate(req, (m) => updatePerson(m, (req.params as Id).id, req.body as Partial<PersonInput>)));

  // Users and roles
  app.get('/api/org/users', {
    schema: { tags, summary: 'Tài khoản và quyền', response: withErrors({ 200: Type.Object({ items: Type.Array(User) }) }) },
    config: { authz: 'user.manage' },
  }, async (req) => ({ items: await read(req, (tx, user) => listUsers(tx, user)) }));

  app.post('/api/org/users', {
    schema: {
      tags, summary: 'Tạo tài khoản',
      body: Type.Object({
        username: Type.String({ title: 'Tên đăng nhập', pattern: USERNAME_PATTERN, minLength: 3, maxLength: 50 }),
        displayName: requiredText('Tên hiển thị', 150), password,
        personId: Type.Optional(uuid('Cán bộ')), role: Type.Optional(role), unitId: Type.Optional(uuid('Đơn vị được phân quyền')),
      }),
      response: withErrors({ 201: User }),
    },
    config: { authz: 'user.manage' },
  }, async (req, reply) => reply.code(201).send(await mutate(req, (m) => createUser(m, req.body as NewUser))));

  app.patch('/api/org/users/:id', {
    schema: {
      tags, summary: 'Sửa hoặc khóa tài khoản', params: IdParams,
      body: Type.Object({ displayName: Type.Optional(requiredText('Tên hiển thị', 150)), active: Type.Optional(Type.Boolean({ title: 'Đang hoạt động' })), personId: Type.Optional(Type.Union([uuid('Cán bộ'), Type.Null()])) }),
      response: withErrors({ 200: User }),
    },
    config: { authz: 'user.manage' },
  }, async (req) => mutate(req, (m) => updateUser(m, (req.params as Id).id, req.body as { displayName?: string; active?: boolean })));

  app.post('/api/org/users/:id/password', {
    schema: { tags, summary: 'Đặt lại mật khẩu', params: IdParams, body: Type.Object({ password }), response: withErrors({ 200: Ok }) },
    config: { authz: 'user.manage' },
  }, async (req) => {
    await mutate(req, (m) => resetPassword(m, (req.params as Id).id, (req.body as { password: string }).password));
    return { ok: true as const };
  });

  app.post('/api/org/users/:id/roles', {
    schema: { tags, summary: 'Cấp quyền trên một đơn vị (bao gồm các đơn vị cấp dưới)', params: IdParams, body: Type.Object({ role, unitId: uuid('Đơn vị') }), response: withErrors({ 201: Type.Object({ id: Type.String() }) }) },
    config: { authz: 'user.manage' },
  }, async (req, reply) => reply.code(201).send({ id: await mutate(req, (m) => grantRole(m, (req.params as Id).id, req.body as { role: Role; unitId: string })) }));

  app.delete('/api/org/users/:id/roles/:grantId', {
    schema: { tags, summary: 'Thu hồi quyền', params: Type.Object({ id: uuid('Tài khoản'), grantId: uuid('Quyền') }), response: withErrors({ 200: Ok }) },
    config: { authz: 'user.manage' },
  }, async (req) => {
    const p = req.params as { id: string; grantId: string };
    await mutate(req, (m) => revokeRole(m, p.id, p.grantId));
    return { ok: true as const };
  });
}
