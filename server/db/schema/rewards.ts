// One register of achievements (sổ theo dõi thành tích) shared by the task rewards of Resolution 07 (seed 000
// II.4) and, later, emulation commendations (seed 001): whatever rewards or commends an achievement points at
// its row here, so the same achievement of the same nominee and period is seen before it is rewarded twice.
import { bigint, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { createdAt, id, tenantId, tenantIsolation, updatedAt } from './common.ts';
import { orgUnits, people, tenants } from './org.ts';
import { files, tasks } from './plans.ts';

export type AchievementSubject = 'task' | 'collective' | 'individual';

export const achievements = pgTable('achievements', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  /** The unit that records and proposes it. */
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  subject: text('subject').$type<AchievementSubject>().notNull(),
  /** The individual, for an individual's achievement. */
  personId: uuid('person_id').references(() => people.id),
  /** The collective's name (a unit, a department, a team), for a collective's achievement. */
  collectiveName: text('collective_name').notNull().default(''),
  /** The kehoach task it was achieved on (a task of a city, sector or unit plan), or the task as written. */
  taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
  taskText: text('task_text').notNull(),
  title: text('title').notNull(),
  /** The output and how it exceeds requirements or has real, replicable impact. */
  output: text('output').notNull(),
  /** The period the achievement belongs to: "2026", "2026-H2". */
  period: text('period').notNull(),
  /** Accent-free key of the nominee and the task, for the duplicate check. */
  matchKey: text('match_key').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('achievements_match').on(t.tenantId, t.matchKey), index('achievements_unit').on(t.tenantId, t.unitId), tenantIsolation()]).enableRLS();

export const achievementFiles = pgTable('achievement_files', {
  tenantId: tenantId().references(() => tenants.id),
  achievementId: uuid('achievement_id').notNull().references(() => achievements.id, { onDelete: 'cascade' }),
  fileId: uuid('file_id').notNull().references(() => files.id),
  name: text('name').notNull(),
}, (t) => [index('achievement_files_achievement').on(t.achievementId), tenantIsolation()]).enableRLS();

export type RewardStatus = 'proposed' | 'returned' | 'approved' | 'rejected';

/** A proposal to reward an achievement under Resolution 07 (chi thưởng), its review and the decision. */
export const rewardProposals = pgTable('reward_proposals', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  achievementId: uuid('achievement_id').notNull().references(() => achievements.id),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  /** The criteria of seed 000 II.4 the proposal claims (exceeds requirements, real impact, replicable). */
  criteria: jsonb('criteria').$type<string[]>().notNull(),
  proposedAmount: bigint('proposed_amount', { mode: 'number' }).notNull(),
  status: text('status').$type<RewardStatus>().notNull().default('proposed'),
  reviewComment: text('review_comment').notNull().default(''),
  /** What the duplicate check found when the reviewer decided, kept with the decision. */
  duplicates: jsonb('duplicates').$type<{ id: string; kind: string; text: string }[]>().notNull().default([]),
  decisionNo: text('decision_no').notNull().default(''),
  decisionDate: date('decision_date'),
  decidedAmount: bigint('decided_amount', { mode: 'number' }),
  proposedBy: uuid('proposed_by').references(() => users.id),
  proposedAt: timestamp('proposed_at', { withTimezone: true, mode: 'date' }).notNull(),
  decidedBy: uuid('decided_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('reward_proposals_unit').on(t.tenantId, t.unitId), index('reward_proposals_achievement').on(t.achievementId), tenantIsolation()]).enableRLS();
