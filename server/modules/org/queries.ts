// Queries of the org module. Tenant scoping comes from row-level security on the transaction.
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { orgUnits, people, users } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';

export type UnitRow = typeof orgUnits.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export const allUnits = (tx: Tx) => tx.select().from(orgUnits).orderBy(asc(orgUnits.path));

export async function unitOr404(tx: Tx, id: string): Promise<UnitRow> {
  const [row] = await tx.select().from(orgUnits).where(eq(orgUnits.id, id));
  if (!row) throw errors.notFound('đơn vị');
  return row;
}

export async function personOr404(tx: Tx, id: string): Promise<PersonRow> {
  const [row] = await tx.select().from(people).where(eq(people.id, id));
  if (!row) throw errors.notFound('cán bộ');
  return row;
}

export async function userOr404(tx: Tx, id: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  if (!row) throw errors.notFound('tài khoản');
  return row;
}
