// The deadline parser against every deadline of the four seeds and the families they belong to.
import { describe, expect, it } from 'vitest';
import { normaliseSchedule, parseDeadline, validateSchedule } from './parse.ts';
import type { ScheduleKind } from './types.ts';

const ctx = { year: 2026, periodStart: '2026-01-01', periodEnd: '2026-12-31' };

type Row = [text: string, kind: ScheduleKind, value: string | null, extra?: Record<string, unknown>];

const SEED_000: Row[] = [
  ['Tháng 06/2026', 'month', '2026-06'],
  ['Sau khi Kế hoạch được ban hành', 'event', null, { event: { kind: 'plan_issued' } }],
  ['Theo chỉ đạo của Thành phố', 'directive', null, { authority: 'Thành phố' }],
  ['Theo chỉ đạo của Sở Y tế', 'directive', null, { authority: 'Sở Y tế' }],
  ['Hàng tháng', 'recurring', 'FREQ=MONTHLY'],
  ['Theo hướng dẫn của Sở Tài chính', 'directive', null, { authority: 'Sở Tài chính' }],
  ['Khi có hướng dẫn của Thành phố hoặc khi phát sinh hồ sơ', 'event', null, { event: { kind: 'guidance' }, authority: 'Thành phố', alternatives: ['khi phát sinh hồ sơ'] }],
  ['Theo đợt xét thưởng hoặc chỉ đạo của Thành phố', 'event', null, { event: { kind: 'other', label: 'Đợt xét thưởng' }, alternatives: ['chỉ đạo của Thành phố'] }],
  ['Thường xuyên hoặc theo kế hoạch kiểm tra', 'ongoing', null, { alternatives: ['theo kế hoạch kiểm tra'] }],
  ['Khi phát sinh', 'event', null, { event: { kind: 'arises' } }],
  ['Trước ngày 10/6 và 10/12 hằng năm', 'recurring', 'FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10'],
  ['Cuối năm hoặc theo yêu cầu', 'year', '2026', { alternatives: ['theo yêu cầu'] }],
  ['báo cáo định kỳ 6 tháng/lần, gửi về Sở Y tế trước ngày 10/6 và 10/12 hằng năm', 'recurring', 'FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10'],
];

const SEED_001: Row[] = [
  ['Dinh ky trudc ngay 30/11 hang nam', 'recurring', 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30'],
  ['truoc ngay 30/11 hang nam', 'recurring', 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30'],
  ['Định kỳ trước ngày 30/11 hằng năm', 'recurring', 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30'],
  ['cuoi nam 2027', 'year', '2027'],
  ['cudi nam 2027', 'year', '2027'],
  ['tu nam 2025 - 2030', 'year', '2025..2030'],
  ['Thoi gian trién khai thyc hién tir ndm 2025 dén nam 2030', 'year', '2025..2030'],
  ['tw 2025 - 2027', 'year', '2025..2027'],
  ['hang ndam', 'recurring', 'FREQ=YEARLY'],
  ['theo hudng dan ctia Thanh phé', 'directive', null, { authority: 'Thành phố' }],
  ['theo quy dinh cua S¢ Y té', 'directive', null, { authority: 'Sở Y tế' }],
];

const SEED_003: Row[] = [
  ['Thường xuyên', 'ongoing', null],
  ['Tháng 3', 'month', '2026-03'],
  ['Tháng 6', 'month', '2026-06'],
  ['Tháng 9', 'month', '2026-09'],
  ['Theo thời gian Bộ Y tế đã đăng ký trong triển khai xây dựng nền tảng số quốc gia', 'directive', null, { authority: 'Bộ Y tế' }],
  ['Trước 15/4/2026', 'date', '2026-04-15'],
  ['Quý II/2026', 'quarter', '2026-Q2'],
  ['Hoàn thành trong quý II/2026', 'quarter', '2026-Q2'],
  ['Hoàn thành trong tháng 3/2026', 'month', '2026-03'],
  ['trước ngày 25/5 và 10/11 (hoặc đột xuất khi có yêu cầu)', 'recurring', 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25\nFREQ=YEARLY;BYMONTH=11;BYMONTHDAY=10', { alternatives: ['đột xuất khi có yêu cầu'] }],
];

const SEED_004: Row[] = [
  ['Trước ngày 10/ 01/2026', 'date', '2026-01-10'],
  ['Trước ngày 10 của tháng cuối quý', 'recurring', 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=10'],
  ['Theo thời gian đánh giá hàng năm của Bộ Y tế', 'directive', null, { authority: 'Bộ Y tế' }],
  ['Quý III, IV/2026', 'quarter', '2026-Q3,2026-Q4', { quarterMode: 'span' }],
  ['Cả năm 2026', 'year', '2026'],
  ['Năm 2026', 'year', '2026'],
  ['Theo quy định', 'directive', null, { authority: 'quy định' }],
  ['Theo kế hoạch của thành phố', 'directive', null, { authority: 'Thành phố' }],
  ['Ban hành theo tiến độ yêu cầu tại Kế hoạch Kiểm soát thủ tục hành chính năm 2026 của thành phố', 'directive', null, { authority: 'Thành phố' }],
  ['Ban hành theo tiến độ yêu cầu tại Kế hoạch Kiểm tra, rà soát văn bản quy phạm pháp luật trên địa bàn thành phố năm 2026 của thành phố', 'directive', null],
  ['Kế hoạch kiểm tra, rà soát', 'unspecified', null],
  ['Kế hoạch', 'unspecified', null],
  ['Báo cáo quý/năm', 'unspecified', null],
  ['Kế hoạch, Thông báo kết luận, Báo cáo', 'unspecified', null],
  ['Báo cáo hàng quý và báo cáo năm gửi trước ngày 04 của tháng cuối quý', 'recurring', 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=4'],
];

const FAMILIES: Row[] = [
  // dates
  ['Trước 30/6/2026', 'date', '2026-06-30'],
  ['Trước ngày 31 tháng 3 năm 2026', 'date', '2026-03-31'],
  ['Đến hết ngày 31/12/2026', 'date', '2026-12-31'],
  ['Ngày 15/8/2026', 'date', '2026-08-15'],
  ['trước ngày 15/4', 'date', '2026-04-15'],
  ['Hạn 05/09/2027', 'date', '2027-09-05'],
  ['Trước ngày 29/02/2028', 'date', '2028-02-29'],
  ['Trước 30.6.2026', 'date', '2026-06-30'],
  ['Trước 30-6-2026', 'date', '2026-06-30'],
  ['Ngày 15 tháng 4', 'date', '2026-04-15'],
  ['Từ 01/7/2026 đến 31/12/2026', 'date', '2026-12-31'],
  ['Trước 30/6/2026 theo Kế hoạch số 12/KH-UBND ngày 15/1/2026', 'date', '2026-06-30'],
  // months
  ['Tháng 9', 'month', '2026-09'],
  ['tháng 10/2026', 'month', '2026-10'],
  ['Trong tháng 12 năm 2026', 'month', '2026-12'],
  ['Tháng 01/2027', 'month', '2027-01'],
  ['THÁNG 7/2026', 'month', '2026-07'],
  ['Tháng 6-7/2026', 'month', '2026-06..2026-07'],
  ['Từ tháng 6 đến tháng 9/2026', 'month', '2026-06..2026-09'],
  ['Tháng 6 và tháng 9/2026', 'month', '2026-06,2026-09'],
  // quarters and halves
  ['Quý 2/2026', 'quarter', '2026-Q2'],
  ['quý IV năm 2026', 'quarter', '2026-Q4'],
  ['Quý I và II/2026', 'quarter', '2026-Q1,2026-Q2', { quarterMode: 'span' }],
  ['Quý III - IV/2026', 'quarter', '2026-Q3,2026-Q4'],
  ['Quý IV', 'quarter', '2026-Q4'],
  ['6 tháng đầu năm 2026', 'quarter', '2026-Q1,2026-Q2', { quarterMode: 'span' }],
  ['6 tháng cuối năm', 'quarter', '2026-Q3,2026-Q4'],
  ['Trong quý III/2026', 'quarter', '2026-Q3'],
  ['Quý III/2026 và quý IV/2026', 'quarter', '2026-Q3,2026-Q4', { quarterMode: 'span' }],
  ['Quý IV/2026 - Quý I/2027', 'quarter', '2026-Q4,2027-Q1', { quarterMode: 'span' }],
  ['Quý I đến quý III năm 2026', 'quarter', '2026-Q1,2026-Q2,2026-Q3', { quarterMode: 'span' }],
  ['Quý I, III/2026', 'quarter', '2026-Q1,2026-Q3', { quarterMode: 'each' }],
  ['Nửa cuối năm 2026', 'quarter', '2026-Q3,2026-Q4', { quarterMode: 'span' }],
  // years
  ['2026', 'year', '2026'],
  ['Trong năm 2027', 'year', '2027'],
  ['Cuối năm', 'year', '2026'],
  ['Giai đoạn 2026-2030', 'year', '2026..2030'],
  ['Năm 2026 - 2027', 'year', '2026..2027'],
  // recurring
  ['Hằng tháng', 'recurring', 'FREQ=MONTHLY'],
  ['Hằng tuần', 'recurring', 'FREQ=WEEKLY'],
  ['hằng quý', 'recurring', 'FREQ=MONTHLY;INTERVAL=3'],
  ['Định kỳ hằng quý', 'recurring', 'FREQ=MONTHLY;INTERVAL=3'],
  ['Báo cáo theo quý', 'recurring', 'FREQ=MONTHLY;INTERVAL=3'],
  ['hàng năm', 'recurring', 'FREQ=YEARLY'],
  ['định kỳ 6 tháng', 'recurring', 'FREQ=MONTHLY;INTERVAL=6'],
  ['6 tháng một lần', 'recurring', 'FREQ=MONTHLY;INTERVAL=6'],
  ['trước ngày 25 hằng tháng', 'recurring', 'FREQ=MONTHLY;BYMONTHDAY=25'],
  ['Trước ngày 20 hàng tháng', 'recurring', 'FREQ=MONTHLY;BYMONTHDAY=20'],
  ['Trước ngày 15/12 hằng năm', 'recurring', 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15'],
  ['Trước ngày 15/6 và 15/12 hàng năm', 'recurring', 'FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15'],
  ['Mỗi tháng', 'recurring', 'FREQ=MONTHLY'],
  ['Theo quý', 'recurring', 'FREQ=MONTHLY;INTERVAL=3'],
  ['Hàng năm (trước 31/12)', 'recurring', 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31'],
  ['Trước 10/12/2026 hằng năm', 'recurring', 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10'],
  ['Quý I hằng năm', 'recurring', 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1'],
  ['Tháng 12 hằng năm', 'recurring', 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1'],
  ['Năm 2026 và các năm tiếp theo', 'recurring', 'FREQ=YEARLY'],
  ['Trước ngày 25/5 và 10/11', 'recurring', 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25\nFREQ=YEARLY;BYMONTH=11;BYMONTHDAY=10'],
  // ongoing
  ['Thường xuyên, liên tục', 'ongoing', null],
  ['Thường xuyên; định kỳ báo cáo 6 tháng', 'ongoing', null, { cadence: 'half-yearly' }],
  ['Liên tục', 'ongoing', null],
  // events
  ['Khi có yêu cầu', 'event', null, { event: { kind: 'arises' } }],
  ['Đột xuất', 'event', null, { event: { kind: 'arises' } }],
  ['Sau khi văn bản được ban hành', 'event', null, { event: { kind: 'plan_issued' } }],
  ['Khi có hướng dẫn của Bộ Y tế', 'event', null, { event: { kind: 'guidance' }, authority: 'Bộ Y tế' }],
  ['Sau 30 ngày kể từ ngày Kế hoạch được ban hành', 'event', null, { event: { kind: 'plan_issued', afterDays: 30 } }],
  ['Trong vòng 15 ngày làm việc kể từ khi phát sinh', 'event', null, { event: { kind: 'arises', afterDays: 15 } }],
  // directives
  ['Theo chỉ đạo của UBND tỉnh', 'directive', null, { authority: 'UBND tỉnh' }],
  ['Theo hướng dẫn của Sở Nội vụ', 'directive', null, { authority: 'Sở Nội vụ' }],
  ['Theo yêu cầu', 'event', null, { event: { kind: 'arises' } }],
  ['Theo hướng dẫn hoặc chỉ đạo của Sở Y tế', 'directive', null, { authority: 'Sở Y tế', alternatives: ['chỉ đạo của Sở Y tế'] }],
  // OCR and typing without diacritics
  ['quy ii/2026', 'quarter', '2026-Q2'],
  ['thuong xuyen', 'ongoing', null],
  ['hang thang', 'recurring', 'FREQ=MONTHLY'],
  ['ca nam 2026', 'year', '2026'],
  ['theo chi dao cua thanh pho', 'directive', null, { authority: 'Thành phố' }],
  ['Truoc ngay 10/6 va 10/12 hang nam', 'recurring', 'FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10'],
  // nonsense and blanks
  ['', 'unspecified', null],
  ['   ', 'unspecified', null],
  ['xyz', 'unspecified', null],
  ['Đã hoàn thành', 'unspecified', null],
  ['Tháng 13/2026', 'unspecified', null],
  ['Trước ngày 31/02/2026', 'unspecified', null],
  ['Quyết định số 07-QĐ/BCĐ ngày 07/3/2026 (STT9)', 'unspecified', null],
];

const ALL = [...SEED_000, ...SEED_001, ...SEED_003, ...SEED_004, ...FAMILIES];

describe('parseDeadline', () => {
  it('is tested on at least 80 expressions', () => expect(ALL.length).toBeGreaterThanOrEqual(80));

  it.each(ALL)('%j → %s %s', (text, kind, value, extra) => {
    const s = parseDeadline(text, ctx);
    expect(s.kind).toBe(kind);
    expect(s.value).toBe(value);
    expect(s.text).toBe(text.trim().replace(/\s+/g, ' '));
    if (extra) expect(s).toMatchObject(extra);
    expect(s.explanation.length).toBeGreaterThan(10);
    if (kind === 'unspecified') expect(s.confidence).toBe(0);
    else expect(s.confidence).toBeGreaterThan(0.5);
  });

  it('is surest of exact texts with a year, less of inferred years, compounds and OCR', () => {
    expect(parseDeadline('Quý II/2026', ctx).confidence).toBeGreaterThanOrEqual(0.95);
    expect(parseDeadline('Tháng 3', ctx).confidence).toBeLessThan(0.9);
    expect(parseDeadline('Cuối năm', ctx).confidence).toBeLessThan(0.8);
    expect(parseDeadline('Cuối năm hoặc theo yêu cầu', ctx).confidence).toBeLessThan(0.8);
    expect(parseDeadline('quy ii/2026', ctx).confidence).toBeLessThan(parseDeadline('Quý II/2026', ctx).confidence);
    expect(parseDeadline('Dinh ky trudc ngay 30/11 hang nam', ctx).confidence).toBeLessThanOrEqual(0.8);
    expect(parseDeadline('Thường xuyên hoặc theo kế hoạch kiểm tra', ctx).confidence).toBeLessThanOrEqual(0.8);
    expect(parseDeadline('Trước 15/4/2026 và 15/10/2026', ctx).confidence).toBeLessThan(0.8);
    expect(parseDeadline('Tuần đầu tháng 6/2026', ctx).confidence).toBeLessThan(0.8);
  });

  it('keeps the text as written and the alternatives trimmed', () => {
    const s = parseDeadline('  trước ngày 25/5 và 10/11 (hoặc đột xuất khi có yêu cầu) ', ctx);
    expect(s).toMatchObject({ text: 'trước ngày 25/5 và 10/11 (hoặc đột xuất khi có yêu cầu)', alternatives: ['đột xuất khi có yêu cầu'] });
    expect(s.value!.split('\n')).toEqual(['FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25', 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=10']);
  });

  it('explains what it understood, with dates as dd/mm/yyyy', () => {
    expect(parseDeadline('Trước 15/4/2026', ctx).explanation).toBe('Hạn cuối 15/04/2026 (hoàn thành trong chính ngày này vẫn là đúng hạn).');
    expect(parseDeadline('Thường xuyên', ctx).explanation).toBe('Không có hạn cụ thể: cập nhật tiến độ định kỳ (mặc định hằng quý).');
    expect(parseDeadline('Trước ngày 10/6 và 10/12 hằng năm', ctx).explanation).toBe('Hai lần mỗi năm: hạn 10/06 cho kỳ 6 tháng đầu năm và 10/12 cho cả năm.');
    expect(parseDeadline('Theo hướng dẫn của Sở Tài chính', ctx).explanation).toBe('Chưa có hạn cho đến khi có hướng dẫn của Sở Tài chính; khi có, đặt hạn cho nhiệm vụ.');
    expect(parseDeadline('', ctx).explanation).toBe('Chưa có thời hạn: cần người đặt thời hạn cụ thể.');
    expect(parseDeadline('Quý III, IV/2026', ctx).explanation).toBe('Một khoảng từ đầu quý III đến hết quý IV/2026 (hạn 31/12/2026); có thể đổi thành mỗi quý một lần.');
    expect(parseDeadline('Hằng tháng', ctx).explanation).toBe('Hằng tháng, hạn vào ngày cuối mỗi tháng.');
    expect(parseDeadline('Theo chỉ đạo của Thành phố', ctx).explanation).toBe('Chưa có hạn cho đến khi có chỉ đạo của Thành phố; khi có, đặt hạn cho nhiệm vụ.');
    expect(parseDeadline('Cuối năm hoặc theo yêu cầu', ctx).explanation).toBe('Trong năm 2026, hạn 31/12/2026. Hoặc: theo yêu cầu.');
  });
});

describe('schedules set by hand', () => {
  it('are validated field by field in Vietnamese', () => {
    expect(validateSchedule({ kind: 'month', value: '2026-13' })).toEqual({ value: 'Tháng phải có dạng yyyy-mm, ví dụ 2026-06.' });
    expect(validateSchedule({ kind: 'date', value: '2026-02-30' })).toHaveProperty('value');
    expect(validateSchedule({ kind: 'quarter', value: '2026-Q5' })).toHaveProperty('value');
    expect(validateSchedule({ kind: 'recurring', value: 'FREQ=DAILY' })).toHaveProperty('value');
    expect(validateSchedule({ kind: 'recurring', value: 'FREQ=YEARLY;BYMONTH=13;BYMONTHDAY=10' })).toHaveProperty('value');
    expect(validateSchedule({ kind: 'event', value: null, event: { kind: 'arises', label: 'x', afterDays: 900 } })).toEqual({ 'event.afterDays': 'Số ngày sau sự kiện phải là số nguyên từ 0 đến 365.' });
    expect(validateSchedule({ kind: 'recurring', value: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=10' })).toHaveProperty('value');
    expect(validateSchedule({ kind: 'recurring', value: 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25\nFREQ=YEARLY;BYMONTH=11;BYMONTHDAY=10' })).toBeNull();
    expect(validateSchedule({ kind: 'recurring', value: 'FREQ=MONTHLY\nFREQ=WEEKLY' })).toHaveProperty('value');
    expect(validateSchedule({ kind: 'month', value: '2026-06..2026-09' })).toBeNull();
    expect(validateSchedule({ kind: 'month', value: '2026-09..2026-06' })).toHaveProperty('value');
    expect(validateSchedule({ kind: 'bogus' as never, value: null })).toHaveProperty('kind');
    expect(validateSchedule({ kind: 'quarter', value: '2026-Q3,2026-Q4', quarterMode: 'each' })).toBeNull();
    expect(validateSchedule({ kind: 'ongoing', value: null, cadence: 'monthly' })).toBeNull();
  });

  it('get a fresh explanation and full confidence', () => {
    const r = normaliseSchedule({ kind: 'quarter', value: '2026-Q3,2026-Q4', quarterMode: 'each', text: 'Quý III, IV/2026' }, ctx);
    expect(r).toMatchObject({ schedule: { kind: 'quarter', confidence: 1, quarterMode: 'each', text: 'Quý III, IV/2026' } });
    if ('schedule' in r) expect(r.schedule.explanation).toBe('Mỗi quý một lần: quý III/2026 (hạn 30/09/2026), quý IV/2026 (hạn 31/12/2026).');
    expect(normaliseSchedule({ kind: 'year', value: '2030..2026' }, ctx)).toHaveProperty('errors');
    expect(normaliseSchedule({ kind: 'event', event: { kind: 'plan_issued', label: '', afterDays: 10 } }, ctx)).toMatchObject({
      schedule: { value: null, event: { kind: 'plan_issued', label: 'Kế hoạch được ban hành', afterDays: 10 }, explanation: 'Hạn tính từ ngày kế hoạch được ban hành (10 ngày sau ngày đó).' },
    });
    expect(normaliseSchedule({ kind: 'ongoing', value: 'x', cadence: 'monthly' }, ctx)).toMatchObject({ schedule: { value: null, cadence: 'monthly', explanation: 'Không có hạn cụ thể: cập nhật tiến độ hằng tháng.' } });
  });
});
