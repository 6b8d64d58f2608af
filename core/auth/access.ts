// Who may call which route, on whose records: the declared table the authorization matrix
// (server/http/access.test.ts) checks every registered route against. A route without a row fails that test.
//
// Each row names the route's action (the same as the route's `config.authz`), its scope and, where the route acts
// on a record, what the record is. The scope says where the caller's grant must sit:
//   public   — anyone, signed in or not;
//   session  — anyone signed in, on their own things (notifications, preferences, password);
//   system   — only the deployment's system administrator;
//   sở       — a grant of the action on the tenant's root unit, the Sở itself (the route's `wholeTenant`): the Sở's
//              settings, allowance rates, audit log and the Director's decisions are no hospital's to change or read;
//   tenant   — a grant of the action anywhere in the tenant reaches every record of the tenant (plans are read
//              sector-wide: a hospital sees the Sở's plan it carries out);
//   unit     — a grant of the action on the record's unit or an ancestor of it (a role covers its subtree);
//   creator  — the action, and only on records the caller made, or as the tenant's administrator (a plan import's
//              draft has no unit until it is confirmed; the matrix's callers are never either).
// Another tenant's records are never reached: row-level security answers 404.
import { roleAllows, type Action } from './policy.ts';

export type Scope = 'public' | 'session' | 'system' | 'sở' | 'tenant' | 'unit' | 'creator';

/**
 * What a route acts on, and so which unit "own", "sibling" and "parent" are measured from. Each kind's unit:
 * unit — the unit itself; person, user, grant — the unit the person works in / the user is granted on;
 * plan, section, task, indicator — the plan's owner; import — the unit of the plan it will become; lead, occurrence — the unit leading the task;
 * schedule, period — the report schedule's owner; submission — the reporting unit; review — the schedule's owner
 * (who reviews); indicatorValue — the reporting unit; payer, list, line, assignment, employment — the paying
 * unit; reward — the proposing unit; inspectionPlan, inspection, close — the inspection plan's owner; action —
 * the unit responsible for a corrective action; movement, officer, block — the emulation movement's owner (Phòng TCCB);
 * nomination — the nominating unit; blockCell — the block member whose score is explained; body.X — the unit named in the request body's field X.
 */
export type Target =
  | 'unit' | 'person' | 'user' | 'grant' | 'plan' | 'section' | 'task' | 'lead' | 'occurrence' | 'import' | 'indicator'
  | 'schedule' | 'period' | 'submission' | 'review' | 'indicatorValue'
  | 'payer' | 'list' | 'line' | 'assignment' | 'employment' | 'reward'
  | 'inspectionPlan' | 'inspection' | 'close' | 'action'
  | 'movement' | 'officer' | 'nomination' | 'block' | 'blockCell'
  | `body.${string}`;

export interface RouteRule {
  scope: Scope;
  /** The action checked on the record; absent for public and session routes. */
  action?: Action;
  /** The route's `config.authz` where it is wider than `action` (a route two kinds of caller reach by different rights). */
  gate?: Action;
  /** What the route acts on; absent when it acts on the tenant as a whole (lists, new records without a unit). */
  on?: Target;
}

const pub: RouteRule = { scope: 'public' };
const session: RouteRule = { scope: 'session' };
const tenant = (action: Action, on?: Target): RouteRule => ({ scope: 'tenant', action, on });
const so = (action: Action): RouteRule => ({ scope: 'sở', action });
const unit = (action: Action, on: Target): RouteRule => ({ scope: 'unit', action, on });
const creator = (action: Action, on: Target): RouteRule => ({ scope: 'creator', action, on });

export const ROUTE_ACCESS: Record<string, RouteRule> = {
  // The service's own pages and the sign-in.
  'GET /api/health': pub, 'GET /api/openapi.json': pub, 'GET /api/docs': pub, 'GET /api/docs/json': pub, 'GET /api/docs/yaml': pub,
  'GET /api/docs/static/*': pub, 'GET /api/docs/static/index.html': pub, 'GET /api/docs/static/swagger-initializer.js': pub,
  'POST /api/auth/login': pub, 'GET /api/calendar/:file': pub, // the calendar file's name is its secret token
  'POST /api/auth/logout': session, 'GET /api/auth/me': session, 'POST /api/auth/password': session,
  'GET /api/notifications': session, 'POST /api/notifications/:id/read': session, 'POST /api/notifications/read-all': session,
  'GET /api/me/notification-prefs': session, 'PUT /api/me/notification-prefs': session, 'POST /api/calendar/token': session,
  'POST /api/auth/tenant': { scope: 'system', action: 'tenant.manage' },
  'GET /api/tenants': { scope: 'system', action: 'tenant.manage' }, 'POST /api/tenants': { scope: 'system', action: 'tenant.manage' },

  // Organisation.
  'GET /api/org/units': tenant('org.read'),
  'GET /api/org/units/:id': unit('unit.view', 'unit'),
  'POST /api/org/units': unit('unit.manage', 'body.parentId'),
  'PATCH /api/org/units/:id': unit('unit.manage', 'unit'),
  'POST /api/org/units/:id/move': unit('unit.manage', 'body.parentId'), // the right over both the unit and where it goes
  'POST /api/org/units/:id/active': unit('unit.manage', 'unit'),
  'GET /api/org/people': tenant('unit.view'),
  'POST /api/org/people': unit('person.manage', 'body.unitId'),
  'PATCH /api/org/people/:id': unit('person.manage', 'person'),
  'GET /api/org/users': tenant('user.manage'), // lists only the accounts the caller manages
  'POST /api/org/users': unit('user.manage', 'body.unitId'),
  'PATCH /api/org/users/:id': unit('user.manage', 'user'),
  'POST /api/org/users/:id/password': unit('user.manage', 'user'),
  'POST /api/org/users/:id/roles': unit('user.manage', 'body.unitId'),
  'DELETE /api/org/users/:id/roles/:grantId': unit('user.manage', 'grant'),
  'GET /api/settings/reminders': so('user.manage'), 'PUT /api/settings/reminders': so('user.manage'),
  'GET /api/audit/events': so('audit.read'), 'GET /api/audit/verify': so('audit.read'),

  // Plans, tasks, progress.
  'GET /api/plans': tenant('plan.read'), 'GET /api/plans-overview': tenant('plan.read'), 'GET /api/dashboard': tenant('plan.read'),
  'GET /api/occurrences': tenant('plan.read'), 'GET /api/unit-tasks': tenant('plan.read'),
  'POST /api/plans': unit('plan.manage', 'body.ownerUnitId'),
  'GET /api/plans/:id': tenant('plan.read', 'plan'), 'GET /api/plans/:id/export.xlsx': tenant('plan.read', 'plan'),
  'PATCH /api/plans/:id': unit('plan.manage', 'plan'), 'POST /api/plans/:id/status': unit('plan.manage', 'plan'),
  'DELETE /api/plans/:id': unit('plan.manage', 'plan'), 'POST /api/plans/:id/import': unit('plan.manage', 'plan'),
  'POST /api/plans/:id/sections': unit('plan.manage', 'plan'),
  'PATCH /api/plans/:id/sections/:sectionId': unit('plan.manage', 'section'), 'DELETE /api/plans/:id/sections/:sectionId': unit('plan.manage', 'section'),
  'POST /api/plans/:id/tasks': unit('plan.manage', 'plan'),
  'GET /api/tasks/:id': tenant('plan.read', 'task'), 'PATCH /api/tasks/:id': unit('plan.manage', 'task'), 'DELETE /api/tasks/:id': unit('plan.manage', 'task'),
  'POST /api/tasks/:id/occurrences': unit('progress.record', 'lead'),
  'GET /api/occurrences/:id': tenant('plan.read', 'occurrence'),
  'POST /api/occurrences/:id/progress': unit('progress.record', 'occurrence'),
  'GET /api/plans/:id/indicators': tenant('plan.read', 'plan'), 'GET /api/plans/:id/scorecard': tenant('plan.read', 'plan'),
  'POST /api/plans/:id/indicators': unit('plan.manage', 'plan'), 'POST /api/plans/:id/indicators/from-targets': unit('plan.manage', 'plan'),
  'GET /api/indicators/:id': tenant('plan.read', 'indicator'),
  'PATCH /api/indicators/:id': unit('plan.manage', 'indicator'), 'DELETE /api/indicators/:id': unit('plan.manage', 'indicator'),
  'PUT /api/indicators/:id/values/:periodKey/units/:unitId': unit('indicator.record', 'indicatorValue'),

  // Files and plan imports.
  'POST /api/files': tenant('file.upload'), 'GET /api/files/:id': tenant('file.read'),
  'POST /api/plan-imports': tenant('plan.manage'), 'GET /api/plan-imports': tenant('plan.manage'),
  'GET /api/plan-imports/:id': creator('plan.manage', 'import'), 'PUT /api/plan-imports/:id': creator('plan.manage', 'import'),
  'POST /api/plan-imports/:id/confirm': creator('plan.manage', 'import'), 'DELETE /api/plan-imports/:id': creator('plan.manage', 'import'),

  // Periodic reports.
  'GET /api/report-templates': tenant('plan.read'), 'POST /api/report-templates': tenant('report.manage'), // forms are the tenant's, shared by every division
  'PUT /api/report-templates/:id': tenant('report.manage'),
  'GET /api/report-schedules': tenant('plan.read'), 'POST /api/report-schedules': unit('report.manage', 'body.ownerUnitId'),
  'GET /api/report-schedules/:id': unit('plan.read', 'schedule'), 'PATCH /api/report-schedules/:id': unit('report.manage', 'schedule'),
  'GET /api/report-schedules/:id/periods/:period/consolidation': unit('plan.read', 'period'),
  'GET /api/report-schedules/:id/periods/:period/consolidation.docx': unit('plan.read', 'period'),
  'GET /api/report-schedules/:id/periods/:period/consolidation.xlsx': unit('plan.read', 'period'),
  'PUT /api/report-schedules/:id/periods/:period/consolidation': unit('report.review', 'period'),
  'POST /api/report-schedules/:id/periods/:period/remind': unit('report.review', 'period'),
  'GET /api/report-schedules/:id/periods/:period/units/:unitId': unit('plan.read', 'submission'),
  'PUT /api/report-schedules/:id/periods/:period/units/:unitId': unit('report.submit', 'submission'),
  'POST /api/report-schedules/:id/periods/:period/units/:unitId/submit': unit('report.submit', 'submission'),
  'POST /api/report-schedules/:id/periods/:period/units/:unitId/reopen': unit('report.unlock', 'submission'),
  'POST /api/report-submissions/:id/review': unit('report.review', 'review'),

  // The digital-transformation allowance and rewards: duties sit on the paying unit.
  'GET /api/allowance/policies': tenant('allowance.read'), 'POST /api/allowance/policies': so('allowance.policy'),
  'GET /api/allowance/lists': tenant('allowance.read'),
  'GET /api/allowance/units/:unitId/people': unit('allowance.read', 'payer'),
  'GET /api/allowance/units/:unitId/assignments': unit('allowance.read', 'payer'),
  'POST /api/allowance/units/:unitId/assignments': unit('allowance.records', 'payer'),
  'POST /api/allowance/assignments/:id/stop': unit('allowance.records', 'assignment'),
  'GET /api/allowance/units/:unitId/ratings': unit('allowance.read', 'payer'),
  'PUT /api/allowance/units/:unitId/ratings': unit('allowance.records', 'payer'),
  'GET /api/allowance/units/:unitId/benefits': unit('allowance.read', 'payer'),
  'POST /api/allowance/units/:unitId/benefits': unit('allowance.records', 'payer'),
  'PATCH /api/allowance/people/:id/employment': unit('allowance.records', 'employment'),
  'GET /api/allowance/units/:unitId/lists/:month': unit('allowance.read', 'payer'),
  'POST /api/allowance/units/:unitId/lists/:month': unit('allowance.prepare', 'payer'),
  'GET /api/allowance/lists/:id': unit('allowance.read', 'list'),
  'PATCH /api/allowance/lists/:id/lines/:lineId': unit('allowance.prepare', 'line'),
  'POST /api/allowance/lists/:id/lines': unit('allowance.prepare', 'list'),
  'GET /api/allowance/lists/:id/payroll.xlsx': unit('allowance.read', 'list'),
  'GET /api/allowance/lists/:id/decision.docx': unit('allowance.read', 'list'),
  'POST /api/allowance/lists/:id/propose': unit('allowance.prepare', 'list'),
  'POST /api/allowance/lists/:id/return': unit('allowance.records', 'list'),
  'POST /api/allowance/lists/:id/approve': unit('allowance.records', 'list'),
  'POST /api/allowance/lists/:id/pay': unit('allowance.pay', 'list'),
  'GET /api/allowance/units/:unitId/figures': unit('allowance.read', 'payer'),
  'GET /api/allowance/units/:unitId/budget/:year': unit('allowance.read', 'payer'),
  'PUT /api/allowance/units/:unitId/budget/:year': unit('allowance.pay', 'payer'),
  'POST /api/allowance/units/:unitId/budget/:year/adjustments': unit('allowance.pay', 'payer'),
  'GET /api/allowance/units/:unitId/settlement/:year': unit('allowance.read', 'payer'),
  'GET /api/allowance/units/:unitId/settlement/:year/xlsx': unit('allowance.read', 'payer'),
  'GET /api/allowance/units/:unitId/dossier.zip': unit('allowance.read', 'payer'),
  'GET /api/rewards': tenant('allowance.read'), 'POST /api/rewards': unit('allowance.prepare', 'body.unitId'),
  'GET /api/rewards/:id': unit('allowance.read', 'reward'),
  'POST /api/rewards/:id/review': so('allowance.prepare'), // Phòng QLBHYT&CNTT of the Sở appraises every proposal
  'POST /api/rewards/:id/resubmit': unit('allowance.prepare', 'reward'),

  // Inspections.
  'GET /api/inspection-plans': tenant('plan.read'), 'POST /api/inspection-plans': unit('inspection.manage', 'body.ownerUnitId'),
  'GET /api/inspection-plans/:id': tenant('plan.read', 'inspectionPlan'),
  'POST /api/inspection-plans/:id/inspections': unit('inspection.manage', 'inspectionPlan'),
  'GET /api/inspections/:id': tenant('plan.read', 'inspection'),
  'POST /api/inspections/:id/findings': unit('inspection.manage', 'inspection'),
  'POST /api/inspections/:id/conclude': unit('inspection.manage', 'inspection'),
  // The responsible unit reports with its evidence (progress.record); the inspection's team may too, by inspection.manage.
  'POST /api/corrective-actions/:id/report': { ...unit('progress.record', 'action'), gate: 'file.upload' },
  'POST /api/corrective-actions/:id/close': unit('inspection.manage', 'close'),

  // Emulation and commendation.
  'GET /api/emulation/movements': tenant('emulation.read'), 'POST /api/emulation/movements': unit('emulation.manage', 'body.ownerUnitId'),
  'GET /api/emulation/movements/:id': tenant('emulation.read', 'movement'),
  'POST /api/emulation/movements/:id/registrations': unit('emulation.nominate', 'body.unitId'),
  'GET /api/emulation/movements/:id/nominations': tenant('emulation.read', 'movement'),
  'POST /api/emulation/movements/:id/nominations': unit('emulation.nominate', 'body.unitId'),
  'GET /api/emulation/movements/:id/decisions': tenant('emulation.read', 'movement'),
  'POST /api/emulation/movements/:id/blocks': unit('emulation.manage', 'movement'),
  'GET /api/emulation/nominations/:id': unit('emulation.read', 'nomination'),
  'POST /api/emulation/nominations/:id/files': unit('emulation.nominate', 'nomination'),
  'POST /api/emulation/nominations/:id/submit': unit('emulation.nominate', 'nomination'),
  'POST /api/emulation/nominations/:id/return': unit('emulation.manage', 'officer'),
  'POST /api/emulation/nominations/:id/check': unit('emulation.manage', 'officer'),
  'POST /api/emulation/nominations/:id/vote': unit('emulation.manage', 'officer'),
  'POST /api/emulation/nominations/:id/forward': unit('emulation.manage', 'officer'),
  'POST /api/emulation/nominations/:id/record': unit('emulation.manage', 'officer'),
  'GET /api/emulation/nominations/:id/dossier.zip': unit('emulation.manage', 'officer'),
  'POST /api/emulation/decisions': so('emulation.decide'),
  'GET /api/emulation/decisions/:id': tenant('emulation.read'),
  'GET /api/emulation/decisions/:id/decision.docx': tenant('emulation.read'),
  'GET /api/emulation/decisions/:id/certificates.docx': tenant('emulation.read'),
  'GET /api/emulation/blocks/:id': tenant('emulation.read'),
  'POST /api/emulation/blocks/:id/scores': unit('emulation.manage', 'block'),
  'GET /api/emulation/blocks/:id/explain': unit('emulation.read', 'blockCell'), // the records behind a member's score
  'GET /api/emulation/history': tenant('emulation.read'),
};

/** The matrix's callers: the five daily roles, the four duties (allowance IT, HR, finance; emulation officer), and no one signed in. */
export const MATRIX_ROLES = ['admin', 'leader', 'division_staff', 'unit_focal', 'inspector', 'allowance_it', 'allowance_hr', 'allowance_finance', 'emulation_officer', 'anonymous'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
/** Where the record sits, seen from the caller's grant: its own unit, a sibling, the unit above, another tenant. */
export const MATRIX_TARGETS = ['own', 'sibling', 'parent', 'other'] as const;
export type MatrixTarget = (typeof MATRIX_TARGETS)[number];

/** Whether the table lets `role`, granted on one unit, call the route on a record at `target` (null: no record). */
export function allowedByTable(rule: RouteRule, role: MatrixRole, target: MatrixTarget | null): boolean {
  if (rule.scope === 'public') return true;
  if (role === 'anonymous') return false;
  if (rule.scope === 'session') return true;
  // The matrix's callers hold their role on a unit of the Sở, never on the Sở itself.
  if (rule.scope === 'system' || rule.scope === 'sở' || !rule.action || !roleAllows(role, rule.action)) return false;
  if (target === null) return true;
  // The matrix's records are made by others (the demo's people, the system administrator): a creator's rule refuses them all.
  if (target === 'other' || rule.scope === 'creator') return false;
  return rule.scope === 'tenant' || target === 'own';
}
