// The workload's HTTP side: demo accounts logged in once (sessions live in the database, so they survive the
// restarts), and one call that knows whether the server was killed under it.
import { logIn } from '../../server/test/processes.ts';

export interface Session { username: string; cookie: string; csrfToken: string }

/** A request cut off by the kill (or not sent because of it): expected, not an error of the workload. */
export class Killed extends Error {}

/** An answer the workload did not expect while the server was alive: printed, and it stops that stream for the trial. */
export class Unexpected extends Error {}

export interface Acked { table: 'plan_imports' | 'plans' | 'allowance_lists' | 'report_submissions'; id: string; version?: number }

/** One trial's view of the server: where it is, whether it was killed, and what got answered before. */
export class Target {
  killed = false;
  /** Requests answered 2xx; of them, the changing ones (POST, PUT, PATCH). */
  done = 0;
  writes = 0;
  /** Changing requests sent and not yet answered: at the kill, the transactions it may have cut. */
  inFlight = 0;
  readonly unexpected: string[] = [];
  /** What the answers before the kill promised: these rows, at least at these versions, must be there after the restart. */
  readonly acked: Acked[] = [];
  constructor(public base: string, private readonly timeoutMs = 60_000) {}

  async call<T = any>(who: Session, method: string, path: string, body?: unknown): Promise<T> {
    if (this.killed) throw new Killed();
    const form = body instanceof FormData;
    let res: Response;
    const write = method !== 'GET';
    if (write) this.inFlight++;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...(body === undefined || form ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : form ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      if (this.killed) throw new Killed(); // still counted in flight: cut by the kill
      if (write) this.inFlight--;
      throw new Unexpected(`${who.username} ${method} ${path}: ${(e as Error).message} ${(e as { cause?: Error }).cause?.message ?? ''}`);
    }
    const text = await res.text().catch((e: Error) => { throw this.killed ? new Killed() : new Unexpected(`${who.username} ${method} ${path}: answer cut off (${e.message})`); });
    if (this.killed) throw new Killed(); // answered, but the trial's count stops at the kill
    if (write) this.inFlight--;
    if (res.status >= 300) throw new Unexpected(`${who.username} ${method} ${path} → ${res.status} ${text.slice(0, 400)}`);
    this.done++;
    if (write) this.writes++;
    return JSON.parse(text) as T;
  }

  /** A changing request's answer arrived before the kill: what it changed was committed, and must stay. */
  promised(acked: Acked) {
    if (!this.killed) this.acked.push(acked);
  }
}

/** Logs the accounts in (with a pause on the log-in rate limit, 30 a minute per address). */
export async function logInAll(base: string, usernames: string[], password: string): Promise<Map<string, Session>> {
  const out = new Map<string, Session>();
  for (const username of usernames) {
    for (let attempt = 0; ; attempt++) {
      try {
        out.set(username, { username, ...(await logIn(base, username, password)) });
        break;
      } catch (e) {
        if (attempt > 3 || !/429/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 20_000));
      }
    }
  }
  return out;
}
