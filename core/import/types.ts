// The plan importer's model. A reader (.txt, .docx, .pdf) turns a file into blocks: paragraphs and
// tables in reading order. The rules in this folder turn blocks into a draft a person reviews.

/** One table cell: its paragraphs joined by "\n" (list items start with "- "). */
export interface Cell {
  text: string;
  /** Grid columns this cell covers (Word's gridSpan); 1 when absent. */
  span?: number;
}

export type Block =
  | { kind: 'para'; text: string; bold?: boolean; footnote?: boolean }
  | { kind: 'table'; rows: Cell[][]; /** Source line of each row, once located. */ rowLines?: number[] };

/** A block with its place in the source text shown beside the draft (1-based line numbers). */
export type Located<T> = T & { line: number };

export interface DraftHeader {
  /** The issuing body, e.g. "SỞ Y TẾ". */
  issuer: string | null;
  /** The body above it, e.g. "UBND THÀNH PHỐ HÀ NỘI". */
  parentBody: string | null;
  /** "274/KH-UBND"; "/KH-SYT" when the number is left blank; null when there is no "Số:" line. */
  number: string | null;
  place: string | null;
  /** yyyy-mm-dd when day, month and year are all written. */
  date: string | null;
  /** The date as written when part of it is blank: "ngày tháng 3 năm 2026". */
  dateText: string | null;
  /** The year the document names for itself (from the date, else the title). */
  year: number | null;
  title: string;
  legalBases: string[];
  replaces: string | null;
  signer: string | null;
  /** "GIÁM ĐỐC", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC". */
  signerTitle: string | null;
  recipients: string[];
}

export type FieldName = 'section' | 'no' | 'title' | 'lead' | 'coordinators' | 'deadline' | 'product' | 'note';

export interface DraftTask {
  /** Section code as written ("I", "II") or null. */
  section: string | null;
  /** Number as written, without a trailing dot ("01", "1"). */
  no: string;
  title: string;
  lead: string[];
  coordinators: string[];
  deadlineText: string;
  product: string | null;
  note: string | null;
  /** Where the task starts in the source text. */
  line: number;
  /** Fields a person should look at, with why (Vietnamese). */
  doubts: Partial<Record<FieldName, string>>;
}

export interface DraftSection {
  code: string;
  title: string;
  line: number;
}

export type Comparator = '>=' | '=' | '<=';

export interface DraftTarget {
  text: string;
  value: number;
  unit: string;
  comparator: Comparator;
  subject: string;
  line: number;
}

export type ReportFrequency = 'monthly' | 'quarterly' | 'semiannual' | 'annual' | 'adhoc';

export interface DraftReporting {
  text: string;
  frequency: ReportFrequency;
  /** "MM-DD" dates; for "before day N of the last month of the quarter", the four dates. */
  due: string[];
  /** Who reports, as written, when the sentence says. */
  who: string | null;
  line: number;
}

export const FINDING_CODES = [
  'conflicting_report_due', 'conflicting_target', 'swapped_columns', 'missing_lead', 'numbering',
  'deadline_outside_period', 'inconsistent_reference',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  message: string;
  /** Places, in words: "Mục IV.4 (dòng 120)", "Phụ lục, nhiệm vụ II.4". */
  where: string[];
  lines: number[];
}

export interface Draft {
  header: DraftHeader;
  /** The plan's period as the document states it (its year, or "giai đoạn 2025 - 2030"), yyyy-mm-dd. */
  period: { start: string; end: string };
  sections: DraftSection[];
  tasks: DraftTask[];
  targets: DraftTarget[];
  reporting: DraftReporting[];
  findings: Finding[];
  /** Problems with the document as a whole (no table found, no header recognised), Vietnamese. */
  warnings: string[];
}

/** A file the importer cannot read; the message is Vietnamese and says what to do. */
export class ImportError extends Error {
  constructor(message: string, readonly code: 'empty' | 'too_large' | 'unreadable' | 'encrypted' | 'scanned' | 'unsupported' | 'timeout' | 'no_content') {
    super(message);
    this.name = 'ImportError';
  }
}
