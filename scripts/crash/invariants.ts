// The invariants a kill must never break, each a query (or a probe) that returns the rows violating it.
// They read the tables as the owner (no tenant scope, no row-level security), on either engine.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../server/db/client.ts';
import type { Acked } from './http.ts';
import { verifyAllChains } from '../../server/modules/audit/service.ts';

export interface Violation { invariant: string; detail: string }

export const INVARIANTS = [
  'imported-plan-whole',
  'locked-list-not-editable',
  'paid-list-approved',
  'submission-whole',
  'audit-chain',
  'counts-match-audit',
  'answered-write-durable',
] as const;
export type Invariant = (typeof INVARIANTS)[number];

const rows = async (db: Db, text: string) => rowsOf<Record<string, unknown>>(await db.execute(sql.raw(text)));
const show = (r: Record<string, unknown>) => JSON.stringify(r, (_k, v) => (v instanceof Date ? v.toISOString() : v));

/** Audit events of one entity, by action (the index on tenant, entity type and id serves it). */
const audit = (type: string, id: string, tenant: string) =>
  `FROM audit_events a WHERE a.tenant_id = ${tenant} AND a.entity_type = '${type}' AND a.entity_id = ${id}::text`;

/** 1. A confirmed import made its plan with every section, task, target and reporting duty of its draft; no plan is half an import. */
const IMPORTED_PLAN_WHOLE = [
  `SELECT i.id AS import, i.plan_id AS plan, p.id IS NOT NULL AS plan_exists,
     jsonb_array_length(i.draft->'tasks') AS draft_tasks, (SELECT count(*) FROM tasks t WHERE t.plan_id = i.plan_id)::int AS tasks,
     (SELECT count(DISTINCT x->>'code') FROM jsonb_array_elements(i.draft->'sections') x)::int AS draft_sections,
     (SELECT count(*) FROM plan_sections s WHERE s.plan_id = i.plan_id)::int AS sections,
     jsonb_array_length(i.draft->'targets') AS draft_targets, (SELECT count(*) FROM plan_targets g WHERE g.plan_id = i.plan_id)::int AS targets,
     jsonb_array_length(i.draft->'reporting') AS draft_reporting, (SELECT count(*) FROM plan_reporting_duties d WHERE d.plan_id = i.plan_id)::int AS reporting
   FROM plan_imports i LEFT JOIN plans p ON p.id = i.plan_id
   WHERE i.status = 'confirmed' AND (p.id IS NULL
     OR jsonb_array_length(i.draft->'tasks') <> (SELECT count(*) FROM tasks t WHERE t.plan_id = i.plan_id)
     OR (SELECT count(DISTINCT x->>'code') FROM jsonb_array_elements(i.draft->'sections') x) <> (SELECT count(*) FROM plan_sections s WHERE s.plan_id = i.plan_id)
     OR jsonb_array_length(i.draft->'targets') <> (SELECT count(*) FROM plan_targets g WHERE g.plan_id = i.plan_id)
     OR jsonb_array_length(i.draft->'reporting') <> (SELECT count(*) FROM plan_reporting_duties d WHERE d.plan_id = i.plan_id)
     OR p.source_file_id IS DISTINCT FROM i.file_id)`,
  // A plan whose source is an import's file but which no confirmed import names, or which has no task.
  `SELECT p.id AS plan, p.title, 'made from an import file, but no confirmed import names it, or it has no task' AS problem FROM plans p
   WHERE p.source_file_id IN (SELECT file_id FROM plan_imports)
     AND (NOT EXISTS (SELECT 1 FROM plan_imports i WHERE i.plan_id = p.id AND i.status = 'confirmed') OR NOT EXISTS (SELECT 1 FROM tasks t WHERE t.plan_id = p.id))`,
  `SELECT i.id AS import, i.status, i.plan_id AS plan, 'an unconfirmed import names a plan' AS problem FROM plan_imports i WHERE i.status <> 'confirmed' AND i.plan_id IS NOT NULL`,
];

/** 3. A list approved (or paid) has its approval, recorded once in its history and its audit trail; a paid list its payment, of its total. */
const PAID_LIST_APPROVED = [
  `SELECT l.id AS list, l.month, l.status, l.proposed_at, l.approved_at, l.approved_by, l.paid_on, l.paid_by, l.paid_amount, tot.total,
     ev.approve AS approve_events, ev.pay AS pay_events, au.approve AS approve_audit, au.pay AS pay_audit
   FROM allowance_lists l
   CROSS JOIN LATERAL (SELECT coalesce(sum(amount) FILTER (WHERE included), 0)::bigint AS total FROM allowance_lines WHERE list_id = l.id) tot
   CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE action = 'approve')::int AS approve, count(*) FILTER (WHERE action = 'pay')::int AS pay FROM allowance_list_events WHERE list_id = l.id) ev
   CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE a.action = 'allowance.list.approve')::int AS approve, count(*) FILTER (WHERE a.action = 'allowance.list.pay')::int AS pay
     ${audit('allowance_list', 'l.id', 'l.tenant_id')}) au
   WHERE (l.status IN ('approved', 'paid') AND (l.proposed_at IS NULL OR l.approved_at IS NULL OR l.approved_by IS NULL OR ev.approve <> 1 OR au.approve <> 1))
      OR (l.status = 'paid' AND (l.paid_on IS NULL OR l.paid_by IS NULL OR l.paid_amount IS DISTINCT FROM tot.total OR l.pay_period = '' OR ev.pay <> 1 OR au.pay <> 1))
      OR (l.status NOT IN ('approved', 'paid') AND (ev.pay + au.pay > 0 OR l.paid_on IS NOT NULL OR l.paid_by IS NOT NULL))
      OR l.status NOT IN ('draft', 'proposed', 'returned', 'approved', 'paid')`,
];

/**
 * 4. A report is never half-saved: a sent one has its first-sent time, timeliness and values; an approved one its approval;
 * each step has its history row; and for the reports made through the API (not the demo's direct inserts) every
 * history row has its audit event and the other way round.
 */
const SUBMISSION_WHOLE = [
  `SELECT s.id AS submission, s.status, s.period_key, s.submitted_at, s.on_time, s.approved_at, s.values, ev.n AS events, ev.submit AS submit_events, ev.approve AS approve_events,
     au.n AS audit_events, au.submit AS submit_audit, au.approve AS approve_audit
   FROM report_submissions s
   CROSS JOIN LATERAL (SELECT count(*)::int AS n, count(*) FILTER (WHERE action = 'submit')::int AS submit, count(*) FILTER (WHERE action = 'approve')::int AS approve FROM report_submission_events WHERE submission_id = s.id) ev
   CROSS JOIN LATERAL (SELECT count(*)::int AS n, count(*) FILTER (WHERE a.action = 'report.submission.submit')::int AS submit, count(*) FILTER (WHERE a.action = 'report.submission.approve')::int AS approve
     ${audit('report_submission', 's.id', 's.tenant_id')}) au
   WHERE EXISTS (SELECT 1 FROM audit_events c WHERE c.tenant_id = s.tenant_id AND c.entity_type = 'report_schedule' AND c.entity_id = s.schedule_id::text AND c.action = 'report.schedule.create')
     AND (ev.n = 0
       OR (s.status IN ('submitted', 'returned', 'approved', 'reopened') AND (s.submitted_at IS NULL OR s.last_submitted_at IS NULL OR s.on_time IS NULL OR s.values = '{}'::jsonb OR ev.submit <> 1))
       OR (s.status = 'approved' AND (s.approved_at IS NULL OR s.approved_by IS NULL OR ev.approve < 1))
       OR (s.status = 'draft' AND (s.submitted_at IS NOT NULL OR ev.submit > 0))
       OR au.n <> ev.n OR au.submit <> ev.submit OR au.approve <> ev.approve)`,
];

/** 6. What the tables hold equals what the audit log says was done. */
const COUNTS = `
  WITH api_submissions AS (
    SELECT s.* FROM report_submissions s WHERE EXISTS (SELECT 1 FROM audit_events c WHERE c.tenant_id = s.tenant_id AND c.entity_type = 'report_schedule' AND c.entity_id = s.schedule_id::text AND c.action = 'report.schedule.create')
  ), counts(what, rows, events) AS (
    SELECT 'plan imports read / plan.import.read', (SELECT count(*) FROM plan_imports), (SELECT count(*) FROM audit_events WHERE action = 'plan.import.read')
    UNION ALL SELECT 'imports confirmed / plan.import.confirm', (SELECT count(*) FROM plan_imports WHERE status = 'confirmed'), (SELECT count(*) FROM audit_events WHERE action = 'plan.import.confirm')
    UNION ALL SELECT 'plans of confirmed imports / plan.create', (SELECT count(*) FROM plans p WHERE EXISTS (SELECT 1 FROM plan_imports i WHERE i.plan_id = p.id AND i.status = 'confirmed')), (SELECT count(*) FROM audit_events WHERE action = 'plan.create')
    UNION ALL SELECT 'tasks of imported plans / plan.task.create', (SELECT count(*) FROM tasks t JOIN plan_imports i ON i.plan_id = t.plan_id AND i.status = 'confirmed'), (SELECT count(*) FROM audit_events WHERE action = 'plan.task.create')
    UNION ALL SELECT 'allowance lists / allowance.list.generate (lists)', (SELECT count(*) FROM allowance_lists), (SELECT count(DISTINCT entity_id) FROM audit_events WHERE action = 'allowance.list.generate')
    UNION ALL SELECT 'lists approved or paid / allowance.list.approve', (SELECT count(*) FROM allowance_lists WHERE status IN ('approved', 'paid')), (SELECT count(*) FROM audit_events WHERE action = 'allowance.list.approve')
    UNION ALL SELECT 'lists paid / allowance.list.pay', (SELECT count(*) FROM allowance_lists WHERE status = 'paid'), (SELECT count(*) FROM audit_events WHERE action = 'allowance.list.pay')
    UNION ALL SELECT 'list history generate+regenerate / allowance.list.generate', (SELECT count(*) FROM allowance_list_events WHERE action IN ('generate', 'regenerate')), (SELECT count(*) FROM audit_events WHERE action = 'allowance.list.generate')
    UNION ALL SELECT 'list history ' || x.action || ' / allowance.list.' || x.action, (SELECT count(*) FROM allowance_list_events e WHERE e.action = x.action), (SELECT count(*) FROM audit_events a WHERE a.action = 'allowance.list.' || x.action)
      FROM (VALUES ('propose'), ('return'), ('approve'), ('pay'), ('include'), ('exclude'), ('add')) x(action)
    UNION ALL SELECT 'reports sent / report.submission.submit', (SELECT count(*) FROM api_submissions WHERE submitted_at IS NOT NULL),
      (SELECT count(*) FROM audit_events a WHERE a.action = 'report.submission.submit' AND a.entity_id IN (SELECT id::text FROM api_submissions))
    UNION ALL SELECT 'reports approved / report.submission.approve', (SELECT count(*) FROM api_submissions WHERE status = 'approved'),
      (SELECT count(*) FROM audit_events a WHERE a.action = 'report.submission.approve' AND a.entity_id IN (SELECT id::text FROM api_submissions))
  )
  SELECT what, rows::int, events::int FROM counts WHERE rows <> events`;

/** Audit events of the workload's kinds whose entity is not there: the event committed without its change. */
const ORPHAN_EVENTS = `
  SELECT a.tenant_id, a.seq, a.action, a.entity_id, 'event without its row' AS problem FROM audit_events a WHERE
       (a.action = 'plan.import.read' AND NOT EXISTS (SELECT 1 FROM plan_imports i WHERE i.id::text = a.entity_id))
    OR (a.action IN ('plan.import.confirm', 'plan.create') AND NOT EXISTS (SELECT 1 FROM plans p WHERE p.id::text = a.entity_id))
    OR (a.action = 'plan.task.create' AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id::text = a.entity_id))
    OR (a.action LIKE 'allowance.list.%' AND NOT EXISTS (SELECT 1 FROM allowance_lists l WHERE l.id::text = a.entity_id))
    OR (a.action LIKE 'report.submission.%' AND NOT EXISTS (SELECT 1 FROM report_submissions s WHERE s.id::text = a.entity_id))
    OR (a.action = 'file.upload' AND NOT EXISTS (SELECT 1 FROM files f WHERE f.id::text = a.entity_id))`;

class Rollback extends Error {}
const sqlState = (e: unknown): string => {
  const err = e as { code?: string; cause?: { code?: string; message?: string }; message?: string };
  return err.code ?? err.cause?.code ?? `(${err.cause?.message ?? err.message})`;
};

/**
 * 2. An approved or paid list cannot be changed: for each, try to change a line, delete it, add one and move the list back
 * to draft, each in a savepoint of a transaction that is rolled back, and expect the lock triggers to refuse every one
 * (SQLSTATE 23514). A trigger disabled or dropped, or a list whose status the triggers do not read as locked, shows here.
 */
async function lockedListsProbe(db: Db): Promise<Violation[]> {
  const out: Violation[] = [];
  const add = (detail: string) => out.push({ invariant: 'locked-list-not-editable', detail });
  for (const r of await rows(db, `SELECT t.name FROM (VALUES ('allowance_lines', 'allowance_lines_locked'), ('allowance_lists', 'allowance_lists_locked')) t(tbl, name)
      WHERE NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.tbl::regclass AND g.tgname = t.name AND g.tgenabled <> 'D')`)) add(`trigger ${r.name} missing or disabled`);
  await db.transaction(async (tx) => {
    const lists = rowsOf<{ id: string; status: string; line: string | null }>(await tx.execute(sql`
      SELECT l.id, l.status, (SELECT id FROM allowance_lines WHERE list_id = l.id LIMIT 1) AS line FROM allowance_lists l WHERE l.status IN ('approved', 'paid')`));
    for (const l of lists) {
      const attempts = [
        ...(l.line ? [['change a line', sql`UPDATE allowance_lines SET amount = amount + 1, included = NOT included WHERE id = ${l.line}`], ['delete a line', sql`DELETE FROM allowance_lines WHERE id = ${l.line}`]] as const : []),
        ['add a line', sql`INSERT INTO allowance_lines (tenant_id, list_id, person_id, kind, for_month, person_name, amount, engine_eligible, included)
          SELECT tenant_id, id, gen_random_uuid(), 'adjustment', '1999-01', 'crash-safety probe', 1, false, true FROM allowance_lists WHERE id = ${l.id}`],
        ['move the list back to draft', sql`UPDATE allowance_lists SET status = 'draft' WHERE id = ${l.id}`],
      ] as const;
      for (const [what, statement] of attempts) {
        const outcome = await tx.transaction(async (sp) => { await sp.execute(statement); }).then(() => 'accepted', sqlState);
        if (outcome !== '23514') add(`list ${l.id} (${l.status}): "${what}" was not refused by the lock (${outcome})`);
      }
    }
    throw new Rollback();
  }).catch((e) => { if (!(e instanceof Rollback)) throw e; });
  return out;
}

/**
 * 7. Durability: a change answered before the kill was committed, so after the restart its row is there, at least at
 * the version the answer showed (lists and reports bump their version on every change). A commit the engine lost
 * would leave the data consistent, so the six invariants above could not see it.
 */
async function durable(db: Db, acked: Acked[]): Promise<Violation[]> {
  const latest = new Map<string, Acked>();
  for (const a of acked) {
    const key = `${a.table}:${a.id}`;
    if ((latest.get(key)?.version ?? -1) < (a.version ?? 0)) latest.set(key, a);
  }
  const out: Violation[] = [];
  for (const a of latest.values()) {
    const [row] = rowsOf<{ version: number | null }>(await db.execute(a.table === 'plan_imports' || a.table === 'plans'
      ? sql`SELECT NULL::int AS version FROM ${sql.identifier(a.table)} WHERE id = ${a.id}`
      : sql`SELECT version FROM ${sql.identifier(a.table)} WHERE id = ${a.id}`));
    if (!row) out.push({ invariant: 'answered-write-durable', detail: `${a.table} ${a.id} was answered before the kill but is gone` });
    else if (a.version !== undefined && (row.version ?? 0) < a.version) {
      out.push({ invariant: 'answered-write-durable', detail: `${a.table} ${a.id} was answered at version ${a.version} before the kill, is at ${row.version} after the restart` });
    }
  }
  return out;
}

/** Every invariant over the whole database (and the answers given before the kill); an empty list when all hold. */
export async function checkInvariants(db: Db, acked: Acked[] = []): Promise<Violation[]> {
  const out: Violation[] = [];
  const query = async (invariant: Invariant, texts: string[]) => {
    for (const text of texts) for (const r of await rows(db, text)) out.push({ invariant, detail: show(r) });
  };
  await query('imported-plan-whole', IMPORTED_PLAN_WHOLE);
  out.push(...(await lockedListsProbe(db)));
  await query('paid-list-approved', PAID_LIST_APPROVED);
  await query('submission-whole', SUBMISSION_WHOLE);
  for (const chain of await verifyAllChains(db)) {
    if (chain.broken) out.push({ invariant: 'audit-chain', detail: `chain ${chain.chain} (${chain.events} events) broken: ${JSON.stringify(chain.broken)}` });
  }
  await query('counts-match-audit', [COUNTS, ORPHAN_EVENTS]);
  out.push(...(await durable(db, acked)));
  return out;
}
