import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem, withTenant } from '../../db/context.ts';
import { signIn, testApp, unitId, type TestContext } from '../../test/harness.ts';
import { verifyAllChains } from './service.ts';

let t: TestContext;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

const tamper = (statement: string) => withSystem(t.database.db, async (tx) => {
  // Someone with database access: bypass the append-only trigger, then change the row.
  await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
  await tx.execute(sql.raw(statement));
  await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
});

describe('audit log', () => {
  it('records who changed what, with before and after, in the tenant’s own chain', async () => {
    const admin = await signIn(t.app, 'hp.quantri');
    const unit = await unitId(admin, 'Bệnh viện Kiến An');
    await admin.patch(`/api/org/units/${unit}`, { shortName: 'BVKA' });
    const { body } = await admin.get('/api/audit/events?action=org.unit');
    expect(body.items[0]).toMatchObject({
      action: 'org.unit.update', actionLabel: 'Sửa đơn vị', entityType: 'org_unit', entityLabel: 'Đơn vị', entityId: unit,
      actorName: 'Quản trị Sở Y tế Hải Phòng (hp.quantri)', before: { shortName: 'BV Kiến An' }, after: { shortName: 'BVKA' },
    });
    expect(body.items[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    const other = await signIn(t.app, 'dt.quantri');
    expect((await other.get(`/api/audit/events?entityId=${unit}`)).body.items).toEqual([]);
  });

  it('cannot be changed through SQL: the app role lacks the right, the owner meets the trigger', async () => {
    const cause = (e: unknown) => String((e as { cause?: Error }).cause?.message ?? (e as Error).message);
    const tenantId = (await signIn(t.app, 'hp.quantri').then((c) => c.get('/api/auth/me'))).body.tenant.id;
    const asApp = await withTenant(t.database.db, tenantId, (tx) => tx.execute(sql`UPDATE audit_events SET summary = 'x'`)).catch(cause);
    expect(asApp).toMatch(/permission denied/);
    const asOwner = await withSystem(t.database.db, (tx) => tx.execute(sql`DELETE FROM audit_events`)).catch(cause);
    expect(asOwner).toMatch(/append-only/);
  });

  it('verifies, and names the first event changed or deleted', async () => {
    const admin = await signIn(t.app, 'hp.quantri');
    const ok = await admin.get('/api/audit/verify');
    expect(ok.body).toMatchObject({ ok: true, brokenSeq: null });
    expect((await verifyAllChains(t.database.db)).every((r) => !r.broken)).toBe(true);

    const me = (await admin.get('/api/auth/me')).body;
    await tamper(`UPDATE audit_events SET summary = 'đã sửa' WHERE tenant_id = '${me.tenant.id}' AND seq = 2`);
    const bad = await admin.get('/api/audit/verify');
    expect(bad.body).toMatchObject({ ok: false, brokenSeq: 2 });
    expect(bad.body.message).toMatch(/sự kiện số 2 — nội dung đã bị thay đổi/);
    const results = await verifyAllChains(t.database.db);
    expect(results.find((r) => r.chain === me.tenant.id)?.broken?.seq).toBe(2);
  });

  it('detects a deleted newest event through the chain head', async () => {
    const admin = await signIn(t.app, 'hn.quantri');
    const me = (await admin.get('/api/auth/me')).body;
    await tamper(`DELETE FROM audit_events WHERE tenant_id = '${me.tenant.id}' AND seq = (SELECT max(seq) FROM audit_events WHERE tenant_id = '${me.tenant.id}')`);
    const res = await admin.get('/api/audit/verify');
    expect(res.body.ok).toBe(false);
    expect(res.body.message).toMatch(/sự kiện cuối bị xóa/);
  });
});
