// A benchmark tenant's org tree and accounts. The tree is a Sở as it stands after the 2025 reforms:
// leadership, divisions, and the subordinate units (hospitals, centres, area health centres with the
// commune stations under them), in the proportions of a province (20 / 10 / 30 / 180 of 240).
import { sql } from 'drizzle-orm';
import type { Role } from '../../core/auth/policy.ts';
import { childPath } from '../../core/org/units.ts';
import { searchKey } from '../../core/text/vietnamese.ts';
import type { Tx } from '../../server/db/client.ts';
import { insertTenant } from '../../server/modules/org/tenants.service.ts';
import { AREA_HOSPITAL, CENTRES, committeeOf, DIVISIONS, FAMILY, GIVEN_F, GIVEN_M, HOSPITALS, MIDDLE_F, MIDDLE_M, placeNames, PROVINCES, shortNameOf } from './names.ts';
import { exec, hash, json, lit, rows, unitTables, words } from './sql.ts';

export { PROVINCES };

export type BenchKind = 'division' | 'hospital' | 'centre' | 'area' | 'commune';

export interface BenchUnit {
  /** 1..D for divisions, then the subordinate units: what the generator's hashes and draws are keyed on. */
  ord: number;
  id: string;
  path: string;
  kind: BenchKind;
  name: string;
  shortName: string;
  /** Part of the accounts' user names ("bv01" → t01.bv01.1) and of the unit's plan numbers ("BV"). */
  login: string;
  doc: string;
  /** How much work the unit carries: a hospital 8, a centre 4, an area centre 2, a commune station 1. */
  weight: number;
  /** Accounts made for it by insertUsers. */
  accounts: number;
}

export interface BenchUser { id: string; username: string; displayName: string; role: Role; unitId: string }

export interface BenchTenant {
  id: string;
  code: string;
  /** 1 for t01: salts the hashes so that tenants differ. */
  no: number;
  name: string;
  province: string;
  /** "UBND TỈNH …" / "UBND THÀNH PHỐ …", above the Sở's name in its documents. */
  committee: string;
  rootId: string;
  leadershipId: string;
  divisions: BenchUnit[];
  subs: BenchUnit[];
  users: BenchUser[];
}

const WEIGHT: Record<BenchKind, number> = { division: 0, hospital: 8, centre: 4, area: 2, commune: 1 };

/** The tenant "Sở Y tế <province>", its leadership, divisions and `subUnits` subordinate units. */
export async function insertOrg(tx: Tx, code: string, province: string, subUnits: number): Promise<BenchTenant> {
  const no = Number(code.replace(/\D/g, '')) || 1;
  const name = `Sở Y tế ${province}`;
  const { tenant, rootId } = await insertTenant(tx, { code, name, shortName: `SYT ${province.replace('Thành phố Hồ Chí Minh', 'TP.HCM')}`, aliases: ['Sở Y tế', 'Cơ quan Sở Y tế'] });
  const rootPath = `/${rootId}/`;
  const leadershipId = crypto.randomUUID();

  const hospitals = Math.round((subUnits * 20) / 240);
  const centres = Math.min(CENTRES.length, Math.round((subUnits * 10) / 240));
  const areas = Math.max(1, Math.round((subUnits * 30) / 240));
  const communes = subUnits - hospitals - centres - areas;
  const places = placeNames(no, Math.max(0, hospitals - HOSPITALS.length) + areas + communes);
  const named = (pattern: string) => pattern.replace('{p}', province).replace('{x}', () => places.shift()!);

  const units: BenchUnit[] = [];
  const add = (kind: BenchKind, unitName: string, login: string, doc: string, parentPath = rootPath, shortName = shortNameOf(unitName)) => {
    const id = crypto.randomUUID();
    const u: BenchUnit = { ord: units.length + 1, id, path: childPath(parentPath, id), kind, name: unitName, shortName, login, doc, weight: WEIGHT[kind], accounts: 0 };
    units.push(u);
    return u;
  };
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  for (const d of DIVISIONS) add('division', d.name, d.login, 'SYT', rootPath, d.shortName);
  for (let i = 0; i < hospitals; i++) add('hospital', named(HOSPITALS[i] ?? AREA_HOSPITAL), `bv${pad(i + 1)}`, 'BV');
  for (let i = 0; i < centres; i++) add('centre', named(CENTRES[i]), `tt${pad(i + 1)}`, 'TT');
  const areaUnits = Array.from({ length: areas }, (_, i) => add('area', named('Trung tâm Y tế khu vực {x}'), `ttyt${pad(i + 1)}`, 'TTYT'));
  // Six stations under each area centre, one in four a ward's.
  for (let i = 0; i < communes; i++) {
    add('commune', named(`Trạm Y tế ${i % 4 === 3 ? 'phường' : 'xã'} {x}`), `tyt${pad(i + 1, 3)}`, 'TYT', areaUnits[Math.floor((i * areas) / communes)].path);
  }

  const aliases = (u: BenchUnit) => DIVISIONS.find((d) => d.name === u.name)?.aliases ?? [];
  const rowsJson = [
    { id: leadershipId, parent_id: rootId, path: childPath(rootPath, leadershipId), kind: 'leadership', name: 'Ban Giám đốc', short_name: 'BGĐ', aliases: ['Ban Giám đốc Sở', 'Lãnh đạo Sở'], sort_order: 0 },
    ...units.map((u, i) => ({
      id: u.id, parent_id: u.path.split('/').at(-3), path: u.path, kind: u.kind === 'division' ? 'division' : 'unit', name: u.name,
      short_name: u.shortName, aliases: aliases(u), sort_order: u.kind === 'division' ? 10 : 20 + i,
    })),
  ].map((r) => ({ ...r, name_key: searchKey(r.name), search_text: searchKey([r.name, r.short_name, ...r.aliases].join(' ')) }));
  // One statement for the whole tree; keys made by the same searchKey the org service uses.
  await exec(tx, sql`INSERT INTO org_units (id, tenant_id, parent_id, path, kind, name, short_name, aliases, search_text, name_key, sort_order)
    SELECT x.id, ${tenant.id}, x.parent_id, x.path, x.kind, x.name, x.short_name, ARRAY(SELECT jsonb_array_elements_text(x.aliases)), x.search_text, x.name_key, x.sort_order
    FROM jsonb_to_recordset(${json(rowsJson)}) AS x(id uuid, parent_id uuid, path text, kind text, name text, short_name text, aliases jsonb, search_text text, name_key text, sort_order int)`);

  return {
    id: tenant.id, code, no, name, province, committee: committeeOf(province), rootId, leadershipId,
    divisions: units.filter((u) => u.kind === 'division'), subs: units.filter((u) => u.kind !== 'division'), users: [],
  };
}

/**
 * `count` accounts, all with the same password hash: the Sở's administrator, three leaders (lanhdao1 is
 * the director) and an inspector; 4% of the accounts spread over the divisions as their staff; the rest
 * as focal points of the units, shared by weight (a hospital has eight times a commune station's).
 */
export async function insertUsers(tx: Tx, t: BenchTenant, count: number, passwordHash: string): Promise<void> {
  const perDivision = Math.max(1, Math.floor((count * 0.04) / t.divisions.length));
  for (const d of t.divisions) d.accounts = perDivision;
  apportion(t.subs, count - 5 - perDivision * t.divisions.length);
  await unitTables(tx, t);

  const division = (login: string) => t.divisions.find((d) => d.login === login)!.id;
  const top = [
    { seq: 1, login: 'quantri1', role: 'admin', person_unit: division('vp'), title: 0 },
    { seq: 2, login: 'lanhdao1', role: 'leader', person_unit: t.leadershipId, title: 1 },
    { seq: 3, login: 'lanhdao2', role: 'leader', person_unit: t.leadershipId, title: 2 },
    { seq: 4, login: 'lanhdao3', role: 'leader', person_unit: t.leadershipId, title: 2 },
    { seq: 5, login: 'thanhtra1', role: 'inspector', person_unit: division('ttra'), title: 3 },
  ];
  // Chức vụ by index: the Sở's accounts 0–3, then a division's head, deputy, staff, a unit's focal point, staff, a station's head.
  const titles = words(['Quản trị hệ thống', 'Giám đốc Sở', 'Phó Giám đốc Sở', 'Thanh tra viên', 'Trưởng phòng', 'Phó Trưởng phòng', 'Chuyên viên', 'Đầu mối kế hoạch', 'Chuyên viên', 'Trạm trưởng']);
  const positions = words(['Quản lý hệ thống thông tin', 'Lãnh đạo quản lý', 'Lãnh đạo quản lý', 'Thanh tra', 'Quản lý kế hoạch', 'Quản lý kế hoạch', 'Theo dõi, tổng hợp kế hoạch', 'Kế hoạch tổng hợp', 'Theo dõi nhiệm vụ, báo cáo', 'Quản lý trạm y tế']);
  await tx.execute(sql`DROP TABLE IF EXISTS b_acc`);
  await tx.execute(sql`CREATE TEMP TABLE b_acc ON COMMIT DROP AS
    SELECT a.*, gen_random_uuid() AS user_id, gen_random_uuid() AS person_id, z.hv AS h FROM (
      SELECT x.seq, ${t.code}::text || '.' || x.login AS username, x.role, ${t.rootId}::uuid AS grant_unit, x.person_unit, x.title AS ti
      FROM jsonb_to_recordset(${json(top)}) AS x(seq int, login text, role text, person_unit uuid, title int)
      UNION ALL
      SELECT u.ord * 1000 + k, ${t.code}::text || '.' || u.login || '.' || k, CASE WHEN u.kind = 'division' THEN 'division_staff' ELSE 'unit_focal' END, u.id, u.id,
        CASE WHEN u.kind = 'division' THEN 3 + least(k, 3) WHEN k > 1 THEN 8 WHEN u.kind = 'commune' THEN 9 ELSE 7 END
      FROM b_unit u CROSS JOIN LATERAL generate_series(1, u.accounts) k
    ) a CROSS JOIN LATERAL (SELECT ${hash(sql`(${lit(t.no)}::bigint << 32) + a.seq`)} AS hv) z`);
  // Full names: family, middle and given name by sex, from the hash of the account's ordinal.
  const family = words(FAMILY), mf = words(MIDDLE_F), mm = words(MIDDLE_M), gf = words(GIVEN_F), gm = words(GIVEN_M);
  const full = (m: 'text' | 'key') => sql`${family[m](sql`h / 2`)} || ' ' || CASE WHEN h % 2 = 0 THEN ${mf[m](sql`h / 64`)} ELSE ${mm[m](sql`h / 64`)} END
    || ' ' || CASE WHEN h % 2 = 0 THEN ${gf[m](sql`h / 1024`)} ELSE ${gm[m](sql`h / 1024`)} END`;
  await tx.execute(sql`ALTER TABLE b_acc ADD COLUMN full_name text, ADD COLUMN full_key text`);
  await tx.execute(sql`UPDATE b_acc SET full_name = ${full('text')}, full_key = ${full('key')}`);

  await exec(tx, sql`INSERT INTO people (id, tenant_id, unit_id, full_name, position, title, search_text)
    SELECT person_id, ${t.id}, person_unit, full_name, ${positions.text(sql`ti`)}, ${titles.text(sql`ti`)},
      full_key || ' ' || ${positions.key(sql`ti`)} || ' ' || ${titles.key(sql`ti`)} FROM b_acc`);
  await exec(tx, sql`INSERT INTO users (id, tenant_id, username, display_name, password_hash, person_id)
    SELECT user_id, ${t.id}, username, full_name, ${passwordHash}, person_id FROM b_acc ORDER BY seq`);
  await exec(tx, sql`INSERT INTO role_grants (tenant_id, user_id, role, unit_id) SELECT ${t.id}, user_id, role, grant_unit FROM b_acc`);
  t.users = await rows<BenchUser>(tx, sql`SELECT user_id AS id, username, full_name AS "displayName", role, grant_unit AS "unitId" FROM b_acc ORDER BY seq`);
}

/** `total` accounts over the units by weight: at least one each, the remainder to the largest fractions. */
function apportion(units: BenchUnit[], total: number) {
  const weights = units.reduce((a, u) => a + u.weight, 0);
  const spare = Math.max(0, total - units.length);
  const share = units.map((u) => (spare * u.weight) / weights);
  units.forEach((u, i) => { u.accounts = 1 + Math.floor(share[i]); });
  let left = total - units.reduce((a, u) => a + u.accounts, 0);
  for (const i of share.map((s, i) => i).sort((a, b) => (share[b] % 1) - (share[a] % 1) || a - b)) {
    if (left-- <= 0) break;
    units[i].accounts++;
  }
}
