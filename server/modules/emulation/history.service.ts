// Who received what, when, under which decision — across years and movements, searchable without diacritics.
import { desc, eq } from 'drizzle-orm';
import { can } from '../../../core/auth/policy.ts';
import { AWARD_FORMS } from '../../../core/emulation/forms.ts';
import { SUBJECT_LABELS } from '../../../core/rewards/register.ts';
import { matchesSearch } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { achievements, emulationMovements, nominations, people } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../http/request.ts';
import { allUnits } from '../org/queries.ts';

export async function awardHistory(tx: Tx, user: CurrentUser, filter: { q?: string; year?: number }) {
  const units = new Map((await allUnits(tx)).map((u) => [u.id, u]));
  const rows = await tx.select({ n: nominations, a: achievements, person: people, movement: emulationMovements.name }).from(nominations)
    .innerJoin(achievements, eq(achievements.id, nominations.achievementId)).innerJoin(emulationMovements, eq(emulationMovements.id, nominations.movementId))
    .leftJoin(people, eq(people.id, achievements.personId)).where(eq(nominations.status, 'decided')).orderBy(desc(nominations.decisionDate));
  const items = rows.filter(({ n }) => can(user, 'emulation.read', { unitPath: units.get(n.unitId)!.path }) && (!filter.year || n.year === filter.year)).map(({ n, a, person, movement }) => ({
    id: n.id, decisionId: n.decisionId, year: n.year, subjectLabel: SUBJECT_LABELS[a.subject], name: person?.fullName ?? a.collectiveName, unitName: units.get(person?.unitId ?? n.unitId)?.name ?? '',
    form: AWARD_FORMS[n.form].name, achievement: a.title, movement, decisionNo: n.decisionNo, decisionDate: n.decisionDate, signer: n.decisionSigner,
  })).filter((r) => !filter.q || matchesSearch(`${r.name} ${r.unitName} ${r.achievement} ${r.decisionNo}`, filter.q));
  return { items };
}
