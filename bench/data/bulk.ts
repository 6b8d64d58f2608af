// A tenant's volume of work, made by bulk INSERT … SELECT over generate_series inside the caller's
// transaction, every row in the tenant and every constraint and trigger in force (the occurrence counts
// of migration 0006 are kept by the inserts themselves). Randomness is a hash of each row's ordinals.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.ts';
import { appendAudit } from '../../server/modules/audit/service.ts';
import type { BenchTenant } from './org.ts';
import { insertPlans } from './plans.ts';
import { insertOccurrences } from './progress.ts';
import { insertAllowance } from './allowance.ts';
import { insertReports } from './reports.ts';
import { unitTables } from './sql.ts';
import { insertIndicators } from './targets.ts';

export interface BulkSize {
  plans: number;
  tasks: number;
  /** Indicator values wanted (the number of indicators follows from it). */
  values: number;
  /** Unit reports wanted (the number of months reported follows from it). */
  submissions: number;
  /** Monthly report schedules, each on its own form. */
  schedules: number;
  /** Support allowance lines wanted (the staff paid follow from it, over twelve months). */
  allowanceLines: number;
}

export interface BulkCounts {
  plans: number;
  tasks: number;
  occurrences: number;
  progressUpdates: number;
  indicatorValues: number;
  reportSubmissions: number;
  allowanceLines: number;
}

/** Plans and tasks, their occurrences and progress as of `today`, indicators and their values, monthly reports, the allowance. */
export async function insertBulk(tx: Tx, t: BenchTenant, size: BulkSize, today: string): Promise<BulkCounts> {
  // Joins and sorts of a few million rows: room to hash and sort in memory rather than on disk.
  await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
  await tx.execute(sql`DROP TABLE IF EXISTS b_plan, b_task, b_lead, b_variant, b_spec, b_ind, b_period, b_sched, b_rperiod`);
  await unitTables(tx, t);
  const { plans, tasks } = await insertPlans(tx, t, size, today);
  const { occurrences, progressUpdates } = await insertOccurrences(tx, t, today);
  const indicatorValues = await insertIndicators(tx, t, size.values, today);
  const reportSubmissions = await insertReports(tx, t, size, today);
  const allowanceLines = await insertAllowance(tx, t, size.allowanceLines, today);
  const counts = { plans, tasks, occurrences, progressUpdates, indicatorValues, reportSubmissions, allowanceLines };
  await appendAudit(tx, { tenantId: t.id, actorId: null, actorName: 'Hệ thống', requestId: 'bench-data', ip: '' }, {
    action: 'bench.seed', entityType: 'tenant', entityId: t.id,
    summary: `Tạo dữ liệu đo tải: ${t.subs.length + t.divisions.length + 2} đơn vị, ${t.users.length} tài khoản, ${plans} kế hoạch, ${tasks} nhiệm vụ, ` +
      `${occurrences} kỳ thực hiện, ${progressUpdates} cập nhật tiến độ, ${indicatorValues} số liệu chỉ tiêu, ${reportSubmissions} báo cáo, ${allowanceLines} dòng chi hỗ trợ`,
    after: counts,
  });
  return counts;
}
