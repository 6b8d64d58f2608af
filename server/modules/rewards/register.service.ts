// The one register of achievements as the duplicate check reads it: every achievement sharing a nominee-and-task
// key, with what rests on it — task rewards under Resolution 07 and commendations of the emulation movements.
import { inArray } from 'drizzle-orm';
import { AWARD_FORMS } from '../../../core/emulation/forms.ts';
import { NOMINATION_STATUS_LABELS } from '../../../core/emulation/workflow.ts';
import type { RegisterEntry } from '../../../core/rewards/register.ts';
import { formatViDate } from '../../../core/schedule/dates.ts';
import { formatViNumber } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { achievements, nominations, rewardProposals } from '../../db/schema/index.ts';

export type Outcome = RegisterEntry['outcomes'][number];

/** Entries with their outcomes; `ref` names the reward proposal or nomination an outcome comes from. */
export async function registerFor(tx: Tx, keys: string[]): Promise<RegisterEntry[]> {
  if (!keys.length) return [];
  const rows = await tx.select().from(achievements).where(inArray(achievements.matchKey, keys));
  if (!rows.length) return [];
  const ids = rows.map((a) => a.id);
  const rewards = await tx.select().from(rewardProposals).where(inArray(rewardProposals.achievementId, ids));
  const commendations = await tx.select().from(nominations).where(inArray(nominations.achievementId, ids));
  return rows.map((a) => ({
    id: a.id, matchKey: a.matchKey, period: a.period,
    outcomes: [
      ...rewards.filter((p) => p.achievementId === a.id && p.status !== 'rejected').map((p): Outcome => ({
        ref: p.id, kind: 'reward', status: p.status,
        text: p.status === 'approved' ? `Đã thưởng theo Quyết định số ${p.decisionNo} (${formatViNumber(p.decidedAmount ?? 0)} đồng): ${a.title}` : `Đang đề nghị thưởng: ${a.title}`,
      })),
      // A draft is the unit's own work in progress, a failed one received nothing: neither is an outcome.
      ...commendations.filter((n) => n.achievementId === a.id && n.status !== 'draft' && n.status !== 'failed').map((n): Outcome => ({
        ref: n.id, kind: 'commendation', status: n.status,
        text: n.status === 'decided'
          ? `Đã khen thưởng ${AWARD_FORMS[n.form].name} theo Quyết định số ${n.decisionNo}${n.decisionDate ? ` ngày ${formatViDate(n.decisionDate)}` : ''}: ${a.title}`
          : `${AWARD_FORMS[n.form].name} — ${NOMINATION_STATUS_LABELS[n.status].toLowerCase()} (năm ${n.year}): ${a.title}`,
      })),
    ],
  }));
}
