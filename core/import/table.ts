// An appendix table into sections and tasks. Appendices differ in column order and names
// ("Nhiệm vụ và giải pháp" / "Nội dung nhiệm vụ/công việc" / "Nhiệm vụ cụ thể"; "Chủ trì" /
// "Phòng, ban, đơn vị chủ trì thực hiện"; "Thời gian hoàn thành" / "Thời gian thực hiện/ hoàn thành"),
// so columns are recognised by the words in their header, not by position.
import { searchKey } from '../text/vietnamese.ts';
import type { Cell, DraftSection, DraftTask, Located, Block } from './types.ts';
import { splitUnits } from './units.ts';

export type Role = 'no' | 'title' | 'lead' | 'coordinators' | 'units' | 'deadline' | 'product' | 'note' | 'other';

// Checked in order: the first rule a header cell matches names its column.
const ROLE_RULES: [Role, RegExp][] = [
  ['no', /^(stt|tt|so tt|so thu tu|thu tu|so)$/],
  ['coordinators', /phoi hop/],
  ['lead', /chu tri|don vi thuc hien|co quan thuc hien|trach nhiem thuc hien|don vi phu trach|phu trach|don vi thuc hien chinh|chiu trach nhiem/],
  ['deadline', /thoi gian|thoi han|tien do|moc hoan thanh|han hoan thanh|nam thuc hien|hoan thanh$/],
  ['product', /san pham|ket qua|dau ra|hinh thuc van ban|hinh thuc/],
  ['note', /ghi chu|can cu|nguon goc|van ban giao/],
  ['title', /nhiem vu|noi dung|cong viec|giai phap|hoat dong|ten de an|chuong trinh|de an|chi tieu/],
  ['other', /kinh phi|du toan|nguon von/],
];

export function roleOf(header: string): Role | null {
  const key = searchKey(header);
  if (!key) return null;
  for (const [role, re] of ROLE_RULES) if (re.test(key)) return role;
  return null;
}

/** Each row laid out on the table's grid: a cell spanning three columns fills three slots. */
function gridRow(row: Cell[]): string[] {
  const out: string[] = [];
  for (const c of row) {
    out.push(c.text);
    for (let i = 1; i < (c.span ?? 1); i++) out.push('\u0000');
  }
  return out;
}

export interface Columns { roles: Role[]; headerRows: number }

/** The header of a task table: a row (or two, for "Đơn vị thực hiện" over "Chủ trì | Phối hợp") naming a task column and one more. */
export function findHeader(rows: string[][]): (Columns & { at: number }) | null {
  for (let at = 0; at < Math.min(rows.length, 6); at++) {
    const roles = rows[at].map((t) => (t === '\u0000' ? null : roleOf(t)));
    // Spanned slots take the role of the cell they continue.
    for (let i = 1; i < roles.length; i++) if (rows[at][i] === '\u0000') roles[i] = roles[i - 1];
    const known = roles.filter((r) => r && r !== 'other');
    if (!roles.includes('title') || known.length < 2) continue;
    let headerRows = 1;
    const next = rows[at + 1];
    if (next && !/^\s*\d/.test(next[0] ?? '')) {
      const sub = next.map((t) => (t === '\u0000' ? null : roleOf(t)));
      if (sub.some((r) => r === 'lead' || r === 'coordinators')) {
        sub.forEach((r, i) => { if (r) roles[i] = r; });
        headerRows = 2;
      }
    }
    // "Cơ quan chủ trì, phối hợp" in one column: both kinds of unit in one cell.
    roles.forEach((r, i) => { if (r === 'coordinators' && /chu tri/.test(searchKey(rows[at][i]))) roles[i] = 'units'; });
    return { roles: roles.map((r) => r ?? 'other'), headerRows, at };
  }
  return null;
}

const ROMAN = /^(?:Phần\s+|PHẦN\s+|Mục\s+)?([IVXLC]{1,6}|[A-HĐ])[.)]?$/u;
const NUMBER = /^(\d{1,3}(?:\.\d{1,3}){0,3}|[a-zđ]|\(\d{1,3}\))[.)]?$/u;

/** A row that repeats the header after a page break, or numbers the columns "(1) (2) (3)". */
function isHeaderLike(cells: string[], header: string[]): boolean {
  const filled = cells.filter((c) => c && c !== '\u0000');
  if (filled.length >= 2 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(c))) return true;
  let same = 0;
  // Lengths first: search keys of long task texts are the costly part of reading a big appendix.
  cells.forEach((c, i) => { if (c && Math.abs(c.length - (header[i] ?? '').length) < 12 && searchKey(c) === searchKey(header[i] ?? '')) same++; });
  return same >= 2;
}

export interface TableResult { sections: DraftSection[]; tasks: DraftTask[] }

/** Tasks of one located table (rows carry lines), or null when it is not a task table. */
export function readTaskTable(block: Located<Extract<Block, { kind: 'table' }>>): TableResult | null {
  const rows = block.rows.map(gridRow);
  const head = findHeader(rows);
  if (!head) return null;
  const { roles } = head;
  const header = rows[head.at];
  const col = (r: Role) => roles.indexOf(r);
  const get = (cells: string[], r: Role) => {
    const i = col(r);
    return i >= 0 && cells[i] && cells[i] !== '\u0000' ? cells[i].trim() : '';
  };
  const sections: DraftSection[] = [];
  const tasks: DraftTask[] = [];
  let section: string | null = null;
  let afterBreak = false;
  let auto = 0;

  for (let r = head.at + head.headerRows; r < rows.length; r++) {
    const cells = rows[r];
    const line = block.rowLines?.[r] ?? block.line;
    if (isHeaderLike(cells, header)) { afterBreak = true; continue; }
    const filled = cells.map((c, i) => ({ c: c === '\u0000' ? '' : c.trim(), i })).filter((x) => x.c);
    if (!filled.length) continue;
    const no = col('no') >= 0 ? get(cells, 'no') : '';
    const others = filled.filter((x) => x.i !== col('no'));
    const distinct = new Set(others.map((x) => x.c));
    // A section row: a Roman numeral (or a capital letter) and one text, possibly repeated across merged cells.
    if (ROMAN.test(no) && distinct.size <= 1 || (!no && distinct.size === 1 && others.length > 1 && others.length >= roles.length - 1)) {
      const code = ROMAN.exec(no)?.[1] ?? String(sections.length + 1);
      section = code;
      sections.push({ code, title: [...distinct][0] ?? '', line });
      afterBreak = false;
      continue;
    }
    const prev = tasks[tasks.length - 1];
    const own = get(cells, 'lead') || get(cells, 'units') || get(cells, 'deadline');
    // A row with no number continues the task above after a page break, or when it adds only words to its cells.
    if (col('no') >= 0 && !no && prev && (afterBreak || !own)) {
      appendTo(prev, cells, roles);
      afterBreak = false;
      continue;
    }
    afterBreak = false;
    const title = get(cells, 'title');
    if (!title && !own) continue;
    auto++;
    tasks.push(makeTask({ no: col('no') >= 0 ? no.replace(/[.)]$/, '') : String(auto), title, cells, get, section, line, numbered: NUMBER.test(no) || col('no') < 0 }));
  }
  // "3 | Truyền thông về an toàn thực phẩm" with empty cells, then 3.1 and 3.2: a heading over sub-tasks, not a task.
  const kept = tasks.filter((t, i) => {
    const next = tasks[i + 1];
    const empty = !t.lead.length && !t.coordinators.length && !t.deadlineText && !t.product;
    return !(empty && next && t.no && next.no.startsWith(`${t.no}.`));
  });
  return { sections, tasks: kept };
}

interface TaskInput {
  no: string; title: string; cells: string[]; section: string | null; line: number; numbered: boolean;
  get: (cells: string[], r: Role) => string;
}

function makeTask({ no, title, cells, get, section, line, numbered }: TaskInput): DraftTask {
  const joint = get(cells, 'units');
  let lead = splitUnits(get(cells, 'lead'));
  let coordinators = splitUnits(get(cells, 'coordinators')).names;
  if (joint && !get(cells, 'lead')) {
    // "Sở Y tế chủ trì; Sở Tài chính phối hợp" in one cell.
    const [l, c = ''] = joint.split(/(?:chủ trì)[;,.]?/iu);
    lead = splitUnits(l);
    coordinators = splitUnits(c.replace(/phối hợp/giu, '')).names;
  }
  const task: DraftTask = {
    section, no, title: flat(title), lead: lead.names, coordinators: [...lead.also, ...coordinators],
    deadlineText: flat(get(cells, 'deadline')), product: flat(get(cells, 'product')) || null, note: flat(get(cells, 'note')) || null,
    line, doubts: {},
  };
  if (!numbered) task.doubts.no = 'Số thứ tự không đọc được; hãy kiểm tra.';
  return task;
}

/** Several paragraphs of a cell on one line: list items keep their order, separated by "; ". */
const flat = (t: string) => t.split('\n').map((p) => p.replace(/^[-+•]\s*/, '').trim()).filter(Boolean).join('; ')
  .replace(/;\s*;/g, ';').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')');

function appendTo(task: DraftTask, cells: string[], roles: Role[]) {
  const add = (a: string, b: string) => (a && b ? `${a} ${b}` : a || b);
  roles.forEach((role, i) => {
    const t = cells[i] && cells[i] !== '\u0000' ? flat(cells[i]) : '';
    if (!t) return;
    if (role === 'title') task.title = add(task.title, t);
    else if (role === 'deadline') task.deadlineText = add(task.deadlineText, t);
    else if (role === 'product') task.product = add(task.product ?? '', t);
    else if (role === 'note') task.note = add(task.note ?? '', t);
    else if (role === 'lead' || role === 'coordinators') {
      // The page break may cut a name ("Bệnh viện Quân" | "dân y"): rejoin, then split again.
      const list = role === 'lead' ? task.lead : task.coordinators;
      const parts = splitUnits(t).names;
      if (list.length && parts.length && /^\p{Ll}/u.test(parts[0])) list[list.length - 1] += ` ${parts.shift()}`;
      list.push(...parts);
    }
  });
}
