// Tenants (one Sở Y tế each). Spans tenants, so it runs as the owner: only the system administrator reaches it.
import { eq } from 'drizzle-orm';
import { cleanText, compareVi, searchKey } from '../../../core/text/vietnamese.ts';
import type { Db, Tx } from '../../db/client.ts';
import { withSystem } from '../../db/context.ts';
import { orgUnits, tenants } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import { appendAudit, type AuditActor } from '../audit/service.ts';

export async function listTenants(db: Db) {
  const rows = await withSystem(db, (tx) => tx.select().from(tenants));
  return rows.sort((a, b) => compareVi(a.name, b.name)).map((t) => ({ id: t.id, code: t.code, name: t.name }));
}

/** A tenant and its root unit (the Sở itself), in the caller's transaction. */
export async function insertTenant(tx: Tx, input: { code: string; name: string; shortName?: string; aliases?: string[] }) {
  const code = input.code.trim().toLowerCase();
  const name = cleanText(input.name);
  const [existing] = await tx.select().from(tenants).where(eq(tenants.code, code));
  if (existing) throw errors.conflict(`Mã “${code}” đã được dùng cho ${existing.name}.`, { code: `Mã “${code}” đã được dùng.` });
  const [tenant] = await tx.insert(tenants).values({ code, name }).returning();
  const rootId = crypto.randomUUID();
  const shortName = cleanText(input.shortName ?? '');
  const aliases = input.aliases ?? [];
  await tx.insert(orgUnits).values({
    id: rootId, tenantId: tenant.id, parentId: null, path: `/${rootId}/`, kind: 'department', name, shortName, aliases,
    nameKey: searchKey(name), searchText: searchKey([name, shortName, ...aliases].join(' ')),
  });
  return { tenant, rootId };
}

export async function createTenant(db: Db, input: { code: string; name: string }, who: AuditActor) {
  return withSystem(db, async (tx) => {
    const { tenant } = await insertTenant(tx, input);
    await appendAudit(tx, { ...who, tenantId: null }, { action: 'tenant.create', entityType: 'tenant', entityId: tenant.id, summary: tenant.name, after: { code: tenant.code, name: tenant.name } });
    return { id: tenant.id, code: tenant.code, name: tenant.name };
  });
}
