import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashEvent, verifyChain, type ChainedEvent } from './chain.ts';

function chain(n: number): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = {
      tenantId: 't', seq, actorId: 'a', actorName: 'Quản trị', action: 'org.unit.create', entityType: 'org_unit',
      entityId: String(seq), summary: '', before: null, after: { name: `Đơn vị ${seq}`, aliases: ['A', 'B'] },
      requestId: 'r', ip: '', createdAt: new Date(Date.UTC(2026, 0, seq)).toISOString(), prevHash: prev,
    };
    const full = { ...e, hash: hashEvent(e) };
    out.push(full);
    prev = full.hash;
  }
  return out;
}

describe('audit chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, 2] }, b: 1 }));
  });
  it('an intact chain verifies', () => {
    const events = chain(5);
    expect(verifyChain(events, { seq: 5, hash: events[4].hash })).toBeNull();
    expect(verifyChain([], null)).toBeNull();
  });
  it('names the first changed event', () => {
    const events = chain(5);
    events[2] = { ...events[2], after: { name: 'Đã sửa' } };
    expect(verifyChain(events, { seq: 5, hash: events[4].hash })).toMatchObject({ seq: 3, reason: 'nội dung đã bị thay đổi' });
  });
  it('detects a deleted event in the middle and at the end', () => {
    const events = chain(5);
    expect(verifyChain([...events.slice(0, 2), ...events.slice(3)], { seq: 5, hash: events[4].hash })).toMatchObject({ seq: 3 });
    expect(verifyChain(events.slice(0, 4), { seq: 5, hash: events[4].hash })).toMatchObject({ seq: 5 });
  });
  it('detects a rehashed forgery that does not match the next link', () => {
    const events = chain(3);
    const forged = { ...events[1], actorName: 'Kẻ giả mạo' };
    forged.hash = hashEvent(forged);
    expect(verifyChain([events[0], forged, events[2]], { seq: 3, hash: events[2].hash })).toMatchObject({ seq: 3 });
  });
});
