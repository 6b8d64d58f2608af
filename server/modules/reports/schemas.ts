// Request schemas of the reports module; titles name the fields in Vietnamese error messages.
import { Type, type TSchema } from 'typebox';
import { PERIOD_TYPES } from '../../../core/reports/periods.ts';
import { FIELD_TYPES } from '../../../core/reports/template.ts';
import { oneOf, requiredText, text, uuid } from '../../http/schemas.ts';

const date = (title: string) => Type.String({ title, format: 'date' });
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()], { title: (s as { title?: string }).title });
const key = (title: string) => Type.String({ title, minLength: 1, maxLength: 40 });

export const DueRuleFields = Type.Object({
  kind: oneOf(['dates', 'dayOfLastMonth', 'daysAfterEnd', 'dayOfNextMonth'] as const, 'Cách tính hạn'),
  dates: Type.Optional(Type.Array(Type.String({ title: 'Ngày hạn (tháng-ngày)', pattern: '^\\d{2}-\\d{2}$' }), { title: 'Các ngày hạn', maxItems: 12 })),
  day: Type.Optional(Type.Integer({ title: 'Ngày trong tháng', minimum: -1, maximum: 31 })),
  days: Type.Optional(Type.Integer({ title: 'Số ngày sau khi kết thúc kỳ', minimum: 0, maximum: 366 })),
}, { title: 'Hạn báo cáo' });

export const AdhocFields = Type.Object({
  key: Type.String({ title: 'Mã yêu cầu', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
  label: requiredText('Tên yêu cầu báo cáo', 300),
  start: date('Từ ngày'), end: date('Đến ngày'), dueOn: date('Hạn gửi'),
});

export const ScheduleFields = Type.Object({
  title: requiredText('Tên báo cáo', 500),
  templateId: Type.String({ title: 'Biểu mẫu', minLength: 1, maxLength: 100 }),
  ownerUnitId: uuid('Phòng theo dõi, tổng hợp'),
  planId: Type.Optional(nullable(uuid('Kế hoạch'))),
  reportingDutyId: Type.Optional(nullable(uuid('Chế độ báo cáo của kế hoạch'))),
  periodType: oneOf(PERIOD_TYPES, 'Kỳ báo cáo'),
  dueRule: DueRuleFields,
  graceDays: Type.Integer({ title: 'Số ngày vẫn tính đúng hạn', minimum: 0, maximum: 366 }),
  lockDays: Type.Integer({ title: 'Số ngày sau hạn thì khóa kỳ', minimum: 0, maximum: 3660 }),
  adhoc: Type.Optional(Type.Array(AdhocFields, { title: 'Các yêu cầu báo cáo đột xuất', maxItems: 200 })),
  assigneeMode: oneOf(['subordinates', 'list', 'division'] as const, 'Đơn vị phải báo cáo'),
  assigneeUnitIds: Type.Optional(Type.Array(uuid('Đơn vị'), { title: 'Danh sách đơn vị phải báo cáo', maxItems: 2000 })),
  startsOn: date('Áp dụng từ ngày'),
  endsOn: Type.Optional(nullable(date('Áp dụng đến ngày'))),
});

export const SchedulePatch = Type.Intersect([Type.Partial(ScheduleFields), Type.Object({ active: Type.Optional(Type.Boolean({ title: 'Đang áp dụng' })) })]);

const Column = Type.Object({ key: key('Mã cột'), label: requiredText('Tên cột', 200), type: oneOf(['number', 'percent', 'money', 'text'] as const, 'Kiểu cột'), required: Type.Optional(Type.Boolean()) });
const Field = Type.Object({
  key: key('Mã trường'), label: requiredText('Tên trường', 300), type: oneOf(FIELD_TYPES, 'Kiểu trường'),
  help: Type.Optional(text('Hướng dẫn', { max: 1000 })), suffix: Type.Optional(text('Đơn vị tính', { max: 40 })),
  required: Type.Optional(Type.Boolean()), prefill: Type.Optional(Type.String({ title: 'Lấy sẵn từ', maxLength: 100 })),
  explainChangeOverPct: Type.Optional(Type.Number({ title: 'Ngưỡng thay đổi cần giải thích (%)' })),
  columns: Type.Optional(Type.Array(Column, { title: 'Các cột', maxItems: 20 })),
});
const Rule = Type.Object({
  kind: Type.Literal('compare'), left: key('Trường bên trái'), op: oneOf(['<=', '>=', '<', '>', '='] as const, 'Phép so sánh'), right: key('Trường bên phải'),
  factor: Type.Optional(Type.Number({ title: 'Hệ số' })), message: requiredText('Thông báo khi sai', 300),
});
export const TemplateFields = Type.Object({
  name: requiredText('Tên biểu mẫu', 300),
  description: Type.Optional(text('Mô tả', { max: 2000 })),
  definition: Type.Object({
    sections: Type.Array(Type.Object({ key: key('Mã phần'), title: requiredText('Tên phần', 300), fields: Type.Array(Field, { maxItems: 100 }) }), { title: 'Các phần', maxItems: 30 }),
    rules: Type.Array(Rule, { title: 'Quy tắc kiểm tra', maxItems: 100 }),
  }, { title: 'Nội dung biểu mẫu' }),
});

export const PlaceParams = Type.Object({
  id: uuid('Lịch báo cáo'),
  period: Type.String({ title: 'Kỳ báo cáo', minLength: 4, maxLength: 40 }),
  unitId: uuid('Đơn vị'),
});
export const PeriodParams = Type.Object({ id: uuid('Lịch báo cáo'), period: Type.String({ title: 'Kỳ báo cáo', minLength: 4, maxLength: 40 }) });

export const ValuesFields = Type.Object({
  values: Type.Record(Type.String(), Type.Unknown(), { title: 'Số liệu báo cáo' }),
  explanations: Type.Optional(Type.Record(Type.String(), Type.String({ title: 'Giải thích', maxLength: 5000 }), { title: 'Giải thích' })),
  version: Type.Optional(Type.Integer({ title: 'Phiên bản', minimum: 0 })),
});

export const ReviewFields = Type.Object({
  action: oneOf(['return', 'approve'] as const, 'Thao tác'),
  comment: Type.Optional(text('Ý kiến', { max: 5000 })),
});

export const ReopenFields = Type.Object({
  reason: requiredText('Lý do mở lại', 2000),
  days: Type.Optional(Type.Integer({ title: 'Số ngày được sửa', minimum: 1, maximum: 60 })),
});

export const RemindFields = Type.Object({
  unitIds: Type.Optional(Type.Array(uuid('Đơn vị'), { title: 'Các đơn vị được nhắc', maxItems: 2000 })),
});

const Block = Type.Union([
  Type.Object({ type: Type.Literal('heading'), text: text('Đề mục', { max: 1000 }), level: Type.Union([Type.Literal(1), Type.Literal(2)]) }),
  Type.Object({ type: Type.Literal('paragraph'), text: text('Đoạn văn', { max: 50_000 }), italic: Type.Optional(Type.Boolean()) }),
  Type.Object({
    type: Type.Literal('table'),
    columns: Type.Array(Type.Object({ title: text('Tên cột', { max: 300 }), width: Type.Optional(Type.Number()), align: Type.Optional(oneOf(['left', 'center', 'right'] as const, 'Căn lề')) }), { maxItems: 30 }),
    rows: Type.Array(Type.Array(text('Ô', { max: 5000 }), { maxItems: 30 }), { maxItems: 5000 }),
    total: Type.Optional(Type.Array(text('Ô', { max: 5000 }), { maxItems: 30 })),
  }),
], { title: 'Nội dung' });

export const ConsolidationFields = Type.Object({
  number: text('Số, ký hiệu', { max: 100 }),
  place: text('Địa danh', { max: 100 }),
  issuedOn: nullable(date('Ngày ban hành')),
  title: requiredText('Trích yếu', 2000),
  body: Type.Object({ blocks: Type.Array(Block, { title: 'Nội dung', maxItems: 2000 }) }),
  recipients: Type.Array(text('Nơi nhận', { max: 300 }), { title: 'Nơi nhận', maxItems: 50 }),
  signerTitle: text('Chức vụ người ký', { max: 200 }),
  signer: text('Người ký', { max: 200 }),
});
