// Every route with a body or query schema fed invalid and boundary input made from its own schema (issue 9): wrong
// types that no coercion turns valid, missing required fields, strings one past their limit, numbers past their
// bounds, broken formats and enums. The answer is never a 5xx; every refusal is in the error shape with a
// Vietnamese message; and nothing is written (the audit log, which every change must append to, does not grow).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { withSystem } from '../db/context.ts';
import { rowsOf } from '../db/client.ts';
import { TEST_ADMIN_PASSWORD } from '../test/engines.ts';
import { signIn, testApp, type Client, type TestContext } from '../test/harness.ts';
import { options, sample as valid, typeOf, UUID, type Schema } from '../test/schema-samples.ts';

interface Route { method: string; url: string; body?: Schema; query?: Schema }

let t: TestContext;
let admin: Client;
const routes: Route[] = [];
const VIETNAMESE = /[À-ỹ]/u;

beforeAll(async () => {
  t = await testApp();
  const recorder = await buildApp({
    config: loadConfig({ sessionSecret: 'x', dataDir: '.tmp/probe' }), database: t.database,
    onRoute: (r) => {
      const s = r.schema as { body?: Schema; querystring?: Schema } | undefined;
      for (const method of [r.method].flat()) if (method !== 'HEAD' && r.url.startsWith('/api/') && (s?.body || s?.querystring)) routes.push({ method, url: r.url, body: s.body, query: s.querystring });
    },
  });
  await recorder.close();
  // The system administrator passes every permission check, so each request reaches validation and the service.
  admin = await signIn(t.app, 'admin', TEST_ADMIN_PASSWORD);
  const hn = (await admin.get('/api/auth/me')).body.tenants.find((x: { code: string }) => x.code === 'hanoi');
  await admin.post('/api/auth/tenant', { tenantId: hn.id });
});
afterAll(async () => { await t.close(); });

/** Values the schema refuses, none of which ajv's coercion can turn valid. */
function invalid(s: Schema): unknown[] {
  if (options(s).some((x) => x.type === undefined && !x.anyOf)) return []; // accepts anything
  const o = options(s).find((x) => x.type !== 'null') ?? options(s)[0];
  const out: unknown[] = [];
  const t0 = typeOf(o);
  if (t0 === 'string') {
    out.push({ x: 1 });
    if (o.maxLength !== undefined) out.push('đ'.repeat(o.maxLength + 1));
    if (o.format === 'uuid') out.push('không-phải-uuid', `${UUID}x`);
    if (o.format === 'date') out.push('2026-02-30', '30/01/2026');
    if (o.enum) out.push('zzz');
  } else if (t0 === 'integer' || t0 === 'number') {
    out.push('abc', { x: 1 });
    if (o.minimum !== undefined) out.push(o.minimum - 1);
    if (o.maximum !== undefined) out.push(o.maximum + 1);
    if (t0 === 'integer') out.push(1.5);
  } else if (t0 === 'boolean') out.push('có', { x: 1 });
  else if (t0 === 'array') {
    out.push({ x: 1 });
    if (o.maxItems !== undefined) out.push(Array.from({ length: o.maxItems + 1 }, () => valid(o.items ?? {})));
  } else if (t0 === 'object') out.push('x', [1]);
  return out;
}

/** One case per broken field, plus the whole body missing and of the wrong kind. */
function cases(s: Schema): unknown[] {
  const base = valid(s) as Record<string, unknown>;
  const out: unknown[] = [[], 'x'];
  if (s.required?.length) out.push({});
  for (const [k, p] of Object.entries(s.properties ?? {})) for (const bad of invalid(p)) out.push({ ...base, [k]: bad });
  return out;
}

const auditCount = async () => Number(rowsOf<{ n: number }>(await withSystem(t.database.db, (tx) => tx.execute(sql`SELECT count(*)::int AS n FROM audit_events`)))[0].n);

describe('every route with a schema, fed what its schema refuses', () => {
  it('never answers 5xx, refuses in the error shape with a Vietnamese message, and writes nothing', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const before = await auditCount();
    let sent = 0;
    const statuses: Record<number, number> = {};
    for (const r of routes) {
      const url = r.url.replace(/:(\w+)/g, UUID);
      const bodies = r.body ? cases(r.body) : [undefined];
      const queries = r.query ? [undefined, ...Object.entries(r.query.properties ?? {}).flatMap(([k, p]) => invalid(p).filter((v) => typeof v !== 'object').map((v) => ({ [k]: String(v) })))] : [undefined];
      for (const body of bodies) {
        for (const query of queries) {
          if (body === undefined && query === undefined && r.body) continue;
          const res = await t.app.inject({
            method: r.method as 'POST', url, query: query as Record<string, string> | undefined,
            headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
            ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
          });
          sent++;
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          const what = `${r.method} ${r.url} ${JSON.stringify(body)?.slice(0, 120)} ${JSON.stringify(query)}`;
          expect(res.statusCode, what).toBeLessThan(500);
          if (res.statusCode >= 400) {
            const err = res.json();
            expect(typeof err.error, what).toBe('string');
            expect(err.message, what).toMatch(VIETNAMESE);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(300);
    // The cases are refused by validation, not let through: almost all answers are 400 (the rest, reads with an
    // unknown id or a query the route ignores, are 404 or 200).
    expect(statuses[400]).toBeGreaterThan(sent * 0.9);
    expect(await auditCount()).toBe(before);
  }, 240_000);

  it('survives arbitrary JSON in every body', async () => {
    const before = await auditCount();
    const bodied = routes.filter((r) => r.body);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...bodied), fc.jsonValue({ maxDepth: 3 }), async (r, body) => {
      const res = await t.app.inject({
        method: r.method as 'POST', url: r.url.replace(/:(\w+)/g, UUID),
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' }, payload: JSON.stringify(body),
      });
      expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(body).slice(0, 200)}`).toBeLessThan(500);
    }), { numRuns: 400, seed: 9 });
    expect(await auditCount()).toBe(before);
  }, 120_000);
});
