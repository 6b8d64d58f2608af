// The importer against the seeds' expected drafts (written by hand in fixtures/import/expected),
// against variants of the genre, and against 2,000 mutated documents.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftFromText, toCliJson } from './draft.ts';
import { mutateDocument, type Mutation } from './mutate.ts';
import { splitUnits } from './units.ts';

const seed = (n: string) => readFileSync(new URL(`../../fixtures/import/seed-${n}.txt`, import.meta.url), 'utf8');
const expected = (n: string) => JSON.parse(readFileSync(new URL(`../../fixtures/import/expected/seed-${n}.json`, import.meta.url), 'utf8'));
const FIELDS = ['section', 'no', 'title', 'lead', 'coordinators', 'deadline_text', 'product', 'note'] as const;
const asMultiset = (xs: string[]) => [...xs].sort();

describe.each(['000', '003', '004'])('seed %s', (n) => {
  const got = toCliJson(draftFromText(seed(n)).draft);
  const want = expected(n);

  it('reads every task of the appendix, field by field', () => {
    expect(got.tasks.length).toBe(want.tasks.length);
    want.tasks.forEach((w: Record<string, unknown>, i: number) => {
      for (const f of FIELDS) expect({ task: `${w.section}.${w.no}`, [f]: got.tasks[i][f] }).toEqual({ task: `${w.section}.${w.no}`, [f]: w[f] });
    });
  });

  it('reads the header', () => {
    for (const f of ['number', 'date', 'title', 'signer', 'replaces'] as const) expect(got.header[f]).toEqual(want.header[f]);
    expect(got.header.legal_bases).toEqual(want.header.legal_bases.map((b: string) => b.trim()));
  });

  it('finds every target and reporting duty, and nothing else', () => {
    const t = (x: { value: number; comparator: string; text: string }) => `${x.value}${x.comparator} ${x.text.replace(/\*/g, '').slice(0, 40)}`;
    expect(asMultiset(got.targets.map(t))).toEqual(asMultiset(want.targets.map(t)));
    const r = (x: { frequency: string; due: string[] }) => `${x.frequency} ${x.due.join(',')}`;
    expect(asMultiset(got.reporting.map(r))).toEqual(asMultiset(want.reporting.map(r)));
  });

  it('lists the contradictions of the document itself', () => {
    expect(got.findings.map((f) => f.code).sort()).toEqual(want.findings.map((f: { code: string }) => f.code).sort());
    for (const f of got.findings) expect(f.message).toMatch(/\p{L}/u);
  });
});

describe('seed 004 findings', () => {
  const { findings } = toCliJson(draftFromText(seed('004')).draft);
  it('names the places', () => {
    expect(findings.find((f) => f.code === 'conflicting_report_due')!.where.join(' ')).toMatch(/I\.2/);
    expect(findings.find((f) => f.code === 'conflicting_target')!.where.join(' ')).toMatch(/III\.10.*VII\.2/);
    expect(findings.filter((f) => f.code === 'swapped_columns').map((f) => f.where.join(' '))).toEqual([expect.stringMatching(/II\.4/), expect.stringMatching(/II\.5/)]);
  });
});

describe('seed 001 (OCR, no table)', () => {
  const { draft } = draftFromText(seed('001'));
  it('reads the header through the broken letters', () => {
    expect(draft.header).toMatchObject({ issuer: 'SỞ Y TẾ', number: '3764/KH-SYT', date: '2025-07-23' });
    expect(draft.header.title).toMatch(/^Tri\S+n khai Phong tr\S+o thi /u);
  });
  it('takes tasks from each unit’s duties and the yearly report', () => {
    expect(draft.tasks).toHaveLength(expected('001').prose_tasks.length);
    expect(draft.tasks.every((t) => t.lead.length === 1)).toBe(true);
    expect(draft.reporting.map((r) => `${r.frequency} ${r.due}`)).toContain('annual 11-30');
  });
});

describe('variants of the genre', () => {
  it('reads a markdown table with other column names and order, section rows repeated across merged cells', () => {
    const text = [
      'KẾ HOẠCH', 'Phòng chống dịch năm 2027', '',
      '| TT | Nội dung nhiệm vụ/công việc | Thời hạn | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả/sản phẩm |',
      '|---|---|---|---|---|---|',
      '| A | GIÁM SÁT | GIÁM SÁT | GIÁM SÁT | GIÁM SÁT | GIÁM SÁT |',
      '| 1 | Giám sát ca bệnh | Hằng tháng | Trung tâm Kiểm soát bệnh tật | Các TTYT | Báo cáo |',
      '| 2 | Diễn tập đáp ứng | Quý II/2027 | P.NVY | Sở Tài chính | Kịch bản |',
    ].join('\n');
    const { tasks, sections, header } = draftFromText(text).draft;
    expect(header.title).toBe('Phòng chống dịch năm 2027');
    expect(sections.map((s) => s.code)).toEqual(['A']);
    expect(tasks.map((t) => [t.section, t.no, t.deadlineText, t.lead, t.coordinators, t.product])).toEqual([
      ['A', '1', 'Hằng tháng', ['Trung tâm Kiểm soát bệnh tật'], ['Các TTYT'], 'Báo cáo'],
      ['A', '2', 'Quý II/2027', ['P.NVY'], ['Sở Tài chính'], 'Kịch bản'],
    ]);
  });

  it('reads a header block, a two-row column header ("Đơn vị thực hiện" over "Chủ trì | Phối hợp"), lettered sections and sub-tasks', () => {
    const text = [
      'UBND TỈNH NGHỆ AN', 'SỞ Y TẾ', 'Số: 1234/KH-SYT', '', 'Nghệ An, ngày 05 tháng 02 năm 2027', '', 'KẾ HOẠCH', 'Phòng, chống dịch bệnh truyền nhiễm năm 2027', '',
      'Căn cứ Quyết định số 99/QĐ-BYT ngày 01/01/2027 của Bộ Y tế;', '', 'I. MỤC TIÊU', '',
      '- Tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi đạt trên 95%.', '- Tỷ lệ mắc sốt xuất huyết giảm 10% so với năm 2026.', '- Tỷ lệ tử vong do sốt xuất huyết dưới 0,09%.', '',
      'PHỤ LỤC', 'TT\tNội dung hoạt động\tĐơn vị thực hiện\t\tThời gian thực hiện\tKết quả dự kiến', '\t\tChủ trì\tPhối hợp\t\t',
      'A\tGIÁM SÁT\t\t\t\t', '1\tGiám sát trọng điểm sốt xuất huyết\tCDC\tTTYT các huyện\tHằng tháng\tBáo cáo giám sát',
      '1.1\tLấy mẫu huyết thanh\tCDC\t\tQuý I, II/2027\tMẫu xét nghiệm', '2\tGiao ban dịch\tPhòng NVY\tCDC; BVĐK tỉnh\tThứ Hai hằng tuần\tBiên bản',
      'B\tTRUYỀN THÔNG\t\t\t\t', '1\tTruyền thông phòng chống dịch\tTrung tâm Truyền thông GDSK\tĐài PT-TH tỉnh\tTháng 4-10/2027\tTin bài', '',
      'Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', 'Nguyễn Văn An',
    ].join('\n');
    const { draft } = draftFromText(text);
    expect(draft.header).toMatchObject({
      parentBody: 'UBND TỈNH NGHỆ AN', issuer: 'SỞ Y TẾ', number: '1234/KH-SYT', place: 'Nghệ An', date: '2027-02-05', year: 2027,
      signer: 'Nguyễn Văn An', signerTitle: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC', recipients: ['Như trên', 'Lưu: VT'],
    });
    expect(draft.tasks.map((t) => [t.section, t.no, t.lead, t.coordinators, t.deadlineText])).toEqual([
      ['A', '1', ['CDC'], ['TTYT các huyện'], 'Hằng tháng'],
      ['A', '1.1', ['CDC'], [], 'Quý I, II/2027'],
      ['A', '2', ['Phòng NVY'], ['CDC', 'BVĐK tỉnh'], 'Thứ Hai hằng tuần'],
      ['B', '1', ['Trung tâm Truyền thông GDSK'], ['Đài PT-TH tỉnh'], 'Tháng 4-10/2027'],
    ]);
    expect(draft.targets.map((t) => [t.comparator, t.value])).toEqual([['>=', 95], ['>=', 10], ['<=', 0.09]]);
    expect(draft.findings).toEqual([]);
  });

  it('reads tasks from prose when there is no table', () => {
    const text = [
      'KẾ HOẠCH', 'Tiêm chủng mở rộng năm 2026', '',
      'II. NỘI DUNG', '',
      'Rà soát đối tượng tiêm chủng trên địa bàn, hoàn thành trước ngày 30/6/2026 (Giao Trung tâm Kiểm soát bệnh tật chủ trì, phối hợp với các Trạm Y tế xã)', '',
      'III. TỔ CHỨC THỰC HIỆN', '',
      '1. Phòng Nghiệp vụ Y:', '- Hướng dẫn chuyên môn cho các đơn vị;', '- Kiểm tra, giám sát việc thực hiện.', '',
      '2. Giao Văn phòng Sở chủ trì tổng hợp, theo dõi, báo cáo kết quả thực hiện Kế hoạch về Bộ Y tế.',
    ].join('\n');
    const { tasks, warnings } = draftFromText(text).draft;
    expect(warnings).toEqual([]);
    expect(tasks.map((t) => [t.no, t.lead, t.coordinators])).toEqual([
      ['1', ['Trung tâm Kiểm soát bệnh tật'], ['các Trạm Y tế xã']],
      ['1.1', ['Phòng Nghiệp vụ Y'], []],
      ['1.2', ['Phòng Nghiệp vụ Y'], []],
      ['2', ['Văn phòng Sở'], []],
    ]);
    expect(tasks[0].deadlineText).toBe('trước ngày 30/6/2026');
  });

  it('warns about a document with no table and no assigned tasks, and a table with no recognisable header', () => {
    expect(draftFromText('Một đoạn văn bản bất kỳ.').draft.warnings.join(' ')).toMatch(/Không tìm thấy bảng nhiệm vụ/);
    expect(draftFromText('A\tB\tC\n1\t2\t3\n4\t5\t6').draft.warnings.join(' ')).toMatch(/không nhận ra dòng tiêu đề cột/);
  });

  it('flags a missing lead, numbering slips and a deadline outside the plan year', () => {
    const text = ['KẾ HOẠCH', 'Công tác y tế năm 2026', '', 'STT\tNội dung\tChủ trì\tPhối hợp\tThời gian\tSản phẩm',
      '1\tViệc một\tPhòng A\t\tQuý I/2026\tBáo cáo', '3\tViệc ba\t\t\tTháng 5/2027\tBáo cáo', '3\tViệc ba lặp\tPhòng B\t\tThường xuyên\t'].join('\n');
    const codes = draftFromText(text).draft.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['missing_lead', 'numbering', 'deadline_outside_period']));
    expect(codes.filter((c) => c === 'numbering')).toHaveLength(2);
  });
});

describe('splitting unit cells', () => {
  it.each([
    ['Phòng Tổ chức cán bộ, Phòng Kế hoạch - Tài chính, Văn phòng Sở, các phòng thuộc Sở', ['Phòng Tổ chức cán bộ', 'Phòng Kế hoạch - Tài chính', 'Văn phòng Sở', 'các phòng thuộc Sở'], []],
    ['- Các phòng chuyên môn, đơn vị trực thuộc; - Bệnh viện Quân dân y', ['Các phòng chuyên môn', 'đơn vị trực thuộc', 'Bệnh viện Quân dân y'], []],
    ['- Văn phòng Sở - Các đơn vị trực thuộc', ['Văn phòng Sở', 'Các đơn vị trực thuộc'], []],
    ['Phòng TCHC phối hợp Sở Nội vụ', ['Phòng TCHC'], ['Sở Nội vụ']],
    ['Phòng Tổ chức - Hành chính (đầu mối)', ['Phòng Tổ chức - Hành chính (đầu mối)'], []],
  ])('%s', (cell, names, also) => expect(splitUnits(cell)).toEqual({ names, also }));
});

describe('robustness', () => {
  const sources = ['000', '001', '003', '004'].map(seed);
  it('reads 2,000 mutated seed documents without a crash, none over 2 s', () => {
    let slowest = 0;
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 3 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat(), fc.nat()), { maxLength: 12 }),
      (which, ops) => {
        const started = performance.now();
        const { draft } = draftFromText(mutateDocument(sources[which], ops as Mutation[]));
        toCliJson(draft);
        slowest = Math.max(slowest, performance.now() - started);
        expect(slowest).toBeLessThan(2000);
      },
    ), { numRuns: 2000, seed: 4 });
  }, 120_000);
});

// Plans written the way other provinces write them (fixtures/import/variants, expected drafts written by hand):
// other column names and orders, two-row headers, web tables, plans without a table, every kind of contradiction.
describe.each(['v1-quangninh-tiemchung', 'v2-thanhhoa-attp', 'v3-lamdong-cds-markdown', 'v4-nghean-kcb-prose', 'v5-daklak-danso-prose', 'v6-cantho-ytcs-contradictions'])('variant %s', (name) => {
  const dir = new URL('../../fixtures/import/variants/', import.meta.url);
  const got = toCliJson(draftFromText(readFileSync(new URL(`${name}.txt`, dir), 'utf8')).draft);
  const want = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8'));
  const task = (t: Record<string, unknown>) => JSON.stringify([t.section, t.no, t.title, t.lead, t.coordinators]);

  it('reads every task with its units', () => expect(got.tasks.map(task)).toEqual(want.tasks.map(task)));
  it('reads the header', () => {
    for (const f of ['issuer', 'number', 'date', 'title', 'signer'] as const) expect(got.header[f]).toEqual(want.header[f]);
  });
  it('finds the targets, reporting duties and contradictions', () => {
    const t = (x: { value: number; comparator: string }) => `${x.comparator}${x.value}`;
    expect(asMultiset(got.targets.map(t))).toEqual(asMultiset(want.targets.map(t)));
    const r = (x: { frequency: string; due: string[] }) => `${x.frequency} ${x.due.join(',')}`;
    expect(asMultiset(got.reporting.map(r))).toEqual(asMultiset(want.reporting.map(r)));
    expect(asMultiset(got.findings.map((f) => f.code))).toEqual(asMultiset(want.findings.map((f: { code: string }) => f.code)));
  });
});
