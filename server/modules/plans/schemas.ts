// Request and response schemas of the plans module; titles name the fields in Vietnamese error messages.
import { Type, type TSchema } from 'typebox';
import { OCCURRENCE_STATUSES, PLAN_STATUSES, PROGRESS_STATES } from '../../../core/plans/status.ts';
import { UNIT_VIEWS } from '../../../core/plans/views.ts';
import { CADENCES, EVENT_KINDS, SCHEDULE_KINDS } from '../../../core/schedule/types.ts';
import { oneOf, requiredText, text, uuid } from '../../http/schemas.ts';

export const date = (title: string) => Type.String({ title, format: 'date' });
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()], { title: (s as { title?: string }).title });

export const PlanFields = Type.Object({
  ownerUnitId: uuid('Đơn vị chủ quản'),
  number: Type.Optional(text('Số, ký hiệu', { max: 100 })),
  issuer: requiredText('Cơ quan ban hành', 300),
  issuerParent: Type.Optional(text('Cơ quan chủ quản', { max: 300 })),
  place: Type.Optional(text('Địa danh', { max: 100 })),
  issuedOn: Type.Optional(nullable(date('Ngày ban hành'))),
  title: requiredText('Tên (trích yếu) kế hoạch', 2000),
  signer: Type.Optional(text('Người ký', { max: 200 })),
  signerTitle: Type.Optional(text('Chức vụ người ký', { max: 200 })),
  legalBases: Type.Optional(Type.Array(text('Căn cứ', { max: 2000 }), { title: 'Căn cứ ban hành', maxItems: 50 })),
  parentPlanId: Type.Optional(nullable(uuid('Kế hoạch cấp trên'))),
  parentReference: Type.Optional(text('Kế hoạch cấp trên (văn bản)', { max: 1000 })),
  replacesPlanId: Type.Optional(nullable(uuid('Kế hoạch được thay thế'))),
  replacesReference: Type.Optional(text('Kế hoạch được thay thế (văn bản)', { max: 1000 })),
  periodStart: date('Ngày bắt đầu'),
  periodEnd: date('Ngày kết thúc'),
  checkinCadence: Type.Optional(oneOf(CADENCES, 'Chu kỳ cập nhật nhiệm vụ thường xuyên')),
  eventDays: Type.Optional(Type.Integer({ title: 'Số ngày sau sự kiện', minimum: 0, maximum: 365 })),
});

const UnitRef = Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String() });
const Counts = Type.Object({
  total: Type.Integer(), notDue: Type.Integer(), inProgress: Type.Integer(), overdue: Type.Integer(),
  doneOnTime: Type.Integer(), doneLate: Type.Integer(), dueSoon: Type.Integer(),
});
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const Plan = Type.Object({
  id: Type.String(), number: Type.String(), issuer: Type.String(), issuerParent: Type.String(), place: Type.String(), issuedOn: NullableString,
  title: Type.String(), signer: Type.String(), signerTitle: Type.String(), legalBases: Type.Array(Type.String()),
  parentPlanId: NullableString, parentReference: Type.String(), replacesPlanId: NullableString, replacesReference: Type.String(),
  periodStart: Type.String(), periodEnd: Type.String(), status: Type.String(), statusLabel: Type.String(),
  checkinCadence: Type.String(), eventDays: Type.Integer(), owner: Type.Union([UnitRef, Type.Null()]),
  can: Type.Object({ manage: Type.Boolean() }),
});

export const PlanListItem = Type.Intersect([Plan, Type.Object({
  taskCount: Type.Integer(), counts: Counts, onTimeRate: Type.Union([Type.Integer(), Type.Null()]), overallStatus: NullableString,
})]);

export const Task = Type.Object({
  id: Type.String(), planId: Type.String(), sectionId: NullableString, number: Type.String(), sortOrder: Type.Integer(),
  content: Type.String(), product: Type.String(), note: Type.String(), leadText: Type.String(), coordinatorText: Type.String(),
  leads: Type.Array(UnitRef), coordinators: Type.Array(UnitRef), deadlineText: Type.String(),
  schedule: Type.Unknown(), scheduleReviewed: Type.Boolean(), needsReview: Type.Boolean(), parentTaskId: NullableString,
  counts: Counts, status: NullableString, children: Type.Object({ count: Type.Integer(), counts: Counts }),
  can: Type.Object({ manage: Type.Boolean() }),
});

const PlanRef = Type.Object({ id: Type.String(), number: Type.String(), title: Type.String(), status: Type.String(), owner: Type.Union([UnitRef, Type.Null()]) });
export const PlanDetail = Type.Intersect([Plan, Type.Object({
  counts: Counts,
  sections: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), title: Type.String(), sortOrder: Type.Integer() })),
  tasks: Type.Array(Task),
  parentPlan: Type.Union([PlanRef, Type.Null()]), replacesPlan: Type.Union([PlanRef, Type.Null()]), replacedBy: Type.Array(PlanRef),
  childPlans: Type.Array(Type.Intersect([PlanRef, Type.Object({ counts: Counts })])),
  targets: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), value: Type.Number(), unit: Type.String(), comparator: Type.String(), subject: Type.String() })),
  reportingDuties: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), frequency: Type.String(), due: Type.Array(Type.String()), who: Type.String() })),
  sourceFile: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
})]);

export const SectionFields = Type.Object({
  code: Type.Optional(text('Số thứ tự phần', { max: 20 })),
  title: requiredText('Tên phần', 1000),
  sortOrder: Type.Optional(Type.Integer({ title: 'Thứ tự', minimum: 0, maximum: 1_000_000 })),
});
export const Section = Type.Object({ id: Type.String(), code: Type.String(), title: Type.String(), sortOrder: Type.Integer() });

export const ScheduleEdit = Type.Object({
  kind: oneOf(SCHEDULE_KINDS, 'Loại thời hạn'),
  value: Type.Optional(Type.Union([text('Giá trị thời hạn', { max: 500 }), Type.Null()], { title: 'Giá trị thời hạn' })),
  quarterMode: Type.Optional(oneOf(['span', 'each'] as const, 'Cách tính nhiều quý')),
  cadence: Type.Optional(oneOf(CADENCES, 'Chu kỳ cập nhật')),
  event: Type.Optional(Type.Object({
    kind: oneOf(EVENT_KINDS, 'Loại sự kiện'),
    label: Type.Optional(text('Sự kiện', { max: 300 })),
    afterDays: Type.Optional(Type.Integer({ title: 'Số ngày sau sự kiện', minimum: 0, maximum: 365 })),
  }, { title: 'Sự kiện' })),
  authority: Type.Optional(text('Cơ quan chỉ đạo', { max: 300 })),
}, { title: 'Thời hạn' });

const unitIds = (title: string) => Type.Array(uuid(title), { title, maxItems: 500 });
export const TaskFields = Type.Object({
  sectionId: Type.Optional(nullable(uuid('Phần'))),
  number: Type.Optional(text('STT', { max: 20 })),
  sortOrder: Type.Optional(Type.Integer({ title: 'Thứ tự', minimum: 0, maximum: 1_000_000 })),
  content: requiredText('Nội dung nhiệm vụ', 5000),
  product: Type.Optional(text('Sản phẩm, kết quả', { max: 2000 })),
  note: Type.Optional(text('Ghi chú', { max: 2000 })),
  leadText: Type.Optional(text('Đơn vị chủ trì (như văn bản ghi)', { max: 1000 })),
  coordinatorText: Type.Optional(text('Đơn vị phối hợp (như văn bản ghi)', { max: 2000 })),
  leadUnitIds: Type.Optional(unitIds('Đơn vị chủ trì')),
  coordinatorUnitIds: Type.Optional(unitIds('Đơn vị phối hợp')),
  deadlineText: Type.Optional(text('Thời gian hoàn thành', { max: 500 })),
  schedule: Type.Optional(ScheduleEdit),
  parentTaskId: Type.Optional(nullable(uuid('Nhiệm vụ cấp trên'))),
});

export const PlanQuery = Type.Object({
  year: Type.Optional(Type.Integer({ title: 'Năm', minimum: 2000, maximum: 2100 })),
  status: Type.Optional(oneOf(PLAN_STATUSES, 'Trạng thái')),
  issuer: Type.Optional(text('Cơ quan ban hành', { max: 300 })),
  q: Type.Optional(text('Từ khóa', { max: 200 })),
});

export const OccurrenceQuery = Type.Object({
  unitId: Type.Optional(uuid('Đơn vị')),
  subtree: Type.Optional(Type.Boolean({ title: 'Gồm cả đơn vị cấp dưới' })),
  planId: Type.Optional(uuid('Kế hoạch')),
  from: Type.Optional(date('Từ ngày')),
  to: Type.Optional(date('Đến ngày')),
  status: Type.Optional(oneOf(OCCURRENCE_STATUSES, 'Trạng thái')),
  q: Type.Optional(text('Từ khóa', { max: 200 })),
});

/** One page of a tab of a unit's task page; `after` is the `next` of the previous page. */
export const UnitTasksQuery = Type.Object({
  unitId: uuid('Đơn vị'),
  subtree: Type.Optional(Type.Boolean({ title: 'Gồm cả đơn vị cấp dưới' })),
  view: Type.Optional(oneOf(UNIT_VIEWS, 'Danh sách')),
  q: Type.Optional(text('Từ khóa', { max: 200 })),
  after: Type.Optional(text('Trang tiếp theo', { max: 300 })),
  limit: Type.Optional(Type.Integer({ title: 'Số dòng mỗi trang', minimum: 1, maximum: 200 })),
});

export const Occurrence = Type.Object({
  id: Type.String(), periodKey: Type.String(), label: Type.String(), periodStart: Type.String(), periodEnd: Type.String(), dueOn: NullableString,
  percent: Type.Integer(), state: Type.String(), completedOn: NullableString, lastUpdateAt: NullableString,
  status: Type.String(), statusLabel: Type.String(),
  task: Type.Object({ id: Type.String(), number: Type.String(), content: Type.String(), product: Type.String(), deadlineText: Type.String(), scheduleKind: Type.String() }),
  plan: Type.Object({ id: Type.String(), title: Type.String(), number: Type.String() }),
  unit: Type.Union([UnitRef, Type.Null()]),
  can: Type.Object({ record: Type.Boolean() }),
});

export const UnitTasksPage = Type.Object({
  items: Type.Array(Occurrence),
  next: Type.Union([Type.String(), Type.Null()]),
  counts: Type.Object(Object.fromEntries(UNIT_VIEWS.map((v) => [v, Type.Integer()]))),
});

const Evidence = Type.Object({ id: Type.String(), fileId: Type.String(), name: Type.String(), size: Type.Integer(), mime: Type.String(), sha256: Type.String() });
export const OccurrenceDetail = Type.Intersect([Occurrence, Type.Object({
  updates: Type.Array(Type.Object({
    id: Type.String(), authorName: Type.String(), state: Type.String(), percent: Type.Integer(), note: Type.String(),
    completedOn: NullableString, createdAt: Type.String(), evidence: Type.Array(Evidence),
  })),
})]);

export const ProgressFields = Type.Object({
  state: oneOf(PROGRESS_STATES, 'Trạng thái'),
  percent: Type.Optional(Type.Integer({ title: 'Tỷ lệ hoàn thành (%)', minimum: 0, maximum: 100 })),
  note: Type.Optional(text('Nội dung đã thực hiện', { max: 5000 })),
  completedOn: Type.Optional(date('Ngày hoàn thành')),
  fileIds: Type.Optional(Type.Array(uuid('Tệp minh chứng'), { title: 'Tệp minh chứng', maxItems: 20 })),
});

export const ManualOccurrenceFields = Type.Object({
  dueOn: Type.Optional(date('Hạn hoàn thành')),
  eventOn: Type.Optional(date('Ngày phát sinh')),
  label: Type.Optional(text('Tên kỳ', { max: 200 })),
  unitIds: Type.Optional(unitIds('Đơn vị chủ trì')),
});

export const TaskDetail = Type.Intersect([Task, Type.Object({
  plan: Type.Object({ id: Type.String(), title: Type.String(), number: Type.String(), status: Type.String() }),
  occurrences: Type.Array(Occurrence),
  implementations: Type.Array(Type.Object({
    taskId: Type.String(), number: Type.String(), content: Type.String(),
    plan: Type.Object({ id: Type.String(), title: Type.String(), status: Type.String() }), owner: Type.Union([UnitRef, Type.Null()]), counts: Counts,
  })),
})]);

export { Counts, UnitRef };
