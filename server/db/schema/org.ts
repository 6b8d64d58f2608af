import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantIsolation, updatedAt } from './common.ts';

export const tenants = pgTable('tenants', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
}, () => [tenantIsolation(sql`id`)]).enableRLS();

/** Kinds of org unit: the Sở itself, its leadership, its divisions, subordinate units, and teams inside a unit. */
export const UNIT_KINDS = ['department', 'leadership', 'division', 'unit', 'team'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const orgUnits = pgTable('org_units', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id),
  /** "/<rootId>/.../<id>/" — lets a role granted on a unit cover its subtree with one prefix test. */
  path: text('path').notNull(),
  kind: text('kind').$type<UnitKind>().notNull(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull().default(''),
  aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
  /** Accent-free key of name, short name and aliases, for search that ignores diacritics. */
  searchText: text('search_text').notNull(),
  /** Accent-free key of the name alone: two units of one tenant may not share it. */
  nameKey: text('name_key').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('org_units_tenant_name_key').on(t.tenantId, t.nameKey),
  index('org_units_tenant_path').on(t.tenantId, t.path),
  index('org_units_parent').on(t.parentId),
  index('org_units_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  tenantIsolation(),
]).enableRLS();

export const people = pgTable('people', {
  id: id(),
  tenantId: tenantId().references(() => tenants.id),
  unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
  fullName: text('full_name').notNull(),
  /** Vị trí việc làm. */
  position: text('position').notNull().default(''),
  /** Chức vụ / chức danh. */
  title: text('title').notNull().default(''),
  email: text('email').notNull().default(''),
  phone: text('phone').notNull().default(''),
  searchText: text('search_text').notNull(),
  active: boolean('active').notNull().default(true),
  /** Joined the unit, and the last day in it (left, retired, moved): the allowance is due only in between. */
  joinedOn: date('joined_on'),
  leftOn: date('left_on'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('people_tenant_unit').on(t.tenantId, t.unitId),
  index('people_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  tenantIsolation(),
]).enableRLS();
