// kehoach as a separate process (server/main.ts), driven over HTTP: for the two-process test and the replica script.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { DEMO_PASSWORD } from '../demo/seed.ts';
import { ROOT } from '../paths.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface KehoachProcess {
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when it answers /api/health; rejects if it exits first or takes longer than `ms`. */
  ready(ms?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx server/main.ts` (or node with `args`, e.g. the bundle) on a free port with `env`
 * added to this process's environment.
 */
export async function startKehoach(env: Record<string, string>, args = ['--import', 'tsx', 'server/main.ts']): Promise<KehoachProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const clean = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATABASE_READ_URL', 'FILES_DIR', 'TEST_ENGINE']) delete clean[name];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT, env: { ...clean, HOST: '127.0.0.1', PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b) => { out += b; });
  child.stderr!.on('data', (b) => { out += b; });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => { gone = true; });
  return {
    url,
    output: () => out,
    ready: async (ms = 90_000) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        if (gone) throw new Error(`kehoach at ${url} exited before it was ready:\n${out}`);
        if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`kehoach at ${url} was not ready after ${ms} ms:\n${out}`);
    },
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

/** Logs in over HTTP; the session cookie and CSRF token, as a browser would keep them. */
export async function logIn(url: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} at ${url}: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('kehoach_session='));
  return { cookie: session!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}
