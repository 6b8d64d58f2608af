import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { testApp, type TestContext } from '../test/harness.ts';

let t: TestContext;
const routes: { method: string; url: string; authz?: string }[] = [];
beforeAll(async () => {
  t = await testApp();
  // Fastify has no public route list: build a second app that records routes as they register.
  const recorder = await buildApp({
    config: loadConfig({ sessionSecret: 'x', dataDir: '.tmp/probe' }), database: t.database,
    onRoute: (r) => {
      for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url, authz: r.config?.authz });
    },
  });
  await recorder.close();
});
afterAll(async () => { await t.close(); });

describe('every API route', () => {
  it('declares an authorization rule', () => {
    const api = routes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(20);
    for (const r of api) expect(r.authz, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('answers anonymous callers with 401 in the error shape, unless public', async () => {
    const closed = routes.filter((r) => r.url.startsWith('/api/') && r.authz !== 'public');
    expect(closed.length).toBeGreaterThan(15);
    for (const r of closed) {
      const url = r.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const hasBody = !['GET', 'DELETE'].includes(r.method);
      const res = await t.app.inject({ method: r.method as 'GET', url, ...(hasBody ? { headers: { 'content-type': 'application/json' }, payload: '{}' } : {}) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(Object.keys(res.json()).sort(), `${r.method} ${r.url}`).toEqual(['error', 'message']);
    }
  });

  it('is described in the OpenAPI document, tagged by capability', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const ops = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[] }>>)
      .flatMap(([path, methods]) => Object.entries(methods).map(([verb, op]) => ({ path, verb, op })));
    expect(ops.length).toBeGreaterThan(20);
    for (const { path, verb, op } of ops) expect(op.tags?.length, `${verb} ${path}`).toBeGreaterThan(0);
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
  });
});
