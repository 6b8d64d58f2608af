// One Vietnamese sentence saying how a schedule was understood, shown next to the deadline as written.
import { formatViDate, monthEnd, quarterEnd, ROMAN } from './dates.ts';
import type { Cadence, Schedule } from './types.ts';

const CADENCE_WORDS: Record<Cadence, string> = { monthly: 'hằng tháng', quarterly: 'hằng quý', 'half-yearly': '6 tháng một lần', yearly: 'hằng năm' };

function describeRule(value: string): string {
  const rules = value.split('\n');
  const field = (rule: string, name: string) => rule.match(new RegExp(`${name}=([\\d,]+)`))?.[1];
  if (rules.every((r) => r.startsWith('FREQ=YEARLY') && field(r, 'BYMONTH'))) {
    const dates = rules.flatMap((r) => field(r, 'BYMONTH')!.split(',').map((m) => `${field(r, 'BYMONTHDAY') ?? 1}/${m}`));
    if (dates.length === 4 && rules.length === 1 && field(rules[0], 'BYMONTH') === '3,6,9,12') {
      return `Hằng quý, hạn ngày ${field(rules[0], 'BYMONTHDAY')} của tháng cuối quý (${dates.join(', ')}).`;
    }
    return `Hằng năm, hạn ${dates.length > 1 ? `các ngày ${dates.slice(0, -1).join(', ')} và ${dates.at(-1)}` : `ngày ${dates[0]}`}.`;
  }
  const rule = rules[0];
  if (rule.startsWith('FREQ=WEEKLY')) return 'Hằng tuần, hạn vào thứ Sáu.';
  if (rule.startsWith('FREQ=YEARLY')) return 'Hằng năm, hạn ngày 31/12.';
  const interval = field(rule, 'INTERVAL');
  if (interval === '3') return 'Hằng quý, hạn vào ngày cuối mỗi quý.';
  if (interval === '6') return '6 tháng một lần, hạn 30/6 và 31/12.';
  const day = field(rule, 'BYMONTHDAY');
  return day ? `Hằng tháng, hạn ngày ${day} mỗi tháng.` : 'Hằng tháng, hạn vào ngày cuối mỗi tháng.';
}

function describeQuarters(s: Schedule): string {
  const list = (s.value ?? '').split(',').map((q) => [Number(q.slice(0, 4)), Number(q.slice(6))] as const);
  const name = ([y, q]: readonly [number, number]) => `quý ${ROMAN[q - 1]}/${y}`;
  if (list.length === 1) return `Trong ${name(list[0])}, hạn ${formatViDate(quarterEnd(...list[0]))}.`;
  const last = list[list.length - 1];
  if (s.quarterMode === 'each') return `Mỗi quý một lần: ${list.map((q) => `${name(q)} (hạn ${formatViDate(quarterEnd(...q))})`).join(', ')}.`;
  return `Một khoảng từ đầu ${name(list[0]).replace(/\/\d+$/, '')} đến hết ${name(last)} (hạn ${formatViDate(quarterEnd(...last))}); có thể đổi thành mỗi quý một lần.`;
}

function describeMain(s: Schedule): string {
  switch (s.kind) {
    case 'date': return `Hạn cuối ${formatViDate(s.value!)} (hoàn thành trong ngày này vẫn là đúng hạn).`;
    case 'month': {
      const [y, m] = [Number(s.value!.slice(0, 4)), Number(s.value!.slice(5, 7))];
      return `Trong tháng ${m}/${y}, hạn ${formatViDate(monthEnd(y, m))}.`;
    }
    case 'quarter': return describeQuarters(s);
    case 'year': {
      const [from, to] = s.value!.split('..');
      return to ? `Từ năm ${from} đến hết năm ${to}, hạn 31/12/${to}.` : `Trong năm ${from}, hạn 31/12/${from}.`;
    }
    case 'recurring': return describeRule(s.value!);
    case 'ongoing': return `Không có hạn cụ thể: cập nhật tiến độ ${s.cadence ? CADENCE_WORDS[s.cadence] : 'định kỳ (mặc định hằng quý)'}.`;
    case 'event': {
      const after = s.event?.afterDays !== undefined ? `${s.event.afterDays} ngày sau ngày đó` : 'theo số ngày mặc định của kế hoạch';
      switch (s.event?.kind) {
        case 'plan_issued': return `Hạn tính từ ngày kế hoạch được ban hành (${after}).`;
        case 'arises': return `Khi phát sinh: ghi nhận ngày phát sinh, hạn tính từ ngày đó (${after}).`;
        case 'guidance': return `Chờ hướng dẫn${s.authority ? ` của ${s.authority}` : ''}: khi có hướng dẫn thì ghi nhận để tính hạn (${after}).`;
        default: return `Chờ sự kiện “${s.event?.label ?? s.text}”: khi xảy ra thì ghi nhận để tính hạn (${after}).`;
      }
    }
    case 'directive':
      return s.authority === 'quy định' ? 'Theo quy định: chưa có hạn cho đến khi đặt hạn cụ thể cho nhiệm vụ.'
        : `Chưa có hạn cho đến khi có chỉ đạo${s.authority ? ` của ${s.authority}` : ''}; khi có, đặt hạn cho nhiệm vụ.`;
    default: return s.text ? 'Chưa hiểu được thời hạn này: cần người đặt thời hạn cụ thể.' : 'Chưa có thời hạn: cần người đặt thời hạn cụ thể.';
  }
}

export function describeSchedule(s: Schedule): string {
  const alternatives = s.alternatives?.length ? ` Hoặc: ${s.alternatives.join('; ')}.` : '';
  return describeMain(s) + alternatives;
}
