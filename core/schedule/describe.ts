// One Vietnamese sentence saying how a schedule was understood, shown next to the deadline as written,
// rebuilt from the schedule alone so a schedule a person corrected gets a fresh one.
import { formatViDate, monthEnd, quarterEnd, ROMAN } from './dates.ts';
import { parseRules, yearlyDates } from './rrule.ts';
import type { Cadence, Schedule } from './types.ts';

const CADENCE_WORDS: Record<Cadence, string> = { monthly: 'hằng tháng', quarterly: 'hằng quý', 'half-yearly': '6 tháng một lần', yearly: 'hằng năm' };

const pad = (n: number) => String(n).padStart(2, '0');
const dayMonth = ([m, d]: [number, number]) => (d === -1 ? `ngày cuối tháng ${m}` : `${pad(d)}/${pad(m)}`);

function describeRule(value: string): string {
  const rules = parseRules(value);
  if (!rules) return 'Quy tắc lặp chưa đọc được: cần người đặt lại thời hạn.';
  const dates = yearlyDates(rules);
  if (dates) {
    const days = new Set(dates.map(([, d]) => d));
    if (dates.length === 4 && days.size === 1 && dates.every(([m], i) => m === (i + 1) * 3)) {
      return `Hằng quý, hạn ${dates[0][1] === -1 ? 'ngày cuối quý' : `ngày ${dates[0][1]} của tháng cuối quý`} (${dates.map(dayMonth).join(', ')}).`;
    }
    if (dates.length === 2) return `Hai lần mỗi năm: hạn ${dayMonth(dates[0])} cho kỳ 6 tháng đầu năm và ${dayMonth(dates[1])} cho cả năm.`;
    if (dates.length === 1) return `Hằng năm, hạn ${dates[0][1] === -1 ? dayMonth(dates[0]) : `ngày ${dayMonth(dates[0])}`}.`;
    return `Hằng năm, hạn các ngày ${dates.slice(0, -1).map(dayMonth).join(', ')} và ${dayMonth(dates[dates.length - 1])}.`;
  }
  const [r] = rules;
  if (r.freq === 'WEEKLY') return 'Hằng tuần, hạn vào thứ Sáu.';
  if (r.freq === 'YEARLY') return 'Hằng năm, hạn ngày 31/12.';
  if (r.interval === 3) return 'Hằng quý, hạn vào ngày cuối mỗi quý.';
  if (r.interval === 6) return '6 tháng một lần, hạn 30/06 và 31/12.';
  return r.day && r.day > 0 ? `Hằng tháng, hạn ngày ${r.day} mỗi tháng.` : 'Hằng tháng, hạn vào ngày cuối mỗi tháng.';
}

function describeQuarters(s: Schedule): string {
  const list = (s.value ?? '').split(',').map((q) => [Number(q.slice(0, 4)), Number(q.slice(6))] as const);
  const name = ([y, q]: readonly [number, number]) => `quý ${ROMAN[q - 1]}/${y}`;
  if (list.length === 1) return `Trong ${name(list[0])}, hạn ${formatViDate(quarterEnd(...list[0]))}.`;
  const first = list[0];
  const last = list[list.length - 1];
  if (s.quarterMode === 'each') return `Mỗi quý một lần: ${list.map((q) => `${name(q)} (hạn ${formatViDate(quarterEnd(...q))})`).join(', ')}.`;
  const from = first[0] === last[0] ? `quý ${ROMAN[first[1] - 1]}` : name(first);
  return `Một khoảng từ đầu ${from} đến hết ${name(last)} (hạn ${formatViDate(quarterEnd(...last))}); có thể đổi thành mỗi quý một lần.`;
}

function describeMonths(value: string): string {
  const ym = (v: string) => [Number(v.slice(0, 4)), Number(v.slice(5, 7))] as const;
  const name = ([y, m]: readonly [number, number]) => `tháng ${m}/${y}`;
  if (value.includes('..')) {
    const [from, to] = value.split('..').map(ym);
    return `Một khoảng từ đầu ${from[0] === to[0] ? `tháng ${from[1]}` : name(from)} đến hết ${name(to)} (hạn ${formatViDate(monthEnd(...to))}).`;
  }
  const list = value.split(',').map(ym);
  if (list.length > 1) return `Mỗi tháng một lần: ${list.map((m) => `${name(m)} (hạn ${formatViDate(monthEnd(...m))})`).join(', ')}.`;
  return `Trong ${name(list[0])}, hạn ${formatViDate(monthEnd(...list[0]))}.`;
}

function describeEvent(s: Schedule): string {
  const after = s.event?.afterDays !== undefined ? `${s.event.afterDays} ngày sau ngày đó` : 'theo số ngày mặc định của kế hoạch';
  switch (s.event?.kind) {
    case 'plan_issued': return `Hạn tính từ ngày kế hoạch được ban hành (${after}).`;
    case 'arises': return s.event.label === 'Khi có yêu cầu' ? `Khi có yêu cầu: ghi nhận ngày nhận yêu cầu, hạn tính từ ngày đó (${after}).`
      : `Khi phát sinh: ghi nhận ngày phát sinh, hạn tính từ ngày đó (${after}).`;
    case 'guidance': {
      const what = s.event.label.includes('chỉ đạo') ? 'chỉ đạo' : 'hướng dẫn';
      return `Chờ ${what}${s.authority ? ` của ${s.authority}` : ''}: khi có ${what} thì ghi nhận để tính hạn (${after}).`;
    }
    default: return `Chờ sự kiện “${s.event?.label ?? s.text}”: khi xảy ra thì ghi nhận để tính hạn (${after}).`;
  }
}

function describeDirective(s: Schedule): string {
  const folded = s.text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (s.authority === 'quy định' || (s.authority && /quy dinh/.test(folded))) {
    return `Theo quy định${s.authority === 'quy định' ? '' : ` của ${s.authority}`}: chưa có hạn cho đến khi đặt hạn cụ thể cho nhiệm vụ.`;
  }
  if (!s.authority) return 'Chưa có hạn: thời hạn phụ thuộc văn bản khác, cần người đặt hạn khi biết.';
  if (/ke hoach|tien do/.test(folded)) return `Hạn theo kế hoạch của ${s.authority}: đặt hạn cho nhiệm vụ khi biết tiến độ.`;
  if (/thoi gian/.test(folded)) return `Hạn theo thời gian do ${s.authority} đặt ra: đặt hạn cho nhiệm vụ khi biết.`;
  return `Chưa có hạn cho đến khi có ${/huong dan/.test(folded) ? 'hướng dẫn' : 'chỉ đạo'} của ${s.authority}; khi có, đặt hạn cho nhiệm vụ.`;
}

function describeMain(s: Schedule): string {
  if (!s.value && ['date', 'month', 'quarter', 'year', 'recurring'].includes(s.kind)) return 'Chưa có giá trị thời hạn: cần người đặt thời hạn cụ thể.';
  switch (s.kind) {
    case 'date': return `Hạn cuối ${formatViDate(s.value!)} (hoàn thành trong chính ngày này vẫn là đúng hạn).`;
    case 'month': return describeMonths(s.value!);
    case 'quarter': return describeQuarters(s);
    case 'year': {
      const [from, to] = s.value!.split('..');
      return to ? `Từ năm ${from} đến hết năm ${to}, hạn 31/12/${to}.` : `Trong năm ${from}, hạn 31/12/${from}.`;
    }
    case 'recurring': return describeRule(s.value!);
    case 'ongoing': return `Không có hạn cụ thể: cập nhật tiến độ ${s.cadence ? CADENCE_WORDS[s.cadence] : 'định kỳ (mặc định hằng quý)'}.`;
    case 'event': return describeEvent(s);
    case 'directive': return describeDirective(s);
    default: return s.text ? 'Chưa hiểu được thời hạn này: cần người đặt thời hạn cụ thể.' : 'Chưa có thời hạn: cần người đặt thời hạn cụ thể.';
  }
}

/** The explanation of a schedule; alternatives ("hoặc …") are added as written. */
export function describeSchedule(s: Schedule): string {
  const alternatives = s.alternatives?.length ? ` Hoặc: ${s.alternatives.join('; ')}.` : '';
  return describeMain(s) + alternatives;
}
