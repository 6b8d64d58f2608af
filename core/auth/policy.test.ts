import { describe, expect, it } from 'vitest';
import { can, type Actor } from './policy.ts';

const root = '/r/';
const hospital = '/r/h/';
const sibling = '/r/s/';
const actor = (role: Actor['grants'][number]['role'], unitPath: string): Actor => ({
  id: 'u', isSystemAdmin: false, grants: [{ role, unitId: 'x', unitPath }],
});

describe('can', () => {
  it('denies the anonymous and unknown actions by default', () => {
    expect(can(null, 'org.read')).toBe(false);
    expect(can(actor('leader', root), 'tenant.manage')).toBe(false);
  });
  it('a role covers the subtree of its unit, not siblings or parents', () => {
    const focal = actor('unit_focal', hospital);
    expect(can(focal, 'unit.view', { unitPath: hospital })).toBe(true);
    expect(can(focal, 'unit.view', { unitPath: '/r/h/khoa/' })).toBe(true);
    expect(can(focal, 'unit.view', { unitPath: sibling })).toBe(false);
    expect(can(focal, 'unit.view', { unitPath: root })).toBe(false);
  });
  it('an inspector reads everything and changes nothing', () => {
    const inspector = actor('inspector', root);
    expect(can(inspector, 'unit.view', { unitPath: hospital })).toBe(true);
    expect(can(inspector, 'audit.read')).toBe(true);
    for (const a of ['unit.manage', 'person.manage', 'user.manage'] as const) {
      expect(can(inspector, a, { unitPath: hospital })).toBe(false);
    }
  });
  it('the system administrator may do everything', () => {
    expect(can({ id: 'a', isSystemAdmin: true, grants: [] }, 'tenant.manage')).toBe(true);
  });
  it('a path prefix must end at a unit boundary', () => {
    // "/r/h/" must not cover "/r/hx/": paths always end with a slash.
    expect(can(actor('admin', '/r/h/'), 'unit.manage', { unitPath: '/r/hx/' })).toBe(false);
  });
});

describe('plans', () => {
  it('everyone reads plans; divisions and unit focal points manage their own; leaders and inspectors only read', () => {
    const focal = actor('unit_focal', hospital);
    expect(can(focal, 'plan.read')).toBe(true);
    expect(can(focal, 'plan.manage', { unitPath: hospital })).toBe(true);
    expect(can(focal, 'plan.manage', { unitPath: sibling })).toBe(false);
    expect(can(focal, 'progress.record', { unitPath: hospital })).toBe(true);
    expect(can(focal, 'progress.record', { unitPath: sibling })).toBe(false);
    for (const role of ['leader', 'inspector'] as const) {
      expect(can(actor(role, root), 'plan.read')).toBe(true);
      expect(can(actor(role, root), 'plan.manage', { unitPath: hospital })).toBe(false);
      expect(can(actor(role, root), 'progress.record', { unitPath: hospital })).toBe(false);
    }
  });
});
