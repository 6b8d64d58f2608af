// Finds the org units a plan names in a cell such as "Phòng Tổ chức cán bộ, Kế hoạch - Tài chính,
// Văn phòng Sở, các phòng thuộc Sở": by name, short name or alias, and by group phrases.
import { searchKey } from '../text/vietnamese.ts';
import type { UnitKindName } from './units.ts';

export interface ResolvableUnit {
  id: string;
  parentId: string | null;
  kind: UnitKindName;
  name: string;
  shortName: string;
  aliases: readonly string[];
  active: boolean;
}

export type UnitGroup = 'divisions' | 'units';

export interface Resolution {
  /** Unit ids in the order the text names them (groups expanded after the named units). */
  unitIds: string[];
  groups: UnitGroup[];
  /** Words that named nothing known (external bodies such as "Sở Nội vụ", or "các đơn vị liên quan"). */
  unresolved: string[];
}

/** Group phrases, as search keys. "… liên quan" is deliberately not a group: it names nobody in particular. */
const GROUPS: [string, UnitGroup[]][] = [
  ['cac phong don vi thuoc so', ['divisions', 'units']],
  ['cac phong don vi truc thuoc', ['divisions', 'units']],
  ['cac phong chuyen mon don vi truc thuoc', ['divisions', 'units']],
  ['cac phong don vi', ['divisions', 'units']],
  ['cac phong thuoc so', ['divisions']],
  ['cac phong chuyen mon', ['divisions']],
  ['cac don vi truc thuoc so', ['units']],
  ['cac don vi truc thuoc', ['units']],
  ['don vi truc thuoc', ['units']],
  ['cac dvtt', ['units']],
  ['cac don vi thuoc so', ['units']],
  ['cac don vi trong nganh', ['units']],
];

/** Words that join names and carry no unit of their own. */
const FILLER = new Set(['cac', 'va', 'cua', 'so', 'phoi', 'hop', 'voi', 'phong', 'y', 'te', 'nganh', 'khac', 'co', 'quan', 'lien', 'don', 'vi', 'thuoc', 'truc', 'bo', 'phan']);

interface Key { key: string; unitId?: string; groups?: UnitGroup[] }

function keysOf(units: readonly ResolvableUnit[]): Key[] {
  const keys: Key[] = GROUPS.map(([key, groups]) => ({ key, groups }));
  for (const u of units) {
    if (!u.active) continue;
    for (const name of [u.name, u.shortName, ...u.aliases]) {
      const key = searchKey(name);
      if (key.length >= 3 || /\d/.test(key)) keys.push({ key, unitId: u.id });
    }
  }
  // Longest first, so "phong ke hoach tai chinh" wins over "ke hoach".
  return keys.sort((a, b) => b.key.length - a.key.length);
}

export function resolveUnits(text: string, units: readonly ResolvableUnit[]): Resolution {
  let rest = ` ${searchKey(text)} `;
  const found: { at: number; unitId?: string; groups?: UnitGroup[] }[] = [];
  for (const k of keysOf(units)) {
    for (let at = rest.indexOf(` ${k.key} `); at >= 0; at = rest.indexOf(` ${k.key} `)) {
      // "các đơn vị liên quan" and "các phòng, đơn vị liên quan" name nobody: leave them unresolved.
      if (k.groups && rest.slice(at + k.key.length + 1).startsWith(' lien quan')) break;
      found.push({ at, unitId: k.unitId, groups: k.groups });
      rest = rest.slice(0, at + 1) + '#'.repeat(k.key.length) + rest.slice(at + 1 + k.key.length);
    }
  }
  found.sort((a, b) => a.at - b.at);
  const groups = [...new Set(found.flatMap((f) => f.groups ?? []))];
  const ids: string[] = [];
  const add = (id: string) => { if (!ids.includes(id)) ids.push(id); };
  for (const f of found) if (f.unitId) add(f.unitId);
  const root = units.find((u) => !u.parentId);
  for (const g of groups) {
    const kind: UnitKindName = g === 'divisions' ? 'division' : 'unit';
    for (const u of units) if (u.active && u.kind === kind && u.parentId === root?.id) add(u.id);
  }
  const leftover = rest.split(/#+/)
    .map((s) => s.split(' ').filter((w) => w.length > 1 && !FILLER.has(w)).join(' '))
    .filter(Boolean);
  return { unitIds: ids, groups, unresolved: leftover };
}
