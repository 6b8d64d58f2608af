// A paying unit's monthly list: drafted from the engine, reviewed by IT (exclude or add a person with a written
// reason), proposed, returned or approved by HR, paid by finance. Approved lists are locked (also by a trigger,
// migration 0011); what changes later about a paid month becomes an adjustment line of the next list drafted.
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { adjustments, type DueLine, type PaidLine } from '../../../core/allowance/adjust.ts';
import { decide, policyFor } from '../../../core/allowance/engine.ts';
import type { Category, Decision } from '../../../core/allowance/types.ts';
import { CATEGORY_LABELS } from '../../../core/allowance/types.ts';
import { todayInVietnam } from '../../../core/schedule/dates.ts';
import { formatViNumber } from '../../../core/text/vietnamese.ts';
import type { Tx } from '../../db/client.ts';
import { allowanceLines, allowanceListEvents, allowanceLists } from '../../db/schema/index.ts';
import { errors } from '../../http/errors.ts';
import type { Mutation } from '../../http/request.ts';
import type { PersonRow } from '../org/queries.ts';
import { engineInputs, payerOf, peopleOf, personMonth, requireDuty, type EngineInputs, type Payer } from './context.ts';
import { monthLabel, touchList, lockedList } from './list-steps.ts';

type LineInsert = typeof allowanceLines.$inferInsert;
type LineRow = typeof allowanceLines.$inferSelect;
export type ListRow = typeof allowanceLists.$inferSelect;

const FIRST_MONTH = '2000-01';

/** Draft (or redraft) the list of a paying unit for a month from the engine, keeping the people's decisions. */
export async function generateList(m: Mutation, unitId: string, month: string, at: Date) {
  const today = todayInVietnam(at);
  const payer = await payerOf(m.tx, m.user, unitId);
  requireDuty(m.user, 'prepare', payer);
  if (month > today.slice(0, 7)) throw errors.field('month', `Chưa đến tháng ${monthLabel(month)}: danh sách lập trong hoặc sau tháng hưởng.`);
  const earlier = await m.tx.select({ month: allowanceLists.month }).from(allowanceLists)
    .where(and(eq(allowanceLists.unitId, unitId), lt(allowanceLists.month, month), inArray(allowanceLists.status, ['draft', 'proposed', 'returned']))).orderBy(asc(allowanceLists.month));
  if (earlier.length) throw errors.field('month', `Danh sách tháng ${monthLabel(earlier[0].month)} chưa được duyệt; duyệt xong tháng trước rồi mới lập tháng sau, để không truy lĩnh hoặc thu hồi hai lần.`);

  const staff = await peopleOf(m.tx, payer);
  const inputs = await engineInputs(m.tx, staff.map((p) => p.id), FIRST_MONTH, month);
  const policy = policyFor(inputs.policies, month);
  if (!policy) throw errors.field('month', `Tháng ${monthLabel(month)} chưa có chính sách hỗ trợ áp dụng.`);

  let [list] = await m.tx.select().from(allowanceLists).where(and(eq(allowanceLists.unitId, unitId), eq(allowanceLists.month, month))).for('update');
  if (list && lockedList(list)) throw errors.conflict(`Danh sách tháng ${monthLabel(month)} đã ${list.status === 'paid' ? 'chi trả' : 'duyệt'} và đã khóa; điều chỉnh bằng dòng truy lĩnh hoặc thu hồi ở danh sách tháng sau.`);
  const previous = list ? await m.tx.select().from(allowanceLines).where(eq(allowanceLines.listId, list.id)) : [];
  if (!list) [list] = await m.tx.insert(allowanceLists).values({ tenantId: m.tenantId, unitId, month, policyId: policy.id }).returning();
  else await m.tx.delete(allowanceLines).where(eq(allowanceLines.listId, list.id));

  const regular = regularLines(payer, staff, inputs, month, list.id, m.tenantId);
  const adjusting = await adjustmentLines(m.tx, payer, staff, inputs, month, list.id, m.tenantId);
  const lines = keepDecisions([...regular, ...adjusting], previous);
  if (lines.length) await m.tx.insert(allowanceLines).values(lines);
  const updated = await touchList(m.tx, list, { policyId: policy.id, status: list.status, updatedAt: at });
  const total = lines.filter((l) => l.included).reduce((s, l) => s + l.amount, 0);
  const comment = `${regular.filter((l) => l.included).length} người hưởng, ${adjusting.length} dòng điều chỉnh, tổng ${formatViNumber(total)} đồng`;
  await m.tx.insert(allowanceListEvents).values({ tenantId: m.tenantId, listId: list.id, action: previous.length ? 'regenerate' : 'generate', comment, actorId: m.user.id, actorName: m.user.displayName, createdAt: at });
  await m.audit({ action: 'allowance.list.generate', entityType: 'allowance_list', entityId: list.id, summary: `Lập danh sách hỗ trợ tháng ${monthLabel(month)} của ${payer.unit.name}: ${comment}`, after: { lines: lines.length, total } });
  return updated;
}

function lineFrom(base: { listId: string; tenantId: string; person: PersonRow; unitName: string }, d: Decision, kind: 'regular' | 'adjustment', inputs: EngineInputs): LineInsert {
  const assignment = (inputs.assignments.get(base.person.id) ?? []).find((a) => a.id === d.assignmentId);
  return {
    tenantId: base.tenantId, listId: base.listId, personId: base.person.id, kind, forMonth: d.month,
    personName: base.person.fullName, personTitle: base.person.title, unitName: base.unitName,
    assignmentId: d.assignmentId, decisionNo: assignment?.decisionNo ?? '', category: d.category,
    rating: inputs.ratings.get(`${base.person.id}|${d.month}`) ?? null, rate: d.rate, daysCovered: d.daysCovered, daysInMonth: d.daysInMonth,
    amount: d.eligible ? d.amount : 0, engineEligible: d.eligible, reasons: d.reasons, included: d.eligible, manualReason: '', note: '',
  };
}

/** Everyone holding an assignment that touches the month, eligible or not, so IT sees why someone is left out. */
function regularLines(payer: Payer, staff: PersonRow[], inputs: EngineInputs, month: string, listId: string, tenantId: string): LineInsert[] {
  const start = `${month}-01`;
  const end = `${month}-31`;
  return staff.filter((p) => (inputs.assignments.get(p.id) ?? []).some((a) => a.startOn <= end && (a.stoppedOn ?? a.endOn ?? '9999') >= start))
    .map((p) => lineFrom({ listId, tenantId, person: p, unitName: payer.units.get(p.unitId)?.name ?? '' }, decide(personMonth(inputs, p, month)), 'regular', inputs));
}

/**
 * For every earlier month whose list was approved: what is due now (the engine on today's records, or the
 * people's recorded decision on that month's line) against what was paid (all approved lines for that month,
 * earlier adjustments included). A difference is a back-payment or a recovery.
 */
async function adjustmentLines(tx: Tx, payer: Payer, staff: PersonRow[], inputs: EngineInputs, month: string, listId: string, tenantId: string): Promise<LineInsert[]> {
  const past = await tx.select({ line: allowanceLines, listMonth: allowanceLists.month }).from(allowanceLines)
    .innerJoin(allowanceLists, eq(allowanceLists.id, allowanceLines.listId))
    .where(and(eq(allowanceLists.unitId, payer.unit.id), lt(allowanceLists.month, month), inArray(allowanceLists.status, ['approved', 'paid'])));
  const approvedMonths = [...new Set((await tx.select({ month: allowanceLists.month }).from(allowanceLists)
    .where(and(eq(allowanceLists.unitId, payer.unit.id), lt(allowanceLists.month, month), inArray(allowanceLists.status, ['approved', 'paid'])))).map((r) => r.month))];
  if (approvedMonths.length === 0) return [];
  const paid: PaidLine[] = past.filter((r) => r.line.included).map((r) => ({ personId: r.line.personId, month: r.line.forMonth, amount: r.line.amount }));
  const regularOf = new Map(past.filter((r) => r.line.kind === 'regular').map((r) => [`${r.line.personId}|${r.line.forMonth}`, r.line]));
  const byId = new Map(staff.map((p) => [p.id, p]));
  const due: DueLine[] = [];
  const decisions = new Map<string, Decision>();
  for (const m of approvedMonths) {
    for (const p of staff) {
      const d = decide(personMonth(inputs, p, m));
      decisions.set(`${p.id}|${m}`, d);
      const line = regularOf.get(`${p.id}|${m}`);
      // A person's own decision on that month's list (excluded or added with a reason) stands; the engine decides the rest.
      const amount = line && line.manualReason ? (line.included ? line.amount : 0) : d.eligible ? d.amount : 0;
      if (amount !== 0 || line) due.push({ personId: p.id, month: m, amount });
    }
  }
  return adjustments(paid, due).filter((a) => byId.has(a.personId)).map((a) => {
    const person = byId.get(a.personId)!;
    const d = decisions.get(`${a.personId}|${a.month}`)!;
    const line = lineFrom({ listId, tenantId, person, unitName: payer.units.get(person.unitId)?.name ?? '' }, d, 'adjustment', inputs);
    const what = a.delta > 0 ? 'Truy lĩnh' : 'Thu hồi';
    return { ...line, amount: a.delta, included: true, note: `${what} tháng ${monthLabel(a.month)}: đã chi ${formatViNumber(a.paid)} đồng, nay xác định ${formatViNumber(a.due)} đồng` };
  });
}

/** A redraft keeps what the people decided on the previous draft: exclusions and additions with their reasons. */
function keepDecisions(lines: LineInsert[], previous: LineRow[]): LineInsert[] {
  const before = new Map(previous.filter((l) => l.manualReason).map((l) => [`${l.personId}|${l.kind}|${l.forMonth}`, l]));
  const out = lines.map((l) => {
    const p = before.get(`${l.personId}|${l.kind}|${l.forMonth}`);
    if (!p) return l;
    before.delete(`${l.personId}|${l.kind}|${l.forMonth}`);
    return { ...l, included: p.included, manualReason: p.manualReason, amount: p.included && !l.engineEligible ? p.amount : l.amount };
  });
  // People added by hand whom the engine no longer lists at all stay on the list as added.
  for (const p of before.values()) if (p.included && p.kind === 'regular') out.push({ ...p, id: undefined, createdAt: undefined });
  return out;
}

/** IT takes a person off the list, or puts one back, with a written reason when it overrules the engine. */
export async function setLine(m: Mutation, listId: string, lineId: string, input: { version: number; included: boolean; reason?: string }, at: Date) {
  const list = await editableList(m, listId, input.version);
  const [line] = await m.tx.select().from(allowanceLines).where(and(eq(allowanceLines.id, lineId), eq(allowanceLines.listId, listId)));
  if (!line) throw errors.notFound('dòng danh sách');
  if (line.kind === 'adjustment') throw errors.field('included', 'Dòng truy lĩnh, thu hồi do kehoach tính từ các tháng đã chi; sửa hồ sơ gốc rồi lập lại danh sách.');
  const reason = (input.reason ?? '').trim();
  const overrules = input.included !== line.engineEligible;
  if (overrules && !reason) throw errors.field('reason', input.included ? 'Nêu lý do đưa cán bộ không đủ điều kiện theo hồ sơ vào danh sách.' : 'Nêu lý do đưa cán bộ ra khỏi danh sách.');
  if (input.included && !line.engineEligible && !line.category) throw errors.field('included', 'Cán bộ chưa có quyết định phân công; dùng “Bổ sung cán bộ” để chọn hình thức thực hiện.');
  const amount = input.included ? (line.engineEligible ? line.amount : line.rate) : line.amount;
  await m.tx.update(allowanceLines).set({ included: input.included, manualReason: overrules ? reason : '', amount }).where(eq(allowanceLines.id, lineId));
  const comment = `${input.included ? 'Đưa vào' : 'Đưa ra'}: ${line.personName}${reason ? ` — ${reason}` : ''}`;
  return touchWithEvent(m, list, input.included ? 'include' : 'exclude', comment, at);
}

/** IT adds a person the engine did not list, at the policy's full monthly rate for the chosen category. */
export async function addLine(m: Mutation, listId: string, input: { version: number; personId: string; category: Category; reason: string }, at: Date) {
  const list = await editableList(m, listId, input.version);
  const payer = await payerOf(m.tx, m.user, list.unitId);
  const staff = await peopleOf(m.tx, payer);
  const person = staff.find((p) => p.id === input.personId);
  if (!person) throw errors.field('personId', `Cán bộ không thuộc ${payer.unit.name}.`);
  const [existing] = await m.tx.select().from(allowanceLines).where(and(eq(allowanceLines.listId, listId), eq(allowanceLines.personId, person.id), eq(allowanceLines.kind, 'regular')));
  if (existing) throw errors.field('personId', `${person.fullName} đã có trong danh sách; đánh dấu “Có trong danh sách” ở dòng của cán bộ.`);
  const inputs = await engineInputs(m.tx, [person.id], list.month, list.month);
  const d = decide(personMonth(inputs, person, list.month));
  const policy = policyFor(inputs.policies, list.month)!;
  const rate = policy.rates[input.category];
  const line = lineFrom({ listId, tenantId: m.tenantId, person, unitName: payer.units.get(person.unitId)?.name ?? '' }, d, 'regular', inputs);
  await m.tx.insert(allowanceLines).values({ ...line, category: input.category, rate, amount: rate, included: true, manualReason: input.reason.trim() });
  return touchWithEvent(m, list, 'add', `Bổ sung: ${person.fullName} (${CATEGORY_LABELS[input.category]}, ${formatViNumber(rate)} đồng) — ${input.reason.trim()}`, at);
}

async function editableList(m: Mutation, listId: string, version: number): Promise<ListRow> {
  const [list] = await m.tx.select().from(allowanceLists).where(eq(allowanceLists.id, listId)).for('update');
  if (!list) throw errors.notFound('danh sách hỗ trợ');
  const payer = await payerOf(m.tx, m.user, list.unitId);
  requireDuty(m.user, 'prepare', payer);
  if (lockedList(list)) throw errors.conflict('Danh sách đã duyệt và đã khóa; điều chỉnh bằng dòng truy lĩnh hoặc thu hồi ở danh sách tháng sau.');
  if (list.status === 'proposed') throw errors.conflict('Danh sách đang chờ duyệt; chỉ sửa được khi bị trả lại.');
  if (list.version !== version) throw errors.conflict('Danh sách vừa được người khác thay đổi; tải lại trang để xem bản mới nhất.');
  return list;
}

async function touchWithEvent(m: Mutation, list: ListRow, action: string, comment: string, at: Date) {
  const updated = await touchList(m.tx, list, { status: list.status, updatedAt: at });
  await m.tx.insert(allowanceListEvents).values({ tenantId: m.tenantId, listId: list.id, action, comment, actorId: m.user.id, actorName: m.user.displayName, createdAt: at });
  await m.audit({ action: `allowance.list.${action}`, entityType: 'allowance_list', entityId: list.id, summary: `Danh sách tháng ${monthLabel(list.month)}: ${comment}` });
  return updated;
}

export const listTotals = (tx: Tx, listIds: string[]) => listIds.length === 0 ? Promise.resolve([]) : tx.select({
  listId: allowanceLines.listId,
  people: sql<number>`count(DISTINCT ${allowanceLines.personId}) FILTER (WHERE ${allowanceLines.included} AND ${allowanceLines.kind} = 'regular')`.mapWith(Number),
  regular: sql<number>`coalesce(sum(${allowanceLines.amount}) FILTER (WHERE ${allowanceLines.included} AND ${allowanceLines.kind} = 'regular'), 0)`.mapWith(Number),
  adjustments: sql<number>`coalesce(sum(${allowanceLines.amount}) FILTER (WHERE ${allowanceLines.included} AND ${allowanceLines.kind} = 'adjustment'), 0)`.mapWith(Number),
}).from(allowanceLines).where(inArray(allowanceLines.listId, listIds)).groupBy(allowanceLines.listId);
