// Reads a Vietnamese deadline as plans write it ("Quý III, IV/2026", "Hằng tháng", "Trước ngày 10/6 và
// 10/12 hằng năm", "Theo chỉ đạo của Thành phố", OCR text without diacritics) into a schedule.
import { isValidDate, isoDate } from './dates.ts';
import { describeSchedule } from './describe.ts';
import { CADENCES, EVENT_KINDS, type PlanContext, type Schedule, type ScheduleKind } from './types.ts';

/** Lower case, no diacritics, đ→d, OCR slips mended, "10/ 01/2026" closed up, single spaces. */
export function normaliseDeadline(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    // Seed 001 is OCR output: "trudc ngay 30/11 hang ndm".
    .replace(/\b(trudc|truwoc|trwoc|truec)\b/g, 'truoc').replace(/\bn[dai]m\b|\bndm\b/g, 'nam').replace(/\bngdy\b/g, 'ngay')
    .replace(/\s*\/\s*/g, '/').replace(/\s*-\s*/g, '-').replace(/[“”"*]/g, '').replace(/\s+/g, ' ').trim();
}

const ROMAN_VALUES: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const AUTHORITIES: [RegExp, string][] = [
  [/so tai chinh/, 'Sở Tài chính'], [/so noi vu/, 'Sở Nội vụ'], [/so khoa hoc/, 'Sở Khoa học và Công nghệ'], [/bo y te/, 'Bộ Y tế'],
  [/so y te/, 'Sở Y tế'], [/ubnd (thanh pho|tp)/, 'UBND Thành phố'], [/ubnd tinh/, 'UBND tỉnh'], [/thanh pho/, 'Thành phố'],
  [/\btinh\b/, 'Tỉnh'], [/chinh phu/, 'Chính phủ'], [/thanh uy/, 'Thành ủy'], [/quy dinh/, 'quy định'],
];
const authorityIn = (n: string) => AUTHORITIES.find(([re]) => re.test(n))?.[1];

type Parsed = Omit<Schedule, 'text' | 'explanation' | 'alternatives'>;

/** Splits "A hoặc B (hoặc C)" into its parts as written. */
function splitCompound(text: string): string[] {
  return text.split(/\s*\(\s*(?:hoặc|hoac)\s+|\s+(?:hoặc|hoac)\s+|\s*[()]\s*/iu).map((s) => s.trim().replace(/[.;,]+$/, '')).filter(Boolean);
}

function yearOf(raw: string | undefined, ctx: PlanContext): { year: number; explicit: boolean } {
  const y = raw ? Number(raw) : NaN;
  return y >= 2000 && y <= 2100 ? { year: y, explicit: true } : { year: ctx.year, explicit: false };
}

function recurring(n: string): Parsed | null {
  const everyYear = /\b(hang|moi) nam\b/.test(n);
  const yearly = everyYear || /dinh ky/.test(n);
  // "trước ngày 10 của tháng cuối quý" (a quarterly report due on a day of the quarter's last month)
  let m = n.match(/truoc ngay (\d{1,2}) (?:cua )?thang cuoi (?:moi )?quy/);
  if (m) return { kind: 'recurring', value: `FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=${Number(m[1])}`, confidence: 0.95 };
  // "trước ngày 10/6 và 10/12 hằng năm", "trước ngày 25/5 và 10/11", "trước ngày 30/11 hằng năm"
  const dates = [...n.matchAll(/(?:^|\s|ngay\s)(\d{1,2})\/(\d{1,2})(?!\/\d)/g)].map((x) => [Number(x[1]), Number(x[2])] as const)
    .filter(([d, mo]) => d >= 1 && d <= 31 && mo >= 1 && mo <= 12);
  if (dates.length && /truoc|han/.test(n) && !/\d{1,2}\/\d{1,2}\/\d{4}/.test(n) && (yearly || dates.length > 1)) {
    const sorted = [...dates].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const sameDay = sorted.every(([d]) => d === sorted[0][0]);
    // Different days in different months cannot share one RRULE: one rule per date, joined by newlines.
    const value = sameDay
      ? `FREQ=YEARLY;BYMONTH=${sorted.map(([, mo]) => mo).join(',')};BYMONTHDAY=${sorted[0][0]}`
      : sorted.map(([d, mo]) => `FREQ=YEARLY;BYMONTH=${mo};BYMONTHDAY=${d}`).join('\n');
    return { kind: 'recurring', value, confidence: yearly ? 0.95 : 0.8 };
  }
  m = n.match(/truoc ngay (\d{1,2}) (?:hang|moi) thang/);
  if (m) return { kind: 'recurring', value: `FREQ=MONTHLY;BYMONTHDAY=${Number(m[1])}`, confidence: 0.95 };
  if (/\b(hang|moi) tuan\b/.test(n)) return { kind: 'recurring', value: 'FREQ=WEEKLY', confidence: 0.9 };
  if (/\b(hang|moi) thang\b/.test(n)) return { kind: 'recurring', value: 'FREQ=MONTHLY', confidence: 0.95 };
  if (/\b(hang|moi) quy\b|dinh ky quy|theo quy\b/.test(n)) return { kind: 'recurring', value: 'FREQ=MONTHLY;INTERVAL=3', confidence: 0.95 };
  if (/6 thang (mot lan|\/lan|1 lan)|dinh ky 6 thang|(hang|moi) 6 thang|nua nam/.test(n)) return { kind: 'recurring', value: 'FREQ=MONTHLY;INTERVAL=6', confidence: 0.9 };
  if (everyYear && !/\b(19|20)\d{2}\b/.test(n)) return { kind: 'recurring', value: 'FREQ=YEARLY', confidence: 0.9 };
  return null;
}

function directiveOrEvent(n: string): Parsed | null {
  if (/^(sau khi|ngay sau khi).*(ke hoach|van ban).*ban hanh/.test(n)) return { kind: 'event', value: null, confidence: 0.95, event: { kind: 'plan_issued', label: 'Kế hoạch được ban hành' } };
  if (/^theo dot\b/.test(n)) return { kind: 'event', value: null, confidence: 0.8, event: { kind: 'other', label: n.includes('xet thuong') ? 'Đợt xét thưởng' : 'Theo đợt' } };
  if (/^(khi|neu) (co )?phat sinh|^phat sinh|^dot xuat/.test(n)) return { kind: 'event', value: null, confidence: 0.95, event: { kind: 'arises', label: 'Khi phát sinh' } };
  if (/^(khi|neu) co (yeu cau|de nghi)|^theo yeu cau/.test(n)) return { kind: 'event', value: null, confidence: 0.85, event: { kind: 'arises', label: 'Khi có yêu cầu' } };
  if (/^khi co (huong dan|chi dao|van ban)/.test(n)) {
    return { kind: 'event', value: null, confidence: 0.9, authority: authorityIn(n), event: { kind: 'guidance', label: `Khi có hướng dẫn${authorityIn(n) ? ` của ${authorityIn(n)}` : ''}` } };
  }
  if (/^theo\b|^ban hanh theo|theo tien do yeu cau/.test(n)) {
    const authority = authorityIn(n);
    return { kind: 'directive', value: null, confidence: authority ? 0.9 : 0.8, ...(authority ? { authority } : {}) };
  }
  return null;
}

function quarters(n: string, ctx: PlanContext): Parsed | null {
  const half = n.match(/6 thang (dau|cuoi) (?:nam ?)?((?:19|20)\d{2})?/);
  if (half) {
    const { year, explicit } = yearOf(half[2], ctx);
    const qs = half[1] === 'dau' ? [1, 2] : [3, 4];
    return { kind: 'quarter', value: qs.map((q) => `${year}-Q${q}`).join(','), quarterMode: 'span', confidence: explicit ? 0.9 : 0.8 };
  }
  const m = n.match(/quy ((?:(?:iv|iii|ii|i|[1-4])\b(?:\s*(?:,|va|-)\s*)?)+)(?:\s*(?:\/|nam)\s*((?:19|20)\d{2}))?/);
  if (!m) return null;
  const list = [...new Set(m[1].split(/\s*(?:,|va|-)\s*|\s+/).map((s) => ROMAN_VALUES[s]).filter(Boolean))].sort();
  if (!list.length) return null;
  const { year, explicit } = yearOf(m[2], ctx);
  return { kind: 'quarter', value: list.map((q) => `${year}-Q${q}`).join(','), confidence: explicit ? 0.95 : 0.85, ...(list.length > 1 ? { quarterMode: 'span' as const } : {}) };
}

function datesAndMonths(n: string, ctx: PlanContext): Parsed | null {
  let m = n.match(/(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})/) ?? n.match(/ngay (\d{1,2}) thang (\d{1,2}) nam ((?:19|20)\d{2})/);
  if (m) {
    const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (isValidDate(iso)) return { kind: 'date', value: iso, confidence: 0.95 };
  }
  m = n.match(/(?:truoc|den|han|ngay)\D*?(\d{1,2})\/(\d{1,2})(?!\/)/);
  if (m) {
    const iso = isoDate(ctx.year, Number(m[2]), Number(m[1]));
    if (isValidDate(iso)) return { kind: 'date', value: iso, confidence: 0.85 };
  }
  m = n.match(/thang (\d{1,2})(?:\s*(?:\/|nam)\s*((?:19|20)\d{2}))?/);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    const { year, explicit } = yearOf(m[2], ctx);
    return { kind: 'month', value: `${year}-${String(Number(m[1])).padStart(2, '0')}`, confidence: explicit ? 0.95 : 0.85 };
  }
  return null;
}

function years(n: string, ctx: PlanContext): Parsed | null {
  const span = n.match(/((?:19|20)\d{2})-((?:19|20)\d{2})/);
  if (span && Number(span[2]) > Number(span[1])) return { kind: 'year', value: `${span[1]}..${span[2]}`, confidence: 0.85 };
  const m = n.match(/^(?:(?:ca|trong|trong ca|hoan thanh trong|cuoi) )?nam ((?:19|20)\d{2})$|^((?:19|20)\d{2})$/);
  if (m) return { kind: 'year', value: m[1] ?? m[2], confidence: n.startsWith('cuoi') ? 0.9 : 0.95 };
  if (/^(cuoi nam|trong nam|ca nam|hang nam nay)$/.test(n)) return { kind: 'year', value: String(ctx.year), confidence: 0.75 };
  const loose = n.match(/\bnam ((?:19|20)\d{2})\b/);
  if (loose && n.split(' ').length <= 6) return { kind: 'year', value: loose[1], confidence: 0.7 };
  return null;
}

function parsePart(text: string, ctx: PlanContext): Parsed {
  const n = normaliseDeadline(text).replace(/^(hoan thanh|thuc hien|thoi gian|dinh ky)\s+/, (w) => (w.startsWith('dinh ky') ? w : ''));
  if (!n) return { kind: 'unspecified', value: null, confidence: 0 };
  if (/^thuong xuyen|^lien tuc|^hang ngay/.test(n)) return { kind: 'ongoing', value: null, confidence: 0.95 };
  return directiveOrEvent(n) ?? recurring(n) ?? quarters(n, ctx) ?? datesAndMonths(n, ctx) ?? years(n, ctx) ?? { kind: 'unspecified', value: null, confidence: 0 };
}

/** Turns deadline text into a schedule. Never throws: what it cannot read becomes "unspecified", flagged for a person. */
export function parseDeadline(text: string, ctx: PlanContext): Schedule {
  const written = (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  const [first = '', ...rest] = splitCompound(written);
  const parsed = parsePart(first, ctx);
  // OCR text (no diacritics at all) is read with a little less certainty.
  const ocr = /[a-z]{3,}/i.test(written) && !/[\u00c0-\u1ef9]/.test(written) ? 0.9 : 1;
  const confidence = Math.round(parsed.confidence * (rest.length ? 0.85 : 1) * ocr * 100) / 100;
  const s: Schedule = { ...parsed, text: written, confidence, explanation: '', ...(rest.length ? { alternatives: rest } : {}) };
  return { ...s, explanation: describeSchedule(s) };
}

const RRULE = /^FREQ=(WEEKLY|MONTHLY|YEARLY)(;INTERVAL=(3|6))?(;BYMONTH=(\d{1,2})(,\d{1,2})*)?(;BYMONTHDAY=\d{1,2})?$/;
const VALUE_RULES: Partial<Record<ScheduleKind, [(v: string) => boolean, string]>> = {
  date: [isValidDate, 'Ngày phải có dạng yyyy-mm-dd, ví dụ 2026-04-15.'],
  month: [(v) => /^(19|20)\d{2}-(0[1-9]|1[0-2])$/.test(v), 'Tháng phải có dạng yyyy-mm, ví dụ 2026-06.'],
  quarter: [(v) => /^(19|20)\d{2}-Q[1-4](,(19|20)\d{2}-Q[1-4])*$/.test(v), 'Quý phải có dạng 2026-Q2; nhiều quý cách nhau dấu phẩy: 2026-Q3,2026-Q4.'],
  year: [(v) => /^(19|20)\d{2}(\.\.(19|20)\d{2})?$/.test(v) && (v.length === 4 || v.slice(6) >= v.slice(0, 4)), 'Năm phải có dạng 2026 (hoặc 2026..2030 cho nhiều năm).'],
  recurring: [(v) => v.split('\n').every((r) => RRULE.test(r) && validRule(r)), 'Quy tắc lặp không hợp lệ; ví dụ FREQ=MONTHLY hoặc FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10.'],
};

function validRule(rule: string): boolean {
  const months = rule.match(/BYMONTH=([\d,]+)/)?.[1].split(',').map(Number) ?? [];
  const day = Number(rule.match(/BYMONTHDAY=(\d+)/)?.[1] ?? 1);
  return months.every((m) => m >= 1 && m <= 12) && day >= 1 && day <= 31;
}

/** Vietnamese messages, by field, for a schedule a person set by hand; null when it is sound. */
export function validateSchedule(s: Partial<Schedule> & { kind: ScheduleKind }): Record<string, string> | null {
  const errors: Record<string, string> = {};
  const rule = VALUE_RULES[s.kind];
  if (rule && !(s.value && rule[0](s.value))) errors.value = rule[1];
  if (s.quarterMode && !['span', 'each'].includes(s.quarterMode)) errors.quarterMode = 'Cách tính nhiều quý không hợp lệ.';
  if (s.cadence && !CADENCES.includes(s.cadence)) errors.cadence = 'Chu kỳ cập nhật không hợp lệ.';
  if (s.event && !EVENT_KINDS.includes(s.event.kind)) errors['event.kind'] = 'Loại sự kiện không hợp lệ.';
  if (s.event?.afterDays !== undefined && !(Number.isInteger(s.event.afterDays) && s.event.afterDays >= 0 && s.event.afterDays <= 365)) {
    errors['event.afterDays'] = 'Số ngày sau sự kiện phải từ 0 đến 365.';
  }
  return Object.keys(errors).length ? errors : null;
}

/** A schedule corrected by a person: checked, completed and explained afresh. */
// The plan's context is not needed to check a hand-set schedule, but callers pass it for symmetry with parseDeadline.
export function normaliseSchedule(input: Partial<Schedule> & { kind: ScheduleKind; text?: string }, _ctx?: PlanContext): { schedule: Schedule } | { errors: Record<string, string> } {
  const errors = validateSchedule(input);
  if (errors) return { errors };
  const valued = ['date', 'month', 'quarter', 'year', 'recurring'].includes(input.kind);
  const s: Schedule = {
    kind: input.kind, text: (input.text ?? '').trim(), value: valued ? input.value ?? null : null, confidence: 1, explanation: '',
    ...(input.kind === 'quarter' && input.value?.includes(',') ? { quarterMode: input.quarterMode ?? 'span' } : {}),
    ...(input.kind === 'ongoing' && input.cadence ? { cadence: input.cadence } : {}),
    ...(input.kind === 'event' ? { event: { kind: input.event?.kind ?? 'other', label: input.event?.label || input.text || 'Sự kiện', ...(input.event?.afterDays !== undefined ? { afterDays: input.event.afterDays } : {}) } } : {}),
    ...((input.kind === 'directive' || input.kind === 'event') && input.authority ? { authority: input.authority } : {}),
    ...(input.alternatives?.length ? { alternatives: input.alternatives } : {}),
  };
  return { schedule: { ...s, explanation: describeSchedule(s) } };
}
