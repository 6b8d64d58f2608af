// Demo plans: the appendices of seeds 000, 003 and 004 as active plans, with some progress so the views look alive.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { resolveUnits } from '../../core/org/resolve.ts';
import { addDays, todayInVietnam } from '../../core/schedule/dates.ts';
import { parseDeadline } from '../../core/schedule/parse.ts';
import { searchKey } from '../../core/text/vietnamese.ts';
import type { Tx } from '../db/client.ts';
import { occurrences, orgUnits, planSections, plans, progressUpdates, tasks, taskUnits } from '../db/schema/index.ts';
import { planContext } from '../modules/plans/queries.ts';
import { syncTaskOccurrences } from '../modules/plans/sync.ts';

interface DemoPlan {
  tenant: string;
  number: string; issuer: string; issuerParent: string; place: string; issuedOn: string; title: string;
  signer: string; signerTitle: string; legalBases: string[]; parentReference: string; replacesReference: string;
  periodStart: string; periodEnd: string; ownerUnit: string;
  sections: { code: string; title: string }[];
  tasks: { section: string | null; number: string; content: string; lead: string; coordinators: string; deadline: string; product: string; note: string }[];
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'plans');
const FILES = ['hanoi-nq07.json', 'dongthap-nq57.json', 'haiphong-cchc.json'];

export const demoPlans = (): DemoPlan[] => FILES.map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')));

/** A small deterministic generator, so every demo database tells the same story for the same day. */
function random(seed: string) {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h >>>= 0) % 10000) / 10000;
  };
}

export async function seedDemoPlans(tx: Tx, tenantId: string, code: string, authorName: string, now = new Date()) {
  const plan = demoPlans().find((p) => p.tenant === code);
  if (!plan) return { tasks: 0, occurrences: 0 };
  const units = await tx.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId));
  const owner = units.find((u) => searchKey(u.name) === searchKey(plan.ownerUnit));
  if (!owner) throw new Error(`demo plan owner ${plan.ownerUnit} not in ${code}`);
  const [row] = await tx.insert(plans).values({
    tenantId, ownerUnitId: owner.id, number: plan.number, issuer: plan.issuer, issuerParent: plan.issuerParent, place: plan.place,
    issuedOn: plan.issuedOn, title: plan.title, signer: plan.signer, signerTitle: plan.signerTitle, legalBases: plan.legalBases,
    parentReference: plan.parentReference, replacesReference: plan.replacesReference, periodStart: plan.periodStart, periodEnd: plan.periodEnd,
    status: 'active', searchText: searchKey([plan.number, plan.title, plan.issuer, plan.parentReference].join(' ')),
  }).returning();
  const sectionIds = new Map<string, string>();
  for (const [i, s] of plan.sections.entries()) {
    const [sec] = await tx.insert(planSections).values({ tenantId, planId: row.id, code: s.code, title: s.title, sortOrder: (i + 1) * 10 }).returning();
    sectionIds.set(s.code, sec.id);
  }
  const ctx = planContext(row);
  let n = 0;
  for (const t of plan.tasks) {
    const schedule = parseDeadline(t.deadline, ctx);
    const [task] = await tx.insert(tasks).values({
      tenantId, planId: row.id, sectionId: t.section ? sectionIds.get(t.section) ?? null : null, number: t.number, sortOrder: ++n * 10,
      content: t.content, product: t.product, note: t.note, leadText: t.lead, coordinatorText: t.coordinators, deadlineText: t.deadline,
      schedule, scheduleKind: schedule.kind, searchText: searchKey([t.number, t.content, t.product, t.note, t.lead].join(' ')),
    }).returning();
    // "Các phòng, đơn vị liên quan" names nobody: the demo gives such tasks to the owner division, which follows the plan.
    const leads = resolveUnits(t.lead, units).unitIds;
    const leadIds = leads.length ? leads : [owner.id];
    const coordinators = resolveUnits(t.coordinators, units).unitIds.filter((id) => !leadIds.includes(id));
    await tx.insert(taskUnits).values([
      ...leadIds.map((unitId, i) => ({ tenantId, taskId: task.id, unitId, role: 'lead' as const, sortOrder: i })),
      ...coordinators.map((unitId, i) => ({ tenantId, taskId: task.id, unitId, role: 'coordinator' as const, sortOrder: i })),
    ]);
    await syncTaskOccurrences(tx, row, task);
  }
  return { tasks: plan.tasks.length, occurrences: await simulateProgress(tx, tenantId, row.id, authorName, todayInVietnam(now)) };
}

/** Most past occurrences done on time, a tail done late or still overdue; some current ones under way. */
async function simulateProgress(tx: Tx, tenantId: string, planId: string, authorName: string, today: string) {
  const rows = await tx.select({ o: occurrences, number: tasks.number, unit: orgUnits.name }).from(occurrences)
    .innerJoin(tasks, eq(tasks.id, occurrences.taskId)).innerJoin(orgUnits, eq(orgUnits.id, occurrences.unitId)).where(eq(occurrences.planId, planId));
  for (const { o, number, unit } of rows) {
    // Seeded by names, not ids, so every new demo database shows the same progress.
    const rnd = random(`${number}|${o.periodKey}|${unit}`);
    const r = rnd();
    let state: 'open' | 'done' = 'open';
    let percent = 0;
    let completedOn: string | null = null;
    if (o.dueOn && o.dueOn < today) {
      if (r < 0.68) { state = 'done'; completedOn = addDays(o.dueOn, -Math.floor(rnd() * 8)); }
      else if (r < 0.8) { state = 'done'; completedOn = minDate(addDays(o.dueOn, 1 + Math.floor(rnd() * 15)), today); }
      else if (r < 0.9) percent = 30 + Math.floor(rnd() * 5) * 10;
      else continue;
    } else if (o.periodStart <= today) {
      if (r < 0.45) percent = 20 + Math.floor(rnd() * 6) * 10;
      else continue;
    } else continue;
    const note = state === 'done' ? 'Đã hoàn thành, gửi kèm báo cáo kết quả.' : 'Đang triển khai theo kế hoạch.';
    const at = new Date(`${completedOn ?? today}T09:00:00+07:00`);
    await tx.insert(progressUpdates).values({ tenantId, occurrenceId: o.id, authorName, state, percent: state === 'done' ? 100 : percent, note, completedOn, createdAt: at });
    await tx.update(occurrences).set({ state, percent: state === 'done' ? 100 : percent, completedOn, lastUpdateAt: at }).where(eq(occurrences.id, o.id));
  }
  return rows.length;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
