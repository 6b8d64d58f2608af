// Calendar dates as "yyyy-mm-dd" strings, computed in UTC so no time zone can shift a day.

export const ROMAN = ['I', 'II', 'III', 'IV'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

export function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** True for a real calendar date ("2026-02-30" is not). */
export function isValidDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const [y, m, d] = parts(iso);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const monthEnd = (y: number, m: number) => isoDate(y, m, daysInMonth(y, m));

/** Day `d` of a month, kept inside it: 31 in April is the 30th, and -1 is the last day. */
export const dayInMonth = (y: number, m: number, d: number) => isoDate(y, m, d < 1 ? daysInMonth(y, m) : Math.min(d, daysInMonth(y, m)));

export function addDays(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** "dd/mm/yyyy", as Vietnamese documents write dates. */
export function formatViDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${pad(d)}/${pad(m)}/${y}`;
}

/** Vietnam has no daylight saving: its calendar date is UTC+7. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export const quarterOf = (month: number) => Math.ceil(month / 3);
export const quarterStart = (y: number, q: number) => isoDate(y, q * 3 - 2, 1);
export const quarterEnd = (y: number, q: number) => monthEnd(y, q * 3);
