// People (cán bộ) of the org units: list and search, add, edit, deactivate.
import { eq } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { cleanText, comparePersonName, matchesSearch, searchKey } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { people } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits, personOr404, unitOr404, type PersonRow, type UnitRow } from './queries.ts';

export interface PersonInput {
  unitId: string;
  fullName: string;
  position?: string;
  title?: string;
  email?: string;
  phone?: string;
}

function present(row: PersonRow, unit: UnitRow | undefined, user: CurrentUser) {
  return {
    id: row.id, unitId: row.unitId, unitName: unit?.name ?? '', fullName: row.fullName, position: row.position, title: row.title,
    email: row.email, phone: row.phone, active: row.active,
    can: { manage: !!unit && can(user, 'person.manage', { unitPath: unit.path }) },
  };
}

const auditView = (p: PersonRow) => ({ fullName: p.fullName, unitId: p.unitId, position: p.position, title: p.title, email: p.email, phone: p.phone, active: p.active });

/** People the user may see: of one unit (and its subtree), or of every unit the user can view. */
export async function listPeople(tx: Tx, user: CurrentUser, q: { unitId?: string; search?: string; includeInactive?: boolean }) {
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  let scope: UnitRow | undefined;
  if (q.unitId) {
    scope = units.get(q.unitId);
    if (!scope) throw errors.notFound('đơn vị');
    if (!can(user, 'unit.view', { unitPath: scope.path })) throw errors.forbidden('Bạn không có quyền xem cán bộ của đơn vị này.');
  }
  const rows = (await tx.select().from(people)).filter((p) => {
    const unit = units.get(p.unitId);
    if (!unit || (!q.includeInactive && !p.active)) return false;
    if (scope && !unit.path.startsWith(scope.path)) return false;
    if (q.search && !matchesSearch(p.searchText, q.search)) return false;
    return can(user, 'unit.view', { unitPath: unit.path });
  });
  rows.sort((a, b) => comparePersonName(a.fullName, b.fullName));
  return rows.map((p) => present(p, units.get(p.unitId), user));
}

function cleaned(input: Partial<PersonInput>, current?: PersonRow) {
  const v = (k: 'fullName' | 'position' | 'title' | 'email' | 'phone') => cleanText(input[k] ?? current?.[k] ?? '');
  const fields = { fullName: v('fullName'), position: v('position'), title: v('title'), email: v('email').toLowerCase(), phone: v('phone') };
  if (!searchKey(fields.fullName)) throw errors.field('fullName', 'Vui lòng nhập Họ và tên.');
  if (fields.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email)) throw errors.field('email', 'Thư điện tử không đúng định dạng.');
  if (fields.phone && !/^[+\d][\d .-]{6,19}$/.test(fields.phone)) throw errors.field('phone', 'Số điện thoại không đúng định dạng.');
  return { ...fields, searchText: searchKey([fields.fullName, fields.position, fields.title, fields.email].join(' ')) };
}

async function managedUnit(m: Mutation, unitId: string) {
  const unit = await unitOr404(m.tx, unitId).catch(() => { throw errors.field('unitId', 'Đơn vị không tồn tại.'); });
  if (!can(m.user, 'person.manage', { unitPath: unit.path })) throw errors.forbidden('Bạn không có quyền quản lý cán bộ của đơn vị này.');
  if (!unit.active) throw errors.field('unitId', 'Đơn vị đã ngừng hoạt động.');
  return unit;
}

export async function createPerson(m: Mutation, input: PersonInput) {
  const unit = await managedUnit(m, input.unitId);
  const [row] = await m.tx.insert(people).values({ tenantId: m.tenantId, unitId: unit.id, ...cleaned(input) }).returning();
  await m.audit({ action: 'org.person.create', entityType: 'person', entityId: row.id, summary: row.fullName, after: auditView(row) });
  return present(row, unit, m.user);
}

export async function updatePerson(m: Mutation, id: string, input: Partial<PersonInput> & { active?: boolean }) {
  const before = await personOr404(m.tx, id);
  await managedUnit(m, before.unitId);
  const unit = await managedUnit(m, input.unitId ?? before.unitId);
  const [row] = await m.tx.update(people)
    .set({ ...cleaned(input, before), unitId: unit.id, active: input.active ?? before.active, updatedAt: new Date() })
    .where(eq(people.id, id)).returning();
  await m.audit({ action: 'org.person.update', entityType: 'person', entityId: id, summary: row.fullName, before: auditView(before), after: auditView(row) });
  return present(row, unit, m.user);
}
