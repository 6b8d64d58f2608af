// Fills a new database with the demo tenants, their org trees, people and log-ins.
import { eq } from 'drizzle-orm';
import { ROLE_LABELS } from '../../core/auth/policy.ts';
import { childPath, normaliseAliases } from '../../core/org/units.ts';
import { searchKey } from '../../core/text/vietnamese.ts';
import type { Tx } from '../db/client.ts';
import { orgUnits, people, roleGrants, users } from '../db/schema/index.ts';
import { appendAudit } from '../modules/audit/service.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { insertTenant } from '../modules/org/tenants.service.ts';
import { seedDemoAllowance } from './allowance.ts';
import { seedDemoEmulation } from './emulation.ts';
import { seedDemoInspections } from './inspections.ts';
import { seedDemoPlans } from './plans.ts';
import { seedDemoReports } from './reports.ts';
import { seedDemoTargets } from './targets.ts';
import { DEMO_TENANTS } from './tenants.ts';

/** Shared by every demo account; printed at start so a visitor can log in. */
export const DEMO_PASSWORD = 'Kehoach@2026';

export interface DemoLogin {
  username: string;
  tenant: string;
  role: string;
  unit: string;
}

export async function seedDemo(tx: Tx, now = new Date(), filesDir?: string): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const t of DEMO_TENANTS) {
    const { tenant, rootId } = await insertTenant(tx, t);
    const ids = new Map<string, { id: string; path: string; name: string }>([['root', { id: rootId, path: `/${rootId}/`, name: t.name }]]);
    let order = 0;
    for (const u of t.units) {
      const parent = ids.get(u.parent ?? 'root')!;
      const id = crypto.randomUUID();
      const shortName = u.shortName ?? '';
      const aliases = normaliseAliases(u.aliases ?? []);
      const path = childPath(parent.path, id);
      await tx.insert(orgUnits).values({
        id, tenantId: tenant.id, parentId: parent.id, path, kind: u.kind, name: u.name, shortName, aliases,
        nameKey: searchKey(u.name), searchText: searchKey([u.name, shortName, ...aliases].join(' ')),
        // Leadership first, then divisions, then units, as the Sở lists them.
        sortOrder: u.kind === 'leadership' ? 0 : u.kind === 'division' ? 10 : 20 + order++,
      });
      ids.set(u.key, { id, path, name: u.name });
      for (const [fullName, title, position] of u.people ?? []) {
        await tx.insert(people).values({ tenantId: tenant.id, unitId: id, fullName, title, position, searchText: searchKey([fullName, position, title].join(' ')) });
      }
    }
    for (const [username, displayName, role, unitKey] of t.users) {
      const unit = ids.get(unitKey)!;
      const [user] = await tx.insert(users).values({ tenantId: tenant.id, username, displayName, passwordHash }).returning();
      await tx.insert(roleGrants).values({ tenantId: tenant.id, userId: user.id, role, unitId: unit.id });
      logins.push({ username, tenant: t.name, role: ROLE_LABELS[role], unit: unit.name });
    }
    for (const [username, role, unitKey] of t.grants ?? []) {
      const unit = ids.get(unitKey)!;
      const [user] = await tx.select().from(users).where(eq(users.username, username));
      await tx.insert(roleGrants).values({ tenantId: tenant.id, userId: user.id, role, unitId: unit.id });
      logins.push({ username, tenant: t.name, role: ROLE_LABELS[role], unit: unit.name });
    }
    const planned = await seedDemoPlans(tx, tenant.id, t.code, 'Dữ liệu mẫu', now);
    // The allowance before the reports: the demo's semi-annual reports carry the figures of its paid lists.
    const allowance = await seedDemoAllowance(tx, tenant.id, t.code, now);
    const reports = await seedDemoReports(tx, tenant.id, t.code, now);
    const values = await seedDemoTargets(tx, tenant.id, t.code, now);
    const inspected = await seedDemoInspections(tx, tenant.id, t.code, now);
    const nominated = await seedDemoEmulation(tx, tenant.id, t.code, now, filesDir);
    await appendAudit(tx, { tenantId: tenant.id, actorId: null, actorName: 'Hệ thống', requestId: 'demo-seed', ip: '' }, {
      action: 'demo.seed', entityType: 'tenant', entityId: tenant.id,
      summary: `Tạo dữ liệu mẫu: ${t.units.length + 1} đơn vị, ${t.users.length} tài khoản, 1 kế hoạch với ${planned.tasks} nhiệm vụ (${planned.occurrences} kỳ thực hiện)${reports ? `, ${reports} báo cáo định kỳ của đơn vị` : ''}${values ? `, ${values} số liệu chỉ tiêu` : ''}${allowance ? `, ${allowance} dòng danh sách hỗ trợ` : ''}${inspected ? `, ${inspected} cuộc kiểm tra` : ''}${nominated ? `, ${nominated} hồ sơ đề nghị khen thưởng` : ''}`,
    });
  }
  return logins;
}
