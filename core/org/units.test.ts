import { describe, expect, it } from 'vitest';
import { buildTree, isWithin, normaliseAliases } from './units.ts';

describe('org units', () => {
  it('normalises aliases, dropping repeats that differ only by accents or case', () => {
    expect(normaliseAliases([' P.KHTC ', 'p.khtc', 'Phòng KHTC', 'Phong KHTC', '', 'KHTC'])).toEqual(['P.KHTC', 'Phòng KHTC', 'KHTC']);
  });
  it('builds a tree ordered by sort order then Vietnamese name', () => {
    const tree = buildTree([
      { id: 'r', parentId: null, name: 'Sở Y tế', sortOrder: 0 },
      { id: 'b', parentId: 'r', name: 'Đơn vị B', sortOrder: 2 },
      { id: 'a', parentId: 'r', name: 'Đội A', sortOrder: 2 },
      { id: 'c', parentId: 'r', name: 'Ban Giám đốc', sortOrder: 1 },
      { id: 'd', parentId: 'r', name: 'Dược', sortOrder: 2 },
    ]);
    expect(tree[0].children.map((n) => n.name)).toEqual(['Ban Giám đốc', 'Dược', 'Đội A', 'Đơn vị B']);
  });
  it('checks subtree membership on whole path segments', () => {
    expect(isWithin('/r/a/b/', '/r/a/')).toBe(true);
    expect(isWithin('/r/ab/', '/r/a/')).toBe(false);
  });
});
