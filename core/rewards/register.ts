// The register of achievements and the rules of a task reward under Resolution 07 (seed 000 II.4): which
// criteria make a reward possible, and when two achievements are the same one (same nominee, same task,
// overlapping period), so that it is not rewarded twice or rewarded and commended without the reviewer seeing it.
import { searchKey } from '../text/vietnamese.ts';

export const SUBJECTS = ['task', 'collective', 'individual'] as const;
export type Subject = (typeof SUBJECTS)[number];
export const SUBJECT_LABELS: Record<Subject, string> = { task: 'Nhiệm vụ', collective: 'Tập thể', individual: 'Cá nhân' };

export const CRITERIA = ['exceeds', 'impact', 'replicable'] as const;
export type Criterion = (typeof CRITERIA)[number];
export const CRITERIA_LABELS: Record<Criterion, string> = {
  exceeds: 'Sản phẩm, giải pháp, kết quả đầu ra vượt yêu cầu',
  impact: 'Có tác động thực chất đối với khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số của Thành phố, ngành Y tế hoặc đơn vị',
  replicable: 'Có khả năng nhân rộng',
};

/**
 * Seed 000 II.4: a reward "chỉ thực hiện khi nhiệm vụ có sản phẩm … vượt yêu cầu hoặc có tác động thực chất … và
 * có khả năng nhân rộng" — (exceeds or impact) and replicable. Why the claimed criteria do not allow it, or null.
 */
export function criteriaBlocked(criteria: readonly Criterion[]): string | null {
  const has = (c: Criterion) => criteria.includes(c);
  if (!has('exceeds') && !has('impact')) return 'Chỉ xét thưởng khi kết quả đầu ra vượt yêu cầu hoặc có tác động thực chất.';
  if (!has('replicable')) return 'Chỉ xét thưởng khi kết quả có khả năng nhân rộng.';
  return null;
}

/** A period "2026", "2026-H2", "2026-Q3", "2026-09" or years "2025-2027" (an emulation phase) as its first and last month. */
export function periodMonths(period: string): [string, string] | null {
  const years = /^(\d{4})-(\d{4})$/.exec(period);
  if (years) return years[1] <= years[2] ? [`${years[1]}-01`, `${years[2]}-12`] : null;
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/.exec(period);
  if (!m) return null;
  const [y, part] = [m[1], m[2]];
  if (!part) return [`${y}-01`, `${y}-12`];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (part.startsWith('H')) return part === 'H1' ? [`${y}-01`, `${y}-06`] : [`${y}-07`, `${y}-12`];
  if (part.startsWith('Q')) { const q = Number(part[1]); return [`${y}-${pad(q * 3 - 2)}`, `${y}-${pad(q * 3)}`]; }
  return [`${y}-${part}`, `${y}-${part}`];
}

export const PERIOD_HELP = 'Năm (2026), nửa năm (2026-H2), quý (2026-Q3) hoặc tháng (2026-09)';

/** The nominee and the task, accent-free: two records of one achievement share it however they were typed. */
export function matchKey(a: { subject: Subject; personId?: string | null; collectiveName?: string; taskId?: string | null; taskText: string }): string {
  const who = a.subject === 'individual' ? `p:${a.personId}` : a.subject === 'collective' ? `c:${searchKey(a.collectiveName ?? '')}` : 't:';
  const task = a.taskId ? `k:${a.taskId}` : `x:${searchKey(a.taskText)}`;
  return `${who}|${task}`;
}

export interface RegisterEntry {
  id: string;
  matchKey: string;
  period: string;
  /** What already rests on it: a reward proposed or approved, a commendation nominated, forwarded or decided. */
  outcomes: { kind: 'reward' | 'commendation'; status: string; text: string; ref?: string }[];
}

/** Earlier achievements of the same nominee on the same task in an overlapping period, with what they received. */
export function duplicatesOf(entry: { id?: string; matchKey: string; period: string }, register: readonly RegisterEntry[]): RegisterEntry[] {
  const mine = periodMonths(entry.period);
  if (!mine) return [];
  return register.filter((r) => {
    if (r.id === entry.id || r.matchKey !== entry.matchKey) return false;
    const theirs = periodMonths(r.period);
    return !!theirs && theirs[0] <= mine[1] && mine[0] <= theirs[1];
  });
}

const commended = (o: RegisterEntry['outcomes'][number]) => o.kind === 'commendation' && (o.status === 'decided' || o.status === 'forwarded');

/** A reward is refused when the same achievement was already rewarded, or commended (or proposed to a higher level). */
export const blocking = (dups: readonly RegisterEntry[]) => dups.flatMap((d) => d.outcomes.filter((o) => (o.kind === 'reward' && o.status === 'approved') || commended(o)));

/**
 * A commendation (Luật Thi đua, khen thưởng: one achievement, one form) is refused when the same achievement was
 * already commended or forwarded for a higher form; a reward or a pending nomination of it does not forbid it but
 * must be seen: the reviewer confirms having seen each before the dossier goes to the council.
 */
export function commendationCheck(dups: readonly RegisterEntry[]) {
  const all = dups.flatMap((d) => d.outcomes.map((o) => ({ ...o, id: d.id, period: d.period })));
  return { blocking: all.filter(commended), toSee: all.filter((o) => !commended(o)) };
}
