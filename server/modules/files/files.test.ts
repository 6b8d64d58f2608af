// Evidence files: stored once per content, checked by their first bytes, downloaded under their Vietnamese name.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from './service.ts';
import { signIn, testApp, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let focal: Client;
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

beforeAll(async () => {
  t = await testApp();
  focal = await signIn(t.app, 'hp.viettiep');
});
afterAll(async () => { await t.close(); });

describe('evidence files', () => {
  it('stores the same content once, under its sha256, and downloads it with its name', async () => {
    const first = await focal.upload('/api/files', [{ name: 'Báo cáo quý III.pdf', content: pdf('bao cao') }]);
    expect(first.status).toBe(201);
    const [file] = first.body.items;
    expect(file).toMatchObject({ name: 'Báo cáo quý III.pdf', mime: 'application/pdf', size: pdf('bao cao').length });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await focal.upload('/api/files', [{ name: 'ban sao.pdf', content: pdf('bao cao') }]);
    expect(again.body.items[0].id).toBe(file.id);
    const path = blobPath(t.app.kh.config.filesDir, file.sha256);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path)).toEqual(pdf('bao cao'));
    const down = await t.app.inject({ method: 'GET', url: `/api/files/${file.id}`, headers: { cookie: focal.cookie } });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload).toEqual(pdf('bao cao'));
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(`attachment; filename="Bao cao quy III.pdf"; filename*=UTF-8''${encodeURIComponent('Báo cáo quý III.pdf')}`);
  });

  it('refuses a file whose content is not what its name says, and unknown kinds, with a Vietnamese message', async () => {
    const fake = await focal.upload('/api/files', [{ name: 'virus.pdf', content: 'MZ\x90\x00 not a pdf' }]);
    expect(fake.status).toBe(400);
    expect(fake.body.details).toEqual({ file: 'Nội dung tệp “virus.pdf” không đúng định dạng .pdf.' });
    const exe = await focal.upload('/api/files', [{ name: 'setup.exe', content: 'MZ' }]);
    expect(exe.body.details.file).toMatch(/không được chấp nhận/);
    const empty = await focal.upload('/api/files', [{ name: 'trong.pdf', content: '' }]);
    expect(empty.body.details).toEqual({ file: 'Tệp “trong.pdf” rỗng.' });
    const traversal = await focal.upload('/api/files', [{ name: '../../etc/hinh anh.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) }]);
    expect(traversal.body.items[0].name).toBe('hinh anh.png');
  });

  it('refuses files over the size limit', async () => {
    const small = await testApp();
    small.app.kh.config.uploadMaxBytes = 1024;
    const c = await signIn(small.app, 'hp.viettiep');
    const big = await c.upload('/api/files', [{ name: 'lon.pdf', content: Buffer.concat([pdf('x'), Buffer.alloc(4096)]) }]);
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('payload_too_large');
    await small.close();
  });

  it('attaches uploaded evidence to a progress update and lists it in the history', async () => {
    // Phòng TCHC leads most of the demo plan's tasks and reports on them.
    const tchc = await signIn(t.app, 'hp.tchc');
    const { body: occ } = await tchc.get('/api/occurrences?status=overdue');
    const target = occ.items.find((o: { can: { record: boolean } }) => o.can.record);
    const up = (await tchc.upload('/api/files', [{ name: 'Quyết định.docx', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9]) }])).body.items[0];
    const rec = await tchc.post(`/api/occurrences/${target.id}/progress`, { state: 'done', completedOn: '2026-11-20', note: 'Đã ban hành', fileIds: [up.id] });
    expect(rec.status).toBe(201);
    const detail = (await tchc.get(`/api/occurrences/${target.id}`)).body;
    expect(detail.updates[0].evidence).toMatchObject([{ name: 'Quyết định.docx', fileId: up.id }]);
    const missing = await tchc.post(`/api/occurrences/${target.id}/progress`, { state: 'done', fileIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(missing.body.details).toEqual({ fileIds: 'Tệp đính kèm không tồn tại hoặc đã bị xóa. Vui lòng tải lên lại.' });
  });

  it('is not visible to another tenant', async () => {
    const up = (await focal.upload('/api/files', [{ name: 'rieng.pdf', content: pdf('rieng') }])).body.items[0];
    const other = await signIn(t.app, 'dt.lanhdao');
    const res = await t.app.inject({ method: 'GET', url: `/api/files/${up.id}`, headers: { cookie: other.cookie } });
    expect(res.statusCode).toBe(404);
  });
});

describe('a file whose content is missing on disk', () => {
  it('answers 404 with a Vietnamese message naming the file, not a server error', async () => {
    const [file] = (await focal.upload('/api/files', [{ name: 'Biên bản mất.pdf', content: pdf('mat') }])).body.items;
    rmSync(blobPath(t.app.kh.config.filesDir, file.sha256));
    const res = await focal.request('GET', `/api/files/${file.id}`);
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/Biên bản mất\.pdf.*không còn trong kho lưu trữ/);
  });
});

describe('hostile uploads (issue 9)', () => {
  it('keeps only the base name of a path, stores the bytes under their hash, and downloads with a header nothing can break out of', async () => {
    const up = await focal.upload('/api/files', [{ name: '../../../etc/báo cáo; X-Evil=1.pdf', content: pdf('traversal') }]);
    expect(up.status).toBe(201);
    const [file] = up.body.items;
    expect(file.name).toBe('báo cáo; X-Evil=1.pdf');
    const windows = (await focal.upload('/api/files', [{ name: 'C:\\Users\\lan\\..\\đề án.pdf', content: pdf('windows') }])).body.items[0];
    expect(windows.name).toBe('đề án.pdf');
    expect(existsSync(blobPath(t.app.kh.config.filesDir, file.sha256))).toBe(true);
    const down = await t.app.inject({ method: 'GET', url: `/api/files/${file.id}`, headers: { cookie: focal.cookie } });
    expect(down.headers['x-evil']).toBeUndefined();
    expect(down.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!'()*-]+$/);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses HTML and SVG, whatever they are called, so nothing uploaded is ever rendered by the browser', async () => {
    for (const [name, content] of [['trang.html', '<html><script>alert(1)</script></html>'], ['hinh.svg', '<svg onload="alert(1)"/>'], ['gia.pdf', '<svg onload="alert(1)"/>']] as const) {
      const res = await focal.upload('/api/files', [{ name, content }]);
      expect(res.status, name).toBe(400);
      expect(res.body.message).toMatch(/tệp/i);
    }
  });
});
