// Org units: kinds, labels and tree rules shared by server and browser.
import { cleanText, compareVi, searchKey } from '../text/vietnamese.ts';

export const UNIT_KIND_LABELS = {
  department: 'Sở Y tế',
  leadership: 'Ban Giám đốc',
  division: 'Phòng thuộc Sở',
  unit: 'Đơn vị trực thuộc',
  team: 'Khoa, phòng thuộc đơn vị',
} as const;
export type UnitKindName = keyof typeof UNIT_KIND_LABELS;

/** Which kinds may sit under which: the Sở holds leadership, divisions and units; units hold teams. */
export const CHILD_KINDS: Record<UnitKindName, UnitKindName[]> = {
  department: ['leadership', 'division', 'unit'],
  leadership: [],
  division: ['team'],
  unit: ['unit', 'team'],
  team: ['team'],
};

export const childPath = (parentPath: string, id: string) => `${parentPath}${id}/`;

/** True when `path` is `ancestorPath` or lies under it (paths end with a slash). */
export const isWithin = (path: string, ancestorPath: string) => path.startsWith(ancestorPath);

/** Aliases cleaned, without blanks, without repeats (compared ignoring accents and case). */
export function normaliseAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = cleanText(raw);
    const key = searchKey(alias);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

export interface TreeItem {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

/** Nests a flat list; siblings by sort order, then by Vietnamese name. Orphans (parent not in list) become roots. */
export function buildTree<T extends TreeItem>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map(items.map((i) => [i.id, { ...i, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (list: TreeNode<T>[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || compareVi(a.name, b.name));
    list.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}
