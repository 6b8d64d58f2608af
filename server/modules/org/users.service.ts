// Accounts of a tenant and the roles granted to them on org units.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { can, ROLE_LABELS, type Role } from '../../../core/auth/policy.ts';
import { cleanText, compareVi } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { people, roleGrants, users } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser, Mutation } from '../../http/request.ts';
import { hashPassword } from '../auth/passwords.ts';
import { validateNewPassword } from '../auth/service.ts';
import { allUnits, unitOr404, userOr404, type UnitRow, type UserRow } from './queries.ts';

export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{2,49}$';

async function present(tx: Tx, rows: UserRow[], user: CurrentUser) {
  const ids = rows.map((r) => r.id);
  const grants = ids.length ? await tx.select().from(roleGrants).where(inArray(roleGrants.userId, ids)) : [];
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const personIds = rows.map((r) => r.personId).filter((p): p is string => !!p);
  const persons = new Map((personIds.length ? await tx.select().from(people).where(inArray(people.id, personIds)) : []).map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.displayName, active: r.active,
    /** One's own account: no roles granted to oneself, no locking oneself out. */
    self: r.id === user.id,
    personId: r.personId, personName: r.personId ? persons.get(r.personId)?.fullName ?? '' : '',
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    grants: grants.filter((g) => g.userId === r.id).map((g) => {
      const unit = units.get(g.unitId);
      return { id: g.id, role: g.role, roleLabel: ROLE_LABELS[g.role], unitId: g.unitId, unitName: unit?.name ?? '', canRevoke: !!unit && can(user, 'user.manage', { unitPath: unit.path }) };
    }),
  }));
}

/**
 * An account is managed by whoever manages every unit it holds a role on (or, holding none, its person's unit, or
 * the whole Sở): an administrator of one hospital must not see, rename, lock, reset or widen the Sở leader's account.
 */
function manages(user: CurrentUser, units: Map<string, UnitRow>, held: string[], personUnitId: string | null | undefined) {
  const places = held.length ? held : [personUnitId ?? [...units.values()].find((u) => !u.parentId)!.id];
  return places.every((id) => { const unit = units.get(id); return !!unit && can(user, 'user.manage', { unitPath: unit.path }); });
}

const unitMap = async (tx: Tx) => new Map((await allUnits(tx)).map((u) => [u.id, u]));

async function mayManageAccount(m: Mutation, account: UserRow) {
  const held = (await m.tx.select().from(roleGrants).where(eq(roleGrants.userId, account.id))).map((g) => g.unitId);
  const [person] = account.personId ? await m.tx.select().from(people).where(eq(people.id, account.personId)) : [];
  if (!manages(m.user, await unitMap(m.tx), held, person?.unitId)) throw errors.forbidden('Bạn chỉ quản lý được tài khoản thuộc các đơn vị mình phụ trách.');
}

/** The accounts the caller manages (the tenant's administrator: all of them). */
export async function listUsers(tx: Tx, user: CurrentUser) {
  const rows = await tx.select().from(users);
  const units = await unitMap(tx);
  const grants = await tx.select({ userId: roleGrants.userId, unitId: roleGrants.unitId }).from(roleGrants);
  const personUnits = new Map((await tx.select({ id: people.id, unitId: people.unitId }).from(people)).map((p) => [p.id, p.unitId]));
  const mine = rows.filter((r) => manages(user, units, grants.filter((g) => g.userId === r.id).map((g) => g.unitId), r.personId ? personUnits.get(r.personId) : null));
  mine.sort((a, b) => compareVi(a.displayName, b.displayName));
  return present(tx, mine, user);
}

const auditView = (u: UserRow) => ({ username: u.username, displayName: u.displayName, active: u.active, personId: u.personId });

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  personId?: string;
  role?: Role;
  unitId?: string;
}

async function checkPerson(tx: Tx, personId: string | undefined | null) {
  if (!personId) return null;
  const [p] = await tx.select().from(people).where(eq(people.id, personId));
  if (!p) throw errors.field('personId', 'Cán bộ không tồn tại.');
  return p.id;
}

export async function createUser(m: Mutation, input: NewUser) {
  const username = cleanText(input.username).toLowerCase();
  validateNewPassword(input.password, 'password');
  // User names are unique across tenants (log-in does not ask for the tenant); the unique
  // constraint sees rows that row-level security hides, so a clash elsewhere is caught too.
  const [row] = await m.tx.insert(users).values({
    tenantId: m.tenantId, username, displayName: cleanText(input.displayName), passwordHash: await hashPassword(input.password),
    personId: await checkPerson(m.tx, input.personId),
  }).onConflictDoNothing({ target: users.username }).returning();
  if (!row) throw errors.conflict(`Tên đăng nhập “${username}” đã được sử dụng.`, { username: `Tên đăng nhập “${username}” đã được sử dụng.` });
  await m.audit({ action: 'org.user.create', entityType: 'user', entityId: row.id, summary: row.username, after: auditView(row) });
  if (input.role && input.unitId) await grantRole(m, row.id, { role: input.role, unitId: input.unitId }, { made: true });
  return (await present(m.tx, [row], m.user))[0];
}

export async function updateUser(m: Mutation, id: string, input: { displayName?: string; active?: boolean; personId?: string | null }) {
  const before = await userOr404(m.tx, id);
  await mayManageAccount(m, before);
  if (id === m.user.id && input.active === false) throw errors.field('active', 'Không thể tự khóa tài khoản của chính mình.');
  const [row] = await m.tx.update(users).set({
    displayName: input.displayName !== undefined ? cleanText(input.displayName) : before.displayName,
    active: input.active ?? before.active,
    personId: input.personId !== undefined ? await checkPerson(m.tx, input.personId) : before.personId,
  }).where(eq(users.id, id)).returning();
  await m.audit({ action: 'org.user.update', entityType: 'user', entityId: id, summary: row.username, before: auditView(before), after: auditView(row) });
  return (await present(m.tx, [row], m.user))[0];
}

export async function resetPassword(m: Mutation, id: string, password: string) {
  const user = await userOr404(m.tx, id);
  await mayManageAccount(m, user);
  validateNewPassword(password, 'password');
  // The user's sessions end at once: whoever knew the old password is logged out everywhere.
  await m.tx.update(users).set({ passwordHash: await hashPassword(password), passwordChangedAt: sql`now()` }).where(eq(users.id, id));
  await m.audit({ action: 'org.user.password_reset', entityType: 'user', entityId: id, summary: user.username });
}

/** A role on a unit the caller manages, to an account the caller manages (or has just made) — never to oneself. */
export async function grantRole(m: Mutation, userId: string, input: { role: Role; unitId: string }, { made = false } = {}) {
  const user = await userOr404(m.tx, userId);
  const unit = await unitOr404(m.tx, input.unitId).catch(() => { throw errors.field('unitId', 'Đơn vị không tồn tại.'); });
  if (!can(m.user, 'user.manage', { unitPath: unit.path })) throw errors.forbidden('Bạn không có quyền phân quyền trên đơn vị này.');
  if (userId === m.user.id) throw errors.forbidden('Không tự cấp quyền cho chính mình: hãy nhờ quản trị cấp trên.');
  if (!made) await mayManageAccount(m, user);
  const [row] = await m.tx.insert(roleGrants).values({ tenantId: m.tenantId, userId, role: input.role, unitId: unit.id }).onConflictDoNothing().returning();
  if (!row) throw errors.conflict(`Tài khoản đã có quyền “${ROLE_LABELS[input.role]}” tại ${unit.name}.`);
  await m.audit({ action: 'org.role.grant', entityType: 'role_grant', entityId: row.id, summary: `${user.username}: ${ROLE_LABELS[input.role]} — ${unit.name}`, after: { userId, role: input.role, unitId: unit.id } });
  return row.id;
}

export async function revokeRole(m: Mutation, userId: string, grantId: string) {
  const [grant] = await m.tx.select().from(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)));
  if (!grant) throw errors.notFound('quyền đã cấp');
  const unit = await unitOr404(m.tx, grant.unitId);
  if (!can(m.user, 'user.manage', { unitPath: unit.path })) throw errors.forbidden('Bạn không có quyền thu hồi quyền trên đơn vị này.');
  await m.tx.delete(roleGrants).where(eq(roleGrants.id, grantId));
  await m.audit({ action: 'org.role.revoke', entityType: 'role_grant', entityId: grantId, summary: `${ROLE_LABELS[grant.role]} — ${unit.name}`, before: { userId, role: grant.role, unitId: grant.unitId } });
}
