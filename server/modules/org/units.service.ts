// Org units: list and search, detail, add, rename, move, deactivate.
import { and, count, eq, like, sql } from 'drizzle-orm';
import { allowed, can } from '../../../core/auth/policy.ts';
import { CHILD_KINDS, childPath, isWithin, normaliseAliases, UNIT_KIND_LABELS, type UnitKindName } from '../../../core/org/units.ts';
import { cleanText, matchesSearch, searchKey } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { orgUnits, people } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { allUnits, unitOr404, type UnitRow } from './queries.ts';

const UNIT_ACTIONS = ['unit.view', 'unit.manage', 'person.manage', 'plan.manage', 'progress.record'] as const;

export function presentUnit(row: UnitRow, user: CurrentUser) {
  const flags = allowed(user, UNIT_ACTIONS, { unitPath: row.path });
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    kindLabel: UNIT_KIND_LABELS[row.kind],
    name: row.name,
    shortName: row.shortName,
    aliases: row.aliases,
    sortOrder: row.sortOrder,
    active: row.active,
    depth: row.path.split('/').length - 3,
    can: { view: flags['unit.view'], manage: flags['unit.manage'], managePeople: flags['person.manage'], managePlans: flags['plan.manage'], recordProgress: flags['progress.record'] },
  };
}

/** Only what the audit log should show of a unit. */
const auditView = (u: UnitRow) => ({ name: u.name, shortName: u.shortName, aliases: u.aliases, kind: u.kind, parentId: u.parentId, sortOrder: u.sortOrder, active: u.active });

export async function listUnits(tx: Tx, user: CurrentUser, q: { search?: string; includeInactive?: boolean }) {
  let rows = await allUnits(tx);
  if (!q.includeInactive) rows = rows.filter((r) => r.active);
  if (q.search) rows = rows.filter((r) => matchesSearch(r.searchText, q.search!));
  return rows.map((r) => presentUnit(r, user));
}

export async function getUnit(tx: Tx, user: CurrentUser, id: string) {
  const unit = await unitOr404(tx, id);
  if (!can(user, 'unit.view', { unitPath: unit.path })) throw errors.forbidden('Bạn không có quyền xem trang quản trị của đơn vị này.');
  const ancestorIds = unit.path.split('/').filter(Boolean).slice(0, -1);
  const ancestors = (await allUnits(tx)).filter((u) => ancestorIds.includes(u.id));
  const [{ n: peopleCount }] = await tx.select({ n: count() }).from(people).where(and(eq(people.unitId, id), eq(people.active, true)));
  const [{ n: childCount }] = await tx.select({ n: count() }).from(orgUnits).where(and(eq(orgUnits.parentId, id), eq(orgUnits.active, true)));
  return {
    ...presentUnit(unit, user),
    breadcrumb: ancestorIds.map((aid) => ({ id: aid, name: ancestors.find((a) => a.id === aid)?.name ?? '' })),
    peopleCount,
    childCount,
    allowedChildKinds: CHILD_KINDS[unit.kind],
  };
}

export interface UnitInput {
  name: string;
  shortName?: string;
  aliases?: string[];
  kind: UnitKindName;
  sortOrder?: number;
}

/** Clean the fields and check that neither the name nor any alias is taken by another unit of the tenant. */
async function checkNames(tx: Tx, input: { name: string; shortName: string; aliases: string[] }, exceptId?: string) {
  if (!searchKey(input.name)) throw errors.field('name', 'Vui lòng nhập Tên đơn vị.');
  const others = (await allUnits(tx)).filter((u) => u.id !== exceptId);
  const nameKey = searchKey(input.name);
  const clash = others.find((u) => u.nameKey === nameKey);
  if (clash) throw errors.conflict(`Đã có đơn vị tên “${clash.name}”.`, { name: `Đã có đơn vị tên “${clash.name}”.` });
  for (const alias of [input.shortName, ...input.aliases].filter(Boolean)) {
    const key = searchKey(alias);
    const holder = others.find((u) => [u.shortName, ...u.aliases].some((a) => a && searchKey(a) === key));
    if (holder) throw errors.conflict(`Tên viết tắt “${alias}” đã dùng cho đơn vị “${holder.name}”.`, { aliases: `“${alias}” đã dùng cho “${holder.name}”.` });
  }
  return nameKey;
}

function cleaned(input: Partial<UnitInput>, current?: UnitRow) {
  const name = cleanText(input.name ?? current?.name ?? '');
  const shortName = cleanText(input.shortName ?? current?.shortName ?? '');
  const aliases = normaliseAliases(input.aliases ?? current?.aliases ?? []).filter((a) => searchKey(a) !== searchKey(shortName));
  return { name, shortName, aliases, searchText: searchKey([name, shortName, ...aliases].join(' ')) };
}

export async function createUnit(m: Mutation, input: UnitInput & { parentId: string }) {
  const parent = await unitOr404(m.tx, input.parentId).catch(() => { throw errors.field('parentId', 'Đơn vị cấp trên không tồn tại.'); });
  if (!can(m.user, 'unit.manage', { unitPath: parent.path })) throw errors.forbidden('Bạn không có quyền thêm đơn vị vào đơn vị này.');
  if (!parent.active) throw errors.field('parentId', 'Đơn vị cấp trên đã ngừng hoạt động.');
  if (!CHILD_KINDS[parent.kind].includes(input.kind)) {
    throw errors.field('kind', `Không thể đặt “${UNIT_KIND_LABELS[input.kind]}” dưới “${UNIT_KIND_LABELS[parent.kind]}”.`);
  }
  const fields = cleaned(input);
  const nameKey = await checkNames(m.tx, fields);
  const id = crypto.randomUUID();
  const [row] = await m.tx.insert(orgUnits).values({
    id, tenantId: m.tenantId, parentId: parent.id, path: childPath(parent.path, id), kind: input.kind, nameKey, sortOrder: input.sortOrder ?? 0, ...fields,
  }).returning();
  await m.audit({ action: 'org.unit.create', entityType: 'org_unit', entityId: id, summary: row.name, after: auditView(row) });
  return presentUnit(row, m.user);
}

export async function updateUnit(m: Mutation, id: string, input: Partial<UnitInput>) {
  const before = await unitOr404(m.tx, id);
  if (!can(m.user, 'unit.manage', { unitPath: before.path })) throw errors.forbidden('Bạn không có quyền sửa đơn vị này.');
  if (input.kind && input.kind !== before.kind) {
    const parent = before.parentId ? await unitOr404(m.tx, before.parentId) : null;
    if (!parent || !CHILD_KINDS[parent.kind].includes(input.kind)) throw errors.field('kind', 'Loại đơn vị không phù hợp với đơn vị cấp trên.');
  }
  const fields = cleaned(input, before);
  const nameKey = await checkNames(m.tx, fields, id);
  const [row] = await m.tx.update(orgUnits).set({ ...fields, nameKey, kind: input.kind ?? before.kind, sortOrder: input.sortOrder ?? before.sortOrder, updatedAt: new Date() })
    .where(eq(orgUnits.id, id)).returning();
  await m.audit({ action: 'org.unit.update', entityType: 'org_unit', entityId: id, summary: row.name, before: auditView(before), after: auditView(row) });
  return presentUnit(row, m.user);
}

export async function moveUnit(m: Mutation, id: string, parentId: string) {
  const unit = await unitOr404(m.tx, id);
  if (!unit.parentId) throw errors.field('parentId', 'Không thể chuyển đơn vị gốc (Sở Y tế).');
  const parent = await unitOr404(m.tx, parentId).catch(() => { throw errors.field('parentId', 'Đơn vị cấp trên không tồn tại.'); });
  if (!can(m.user, 'unit.manage', { unitPath: unit.path }) || !can(m.user, 'unit.manage', { unitPath: parent.path })) throw errors.forbidden();
  if (isWithin(parent.path, unit.path)) throw errors.field('parentId', 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.');
  if (!CHILD_KINDS[parent.kind].includes(unit.kind)) {
    throw errors.field('parentId', `Không thể đặt “${UNIT_KIND_LABELS[unit.kind]}” dưới “${UNIT_KIND_LABELS[parent.kind]}”.`);
  }
  const newPath = childPath(parent.path, unit.id);
  // Re-root the whole subtree in one statement.
  await m.tx.update(orgUnits)
    .set({ path: sql`${newPath} || substr(${orgUnits.path}, ${unit.path.length + 1})`, updatedAt: new Date() })
    .where(like(orgUnits.path, `${unit.path}%`));
  const [row] = await m.tx.update(orgUnits).set({ parentId: parent.id }).where(eq(orgUnits.id, id)).returning();
  await m.audit({ action: 'org.unit.move', entityType: 'org_unit', entityId: id, summary: `${row.name} → ${parent.name}`, before: { parentId: unit.parentId }, after: { parentId: parent.id } });
  return presentUnit(row, m.user);
}

export async function setUnitActive(m: Mutation, id: string, active: boolean) {
  const unit = await unitOr404(m.tx, id);
  if (!can(m.user, 'unit.manage', { unitPath: unit.path })) throw errors.forbidden();
  if (!unit.parentId && !active) throw errors.conflict('Không thể ngừng hoạt động đơn vị gốc (Sở Y tế).');
  if (!active) {
    const [{ n }] = await m.tx.select({ n: count() }).from(orgUnits).where(and(eq(orgUnits.parentId, id), eq(orgUnits.active, true)));
    if (n > 0) throw errors.conflict(`Đơn vị còn ${n} đơn vị cấp dưới đang hoạt động. Hãy chuyển hoặc ngừng hoạt động các đơn vị đó trước.`);
  } else if (unit.parentId) {
    const parent = await unitOr404(m.tx, unit.parentId);
    if (!parent.active) throw errors.conflict(`Đơn vị cấp trên “${parent.name}” đang ngừng hoạt động.`);
  }
  const [row] = await m.tx.update(orgUnits).set({ active, updatedAt: new Date() }).where(eq(orgUnits.id, id)).returning();
  await m.audit({ action: active ? 'org.unit.activate' : 'org.unit.deactivate', entityType: 'org_unit', entityId: id, summary: row.name, before: { active: unit.active }, after: { active } });
  return presentUnit(row, m.user);
}
