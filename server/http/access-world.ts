// The authorization matrix's world (server/http/access.test.ts): a demo database, a record of each kind a route
// acts on, and callers of each role granted on the record's own unit, a sibling of it, a unit below it (for which
// the record sits in the parent) or a unit of another tenant. Callers are made directly in the database: the
// matrix is about what a session may do, and sign-in has tests of its own.
import { sql } from 'drizzle-orm';
import type { MatrixRole, MatrixTarget, Target } from '../../core/auth/access.ts';
import { rowsOf } from '../db/client.ts';
import { withSystem } from '../db/context.ts';
import { createSession } from '../modules/auth/sessions.ts';
import { clientFor, signIn, type Client, type TestContext } from '../test/harness.ts';

interface UnitRow { id: string; tenantId: string; parentId: string | null; path: string; name: string; kind: string }
/** A record a route acts on: the unit it belongs to, and the route's path parameters. */
export interface Subject { unit: UnitRow; params: Record<string, string>; query?: Record<string, string> }

export class World {
  private units = new Map<string, UnitRow>();
  private actors = new Map<string, Client>();
  private places = new Map<string, UnitRow>();
  private made = 0;
  constructor(private t: TestContext, private sysadmin: Client) {}

  async query<T>(text: string): Promise<T[]> {
    return rowsOf<T>(await withSystem(this.t.database.db, (tx) => tx.execute(sql.raw(text))));
  }
  private async one(text: string): Promise<Record<string, string>> {
    const [row] = await this.query<Record<string, string>>(text);
    if (!row) throw new Error(`access world: nothing for ${text}`);
    return row;
  }

  async unit(where: string): Promise<UnitRow> {
    const row = await this.one(`SELECT id, tenant_id AS "tenantId", parent_id AS "parentId", path, name, kind FROM org_units WHERE ${where} ORDER BY name LIMIT 1`);
    const u = row as unknown as UnitRow;
    this.units.set(u.id, u);
    return u;
  }
  byName = (name: string) => this.unit(`name = '${name}'`);

  /** The unit where a caller of `target` is granted, seen from the record's unit `r`. */
  async placeFor(r: UnitRow, target: MatrixTarget): Promise<UnitRow> {
    const key = `${r.id}:${target}`;
    const known = this.places.get(key);
    if (known) return known;
    const place = await this.findPlace(r, target);
    this.places.set(key, place);
    return place;
  }

  private async findPlace(r: UnitRow, target: MatrixTarget): Promise<UnitRow> {
    if (target === 'own') return r;
    if (target === 'sibling') return this.unit(`parent_id = '${r.parentId}' AND id <> '${r.id}' AND kind = '${r.kind}' AND active`);
    if (target === 'other') return this.unit(`parent_id IS NULL AND tenant_id <> '${r.tenantId}'`);
    const child = await this.query<{ id: string }>(`SELECT id FROM org_units WHERE parent_id = '${r.id}' AND active LIMIT 1`);
    if (child.length) return this.unit(`id = '${child[0].id}'`);
    await this.asSystemIn(r.tenantId, (c) => c.post('/api/org/units', { parentId: r.id, name: `Tổ kiểm thử ${++this.made}`, kind: 'team' }));
    return this.unit(`parent_id = '${r.id}'`);
  }

  /** A session of a new user holding only `role` on `unit`; anonymous callers have neither cookie nor token. */
  async caller(role: MatrixRole, unit: UnitRow): Promise<Client> {
    if (role === 'anonymous') return clientFor(this.t.app, '', '');
    const key = `${role}@${unit.id}`;
    const known = this.actors.get(key);
    if (known) return known;
    const username = `mx.${role}.${++this.made}`;
    const session = await withSystem(this.t.database.db, async (tx) => {
      const [user] = rowsOf<{ id: string }>(await tx.execute(sql`INSERT INTO users (tenant_id, username, display_name, password_hash) VALUES (${unit.tenantId}, ${username}, ${`Ma trận ${role}`}, 'x') RETURNING id`));
      await tx.execute(sql`INSERT INTO role_grants (tenant_id, user_id, role, unit_id) VALUES (${unit.tenantId}, ${user.id}, ${role}, ${unit.id})`);
      return createSession(tx, user.id, unit.tenantId);
    });
    const client = clientFor(this.t.app, `kehoach_session=${session.token}`, session.csrfToken);
    this.actors.set(key, client);
    return client;
  }
  /** A signed-out caller's session ended (log-out is in the matrix): the next call makes a new one. */
  forget(role: MatrixRole, unit: UnitRow) { this.actors.delete(`${role}@${unit.id}`); }

  async asSystemIn<T>(tenantId: string, fn: (c: Client) => Promise<T>): Promise<T> {
    await this.sysadmin.post('/api/auth/tenant', { tenantId });
    return fn(this.sysadmin);
  }

  /** A record of the kind `on` (made fresh when the route may delete or consume it), with its unit. */
  async subject(on: Target, fresh: boolean): Promise<Subject> {
    const p = (unit: UnitRow, params: Record<string, string>): Subject => ({ unit, params });
    const xanhpon = () => this.byName('Bệnh viện Đa khoa Xanh Pôn');
    const cntt = () => this.byName('Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin');
    const tccb = () => this.unit(`name = 'Phòng Tổ chức cán bộ' AND tenant_id = (SELECT tenant_id FROM org_units WHERE name = 'Bệnh viện Đa khoa Xanh Pôn')`);
    const ofUnit = async (unitId: string) => this.unit(`id = '${unitId}'`);
    const cnttPlan = async () => (await this.one(`SELECT p.id FROM plans p JOIN org_units u ON u.id = p.owner_unit_id WHERE u.name = 'Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin'`)).id;
    if (on.startsWith('body.')) {
      // Plans, schedules, inspection plans and movements are owned by a division of the Sở; the rest name a unit.
      return p(on === 'body.ownerUnitId' ? await tccb() : await xanhpon(), {});
    }
    switch (on) {
      case 'unit': { const u = await xanhpon(); return p(u, { id: u.id }); }
      case 'person': { const u = await xanhpon(); return p(u, { id: (await this.one(`SELECT id FROM people WHERE unit_id = '${u.id}' ORDER BY full_name LIMIT 1`)).id }); }
      case 'user': { const u = await xanhpon(); return p(u, { id: (await this.one(`SELECT id FROM users WHERE username = 'hn.xanhpon'`)).id }); }
      case 'grant': {
        const u = await xanhpon();
        const user = (await this.one(`SELECT id FROM users WHERE username = 'hn.xanhpon.ketoan'`)).id;
        const [g] = await this.query<{ id: string }>(`INSERT INTO role_grants (tenant_id, user_id, role, unit_id) VALUES ('${u.tenantId}', '${user}', 'inspector', '${u.id}') ON CONFLICT DO NOTHING RETURNING id`);
        return p(u, { id: user, grantId: g?.id ?? (await this.one(`SELECT id FROM role_grants WHERE user_id = '${user}' AND role = 'inspector'`)).id });
      }
      case 'plan': case 'section': case 'task': {
        const u = await cntt();
        let id = await cnttPlan();
        if (fresh && on === 'plan') id = (await this.asSystemIn(u.tenantId, (c) => c.post('/api/plans', { ownerUnitId: u.id, issuer: 'Sở Y tế Hà Nội', title: `Kế hoạch để xóa ${++this.made}`, periodStart: '2026-01-01', periodEnd: '2026-12-31' }))).body.id;
        if (on === 'plan') return p(u, { id });
        if (on === 'section') {
          const sectionId = fresh ? (await this.asSystemIn(u.tenantId, (c) => c.post(`/api/plans/${id}/sections`, { code: 'IX', title: `Phần để xóa ${++this.made}` }))).body.id
            : (await this.one(`SELECT id FROM plan_sections WHERE plan_id = '${id}' ORDER BY sort_order LIMIT 1`)).id;
          return p(u, { id, sectionId });
        }
        const taskId = fresh ? (await this.asSystemIn(u.tenantId, (c) => c.post(`/api/plans/${id}/tasks`, { content: `Nhiệm vụ để xóa ${++this.made}`, leadUnitIds: [u.id], deadlineText: 'Quý IV/2026' }))).body.id
          : (await this.one(`SELECT id FROM tasks WHERE plan_id = '${id}' ORDER BY id LIMIT 1`)).id;
        return p(u, { id: taskId });
      }
      case 'lead': { const u = await xanhpon(); return p(u, { id: (await this.one(`SELECT task_id AS id FROM task_units WHERE unit_id = '${u.id}' AND role = 'lead' ORDER BY task_id LIMIT 1`)).id }); }
      case 'occurrence': { const u = await xanhpon(); return p(u, { id: (await this.one(`SELECT id FROM occurrences WHERE unit_id = '${u.id}' ORDER BY due_on, id LIMIT 1`)).id }); }
      case 'import': {
        const u = await cntt();
        const made = await this.asSystemIn(u.tenantId, (c) => c.upload('/api/plan-imports', [{ name: 'ke-hoach.txt', content: 'SỞ Y TẾ HÀ NỘI\nKẾ HOẠCH\nTriển khai bệnh án điện tử năm 2026\n1. Rà soát hạ tầng. Đơn vị chủ trì: Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin. Thời gian: Quý IV/2026.\n' }]));
        if (made.status !== 201) throw new Error(`access world: import ${made.status} ${JSON.stringify(made.body)}`);
        return p(u, { id: made.body.id });
      }
      case 'indicator': case 'indicatorValue': {
        const row = await this.one(`SELECT i.id, p.owner_unit_id AS owner, iu.unit_id AS unit FROM indicators i JOIN plans p ON p.id = i.plan_id JOIN indicator_units iu ON iu.indicator_id = i.id JOIN org_units u ON u.id = iu.unit_id WHERE u.parent_id IS NOT NULL AND u.kind = 'unit' ORDER BY i.sort_order, u.name LIMIT 1`);
        if (on === 'indicator') return p(await ofUnit(row.owner), { id: row.id });
        const period = (await this.one(`SELECT period_key FROM indicator_values WHERE indicator_id = '${row.id}' ORDER BY period_key LIMIT 1`)).period_key;
        return p(await ofUnit(row.unit), { id: row.id, periodKey: period, unitId: row.unit });
      }
      case 'schedule': case 'period': case 'submission': case 'review': {
        const u = await xanhpon();
        const s = await this.one(`SELECT s.id, s.schedule_id AS schedule, s.period_key AS period, sc.owner_unit_id AS owner FROM report_submissions s JOIN report_schedules sc ON sc.id = s.schedule_id WHERE s.unit_id = '${u.id}' ORDER BY s.period_key DESC LIMIT 1`);
        if (on === 'schedule') return p(await ofUnit(s.owner), { id: s.schedule });
        if (on === 'period') return p(await ofUnit(s.owner), { id: s.schedule, period: s.period });
        if (on === 'review') return p(await ofUnit(s.owner), { id: s.id });
        return p(u, { id: s.schedule, period: s.period, unitId: u.id });
      }
      case 'payer': { const u = await xanhpon(); return p(u, { unitId: u.id, month: '2026-11', year: '2026' }); }
      case 'list': case 'line': {
        const u = await xanhpon();
        const list = (await this.one(`SELECT id FROM allowance_lists WHERE unit_id = '${u.id}' ORDER BY month DESC LIMIT 1`)).id;
        if (on === 'list') return p(u, { id: list });
        return p(u, { id: list, lineId: (await this.one(`SELECT id FROM allowance_lines WHERE list_id = '${list}' ORDER BY person_name LIMIT 1`)).id });
      }
      case 'assignment': { const u = await xanhpon(); return p(u, { id: (await this.one(`SELECT id FROM allowance_assignments WHERE unit_id = '${u.id}' ORDER BY id LIMIT 1`)).id }); }
      case 'employment': { const u = await xanhpon(); return p(u, { id: (await this.one(`SELECT person_id AS id FROM allowance_assignments WHERE unit_id = '${u.id}' ORDER BY id LIMIT 1`)).id }); }
      case 'reward': {
        const [row] = await this.query<{ id: string; unit: string }>(`SELECT id, unit_id AS unit FROM reward_proposals ORDER BY created_at LIMIT 1`);
        if (row) return p(await ofUnit(row.unit), { id: row.id });
        // The demo holds no reward proposal: Xanh Pôn's IT section proposes one, with its evidence.
        const u = await xanhpon();
        const it = await signIn(this.t.app, 'hn.xanhpon');
        const file = (await it.upload('/api/files', [{ name: 'Quyết định công nhận.pdf', content: '%PDF-1.4\n%kehoach\n' }])).body;
        const made = await it.post('/api/rewards', {
          unitId: u.id, subject: 'collective', collectiveName: 'Phòng Công nghệ thông tin', taskText: 'Triển khai bệnh án điện tử toàn viện', title: 'Hoàn thành bệnh án điện tử trước thời hạn',
          output: 'Bệnh án điện tử được Sở Y tế công nhận', period: '2026-H2', criteria: ['exceeds', 'replicable'], proposedAmount: 20_000_000, fileIds: [file.items?.[0]?.id ?? file.id],
        });
        if (made.status !== 201) throw new Error(`access world: reward ${made.status} ${JSON.stringify(made.body)}`);
        return p(u, { id: made.body.id });
      }
      case 'inspectionPlan': case 'inspection': case 'close': case 'action': {
        const row = await this.one(`SELECT ip.id AS plan, ip.owner_unit_id AS owner, i.id AS inspection, a.id AS action, a.responsible_unit_id AS responsible FROM corrective_actions a JOIN inspection_findings f ON f.id = a.finding_id JOIN inspections i ON i.id = f.inspection_id JOIN inspection_plans ip ON ip.id = i.plan_id ORDER BY a.created_at LIMIT 1`);
        if (on === 'inspectionPlan') return p(await ofUnit(row.owner), { id: row.plan });
        if (on === 'inspection') return p(await ofUnit(row.owner), { id: row.inspection });
        return p(await ofUnit(on === 'action' ? row.responsible : row.owner), { id: row.action });
      }
      case 'block': {
        const row = await this.one(`SELECT b.id, m.owner_unit_id AS owner FROM emulation_blocks b JOIN emulation_movements m ON m.id = b.movement_id ORDER BY b.created_at LIMIT 1`);
        return p(await ofUnit(row.owner), { id: row.id });
      }
      case 'blockCell': {
        const u = await xanhpon();
        const row = await this.one(`SELECT b.id, c.id AS criterion FROM emulation_blocks b JOIN emulation_block_units bu ON bu.block_id = b.id JOIN emulation_criteria c ON c.movement_id = b.movement_id WHERE bu.unit_id = '${u.id}' AND c.measure <> 'manual' ORDER BY c.sort_order LIMIT 1`);
        return { unit: u, params: { id: row.id }, query: { year: '2026', unitId: u.id, criterionId: row.criterion } };
      }
      case 'movement': case 'officer': case 'nomination': {
        const u = await xanhpon();
        const n = await this.one(`SELECT n.id, n.movement_id AS movement, m.owner_unit_id AS owner FROM nominations n JOIN emulation_movements m ON m.id = n.movement_id WHERE n.unit_id = '${u.id}' ORDER BY n.created_at DESC LIMIT 1`);
        if (on === 'nomination') return p(u, { id: n.id });
        return p(await ofUnit(n.owner), { id: on === 'movement' ? n.movement : n.id });
      }
    }
    throw new Error(`access world: no subject for ${on}`);
  }
}
