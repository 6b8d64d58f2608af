// The document's own contradictions, found before anyone tracks against them: one report with two
// due dates, one indicator with two targets, columns that look swapped, tasks without a lead,
// numbering slips, deadlines outside the plan's period, a resolution credited to two bodies.
import { parseDeadline } from '../schedule/parse.ts';
import { occurrencesOf } from '../schedule/occurrences.ts';
import { searchKey } from '../text/vietnamese.ts';
import type { DraftReporting, DraftTarget, DraftTask, Finding } from './types.ts';
import type { Para } from './header.ts';

const FREQ_LABEL = { monthly: 'hằng tháng', quarterly: 'hằng quý', semiannual: '6 tháng', annual: 'hằng năm', adhoc: 'đột xuất' };
const dd = (mmdd: string) => `${Number(mmdd.slice(3))}/${Number(mmdd.slice(0, 2))}`;
export const taskRef = (t: DraftTask) => `nhiệm vụ ${t.section ? `${t.section}.` : ''}${t.no}`;
const place = (line: number, what: string) => `${what} (dòng ${line})`;

export function reportFindings(reporting: (DraftReporting & { task?: DraftTask })[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const a of reporting) for (const b of reporting) {
    if (a === b || a.frequency !== b.frequency || a.frequency === 'adhoc' || !a.due.length || !b.due.length) continue;
    if (a.due.join() === b.due.join() || a.line > b.line || seen.has(`${a.line}:${b.line}`)) continue;
    // Two yearly duties on different dates may be different reports; quarterly and 6-monthly ones are the plan's one periodic report.
    if (a.frequency === 'annual' && !sameSubject(a.text, b.text)) continue;
    seen.add(`${a.line}:${b.line}`);
    const where = [a, b].map((r) => place(r.line, r.task ? `Phụ lục, ${taskRef(r.task)}` : 'Phần nội dung'));
    out.push({
      code: 'conflicting_report_due',
      message: `Báo cáo ${FREQ_LABEL[a.frequency]} có hai hạn khác nhau: trước ngày ${a.due.map(dd).join(', ')} và trước ngày ${b.due.map(dd).join(', ')}.`,
      where, lines: [a.line, b.line],
    });
  }
  return out;
}

const words = (t: string) => new Set(searchKey(t).split(' ').filter((w) => w.length > 1 && !/^\d+$/.test(w)));
function similarity(x: Set<string>, y: Set<string>): number {
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.max(1, Math.min(x.size, y.size) + Math.abs(x.size - y.size) / 2);
}
const sameSubject = (a: string, b: string) => similarity(words(a), words(b)) >= 0.8;
const PERCENT_WORDS = /\d+(?:[.,]\d+)?\s?%/g;

export function targetFindings(targets: (DraftTarget & { where: string })[]): Finding[] {
  const out: Finding[] = [];
  // Word sets once per target: a long appendix has hundreds of targets and every pair is compared.
  const sets = targets.map((t) => words(t.text.replace(PERCENT_WORDS, '')));
  targets.forEach((a, i) => targets.slice(i + 1).forEach((b, k) => {
    if (a.value === b.value && a.comparator === b.comparator) return;
    // Two figures in one sentence ("nội trú đạt ≥ 90%, ngoại trú đạt ≥ 85%") are two indicators.
    if (a.text === b.text && a.line === b.line) return;
    if (similarity(sets[i], sets[i + 1 + k]) < 0.8) return;
    out.push({
      code: 'conflicting_target',
      message: `Cùng một chỉ tiêu "${a.subject}" có hai mức khác nhau: ${a.comparator === '>=' ? 'tối thiểu ' : ''}${a.value}${a.unit} và ${b.comparator === '>=' ? 'tối thiểu ' : ''}${b.value}${b.unit}.`,
      where: [place(a.line, a.where), place(b.line, b.where)], lines: [a.line, b.line],
    });
  }));
  return out;
}

export interface Period { year: number; start: string; end: string; issuedOn: string | null }

export function taskFindings(tasks: DraftTask[], period: Period): Finding[] {
  const out: Finding[] = [];
  const ctx = { year: period.year, periodStart: period.start, periodEnd: period.end };
  for (const t of tasks) {
    if (!t.lead.length) {
      out.push({ code: 'missing_lead', message: `${cap(taskRef(t))} chưa có đơn vị chủ trì.`, where: [place(t.line, `Phụ lục, ${taskRef(t)}`)], lines: [t.line] });
      t.doubts.lead = 'Chưa có đơn vị chủ trì.';
    }
    const deadline = parseDeadline(t.deadlineText, ctx);
    const product = t.product ? parseDeadline(t.product, ctx) : null;
    // The deadline column holds no time while the product column reads as one: the columns look swapped.
    if (deadline.kind === 'unspecified' && product && product.kind !== 'unspecified' && product.confidence >= 0.6) {
      // One finding per row: each row is fixed on its own, and the review lists them one by one.
      out.push({
        code: 'swapped_columns',
        message: `${cap(taskRef(t))}: cột "Thời gian" ghi "${t.deadlineText}" còn cột "Sản phẩm" ghi "${t.product}"; hai cột có vẻ bị đảo.`,
        where: [place(t.line, `Phụ lục, ${taskRef(t)}`)], lines: [t.line],
      });
      t.doubts.deadline = 'Cột thời gian và cột sản phẩm có vẻ bị đảo.';
      t.doubts.product = 'Cột thời gian và cột sản phẩm có vẻ bị đảo.';
      continue;
    }
    if (deadline.kind === 'unspecified' && t.deadlineText) t.doubts.deadline = 'Không hiểu được thời hạn này; hãy đặt lịch bằng tay.';
    else if (deadline.confidence < 0.8 && t.deadlineText) t.doubts.deadline = deadline.explanation;
    if (!['date', 'month', 'quarter', 'year'].includes(deadline.kind)) continue;
    const dues = occurrencesOf(deadline, ctx).map((o) => o.due);
    const outside = dues.length === 0 ? deadline.value : dues.find((d) => d < period.start || d > period.end || (period.issuedOn && d < period.issuedOn));
    if (outside) {
      out.push({
        code: 'deadline_outside_period',
        message: `${cap(taskRef(t))}: thời hạn "${t.deadlineText}" nằm ngoài thời gian của kế hoạch (${vi(period.start)}–${vi(period.end)})${period.issuedOn ? ` hoặc trước ngày ban hành ${vi(period.issuedOn)}` : ''}.`,
        where: [place(t.line, `Phụ lục, ${taskRef(t)}`)], lines: [t.line],
      });
      t.doubts.deadline = 'Thời hạn nằm ngoài thời gian của kế hoạch.';
    }
  }
  out.push(...numberingFindings(tasks));
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const vi = (iso: string) => `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Numbers run 1, 2, 3 within a section, or on across sections (seed 003 numbers 01–24 over seven sections). */
function numberingFindings(tasks: DraftTask[]): Finding[] {
  const out: Finding[] = [];
  let prev: DraftTask | null = null;
  for (const t of tasks) {
    const n = /^\d+$/.test(t.no) ? Number(t.no) : null;
    const p = prev && /^\d+$/.test(prev.no) ? Number(prev.no) : null;
    if (n !== null && p !== null) {
      const newSection = prev!.section !== t.section;
      const ok = n === p + 1 || (newSection && n === 1);
      if (!ok) {
        const dup = n === p || tasks.some((o) => o !== t && o.no === t.no && o.section === t.section);
        out.push({
          code: 'numbering',
          message: dup ? `Số thứ tự ${t.no} bị lặp${t.section ? ` trong mục ${t.section}` : ''}.` : `Số thứ tự nhảy từ ${prev!.no} sang ${t.no}${n > p + 1 ? `; thiếu ${p + 1}${n > p + 2 ? `–${n - 1}` : ''}` : ''}.`,
          where: [place(prev!.line, `Phụ lục, ${taskRef(prev!)}`), place(t.line, `Phụ lục, ${taskRef(t)}`)], lines: [prev!.line, t.line],
        });
        t.doubts.no = 'Số thứ tự không liền mạch.';
      }
    }
    prev = t;
  }
  return out;
}

// "Nghị quyết số 07/2026/NQ-HĐND ngày 11/5/2026 của Hội đồng nhân dân thành phố Hà Nội quy định …"
const CITATION = /(Nghị quyết|Quyết định|Kế hoạch|Chỉ thị|Nghị định|Thông tư|Luật|Công văn|Hướng dẫn)\s+(?:số\s+)?(\d+[\w/\-.Đđ]*[A-ZĐ][\w\-/Đđ]*)((?:\s+ngày\s+[\d/]+(?:\s+tháng\s+\d+\s+năm\s+\d{4})?)?)\s+của\s+([\p{L}\p{M}]+(?:\s[\p{L}\p{M}]+){0,11}?)(?=\s+(?:về|quy định|ban hành|trong|tại|thực hiện|triển khai|đã|năm|giai đoạn|số|\()|[,.;:)\n]|$)/gu;

/** The kind of body that issues a document, so "HĐND thành phố" and "Hội đồng nhân dân Thành phố Hà Nội" agree. */
function bodyKind(body: string): string {
  const k = searchKey(body);
  const kinds: [RegExp, string][] = [
    [/hoi dong nhan dan|hdnd/, 'HĐND'], [/uy ban nhan dan|ubnd/, 'UBND'], [/thanh uy|tinh uy|ban thuong vu/, 'cấp ủy'],
    [/bo chinh tri|ban chap hanh trung uong/, 'Trung ương'], [/thu tuong/, 'Thủ tướng'], [/chinh phu/, 'Chính phủ'],
    [/bo y te/, 'Bộ Y tế'], [/ban chi dao/, 'Ban Chỉ đạo'], [/so y te/, 'Sở Y tế'],
  ];
  return kinds.find(([re]) => re.test(k))?.[1] ?? k;
}

export function referenceFindings(paras: Para[]): Finding[] {
  const seen = new Map<string, { body: string; kind: string; line: number }[]>();
  for (const p of paras) {
    for (const m of p.text.matchAll(CITATION)) {
      const id = `${searchKey(m[1])} ${m[2].toUpperCase()}`;
      const body = m[4].trim();
      // Only an issuing body counts: "… của cơ quan Sở Y tế" says whose money, not who issued it.
      if (!/^(Hội đồng|HĐND|UBND|Ủy ban|Uỷ ban|Thành ủy|Tỉnh ủy|Thành uỷ|Tỉnh uỷ|Ban|Bộ|Chính phủ|Thủ tướng|Sở|Quốc hội|Chủ tịch)/u.test(body)) continue;
      const list = seen.get(id) ?? [];
      list.push({ body, kind: bodyKind(body), line: p.line });
      seen.set(id, list);
    }
  }
  const out: Finding[] = [];
  for (const [, list] of seen) {
    const first = list[0];
    const other = list.find((x) => x.kind !== first.kind);
    if (!other) continue;
    const m = [...paras.find((p) => p.line === first.line)!.text.matchAll(CITATION)].find((x) => x[4].trim() === first.body)!;
    out.push({
      code: 'inconsistent_reference',
      message: `${m[1]} số ${m[2]} được ghi là "của ${first.body}" và ở chỗ khác là "của ${other.body}".`,
      where: [place(first.line, 'Trích dẫn thứ nhất'), place(other.line, 'Trích dẫn khác')], lines: [first.line, other.line],
    });
  }
  return out;
}
