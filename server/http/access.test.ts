// The authorization matrix (issue 9): every registered route × role (administrator, leadership, division staff,
// unit focal point, inspector, no one signed in) × where the record sits (the caller's own unit, a sibling, the
// unit above, another tenant), called for real and checked against the one declared table, core/auth/access.ts
// (default deny). A new route without a row fails here; so does a refusal that writes anything. The table is
// printed into docs/security.md; `UPDATE_DOCS=1` rewrites it there when the table changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedByTable, MATRIX_ROLES, MATRIX_TARGETS, ROUTE_ACCESS, type MatrixRole, type MatrixTarget, type RouteRule } from '../../core/auth/access.ts';
import { SO_ONLY_ACTIONS } from '../../core/auth/policy.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { ROOT } from '../paths.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';
import { TEST_ADMIN_PASSWORD } from '../test/engines.ts';
import { multipartBody, signIn, testApp, type TestContext } from '../test/harness.ts';
import { sample, UUID, type Schema } from '../test/schema-samples.ts';
import { World, type Subject } from './access-world.ts';

interface Route { method: string; url: string; authz?: string; wholeTenant: boolean; body?: Schema; query?: Schema; multipart: boolean }
interface Cell { key: string; role: MatrixRole; target: MatrixTarget | null; status: number; expected: boolean; refused: boolean; answer: string }

let t: TestContext;
let world: World;
let made = 0;
const routes: Route[] = [];
const keyOf = (r: Route) => `${r.method} ${r.url}`;

beforeAll(async () => {
  t = await testApp();
  const recorder = await buildApp({
    config: loadConfig({ sessionSecret: 'x', dataDir: '.tmp/probe' }), database: t.database,
    onRoute: (r) => {
      const s = r.schema as { body?: Schema; querystring?: Schema; consumes?: string[] } | undefined;
      for (const method of [r.method].flat()) {
        if (method !== 'HEAD' && r.url.startsWith('/api/')) routes.push({ method, url: r.url, authz: r.config?.authz, wholeTenant: r.config?.wholeTenant === true, body: s?.body, query: s?.querystring, multipart: !!s?.consumes?.includes('multipart/form-data') });
      }
    },
  });
  await recorder.close();
  world = new World(t, await signIn(t.app, 'admin', TEST_ADMIN_PASSWORD));
});
afterAll(async () => { await t?.close(); });

/** Path parameters the rule's record does not give: records of the tenant the route reads as a whole. */
async function otherParams(url: string, tenantId: string): Promise<Record<string, string>> {
  const first = async (table: string, where = 'true') => (await world.query<{ id: string }>(`SELECT id FROM ${table} WHERE tenant_id = '${tenantId}' AND ${where} ORDER BY created_at LIMIT 1`))[0]?.id ?? UUID;
  if (url.startsWith('/api/org/users/:id')) return { id: await first('users', "username = 'hn.xanhpon.ketoan'") }; // an account held on Xanh Pôn
  if (url.startsWith('/api/emulation/movements/:id')) return { id: await first('emulation_movements') };
  if (url.startsWith('/api/emulation/decisions/:id')) return { id: await first('emulation_decisions') };
  if (url.startsWith('/api/emulation/blocks/:id')) return { id: await first('emulation_blocks') };
  if (url.startsWith('/api/files/:id')) {
    // A file of this test's own folder (the demo's were stored by the run that made the snapshot).
    const up = await world.asSystemIn(tenantId, (c) => c.upload('/api/files', [{ name: 'Biên bản.pdf', content: '%PDF-1.4\nma tran\n' }]));
    return { id: up.body.items[0].id }; // the same content is stored once: the same file every time
  }
  if (url.startsWith('/api/report-templates/:id')) return { id: await first('report_templates') };
  return {}; // the calendar's token and a notification's id: unknown ones, answered 404 to everyone
}

/** A body its schema accepts, naming the record's unit where the route is about one, and leaving the world intact. */
function bodyFor(r: Route, rule: RouteRule, subject: Subject): unknown {
  const body = (r.body ? sample(r.body) : undefined) as Record<string, unknown> | undefined;
  switch (keyOf(r)) {
    case 'POST /api/auth/login': return { username: 'hn.lanhdao', password: DEMO_PASSWORD };
    case 'POST /api/org/users': return { username: `mx.nguoidung.${++made}`, displayName: 'Người dùng ma trận', password: 'MaTran2026', role: 'unit_focal', unitId: subject.unit.id };
    case 'POST /api/tasks/:id/occurrences': return { eventOn: '2026-11-20', unitIds: [subject.unit.id] }; // a lead unit records the awaited event
  }
  if (rule.on?.startsWith('body.')) return { ...body, [rule.on.slice(5)]: subject.unit.id };
  if (keyOf(r) === 'POST /api/org/units/:id/active') return { active: true }; // deactivating the unit would end its callers' grants
  return body;
}

/** The request, made ready before the audit log is counted (preparing it may upload a file as the system administrator). */
async function prepare(r: Route, rule: RouteRule, subject: Subject, client: { cookie: string; csrfToken: string }): Promise<InjectOptions> {
  const params = { ...(await otherParams(r.url, subject.unit.tenantId)), ...subject.params };
  // Moving a unit to where it already is: a unit under the record's unit, "moved" under it.
  if (keyOf(r) === 'POST /api/org/units/:id/move') params.id = (await world.query<{ id: string }>(`SELECT id FROM org_units WHERE parent_id = '${subject.unit.id}' ORDER BY name LIMIT 1`))[0].id;
  const path = r.url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? (name === 'file' ? 'khong-co.ics' : UUID)).replace('/*', '/index.css');
  const asked = r.query?.required?.length ? (sample(r.query) as Record<string, string>) : {};
  if ('unitId' in asked) asked.unitId = subject.unit.id;
  const query = new URLSearchParams({ ...asked, ...subject.query }).toString();
  const url = query ? `${path}?${query}` : path;
  const headers: Record<string, string> = client.cookie ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken } : {};
  if (r.multipart) {
    const { payload, contentType } = multipartBody([{ name: 'ke-hoach.txt', content: 'KẾ HOẠCH\n1. Rà soát hạ tầng. Thời gian: Quý IV/2026.\n' }]);
    return { method: r.method as 'POST', url, headers: { ...headers, 'content-type': contentType }, payload };
  }
  const body = bodyFor(r, rule, subject);
  return {
    method: r.method as 'POST', url,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  };
}

const auditCount = async () => Number((await world.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0].n);
/**
 * Refused: not signed in, not allowed, or not visible (another tenant's records are not there at all) — and, for a
 * route naming its unit in the body, another tenant's unit refused as unknown in that field.
 */
function refusal(status: number, body: string, rule: RouteRule, target: MatrixTarget | null) {
  if (status === 401 || status === 403 || status === 404) return true;
  // Only another tenant's unit may be "unknown": inside the tenant a field error could hide a missing check.
  if (status !== 400 || target !== 'other' || !rule.on?.startsWith('body.')) return false;
  return Object.keys(JSON.parse(body).details ?? {}).includes(rule.on.slice(5));
}
/** Routes whose record is used up by the call get a new one for every caller. */
const consumes = (r: Route) => r.method === 'DELETE' || r.url.endsWith('/confirm');

describe('the authorization matrix', () => {
  it('has one row for every registered route, naming the route\'s own action', () => {
    const api = routes.filter((r) => r.url.startsWith('/api/'));
    expect(api.filter((r) => !ROUTE_ACCESS[keyOf(r)]).map(keyOf), 'routes without a row in core/auth/access.ts').toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((k) => !api.some((r) => keyOf(r) === k)), 'rows without a route').toEqual([]);
    for (const r of api) {
      const rule = ROUTE_ACCESS[keyOf(r)];
      const declared = rule.scope === 'public' ? 'public' : rule.scope === 'session' ? 'authenticated' : rule.gate ?? rule.action;
      expect(r.authz, keyOf(r)).toBe(declared);
      expect(r.wholeTenant, `${keyOf(r)} wholeTenant`).toBe(rule.scope === 'sở');
      // The menus count these actions only when held on the Sở: every route of theirs must say so too.
      if (rule.action && SO_ONLY_ACTIONS.includes(rule.action)) expect(rule.scope, `${keyOf(r)} is the Sở's own`).toBe('sở');
    }
  });

  it('answers every route × role × target as the table says, and a refusal writes nothing', async () => {
    const cells: Cell[] = [];
    const subjects = new Map<string, Subject>();
    const xanhpon = { unit: await world.byName('Bệnh viện Đa khoa Xanh Pôn'), params: {} };
    for (const r of routes) {
      const rule = ROUTE_ACCESS[keyOf(r)];
      for (const role of MATRIX_ROLES) {
        for (const target of rule.on ? MATRIX_TARGETS : [null]) {
          let subject: Subject = xanhpon;
          if (rule.on) {
            subject = consumes(r) ? await world.subject(rule.on, true) : subjects.get(rule.on) ?? await world.subject(rule.on, false);
            if (!consumes(r)) subjects.set(rule.on, subject);
          }
          const place = target ? await world.placeFor(subject.unit, target) : subject.unit;
          const expected = allowedByTable(rule, role, target);
          const request = await prepare(r, rule, subject, await world.caller(role, place));
          const before = expected ? 0 : await auditCount();
          const res = await t.app.inject(request);
          expect(res.statusCode, `${keyOf(r)} ${role} ${target}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
          if (!expected) expect(await auditCount(), `${keyOf(r)} ${role} ${target} was refused but wrote`).toBe(before);
          if (keyOf(r) === 'POST /api/auth/logout') world.forget(role, place);
          cells.push({ key: keyOf(r), role, target, status: res.statusCode, expected, refused: refusal(res.statusCode, res.body, rule, target), answer: res.body.slice(0, 160) });
        }
      }
    }
    const unknownRecord = (c: Cell) => c.status === 404 && ['GET /api/calendar/:file', 'POST /api/notifications/:id/read'].includes(c.key);
    const wrong = cells.filter((c) => (c.expected ? c.refused && !unknownRecord(c) : !c.refused));
    expect(wrong.map((c) => `${c.key} ${c.role}@${c.target ?? '-'}: ${c.status}, table says ${c.expected ? 'allowed' : 'refused'} — ${c.answer}`)).toEqual([]);

    const declared = routes.reduce((n, r) => n + MATRIX_ROLES.length * (ROUTE_ACCESS[keyOf(r)].on ? MATRIX_TARGETS.length : 1), 0);
    console.log(`authorization matrix: ${routes.length} routes, ${cells.length} of ${declared} cells called (${((100 * cells.length) / declared).toFixed(1)}%), ${wrong.length} differ from the table`);
    expect(cells.length).toBe(declared);
    checkDocument(routes);
  }, 600_000);
});

/** The matrix in docs/security.md, made from the table: each cell ✓ (allowed) or · (refused), for own/sibling/parent/other. */
function checkDocument(list: Route[]) {
  const file = join(ROOT, 'docs', 'security.md');
  const rows = [...list].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method)).map((r) => {
    const rule = ROUTE_ACCESS[keyOf(r)];
    const cells = MATRIX_ROLES.map((role) => (rule.on ? MATRIX_TARGETS : [null]).map((target) => (allowedByTable(rule, role, target) ? '✓' : '·')).join(''));
    const what = rule.scope === 'public' || rule.scope === 'session' ? rule.scope : `${rule.action} · ${rule.scope}${rule.on ? ` · ${rule.on}` : ''}`;
    return `| \`${keyOf(r)}\` | ${what} | ${cells.join(' | ')} |`;
  });
  const table = [
    `| Route | Rule | ${MATRIX_ROLES.join(' | ')} |`, `| --- | --- | ${MATRIX_ROLES.map(() => '---').join(' | ')} |`, ...rows,
  ].join('\n');
  const start = '<!-- access-matrix:start -->';
  const end = '<!-- access-matrix:end -->';
  const doc = readFileSync(file, 'utf8');
  const at = doc.indexOf(start);
  const stop = doc.indexOf(end);
  expect(at, `docs/security.md needs the markers ${start} … ${end}`).toBeGreaterThan(-1);
  const next = `${doc.slice(0, at + start.length)}\n${table}\n${doc.slice(stop)}`;
  if (process.env.UPDATE_DOCS) writeFileSync(file, next);
  else expect(doc === next, 'docs/security.md holds an old matrix: run this test with UPDATE_DOCS=1').toBe(true);
}
