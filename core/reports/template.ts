// Report forms: sections of typed fields (numbers, percentages, money, text, repeating tables) and the
// cross-field rules a division sets ("months paid ≤ beneficiaries × 6").

export const FIELD_TYPES = ['number', 'percent', 'money', 'text', 'table'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export type CellType = Exclude<FieldType, 'table'>;

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  number: 'Số', percent: 'Tỷ lệ (%)', money: 'Số tiền (VND)', text: 'Văn bản', table: 'Bảng nhiều dòng',
};

/**
 * Data kehoach already holds that a field can start from. Task counts are the unit's task periods due
 * within the report's period; allowance figures are the unit's paid lists of the period's months; award figures its
 * reward proposals sent and decided in the period.
 */
export const PREFILL_SOURCES = [
  'tasks.due', 'tasks.done', 'tasks.doneLate', 'tasks.overdue', 'tasks.open',
  'allowance.beneficiaries', 'allowance.months', 'allowance.amount',
  'awards.tasksProposed', 'awards.tasksRewarded', 'awards.collectivesProposed', 'awards.collectivesRewarded',
  'awards.individualsProposed', 'awards.individualsRewarded', 'awards.amount',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number] | `indicator:${string}`;

/** What each source is called in the form builder; allowance and award figures arrive with those capabilities. */
export const PREFILL_LABELS: Record<(typeof PREFILL_SOURCES)[number], string> = {
  'tasks.due': 'Số nhiệm vụ đến hạn trong kỳ', 'tasks.done': 'Số nhiệm vụ đã hoàn thành', 'tasks.doneLate': 'Số nhiệm vụ hoàn thành quá hạn',
  'tasks.overdue': 'Số nhiệm vụ quá hạn chưa hoàn thành', 'tasks.open': 'Số nhiệm vụ chưa đến hạn',
  'allowance.beneficiaries': 'Số đối tượng hưởng hỗ trợ (từ danh sách đã chi trả)', 'allowance.months': 'Số người-tháng hưởng hỗ trợ (từ danh sách đã chi trả)',
  'allowance.amount': 'Kinh phí đã chi hỗ trợ (từ danh sách đã chi trả)',
  'awards.tasksProposed': 'Số nhiệm vụ đề xuất xét thưởng (từ hồ sơ xét thưởng)', 'awards.tasksRewarded': 'Số nhiệm vụ được xét thưởng (từ hồ sơ xét thưởng)',
  'awards.collectivesProposed': 'Số tập thể được đề xuất (từ hồ sơ xét thưởng)', 'awards.collectivesRewarded': 'Số tập thể được xét thưởng (từ hồ sơ xét thưởng)',
  'awards.individualsProposed': 'Số cá nhân được đề xuất (từ hồ sơ xét thưởng)', 'awards.individualsRewarded': 'Số cá nhân được xét thưởng (từ hồ sơ xét thưởng)',
  'awards.amount': 'Kinh phí thưởng (từ hồ sơ xét thưởng)',
};

export interface TableColumn {
  key: string;
  label: string;
  type: CellType;
  required?: boolean;
}

export interface Field {
  key: string;
  label: string;
  type: FieldType;
  help?: string;
  /** Shown after a number: "người", "tháng", "nhiệm vụ". */
  suffix?: string;
  required?: boolean;
  prefill?: PrefillSource;
  /** A change of more than this % from the unit's previous period needs a written explanation. */
  explainChangeOverPct?: number;
  columns?: TableColumn[];
}

export interface TemplateSection {
  key: string;
  title: string;
  fields: Field[];
}

/** `left op right × factor`, checked when both values are present. */
export interface CompareRule {
  kind: 'compare';
  left: string;
  op: '<=' | '>=' | '<' | '>' | '=';
  right: string;
  factor?: number;
  message: string;
}

export interface TemplateDef {
  sections: TemplateSection[];
  rules: CompareRule[];
}

export type Cell = number | string | null;
export type TableRow = Record<string, Cell>;
export type ReportValue = Cell | TableRow[];
export type ReportValues = Record<string, ReportValue>;

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'reopened'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus | 'missing', string> = {
  missing: 'Chưa lập', draft: 'Đang soạn', submitted: 'Đã gửi, chờ duyệt', returned: 'Bị trả lại', approved: 'Đã duyệt', reopened: 'Được mở lại',
};

export const NUMERIC_TYPES: readonly FieldType[] = ['number', 'percent', 'money'];

export function fieldsOf(def: TemplateDef): Field[] {
  return def.sections.flatMap((s) => s.fields);
}

export function fieldByKey(def: TemplateDef, key: string): Field | undefined {
  return fieldsOf(def).find((f) => f.key === key);
}

/** The three text sections every Vietnamese periodic report closes with. */
const ASSESSMENT: TemplateSection = {
  key: 'assessment', title: 'Đánh giá chung',
  fields: [
    { key: 'results', label: 'Kết quả đạt được', type: 'text', required: true },
    { key: 'difficulties', label: 'Tồn tại, khó khăn, vướng mắc', type: 'text', required: true },
    { key: 'proposals', label: 'Kiến nghị, đề xuất', type: 'text' },
  ],
};

const TASKS: TemplateSection = {
  key: 'tasks', title: 'Tình hình thực hiện nhiệm vụ trong kỳ',
  fields: [
    { key: 'tasksDue', label: 'Số nhiệm vụ đến hạn trong kỳ', type: 'number', suffix: 'nhiệm vụ', prefill: 'tasks.due' },
    { key: 'tasksDone', label: 'Số nhiệm vụ đã hoàn thành', type: 'number', suffix: 'nhiệm vụ', prefill: 'tasks.done' },
    { key: 'tasksDoneLate', label: 'Trong đó hoàn thành quá hạn', type: 'number', suffix: 'nhiệm vụ', prefill: 'tasks.doneLate' },
    { key: 'tasksOverdue', label: 'Số nhiệm vụ quá hạn chưa hoàn thành', type: 'number', suffix: 'nhiệm vụ', prefill: 'tasks.overdue' },
  ],
};

const TASK_RULES: CompareRule[] = [
  { kind: 'compare', left: 'tasksDone', op: '<=', right: 'tasksDue', message: 'Số nhiệm vụ đã hoàn thành không thể nhiều hơn số nhiệm vụ đến hạn' },
  { kind: 'compare', left: 'tasksDoneLate', op: '<=', right: 'tasksDone', message: 'Số nhiệm vụ hoàn thành quá hạn không thể nhiều hơn số nhiệm vụ đã hoàn thành' },
];

export interface BuiltinTemplate { key: string; name: string; description: string; definition: TemplateDef }

/** Seed 000, section 6 "Chế độ báo cáo": what the semi-annual report on Resolution 07/2026/NQ-HĐND contains. */
export const NQ07_SEMIANNUAL: BuiltinTemplate = {
  key: 'nq07-6-thang',
  name: 'Báo cáo 6 tháng, năm thực hiện Nghị quyết số 07/2026/NQ-HĐND',
  description: 'Theo mục 6 "Chế độ báo cáo" của Kế hoạch: số lượng đối tượng hưởng hỗ trợ; số tháng hưởng; kinh phí đã chi; số lượng nhiệm vụ, tập thể, cá nhân được đề xuất hoặc được xét thưởng; kinh phí thưởng; kết quả đạt được; tồn tại, khó khăn, vướng mắc và kiến nghị, đề xuất.',
  definition: {
    sections: [
      {
        key: 'allowance', title: 'Chi hỗ trợ cho người trực tiếp thực hiện nhiệm vụ',
        fields: [
          { key: 'beneficiaries', label: 'Số lượng đối tượng hưởng hỗ trợ', type: 'number', suffix: 'người', required: true, prefill: 'allowance.beneficiaries', explainChangeOverPct: 30 },
          { key: 'monthsPaid', label: 'Tổng số tháng hưởng', type: 'number', suffix: 'người-tháng', required: true, prefill: 'allowance.months', help: 'Cộng số tháng được chi của từng người trong kỳ.' },
          { key: 'allowanceSpent', label: 'Kinh phí đã chi hỗ trợ', type: 'money', required: true, prefill: 'allowance.amount', explainChangeOverPct: 30 },
        ],
      },
      {
        key: 'rewards', title: 'Chi thưởng nhiệm vụ có kết quả vượt yêu cầu',
        fields: [
          { key: 'tasksProposed', label: 'Số nhiệm vụ được đề xuất xét thưởng', type: 'number', suffix: 'nhiệm vụ', required: true, prefill: 'awards.tasksProposed' },
          { key: 'tasksRewarded', label: 'Số nhiệm vụ được xét thưởng', type: 'number', suffix: 'nhiệm vụ', required: true, prefill: 'awards.tasksRewarded' },
          { key: 'collectivesProposed', label: 'Số tập thể được đề xuất', type: 'number', suffix: 'tập thể', required: true, prefill: 'awards.collectivesProposed' },
          { key: 'collectivesRewarded', label: 'Số tập thể được xét thưởng', type: 'number', suffix: 'tập thể', required: true, prefill: 'awards.collectivesRewarded' },
          { key: 'individualsProposed', label: 'Số cá nhân được đề xuất', type: 'number', suffix: 'cá nhân', required: true, prefill: 'awards.individualsProposed' },
          { key: 'individualsRewarded', label: 'Số cá nhân được xét thưởng', type: 'number', suffix: 'cá nhân', required: true, prefill: 'awards.individualsRewarded' },
          { key: 'rewardSpent', label: 'Kinh phí thưởng', type: 'money', required: true, prefill: 'awards.amount' },
          {
            key: 'rewardList', label: 'Danh sách được xét thưởng', type: 'table',
            columns: [
              { key: 'recipient', label: 'Tập thể, cá nhân', type: 'text', required: true },
              { key: 'task', label: 'Nhiệm vụ, sản phẩm', type: 'text', required: true },
              { key: 'amount', label: 'Số tiền thưởng (VND)', type: 'money', required: true },
            ],
          },
        ],
      },
      TASKS,
      ASSESSMENT,
    ],
    rules: [
      { kind: 'compare', left: 'monthsPaid', op: '<=', right: 'beneficiaries', factor: 6, message: 'Tổng số tháng hưởng không thể vượt quá số đối tượng × 6 tháng của kỳ báo cáo' },
      { kind: 'compare', left: 'tasksRewarded', op: '<=', right: 'tasksProposed', message: 'Số nhiệm vụ được xét thưởng không thể nhiều hơn số được đề xuất' },
      { kind: 'compare', left: 'collectivesRewarded', op: '<=', right: 'collectivesProposed', message: 'Số tập thể được xét thưởng không thể nhiều hơn số được đề xuất' },
      { kind: 'compare', left: 'individualsRewarded', op: '<=', right: 'individualsProposed', message: 'Số cá nhân được xét thưởng không thể nhiều hơn số được đề xuất' },
      ...TASK_RULES,
    ],
  },
};

/** The report on a plan's implementation that seeds 003 and 004 ask for (quarterly, semi-annual, yearly). */
export const PLAN_PROGRESS: BuiltinTemplate = {
  key: 'ket-qua-thuc-hien-ke-hoach',
  name: 'Báo cáo kết quả thực hiện kế hoạch',
  description: 'Tình hình thực hiện nhiệm vụ của đơn vị trong kỳ (lấy sẵn từ kehoach), kết quả, khó khăn và đề xuất.',
  definition: { sections: [TASKS, ASSESSMENT], rules: TASK_RULES },
};

/**
 * Seed 001 IV.4: "Định kỳ trước ngày 30/11 hằng năm gửi báo cáo kết quả tổ chức thực hiện phong trào thi đua về Sở
 * Y tế" — the year's tasks (from kehoach), what the unit organised, its initiatives and whom it proposes.
 */
export const EMULATION_ANNUAL: BuiltinTemplate = {
  key: 'thi-dua-doi-moi-sang-tao-cds',
  name: 'Báo cáo kết quả tổ chức thực hiện phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”',
  description: 'Theo mục IV.4 của Kế hoạch 3764/KH-SYT: gửi Sở Y tế trước ngày 30/11 hằng năm để tổng hợp, báo cáo UBND Thành phố; là căn cứ chấm điểm thi đua.',
  definition: {
    sections: [
      {
        key: 'organisation', title: 'Tổ chức phong trào tại đơn vị',
        fields: [
          { key: 'planIssued', label: 'Kế hoạch tổ chức phong trào của đơn vị (số, ngày)', type: 'text', required: true },
          { key: 'staffReached', label: 'Số lượt cán bộ, viên chức, người lao động được tuyên truyền, bồi dưỡng kỹ năng số', type: 'number', suffix: 'lượt', required: true },
          { key: 'digitalSkillsCertified', label: 'Số người hoàn thành phổ cập kiến thức, kỹ năng số cơ bản (Quyết định 757/QĐ-BKHCN)', type: 'number', suffix: 'người', required: true },
          { key: 'initiatives', label: 'Số sáng kiến, giải pháp, mô hình chuyển đổi số được áp dụng', type: 'number', suffix: 'sáng kiến', required: true },
          { key: 'securityIncidents', label: 'Số sự cố mất an toàn thông tin trong năm', type: 'number', suffix: 'sự cố', required: true },
        ],
      },
      TASKS,
      {
        key: 'commendation', title: 'Khen thưởng',
        fields: [
          { key: 'collectivesProposed', label: 'Số tập thể đề nghị khen thưởng', type: 'number', suffix: 'tập thể', required: true },
          { key: 'individualsProposed', label: 'Số cá nhân đề nghị khen thưởng', type: 'number', suffix: 'cá nhân', required: true },
        ],
      },
      ASSESSMENT,
    ],
    rules: [
      ...TASK_RULES,
      { kind: 'compare', left: 'digitalSkillsCertified', op: '<=', right: 'staffReached', message: 'Số người hoàn thành phổ cập kỹ năng số không thể nhiều hơn số lượt được bồi dưỡng' },
    ],
  },
};

export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [NQ07_SEMIANNUAL, PLAN_PROGRESS, EMULATION_ANNUAL];
