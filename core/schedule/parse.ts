// Reads a Vietnamese deadline as plans write it ("Quý III, IV/2026", "Hằng tháng", "Trước ngày 10/6 và
// 10/12 hằng năm", "Theo chỉ đạo của Thành phố", OCR text without diacritics) into a schedule.
import { cleanText } from '../text/vietnamese.ts';
import { isValidDate, isoDate } from './dates.ts';
import { describeSchedule } from './describe.ts';
import { formatRule, parseRules, type Rule } from './rrule.ts';
import { CADENCES, EVENT_KINDS, SCHEDULE_KINDS, type Cadence, type PlanContext, type Schedule, type ScheduleKind } from './types.ts';

// Seed 001 is OCR output ("Dinh ky trudc ngay 30/11 hang nam"): its usual misreadings of the words deadlines use.
const OCR_MENDS: [RegExp, string][] = [
  [/\b(?:trudc|truwoc|trwoc|truec|trudoc)\b/g, 'truoc'], [/\b(?:ndm|ndam|nim|ndim|nain)\b/g, 'nam'], [/\b(?:cudi|cuei|cu6i)\b/g, 'cuoi'],
  [/\b(?:thudng|thwong|thuwong|thueng)\b/g, 'thuong'], [/\b(?:hudng|hwong|huwong)\b/g, 'huong'], [/\b(?:tir|tw|twr)\b/g, 'tu'],
  [/\b(?:ngdy|ngiy)\b/g, 'ngay'], [/\b(?:ctia|cta|ciia)\b/g, 'cua'], [/\bthyc\b/g, 'thuc'], [/\bhodc\b/g, 'hoac'],
  [/\bthanh ph[a-z]\b/g, 'thanh pho'], [/\bs\S? y te\b/g, 'so y te'], [/\bb\S? y te\b/g, 'bo y te'],
  [/\bquy (?:ii1|il1|iil|111)\b/g, 'quy iii'], [/\bquy (?:1v|lv)\b/g, 'quy iv'], [/\bquy (?:il|ll|11)\b/g, 'quy ii'],
];

/** Lower case, no diacritics, đ→d, "10/ 01/2026" closed up, single spaces; keeps digits and / , - . */
export function normaliseDeadline(text: string): string {
  return cleanText(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/<[^>]*>/g, ' ').replace(/[–—]/g, '-').replace(/[“”"*()]/g, ' ')
    .replace(/\s*\/\s*/g, '/').replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ').trim()
    .replace(/^[-+•]\s*/, '').replace(/[.;,:\s]+$/, '');
}

const mendOcr = (n: string) => OCR_MENDS.reduce((s, [re, to]) => s.replace(re, to), n);

const ROMAN_VALUES: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const YEAR = '((?:19|20)\\d{2})';
const RANGE_WORD = /^(?:-|den|toi)$/;

const AUTHORITIES: [RegExp, string][] = [
  [/so tai chinh/, 'Sở Tài chính'], [/so noi vu/, 'Sở Nội vụ'], [/so khoa hoc/, 'Sở Khoa học và Công nghệ'], [/bo y te/, 'Bộ Y tế'],
  [/so y te/, 'Sở Y tế'], [/ubnd (?:thanh pho|tp)/, 'UBND Thành phố'], [/ubnd tinh/, 'UBND tỉnh'], [/thanh pho/, 'Thành phố'],
  [/\btinh\b/, 'Tỉnh'], [/thu tuong/, 'Thủ tướng Chính phủ'], [/chinh phu/, 'Chính phủ'], [/thanh uy/, 'Thành ủy'], [/tinh uy/, 'Tỉnh ủy'],
  [/trung uong/, 'Trung ương'], [/cap tren/, 'cấp trên'],
];

/** The authority named first in the text; "quy định" only when no body is named. */
function authorityIn(n: string): string | undefined {
  const found = AUTHORITIES.map(([re, name]) => ({ at: n.search(re), name })).filter((a) => a.at >= 0).sort((a, b) => a.at - b.at);
  return found[0]?.name ?? (/quy dinh/.test(n) ? 'quy định' : undefined);
}

type Parsed = Omit<Schedule, 'text' | 'explanation' | 'alternatives'>;
const parsed = (kind: ScheduleKind, value: string | null, confidence: number, extra: Partial<Parsed> = {}): Parsed => ({ kind, value, confidence, ...extra });

/** "A hoặc B (hoặc C)": the main part first, then the alternatives as written; other brackets are read as part of the text. */
function splitCompound(text: string): string[] {
  const alternatives: string[] = [];
  const main = text.replace(/\(\s*((?:hoặc|hoac|đột xuất|dot xuat|khi có yêu cầu)[^)]*)\)/giu, (_, inner: string) => { alternatives.push(inner); return ' '; });
  return [...main.split(/\s+(?:hoặc|hoac|hodc)\s+/iu), ...alternatives]
    .map((s) => s.replace(/^\s*(?:hoặc|hoac)\s+/iu, '').replace(/[\s.;,]+$/, '').trim());
}

const CADENCE_CUES: [RegExp, Cadence][] = [
  [/\b(?:hang|moi) thang\b/, 'monthly'], [/\b(?:hang|moi|theo) quy\b/, 'quarterly'], [/\b6 thang\b|nua nam/, 'half-yearly'], [/\b(?:hang|moi) nam\b/, 'yearly'],
];

function eventOf(n: string): Parsed | null {
  // "Trong vòng 15 ngày kể từ ngày Kế hoạch được ban hành": the event, and the days after it.
  const after = n.match(/^(?:(?:trong(?: vong| thoi han)?|sau|cham nhat|toi da) )?(\d{1,3}) ngay( lam viec)? (?:ke tu|tinh tu|sau)(?: ngay| khi)? /);
  const rest = after ? `khi ${n.slice(after[0].length)}` : n.replace(/^(?:ngay )?sau khi /, 'khi ');
  const days = after ? { afterDays: Number(after[1]) } : {};
  // Working days are not calendar days: the count is kept but a person should check it.
  const sure = (c: number) => (after?.[2] ? 0.7 : c);
  if (/^khi (?:(?:ke hoach|van ban|quyet dinh)\b.*\b)?(?:duoc )?ban hanh\b/.test(rest)) return parsed('event', null, sure(0.95), { event: { kind: 'plan_issued', label: 'Kế hoạch được ban hành', ...days } });
  if (/^theo dot\b/.test(n)) return parsed('event', null, 0.8, { event: { kind: 'other', label: n.includes('xet thuong') ? 'Đợt xét thưởng' : 'Theo đợt' } });
  if (/^(?:khi|neu) (?:co )?phat sinh|^phat sinh|^dot xuat/.test(rest)) return parsed('event', null, sure(0.95), { event: { kind: 'arises', label: 'Khi phát sinh', ...days } });
  if (/^(?:khi|neu) co (?:yeu cau|de nghi)|^theo yeu cau/.test(rest)) return parsed('event', null, sure(0.85), { event: { kind: 'arises', label: 'Khi có yêu cầu', ...days } });
  const guidance = rest.match(/^khi co (huong dan|chi dao|van ban)/);
  if (guidance) {
    const authority = authorityIn(n);
    const label = `Khi có ${guidance[1] === 'chi dao' ? 'chỉ đạo' : 'hướng dẫn'}${authority ? ` của ${authority}` : ''}`;
    return parsed('event', null, sure(0.9), { ...(authority ? { authority } : {}), event: { kind: 'guidance', label, ...days } });
  }
  return null;
}

function directive(n: string): Parsed | null {
  // "Theo quý", "theo tháng" are cadences, not someone else's direction.
  if (/^theo (?:tung )?(?:tuan|thang|quy)\b(?! dinh)/.test(n)) return null;
  if (!/^(?:theo|can cu|tuy theo|tuy thuoc|phu thuoc)\b|^ban hanh theo|theo tien do yeu cau/.test(n)) return null;
  const authority = authorityIn(n);
  return parsed('directive', null, authority ? 0.9 : 0.8, authority ? { authority } : {});
}

const rule = (r: Partial<Rule> & Pick<Rule, 'freq'>) => formatRule({ interval: 1, months: [], ...r });

function recurring(n: string, reportDuty: boolean): Parsed | null {
  const everyYear = /\b(?:hang|moi) nam\b|\b(?:cac|nhung) nam tiep theo\b/.test(n);
  const cue = everyYear || /\bdinh ky\b/.test(n);
  let m = n.match(/ngay (\d{1,2}) (?:cua )?thang cuoi (?:moi |cua )?quy/);
  if (m && Number(m[1]) <= 31) return parsed('recurring', rule({ freq: 'YEARLY', months: [3, 6, 9, 12], day: Number(m[1]) }), 0.95);
  // "trước ngày 10/6 và 10/12 hằng năm", "trước ngày 25/5 và 10/11"; a date with a year recurs only with "hằng năm".
  const pairs = [...n.matchAll(/(?<![\d/.])(\d{1,2})\/(\d{1,2})(\/(?:19|20)\d{2})?(?![\d/])/g)]
    .map((x) => ({ d: Number(x[1]), m: Number(x[2]), dated: !!x[3] })).filter((p) => p.d >= 1 && p.d <= 31 && p.m >= 1 && p.m <= 12);
  const isRange = /\btu\b.*\b(?:den|toi)\b/.test(n);
  if (pairs.length && !isRange && (everyYear || (!pairs.some((p) => p.dated) && /\b(?:truoc|han|ngay|cham nhat)\b/.test(n) && (cue || pairs.length > 1)))) {
    const sorted = [...pairs].sort((a, b) => a.m - b.m || a.d - b.d);
    const sameDay = sorted.every((p) => p.d === sorted[0].d);
    // Different days in different months cannot share one RRULE: one rule per date, joined by newlines.
    const value = sameDay ? rule({ freq: 'YEARLY', months: [...new Set(sorted.map((p) => p.m))], day: sorted[0].d })
      : sorted.map((p) => rule({ freq: 'YEARLY', months: [p.m], day: p.d })).join('\n');
    return parsed('recurring', value, cue ? 0.95 : reportDuty ? 0.85 : 0.8);
  }
  m = n.match(/ngay (\d{1,2}) (?:cua )?(?:hang|moi) thang/);
  if (m && Number(m[1]) <= 31) return parsed('recurring', rule({ freq: 'MONTHLY', day: Number(m[1]) }), 0.95);
  if (/\b(?:hang|moi|theo) tuan\b/.test(n)) return parsed('recurring', 'FREQ=WEEKLY', 0.9);
  if (/\b(?:hang|moi) thang\b|^theo (?:tung )?thang$/.test(n)) return parsed('recurring', 'FREQ=MONTHLY', 0.95);
  if (/\b(?:hang|moi) quy\b|dinh ky quy|\btheo (?:tung )?quy\b(?! dinh)/.test(n)) return parsed('recurring', 'FREQ=MONTHLY;INTERVAL=3', 0.95);
  if (/\b6 thang (?:mot lan|\/lan|1 lan)|dinh ky 6 thang|(?:hang|moi) 6 thang|\bnua nam\b/.test(n)) return parsed('recurring', 'FREQ=MONTHLY;INTERVAL=6', 0.9);
  if (!everyYear) return null;
  // "Quý I hằng năm", "Tháng 12 hằng năm": the end of that quarter or month, every year.
  m = n.match(/\bquy (iv|iii|ii|i|[1-4])\b/) ?? n.match(/\bthang (\d{1,2})\b/);
  if (m) {
    const month = m[0].startsWith('quy') ? ROMAN_VALUES[m[1]] * 3 : Number(m[1]);
    if (month >= 1 && month <= 12) return parsed('recurring', rule({ freq: 'YEARLY', months: [month], day: -1 }), 0.9);
  }
  if (/\b(?:19|20)\d{2}\b/.test(n) && !/tiep theo/.test(n)) return null;
  return parsed('recurring', 'FREQ=YEARLY', 0.9);
}

/**
 * Numbered periods written as groups ("quý III, IV/2026", "quý IV/2026 - quý I/2027", "tháng 6 và tháng 9/2026"),
 * as indexes counted from year 0 (quarter: y*4+q-1, month: y*12+m-1). Null when a number is out of range.
 */
function periodList(n: string, word: string, token: string, perYear: number, ctx: PlanContext, valueOf: (t: string) => number) {
  const group = new RegExp(`\\b${word} (${token}(?:\\s*(?:,|va|-|den|toi)\\s*(?:${word} )?${token})*)(?:\\s*(?:\\/|nam)\\s*${YEAR})?`, 'g');
  const groups = [...n.matchAll(group)];
  if (!groups.length) return null;
  const years = groups.map((g) => (g[2] ? Number(g[2]) : undefined));
  const explicit = years.some(Boolean);
  const list: number[] = [];
  let ranged = false;
  let bad = false;
  groups.forEach((g, i) => {
    // A group without a year takes the next one written ("quý III và quý IV/2026"), else the last, else the plan's.
    const y = years[i] ?? years.slice(i + 1).find(Boolean) ?? years.slice(0, i).reverse().find(Boolean) ?? ctx.year;
    let range = i > 0 && RANGE_WORD.test(n.slice(groups[i - 1].index! + groups[i - 1][0].length, g.index).trim());
    const parts = g[1].split(new RegExp(`\\s*(,|va|-|den|toi)\\s*(?:${word} )?`));
    for (let k = 0; k < parts.length; k += 2) {
      const v = valueOf(parts[k]);
      if (!(v >= 1 && v <= perYear)) bad = true;
      const idx = y * perYear + v - 1;
      if (range && list.length) for (let j = list[list.length - 1] + 1; j < idx; j++) list.push(j);
      ranged ||= range;
      list.push(idx);
      range = RANGE_WORD.test(parts[k + 1] ?? '');
    }
  });
  return bad ? null : { list: [...new Set(list)].sort((a, b) => a - b), explicit, ranged };
}

const contiguous = (list: number[]) => list.every((x, i) => i === 0 || x === list[i - 1] + 1);

function quarters(n: string, ctx: PlanContext): Parsed | null {
  const half = n.match(new RegExp(`(?:6 thang|nua) (dau|cuoi) (?:nam ?)?${YEAR}?`));
  if (half) {
    const year = half[2] ? Number(half[2]) : ctx.year;
    const value = (half[1] === 'dau' ? [1, 2] : [3, 4]).map((q) => `${year}-Q${q}`).join(',');
    return parsed('quarter', value, half[2] ? 0.9 : 0.8, { quarterMode: 'span' });
  }
  const found = periodList(n, 'quy', '(?:iv|iii|ii|i|[1-4])\\b', 4, ctx, (t) => ROMAN_VALUES[t] ?? NaN);
  if (!found) return null;
  const value = found.list.map((i) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`).join(',');
  // Consecutive quarters read as one span by default; scattered ones ("quý I, III") as one occurrence each.
  const mode = found.list.length > 1 ? { quarterMode: contiguous(found.list) ? 'span' as const : 'each' as const } : {};
  return parsed('quarter', value, found.explicit ? 0.95 : 0.85, mode);
}

function dates(n: string, ctx: PlanContext): Parsed | null {
  const full = [...n.matchAll(new RegExp(`(?<![\\d/.])(\\d{1,2})([/.-])(\\d{1,2})\\2${YEAR}(?!\\d)|ngay (\\d{1,2}) thang (\\d{1,2}) nam ${YEAR}`, 'g'))]
    .map((m) => (m[1] ? isoDate(Number(m[4]), Number(m[3]), Number(m[1])) : isoDate(Number(m[7]), Number(m[6]), Number(m[5]))));
  const short = full.length ? [] : [...n.matchAll(/(?:\b(?:truoc|den|han|ngay|cham nhat|tu)\b\D*?)(?<![\d/])(\d{1,2})[/.](\d{1,2})(?![\d/.])|ngay (\d{1,2}) thang (\d{1,2})\b/g)]
    .map((m) => isoDate(ctx.year, Number(m[2] ?? m[4]), Number(m[1] ?? m[3])));
  const all = full.length ? full : short;
  if (!all.length) return null;
  if (!all.every(isValidDate)) return parsed('unspecified', null, 0);
  const isRange = /\btu\b.*\b(?:den|toi)\b/.test(n) || (all.length === 2 && /\d-\d|\d (?:den|toi) /.test(n));
  const base = full.length ? 0.95 : 0.85;
  if (isRange) return parsed('date', all[all.length - 1], base - 0.1);
  // "Từ 01/7/2026" is when work starts, and two dates are two deadlines: either way a person should look.
  const unsure = /^tu\b/.test(n) || new Set(all).size > 1;
  return parsed('date', all[0], unsure ? 0.6 : base);
}

function months(n: string, ctx: PlanContext): Parsed | null {
  const found = periodList(n, 'thang', '\\d{1,2}\\b', 12, ctx, Number);
  if (!found) return /\bthang \d{1,2}\b/.test(n) ? parsed('unspecified', null, 0) : null;
  const ym = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const { list } = found;
  const value = list.length === 1 ? ym(list[0]) : found.ranged && contiguous(list) ? `${ym(list[0])}..${ym(list[list.length - 1])}` : list.map(ym).join(',');
  // "Đầu tháng 6", "tuần cuối tháng 6" mean a part of the month, earlier than its last day.
  const part = /\b(?:dau|giua|tuan)\b[^/]*\bthang \d/.test(n);
  const c = (found.explicit ? 0.95 : 0.85) * (list.length > 1 ? 0.9 : 1);
  return parsed('month', value, part ? Math.min(c, 0.7) : c);
}

function years(n: string, ctx: PlanContext): Parsed | null {
  const span = n.match(new RegExp(`${YEAR}\\s*(?:-|den|toi)\\s*(?:(?:het )?nam )?${YEAR}`));
  if (span && Number(span[2]) > Number(span[1])) return parsed('year', `${span[1]}..${span[2]}`, 0.85);
  const m = n.match(new RegExp(`^(?:(?:ca|trong|trong ca|trong suot|cuoi|het|den het|den cuoi) )?nam ${YEAR}$|^${YEAR}$`));
  if (m) return parsed('year', m[1] ?? m[2], /^(?:cuoi|het|den)/.test(n) ? 0.9 : 0.95);
  if (/^(?:den )?(?:cuoi|trong|ca|het|trong suot) nam(?: nay)?$|^nam nay$/.test(n)) return parsed('year', String(ctx.year), 0.75);
  const loose = n.match(new RegExp(`\\bnam ${YEAR}\\b`));
  if (loose && n.split(' ').length <= 6) return parsed('year', loose[1], 0.7);
  return null;
}

function parsePart(text: string, ctx: PlanContext, reportDuty: boolean): Parsed & { mended: boolean } {
  const folded = normaliseDeadline(text);
  const mended = mendOcr(folded);
  // Leading filler words go, and so do cited documents ("Quyết định số 07-QĐ/BCĐ ngày 07/3/2026"), whose dates are no deadline.
  const n = mended.replace(/^(?:(?:hoan thanh|thuc hien|thoi gian|thoi han|trien khai|bao cao|gui)[\s:]+)+/, '')
    .replace(/\bso \d\S*(?: ngay \d{1,2}\/\d{1,2}\/\d{4})?/g, ' ').replace(/\s+/g, ' ').trim();
  const result = ((): Parsed => {
    if (!n) return parsed('unspecified', null, 0);
    if (/^(?:thuong xuyen|lien tuc|hang ngay|moi ngay)\b/.test(n)) {
      const cadence = CADENCE_CUES.find(([re]) => re.test(n))?.[1];
      return parsed('ongoing', null, 0.95, cadence ? { cadence } : {});
    }
    return eventOf(n) ?? directive(n) ?? recurring(n, reportDuty) ?? quarters(n, ctx) ?? dates(n, ctx) ?? months(n, ctx) ?? years(n, ctx)
      ?? parsed('unspecified', null, 0);
  })();
  return { ...result, mended: mended !== folded };
}

/** Turns deadline text into a schedule. Never throws: what it cannot read becomes "unspecified", flagged for a person. */
export function parseDeadline(text: string, ctx: PlanContext): Schedule {
  const written = cleanText(text ?? '');
  const [first = '', ...rest] = splitCompound(written);
  const alternatives = rest.filter(Boolean);
  const { mended, ...p } = parsePart(first, ctx, /\bbao cao\b/.test(normaliseDeadline(written)));
  // Typed without diacritics is read a little less surely; OCR that needed mending and compounds are flagged.
  const plain = /\p{L}{3,}/u.test(written) && !/[\u00c0-\u1ef9đĐ]/u.test(written);
  let confidence = p.kind === 'unspecified' ? 0 : p.confidence * (plain && !mended ? 0.9 : 1);
  if (alternatives.length) confidence = Math.min(confidence * 0.85, 0.8);
  if (mended) confidence = Math.min(confidence, 0.75);
  // "Theo hướng dẫn hoặc chỉ đạo của Thành phố": the body named later still sets the date.
  const authority = p.authority ?? ((p.kind === 'directive' || p.event?.kind === 'guidance') ? authorityIn(mendOcr(normaliseDeadline(written))) : undefined);
  const s: Schedule = {
    ...p, text: written, confidence: Math.round(confidence * 100) / 100, explanation: '',
    ...(authority ? { authority } : {}), ...(alternatives.length ? { alternatives } : {}),
  };
  return { ...s, explanation: describeSchedule(s) };
}

const Y = '(?:19|20)\\d{2}';
const MONTH_VALUE = new RegExp(`^${Y}-(?:0[1-9]|1[0-2])(?:(?:,${Y}-(?:0[1-9]|1[0-2]))*|\\.\\.${Y}-(?:0[1-9]|1[0-2]))$`);
const VALUE_RULES: Partial<Record<ScheduleKind, [(v: string) => boolean, string]>> = {
  date: [isValidDate, 'Ngày phải có dạng yyyy-mm-dd, ví dụ 2026-04-15.'],
  month: [(v) => MONTH_VALUE.test(v) && (!v.includes('..') || v.slice(0, 7) < v.slice(9)), 'Tháng phải có dạng yyyy-mm, ví dụ 2026-06.'],
  quarter: [(v) => new RegExp(`^${Y}-Q[1-4](,${Y}-Q[1-4])*$`).test(v), 'Quý phải có dạng 2026-Q2; nhiều quý cách nhau dấu phẩy: 2026-Q3,2026-Q4.'],
  year: [(v) => new RegExp(`^${Y}(\\.\\.${Y})?$`).test(v) && (v.length === 4 || v.slice(6) > v.slice(0, 4)), 'Năm phải có dạng 2026 (hoặc 2026..2030 cho nhiều năm).'],
  recurring: [(v) => parseRules(v) !== null, 'Quy tắc lặp không hợp lệ; ví dụ FREQ=MONTHLY hoặc FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10.'],
};

/** Vietnamese messages, by field, for a schedule a person set by hand; null when it is sound. */
export function validateSchedule(s: Partial<Schedule> & { kind: ScheduleKind }): Record<string, string> | null {
  const errors: Record<string, string> = {};
  if (!SCHEDULE_KINDS.includes(s.kind)) errors.kind = 'Loại thời hạn không hợp lệ.';
  const rule = VALUE_RULES[s.kind];
  if (rule && !(typeof s.value === 'string' && rule[0](s.value.trim()))) errors.value = rule[1];
  if (s.quarterMode && !['span', 'each'].includes(s.quarterMode)) errors.quarterMode = 'Cách tính nhiều quý phải là “một khoảng” (span) hoặc “mỗi quý” (each).';
  if (s.cadence && !CADENCES.includes(s.cadence)) errors.cadence = 'Chu kỳ cập nhật phải là hằng tháng, hằng quý, 6 tháng hoặc hằng năm.';
  if (s.event && !EVENT_KINDS.includes(s.event.kind)) errors['event.kind'] = 'Loại sự kiện không hợp lệ.';
  if (s.event?.afterDays !== undefined && s.event.afterDays !== null && !(Number.isInteger(s.event.afterDays) && s.event.afterDays >= 0 && s.event.afterDays <= 365)) {
    errors['event.afterDays'] = 'Số ngày sau sự kiện phải là số nguyên từ 0 đến 365.';
  }
  return Object.keys(errors).length ? errors : null;
}

const EVENT_LABELS = { plan_issued: 'Kế hoạch được ban hành', arises: 'Khi phát sinh', guidance: 'Khi có hướng dẫn', other: 'Sự kiện' } as const;

/** A schedule corrected by a person: checked, completed and explained afresh (confidence 1). */
// The plan's context is not needed to check a hand-set schedule, but callers pass it for symmetry with parseDeadline.
export function normaliseSchedule(input: Partial<Schedule> & { kind: ScheduleKind; text?: string }, _ctx?: PlanContext): { schedule: Schedule } | { errors: Record<string, string> } {
  const errors = validateSchedule(input);
  if (errors) return { errors };
  const value = VALUE_RULES[input.kind] ? input.value!.trim() : null;
  const quarters = input.kind === 'quarter' ? value!.split(',').map((q) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6))) : [];
  const event = input.event;
  const s: Schedule = {
    kind: input.kind, text: (input.text ?? '').trim(), value, confidence: 1, explanation: '',
    ...(quarters.length > 1 ? { quarterMode: input.quarterMode ?? (contiguous(quarters) ? 'span' : 'each') } : {}),
    ...(input.kind === 'ongoing' && input.cadence ? { cadence: input.cadence } : {}),
    ...(input.kind === 'event' ? { event: { kind: event?.kind ?? 'other', label: event?.label || EVENT_LABELS[event?.kind ?? 'other'], ...(event?.afterDays != null ? { afterDays: event.afterDays } : {}) } } : {}),
    ...((input.kind === 'directive' || input.kind === 'event') && input.authority ? { authority: input.authority } : {}),
    ...(input.alternatives?.length ? { alternatives: input.alternatives } : {}),
  };
  return { schedule: { ...s, explanation: describeSchedule(s) } };
}
