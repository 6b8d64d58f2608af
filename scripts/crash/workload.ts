// What runs while the server is killed: plan imports (upload, confirm), the allowance's monthly lists (ratings,
// generate, propose, return or approve, pay) of Hà Nội's three paying units, and two hospitals' monthly reports
// (save, submit, sometimes approve) — each a stream of requests by the demo account whose duty it is. A stream
// keeps its place across trials and asks the server where it stands, so it resumes whatever the kill left.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../server/paths.ts';
import { Killed, Unexpected, type Session, type Target } from './http.ts';

export type Rng = () => number;

/** A small seeded generator (mulberry32): the kill moments and the workload's choices repeat with the seed. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The frozen clock of the trials: far enough ahead that the lists of 18 years of months can still be drawn up. */
export const TRIAL_NOW = '2045-06-15T09:00:00+07:00';
/** The demo is made on this day (its "current month", December 2026, is the lists' draft month). */
export const SEED_NOW = '2026-12-07T09:00:00+07:00';
const TODAY = TRIAL_NOW.slice(0, 10);

const IMPORTERS = [
  { username: 'dt.vanphong', file: 'seed-003.txt' },
  { username: 'hp.tchc', file: 'seed-004.txt' },
];
const PAYERS = [
  { it: 'hn.cntt', hr: 'hn.tccb', finance: 'hn.khtc' },
  { it: 'hn.xanhpon', hr: 'hn.xanhpon.tccb', finance: 'hn.xanhpon.ketoan' },
  { it: 'hn.thanhnhan', hr: 'hn.thanhnhan.tccb', finance: 'hn.thanhnhan.ketoan' },
];
const REPORTERS = ['hn.xanhpon', 'hn.thanhnhan.tdkt'];
const REVIEWER = 'hn.tccb';

export const ACCOUNTS = [...new Set([...IMPORTERS.map((i) => i.username), ...PAYERS.flatMap((p) => [p.it, p.hr, p.finance]), ...REPORTERS, REVIEWER])];

const nextMonth = (m: string) => { const [y, mo] = m.split('-').map(Number); return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`; };

/** Where each stream stands; kept by the parent across the kills (the server's answers correct it). */
export interface Plan {
  imports: { who: Session; ownerUnitId: string; file: Buffer; name: string }[];
  payers: { it: Session; hr: Session; finance: Session; unitId: string; month: string }[];
  reports: { who: Session; unitId: string; period: string }[];
  reviewer: Session;
  scheduleId: string;
}

const unitOf = async (t: Target, who: Session, role: string) => {
  const me = await t.call<{ grants: { role: string; unitId: string }[] }>(who, 'GET', '/api/auth/me');
  const g = me.grants.find((x) => x.role === role);
  if (!g) throw new Error(`${who.username} has no ${role} grant`);
  return g.unitId;
};

/** Once, before the first trial: the units of each duty, and a monthly report schedule of two hospitals for the tccb division. */
export async function prepare(t: Target, sessions: Map<string, Session>): Promise<Plan> {
  const s = (u: string) => sessions.get(u)!;
  const imports = [];
  for (const i of IMPORTERS) {
    imports.push({ who: s(i.username), ownerUnitId: await unitOf(t, s(i.username), 'division_staff'), file: readFileSync(join(ROOT, 'fixtures', 'import', i.file)), name: i.file });
  }
  const payers = [];
  for (const p of PAYERS) payers.push({ it: s(p.it), hr: s(p.hr), finance: s(p.finance), unitId: await unitOf(t, s(p.it), 'allowance_it'), month: SEED_NOW.slice(0, 7) });
  const reporters = [];
  for (const r of REPORTERS) reporters.push({ who: s(r), unitId: await unitOf(t, s(r), 'unit_focal'), period: TODAY.slice(0, 7) });
  const reviewer = s(REVIEWER);
  const template = await t.call<{ id: string }>(reviewer, 'POST', '/api/report-templates', {
    name: 'Báo cáo tháng kết quả chuyển đổi số (kiểm thử an toàn khi sập)',
    description: 'Biểu mẫu của scripts/crash.mts',
    definition: {
      sections: [{ key: 'ketqua', title: 'Kết quả thực hiện trong tháng', fields: [
        { key: 'tasksDue', label: 'Số nhiệm vụ đến hạn', type: 'number', required: true },
        { key: 'tasksDone', label: 'Số nhiệm vụ đã hoàn thành', type: 'number', required: true },
        { key: 'result', label: 'Kết quả nổi bật', type: 'text', required: true },
      ] }],
      rules: [{ kind: 'compare', left: 'tasksDone', op: '<=', right: 'tasksDue', message: 'Số nhiệm vụ đã hoàn thành không thể nhiều hơn số nhiệm vụ đến hạn' }],
    },
  });
  const schedule = await t.call<{ id: string }>(reviewer, 'POST', '/api/report-schedules', {
    title: 'Báo cáo tháng chuyển đổi số của bệnh viện (kiểm thử an toàn khi sập)', templateId: template.id,
    ownerUnitId: await unitOf(t, reviewer, 'division_staff'), periodType: 'month', dueRule: { kind: 'dayOfNextMonth', day: 5 },
    graceDays: 0, lockDays: 3660, assigneeMode: 'list', assigneeUnitIds: reporters.map((r) => r.unitId), startsOn: `${TODAY.slice(0, 7)}-01`,
  });
  return { imports, payers, reports: reporters, reviewer, scheduleId: schedule.id };
}

/** Upload a plan document and confirm its draft as a plan, `cycles` times. */
async function importStream(t: Target, p: Plan['imports'][number], cycles: number) {
  for (let n = 0; n < cycles; n++) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(p.file)], { type: 'text/plain' }), p.name);
    const read = await t.call<{ id: string; draft: unknown }>(p.who, 'POST', '/api/plan-imports', form);
    t.promised({ table: 'plan_imports', id: read.id });
    const made = await t.call<{ planId: string }>(p.who, 'POST', `/api/plan-imports/${read.id}/confirm`, {
      draft: read.draft, unitMap: {}, plan: { ownerUnitId: p.ownerUnitId, periodStart: '2027-01-01', periodEnd: '2027-12-31' },
    });
    t.promised({ table: 'plans', id: made.planId });
  }
}

interface ListView { id: string; status: string; version: number; month: string; totals: { total: number } }

/** One paying unit's months, each rated, drawn up, proposed, approved (sometimes returned first) and paid, until `cycles` are paid. */
async function allowanceStream(t: Target, p: Plan['payers'][number], r: Rng, cycles: number) {
  let paid = 0;
  let view = (await t.call<{ list: ListView | null }>(p.it, 'GET', `/api/allowance/units/${p.unitId}/lists/${p.month}`)).list;
  for (;;) {
    if (view) t.promised({ table: 'allowance_lists', id: view.id, version: view.version });
    if (!view) {
      const ratings = await t.call<{ items: { personId: string }[] }>(p.hr, 'GET', `/api/allowance/units/${p.unitId}/ratings?month=${p.month}`);
      const rating = () => { const x = r(); return x < 0.05 ? 'not_done' : x < 0.2 ? 'done' : x < 0.8 ? 'good' : 'excellent'; };
      if (ratings.items.length) await t.call(p.hr, 'PUT', `/api/allowance/units/${p.unitId}/ratings`, { month: p.month, items: ratings.items.map((i) => ({ personId: i.personId, rating: rating() })) });
      view = await t.call<ListView>(p.it, 'POST', `/api/allowance/units/${p.unitId}/lists/${p.month}`);
      continue;
    }
    const base = `/api/allowance/lists/${view.id}`;
    switch (view.status) {
      case 'draft': case 'returned':
        view = await t.call<ListView>(p.it, 'POST', `${base}/propose`, { version: view.version });
        break;
      case 'proposed':
        view = r() < 0.15
          ? await t.call<ListView>(p.hr, 'POST', `${base}/return`, { version: view.version, comment: 'Rà soát lại xếp loại của cán bộ trước khi đề xuất.' })
          : await t.call<ListView>(p.hr, 'POST', `${base}/approve`, { version: view.version, decisionNo: `${Math.floor(r() * 900) + 100}/QĐ-DS` });
        break;
      case 'approved': {
        const on = `${nextMonth(view.month)}-05`;
        view = await t.call<ListView>(p.finance, 'POST', `${base}/pay`, {
          version: view.version, payPeriod: `Kỳ lương tháng ${Number(view.month.slice(5))}/${view.month.slice(0, 4)}`, paidOn: on < TODAY ? on : TODAY, amount: view.totals.total,
        });
        break;
      }
      case 'paid':
        if (++paid > cycles) return;
        p.month = nextMonth(p.month);
        if (p.month >= TODAY.slice(0, 7)) return; // the lists of the trial clock's month and later cannot be drawn up yet
        view = (await t.call<{ list: ListView | null }>(p.it, 'GET', `/api/allowance/units/${p.unitId}/lists/${p.month}`)).list;
        break;
      default: throw new Unexpected(`list ${view.id} in unknown status ${view.status}`);
    }
  }
}

interface SubmissionView { id: string | null; state: string; version: number }

/** One hospital's monthly reports: saved, then submitted, and approved by the division half of the time. */
async function reportStream(t: Target, p: Plan['reports'][number], plan: Plan, r: Rng, cycles: number) {
  for (let n = 0; n < cycles; n++) {
    const path = `/api/report-schedules/${plan.scheduleId}/periods/${p.period}/units/${p.unitId}`;
    let sub = await t.call<SubmissionView>(p.who, 'GET', path);
    if (['missing', 'draft', 'returned', 'reopened'].includes(sub.state)) {
      const due = 5 + Math.floor(r() * 20);
      const values = { tasksDue: due, tasksDone: Math.floor(r() * (due + 1)), result: `Hoàn thành ${due} nhiệm vụ chuyển đổi số của tháng ${p.period}.` };
      sub = await t.call<SubmissionView>(p.who, 'PUT', path, { values, version: sub.version });
      t.promised({ table: 'report_submissions', id: sub.id!, version: sub.version });
      sub = await t.call<SubmissionView>(p.who, 'POST', `${path}/submit`, { values, version: sub.version });
      t.promised({ table: 'report_submissions', id: sub.id!, version: sub.version });
      if (r() < 0.5) sub = await t.call<SubmissionView>(plan.reviewer, 'POST', `/api/report-submissions/${sub.id}/review`, { action: 'approve' });
      t.promised({ table: 'report_submissions', id: sub.id!, version: sub.version });
    }
    p.period = nextMonth(p.period);
  }
}

/** Every stream at once, each `cycles` times (Infinity: until the kill). Resolves when all have stopped. */
export async function runWorkload(t: Target, plan: Plan, seed: number, cycles = Infinity): Promise<void> {
  const streams = [
    ...plan.imports.map((p) => () => importStream(t, p, cycles)),
    ...plan.payers.map((p, i) => () => allowanceStream(t, p, rng(seed * 31 + i), cycles)),
    ...plan.reports.map((p, i) => () => reportStream(t, p, plan, rng(seed * 37 + i), cycles)),
  ];
  const results = await Promise.allSettled(streams.map((s) => s()));
  for (const res of results) {
    if (res.status === 'fulfilled' || res.reason instanceof Killed) continue;
    t.unexpected.push(res.reason instanceof Unexpected ? res.reason.message : String((res.reason as Error).stack ?? res.reason));
  }
}
