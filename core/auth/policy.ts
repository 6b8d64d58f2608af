// Who may do what: the one place that answers it. Used by every route and sent to the UI as flags.

export const ROLES = ['admin', 'leader', 'division_staff', 'unit_focal', 'inspector', 'allowance_it', 'allowance_hr', 'allowance_finance', 'emulation_officer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  leader: 'Lãnh đạo Sở',
  division_staff: 'Chuyên viên phòng thuộc Sở',
  unit_focal: 'Đầu mối đơn vị',
  inspector: 'Thanh tra, kiểm tra',
  allowance_it: 'CNTT: lập danh sách hỗ trợ',
  allowance_hr: 'TCCB: phân công, xếp loại, duyệt danh sách hỗ trợ',
  allowance_finance: 'Kế toán: chi trả hỗ trợ',
  emulation_officer: 'TCCB: thường trực thi đua, khen thưởng',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Quản lý cơ cấu tổ chức, cán bộ, tài khoản và phân quyền; xem nhật ký kiểm toán.',
  leader: 'Xem toàn bộ dữ liệu của Sở, phê duyệt.',
  division_staff: 'Quản lý kế hoạch của phòng, xem xét kết quả của các đơn vị.',
  unit_focal: 'Thay mặt một đơn vị trực thuộc: cập nhật cán bộ, nhiệm vụ, báo cáo của đơn vị.',
  inspector: 'Xem mọi dữ liệu của Sở; lập kế hoạch kiểm tra, ghi kết luận, phát hiện và đóng biện pháp khắc phục.',
  allowance_it: 'Phòng QLBHYT&CNTT (cơ quan Sở) hoặc bộ phận CNTT của đơn vị: lập, rà soát và đề xuất danh sách hưởng hỗ trợ hằng tháng của đơn vị được cấp quyền.',
  allowance_hr: 'Phòng TCCB hoặc bộ phận tổ chức của đơn vị: ghi quyết định phân công, xếp loại hằng tháng, chính sách khác; duyệt hoặc trả lại danh sách hỗ trợ.',
  allowance_finance: 'Phòng KHTC hoặc kế toán đơn vị: ghi nhận chi trả danh sách đã duyệt, dự toán và quyết toán.',
  emulation_officer: 'Phòng TCCB (thường trực Hội đồng Thi đua - Khen thưởng): lập phong trào thi đua, kiểm tra hồ sơ đề nghị khen thưởng, ghi kết quả Hội đồng, trình cấp trên, chấm điểm khối thi đua.',
};

/** Actions. `tenant.manage` belongs only to the deployment's system administrator. */
export type Action =
  | 'org.read' // see the org tree (names) of the own tenant
  | 'unit.view' // open a unit's admin page: details, people
  | 'unit.manage' // add, rename, move, deactivate units under it
  | 'person.manage' // add and edit people of a unit
  | 'user.manage' // accounts and role grants
  | 'audit.read' // the audit log and its verification
  | 'plan.read' // plans, tasks, occurrences, progress and evidence of the tenant
  | 'plan.manage' // create and edit plans owned by the unit (divisions: the Sở's plans; units: their detailed plans)
  | 'progress.record' // report progress on occurrences led by the unit
  | 'indicator.record' // enter the unit's values of a plan's indicators, with evidence
  | 'report.submit' // fill in and send the unit's periodic reports
  | 'report.review' // return or approve the reports of schedules the division owns, consolidate them
  | 'report.manage' // report forms and schedules of the division, reminders to units
  | 'report.unlock' // reopen a locked period or an approved report for one unit (a lock exception)
  | 'inspection.manage' // inspection plans of the unit, inspections, findings, conclusions; close corrective actions
  | 'file.upload' // upload evidence and documents (stored once per content)
  | 'file.read' // download a file of the tenant
  | 'allowance.read' // the support allowance: policy, assignments, ratings, monthly lists, budget, rewards
  | 'allowance.policy' // the allowance policy's versions (rates, threshold, partial-month rule)
  | 'allowance.prepare' // draft, review and propose a paying unit's monthly list (IT)
  | 'allowance.records' // assignment decisions, monthly ratings, other benefits; approve or return lists (HR)
  | 'allowance.pay' // record the payment of an approved list, the budget (finance)
  | 'emulation.read' // emulation movements, registrations, nominations, block scores, the history of awards
  | 'emulation.nominate' // register the unit for a movement, record its nominations with their dossier
  | 'emulation.manage' // movements, blocks and scores; check dossiers, record the council's vote, forward to higher levels
  | 'emulation.decide' // the Director's decision on the Sở's own award forms
  | 'tenant.manage'; // list, create and switch tenants

/** Every action, each named once: a Record over the union makes the compiler refuse an action left out here. */
const EVERY_ACTION: Record<Action, true> = {
  'org.read': true, 'unit.view': true, 'unit.manage': true, 'person.manage': true, 'user.manage': true, 'audit.read': true, 'plan.read': true,
  'plan.manage': true, 'progress.record': true, 'indicator.record': true, 'report.submit': true, 'report.review': true, 'report.manage': true,
  'report.unlock': true, 'inspection.manage': true, 'file.upload': true, 'file.read': true, 'allowance.read': true, 'allowance.policy': true,
  'allowance.prepare': true, 'allowance.records': true, 'allowance.pay': true, 'emulation.read': true, 'emulation.nominate': true,
  'emulation.manage': true, 'emulation.decide': true, 'tenant.manage': true,
};
export const ACTIONS = Object.keys(EVERY_ACTION) as Action[];

// The allowance's three duties (prepare, approve, pay) are separate roles, never the administrator's: money
// moves only through the people the paying unit named for each step (seed 000, appendix tasks 8 and 9).
const GRANTS: Record<Role, readonly Action[]> = {
  admin: ['org.read', 'unit.view', 'unit.manage', 'person.manage', 'user.manage', 'audit.read', 'plan.read', 'plan.manage', 'progress.record', 'indicator.record', 'report.submit', 'report.review', 'report.manage', 'report.unlock', 'allowance.read', 'allowance.policy', 'file.upload', 'file.read', 'emulation.read'],
  // Leadership changes nothing day to day, but authorises a unit to correct a locked report.
  leader: ['org.read', 'unit.view', 'audit.read', 'plan.read', 'report.unlock', 'allowance.read', 'file.read', 'emulation.read', 'emulation.decide'],
  division_staff: ['org.read', 'unit.view', 'plan.read', 'plan.manage', 'progress.record', 'indicator.record', 'report.submit', 'report.review', 'report.manage', 'file.upload', 'file.read', 'inspection.manage', 'emulation.read', 'emulation.nominate'],
  unit_focal: ['org.read', 'unit.view', 'person.manage', 'plan.read', 'plan.manage', 'progress.record', 'indicator.record', 'report.submit', 'file.upload', 'file.read', 'emulation.read', 'emulation.nominate'],
  inspector: ['org.read', 'unit.view', 'audit.read', 'plan.read', 'allowance.read', 'file.read', 'inspection.manage', 'file.upload', 'emulation.read'],
  // Only the allowance: a duty on the Sở must not widen what its holder sees of plans and reports.
  allowance_it: ['org.read', 'allowance.read', 'allowance.prepare', 'file.upload', 'file.read'],
  allowance_hr: ['org.read', 'allowance.read', 'allowance.records', 'file.upload', 'file.read'],
  allowance_finance: ['org.read', 'allowance.read', 'allowance.pay', 'file.upload', 'file.read'],
  // The council's standing division reads the sector's emulation, not its plans: scores explain themselves.
  emulation_officer: ['org.read', 'emulation.read', 'emulation.manage', 'file.upload', 'file.read'],
};

export interface Grant {
  role: Role;
  unitId: string;
  /** Materialised path of the granted unit: "/<rootId>/<childId>/". */
  unitPath: string;
}

export interface Actor {
  id: string;
  /** The deployment's system administrator acts in any tenant and manages tenants. */
  isSystemAdmin: boolean;
  grants: readonly Grant[];
}

/** A resource placed in the org tree, by the path of the unit that owns it. */
export interface Placed {
  unitPath: string;
}

export function roleAllows(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}

/**
 * May `actor` do `action`? Without a resource: somewhere in the tenant. With one: a grant on the
 * resource's unit or an ancestor of it (a role covers the subtree of the unit it is granted on).
 */
export function can(actor: Actor | null | undefined, action: Action, resource?: Placed): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  if (action === 'tenant.manage') return false;
  return actor.grants.some(
    (g) => roleAllows(g.role, action) && (!resource || resource.unitPath.startsWith(g.unitPath)),
  );
}

/**
 * May `actor` do `action` for the whole tenant — a grant on its root unit, the Sở itself? A role granted on one
 * hospital covers that hospital, never the Sở's settings, allowance rates, audit log or the Director's decisions.
 */
export function canForTenant(actor: Actor | null | undefined, action: Action): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  return actor.grants.some((g) => roleAllows(g.role, action) && g.unitPath.split('/').filter(Boolean).length === 1);
}

/** Actions that are only ever the Sở's own (every route of theirs is `wholeTenant`): held on a unit, they grant nothing. */
export const SO_ONLY_ACTIONS: readonly Action[] = ['audit.read', 'allowance.policy', 'emulation.decide'];

/** What the actor may do somewhere, for the UI's menus: the Sở's own actions count only when held on the Sở. */
export const permissionsOf = (actor: Actor | null | undefined) => ACTIONS.filter((a) => (SO_ONLY_ACTIONS.includes(a) ? canForTenant(actor, a) : can(actor, a)));

/** The subset of `actions` the actor may do on `resource`, as UI flags. */
export function allowed<A extends Action>(actor: Actor | null | undefined, actions: readonly A[], resource?: Placed) {
  return Object.fromEntries(actions.map((a) => [a, can(actor, a, resource)])) as Record<A, boolean>;
}
