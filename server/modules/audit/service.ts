// Appending to and verifying the audit chains. Appends happen inside the caller's transaction.
import { asc, eq, isNull, sql } from 'drizzle-orm';
import { GENESIS_HASH, hashEvent, verifyChain, type ChainBreak, type ChainedEvent } from '../../../core/audit/chain.ts';
import { rowsOf, type Db, type Tx } from '../../db/client.ts';
import { withSystem } from '../../db/context.ts';
import { auditEvents, auditHeads } from '../../db/schema/index.ts';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  tenantId: string | null;
  actorId: string | null;
  actorName: string;
  requestId: string;
  ip: string;
}

const chainKey = (tenantId: string | null) => tenantId ?? 'system';

/**
 * Appends events to their tenant's chain; the head row lock serialises concurrent writers, so callers
 * append as late in their transaction as they can (mutate() appends just before commit) to hold it briefly.
 */
export async function appendAudit(tx: Tx, who: AuditActor, ...inputs: AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const chain = chainKey(who.tenantId);
  await tx.insert(auditHeads).values({ chain, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.chain, chain)).for('update');
  let { seq, hash } = head;
  const rows = [];
  for (const input of inputs) {
    const event: Omit<ChainedEvent, 'hash'> = {
      tenantId: who.tenantId,
      seq: seq + 1,
      actorId: who.actorId,
      actorName: who.actorName,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      summary: input.summary ?? '',
      before: input.before ?? null,
      after: input.after ?? null,
      requestId: who.requestId,
      ip: who.ip,
      createdAt: new Date().toISOString(),
      prevHash: hash,
    };
    seq = event.seq;
    hash = hashEvent(event);
    rows.push({ ...event, createdAt: new Date(event.createdAt), hash });
  }
  await tx.insert(auditEvents).values(rows);
  await tx.update(auditHeads).set({ seq, hash }).where(eq(auditHeads.chain, chain));
}

export interface VerifyResult {
  chain: string;
  events: number;
  broken: ChainBreak | null;
}

/** Verifies one chain (a tenant's, or the system chain when tenantId is null). Reads as the owner. */
export async function verifyAuditChain(db: Db, tenantId: string | null): Promise<VerifyResult> {
  return withSystem(db, async (tx) => {
    const rows = await tx.select().from(auditEvents)
      .where(tenantId ? eq(auditEvents.tenantId, tenantId) : isNull(auditEvents.tenantId))
      .orderBy(asc(auditEvents.seq));
    const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.chain, chainKey(tenantId)));
    const events = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    return { chain: chainKey(tenantId), events: events.length, broken: verifyChain(events, head ?? null) };
  });
}

/** Every chain in the database: the system chain and one per tenant that has events or a head. */
export async function verifyAllChains(db: Db): Promise<VerifyResult[]> {
  const chains = await withSystem(db, async (tx) => {
    const res = await tx.execute(sql`SELECT chain FROM audit_heads UNION SELECT coalesce(tenant_id::text, 'system') FROM audit_events`);
    return rowsOf<{ chain: string }>(res).map((r) => r.chain).sort();
  });
  const results: VerifyResult[] = [];
  for (const c of chains) results.push(await verifyAuditChain(db, c === 'system' ? null : c));
  return results;
}

