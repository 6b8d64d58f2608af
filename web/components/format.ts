// Dates as Vietnamese officials read them: dd/mm/yyyy, in Vietnam's time zone whatever the browser's.
import { formatViNumber } from '../../core/text/vietnamese.ts';
const TZ = 'Asia/Ho_Chi_Minh';
const dateFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const secFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

const toDate = (v: string | Date | null | undefined) => (v ? (v instanceof Date ? v : new Date(v)) : null);

export function formatDate(v: string | Date | null | undefined): string {
  const d = toDate(v);
  return d && !Number.isNaN(d.getTime()) ? dateFmt.format(d) : '—';
}

export function formatDateTime(v: string | Date | null | undefined, seconds = false): string {
  const d = toDate(v);
  if (!d || Number.isNaN(d.getTime())) return '—';
  return `${dateFmt.format(d)} ${(seconds ? secFmt : timeFmt).format(d)}`;
}

/** 1234567 → "1.234.567", 12.5 → "12,5", as in the server's documents; null → "—". */
export const formatNumber = (n: number | null | undefined, decimals = 2): string =>
  (n === null || n === undefined || !Number.isFinite(n) ? '—' : formatViNumber(n, decimals));

/** 89.24 → "89,2%"; null (nothing to measure against) → "—". */
export const formatPercent = (n: number | null) => (n === null ? '—' : `${formatNumber(n, 1)}%`);
