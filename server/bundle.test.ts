// The server as `npm start` runs it: bundled by scripts/build-server.mts. The rest of the suite runs the
// TypeScript sources, so this runs the bundle through what bundling could break: the files found next to the
// sources (migrations, demo plans, package.json, the import worker), the packages inlined in the bundle
// (typebox, drizzle-orm, exceljs) and the chunks loaded on demand.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../scripts/build-server.mts';
import { ROOT } from './paths.ts';
import { engine } from './test/engines.ts';
import { logIn, startKehoach, type KehoachProcess } from './test/processes.ts';

describe.skipIf(engine !== 'pglite')('the bundled server', () => {
  const out = join(ROOT, '.tmp', `bundle-test-${process.pid}`); // inside the project: packages resolve from node_modules
  const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-bundle-'));
  let server: KehoachProcess;

  beforeAll(async () => {
    await buildBundle(out);
    // No KEHOACH_ADMIN_PASSWORD: the administrator gets a generated password, hashed while the database opens.
    server = await startKehoach({ DATA_DIR: dataDir, KEHOACH_DEMO: '1', KEHOACH_ADMIN_PASSWORD: '', DATABASE_URL: '' }, [join(out, 'cli.js'), 'start']);
    await server.ready();
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(out, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with the demo data and its version', async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', db: 'pglite', version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version });
    // The scheduled jobs' state, which an operator (and the benchmark) reads to see the reminder job's runs.
    expect(health.jobs.reminders).toMatchObject({ running: expect.any(Boolean), runs: expect.any(Number) });
    expect(server.output()).toContain('hn.xanhpon');
  });

  it('prints the administrator\'s generated password, which logs in', async () => {
    const password = /Tài khoản quản trị hệ thống: admin \/ (\S+)/.exec(server.output())?.[1];
    expect(password).toBeTruthy();
    await logIn(server.url, 'admin', password!);
  });

  it('exports a plan to Excel and imports it back', async () => {
    const session = await logIn(server.url, 'hn.quantri');
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const { items } = (await (await fetch(`${server.url}/api/plans`, { headers })).json()) as { items: { id: string }[] };
    const exported = await fetch(`${server.url}/api/plans/${items[0].id}/export.xlsx`, { headers });
    expect(exported.status).toBe(200);
    const workbook = new Uint8Array(await exported.arrayBuffer());
    expect(Buffer.from(workbook.subarray(0, 2)).toString()).toBe('PK');
    const form = new FormData();
    form.append('file', new Blob([workbook]), 'ke-hoach.xlsx');
    const imported = await fetch(`${server.url}/api/plans/${items[0].id}/import`, { method: 'POST', body: form, headers });
    expect(imported.status, await imported.clone().text()).toBe(201);
    expect(((await imported.json()) as { tasks: number }).tasks).toBeGreaterThan(0);
  });

  it('reads a plan document in the import worker', async () => {
    const session = await logIn(server.url, 'hn.quantri');
    const form = new FormData();
    form.append('file', new Blob([readFileSync(join(ROOT, 'fixtures/import/seed-000.docx'))]), 'seed-000.docx');
    const res = await fetch(`${server.url}/api/plan-imports`, { method: 'POST', body: form, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as { status: string }).status).toBe('draft');
  }, 60_000);
});
