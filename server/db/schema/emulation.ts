// Emulation and commendation (thi đua – khen thưởng) of seed 001: a movement with its phases, criteria and award
// forms; units' registrations; emulation blocks and their scores; nominations with their dossier, the TCCB check,
// the council's vote and the decision. A nomination's achievement is a row of the one register (`achievements`).
import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { DocKind, FormCode, Nominee } from '../../../core/emulation/forms.ts';
import type { MeasureKind } from '../../../core/emulation/scoring.ts';
import type { NominationStatus, Phase, RoundKind } from '../../../core/emulation/workflow.ts';
import { users } from './auth.ts';
import { createdAt, id, tenantId, tenantIsolation, updatedAt } from './common.ts';
import { orgUnits, tenants } from './org.ts';
import { files, plans } from './plans.ts';
import { achievements } from './rewards.ts';

export const emulationMovements = pgTable('emulation_movements', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  /** "3764/KH-SYT". */
  number: text('number').notNull().default(''),
  name: text('name').notNull(),
  startYear: integer('start_year').notNull(),
  endYear: integer('end_year').notNull(),
  phases: jsonb('phases').$type<Phase[]>().notNull(),
  /** The forms the movement leads to (seed 001 III.2.1). */
  forms: text('forms').array().$type<FormCode[]>().notNull(),
  /** The standing division (Phòng TCCB) that runs it. */
  ownerUnitId: uuid('owner_unit_id').notNull().references(() => orgUnits.id),
  /** Members of the Hội đồng Thi đua - Khen thưởng that votes on its nominations. */
  councilMembers: integer('council_members').notNull(),
  /** The share of all members a nomination needs; null = more than half. */
  passPct: integer('pass_pct'),
  /** The imported plan document, when there is one. */
  planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, () => [tenantIsolation()]).enableRLS();

export const emulationCriteria = pgTable('emulation_criteria', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  movementId: uuid('movement_id').notNull().references(() => emulationMovements.id, { onDelete: 'cascade' }),
  subject: text('subject').$type<Nominee>().notNull(),
  sortOrder: integer('sort_order').notNull(),
  text: text('text').notNull(),
  /** Points out of 100 in block scoring (collectives); 0 for individuals' criteria, which are not scored. */
  weight: integer('weight').notNull().default(0),
  measure: text('measure').$type<MeasureKind>().notNull().default('manual'),
}, (t) => [index('emulation_criteria_movement').on(t.movementId, t.sortOrder), tenantIsolation()]).enableRLS();

/** A unit's registration (đăng ký thi đua) for a year of the movement. */
export const emulationRegistrations = pgTable('emulation_registrations', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  movementId: uuid('movement_id').notNull().references(() => emulationMovements.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  year: integer('year').notNull(),
  /** What the unit pledges: targets, initiatives, the form it aims for. */
  pledge: text('pledge').notNull(),
  registeredBy: uuid('registered_by').references(() => users.id),
  registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [unique('emulation_registrations_unit_year').on(t.movementId, t.unitId, t.year), tenantIsolation()]).enableRLS();

export const emulationBlocks = pgTable('emulation_blocks', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  movementId: uuid('movement_id').notNull().references(() => emulationMovements.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('emulation_blocks_movement').on(t.movementId), tenantIsolation()]).enableRLS();

export const emulationBlockUnits = pgTable('emulation_block_units', {
  tenantId: tenantId().references(() => tenants.id),
  blockId: uuid('block_id').notNull().references(() => emulationBlocks.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
}, (t) => [primaryKey({ columns: [t.blockId, t.unitId] }), tenantIsolation()]).enableRLS();

/** A score the block gave a member on a criterion measured by hand, out of 100. */
export const emulationScores = pgTable('emulation_scores', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  blockId: uuid('block_id').notNull().references(() => emulationBlocks.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  criterionId: uuid('criterion_id').notNull().references(() => emulationCriteria.id, { onDelete: 'cascade' }),
  score: doublePrecision('score').notNull(),
  note: text('note').notNull().default(''),
  enteredBy: uuid('entered_by').references(() => users.id),
  enteredByName: text('entered_by_name').notNull(),
  updatedAt: updatedAt(),
}, (t) => [unique('emulation_scores_cell').on(t.blockId, t.year, t.unitId, t.criterionId), tenantIsolation()]).enableRLS();

/** The Director's decision (quyết định khen thưởng) for a round: one document listing every nominee it commends. */
export const emulationDecisions = pgTable('emulation_decisions', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  movementId: uuid('movement_id').notNull().references(() => emulationMovements.id),
  roundKind: text('round_kind').$type<RoundKind>().notNull(),
  year: integer('year').notNull(),
  number: text('number').notNull(),
  decisionDate: date('decision_date').notNull(),
  signerName: text('signer_name').notNull(),
  signerTitle: text('signer_title').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [unique('emulation_decisions_number').on(t.tenantId, t.number), tenantIsolation()]).enableRLS();

export const nominations = pgTable('nominations', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  movementId: uuid('movement_id').notNull().references(() => emulationMovements.id),
  roundKind: text('round_kind').$type<RoundKind>().notNull(),
  year: integer('year').notNull(),
  /** The unit that nominates (and the collective, when a unit or team is the nominee). */
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  nomineeUnitId: uuid('nominee_unit_id').references(() => orgUnits.id),
  achievementId: uuid('achievement_id').notNull().references(() => achievements.id),
  form: text('form').$type<FormCode>().notNull(),
  status: text('status').$type<NominationStatus>().notNull().default('draft'),
  returnComment: text('return_comment').notNull().default(''),
  /** What the register held when TCCB checked it, each confirmed as seen. */
  duplicatesSeen: jsonb('duplicates_seen').$type<{ id: string; kind: string; text: string }[]>().notNull().default([]),
  councilMembers: integer('council_members'),
  participants: integer('participants'),
  votesFor: integer('votes_for'),
  votesAgainst: integer('votes_against'),
  councilDate: date('council_date'),
  councilResult: text('council_result').notNull().default(''),
  decisionId: uuid('decision_id').references(() => emulationDecisions.id),
  /** The decision as recorded: the Sở's own, or the higher level's when it comes back. */
  decisionNo: text('decision_no').notNull().default(''),
  decisionDate: date('decision_date'),
  decisionSigner: text('decision_signer').notNull().default(''),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
  forwardedAt: timestamp('forwarded_at', { withTimezone: true, mode: 'date' }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('nominations_movement').on(t.tenantId, t.movementId, t.year),
  index('nominations_achievement').on(t.achievementId),
  tenantIsolation(),
]).enableRLS();

export const nominationFiles = pgTable('nomination_files', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  nominationId: uuid('nomination_id').notNull().references(() => nominations.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<DocKind>().notNull(),
  fileId: uuid('file_id').notNull().references(() => files.id),
  name: text('name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('nomination_files_nomination').on(t.nominationId), tenantIsolation()]).enableRLS();

/** The history the unit and the reviewers see: submitted, returned with what is missing, checked, voted, decided. */
export const nominationEvents = pgTable('nomination_events', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  nominationId: uuid('nomination_id').notNull().references(() => nominations.id, { onDelete: 'cascade' }),
  action: text('action').notNull(),
  comment: text('comment').notNull().default(''),
  actorId: uuid('actor_id').references(() => users.id),
  actorName: text('actor_name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('nomination_events_nomination').on(t.nominationId, t.createdAt), tenantIsolation()]).enableRLS();
