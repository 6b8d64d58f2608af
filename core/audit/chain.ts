// The audit hash chain: each event's hash covers its content and the previous event's hash,
// so changing or deleting any event breaks every hash after it.
import { createHash } from 'node:crypto';

export interface ChainedEvent {
  tenantId: string | null;
  seq: number;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
  requestId: string;
  ip: string;
  /** ISO 8601 with milliseconds, UTC. */
  createdAt: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same value always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEvent(e: Omit<ChainedEvent, 'hash'>): string {
  const body = canonicalJson([
    e.tenantId, e.seq, e.actorId, e.actorName, e.action, e.entityType, e.entityId, e.summary,
    e.before ?? null, e.after ?? null, e.requestId, e.ip, e.createdAt, e.prevHash,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

export interface ChainBreak {
  seq: number;
  eventId?: number;
  reason: string;
}

/**
 * Checks events (ordered by seq) against each other and against the chain head recorded
 * with the last write. Returns the first break, or null when the chain is intact.
 */
export function verifyChain(
  events: readonly (ChainedEvent & { id?: number })[],
  head: { seq: number; hash: string } | null,
): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) {
      return { seq: expectedSeq, eventId: e.id, reason: `thiếu sự kiện số ${expectedSeq} (bị xóa?)` };
    }
    if (e.prevHash !== prevHash) return { seq: e.seq, eventId: e.id, reason: 'liên kết với sự kiện trước bị sai' };
    if (hashEvent(e) !== e.hash) return { seq: e.seq, eventId: e.id, reason: 'nội dung đã bị thay đổi' };
    prevHash = e.hash;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1;
  if ((head?.seq ?? 0) !== lastSeq || (head && head.hash !== prevHash)) {
    return { seq: lastSeq + 1, reason: `đầu chuỗi ghi nhận ${head?.seq ?? 0} sự kiện nhưng chỉ còn ${lastSeq} (sự kiện cuối bị xóa?)` };
  }
  return null;
}
