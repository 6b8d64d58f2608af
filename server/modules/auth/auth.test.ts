import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem } from '../../db/context.ts';
import { signIn, testApp, type TestContext } from '../../test/harness.ts';
import { TEST_ADMIN_PASSWORD } from '../../test/engines.ts';

let t: TestContext;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('auth', () => {
  it('answers health with the engine', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', db: process.env.TEST_ENGINE ?? 'pglite' });
  });

  it('logs in with an httpOnly SameSite cookie and security headers', async () => {
    const res = await login('admin', TEST_ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kehoach_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a wrong password with a Vietnamese message, then locks the name', async () => {
    for (let i = 1; i <= 4; i++) {
      const res = await login('hn.tccb', 'sai-mat-khau');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'unauthenticated', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    }
    const fifth = await login('hn.tccb', 'sai-mat-khau');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toMatch(/tạm thời bị khóa.*15 phút/);
    // Even the right password is refused while locked.
    expect((await login('hn.tccb', 'Kehoach@2026')).statusCode).toBe(423);
  });

  it('treats unknown user names like wrong passwords', async () => {
    const res = await login('khong.ton.tai', 'x');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('validates the body and names the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'validation_error', details: { password: 'Vui lòng nhập Mật khẩu.' } });
  });

  it('rejects malformed JSON without a stack trace', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid_json', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' });
  });

  it('rejects bodies over the size limit', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'a'.repeat(2_000_000), password: 'x' }) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('payload_too_large');
  });

  it('refuses a change without the CSRF token or from another origin', async () => {
    const c = await signIn(t.app, 'dt.quantri');
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie, 'content-type': 'application/json' }, payload: '{}' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error).toBe('csrf');
    const crossSite = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, origin: 'https://evil.example', 'content-type': 'application/json' }, payload: '{}' });
    expect(crossSite.statusCode).toBe(403);
  });

  it('logs out: the session no longer works', async () => {
    const c = await signIn(t.app, 'dt.lanhdao');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const after = await c.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.message).toMatch(/hết hạn|đăng nhập/);
  });

  it('ends a session after inactivity', async () => {
    const c = await signIn(t.app, 'dt.thanhtra');
    await withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes'`));
    const res = await c.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
  });

  it('changes one’s own password and checks the current one', async () => {
    const c = await signIn(t.app, 'hp.tchc');
    const wrong = await c.post('/api/auth/password', { currentPassword: 'sai', newPassword: 'MatKhauMoi2026' });
    expect(wrong.body.details).toEqual({ currentPassword: 'Mật khẩu hiện tại không đúng.' });
    const weak = await c.post('/api/auth/password', { currentPassword: 'Kehoach@2026', newPassword: 'ngan' });
    expect(weak.body.details.newPassword).toMatch(/ít nhất 8/);
    expect((await c.post('/api/auth/password', { currentPassword: 'Kehoach@2026', newPassword: 'MatKhauMoi2026' })).status).toBe(200);
    expect((await login('hp.tchc', 'MatKhauMoi2026')).statusCode).toBe(200);
  });

  it('ends every other session of the user at a new password, and all of them when an administrator resets it', async () => {
    const phone = await signIn(t.app, 'hp.viettiep');
    const desk = await signIn(t.app, 'hp.viettiep');
    expect((await desk.post('/api/auth/password', { currentPassword: 'Kehoach@2026', newPassword: 'VietTiep2026' })).status).toBe(200);
    expect((await desk.get('/api/auth/me')).status).toBe(200); // the one that changed it goes on
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    const again = await signIn(t.app, 'hp.viettiep', 'VietTiep2026');
    const admin = await signIn(t.app, 'hp.quantri');
    const id = (await admin.get('/api/org/users')).body.items.find((u: { username: string }) => u.username === 'hp.viettiep').id;
    expect((await admin.post(`/api/org/users/${id}/password`, { password: 'DatLai2026x' })).status).toBe(200);
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect((await desk.get('/api/auth/me')).status).toBe(401);
    expect((await signIn(t.app, 'hp.viettiep', 'DatLai2026x').then((c) => c.get('/api/auth/me'))).status).toBe(200);
  });

  it('lets the system administrator switch tenant, and nobody else', async () => {
    const admin = await signIn(t.app, 'admin', TEST_ADMIN_PASSWORD);
    const me = (await admin.get('/api/auth/me')).body;
    expect(me.tenants.map((x: { name: string }) => x.name)).toEqual(['Sở Y tế Đồng Tháp', 'Sở Y tế Hà Nội', 'Sở Y tế Hải Phòng']);
    const hp = me.tenants.find((x: { code: string }) => x.code === 'haiphong');
    expect((await admin.post('/api/auth/tenant', { tenantId: hp.id })).status).toBe(200);
    expect((await admin.get('/api/auth/me')).body.tenant.name).toBe('Sở Y tế Hải Phòng');
    const units = (await admin.get('/api/org/units')).body.items.map((u: { name: string }) => u.name);
    expect(units).toContain('Phòng Tổ chức - Hành chính');
    const leader = await signIn(t.app, 'hn.lanhdao');
    expect((await leader.post('/api/auth/tenant', { tenantId: hp.id })).status).toBe(403);
  });
});

describe('session clean-up', () => {
  it('removes expired sessions when someone logs in', async () => {
    await signIn(t.app, 'hp.lanhdao');
    await withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE sessions SET expires_at = now() - interval '1 minute'`));
    await signIn(t.app, 'hp.lanhdao');
    const rows = await withSystem(t.database.db, (tx) => tx.execute(sql`SELECT count(*)::int AS n FROM sessions`));
    expect((rows as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
  });
});
