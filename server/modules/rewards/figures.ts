// A unit's task rewards in a report's period, for the semi-annual report of seed 000 (section 6): proposals sent
// in the period, and rewards decided in it with their money.
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';

export interface RewardFigures {
  tasksProposed: number; tasksRewarded: number;
  collectivesProposed: number; collectivesRewarded: number;
  individualsProposed: number; individualsRewarded: number;
  amount: number;
}

export async function rewardFigures(tx: Tx, unitId: string, start: string, end: string): Promise<RewardFigures> {
  const rows = rowsOf<{ subject: string; proposed: string; rewarded: string; amount: string }>(await tx.execute(sql`
    SELECT a.subject,
      count(*) FILTER (WHERE ((p.proposed_at AT TIME ZONE 'UTC') + interval '7 hours')::date BETWEEN ${start}::date AND ${end}::date) AS proposed,
      count(*) FILTER (WHERE p.status = 'approved' AND p.decision_date BETWEEN ${start}::date AND ${end}::date) AS rewarded,
      coalesce(sum(p.decided_amount) FILTER (WHERE p.status = 'approved' AND p.decision_date BETWEEN ${start}::date AND ${end}::date), 0) AS amount
    FROM reward_proposals p JOIN achievements a ON a.id = p.achievement_id
    WHERE p.unit_id = ${unitId}
    GROUP BY a.subject`));
  const of = (s: string) => rows.find((r) => r.subject === s);
  const n = (v: string | undefined) => Number(v ?? 0);
  return {
    tasksProposed: n(of('task')?.proposed), tasksRewarded: n(of('task')?.rewarded),
    collectivesProposed: n(of('collective')?.proposed), collectivesRewarded: n(of('collective')?.rewarded),
    individualsProposed: n(of('individual')?.proposed), individualsRewarded: n(of('individual')?.rewarded),
    amount: rows.reduce((s, r) => s + Number(r.amount), 0),
  };
}
