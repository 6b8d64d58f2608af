// Statuses of plans and occurrences, and the counts the Government's task tracking reports.

export const PLAN_STATUSES = ['draft', 'active', 'closed', 'replaced'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Dự thảo', active: 'Đang thực hiện', closed: 'Đã kết thúc', replaced: 'Đã được thay thế',
};

export const TASK_UNIT_ROLES = ['lead', 'coordinator'] as const;
export type TaskUnitRole = (typeof TASK_UNIT_ROLES)[number];

/** What a unit declares: still working on it, or done. */
export const PROGRESS_STATES = ['open', 'done'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export const OCCURRENCE_STATUSES = ['not_due', 'in_progress', 'done_on_time', 'done_late', 'overdue'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];
export const OCCURRENCE_STATUS_LABELS: Record<OccurrenceStatus, string> = {
  not_due: 'Chưa đến hạn',
  in_progress: 'Đang thực hiện',
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  overdue: 'Quá hạn',
};

export interface OccurrenceDates {
  /** yyyy-mm-dd, or null when no date is set yet. */
  dueOn: string | null;
  completedOn: string | null;
  /** True once anyone has reported progress. */
  started: boolean;
}

/**
 * The status on `today` (yyyy-mm-dd, Vietnam's calendar). Computed, never stored, so it cannot go stale.
 * Work finished on the due date is on time: "Trước ngày 10/6" is read as "by 10/6".
 */
export function occurrenceStatus(o: OccurrenceDates, today: string): OccurrenceStatus {
  if (o.completedOn) return !o.dueOn || o.completedOn <= o.dueOn ? 'done_on_time' : 'done_late';
  if (o.dueOn && o.dueOn < today) return 'overdue';
  return o.started ? 'in_progress' : 'not_due';
}

/** The same rule in SQL, for counting many rows in the database; `today` is bound as a parameter. */
export const OCCURRENCE_STATUS_SQL = (t: { due: string; completed: string; lastUpdate: string }, todayParam: string) => `CASE
  WHEN ${t.completed} IS NOT NULL AND (${t.due} IS NULL OR ${t.completed} <= ${t.due}) THEN 'done_on_time'
  WHEN ${t.completed} IS NOT NULL THEN 'done_late'
  WHEN ${t.due} IS NOT NULL AND ${t.due} < ${todayParam} THEN 'overdue'
  WHEN ${t.lastUpdate} IS NOT NULL THEN 'in_progress'
  ELSE 'not_due' END`;

/**
 * One status as a condition the database can answer from its indexes (the partial index on open
 * periods by due date for "overdue"), equivalent to OCCURRENCE_STATUS_SQL(...) = status.
 */
export const OCCURRENCE_STATUS_WHERE = (t: { due: string; completed: string; lastUpdate: string }, todayParam: string): Record<OccurrenceStatus, string> => ({
  done_on_time: `(${t.completed} IS NOT NULL AND (${t.due} IS NULL OR ${t.completed} <= ${t.due}))`,
  done_late: `(${t.completed} IS NOT NULL AND ${t.completed} > ${t.due})`,
  overdue: `(${t.completed} IS NULL AND ${t.due} < ${todayParam})`,
  in_progress: `(${t.completed} IS NULL AND (${t.due} IS NULL OR ${t.due} >= ${todayParam}) AND ${t.lastUpdate} IS NOT NULL)`,
  not_due: `(${t.completed} IS NULL AND (${t.due} IS NULL OR ${t.due} >= ${todayParam}) AND ${t.lastUpdate} IS NULL)`,
});

/** Counts in the form of the Government's tracking: in progress on time, overdue, done on time, done late. */
export interface StatusCounts {
  total: number;
  notDue: number;
  inProgress: number;
  overdue: number;
  doneOnTime: number;
  doneLate: number;
  /** Open and due within the next 7 days. */
  dueSoon: number;
}

export const emptyCounts = (): StatusCounts => ({ total: 0, notDue: 0, inProgress: 0, overdue: 0, doneOnTime: 0, doneLate: 0, dueSoon: 0 });

const FIELD: Record<OccurrenceStatus, keyof StatusCounts> = {
  not_due: 'notDue', in_progress: 'inProgress', overdue: 'overdue', done_on_time: 'doneOnTime', done_late: 'doneLate',
};

export function addToCounts(c: StatusCounts, status: OccurrenceStatus, n = 1, dueSoon = 0): StatusCounts {
  c.total += n;
  c[FIELD[status]] += n;
  c.dueSoon += dueSoon;
  return c;
}

/** Share of finished occurrences that were on time, 0..100, or null when none is finished. */
export function onTimeRate(c: StatusCounts): number | null {
  const done = c.doneOnTime + c.doneLate;
  return done ? Math.round((c.doneOnTime / done) * 100) : null;
}

/**
 * The one status shown for a task (or a plan) from its occurrences' counts: overdue wins, then work
 * in progress, then not due; done only when everything is done (late if any was late).
 */
export function rollupStatus(c: StatusCounts): OccurrenceStatus | null {
  if (c.total === 0) return null;
  if (c.overdue) return 'overdue';
  if (c.inProgress) return 'in_progress';
  if (c.notDue) return 'not_due';
  return c.doneLate ? 'done_late' : 'done_on_time';
}
