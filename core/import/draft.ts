// A plan document's blocks into the draft a person reviews: header, sections and tasks (from the
// appendix tables, or from the prose when there is none), targets, reporting duties and findings.
import { parseDeadline } from '../schedule/parse.ts';
import { parseRules } from '../schedule/rrule.ts';
import type { PlanContext } from '../schedule/types.ts';
import { searchKey } from '../text/vietnamese.ts';
import { referenceFindings, reportFindings, targetFindings, taskFindings, taskRef, type Period } from './findings.ts';
import { readHeader, yearOf, type Para } from './header.ts';
import { clausesOf, mmdd, reportingIn, targetsIn } from './measures.ts';
import { proseTasks } from './prose.ts';
import { readTaskTable } from './table.ts';
import { readText, renderBlocks } from './text.ts';
import type { Block, Draft, DraftReporting, DraftSection, DraftTarget, DraftTask, Located } from './types.ts';

export interface ImportOptions {
  /** The year to read deadlines in when the document names none (defaults to the current year). */
  fallbackYear?: number;
}

/** Draft and source text from a .txt file's contents. */
export function draftFromText(text: string, opts: ImportOptions = {}): { draft: Draft; sourceText: string } {
  return { draft: draftFromBlocks(readText(text), opts), sourceText: text };
}

/** Draft and rendered source text from the blocks of a Word or PDF reader. */
export function draftFromDocument(blocks: Block[], opts: ImportOptions = {}): { draft: Draft; sourceText: string } {
  const { text, blocks: located } = renderBlocks(blocks);
  return { draft: draftFromBlocks(located, opts), sourceText: text };
}

export function draftFromBlocks(blocks: Located<Block>[], opts: ImportOptions = {}): Draft {
  const warnings: string[] = [];
  const paras: Para[] = [];
  const sections: DraftSection[] = [];
  let tasks: DraftTask[] = [];
  let unrecognised = 0;
  for (const b of blocks) {
    if (b.kind === 'para') { paras.push({ text: b.text, line: b.line }); continue; }
    const read = readTaskTable(b);
    if (read && read.tasks.length) { sections.push(...read.sections); tasks.push(...read.tasks); continue; }
    if (b.rows.length > 2 && b.rows[0].length >= 3) unrecognised++;
    // Layout tables (the header block, the signature block) are read as paragraphs, cell by cell.
    b.rows.forEach((row, r) => row.forEach((c) => c.text.split('\n').forEach((t) => t.trim() && paras.push({ text: t.trim(), line: b.rowLines?.[r] ?? b.line }))));
  }
  paras.sort((a, b) => a.line - b.line);

  const header = readHeader(paras);
  if (!header.title) warnings.push('Không tìm thấy dòng "KẾ HOẠCH" và tên kế hoạch; hãy nhập tên kế hoạch.');
  const period = periodOf(header, tasks, paras, opts);
  const ctx: PlanContext = { year: period.year, periodStart: period.start, periodEnd: period.end, ...(period.issuedOn ? { issuedOn: period.issuedOn } : {}) };

  const fromTables = tasks.length > 0;
  if (!tasks.length) {
    const prose = proseTasks(paras);
    sections.push(...prose.sections);
    tasks = prose.tasks;
    if (unrecognised) warnings.push('Có bảng trong văn bản nhưng không nhận ra dòng tiêu đề cột (STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Thời gian…); các nhiệm vụ dưới đây được đọc từ lời văn.');
    if (!tasks.length) warnings.push('Không tìm thấy bảng nhiệm vụ hay nhiệm vụ giao cho đơn vị trong văn bản; hãy thêm nhiệm vụ bằng tay.');
  }

  const body = bodyParas(paras, header);
  const targets: (DraftTarget & { where: string })[] = body.flatMap((p) => clausesOf(p.text).flatMap((c) => targetsIn(c, p.line)))
    .map((t) => ({ ...t, where: 'Phần nội dung' }));
  // Appendix rows that are themselves targets: "Tỷ lệ thanh toán trực tuyến … tối thiểu 80%".
  for (const t of tasks) {
    if (/\d\s?%/.test(t.title)) targets.push(...targetsIn(t.title, t.line).map((x) => ({ ...x, where: `Phụ lục, ${taskRef(t)}` })));
  }

  const reporting: (DraftReporting & { task?: DraftTask })[] = body.flatMap((p) => clausesOfReport(p.text).flatMap((s) => reportingIn(s, p.line)));
  // "Báo cáo định kỳ, đột xuất …" repeats in every unit's duties: the body's ad hoc duty is one duty.
  const firstAdhoc = reporting.findIndex((r) => r.frequency === 'adhoc');
  for (let i = reporting.length - 1; i > firstAdhoc; i--) if (reporting[i].frequency === 'adhoc') reporting.splice(i, 1);
  // Tasks read from prose are sentences of the body, whose duties were read above.
  if (fromTables) for (const t of tasks) reporting.push(...taskReporting(t, ctx));

  const findings = [
    ...reportFindings(reporting), ...targetFindings(targets), ...taskFindings(tasks, period),
    // Citations are compared across the body and the appendix's cells.
    ...referenceFindings([...paras, ...tasks.flatMap((t) => [t.title, t.note ?? ''].filter(Boolean).map((text) => ({ text, line: t.line })))]),
  ];
  return {
    header, period: { start: period.start, end: period.end }, sections, tasks,
    targets: targets.map(({ where: _w, ...t }) => t),
    reporting: reporting.map(({ task: _t, ...r }) => r),
    findings, warnings,
  };
}

/** Paragraphs that state the plan's content: after the title and legal bases, before "Nơi nhận". */
function bodyParas(paras: Para[], header: Draft['header']): Para[] {
  const bases = new Set(header.legalBases);
  const titleKey = searchKey(header.title);
  const start = paras.findIndex((p) => titleKey && searchKey(p.text).includes(titleKey.slice(0, 40)));
  const end = paras.findIndex((p, i) => i > start && /^n\S{0,2}i nh\S{0,2}n\b/.test(searchKey(p.text)));
  return paras.slice(Math.max(0, start + 1), end > 0 ? end : undefined).filter((p) => !bases.has(p.text.trim()));
}

/** Reporting sentences: a long paragraph may hold several; a duty is read per sentence. */
function clausesOfReport(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=\p{Lu})|(?<=;)\s+(?=-)/u).filter((s) => /báo cáo|bao cao|bdo cdo|bao cdo/iu.test(s));
}

/** Appendix rows that are reporting duties: a report due on dates ("Trước ngày 10/6 và 10/12 hằng năm"),
 * a monthly report named in the product ("Báo cáo hằng tháng"), or "Báo cáo đột xuất". */
function taskReporting(t: DraftTask, ctx: PlanContext): (DraftReporting & { task: DraftTask })[] {
  if (!/b[áa]o c[áa]o/iu.test(`${t.title} ${t.product ?? ''}`)) return [];
  const text = `${t.title} — ${t.deadlineText}`;
  const base = { who: t.lead.join(', ') || null, line: t.line, task: t };
  const titleKey = searchKey(t.title);
  const productKey = searchKey(t.product ?? '');
  if (/^bao cao dot xuat/.test(titleKey)) return [{ ...base, text, frequency: 'adhoc', due: [] }];
  if (/bao cao.*h\S{1,2}ng thang/.test(productKey)) return [{ ...base, text: `${t.title} — ${t.product}`, frequency: 'monthly', due: [] }];
  if (!/bao cao/.test(titleKey)) return [];
  const s = parseDeadline(t.deadlineText, ctx);
  const rules = s.kind === 'recurring' && s.value ? parseRules(s.value) : null;
  if (!rules) return [];
  // "Trước ngày 15 hằng tháng": that day of every month.
  const due = rules.flatMap((r) => (r.freq === 'YEARLY' ? r.months.map((m) => mmdd(m, r.day))
    : r.freq === 'MONTHLY' && r.interval === 1 && r.day ? Array.from({ length: 12 }, (_, i) => mmdd(i + 1, r.day)) : []));
  const frequency = rules[0].freq === 'MONTHLY' ? 'monthly' : due.length >= 4 ? 'quarterly' : due.length >= 2 ? 'semiannual' : 'annual';
  const out: (DraftReporting & { task: DraftTask })[] = [{ ...base, text, frequency, due }];
  // "Báo cáo định kỳ 6 tháng, hằng năm", "Báo cáo quý/năm": the year's report is due on the last date.
  if (frequency !== 'annual' && due.length && /h\S{1,2}ng nam|quy nam|bao cao nam/.test(`${titleKey} ${productKey}`)) out.push({ ...base, text, frequency: 'annual', due: [due[due.length - 1]] });
  return out;
}

/** The plan's period: "giai đoạn 2025 - 2030" or "năm 2026" in its title, else its date's year, else its deadlines' commonest year. */
function periodOf(header: Draft['header'], tasks: DraftTask[], paras: Para[], opts: ImportOptions): Period {
  const span = header.title.match(/giai đoạn\s+((?:19|20)\d{2})\s*[-–đến]+\s*((?:19|20)\d{2})/iu);
  if (span) return { year: Number(span[1]), start: `${span[1]}-01-01`, end: `${span[2]}-12-31`, issuedOn: header.date };
  let year = yearOf(header.title) ?? header.year;
  if (!year) {
    const counts = new Map<number, number>();
    for (const text of [...tasks.map((t) => t.deadlineText), ...paras.map((p) => p.text)]) {
      for (const m of text.matchAll(/\b(20\d{2})\b/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    }
    year = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? opts.fallbackYear ?? new Date().getFullYear();
  }
  header.year ??= year;
  return { year, start: `${year}-01-01`, end: `${year}-12-31`, issuedOn: header.date };
}

/** The draft in the shape `npx kehoach import FILE --json` prints (snake_case, deadlines read). */
export function toCliJson(draft: Draft) {
  const year = draft.header.year ?? new Date().getFullYear();
  const ctx: PlanContext = { year };
  const orNull = (s: string | null | undefined) => (s ? s : null);
  return {
    header: {
      issuer: draft.header.issuer, number: draft.header.number, date: draft.header.date, title: draft.header.title,
      signer: draft.header.signer, legal_bases: draft.header.legalBases, replaces: draft.header.replaces,
    },
    tasks: draft.tasks.map((t) => {
      const s = parseDeadline(t.deadlineText, ctx);
      return {
        section: t.section, no: t.no, title: t.title, lead: t.lead, coordinators: t.coordinators,
        deadline_text: t.deadlineText, deadline: { kind: s.kind, value: s.value }, product: orNull(t.product), note: orNull(t.note),
      };
    }),
    targets: draft.targets.map(({ text, value, unit, comparator, subject }) => ({ text, value, unit, comparator, subject })),
    reporting: draft.reporting.map(({ text, frequency, due }) => ({ text, frequency, due })),
    findings: draft.findings.map(({ code, message, where }) => ({ code, message, where })),
  };
}
