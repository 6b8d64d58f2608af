// Who may change a plan, and who may report on an occurrence: checked on the resource's own unit.
import { can } from '../../../core/auth/policy.ts';
import type { Tx } from '../../db/client.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser } from '../../http/request.ts';
import { unitOr404 } from '../org/queries.ts';
import { planOr404, type OccurrenceRow, type PlanRow } from './queries.ts';

/** The plan, if the user may manage it (plan.manage on its owner unit), else 403. */
export async function managedPlan(m: { tx: Tx; user: CurrentUser }, id: string): Promise<PlanRow> {
  const plan = await planOr404(m.tx, id);
  const owner = await unitOr404(m.tx, plan.ownerUnitId);
  if (!can(m.user, 'plan.manage', { unitPath: owner.path })) throw errors.forbidden('Bạn không có quyền sửa kế hoạch này.');
  return plan;
}

/** A unit reports on its own occurrences; the plan's owner division may record on its behalf. */
export async function mayRecord(tx: Tx, user: CurrentUser, o: Pick<OccurrenceRow, 'unitId' | 'planId'>): Promise<boolean> {
  const unit = await unitOr404(tx, o.unitId);
  if (can(user, 'progress.record', { unitPath: unit.path })) return true;
  const plan = await planOr404(tx, o.planId);
  const owner = await unitOr404(tx, plan.ownerUnitId);
  return can(user, 'plan.manage', { unitPath: owner.path });
}
