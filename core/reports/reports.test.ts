import { describe, expect, it } from 'vitest';
import { draftConsolidation, formatNumber, subjectOf, type ConsolidationInput } from './consolidate.ts';
import { scheduleFromDuty } from './duty.ts';
import { NQ07_SEMIANNUAL, PLAN_PROGRESS, type TemplateDef } from './template.ts';
import { changePct, checkTemplate, checkValues } from './validate.ts';
import { completeness, editBlocked, nextStatus, reopenBlocked, reviewBlocked, sumCompleteness } from './workflow.ts';

const def = NQ07_SEMIANNUAL.definition;
const open = { periodLocked: false, exception: false };

describe('checking a unit’s report against its form', () => {
  it('accepts a draft with gaps, but not on submission, naming each missing field', () => {
    expect(checkValues(def, { beneficiaries: 3 }, { submit: false })).toEqual([]);
    const issues = checkValues(def, { beneficiaries: 3 }, { submit: true });
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['values.monthsPaid', 'values.results', 'values.difficulties']));
    expect(issues.map((i) => i.field)).not.toContain('values.proposals'); // optional
  });

  it('refuses negative numbers, fractional money, percentages over 100 and unknown fields', () => {
    const pct: TemplateDef = { sections: [{ key: 's', title: 'S', fields: [{ key: 'rate', label: 'Tỷ lệ', type: 'percent' }] }], rules: [] };
    expect(checkValues(def, { beneficiaries: -1 }, { submit: false })).toEqual([{ field: 'values.beneficiaries', message: '"Số lượng đối tượng hưởng hỗ trợ": không được âm' }]);
    expect(checkValues(def, { allowanceSpent: 1000.5 }, { submit: false })[0].message).toMatch(/số tiền nguyên/);
    expect(checkValues(pct, { rate: 100 }, { submit: false })).toEqual([]);
    expect(checkValues(pct, { rate: 100.1 }, { submit: false })[0].message).toMatch(/từ 0 đến 100%/);
    expect(checkValues(def, { bogus: 1 }, { submit: false })[0]).toEqual({ field: 'values.bogus', message: 'Biểu mẫu không có trường "bogus"' });
    expect(checkValues(def, { beneficiaries: 'mười' as never }, { submit: false })[0].message).toMatch(/phải là một số/);
  });

  it('applies the form’s rule months paid ≤ beneficiaries × 6 at its boundary', () => {
    expect(checkValues(def, { beneficiaries: 2, monthsPaid: 12 }, { submit: false })).toEqual([]);
    expect(checkValues(def, { beneficiaries: 2, monthsPaid: 13 }, { submit: false })).toEqual([{ field: 'values.monthsPaid', message: expect.stringMatching(/× 6/) }]);
  });

  it('checks each cell of a repeating table by row and column', () => {
    const issues = checkValues(def, { rewardList: [{ recipient: 'Tổ CNTT', task: 'BAĐT', amount: 5 }, { recipient: '', task: 'X', amount: -2 }] }, { submit: true });
    expect(issues.filter((i) => i.field.startsWith('values.rewardList'))).toEqual([
      { field: 'values.rewardList.1.recipient', message: '"Danh sách được xét thưởng", dòng 2: chưa nhập "Tập thể, cá nhân"' },
      { field: 'values.rewardList.1.amount', message: '"Danh sách được xét thưởng", dòng 2, cột "Số tiền thưởng (VND)": không được âm' },
    ]);
  });

  it('requires an explanation when a value moves more than the threshold from the previous period', () => {
    const full = { beneficiaries: 10, monthsPaid: 50, allowanceSpent: 100, tasksProposed: 0, tasksRewarded: 0, collectivesProposed: 0, collectivesRewarded: 0, individualsProposed: 0, individualsRewarded: 0, rewardSpent: 0, results: 'a', difficulties: 'b' };
    const previous = { beneficiaries: 7, allowanceSpent: 100 };
    expect(changePct(10, 7)).toBe(42.9);
    const issues = checkValues(def, full, { submit: true, previous, previousLabel: '6 tháng đầu năm 2026' });
    expect(issues).toEqual([{ field: 'explanations.beneficiaries', message: '"Số lượng đối tượng hưởng hỗ trợ" thay đổi 42,9% so với 6 tháng đầu năm 2026 (quá 30%): cần ghi giải thích' }]);
    expect(checkValues(def, full, { submit: true, previous, explanations: { beneficiaries: 'Bổ sung 3 người theo quyết định mới' } })).toEqual([]);
    expect(checkValues(def, { ...full, beneficiaries: 9 }, { submit: true, previous })).toEqual([]); // 28.6% is within 30%
  });
});

describe('checking a form a division builds', () => {
  it('accepts the built-in forms', () => {
    expect(checkTemplate(NQ07_SEMIANNUAL.definition)).toEqual([]);
    expect(checkTemplate(PLAN_PROGRESS.definition)).toEqual([]);
  });
  it('names duplicate keys, empty tables and rules over text fields', () => {
    const bad: TemplateDef = {
      sections: [{ key: 's', title: 'Phần 1', fields: [
        { key: 'a', label: 'A', type: 'number' }, { key: 'a', label: 'A2', type: 'number', prefill: 'tasks.bogus' as never }, { key: 'note', label: 'Ghi chú', type: 'text' }, { key: 'list', label: 'Danh sách', type: 'table', columns: [] },
      ] }],
      rules: [{ kind: 'compare', left: 'note', op: '<=', right: 'a', message: 'x' }],
    };
    expect(checkTemplate(bad).map((i) => i.field)).toEqual(['definition.sections.0.fields.1.key', 'definition.sections.0.fields.1.prefill', 'definition.sections.0.fields.3.columns', 'definition.rules.0.left']);
  });
});

describe('the workflow of one report', () => {
  it('lets the unit edit only a missing, draft, returned or reopened report, and only before the lock or with an exception', () => {
    expect(editBlocked('missing', open)).toBeNull();
    expect(editBlocked('returned', open)).toBeNull();
    expect(editBlocked('submitted', open)).toMatch(/chờ/);
    expect(editBlocked('approved', open)).toMatch(/khóa số liệu/);
    expect(editBlocked('draft', { periodLocked: true, exception: false })).toMatch(/Kỳ báo cáo đã khóa/);
    expect(editBlocked('draft', { periodLocked: true, exception: true })).toBeNull();
    expect(editBlocked('reopened', { periodLocked: true, exception: true })).toBeNull();
  });
  it('reviews only submitted reports, and reopens only approved ones or locked periods', () => {
    expect(reviewBlocked('submitted')).toBeNull();
    expect(reviewBlocked('draft')).not.toBeNull();
    expect(reopenBlocked('approved', open)).toBeNull();
    expect(reopenBlocked('missing', open)).toMatch(/chưa khóa/);
    expect(reopenBlocked('missing', { periodLocked: true, exception: false })).toBeNull();
    expect(reopenBlocked('draft', { periodLocked: true, exception: true })).toMatch(/đã được mở lại/);
    expect(nextStatus('approved', 'reopen')).toBe('reopened');
    expect(nextStatus('missing', 'save')).toBe('draft');
    expect(nextStatus('returned', 'save')).toBe('returned');
  });
  it('measures reporting rates as DHIS2 does: of those expected, sent, sent on time, approved', () => {
    const c = completeness([
      { state: 'approved', submitted: true, onTime: true }, { state: 'returned', submitted: true, onTime: false },
      { state: 'draft', submitted: false, onTime: null }, { state: 'missing', submitted: false, onTime: null },
    ]);
    expect(c).toEqual({ expected: 4, submitted: 2, onTime: 1, approved: 1, submittedRate: 50, onTimeRate: 25, approvedRate: 25 });
    expect(completeness([]).submittedRate).toBeNull();
    expect(sumCompleteness([c, c]).submittedRate).toBe(50);
  });
});

describe('the consolidated report', () => {
  const input: ConsolidationInput = {
    template: def, scheduleTitle: 'Báo cáo 6 tháng thực hiện Nghị quyết số 07/2026/NQ-HĐND', periodLabel: '6 tháng cuối năm 2026', planReference: 'Kế hoạch số 1/KH-SYT của Sở Y tế Hà Nội', issuer: 'Sở Y tế',
    reports: [
      { unitName: 'Bệnh viện A', values: { beneficiaries: 12, monthsPaid: 60, allowanceSpent: 1_500_000, results: 'Tốt.', rewardList: [{ recipient: 'Tổ 1', task: 'BAĐT', amount: 2_000_000 }] } },
      { unitName: 'Bệnh viện B', values: { beneficiaries: 3, monthsPaid: 18, allowanceSpent: 250_500, results: '' } },
    ],
    missing: ['Trung tâm C'], expected: 3,
  };
  it('sums numbers by unit, merges tables with a unit column, gathers texts under unit names and names the missing', () => {
    const { title, body } = draftConsolidation(input);
    expect(title).toBe('Kết quả thực hiện Nghị quyết số 07/2026/NQ-HĐND 6 tháng cuối năm 2026');
    const tables = body.blocks.filter((b) => b.type === 'table');
    expect(tables[0]).toMatchObject({ rows: [['1', 'Bệnh viện A', '12', '60', '1.500.000'], ['2', 'Bệnh viện B', '3', '18', '250.500']], total: ['', 'Tổng cộng', '15', '78', '1.750.500'] });
    expect(tables.find((t) => t.type === 'table' && t.columns.some((c) => c.title === 'Tập thể, cá nhân'))).toMatchObject({ rows: [['1', 'Bệnh viện A', 'Tổ 1', 'BAĐT', '2.000.000']] });
    const texts = body.blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
    expect(texts[0]).toBe('Thực hiện Kế hoạch số 1/KH-SYT của Sở Y tế Hà Nội, trên cơ sở báo cáo của 2/3 đơn vị, Sở Y tế báo cáo kết quả thực hiện Nghị quyết số 07/2026/NQ-HĐND 6 tháng cuối năm 2026 như sau:');
    expect(texts).toContain('- Bệnh viện A: Tốt.');
    expect(texts).not.toContain('- Bệnh viện B: ');
    expect(texts.at(-1)).toBe('Các đơn vị chưa có báo cáo được duyệt (1/3): Trung tâm C.');
  });
  it('says the period once in the title, by its label', () => {
    expect(subjectOf('Báo cáo kết quả thực hiện Kế hoạch 57', 'Quý III/2026')).toBe('Kết quả thực hiện Kế hoạch 57 quý III/2026');
    expect(subjectOf('Báo cáo định kỳ hằng quý công tác cải cách hành chính', 'Năm 2026')).toBe('Kết quả công tác cải cách hành chính năm 2026');
  });
  it('writes numbers the Vietnamese way', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(89.25)).toBe('89,3');
    expect(formatNumber(-5000)).toBe('-5.000');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('a plan’s reporting duty as a schedule', () => {
  const plan = { title: 'Cải cách hành chính năm 2026', periodStart: '2026-01-01', periodEnd: '2026-12-31' };
  it('keeps the dates the plan gives when they fit the period (seed 004: quarterly, before the 4th of the last month)', () => {
    expect(scheduleFromDuty({ frequency: 'quarterly', due: ['03-04', '06-04', '09-04', '12-04'] }, plan)).toEqual({
      title: 'Báo cáo hằng quý kết quả thực hiện cải cách hành chính năm 2026', periodType: 'quarter',
      dueRule: { kind: 'dates', dates: ['03-04', '06-04', '09-04', '12-04'] }, startsOn: '2026-01-01', endsOn: '2026-12-31',
    });
    expect(scheduleFromDuty({ frequency: 'semiannual', due: ['12-10', '06-10'] }, plan).dueRule).toEqual({ kind: 'dates', dates: ['06-10', '12-10'] });
    expect(scheduleFromDuty({ frequency: 'annual', due: ['11-30'] }, plan).dueRule).toEqual({ kind: 'dates', dates: ['11-30'] });
  });
  it('falls back to days after the period when the plan gives no usable dates', () => {
    expect(scheduleFromDuty({ frequency: 'monthly', due: [] }, plan).dueRule).toEqual({ kind: 'daysAfterEnd', days: 5 });
    expect(scheduleFromDuty({ frequency: 'quarterly', due: ['06-10', '12-10'] }, plan).dueRule).toEqual({ kind: 'daysAfterEnd', days: 10 });
    expect(scheduleFromDuty({ frequency: 'adhoc', due: [] }, plan).periodType).toBe('adhoc');
  });
  it('does not say "thực hiện" twice when the plan’s title begins with it', () => {
    expect(scheduleFromDuty({ frequency: 'annual', due: ['11-10'] }, { ...plan, title: 'Thực hiện Nghị quyết số 57-NQ/TW năm 2026' }).title)
      .toBe('Báo cáo năm kết quả thực hiện Nghị quyết số 57-NQ/TW năm 2026');
  });
});
