// Request schemas of the allowance module; titles name the fields in Vietnamese error messages.
// Responses are documented loosely (Type.Unknown) like the other list-heavy modules; inputs are checked in full.
import { Type } from 'typebox';
import { CATEGORIES, PARTIAL_MONTH_RULES, RATINGS } from '../../../core/allowance/types.ts';
import { isoDate, isoMonth, oneOf, requiredText, text, uuid } from '../../http/schemas.ts';

const money = (title: string) => Type.Integer({ title, minimum: 0, maximum: 1_000_000_000 });
const nullableDate = (title: string) => Type.Union([isoDate(title), Type.Null()], { title });

export const PolicyFields = Type.Object({
  effectiveFrom: isoDate('Ngày bắt đầu áp dụng'),
  rateFullTime: money('Mức hỗ trợ chuyên trách (đồng/tháng)'),
  ratePartTime: money('Mức hỗ trợ kiêm nhiệm (đồng/tháng)'),
  minRating: oneOf(RATINGS, 'Xếp loại tối thiểu'),
  partialMonth: oneOf(PARTIAL_MONTH_RULES, 'Tháng hưởng không trọn'),
  isExample: Type.Boolean({ title: 'Mức hỗ trợ là số liệu minh họa' }),
  legalBasis: Type.Optional(text('Căn cứ', { max: 1000 })),
  note: Type.Optional(text('Ghi chú', { max: 2000 })),
});

export const AssignmentFields = Type.Object({
  personId: uuid('Cán bộ'),
  decisionNo: requiredText('Số quyết định phân công', 100),
  decisionDate: isoDate('Ngày quyết định'),
  signer: Type.Optional(text('Người ký', { max: 200 })),
  task: requiredText('Nhiệm vụ được giao', 2000),
  taskId: Type.Optional(Type.Union([uuid('Nhiệm vụ trong kế hoạch'), Type.Null()])),
  output: requiredText('Sản phẩm đầu ra', 2000),
  category: oneOf(CATEGORIES, 'Hình thức thực hiện'),
  jobPosition: requiredText('Vị trí việc làm', 300),
  startOn: isoDate('Từ ngày'),
  endOn: Type.Optional(nullableDate('Đến ngày')),
  fileId: Type.Optional(Type.Union([uuid('Tệp quyết định'), Type.Null()])),
});

export const StopFields = Type.Object({
  stoppedOn: isoDate('Ngày cuối cùng được hưởng'),
  reason: requiredText('Lý do dừng chi trả', 1000),
});

export const RatingFields = Type.Object({
  month: isoMonth('Tháng'),
  items: Type.Array(Type.Object({
    personId: uuid('Cán bộ'),
    rating: oneOf(RATINGS, 'Xếp loại'),
    note: Type.Optional(text('Ghi chú', { max: 500 })),
  }), { title: 'Kết quả xếp loại', minItems: 1, maxItems: 2000 }),
});

export const BenefitFields = Type.Object({
  personId: uuid('Cán bộ'),
  name: requiredText('Tên chính sách, khoản hỗ trợ khác', 300),
  basis: Type.Optional(text('Căn cứ', { max: 500 })),
  startOn: isoDate('Từ ngày'),
  endOn: Type.Optional(nullableDate('Đến ngày')),
  sameWork: Type.Boolean({ title: 'Cho cùng nhiệm vụ' }),
});

export const EmploymentFields = Type.Object({
  joinedOn: Type.Optional(nullableDate('Ngày về đơn vị')),
  leftOn: Type.Optional(nullableDate('Ngày cuối cùng công tác tại đơn vị')),
});

export const ListParams = Type.Object({ unitId: uuid('Đơn vị chi trả'), month: isoMonth('Tháng') });
export const LineParams = Type.Object({ id: uuid('Danh sách'), lineId: uuid('Dòng danh sách') });

const version = Type.Integer({ title: 'Phiên bản danh sách', minimum: 1 });
export const LineFields = Type.Object({
  version,
  included: Type.Boolean({ title: 'Có trong danh sách' }),
  reason: Type.Optional(text('Lý do', { max: 1000 })),
});
export const AddLineFields = Type.Object({
  version,
  personId: uuid('Cán bộ'),
  category: oneOf(CATEGORIES, 'Hình thức thực hiện'),
  reason: requiredText('Lý do bổ sung', 1000),
});
export const StepFields = Type.Object({
  version,
  comment: Type.Optional(text('Ý kiến', { max: 2000 })),
  decisionNo: Type.Optional(text('Số quyết định phê duyệt', { max: 100 })),
});
export const PayFields = Type.Object({
  version,
  payPeriod: requiredText('Kỳ chi trả', 100),
  paidOn: isoDate('Ngày chi trả'),
  amount: Type.Integer({ title: 'Số tiền đã chi', minimum: -1_000_000_000_000, maximum: 1_000_000_000_000 }),
});

export const BudgetFields = Type.Object({
  rewardFund: money('Quỹ thưởng của năm (đồng)'),
  note: Type.Optional(text('Ghi chú', { max: 2000 })),
});
export const BudgetAdjustmentFields = Type.Object({
  amount: Type.Integer({ title: 'Số tiền điều chỉnh (đồng)', minimum: -1_000_000_000_000, maximum: 1_000_000_000_000 }),
  reason: requiredText('Lý do điều chỉnh', 1000),
  decisionNo: Type.Optional(text('Số văn bản điều chỉnh', { max: 100 })),
});

export const Loose = Type.Unknown();
