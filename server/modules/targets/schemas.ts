// Request and response schemas of the targets module; titles name the fields in Vietnamese error messages.
import { Type, type TSchema } from 'typebox';
import { oneOf, requiredText, text, uuid } from '../../http/schemas.ts';
import { INDICATOR_PERIOD_TYPES } from './present.ts';

/** A number or null (not entered): OpenAPI's nullable, because coercion inside anyOf would turn null into 0. */
const numberOrNull = (title: string) => Type.Unsafe<number | null>({ type: 'number', nullable: true, title });
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

export const IndicatorFields = Type.Object({
  code: Type.Optional(text('Mã chỉ tiêu', { max: 20 })),
  text: requiredText('Chỉ tiêu (như văn bản ghi)', 2000),
  subject: Type.Optional(text('Nội dung đo lường', { max: 500 })),
  measure: oneOf(['ratio', 'value'] as const, 'Cách đo'),
  unit: oneOf(['%', 'count', 'VND', 'days'] as const, 'Đơn vị tính'),
  comparator: oneOf(['>=', '<=', '='] as const, 'So sánh với mức chỉ tiêu'),
  target: Type.Number({ title: 'Mức chỉ tiêu' }),
  aggregation: Type.Optional(oneOf(['sum', 'average'] as const, 'Cách tổng hợp các đơn vị')),
  amberPct: Type.Optional(Type.Number({ title: 'Ngưỡng cảnh báo (% của mức chỉ tiêu)' })),
  periodType: oneOf(INDICATOR_PERIOD_TYPES, 'Kỳ báo cáo'),
  numeratorLabel: Type.Optional(text('Tên tử số', { max: 300 })),
  denominatorLabel: Type.Optional(text('Tên mẫu số', { max: 300 })),
  sortOrder: Type.Optional(Type.Integer({ title: 'Thứ tự', minimum: 0, maximum: 1_000_000 })),
  unitIds: Type.Array(uuid('Đơn vị báo cáo'), { title: 'Các đơn vị báo cáo', maxItems: 2000 }),
});

export const ValueParams = Type.Object({
  id: uuid('Chỉ tiêu'),
  periodKey: Type.String({ title: 'Kỳ báo cáo', minLength: 4, maxLength: 20 }),
  unitId: uuid('Đơn vị'),
});

export const ValueFields = Type.Object({
  numerator: Type.Optional(numberOrNull('Tử số')),
  denominator: Type.Optional(numberOrNull('Mẫu số')),
  value: Type.Optional(numberOrNull('Giá trị')),
  note: Type.Optional(text('Ghi chú', { max: 2000 })),
  fileIds: Type.Optional(Type.Array(uuid('Tệp minh chứng'), { title: 'Tệp minh chứng', maxItems: 20 })),
});

export const PeriodQuery = Type.Object({ period: Type.Optional(Type.String({ title: 'Kỳ báo cáo', minLength: 4, maxLength: 20 })) });

const NullableNumber = nullable(Type.Number());
const UnitRef = Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String() });
const PeriodRef = Type.Object({ key: Type.String(), label: Type.String(), start: Type.String(), end: Type.String() });
const Total = Type.Object({
  value: NullableNumber, numerator: NullableNumber, denominator: NullableNumber, reported: Type.Integer(), expected: Type.Integer(), rag: Type.String(),
});

export const Indicator = Type.Object({
  id: Type.String(), planId: Type.String(), planTargetId: nullable(Type.String()), code: Type.String(), text: Type.String(), subject: Type.String(),
  measure: Type.String(), unit: Type.String(), comparator: Type.String(), target: Type.Number(), aggregation: Type.String(), amberPct: Type.Number(),
  periodType: Type.String(), numeratorLabel: Type.String(), denominatorLabel: Type.String(), sortOrder: Type.Integer(), units: Type.Array(UnitRef),
});

export const IndicatorList = Type.Object({
  items: Type.Array(Type.Intersect([Indicator, Type.Object({
    latest: nullable(Type.Object({ period: PeriodRef, value: NullableNumber, rag: Type.String(), reported: Type.Integer(), expected: Type.Integer() })),
    can: Type.Object({ manage: Type.Boolean(), record: Type.Boolean() }),
  })])),
  pendingTargets: Type.Integer(),
  can: Type.Object({ manage: Type.Boolean() }),
});

export const Value = Type.Object({
  id: Type.String(), periodKey: Type.String(), unitId: Type.String(), numerator: NullableNumber, denominator: NullableNumber, value: NullableNumber,
  rag: Type.String(), note: Type.String(), enteredByName: Type.String(), updatedAt: Type.String(),
  evidence: Type.Array(Type.Object({ fileId: Type.String(), name: Type.String(), size: Type.Integer(), mime: Type.String() })),
});

export const IndicatorDetail = Type.Object({
  indicator: Type.Intersect([Indicator, Type.Object({ plan: Type.Object({ id: Type.String(), number: Type.String(), title: Type.String(), status: Type.String() }) })]),
  periods: Type.Array(Type.Intersect([PeriodRef, Type.Object({
    value: NullableNumber, rag: Type.String(), change: NullableNumber, reported: Type.Integer(), expected: Type.Integer(),
  })])),
  selected: nullable(Type.Object({
    period: Type.Intersect([PeriodRef, Type.Object({ started: Type.Boolean() })]),
    total: Total,
    missing: Type.Array(UnitRef),
    units: Type.Array(Type.Object({ unit: UnitRef, entry: nullable(Value), can: Type.Object({ record: Type.Boolean() }) })),
  })),
  can: Type.Object({ manage: Type.Boolean(), record: Type.Boolean() }),
});

const Cell = Type.Object({
  value: NullableNumber, rag: Type.String(), vsAverage: nullable(Type.String()), numerator: NullableNumber, denominator: NullableNumber,
});
export const Scorecard = Type.Object({
  period: nullable(Type.Intersect([PeriodRef, Type.Object({ type: Type.String() })])),
  periods: Type.Array(PeriodRef),
  indicators: Type.Array(Type.Object({
    id: Type.String(), code: Type.String(), subject: Type.String(), measure: Type.String(), unit: Type.String(), comparator: Type.String(), target: Type.Number(),
    period: nullable(PeriodRef), average: NullableNumber, total: Total,
  })),
  units: Type.Array(Type.Object({ unit: UnitRef, cells: Type.Record(Type.String(), nullable(Cell)) })),
});
