// `--self-check`: each invariant must be able to fail. A copy of the data is corrupted the way a torn write would
// leave it (a task missing from an imported plan, a paid list without its approval …) and the checks must report it.
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import type { Engine } from './engines.ts';
import type { Acked } from './http.ts';
import { checkInvariants, type Invariant } from './invariants.ts';

interface Corruption { name: string; invariant: Invariant; statements: string[] }

// Triggers that would refuse the change (the list lock, the append-only audit log) are bypassed the way only the
// database owner can: session_replication_role = replica, for the corrupting transaction only.
const CORRUPTIONS: Corruption[] = [
  {
    name: 'a task of an imported plan deleted', invariant: 'imported-plan-whole',
    statements: [`DELETE FROM tasks WHERE id = (SELECT t.id FROM tasks t JOIN plan_imports i ON i.plan_id = t.plan_id AND i.status = 'confirmed' ORDER BY t.created_at DESC LIMIT 1)`],
  },
  {
    name: 'the line lock trigger disabled', invariant: 'locked-list-not-editable',
    statements: ['ALTER TABLE allowance_lines DISABLE TRIGGER allowance_lines_locked'],
  },
  {
    name: 'a paid list without its approval', invariant: 'paid-list-approved',
    statements: [`UPDATE allowance_lists SET approved_at = NULL, approved_by = NULL WHERE id = (SELECT id FROM allowance_lists WHERE status = 'paid' ORDER BY month DESC LIMIT 1)`],
  },
  {
    name: 'a sent report without its sending time', invariant: 'submission-whole',
    statements: [`UPDATE report_submissions SET submitted_at = NULL WHERE id = (SELECT s.id FROM report_submissions s JOIN audit_events a
      ON a.entity_id = s.id::text AND a.action = 'report.submission.submit' ORDER BY s.created_at DESC LIMIT 1)`],
  },
  {
    name: 'an audit event edited', invariant: 'audit-chain',
    statements: [`UPDATE audit_events SET summary = summary || ' (sửa lén)' WHERE id = (SELECT max(id) FROM audit_events WHERE action = 'allowance.list.pay')`],
  },
  {
    // The newest list the warm-up round was answered about, put back one version: as if the engine lost that commit.
    name: 'an answered list step lost', invariant: 'answered-write-durable',
    statements: [`UPDATE allowance_lists SET version = version - 1 WHERE id = (SELECT id FROM allowance_lists ORDER BY month DESC, updated_at DESC LIMIT 1)`],
  },
  {
    name: 'a list step recorded without its audit event', invariant: 'counts-match-audit',
    statements: [`INSERT INTO allowance_list_events (tenant_id, list_id, action, comment, actor_name)
      SELECT tenant_id, id, 'propose', 'crash-safety self-check', 'self-check' FROM allowance_lists ORDER BY month DESC LIMIT 1`],
  },
];

async function corrupt(db: Db, statements: string[]) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    for (const s of statements) await tx.execute(sql.raw(s));
  });
}

/** Runs every corruption on its own copy; returns how many were caught by the invariant meant to catch them. */
export async function selfCheck(engine: Engine, log: (line: string) => void, acked: Acked[]): Promise<{ corruptions: number; detected: number }> {
  let detected = 0;
  for (const c of CORRUPTIONS) {
    const copy = await engine.copy();
    try {
      await corrupt(copy.db, c.statements);
      const found = await checkInvariants(copy.db, acked);
      const mine = found.filter((v) => v.invariant === c.invariant);
      const others = [...new Set(found.filter((v) => v.invariant !== c.invariant).map((v) => v.invariant))];
      if (mine.length) detected++;
      log(`self-check: ${c.name} → ${c.invariant}: ${mine.length} violation(s)${others.length ? ` (also ${others.join(', ')})` : ''}${mine.length ? '' : '  ✗ NOT DETECTED'}`);
      if (mine[0]) log(`    ${mine[0].detail.slice(0, 400)}`);
    } finally {
      await copy.drop();
    }
  }
  return { corruptions: CORRUPTIONS.length, detected };
}
