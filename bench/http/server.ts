// kehoach as a separate process for the benchmarks: started the way an operator starts it, watched for
// its resident memory, stopped at the end.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface RunningServer {
  base: string;
  pid: number;
  /** Milliseconds from spawning the process to the first healthy answer. */
  startupMs: number;
  /** How long the reminder job's first run took (it runs at start; scenarios begin after it). */
  remindersMs: number | null;
  /** Peak resident memory (MB) since the last reset. */
  peakRssMb(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const rssMb = (pid: number) => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
};

let built = false;

/**
 * Starts kehoach as `npm start` does (`bin/kehoach.mjs start`, from the build it makes first) with `env`
 * (DATA_DIR or DATABASE_URL …) and waits until /api/health answers.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningServer> {
  // The build (web client, server bundle, empty-database snapshot) is not part of the start-up time.
  if (!built) execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
  built = true;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // node itself (not npm) so that the pid is the server's and its memory is what we read.
  const child: ChildProcess = spawn(process.execPath, ['bin/kehoach.mjs', 'start'], {
    env: { ...process.env, KEHOACH_DEMO: '0', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => { output = (output + d).slice(-4000); });
  child.stderr!.on('data', (d) => { output = (output + d).slice(-4000); });
  let exited = false;
  child.on('exit', () => { exited = true; });
  for (;;) {
    if (exited) throw new Error(`kehoach dừng khi khởi động:\n${output}`);
    if (performance.now() - started > timeoutMs) { child.kill('SIGKILL'); throw new Error(`kehoach không khởi động sau ${timeoutMs} ms:\n${output}`); }
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 25));
  }
  const startupMs = performance.now() - started;
  // The reminder job runs as the server starts; on a province's month-end its first run of the day writes for
  // minutes. It is measured apart (its time is printed), so the scenarios do not run beside it.
  let remindersMs: number | null = null;
  for (;;) {
    const jobs = (await (await fetch(`${base}/api/health`)).json() as { jobs?: { reminders: { runs: number; lastRunMs: number | null } } }).jobs;
    if (!jobs || jobs.reminders.runs > 0) { remindersMs = jobs?.reminders.lastRunMs ?? null; break; }
    if (exited) throw new Error(`kehoach dừng khi chạy nhắc việc:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, rssMb(child.pid!)); }, 100);
  return {
    base, pid: child.pid!, startupMs, remindersMs,
    peakRssMb: () => Math.max(peak, rssMb(child.pid!)),
    resetPeak: () => { peak = rssMb(child.pid!); },
    stop: async () => {
      clearInterval(sampler);
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
