// `npm run crash -- --engine pglite|postgres [--trials 100] [--seed S] [--kill-from 50] [--kill-to 1500] [--self-check] [--keep]`
// Crash safety (issue 9): kehoach runs as a child process on its own demo data while plan imports, allowance lists
// (ratings, drawn up, proposed, approved, paid) and report submissions go to it over HTTP from the demo accounts of
// each duty; at a seeded random moment the child gets SIGKILL, inside whatever transactions are open. It is then
// restarted on the same data (PGlite recovers from its WAL and takes over the dead process's lock file), and
// invariants are checked with SQL: no imported plan missing tasks, no approved or paid allowance list that can be
// changed, no paid list without its approval, no half-saved report, an audit chain that verifies, rows that match
// the audit log, and every change answered before the kill still there (scripts/crash/invariants.ts). One line per
// trial; the last line states trials and violations, and the exit code is 1 when there is any (the data is then
// kept). `--self-check` corrupts copies of the data instead and shows that each invariant catches its corruption.
// PostgreSQL: CRASH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), a database of its own.
import { execFileSync } from 'node:child_process';
import { ROOT } from '../server/paths.ts';
import { DEMO_PASSWORD } from '../server/demo/seed.ts';
import { createEngine, type Engine } from './crash/engines.ts';
import { Target, logInAll, type Acked } from './crash/http.ts';
import { checkInvariants, type Violation } from './crash/invariants.ts';
import { selfCheck } from './crash/self-check.ts';
import { startChild, type Child } from './crash/server.ts';
import { ACCOUNTS, prepare, rng, runWorkload, SEED_NOW, TRIAL_NOW } from './crash/workload.ts';

const argv = process.argv.slice(2);
const arg = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const int = (name: string, fallback: number, min = 0) => {
  const raw = arg(name);
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(v) || v < min) { console.error(`--${name} phải là số nguyên ≥ ${min}`); process.exit(2); }
  return v;
};
const engineName = arg('engine') ?? 'pglite';
const trials = int('trials', 100, 1);
const seed = int('seed', Date.now() % 1_000_000);
const [killFrom, killTo] = [int('kill-from', 50), int('kill-to', 1500)];
const selfCheckOnly = argv.includes('--self-check');
const keep = argv.includes('--keep');

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const log = (line: string) => console.log(line);
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The environment of every start: its data, the demo, and the clock (see workload.ts for the two dates). */
const envOf = (engine: Engine, now: string) => ({ ...engine.env, KEHOACH_DEMO: '1', KEHOACH_NOW: now, SESSION_IDLE_MINUTES: '720' });

function printViolations(found: Violation[]) {
  const shown = found.slice(0, 20);
  for (const v of shown) log(`    ✗ ${v.invariant}: ${v.detail.slice(0, 600)}`);
  if (found.length > shown.length) log(`    … and ${found.length - shown.length} more`);
}

/** Checks the invariants of the data the (restarted) child runs on; PGlite's child is stopped first (see engines.ts). */
async function check(engine: Engine, child: Child | null, acked: Acked[]): Promise<{ found: Violation[]; child: Child | null }> {
  const found: Violation[] = [];
  if (engine.exclusive && child) {
    const code = await child.stop();
    if (code !== 0) found.push({ invariant: 'clean-stop', detail: `the restarted server exited with ${code} on SIGTERM:\n${child.output()}` });
    child = null;
  }
  try {
    found.push(...(await engine.withDatabase((db) => checkInvariants(db, acked))));
  } catch (e) {
    found.push({ invariant: 'open-for-check', detail: (e as Error).stack ?? String(e) });
  }
  return { found, child };
}

async function main(engine: Engine): Promise<number> {
  log(`crash-safety ${engine.name}: ${selfCheckOnly ? 'self-check' : `${trials} trials`}, seed ${seed}, SIGKILL ${killFrom}–${killTo} ms after the workload starts; ${engine.describe}`);
  // The demo is made on its own day; the trials then run on a later frozen day, so that there are months of allowance
  // lists still to draw up (a list cannot be drawn up before its month) and report periods still open.
  let child: Child | null = await startChild(envOf(engine, SEED_NOW));
  log(`[${elapsed()}] demo data made (${secs(child.readyMs)}); restarting on the trial clock ${TRIAL_NOW}`);
  await child.stop();
  child = await startChild(envOf(engine, TRIAL_NOW));
  const sessions = await logInAll(child.base, ACCOUNTS, DEMO_PASSWORD);
  const warmup = new Target(child.base);
  const plan = await prepare(warmup, sessions);
  // One full round without a kill: the workload itself must work, and the self-check needs an instance of everything.
  await runWorkload(warmup, plan, seed, 1);
  if (warmup.unexpected.length) throw new Error(`the workload failed without any kill:\n${warmup.unexpected.join('\n')}`);
  const baseline = await check(engine, child, warmup.acked);
  child = baseline.child;
  log(`[${elapsed()}] ${ACCOUNTS.length} accounts logged in, report schedule made, one round of ${warmup.done} requests without a kill; ` +
    `invariants before any kill: ${baseline.found.length} violations`);
  printViolations(baseline.found);
  if (baseline.found.length) {
    log(`data kept: ${engine.describe}`);
    log(`crash-safety ${engine.name}: 0 trials, ${baseline.found.length} violations (before any kill)`);
    return 1;
  }

  if (selfCheckOnly) {
    if (child) { await child.stop(); child = null; }
    const { corruptions, detected } = await selfCheck(engine, log, warmup.acked);
    if (keep) log(`data kept: ${engine.describe}`);
    log(`crash-safety ${engine.name} self-check: ${corruptions} corruptions, ${detected} detected`);
    return detected === corruptions ? 0 : 1;
  }

  let violations = 0;
  let cutTotal = 0;
  let insideTx = 0;
  const restarts: number[] = [];
  try {
    for (let trial = 1; trial <= trials; trial++) {
      child ??= await startChild(envOf(engine, TRIAL_NOW));
      const r = rng(seed * 1000 + trial);
      const killAt = Math.round(killFrom + r() * (killTo - killFrom));
      const target = new Target(child.base);
      const work = runWorkload(target, plan, seed * 1000 + trial);
      await new Promise((res) => setTimeout(res, killAt));
      // PostgreSQL shows the child's open transactions; the query takes a few milliseconds, just before the kill.
      const open = engine.openTransactions ? await engine.openTransactions() : undefined;
      target.killed = true;
      const cut = target.inFlight; // changing requests sent and not answered: the transactions the kill may land in
      await child.kill();
      await work;
      let restartMs: number;
      try {
        child = await startChild(envOf(engine, TRIAL_NOW));
        restartMs = child.healthyMs;
        restarts.push(restartMs);
      } catch (e) {
        // Not hidden: the data the killed server left cannot be started on. It stays for inspection.
        child = null;
        violations++;
        log(`trial ${trial}/${trials}: kill at ${killAt} ms after ${target.done} requests (${target.writes} writes, ${cut} in flight) — RESTART FAILED`);
        log(`    ✗ restart: ${(e as Error).message.slice(0, 3000)}`);
        throw new StopRun();
      }
      const checked = await check(engine, child, target.acked);
      child = checked.child;
      violations += checked.found.length;
      const odd = target.unexpected.length ? `, ${target.unexpected.length} unexpected answers` : '';
      cutTotal += cut;
      if (open) insideTx++;
      log(`trial ${String(trial).padStart(3)}/${trials}: kill at ${String(killAt).padStart(4)} ms after ${String(target.done).padStart(3)} requests (${String(target.writes).padStart(2)} writes, ${cut} in flight${open !== undefined ? `, ${open} transactions open` : ''}), ` +
        `restart ${secs(restartMs)}, ${checked.found.length} violations${odd}  [${elapsed()}]`);
      printViolations(checked.found);
      for (const u of target.unexpected) log(`    ! ${u.slice(0, 600)}`);
    }
  } catch (e) {
    if (!(e instanceof StopRun)) throw e;
  } finally {
    if (child) await child.stop();
  }
  const done = restarts.length;
  log(`${engine.name}: ${done} restarts after SIGKILL, median ${secs(median(restarts))} (fastest ${secs(Math.min(...restarts))}, slowest ${secs(Math.max(...restarts))}); ` +
    `${cutTotal} changing requests cut by the kills${engine.openTransactions ? `, ${insideTx} kills with a transaction open` : ''}; total ${elapsed()}; workload at the end: ${plan.payers.map((p) => p.month).join(', ')} (allowance months), ${plan.reports.map((p) => p.period).join(', ')} (report periods)`);
  const failed = violations > 0 || done < trials;
  if (keep || failed) log(`data kept: ${engine.describe}`);
  log(`crash-safety ${engine.name}: ${done === trials ? trials : `${done} of ${trials}`} trials, ${violations} violations`);
  return failed ? 1 : 0;
}

class StopRun extends Error {}

execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
const engine = await createEngine(engineName);
let code = 1;
try {
  code = await main(engine);
} catch (e) {
  console.error((e as Error).stack ?? e);
  log(`data kept: ${engine.describe}`);
  log(`crash-safety ${engine.name}: stopped by an error before the trials ended — ${(e as Error).message.split('\n')[0]}`);
} finally {
  // The data stays when something went wrong, so that it can be looked at.
  await engine.cleanup(keep || code !== 0);
}
process.exit(code);
