// The audit dossier of seed 000 II.5 ("lưu trữ đầy đủ hồ sơ ... phục vụ công tác kiểm tra, giám sát, thanh tra,
// kiểm toán"): for one paying unit and a period of months, one .zip with each list's payroll, approval decision and
// history, the records that decided who was paid (assignments with their uploaded decisions, ratings, other
// benefits, policy versions), the payments, and the audit-log extract with its chain hashes. SHA256SUMS lets the
// auditor check every file with `sha256sum -c`; the export's own audit event carries that file's hash.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { and, asc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { hashEvent, type ChainedEvent } from '../../../core/audit/chain.ts';
import { auditActionLabel } from '../../../core/audit/labels.ts';
import { monthsBetween } from '../../../core/allowance/engine.ts';
import { CATEGORY_LABELS, PARTIAL_MONTH_LABELS, RATING_LABELS } from '../../../core/allowance/types.ts';
import { daysInMonth, formatViDate } from '../../../core/schedule/dates.ts';
import { comparePersonName, formatViNumber } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { allowanceAssignments, allowanceLists, allowanceOtherBenefits, allowanceRatings, auditEvents, files, people } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { CurrentUser } from '../../http/request.ts';
import { renderOfficialDocx } from '../documents/official.ts';
import { renderWorkbook, type CellValue, type SheetSpec } from '../documents/workbook.ts';
import { blobPath } from '../files/service.ts';
import { payerOf, policyRows } from './context.ts';
import { approvalDecision, fileBase, payrollSheets } from './documents.ts';
import { issuerOf } from './figures.ts';
import { listView, lockedList, monthLabel } from './list-steps.ts';

type View = Awaited<ReturnType<typeof listView>>;
type Named<T> = T & { personName: string };
export const MAX_MONTHS = 24;
export const INDEX = 'MUCLUC.txt';
export const SUMS = 'SHA256SUMS';
export const MANIFEST = 'manifest.json';
const LISTS = '1. Danh sách hằng tháng';
const RECORDS = '2. Hồ sơ xác định đối tượng';
const PAYMENTS = '3. Hồ sơ chi trả';
export const AUDIT_JSONL = '4. Nhật ký kiểm toán/Nhật ký kiểm toán.jsonl';
const EVENT_WORDS: Record<string, string> = {
  generate: 'Lập danh sách từ hồ sơ', regenerate: 'Lập lại danh sách từ hồ sơ', exclude: 'Đưa cán bộ ra khỏi danh sách', include: 'Đưa cán bộ vào danh sách',
  add: 'Bổ sung cán bộ', propose: 'Đề xuất duyệt', return: 'Trả lại, đề nghị chỉnh sửa', approve: 'Phê duyệt danh sách', pay: 'Ghi nhận chi trả',
};

/** A period of whole months the dossier may cover: from ≤ to, and short enough to build in one request. */
export function checkPeriod(from: string, to: string) {
  if (from > to) throw errors.field('to', `Đến tháng (${monthLabel(to)}) phải cùng hoặc sau Từ tháng (${monthLabel(from)}).`);
  const n = monthsBetween(from, to).length;
  if (n > MAX_MONTHS) throw errors.field('to', `Mỗi hồ sơ gồm tối đa ${MAX_MONTHS} tháng (đã chọn ${n} tháng); chia thời kỳ thành nhiều hồ sơ.`);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const periodEnd = (to: string) => `${to}-${daysInMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7)))}`;
const overlaps = (startOn: string, last: string | null, from: string, to: string) => startOn <= periodEnd(to) && (last ?? '9999-12-31') >= `${from}-01`;

/** Everything the dossier holds, read in one transaction so that its files agree with each other. */
export async function dossierData(tx: Tx, user: CurrentUser, unitId: string, from: string, to: string) {
  const payer = await payerOf(tx, user, unitId);
  const listIds = await tx.select({ id: allowanceLists.id }).from(allowanceLists)
    .where(and(eq(allowanceLists.unitId, unitId), gte(allowanceLists.month, from), lte(allowanceLists.month, to))).orderBy(asc(allowanceLists.month));
  const lists: View[] = [];
  for (const { id } of listIds) lists.push(await listView(tx, user, id));
  // Every assignment the unit decided that touches the period, also of people who have since moved elsewhere.
  const assignmentRows = (await tx.select().from(allowanceAssignments).where(eq(allowanceAssignments.unitId, unitId)))
    .filter((a) => overlaps(a.startOn, a.stoppedOn ?? a.endOn, from, to));
  const personIds = [...new Set([...assignmentRows.map((a) => a.personId), ...lists.flatMap((l) => l.lines.map((x) => x.personId))])];
  // One query after another: a transaction is one connection (pg warns of concurrent queries on it).
  const persons = personIds.length ? await tx.select({ id: people.id, fullName: people.fullName }).from(people).where(inArray(people.id, personIds)) : [];
  const ratingRows = personIds.length ? await tx.select().from(allowanceRatings).where(and(inArray(allowanceRatings.personId, personIds), gte(allowanceRatings.month, from), lte(allowanceRatings.month, to))) : [];
  const benefitRows = personIds.length ? await tx.select().from(allowanceOtherBenefits).where(inArray(allowanceOtherBenefits.personId, personIds)) : [];
  const policies = await policyRows(tx);
  const attachments = assignmentRows.some((a) => a.fileId) ? await tx.select().from(files).where(inArray(files.id, assignmentRows.flatMap((a) => (a.fileId ? [a.fileId] : [])))) : [];
  const nameOf = new Map(persons.map((p) => [p.id, p.fullName]));
  const named = <T extends { personId: string }>(rows: T[]): Named<T>[] => rows.map((r) => ({ ...r, personName: nameOf.get(r.personId) ?? '' }));
  const benefits = named(benefitRows.filter((b) => overlaps(b.startOn, b.endOn, from, to)));
  const anyOf = (type: string, ids: string[]) => (ids.length ? [and(eq(auditEvents.entityType, type), inArray(auditEvents.entityId, ids))!] : []);
  const events = await tx.select().from(auditEvents).where(or(
    ...anyOf('allowance_list', lists.map((l) => l.id)),
    ...anyOf('allowance_assignment', assignmentRows.map((a) => a.id)),
    ...anyOf('allowance_other_benefit', benefits.map((b) => b.id)),
    and(eq(auditEvents.entityType, 'org_unit'), eq(auditEvents.entityId, unitId), or(
      and(eq(auditEvents.action, 'allowance.ratings.save'), sql`${auditEvents.after}->>'month' BETWEEN ${from} AND ${to}`),
      eq(auditEvents.action, 'allowance.dossier.export'), // who took this unit's dossier before
    )),
    eq(auditEvents.entityType, 'allowance_policy'),
  )).orderBy(asc(auditEvents.seq));
  return {
    unit: { id: payer.unit.id, name: payer.unit.name }, from, to, lists, events, attachments,
    issuer: await issuerOf(tx, { name: payer.unit.name, kind: payer.unit.kind }),
    assignments: named(assignmentRows).sort((a, b) => comparePersonName(a.personName, b.personName) || a.startOn.localeCompare(b.startOn)),
    ratings: named(ratingRows).sort((a, b) => a.month.localeCompare(b.month) || comparePersonName(a.personName, b.personName)),
    benefits: benefits.sort((a, b) => comparePersonName(a.personName, b.personName) || a.startOn.localeCompare(b.startOn)),
    policies: policies.filter((p) => overlaps(p.effectiveFrom, p.effectiveTo, from, to)),
  };
}
export type DossierData = Awaited<ReturnType<typeof dossierData>>;

/** "dd/mm/yyyy hh:mm" in Vietnam (UTC+7, no daylight saving). */
const viTime = (d: Date | null) => {
  if (!d) return '';
  const s = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${formatViDate(s.slice(0, 10))} ${s.slice(11, 16)}`;
};
const viDate = (iso: string | null) => (iso ? formatViDate(iso) : '');
/** Windows and Excel forbid these in names; a decision number's "/" would also open a folder. */
const safe = (name: string) => name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/\s+/g, ' ').trim();
const text = (s: string) => strToU8(s.replace(/\r?\n/g, '\r\n'));

/** RFC 4180 with a BOM so Excel reads the diacritics; a text cell starting like a formula is quoted out of it. */
function csv(header: string[], rows: CellValue[][]): Uint8Array {
  const cell = (v: CellValue) => {
    const s = v === null ? '' : typeof v === 'number' ? String(v) : /^[=+\-@\t]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return strToU8(`\ufeff${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`);
}

const sheet = (name: string, title: string, subtitle: string, columns: [string, number, ('money' | 'number')?][], rows: CellValue[][], total?: CellValue[]): SheetSpec => ({
  name, title, subtitle, rows, total, columns: columns.map(([t, width, kind]) => ({ title: t, width, kind })),
});

function recordSheets(d: DossierData, fileOf: Map<string, string>): SheetSpec[] {
  const sub = `${d.unit.name} — tháng ${monthLabel(d.from)} đến tháng ${monthLabel(d.to)}`;
  return [
    sheet('Quyết định phân công', 'QUYẾT ĐỊNH PHÂN CÔNG NHIỆM VỤ', sub, [['STT', 6, 'number'], ['Họ và tên', 24], ['Số quyết định', 16], ['Ngày quyết định', 13], ['Người ký', 20], ['Nhiệm vụ được giao', 40], ['Sản phẩm đầu ra', 36], ['Hình thức', 13], ['Vị trí việc làm', 22], ['Từ ngày', 12], ['Đến ngày', 12], ['Dừng hưởng sau ngày', 13], ['Lý do dừng', 30], ['Tệp quyết định trong hồ sơ', 40]],
      d.assignments.map((a, i) => [i + 1, a.personName, a.decisionNo, viDate(a.decisionDate), a.signer, a.task, a.output, CATEGORY_LABELS[a.category], a.jobPosition, viDate(a.startOn), viDate(a.endOn), viDate(a.stoppedOn), a.stopReason, a.fileId ? fileOf.get(a.fileId) ?? 'Tệp không còn trên máy chủ' : 'Chưa đính kèm'])),
    sheet('Xếp loại tháng', 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI HẰNG THÁNG', sub, [['STT', 6, 'number'], ['Tháng', 10], ['Họ và tên', 24], ['Xếp loại', 30], ['Ghi chú', 36], ['Người nhập', 24], ['Thời điểm nhập', 17]],
      d.ratings.map((r, i) => [i + 1, monthLabel(r.month), r.personName, RATING_LABELS[r.rating], r.note, r.enteredByName, viTime(r.updatedAt)])),
    sheet('Chính sách khác', 'CHÍNH SÁCH, KHOẢN HỖ TRỢ KHÁC ĐANG HƯỞNG (KIỂM TRA TRÙNG LẶP)', sub, [['STT', 6, 'number'], ['Họ và tên', 24], ['Chính sách, khoản hỗ trợ', 40], ['Căn cứ', 30], ['Từ ngày', 12], ['Đến ngày', 12], ['Cho cùng nhiệm vụ', 12], ['Thời điểm ghi', 17]],
      d.benefits.map((b, i) => [i + 1, b.personName, b.name, b.basis, viDate(b.startOn), viDate(b.endOn), b.sameWork ? 'Có — không hưởng trùng' : 'Không', viTime(b.createdAt)])),
    sheet('Chính sách hỗ trợ', 'CÁC PHIÊN BẢN CHÍNH SÁCH HỖ TRỢ ÁP DỤNG', sub, [['Phiên bản', 9, 'number'], ['Từ ngày', 12], ['Đến ngày', 12], ['Chuyên trách (đồng/tháng)', 15, 'money'], ['Kiêm nhiệm (đồng/tháng)', 15, 'money'], ['Xếp loại tối thiểu', 28], ['Tháng không trọn', 28], ['Mức minh họa', 10], ['Căn cứ', 50]],
      d.policies.map((p) => [p.version, viDate(p.effectiveFrom), viDate(p.effectiveTo), p.rateFullTime, p.ratePartTime, RATING_LABELS[p.minRating], PARTIAL_MONTH_LABELS[p.partialMonth], p.isExample ? 'Có' : 'Không', p.legalBasis])),
  ];
}

function paymentSheet(d: DossierData): SheetSpec {
  const byMonth = new Map(d.lists.map((l) => [l.month, l]));
  const rows = monthsBetween(d.from, d.to).map((month, i): CellValue[] => {
    const l = byMonth.get(month);
    if (!l) return [i + 1, monthLabel(month), 'Chưa lập danh sách', null, null, null, null, null, null, null, null, null];
    const pay = l.events.filter((e) => e.action === 'pay').at(-1);
    return [i + 1, monthLabel(month), l.statusLabel, l.decisionNo, viTime(l.approvedAt), l.approvedByName, l.totals.people, l.totals.total, l.payPeriod, viDate(l.paidOn), l.paidAmount, pay?.actorName ?? ''];
  });
  const sum = (f: (l: View) => number) => d.lists.reduce((s, l) => s + f(l), 0);
  return sheet('Chi trả', 'HỒ SƠ CHI TRẢ HỖ TRỢ', `${d.unit.name} — tháng ${monthLabel(d.from)} đến tháng ${monthLabel(d.to)}`,
    [['STT', 6, 'number'], ['Tháng', 10], ['Trạng thái', 14], ['Quyết định phê duyệt', 16], ['Ngày phê duyệt', 17], ['Người phê duyệt', 22], ['Số người hưởng', 10, 'number'], ['Tổng danh sách (đồng)', 16, 'money'], ['Kỳ chi trả', 22], ['Ngày chi trả', 12], ['Số tiền đã chi (đồng)', 16, 'money'], ['Người ghi nhận chi trả', 22]],
    rows, [null, 'Tổng cộng', null, null, null, null, null, sum((l) => l.totals.total), null, null, sum((l) => l.paidAmount ?? 0), null]);
}

function auditFiles(d: DossierData) {
  const chained = d.events.map((e): ChainedEvent & { id: number } => ({
    id: e.id, tenantId: e.tenantId, seq: e.seq, actorId: e.actorId, actorName: e.actorName, action: e.action, entityType: e.entityType, entityId: e.entityId,
    summary: e.summary, before: e.before ?? null, after: e.after ?? null, requestId: e.requestId, ip: e.ip, createdAt: e.createdAt.toISOString(), prevHash: e.prevHash, hash: e.hash,
  }));
  return {
    csv: csv(['Số thứ tự (seq)', 'Thời điểm (giờ Việt Nam)', 'Thời điểm (UTC, như khi băm)', 'Người thực hiện', 'Thao tác', 'Mã thao tác', 'Loại bản ghi', 'Mã bản ghi', 'Nội dung', 'Mã băm trước (prev_hash)', 'Mã băm (hash)'],
      d.events.map((e, i) => [e.seq, viTime(e.createdAt), chained[i].createdAt, e.actorName, auditActionLabel(e.action), e.action, e.entityType, e.entityId, e.summary, e.prevHash, e.hash])),
    jsonl: strToU8(chained.map((e) => `${JSON.stringify(e)}\n`).join('')),
  };
}

interface Entry { path: string; bytes: Uint8Array; description: string }
export interface Dossier { name: string; zip: Uint8Array; files: number; sumsSha256: string; zipSha256: string }

/** The archive: files first, then the index that names them, the manifest, and SHA256SUMS over all of it. */
export async function buildDossier(d: DossierData, opts: { filesDir: string; at: Date; by: string }): Promise<Dossier> {
  const entries: Entry[] = [];
  const add = (path: string, bytes: Uint8Array, description: string) => entries.push({ path: path.normalize('NFC'), bytes, description });
  for (const v of d.lists) {
    const dir = `${LISTS}/${v.month}`;
    const approved = lockedList(v);
    // An unapproved list is kept as it stood, marked as a draft: it shows the month under way, never a payment.
    const specs = payrollSheets(v).map((s) => (approved ? s : { ...s, title: `DỰ THẢO — ${s.title}`, subtitle: `${s.subtitle} — chưa được phê duyệt, không dùng để chi trả` }));
    add(`${dir}/${approved ? '' : 'DỰ THẢO - '}${fileBase(v)}.xlsx`, await renderWorkbook(specs), `Danh sách chi hỗ trợ tháng ${monthLabel(v.month)} (${v.statusLabel}${approved ? '' : ', dự thảo'})`);
    if (approved) add(`${dir}/Quyết định phê duyệt - ${fileBase(v)}.docx`, await renderOfficialDocx(approvalDecision(v, d.issuer)), `Quyết định phê duyệt danh sách tháng ${monthLabel(v.month)}${v.decisionNo ? `, số ${v.decisionNo}` : ''}`);
    add(`${dir}/Lịch sử danh sách.csv`, csv(['Thời điểm', 'Bước', 'Người thực hiện', 'Nội dung'], v.events.map((e) => [viTime(e.createdAt), EVENT_WORDS[e.action] ?? e.action, e.actorName, e.comment])),
      `Lịch sử danh sách tháng ${monthLabel(v.month)}: lập, đưa ra/vào, đề xuất, trả lại, phê duyệt, chi trả`);
  }
  const fileOf = new Map<string, string>();
  const missing: string[] = [];
  for (const a of d.assignments) {
    const f = a.fileId ? d.attachments.find((x) => x.id === a.fileId) : undefined;
    if (!f || fileOf.has(f.id)) continue;
    const bytes = await readFile(blobPath(opts.filesDir, f.sha256)).catch(() => null);
    if (!bytes) { missing.push(`${a.decisionNo}: ${f.name} (SHA-256 ${f.sha256})`); continue; }
    // Two different files may carry one decision number and one name; each keeps its own path.
    const base = `${RECORDS}/Tệp quyết định phân công/${safe(a.decisionNo)} - ${safe(f.name)}`;
    let path = base;
    for (let n = 2; [...fileOf.values()].includes(path); n++) path = base.replace(/(\.[^./]+)?$/, ` (${n})$1`);
    fileOf.set(f.id, path);
    // The blob is named by its hash at upload; one that no longer matches was changed on the server.
    const changed = sha256(bytes) !== f.sha256 ? ` — CẢNH BÁO: nội dung không khớp mã SHA-256 ghi khi tải lên (${f.sha256})` : '';
    add(path, bytes, `Tệp quyết định phân công ${a.decisionNo} đã tải lên (${f.name})${changed}`);
  }
  add(`${RECORDS}/Hồ sơ xác định đối tượng.xlsx`, await renderWorkbook(recordSheets(d, fileOf)),
    `Quyết định phân công (${d.assignments.length}), xếp loại tháng (${d.ratings.length}), chính sách khác (${d.benefits.length}), phiên bản chính sách hỗ trợ (${d.policies.length})`);
  add(`${PAYMENTS}/Chi trả.xlsx`, await renderWorkbook([paymentSheet(d)]), 'Phê duyệt và chi trả từng tháng: quyết định, kỳ chi trả, ngày chi, số tiền, người ghi nhận');
  const audit = auditFiles(d);
  add('4. Nhật ký kiểm toán/Nhật ký kiểm toán.csv', audit.csv, `Trích nhật ký kiểm toán (${d.events.length} sự kiện) của danh sách, phân công, chính sách khác, xếp loại, chính sách hỗ trợ`);
  add(AUDIT_JSONL, audit.jsonl, 'Cùng các sự kiện, đủ trường để tính lại mã băm (hash) và đối chiếu với chuỗi nhật ký');
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const index = text(indexText(d, entries, missing, opts));
  entries.unshift({ path: INDEX, bytes: index, description: 'Mục lục hồ sơ (tệp này)' });
  const listed = entries.map((e) => ({ path: e.path, sha256: sha256(e.bytes), bytes: e.bytes.length, description: e.description }));
  const manifest = strToU8(`${JSON.stringify({ unit: d.unit, from: d.from, to: d.to, generatedAt: opts.at.toISOString(), generatedBy: opts.by, files: listed }, null, 2)}\n`);
  entries.push({ path: MANIFEST, bytes: manifest, description: '' });
  const sums = strToU8([...listed, { path: MANIFEST, sha256: sha256(manifest) }].map((f) => `${f.sha256}  ${f.path}\n`).join(''));
  entries.push({ path: SUMS, bytes: sums, description: '' });

  const stored = /\.(xlsx|docx|pptx|odt|ods|png|jpe?g|zip)$/i; // already compressed: deflating again only costs time
  const zippable: Zippable = {};
  // Unix as origin: Info-ZIP's unzip reads a DOS archive's names through the OEM code page, UTF-8 flag or not.
  for (const e of entries) zippable[e.path] = [e.bytes, { level: stored.test(e.path) ? 0 : 6, os: 3, attrs: 0o100644 << 16 }];
  const zip = zipSync(zippable, { mtime: opts.at });
  const name = `Hồ sơ hỗ trợ - ${safe(d.unit.name)} - ${d.from} đến ${d.to}.zip`;
  return { name, zip, files: entries.length, sumsSha256: sha256(sums), zipSha256: sha256(zip) };
}

function indexText(d: DossierData, entries: Entry[], missing: string[], opts: { at: Date; by: string }): string {
  const byMonth = new Map(d.lists.map((l) => [l.month, l]));
  const months = monthsBetween(d.from, d.to).map((m) => {
    const l = byMonth.get(m);
    if (!l) return `  Tháng ${monthLabel(m)}: chưa lập danh sách.`;
    const paid = l.paidOn ? `; chi ngày ${viDate(l.paidOn)} (${l.payPeriod}), ${formatViNumber(l.paidAmount ?? 0)} đồng` : '';
    const draft = lockedList(l) ? '' : ' — chưa phê duyệt: danh sách chi trả ghi “DỰ THẢO”, chưa có quyết định phê duyệt';
    return `  Tháng ${monthLabel(m)}: ${l.statusLabel}${l.decisionNo ? `, Quyết định số ${l.decisionNo}` : ''}; ${l.totals.people} người, ${formatViNumber(l.totals.total)} đồng${paid}${draft}.`;
  });
  return [
    'HỒ SƠ PHỤC VỤ KIỂM TRA, GIÁM SÁT, THANH TRA, KIỂM TOÁN',
    'Chính sách hỗ trợ thực hiện nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
    '',
    `Đơn vị chi trả: ${d.unit.name}`,
    `Thời kỳ: tháng ${monthLabel(d.from)} đến tháng ${monthLabel(d.to)}`,
    `Lập lúc: ${viTime(opts.at)} (giờ Việt Nam), người lập: ${opts.by}`,
    '',
    'DANH SÁCH TỪNG THÁNG',
    ...months,
    '',
    'CÁC TỆP TRONG HỒ SƠ',
    `  ${INDEX}`, '      Mục lục hồ sơ (tệp này)',
    ...entries.flatMap((e) => [`  ${e.path}`, `      ${e.description}`]),
    `  ${MANIFEST}`, '      Danh mục tệp máy đọc được: đơn vị, thời kỳ, thời điểm và người lập; mã SHA-256, dung lượng và mô tả từng tệp',
    `  ${SUMS}`, '      Mã SHA-256 của mọi tệp trong hồ sơ (trừ tệp này), định dạng của lệnh sha256sum',
    ...(missing.length ? ['', 'TỆP ĐÍNH KÈM KHÔNG CÒN TRÊN MÁY CHỦ (chỉ ghi tên, không có trong hồ sơ)', ...missing.map((m) => `  ${m}`)] : []),
    '',
    'KIỂM TRA TÍNH TOÀN VẸN',
    `  1. Giải nén rồi chạy: sha256sum -c ${SUMS}   (hoặc: npx tsx scripts/verify-dossier.mts <tệp .zip>)`,
    '  2. Mỗi sự kiện trong “Nhật ký kiểm toán.jsonl” có số thứ tự (seq), mã băm trước (prevHash) và mã băm (hash) của chuỗi',
    '     nhật ký; đối chiếu với nhật ký trên kehoach (Nhật ký kiểm toán → Kiểm tra toàn vẹn).',
    `  3. Lần lập hồ sơ này được ghi vào nhật ký (thao tác allowance.dossier.export) kèm mã SHA-256 của tệp ${SUMS}.`,
    '',
    'Khoản hỗ trợ không dùng để tính đóng, hưởng chế độ bảo hiểm xã hội bắt buộc, bảo hiểm y tế, bảo hiểm thất nghiệp',
    'và các khoản phụ cấp khác theo quy định.',
    '',
  ].join('\n');
}

/**
 * Checks an archive against its own SHA256SUMS: every entry's hash, no file missing and none unlisted; and every
 * audit event of the extract against its own hash. Pure, so the same check runs in tests and from the command line.
 */
export function verifyDossier(zip: Uint8Array): { ok: boolean; files: number; mismatches: string[] } {
  let entries: Record<string, Uint8Array>;
  try { entries = unzipSync(zip); } catch { return { ok: false, files: 0, mismatches: ['(tệp .zip hỏng, không đọc được)'] }; }
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  if (!entries[SUMS]) return { ok: false, files: 0, mismatches: [`${SUMS}: không có trong hồ sơ`] };
  const mismatches: string[] = [];
  const listed = new Map<string, string>();
  for (const line of strFromU8(entries[SUMS]).split('\n').filter(Boolean)) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (m) listed.set(m[2], m[1]);
    else mismatches.push(`${SUMS}: dòng không đúng định dạng “${line.slice(0, 80)}”`);
  }
  for (const [path, hash] of listed) {
    if (!entries[path]) mismatches.push(`${path}: thiếu trong hồ sơ`);
    else if (sha256(entries[path]) !== hash) mismatches.push(`${path}: mã SHA-256 không khớp`);
  }
  for (const n of names) if (n !== SUMS && !listed.has(n)) mismatches.push(`${n}: không có trong ${SUMS}`);
  if (entries[AUDIT_JSONL]) {
    for (const line of strFromU8(entries[AUDIT_JSONL]).split('\n').filter(Boolean)) {
      try {
        const e = JSON.parse(line) as ChainedEvent;
        if (hashEvent(e) !== e.hash) mismatches.push(`${AUDIT_JSONL}: sự kiện số ${e.seq} không khớp mã băm của nó`);
      } catch { mismatches.push(`${AUDIT_JSONL}: dòng không đọc được`); }
    }
  }
  return { ok: mismatches.length === 0, files: names.filter((n) => n !== SUMS).length, mismatches };
}
