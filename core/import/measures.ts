// Quantitative targets ("Tối thiểu 40% hệ thống thông tin … được vận hành trên nền tảng điện toán
// đám mây") and reporting duties ("báo cáo định kỳ 6 tháng/lần … trước ngày 10/6 và 10/12 hằng năm")
// found in the plan's sentences.
import { searchKey } from '../text/vietnamese.ts';
import type { Comparator, DraftReporting, DraftTarget, ReportFrequency } from './types.ts';

export interface Sentence { text: string; line: number }

/** A paragraph's clauses: targets are listed one per clause, split at ";" and at sentence ends. */
export function clausesOf(text: string): string[] {
  // "**Hoàn thiện dữ liệu số về y tế:** Tập trung …": a bold lead-in is a label, not part of the target.
  return text.split(/;\s+|(?<=[.!?:])\s+(?=\p{Lu})/u).map((c) => c.replace(/^[-+•*\s]+/, '').trim()).filter(Boolean);
}

const PERCENT = /(\d{1,3}(?:[.,]\d+)?)\s?%/g;
const AT_LEAST = /(tối thiểu|ít nhất|không dưới|không thấp hơn|trở lên|trên)\s*(?:là|đạt|bằng)?\s*$/iu;
const AT_MOST = /(tối đa|không quá|không vượt quá|dưới|thấp hơn|≤|<)\s*(?:là|bằng)?\s*$/iu;

/** Targets in one clause; a clause with two percentages gives two targets. */
export function targetsIn(clause: string, line: number): DraftTarget[] {
  const out: DraftTarget[] = [];
  for (const m of clause.matchAll(PERCENT)) {
    const value = Number(m[1].replace(',', '.'));
    if (!(value > 0 && value <= 100)) continue;
    const before = clause.slice(0, m.index);
    const after = clause.slice(m.index! + m[0].length);
    const comparator: Comparator = AT_MOST.test(before) ? '<=' : /^\s*trở lên/iu.test(after) || AT_LEAST.test(before) ? '>=' : /(?:^|\s)(đúng|chính xác)\s*$/iu.test(before) ? '=' : '>=';
    out.push({ text: clause, value, unit: '%', comparator, subject: subjectOf(before, after), line });
  }
  // Rates and counts: "duy trì ở mức 2,1 con/phụ nữ", "không quá 109 bé trai/100 bé gái", "dưới 6 người/100.000 dân".
  for (const m of clause.matchAll(MEASURE)) {
    const value = Number(m[2].replace(/\.(?=\d{3}\b)/g, '').replace(',', '.'));
    if (!Number.isFinite(value)) continue;
    const word = m[1].toLowerCase();
    const comparator: Comparator = /mức/u.test(word) ? '=' : /quá|tối đa|dưới|xuống|còn/u.test(word) ? '<=' : '>=';
    out.push({ text: clause, value, unit: m[3].trim(), comparator, subject: subjectOf(clause.slice(0, m.index), ''), line });
  }
  return out;
}

const MEASURE = /(tối thiểu|ít nhất|không dưới|không quá|tối đa|dưới|trên|duy trì ở mức|ở mức|giảm xuống(?: còn)?|giảm còn)\s+(\d+(?:[.,]\d+)*)\s+((?:con|người|trường hợp|ca|bé trai|lượt|ngày|lần|giường bệnh|giường|bác sĩ|điều dưỡng|dược sĩ|triệu đồng|tỷ đồng|cơ sở|phút|giờ)(?:\s?\/\s?[\d.]*\s?\p{L}+(?:\s(?!trong|của|được|và|tại|năm|vào)\p{L}+)?)?)(?=[\s,;.)]|$)/giu;

/** What is measured: the words around the number without the verbs of aiming. */
function subjectOf(before: string, after: string): string {
  const aim = '(?:bảo đảm|đảm bảo|phấn đấu|hướng tới|đạt|tối thiểu|ít nhất|tối đa|không quá|trên|dưới|là)';
  const lead = before.replace(new RegExp(`(?:\\s*${aim})+\\s*$`, 'iu'), '').replace(/^\s*(?:bảo đảm|đảm bảo|phấn đấu|tỷ lệ)\s+/iu, '');
  const tail = after.replace(/^\s*(?:trở lên|trở xuống)\s*/u, '').replace(new RegExp(`\\s*${aim}\\s*$`, 'iu'), '');
  const s = `${lead} ${tail}`.replace(/\s+/g, ' ').replace(/^[\s,.;:]+|[\s,.;:]+$/g, '');
  const words = s.split(' ');
  return words.length > 16 ? `${words.slice(0, 16).join(' ')}…` : s;
}

/** Reporting duties in a sentence. Read on search keys, so OCR's "trudc ngay 30/11 hang nam" counts too. */
export function reportingIn(text: string, line: number): DraftReporting[] {
  const k = searchKey(text);
  if (!/\bb\S{1,2}o c\S{1,2}o\b/.test(k)) return [];
  const out: DraftReporting[] = [];
  const who = text.match(/^((?:Các|Thủ trưởng|Trưởng|Người đứng đầu)[^.;]{3,80}?)\s+(?:thực hiện|gửi|có trách nhiệm|báo cáo|chỉ đạo)/u)?.[1] ?? null;
  let frequency: ReportFrequency | null = null;
  let dates: string[] = [];
  const DATES = /tr\w{0,3}c ngay ((?:\d{1,2} \d{1,2}(?: (?:va|và) | )?)+)/g;
  const quarterDay = k.match(/tr\w{0,3}c ngay (\d{1,2}) cua thang cuoi (?:moi )?quy/);
  // "trước ngày 15/11/2027" is a one-off date, not a recurring duty.
  const lists = [...k.matchAll(DATES)].filter((m) => !/^\d{4}\b/.test(k.slice(m.index! + m[0].length)));
  // "6 tháng trước ngày 15/6 và báo cáo năm trước ngày 15/11", "6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12)":
  // a later date list after the words for the year's report is that report's due date.
  const yearly = lists.slice(quarterDay ? 0 : 1).find((m) => /(bao cao nam|h\S{1,2}ng nam|va nam)\s*$/.test(k.slice(0, m.index).trimEnd()));
  const listed = lists.find((m) => m !== yearly);
  const datesOf = (m: RegExpMatchArray) => {
    const nums = m[1].split(/\s+/).filter((w) => /^\d+$/.test(w)).map(Number);
    const out: string[] = [];
    for (let i = 0; i + 1 < nums.length; i += 2) if (nums[i] >= 1 && nums[i] <= 31 && nums[i + 1] >= 1 && nums[i + 1] <= 12) out.push(mmdd(nums[i + 1], nums[i]));
    return out.sort();
  };
  const yearDue = yearly ? datesOf(yearly) : [];
  if (quarterDay) {
    frequency = 'quarterly';
    dates = [3, 6, 9, 12].map((m) => mmdd(m, Number(quarterDay[1])));
  } else if (/h\S{1,2}ng thang|moi thang/.test(k) && /tr\w{0,3}c ngay (\d{1,2})\b(?! \d)/.test(k)) {
    // "Báo cáo kết quả hằng tháng … trước ngày 05": the day of every month.
    const day = Number(k.match(/tr\w{0,3}c ngay (\d{1,2})\b/)![1]);
    frequency = 'monthly';
    dates = Array.from({ length: 12 }, (_, i) => mmdd(i + 1, day));
  } else if (listed) {
    dates = datesOf(listed);
    // The 6-month report and the year's report given one date each: the two halves' dates.
    if (dates.length === 1 && yearDue.length === 1 && /6 thang|sau thang/.test(k)) { frequency = 'semiannual'; dates = [...dates, ...yearDue].sort(); }
  }
  if (!frequency) {
    // Search keys have no diacritics: "hằng"/"hàng" are both "hang".
    if (dates.length === 4 || /hang quy|moi quy|dinh ky quy/.test(k)) frequency = 'quarterly';
    else if (dates.length === 2 || /6 thang|sau thang|nua nam/.test(k)) frequency = 'semiannual';
    else if (/hang thang|moi thang/.test(k)) frequency = 'monthly';
    else if (dates.length === 1 || /h\S{1,2}ng n\S{1,2}m|bao cao nam|cuoi nam|tong ket nam/.test(k)) frequency = 'annual';
  }
  if (frequency && (dates.length || /dinh ky|d\S{1,2}nh k\S?/.test(k))) {
    out.push({ text, frequency, due: dates, who, line });
    // "Báo cáo hàng quý và báo cáo năm gửi trước ngày 04 của tháng cuối quý", "báo cáo 6 tháng, năm … trước ngày 20/6 và 20/12":
    // the year's report falls on its own date when given, else on the last of them.
    if (frequency !== 'annual' && (yearDue.length || /bao cao nam|va nam|quy nam|bao cao hang nam|6 thang nam|6 thang va nam/.test(k)) && dates.length) {
      out.push({ text, frequency: 'annual', due: yearDue.length ? yearDue : [dates[dates.length - 1]], who, line });
    }
  }
  if (/dot xuat/.test(k)) out.push({ text, frequency: 'adhoc', due: [], who, line });
  return out;
}

export const mmdd = (m: number, day?: number) => {
  const last = new Date(Date.UTC(2026, m, 0)).getUTCDate();
  return `${String(m).padStart(2, '0')}-${String(day === undefined || day === -1 ? last : Math.min(day, last)).padStart(2, '0')}`;
};
