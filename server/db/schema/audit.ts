import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgPolicy, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { appRole, currentTenant } from './common.ts';

/**
 * Append-only, hash-chained audit log. One chain per tenant; events outside any tenant
 * (the system administrator's log-ins, tenant creation) form the chain with a null tenant.
 */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  tenantId: uuid('tenant_id'),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  summary: text('summary').notNull().default(''),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id').notNull(),
  ip: text('ip').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  unique('audit_events_chain_seq').on(t.tenantId, t.seq).nullsNotDistinct(),
  index('audit_events_tenant_time').on(t.tenantId, t.createdAt),
  index('audit_events_entity').on(t.tenantId, t.entityType, t.entityId),
  pgPolicy('tenant_isolation', { as: 'permissive', to: appRole, for: 'all', using: sql`tenant_id = ${currentTenant}`, withCheck: sql`tenant_id = ${currentTenant}` }),
]).enableRLS();

/**
 * The head of each chain (last seq and hash), written in the same transaction as the event,
 * so that deleting the newest events is detected too. `chain` is the tenant id or 'system'.
 */
export const auditHeads = pgTable('audit_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
}, () => [
  pgPolicy('tenant_isolation', { as: 'permissive', to: appRole, for: 'all', using: sql`chain = ${currentTenant}::text`, withCheck: sql`chain = ${currentTenant}::text` }),
]).enableRLS();
