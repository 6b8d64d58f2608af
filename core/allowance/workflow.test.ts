import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/policy.ts';
import { hasDuty, listActionBlocked, payingUnitOf, type ListStatus } from './workflow.ts';

const HOSPITAL = 'u-hospital';
const actor = (id: string, ...grants: [Actor['grants'][number]['role'], string][]): Actor => ({
  id, isSystemAdmin: false, grants: grants.map(([role, unitId]) => ({ role, unitId, unitPath: `/root/${unitId}/` })),
});
const it_ = actor('it', ['allowance_it', HOSPITAL]);
const hr = actor('hr', ['allowance_hr', HOSPITAL]);
const both = actor('both', ['allowance_it', HOSPITAL], ['allowance_hr', HOSPITAL]);
const finance = actor('fin', ['allowance_finance', HOSPITAL]);
const soHr = actor('so-hr', ['allowance_hr', 'root']);
const list = (status: ListStatus, proposedBy: string | null = null) => ({ status, unitId: HOSPITAL, proposedBy });

describe('who moves a monthly list', () => {
  it('gives each step to its duty on exactly the paying unit, not to a grant on the Sở above it', () => {
    expect(listActionBlocked('propose', list('draft'), it_)).toBeNull();
    expect(listActionBlocked('approve', list('proposed', 'it'), hr)).toBeNull();
    expect(listActionBlocked('pay', list('approved', 'it'), finance)).toBeNull();
    expect(listActionBlocked('approve', list('proposed', 'it'), soHr)).toMatch(/không có quyền duyệt/);
    expect(listActionBlocked('edit', list('draft'), finance)).toMatch(/không có quyền lập danh sách/);
    expect(hasDuty(soHr, 'approve', 'root')).toBe(true);
  });

  it('does not let the proposer approve or return the list, even holding both duties', () => {
    expect(listActionBlocked('approve', list('proposed', 'both'), both)).toMatch(/không được tự duyệt/);
    expect(listActionBlocked('return', list('proposed', 'both'), both)).toMatch(/không được tự duyệt/);
    expect(listActionBlocked('approve', list('proposed', 'it'), both)).toBeNull();
  });

  it.each([
    ['edit', 'proposed'], ['propose', 'proposed'], ['approve', 'draft'], ['return', 'returned'], ['pay', 'proposed'],
  ] as const)('refuses to %s a list that is %s', (action, status) => {
    const who = action === 'pay' ? finance : action === 'approve' || action === 'return' ? hr : it_;
    expect(listActionBlocked(action, list(status, 'it'), who)).toMatch(/không thể/);
  });

  it('says an approved or paid list is locked and corrected by a later month', () => {
    for (const status of ['approved', 'paid'] as const) expect(listActionBlocked('edit', list(status), it_)).toMatch(/đã khóa.*tháng sau/);
    expect(listActionBlocked('pay', list('paid'), finance)).toMatch(/đã khóa/);
  });
});

describe('the paying unit of a person', () => {
  const units = new Map([
    ['root', { id: 'root', kind: 'department', parentId: null }],
    ['tccb', { id: 'tccb', kind: 'division', parentId: 'root' }],
    ['bv', { id: 'bv', kind: 'unit', parentId: 'root' }],
    ['bv-cntt', { id: 'bv-cntt', kind: 'team', parentId: 'bv' }],
    ['tyt', { id: 'tyt', kind: 'unit', parentId: 'bv' }],
  ]);
  it.each([['tccb', 'root'], ['root', 'root'], ['bv', 'bv'], ['bv-cntt', 'bv'], ['tyt', 'tyt']])('of someone in %s is %s', (unit, payer) => {
    expect(payingUnitOf(unit, units)?.id).toBe(payer);
  });
});
