import { doublePrecision, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { Comparator, Draft, ReportFrequency } from '../../../core/import/types.ts';
import { users } from './auth.ts';
import { createdAt, id, tenantId, tenantIsolation, updatedAt } from './common.ts';
import { orgUnits, tenants } from './org.ts';
import { files, plans } from './plans.ts';

/** How a name written in the document maps to the org tree when the draft is confirmed. */
export interface UnitChoice { kind: 'unit' | 'group' | 'external' | 'new' | 'ignore'; unitIds?: string[] }

/** A plan document being imported: the reader's draft, as the person edits it, until confirmed. */
export const planImports = pgTable('plan_imports', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  fileId: uuid('file_id').notNull().references(() => files.id),
  fileName: text('file_name').notNull(),
  /** The text shown beside the draft (the .txt as is, or Word/PDF rendered line by line). */
  sourceText: text('source_text').notNull(),
  draft: jsonb('draft').$type<Draft>().notNull(),
  unitMap: jsonb('unit_map').$type<Record<string, UnitChoice>>().notNull().default({}),
  ownerUnitId: uuid('owner_unit_id').references(() => orgUnits.id),
  status: text('status').$type<'draft' | 'confirmed' | 'discarded'>().notNull().default('draft'),
  planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('plan_imports_tenant').on(t.tenantId, t.createdAt), tenantIsolation()]).enableRLS();

/** A quantitative target the plan sets (kept with the plan; the targets capability turns it into an indicator). */
export const planTargets = pgTable('plan_targets', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  value: doublePrecision('value').notNull(),
  unit: text('unit').notNull(),
  comparator: text('comparator').$type<Comparator>().notNull(),
  subject: text('subject').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [index('plan_targets_plan').on(t.planId), tenantIsolation()]).enableRLS();

/** A reporting duty the plan sets: who reports, how often, by when. */
export const planReportingDuties = pgTable('plan_reporting_duties', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  frequency: text('frequency').$type<ReportFrequency>().notNull(),
  /** "MM-DD" due dates within a year. */
  due: text('due').array().notNull(),
  who: text('who').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [index('plan_reporting_plan').on(t.planId), tenantIsolation()]).enableRLS();

export type PlanImportRow = typeof planImports.$inferSelect;
