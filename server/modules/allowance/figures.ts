// What a unit paid in a period, for the semi-annual report of seed 000 (section 6): beneficiaries, person-months
// and money, counted from paid lists only. A month paid late as a back-payment counts in the period that paid
// it; a recovery lowers the money and, when it takes a month back to nothing, that person-month.
import { and, desc, ne, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';
import { plans, tenants } from '../../db/schema/index.ts';
import type { Issuer } from './documents.ts';

export interface AllowanceFigures {
  beneficiaries: number;
  months: number;
  amount: number;
}

export async function allowanceFigures(tx: Tx, unitId: string, start: string, end: string): Promise<AllowanceFigures> {
  const [row] = rowsOf<{ beneficiaries: string; months: string; amount: string }>(await tx.execute(sql`
    WITH paid AS (
      SELECT l.person_id, l.for_month, sum(l.amount) AS amount
      FROM allowance_lines l JOIN allowance_lists s ON s.id = l.list_id
      WHERE s.unit_id = ${unitId} AND s.status = 'paid' AND l.included AND s.month BETWEEN ${start.slice(0, 7)} AND ${end.slice(0, 7)}
      GROUP BY l.person_id, l.for_month
    )
    SELECT count(DISTINCT person_id) FILTER (WHERE amount > 0) AS beneficiaries,
           count(*) FILTER (WHERE amount > 0) AS months,
           coalesce(sum(amount), 0) AS amount
    FROM paid`));
  return { beneficiaries: Number(row.beneficiaries), months: Number(row.months), amount: Number(row.amount) };
}

/** Who issues a paying unit's decision: the Sở under its own parent body, a subordinate unit under the Sở. */
export async function issuerOf(tx: Tx, unit: { name: string; kind: string }): Promise<Issuer> {
  const [tenant] = await tx.select({ name: tenants.name }).from(tenants);
  const [plan] = await tx.select({ parent: plans.issuerParent, place: plans.place }).from(plans).where(and(ne(plans.issuerParent, ''), ne(plans.place, ''))).orderBy(desc(plans.createdAt)).limit(1);
  const place = plan?.place || tenant.name.replace(/^Sở Y tế\s*/i, '');
  return unit.kind === 'department' ? { parent: plan?.parent ?? '', name: unit.name, place } : { parent: tenant.name.toUpperCase(), name: unit.name, place };
}

