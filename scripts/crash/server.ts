// kehoach as a child process that can be killed at any moment: started as `npm start` starts it (bin/kehoach.mjs,
// from the bundle that ensure-build keeps current), on a free port each time, stopped cleanly or with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../../server/paths.ts';
import { freePort } from '../../server/test/processes.ts';

export interface Child {
  base: string;
  pid: number;
  /** Milliseconds from spawn to the first answer of /api/health: the restart time. */
  healthyMs: number;
  /** … and to the end of the reminder job's first run, after which the workload starts. */
  readyMs: number;
  /** The last few kilobytes it printed, for a report when something goes wrong. */
  output(): string;
  /** SIGKILL now; resolves when the process is gone (reaped, so its pid is free and no longer "alive"). */
  kill(): Promise<void>;
  /** SIGTERM and wait: the server's own shutdown (jobs, HTTP, database, lock file). Resolves with the exit code. */
  stop(): Promise<number | null>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns kehoach with `env` and waits until /api/health answers and the reminder job's first run (which every start
 * makes) is over, so that what follows neither waits for it nor is mistaken for it. Throws with the output if it
 * exits or is not ready in `timeoutMs`.
 */
export async function startChild(env: Record<string, string>, timeoutMs = 120_000): Promise<Child> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const clean = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATABASE_READ_URL', 'DATA_DIR', 'FILES_DIR', 'KEHOACH_NOW', 'TEST_ENGINE']) delete clean[name];
  const started = performance.now();
  // node itself, not npm: the pid is the server's, so SIGKILL hits the process that holds the database.
  const child: ChildProcess = spawn(process.execPath, ['bin/kehoach.mjs', 'start'], {
    cwd: ROOT, env: { ...clean, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => { out = (out + b.toString()).slice(-8000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c, signal) => { code = c ?? (signal ? -1 : null); resolve(code); }));
  let healthyMs = 0;
  const ready = async () => {
    for (;;) {
      if (code !== undefined) throw new Error(`kehoach exited (code ${code}) before it was ready:\n${out}`);
      if (performance.now() - started > timeoutMs) throw new Error(`kehoach was not ready after ${timeoutMs} ms:\n${out}`);
      const health = await fetch(`${base}/api/health`).then((r) => (r.ok ? r.json() : null), () => null) as { jobs?: { reminders: { runs: number } } } | null;
      if (health && !healthyMs) healthyMs = performance.now() - started;
      if (health && (!health.jobs || health.jobs.reminders.runs > 0)) return;
      await sleep(25);
    }
  };
  try {
    await ready();
  } catch (e) {
    if (code === undefined) { child.kill('SIGKILL'); await exited; }
    throw e;
  }
  return {
    base, pid: child.pid!, healthyMs, readyMs: performance.now() - started,
    output: () => out,
    kill: async () => {
      if (code === undefined) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (code !== undefined) return code;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const c = await exited;
      clearTimeout(timer);
      return c;
    },
  };
}
