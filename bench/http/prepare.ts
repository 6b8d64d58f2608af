// What the scenarios need from a benchmark database, read before kehoach starts (PGlite admits one
// process at a time): the province-sized tenant's users and records, and a session for each unit's
// focal point for the report surge.
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Tx } from '../../server/db/client.ts';
import { withSystem } from '../../server/db/context.ts';
import { createSession } from '../../server/modules/auth/sessions.ts';
import type { Session } from './load.ts';

export interface SurgeSlot { scheduleId: string; period: string; unitId: string; session: Session }

export interface BenchPlan {
  tenantId: string;
  leader: string;
  division: string;
  /** Focal points of the units with most work this month, with their unit. */
  focal: { username: string; unitId: string }[];
  /** Open occurrences of those units, to record progress on. */
  openOccurrences: { unitId: string; id: string }[];
  plan30: string;
  bigPlan: { id: string; tasks: number } | null;
  consolidation: { scheduleId: string; period: string; approved: number } | null;
  surge: SurgeSlot[];
}

const rows = async <T>(tx: Tx, q: ReturnType<typeof sql>) => rowsOf<T>(await tx.execute(q));

const monthEnd = (from: string) => {
  const d = new Date(`${from}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
};

export async function prepare(database: Database, today: string, focalCount: number, surgeSlots: number): Promise<BenchPlan> {
  return withSystem(database.db, async (tx) => {
    const [tenant] = await rows<{ id: string; code: string }>(tx, sql`SELECT id, code FROM tenants WHERE code = 't01'`);
    if (!tenant) throw new Error('Không thấy Sở t01 trong dữ liệu đo tải: hãy chạy npm run bench:data trước.');
    const t = tenant.id;
    const from = `${today.slice(0, 7)}-01`;
    const to = monthEnd(from);
    const focal = await rows<{ username: string; unitId: string }>(tx, sql`
      SELECT DISTINCT ON (o.unit_id) u.username, o.unit_id AS "unitId", o.n FROM (
        SELECT unit_id, count(*) AS n FROM occurrences WHERE tenant_id = ${t} AND due_on BETWEEN ${from} AND ${to} GROUP BY unit_id ORDER BY n DESC LIMIT ${focalCount}
      ) o JOIN role_grants g ON g.unit_id = o.unit_id AND g.role = 'unit_focal' JOIN users u ON u.id = g.user_id
      ORDER BY o.unit_id, u.username`);
    const openOccurrences = await rows<{ unitId: string; id: string }>(tx, sql`
      SELECT o.unit_id AS "unitId", o.id FROM occurrences o JOIN plans p ON p.id = o.plan_id AND p.status = 'active'
      WHERE o.tenant_id = ${t} AND o.completed_on IS NULL AND o.unit_id IN (${sql.join(focal.map((f) => sql`${f.unitId}`), sql`, `)})
      ORDER BY o.id LIMIT 5000`);
    const [leader] = await rows<{ username: string }>(tx, sql`SELECT username FROM users WHERE tenant_id = ${t} AND username LIKE '%.lanhdao1'`);
    const [plan30] = await rows<{ id: string; division: string }>(tx, sql`
      SELECT p.id, (SELECT u.username FROM role_grants g JOIN users u ON u.id = g.user_id WHERE g.unit_id = p.owner_unit_id AND g.role IN ('division_staff', 'unit_focal') ORDER BY u.username LIMIT 1) AS division
      FROM plans p JOIN org_units ou ON ou.id = p.owner_unit_id
      WHERE p.tenant_id = ${t} AND p.status = 'active' AND ou.kind = 'division'
      ORDER BY abs((SELECT count(*) FROM tasks WHERE plan_id = p.id) - 30), p.number LIMIT 1`);
    const [big] = await rows<{ id: string; tasks: number }>(tx, sql`
      SELECT plan_id AS id, count(*)::int AS tasks FROM tasks WHERE tenant_id = ${t} GROUP BY plan_id HAVING count(*) >= 5000 LIMIT 1`);
    // The most recent month whose reports are in: the consolidated report over every unit.
    const [cons] = await rows<{ scheduleId: string; period: string; approved: number }>(tx, sql`
      SELECT schedule_id AS "scheduleId", period_key AS period, count(*)::int AS approved FROM report_submissions
      WHERE tenant_id = ${t} AND status = 'approved' GROUP BY 1, 2 ORDER BY 2 DESC, 3 DESC LIMIT 1`);
    return {
      tenantId: t, leader: leader.username, division: plan30.division, focal, openOccurrences,
      plan30: plan30.id, bigPlan: big ?? null, consolidation: cons ?? null,
      surge: await surgeSessions(tx, today.slice(0, 7), surgeSlots),
    };
  });
}

/**
 * The current month of every report schedule in every tenant, for every unit that owes it and has not
 * sent it, with a session of the unit's focal point. Sessions are made here as log-in makes them:
 * 7,000 log-ins would measure argon2, not the report path, and people log in before the deadline rush.
 */
async function surgeSessions(tx: Tx, period: string, limit: number): Promise<SurgeSlot[]> {
  const slots = await rows<{ scheduleId: string; unitId: string; userId: string; username: string; tenantId: string }>(tx, sql`
    SELECT s.id AS "scheduleId", u.id AS "unitId", f.user_id AS "userId", f.username, s.tenant_id AS "tenantId"
    FROM report_schedules s JOIN org_units u ON u.tenant_id = s.tenant_id AND u.kind = 'unit' AND u.active
    CROSS JOIN LATERAL (SELECT g.user_id, us.username FROM role_grants g JOIN users us ON us.id = g.user_id
      WHERE g.unit_id = u.id AND g.role = 'unit_focal' ORDER BY us.username LIMIT 1) f
    WHERE s.active AND NOT EXISTS (SELECT 1 FROM report_submissions r WHERE r.schedule_id = s.id AND r.unit_id = u.id AND r.period_key = ${period})
    ORDER BY s.tenant_id, s.id, u.id LIMIT ${limit}`);
  const sessions = new Map<string, Session>();
  for (const s of slots) {
    if (sessions.has(s.userId)) continue;
    const made = await createSession(tx, s.userId, s.tenantId);
    sessions.set(s.userId, { username: s.username, cookie: made.token, csrf: made.csrfToken });
  }
  // Interleave: every unit's first report, then every unit's second …, so that concurrent requests come
  // from different units of different tenants, as a real rush does.
  const nth = new Map<string, number>();
  const out = slots.map((s) => {
    const k = nth.get(s.unitId) ?? 0;
    nth.set(s.unitId, k + 1);
    return { k, slot: { scheduleId: s.scheduleId, period, unitId: s.unitId, session: sessions.get(s.userId)! } };
  });
  return out.sort((a, b) => a.k - b.k || a.slot.unitId.localeCompare(b.slot.unitId)).map((x) => x.slot);
}
