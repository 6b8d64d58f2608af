// What every form's inputs share: dates typed as dd/mm/yyyy and sent as yyyy-mm-dd, today as Vietnam counts it,
// and a Select's search that finds "Lý Thị Mai" from "ly thi mai".
import dayjs, { type Dayjs } from 'dayjs';
import { todayInVietnam } from '../../core/schedule/dates.ts';
import { matchesSearch } from '../../core/text/vietnamese.ts';

export const DATE_FORMAT = 'DD/MM/YYYY';

/** A picked day as the API takes it. */
export function isoDay(d: Dayjs): string;
export function isoDay(d: Dayjs | null | undefined): string | null;
export function isoDay(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

/** Today in Vietnam, whatever the browser's time zone. */
export const todayVn = () => dayjs(todayInVietnam());

/** A DatePicker's `disabledDate` for days that have not come yet. */
export const afterToday = (d: Dayjs) => d.isAfter(todayVn(), 'day');

export const accentFree = { filterOption: (input: string, option?: { label?: unknown }) => matchesSearch(String(option?.label ?? ''), input) };
