// Builds the app on a fresh database and signs users in, for API tests through app.inject.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Replica } from '../db/replica.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';
import { freshDatabase, TEST_NOW } from './engines.ts';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

type AppOptions = { sessionIdleMinutes?: number; loginDelayScale?: number; now?: () => Date; replica?: (database: Database) => Replica };

export async function testApp({ replica, ...overrides }: AppOptions = {}): Promise<TestContext> {
  const fresh = await freshDatabase();
  const database = replica ? { ...fresh, replica: replica(fresh) } : fresh;
  const config = loadConfig({ dataDir: mkdtempSync(join(tmpdir(), 'kehoach-test-')), sessionSecret: 'test-secret', demo: false, loginDelayScale: 0, now: () => TEST_NOW, ...overrides });
  const app = await buildApp({ config, database });
  await app.ready();
  return { app, database, close: async () => { await app.close(); await database.close(); } };
}

export interface Client {
  csrfToken: string;
  cookie: string;
  request(method: InjectOptions['method'], url: string, body?: unknown): Promise<{ status: number; body: any }>;
  get(url: string): Promise<{ status: number; body: any }>;
  post(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  patch(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  del(url: string): Promise<{ status: number; body: any }>;
  /** multipart/form-data upload of files under the field "file". */
  upload(url: string, files: { name: string; content: Buffer | string }[]): Promise<{ status: number; body: any }>;
}

export function multipartBody(files: { name: string; content: Buffer | string }[]) {
  const boundary = `----kehoach${Math.random().toString(36).slice(2)}`;
  const parts = files.flatMap((f) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content), Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  const request: Client['request'] = async (method, url, body) => {
    const res = await app.inject({
      method, url, headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };
  return {
    csrfToken, cookie, request,
    get: (u) => request('GET', u), post: (u, b = {}) => request('POST', u, b), patch: (u, b = {}) => request('PATCH', u, b), del: (u) => request('DELETE', u),
    upload: async (url, files) => {
      const { payload, contentType } = multipartBody(files);
      const res = await app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': contentType }, payload });
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
    },
  };
}

export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'kehoach_session')!;
  return clientFor(app, `kehoach_session=${c.value}`, JSON.parse(res.body).csrfToken);
}

/** Unit id by name, through the API as the given client sees it. */
export async function unitId(client: Client, name: string): Promise<string> {
  const { body } = await client.get(`/api/org/units?includeInactive=true`);
  const unit = body.items.find((u: { name: string }) => u.name === name);
  if (!unit) throw new Error(`no unit ${name}`);
  return unit.id;
}
