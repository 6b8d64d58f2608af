// Route of the leadership dashboard: one request for the whole page, computed live on each call.
import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { read, today } from '../../http/request.ts';
import { withErrors } from '../../http/schemas.ts';
import { Counts, Occurrence, UnitRef } from '../plans/schemas.ts';
import { dashboard } from './service.ts';

const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Link = Type.String({ description: 'Đường dẫn trong giao diện web' });
const Rate = Nullable(Type.Number());

const Dashboard = Type.Object({
  today: Type.String({ format: 'date' }),
  scope: Type.Object({ all: Type.Boolean(), units: Type.Array(UnitRef) }, { description: 'Toàn Sở, hay chỉ các đơn vị người dùng được phân quyền' }),
  totals: Counts,
  byUnit: Type.Array(Type.Object({ unit: Type.Intersect([UnitRef, Type.Object({ kind: Type.String() })]), counts: Counts, onTimeRate: Nullable(Type.Integer()) })),
  byPlan: Type.Array(Type.Object({ plan: Type.Object({ id: Type.String(), title: Type.String(), number: Type.String(), owner: Type.String() }), counts: Counts, onTimeRate: Nullable(Type.Integer()) })),
  overdue: Type.Array(Occurrence),
  dueSoon: Type.Array(Occurrence),
  overdueByUnit: Type.Array(Type.Object({ unit: UnitRef, overdue: Type.Integer(), total: Type.Integer(), link: Link })),
  indicators: Type.Array(Type.Object({
    id: Type.String(), code: Type.String(), text: Type.String(), subject: Type.String(), plan: Type.Object({ id: Type.String(), title: Type.String() }),
    periodKey: Type.String(), periodLabel: Type.String(), value: Nullable(Type.Number()), valueText: Type.String(),
    target: Type.Number(), targetText: Type.String(), rag: Type.Union([Type.Literal('red'), Type.Literal('amber')]),
    reported: Type.Integer(), expected: Type.Integer(), link: Link,
  })),
  reports: Type.Array(Type.Object({
    schedule: Type.Object({ id: Type.String(), title: Type.String(), owner: UnitRef }),
    period: Type.Object({ key: Type.String(), label: Type.String(), dueOn: Type.String(), locked: Type.Boolean() }),
    completeness: Type.Object({
      expected: Type.Integer(), submitted: Type.Integer(), onTime: Type.Integer(), approved: Type.Integer(),
      submittedRate: Rate, onTimeRate: Rate, approvedRate: Rate,
    }),
    missingCount: Type.Integer(),
    /** The first few of them, named. */
    missing: Type.Array(Type.Intersect([UnitRef, Type.Object({ link: Link })])),
    link: Link,
  })),
  inspections: Type.Object({
    year: Type.Integer(),
    /** This year's inspection plans with their coverage against the target ("tối thiểu 30% đơn vị thuộc Sở"). */
    plans: Type.Array(Type.Object({
      id: Type.String(), subject: Type.String(), ownerUnit: Type.Object({ id: Type.String(), name: Type.String() }),
      coverage: Type.Object({ population: Type.Integer(), planned: Type.Integer(), concluded: Type.Integer(), targetPct: Type.Number(), concludedPct: Type.Number(), plannedPct: Type.Number(), required: Type.Integer(), needed: Type.Integer(), meets: Type.Boolean(), plannedMeets: Type.Boolean() }),
      openActions: Type.Integer(), overdueActions: Type.Integer(), link: Link,
    })),
    /** Open corrective actions by responsible unit, overdue first. */
    openByUnit: Type.Array(Type.Object({ unit: UnitRef, open: Type.Integer(), overdue: Type.Integer() })),
  }),
});

export async function dashboardRoutes(app: FastifyInstance) {
  app.get('/api/dashboard', {
    schema: {
      tags: ['dashboard'],
      summary: 'Bảng điều hành của Ban Giám đốc: tiến độ kế hoạch, quá hạn theo đơn vị, chỉ tiêu chưa đạt, báo cáo chưa gửi',
      response: withErrors({ 200: Dashboard }),
    },
    config: { authz: 'plan.read' },
  }, async (req) => read(req, (tx, user) => dashboard(tx, user, req.server.kh.config.now(), today(req))));
}
