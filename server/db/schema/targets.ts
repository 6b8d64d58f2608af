import { doublePrecision, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { Aggregation, Comparator, IndicatorUnit, Measure } from '../../../core/indicators/rollup.ts';
import type { PeriodType } from '../../../core/reports/periods.ts';
import { users } from './auth.ts';
import { createdAt, id, tenantId, tenantIsolation, updatedAt } from './common.ts';
import { planTargets } from './imports.ts';
import { orgUnits, tenants } from './org.ts';
import { files, plans } from './plans.ts';

/** A plan's target (chỉ tiêu) as something measured: what, how, against which value, how often. */
export const indicators = pgTable('indicators', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  /** The target the importer found, when the indicator was made from it. */
  planTargetId: uuid('plan_target_id').references(() => planTargets.id, { onDelete: 'set null' }),
  code: text('code').notNull().default(''),
  /** The target as the plan writes it: "70% hồ sơ được xử lý trực tuyến toàn trình". */
  text: text('text').notNull(),
  /** What is measured, short: "Hồ sơ xử lý trực tuyến toàn trình". */
  subject: text('subject').notNull(),
  measure: text('measure').$type<Measure>().notNull(),
  unit: text('unit').$type<IndicatorUnit>().notNull(),
  comparator: text('comparator').$type<Comparator>().notNull(),
  target: doublePrecision('target').notNull(),
  aggregation: text('aggregation').$type<Aggregation>().notNull().default('sum'),
  /** Amber band, in % of the target; below it is red. */
  amberPct: doublePrecision('amber_pct').notNull().default(10),
  periodType: text('period_type').$type<Exclude<PeriodType, 'adhoc'>>().notNull(),
  numeratorLabel: text('numerator_label').notNull().default(''),
  denominatorLabel: text('denominator_label').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  searchText: text('search_text').notNull(),
  /** How many units are responsible (rows of indicator_units), kept by a trigger (migration 0009) for the dashboard. */
  unitCount: integer('unit_count').notNull().default(0),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('indicators_plan').on(t.planId, t.sortOrder), tenantIsolation()]).enableRLS();

/** Units that report on the indicator. */
export const indicatorUnits = pgTable('indicator_units', {
  tenantId: tenantId().references(() => tenants.id),
  indicatorId: uuid('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
}, (t) => [primaryKey({ columns: [t.indicatorId, t.unitId] }), index('indicator_units_unit').on(t.tenantId, t.unitId), tenantIsolation()]).enableRLS();

/** A unit's value for one period: numerator and denominator for a ratio, or a plain value. */
export const indicatorValues = pgTable('indicator_values', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  indicatorId: uuid('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  periodKey: text('period_key').notNull(),
  numerator: doublePrecision('numerator'),
  denominator: doublePrecision('denominator'),
  value: doublePrecision('value'),
  note: text('note').notNull().default(''),
  enteredBy: uuid('entered_by').references(() => users.id),
  enteredByName: text('entered_by_name').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  // One value per unit and period, ordered so a scorecard or a trend finds an indicator's period in one range.
  unique('indicator_values_period').on(t.indicatorId, t.periodKey, t.unitId),
  index('indicator_values_unit').on(t.unitId, t.periodKey),
  tenantIsolation(),
]).enableRLS();

/**
 * Each indicator's sums per period over its responsible units' usable values (a ratio's numerator and
 * denominator, or the plain values), kept by triggers in the same transaction as the values and the
 * indicator's units change (migration 0007): the leadership dashboard reads a province's latest periods
 * from here instead of summing a quarter of a million values per request.
 */
export const indicatorPeriodTotals = pgTable('indicator_period_totals', {
  tenantId: tenantId().references(() => tenants.id),
  indicatorId: uuid('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
  periodKey: text('period_key').notNull(),
  reported: integer('reported').notNull().default(0),
  numerator: doublePrecision('numerator').notNull().default(0),
  denominator: doublePrecision('denominator').notNull().default(0),
  valueSum: doublePrecision('value_sum').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.indicatorId, t.periodKey] }), index('indicator_period_totals_tenant').on(t.tenantId), tenantIsolation()]).enableRLS();

/** Files proving a value (the list of records counted, a system screenshot). */
export const indicatorEvidence = pgTable('indicator_evidence', {
  tenantId: tenantId().references(() => tenants.id),
  valueId: uuid('value_id').notNull().references(() => indicatorValues.id, { onDelete: 'cascade' }),
  fileId: uuid('file_id').notNull().references(() => files.id),
  name: text('name').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.valueId, t.fileId] }), tenantIsolation()]).enableRLS();

export type IndicatorRow = typeof indicators.$inferSelect;
export type IndicatorValueRow = typeof indicatorValues.$inferSelect;
