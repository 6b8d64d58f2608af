// Monthly report schedules owed by every subordinate unit, each on a form of its own, with the units'
// reports of the months before the current one: as many months as make up the scale's number of reports
// (9 at province scale: 10 × 240 × 9 = 21,600). Older months are approved; of the last one most are, some
// await review and a few were returned. The current month's reports are not there: the surge sends them.
import { sql, type SQL } from 'drizzle-orm';
import { periodOf, type ScheduleRule } from '../../core/reports/periods.ts';
import type { TemplateDef } from '../../core/reports/template.ts';
import { checkTemplate } from '../../core/reports/validate.ts';
import type { Tx } from '../../server/db/client.ts';
import type { BenchTenant } from './org.ts';
import { exec, hash, json, lit, words } from './sql.ts';
import { REPORT_DIFFICULTIES, REPORT_RESULTS, REPORT_TOPICS } from './words.ts';

const RULE: ScheduleRule = { periodType: 'month', dueRule: { kind: 'dayOfNextMonth', day: 5 }, graceDays: 0, lockDays: 30 };

/** The form: the unit's task counts (pre-filled by kehoach), its staff on the work, and the usual assessment. */
const DEFINITION: TemplateDef = {
  sections: [
    {
      key: 'tasks', title: 'Tình hình thực hiện nhiệm vụ trong tháng',
      fields: [
        { key: 'tasksDue', label: 'Số nhiệm vụ đến hạn trong tháng', type: 'number', suffix: 'nhiệm vụ', prefill: 'tasks.due' },
        { key: 'tasksDone', label: 'Số nhiệm vụ đã hoàn thành', type: 'number', suffix: 'nhiệm vụ', prefill: 'tasks.done' },
        { key: 'tasksDoneLate', label: 'Trong đó hoàn thành quá hạn', type: 'number', suffix: 'nhiệm vụ', prefill: 'tasks.doneLate' },
        { key: 'tasksOverdue', label: 'Số nhiệm vụ quá hạn chưa hoàn thành', type: 'number', suffix: 'nhiệm vụ', prefill: 'tasks.overdue' },
        { key: 'staff', label: 'Số cán bộ tham gia thực hiện', type: 'number', suffix: 'người', required: true },
      ],
    },
    {
      key: 'assessment', title: 'Đánh giá chung',
      fields: [
        { key: 'result', label: 'Kết quả đạt được', type: 'text', required: true },
        { key: 'difficulties', label: 'Tồn tại, khó khăn, vướng mắc', type: 'text' },
        { key: 'proposals', label: 'Kiến nghị, đề xuất', type: 'text' },
      ],
    },
  ],
  rules: [
    { kind: 'compare', left: 'tasksDone', op: '<=', right: 'tasksDue', message: 'Số nhiệm vụ đã hoàn thành không thể nhiều hơn số nhiệm vụ đến hạn' },
    { kind: 'compare', left: 'tasksDoneLate', op: '<=', right: 'tasksDone', message: 'Số nhiệm vụ hoàn thành quá hạn không thể nhiều hơn số nhiệm vụ đã hoàn thành' },
  ],
};

export async function insertReports(tx: Tx, t: BenchTenant, size: { schedules: number; submissions: number }, today: string): Promise<number> {
  const issues = checkTemplate(DEFINITION);
  if (issues.length) throw new Error(`Biểu mẫu đo tải không hợp lệ: ${issues.map((i) => i.message).join('; ')}`);
  const S = t.subs.length;
  const months = Math.max(1, Math.ceil(size.submissions / (size.schedules * S)));
  // The `months` months before the current one, oldest first.
  const [y, m] = today.split('-').map(Number);
  const periods = Array.from({ length: months }, (_, i) => {
    const back = months - i; // 1 = last month
    const k = y * 12 + (m - 1) - back;
    return periodOf(RULE, `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`)!;
  }).map((p, ord) => ({ ord, key: p.key, start: p.start, end: p.end, due: p.dueOn, latest: ord === months - 1 }));

  const staff = (login: string) => t.users.find((u) => u.role === 'division_staff' && u.unitId === t.divisions.find((d) => d.login === login)?.id);
  const schedules = Array.from({ length: size.schedules }, (_, i) => {
    const [topic, login] = REPORT_TOPICS[i % REPORT_TOPICS.length];
    const title = `Báo cáo tháng về ${topic}${i >= REPORT_TOPICS.length ? ` (${Math.floor(i / REPORT_TOPICS.length) + 1})` : ''}`;
    const owner = t.divisions.find((d) => d.login === login) ?? t.divisions[0];
    const reviewer = staff(owner.login);
    return { ord: i, id: crypto.randomUUID(), template_id: crypto.randomUUID(), title, owner_id: owner.id, reviewer_id: reviewer?.id ?? null, reviewer_name: reviewer?.displayName ?? owner.name };
  });
  await tx.execute(sql`CREATE TEMP TABLE b_sched ON COMMIT DROP AS SELECT * FROM jsonb_to_recordset(${json(schedules)})
    AS x(ord int, id uuid, template_id uuid, title text, owner_id uuid, reviewer_id uuid, reviewer_name text)`);
  await tx.execute(sql`CREATE TEMP TABLE b_rperiod ON COMMIT DROP AS SELECT * FROM jsonb_to_recordset(${json(periods)})
    AS x(ord int, key text, start date, "end" date, due date, latest boolean)`);
  await exec(tx, sql`INSERT INTO report_templates (id, tenant_id, name, description, definition)
    SELECT template_id, ${t.id}, 'Mẫu ' || lower(left(title, 1)) || substr(title, 2), 'Biểu mẫu báo cáo tháng của đơn vị trực thuộc gửi Sở Y tế.', ${json(DEFINITION)} FROM b_sched`);
  await exec(tx, sql`INSERT INTO report_schedules (id, tenant_id, template_id, title, owner_unit_id, period_type, due_rule, grace_days, lock_days, assignee_mode, starts_on, created_by)
    SELECT id, ${t.id}, template_id, title, owner_id, ${RULE.periodType}, ${json(RULE.dueRule)}, ${RULE.graceDays}, ${RULE.lockDays}, 'subordinates', ${periods[0].start}::date, reviewer_id FROM b_sched`);

  // Each report carries the unit's task counts of the month, as the form's pre-fill (reports/queries.ts taskCounts) gives them.
  const T = sql`${today}::date`;
  const results = words(REPORT_RESULTS), difficulties = words(REPORT_DIFFICULTIES);
  const at = (date: SQL, hour: SQL) => sql`least(now() - interval '1 hour', ((${date}) + time '00:00' + (${hour}) * interval '1 hour' - interval '7 hours') AT TIME ZONE 'UTC')`;
  const counts = sql`jsonb_build_object('tasksDue', coalesce(c.due, 0), 'tasksDone', coalesce(c.done, 0), 'tasksDoneLate', coalesce(c.late, 0), 'tasksOverdue', coalesce(c.overdue, 0))`;
  const made = await exec(tx, sql`WITH c AS (
      SELECT o.unit_id, to_char(o.due_on, 'YYYY-MM') AS key, count(*)::int AS due, count(*) FILTER (WHERE o.completed_on IS NOT NULL)::int AS done,
        count(*) FILTER (WHERE o.completed_on > o.due_on)::int AS late, count(*) FILTER (WHERE o.completed_on IS NULL AND o.due_on < ${T})::int AS overdue
      FROM occurrences o JOIN plans p ON p.id = o.plan_id AND p.status IN ('active', 'closed')
      WHERE o.tenant_id = ${t.id} AND o.due_on BETWEEN ${periods[0].start}::date AND ${periods[months - 1].end}::date GROUP BY 1, 2)
    INSERT INTO report_submissions (tenant_id, schedule_id, template_id, unit_id, period_key, status, values, prefill, submitted_at, last_submitted_at,
      on_time, approved_at, approved_by, review_comment, version, created_at, updated_at)
    SELECT ${t.id}, s.id, s.template_id, u.id, p.key, f.status,
      ${counts} || jsonb_build_object('staff', 2 + x.h % 11, 'result', ${results.text(sql`x.h / 11`)}, 'difficulties', ${difficulties.text(sql`x.h / 101`)}, 'proposals', ''),
      ${counts}, f.sent, f.sent, f.sent_on <= p.due, CASE WHEN f.status = 'approved' THEN f.reviewed END, CASE WHEN f.status = 'approved' THEN s.reviewer_id END,
      CASE WHEN f.status = 'returned' THEN 'Đề nghị đơn vị bổ sung số liệu và giải trình các nhiệm vụ chưa hoàn thành.' ELSE '' END,
      CASE WHEN f.status = 'submitted' THEN 2 ELSE 3 END, f.sent - interval '1 day', CASE WHEN f.status = 'submitted' THEN f.sent ELSE f.reviewed END
    FROM b_sched s CROSS JOIN b_rperiod p CROSS JOIN b_unit u
    LEFT JOIN c ON c.unit_id = u.id AND c.key = p.key
    CROSS JOIN LATERAL (SELECT ${hash(sql`(${lit(t.no)}::bigint << 40) + (s.ord << 24) + (p.ord << 12) + u.ord`)} AS h) x
    CROSS JOIN LATERAL (SELECT CASE WHEN x.h % 100 < 85 THEN p.due - (x.h / 100 % 5)::int ELSE p.due + 1 + (x.h / 100 % 6)::int END AS sent_on) d
    CROSS JOIN LATERAL (SELECT d.sent_on, ${at(sql`d.sent_on`, sql`8 + x.h / 1000 % 9`)} AS sent, ${at(sql`d.sent_on + 1 + (x.h / 10000 % 3)::int`, sql`15`)} AS reviewed,
      CASE WHEN p.latest THEN (CASE WHEN x.h / 7 % 100 < 80 THEN 'approved' WHEN x.h / 7 % 100 < 95 THEN 'submitted' ELSE 'returned' END)
        WHEN x.h / 7 % 100 < 98 THEN 'approved' ELSE 'submitted' END AS status) f
    WHERE u.kind <> 'division'`);

  // Their history: saved, sent, then approved or returned by the owner division's reviewer.
  await exec(tx, sql`INSERT INTO report_submission_events (tenant_id, submission_id, action, comment, actor_id, actor_name, created_at)
    SELECT r.tenant_id, r.id, e.action, e.comment, e.actor_id, e.actor_name, e.at
    FROM report_submissions r JOIN b_unit u ON u.id = r.unit_id JOIN b_sched s ON s.id = r.schedule_id
    CROSS JOIN LATERAL (VALUES ('save', '', u.focal_id, u.focal_name, r.created_at), ('submit', '', u.focal_id, u.focal_name, r.submitted_at),
      (CASE r.status WHEN 'approved' THEN 'approve' WHEN 'returned' THEN 'return' END, r.review_comment, s.reviewer_id, s.reviewer_name, r.updated_at)) e(action, comment, actor_id, actor_name, at)
    WHERE r.tenant_id = ${t.id} AND e.action IS NOT NULL`);
  return made;
}
