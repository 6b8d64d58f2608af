// HTTP load with autocannon. Percentiles are computed here from every response's time, because
// autocannon reports p97.5 but not the p95 the figures are stated in.
import autocannon from 'autocannon';

export interface Session { username: string; cookie: string; csrf: string }

export interface LoadRequest { method: 'GET' | 'POST' | 'PUT'; path: string; session: Session; body?: unknown }

export interface LoadOptions {
  /** Concurrent connections (each keeps one request in flight). */
  connections: number;
  /** Seconds to run, or a fixed number of requests with `amount`. */
  duration?: number;
  amount?: number;
  /** Requests per second over all connections (open loop); unset = as fast as answers come (closed loop). */
  rate?: number;
  /** The next request to send; called once per request. */
  next: () => LoadRequest;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Status codes other than 2xx, with their counts, and the first error body seen. */
  statuses: Record<string, number>;
  firstError?: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rps: number;
  seconds: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (x: number) => Math.round(x * 10) / 10;

export async function runLoad(base: string, o: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let firstError: string | undefined;
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections: o.connections,
    ...(o.amount ? { amount: o.amount } : { duration: o.duration ?? 10 }),
    ...(o.rate ? { overallRate: o.rate } : {}),
    timeout: 30,
    requests: [{
      setupRequest: (req: Record<string, unknown>) => {
        const r = o.next();
        const headers: Record<string, string> = { cookie: `kehoach_session=${r.session.cookie}`, 'x-csrf-token': r.session.csrf };
        if (r.body !== undefined) headers['content-type'] = 'application/json';
        return { ...req, method: r.method, path: r.path, headers, body: r.body === undefined ? undefined : JSON.stringify(r.body) };
      },
      onResponse: (status: number, body: string) => {
        if (status >= 300 && !firstError) firstError = `${status} ${body.slice(0, 300)}`;
      },
    }],
  } as autocannon.Options);
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    if (statusCode >= 300) statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const errors = Object.values(statuses).reduce((a, b) => a + b, 0) + result.errors + result.timeouts;
  if (result.errors || result.timeouts) statuses.connection = result.errors + result.timeouts;
  return {
    requests: times.length, errors, statuses, firstError,
    p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times[times.length - 1] ?? 0),
    rps: round(times.length / seconds), seconds: round(seconds),
  };
}

/** Real log-in over HTTP: the session cookie and the CSRF token a browser would hold. */
export async function logIn(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`Đăng nhập ${username} thất bại: ${res.status} ${await res.text()}`);
  const cookie = /kehoach_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`Đăng nhập ${username}: không nhận được cookie phiên`);
  return { username, cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** One request, timed (for the export scenarios, which are single heavy requests). */
export async function timed(base: string, path: string, s: Session): Promise<{ ms: number; bytes: number; status: number }> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie: `kehoach_session=${s.cookie}` } });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: round(performance.now() - started), bytes, status: res.status };
}
