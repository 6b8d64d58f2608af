// Names written in a plan matched to the tenant's org units: by name, short name and alias (ignoring
// diacritics and case), by group phrases ("các đơn vị trực thuộc"), and by abbreviation ("P.KHTC",
// "Phòng QLBHYT&CNTT", "VP", "TCCB"). A name with no match is offered as an external body or a new unit.
import { resolveUnits, type ResolvableUnit } from '../org/resolve.ts';
import { searchKey } from '../text/vietnamese.ts';

export interface UnitMatch {
  name: string;
  kind: 'unit' | 'group' | 'external' | 'new';
  unitIds: string[];
  /** 0..1; below 0.8 the review page highlights it. */
  confidence: number;
}

const TYPE_WORDS = /^(phong|p|ban|trung tam|tt|benh vien|bv|chi cuc|cc)\s+/;
const EXTERNAL = /^(so|bo|ubnd|uy ban|thanh uy|tinh uy|chinh phu|thu tuong|hdnd|hoi dong nhan dan|ban chi dao|cong an|kho bac|bao hiem xa hoi|ngan hang|quoc hoi|van phong chinh phu|van phong ubnd)\b/;
const OWN = /\b(so y te|thuoc so|cua so|truc thuoc|cua don vi)\b/;

/** Initials of a unit's name without its type word and "và": "Phòng Kế hoạch - Tài chính" → "khtc". */
function initials(name: string): string[] {
  const words = searchKey(name).replace(TYPE_WORDS, '').split(' ').filter((w) => w && w !== 'va');
  const all = words.map((w) => w[0]).join('');
  const withoutSo = words[words.length - 1] === 'so' ? all.slice(0, -1) : all;
  return [...new Set([all, withoutSo, searchKey(name).split(' ').map((w) => w[0]).join('')])].filter((x) => x.length >= 2);
}

export function matchUnitName(name: string, units: readonly ResolvableUnit[]): UnitMatch {
  const key = searchKey(name);
  const bare = key.replace(TYPE_WORDS, '').replace(/\s+(so|so y te)$/, '');
  const active = units.filter((u) => u.active);
  // The same name, short name or alias, with or without the type word.
  for (const u of active) {
    for (const n of [u.name, u.shortName, ...u.aliases]) {
      const k = searchKey(n);
      if (!k) continue;
      if (k === key) return { name, kind: 'unit', unitIds: [u.id], confidence: 1 };
      if (k.replace(TYPE_WORDS, '').replace(/\s+(so|so y te)$/, '') === bare && bare.length >= 4) return { name, kind: 'unit', unitIds: [u.id], confidence: 0.9 };
    }
  }
  const r = resolveUnits(name, units);
  if (r.groups.length) return { name, kind: 'group', unitIds: r.unitIds, confidence: r.unresolved.length ? 0.7 : 0.9 };
  if (r.unitIds.length === 1) return { name, kind: 'unit', unitIds: r.unitIds, confidence: r.unresolved.length ? 0.6 : 0.85 };
  // Abbreviations: "QLBHYT&CNTT", "KHTC", "VP", "TCCB".
  const compact = bare.replace(/\s+/g, '');
  if (/^[a-z]{2,12}$/.test(compact) && name.replace(/[^A-ZĐ]/g, '').length >= 2) {
    const hits = active.filter((u) => initials(u.name).includes(compact) || searchKey(u.shortName).replace(/\s+/g, '') === compact);
    if (hits.length === 1) return { name, kind: 'unit', unitIds: [hits[0].id], confidence: 0.8 };
  }
  if (r.unitIds.length > 1) return { name, kind: 'unit', unitIds: r.unitIds, confidence: 0.5 };
  if (EXTERNAL.test(key) && !OWN.test(key)) return { name, kind: 'external', unitIds: [], confidence: 0.7 };
  return { name, kind: 'new', unitIds: [], confidence: 0 };
}

/** Every distinct lead and coordinator name of a draft's tasks, matched once. */
export function matchDraftUnits(names: readonly string[], units: readonly ResolvableUnit[]): UnitMatch[] {
  const seen = new Map<string, UnitMatch>();
  for (const n of names) if (!seen.has(n)) seen.set(n, matchUnitName(n, units));
  return [...seen.values()];
}
