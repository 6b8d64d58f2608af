// The pure rules of emulation: the council's vote, block scoring and ranking, a movement's phases and rounds, the
// forms' documents, and the register's check before a commendation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commendationCheck, periodMonths } from '../rewards/register.ts';
import { countVote } from './council.ts';
import { AWARD_FORMS, formBlocked, missingDocuments } from './forms.ts';
import { checkWeights, rank, shareScore, totalScore, type Criterion } from './scoring.ts';
import { actionBlocked, checkPhases, roundPeriod, type Phase } from './workflow.ts';

describe('the council vote', () => {
  it('needs two thirds of the members taking part, and more than half of all members in favour', () => {
    expect(countVote({ members: 9, participants: 5, votesFor: 5, votesAgainst: 0 })).toMatchObject({ quorum: false, passed: false });
    expect(countVote({ members: 9, participants: 6, votesFor: 5, votesAgainst: 1 })).toMatchObject({ quorum: true, passed: true, forPct: 55.6 });
    // Counted on all members, not on those present: 4 of 6 present is two thirds of them, but 4 of 9 is not half.
    expect(countVote({ members: 9, participants: 6, votesFor: 4, votesAgainst: 2 })).toMatchObject({ quorum: true, passed: false });
    expect(countVote({ members: 10, participants: 10, votesFor: 5, votesAgainst: 5 }).passed).toBe(false); // exactly half is not more than half
    expect(countVote({ members: 10, participants: 10, votesFor: 5, votesAgainst: 5 }).text).toBe('5/10 thành viên đồng ý (50,0% tổng số thành viên) — chưa đạt (cần quá nửa tổng số thành viên)');
  });

  it('applies a movement’s stricter share “từ 70% trở lên”', () => {
    expect(countVote({ members: 10, participants: 10, votesFor: 7, votesAgainst: 3 }, 70).passed).toBe(true);
    expect(countVote({ members: 10, participants: 10, votesFor: 6, votesAgainst: 4 }, 70)).toMatchObject({ passed: false, text: expect.stringMatching(/cần từ 70% tổng số thành viên/) });
  });

  it('refuses impossible counts with the field named', () => {
    expect(countVote({ members: 9, participants: 10, votesFor: 5, votesAgainst: 0 }).problems[0].field).toBe('participants');
    expect(countVote({ members: 9, participants: 8, votesFor: 6, votesAgainst: 3 }).problems[0].field).toBe('votesFor');
    expect(countVote({ members: 9, participants: 8, votesFor: -1, votesAgainst: 3 }).problems[0].field).toBe('votesFor');
    expect(countVote({ members: 0, participants: 0, votesFor: 0, votesAgainst: 0 }).problems[0].field).toBe('members');
  });

  it('never passes without a quorum, and more votes for never turns a pass into a failure', () => {
    const vote = fc.integer({ min: 1, max: 40 }).chain((members) => fc.integer({ min: 0, max: members }).chain((participants) =>
      fc.integer({ min: 0, max: participants }).chain((votesFor) => fc.record({ members: fc.constant(members), participants: fc.constant(participants), votesFor: fc.constant(votesFor), votesAgainst: fc.integer({ min: 0, max: participants - votesFor }) }))));
    fc.assert(fc.property(vote, fc.constantFrom(null, 60, 70, 90), (v, pct) => {
      const r = countVote(v, pct);
      if (r.passed && v.participants * 3 < v.members * 2) return false;
      if (r.passed && v.votesFor < v.participants && v.votesAgainst > 0) return countVote({ ...v, votesFor: v.votesFor + 1, votesAgainst: v.votesAgainst - 1 }, pct).passed;
      return true;
    }), { seed: 8, numRuns: 500 });
  });
});

describe('block scoring', () => {
  const criteria: Criterion[] = [
    { id: 'a', text: 'Đoàn kết', weight: 10, measure: 'manual' },
    { id: 'b', text: 'Nhiệm vụ đúng hạn', weight: 60, measure: 'tasks_on_time' },
    { id: 'c', text: 'Khắc phục sau kiểm tra', weight: 30, measure: 'findings_closed' },
  ];
  it('weights the scores and leaves out a criterion with no records, saying so', () => {
    expect(shareScore({ counted: 7, total: 8 })).toBe(87.5);
    expect(shareScore({ counted: 0, total: 0 })).toBeNull();
    expect(totalScore(criteria, [{ criterionId: 'a', score: 100 }, { criterionId: 'b', score: 87.5 }, { criterionId: 'c', score: 50 }]).total).toBe(77.5);
    expect(totalScore(criteria, [{ criterionId: 'a', score: 100 }, { criterionId: 'b', score: 87.5 }, { criterionId: 'c', score: null }])).toEqual({ total: 89.3, weightCounted: 70, missing: ['c'] });
    expect(totalScore(criteria, []).total).toBeNull();
  });

  it('ranks equal totals equally and units without a total last', () => {
    const ranked = rank([{ name: 'Bệnh viện Tim', total: 80 }, { name: 'Bệnh viện Đức Giang', total: 90 }, { name: 'Bệnh viện Thanh Nhàn', total: 80 }, { name: 'Bệnh viện A', total: null }]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([['Bệnh viện Đức Giang', 1], ['Bệnh viện Thanh Nhàn', 2], ['Bệnh viện Tim', 2], ['Bệnh viện A', null]]);
  });

  it('needs the collective criteria to add up to 100 points', () => {
    expect(checkWeights(criteria)).toBeNull();
    expect(checkWeights([...criteria, { weight: 5 }])).toMatch(/phải bằng 100 \(hiện là 105\)/);
  });
});

describe('a movement’s phases and rounds (seed 001 II.4)', () => {
  const phases: Phase[] = [{ name: 'Giai đoạn 1', fromYear: 2025, toYear: 2027, review: 'so_ket' }, { name: 'Giai đoạn 2', fromYear: 2027, toYear: 2030, review: 'tong_ket' }];
  it('follow each other, the review year opening the next phase, ending with the final review', () => {
    expect(checkPhases({ startYear: 2025, endYear: 2030 }, phases)).toBeNull();
    expect(checkPhases({ startYear: 2025, endYear: 2030 }, [phases[0], { ...phases[1], fromYear: 2028 }])?.field).toBe('phases.1.fromYear');
    expect(checkPhases({ startYear: 2025, endYear: 2031 }, phases)?.field).toBe('phases.1.toYear');
    expect(checkPhases({ startYear: 2025, endYear: 2030 }, [phases[0], { ...phases[1], review: 'so_ket' }])?.field).toBe('phases.1.review');
  });
  it('give each round its achievement period: the year, or the phase for a review', () => {
    expect(roundPeriod('annual', 2026, phases)).toBe('2026');
    expect(roundPeriod('so_ket', 2027, phases)).toBe('2025-2027');
    expect(roundPeriod('tong_ket', 2030, phases)).toBe('2027-2030');
    expect(roundPeriod('so_ket', 2026, phases)).toBeNull();
    expect(periodMonths('2025-2027')).toEqual(['2025-01', '2027-12']);
    expect(periodMonths('2027-2025')).toBeNull();
  });
});

describe('award forms and the nomination’s steps', () => {
  it('lists each form’s documents and whom it is for', () => {
    expect(missingDocuments('giay_khen_so', ['letter', 'report'])).toEqual(['evidence']);
    expect(missingDocuments('bang_khen_ubnd', ['letter', 'report', 'evidence'])).toEqual(['minutes']);
    expect(formBlocked('co_thi_dua_ubnd', 'individual')).toMatch(/chỉ tặng cho tập thể/);
    expect(formBlocked('huan_chuong_ld', 'individual')).toBeNull();
    expect(Object.values(AWARD_FORMS).filter((f) => f.decidedBySo).map((f) => f.code)).toEqual(['giay_khen_so']);
  });
  it('lets the Director decide only the Sở’s own form, and forwards the others', () => {
    expect(actionBlocked('decide', { status: 'passed', decidedBySo: true })).toBeNull();
    expect(actionBlocked('decide', { status: 'passed', decidedBySo: false })).toMatch(/cấp trên quyết định/);
    expect(actionBlocked('forward', { status: 'passed', decidedBySo: true })).toMatch(/Giám đốc Sở quyết định/);
    expect(actionBlocked('check', { status: 'returned', decidedBySo: true })).toMatch(/Trả lại để bổ sung/);
    expect(actionBlocked('submit', { status: 'returned', decidedBySo: true })).toBeNull();
  });
  it('refuses a second commendation of one achievement, and shows a reward or a pending nomination of it', () => {
    const dups = [{ id: 'a', matchKey: 'k', period: '2026', outcomes: [
      { kind: 'reward' as const, status: 'approved', text: 'Đã thưởng theo QĐ 78' },
      { kind: 'commendation' as const, status: 'checked', text: 'Đang xét Giấy khen' },
    ] }];
    expect(commendationCheck(dups)).toMatchObject({ blocking: [], toSee: [{ text: 'Đã thưởng theo QĐ 78' }, { text: 'Đang xét Giấy khen' }] });
    const decided = [{ ...dups[0], outcomes: [{ kind: 'commendation' as const, status: 'decided', text: 'Giấy khen QĐ 1250' }] }];
    expect(commendationCheck(decided).blocking).toEqual([expect.objectContaining({ text: 'Giấy khen QĐ 1250', id: 'a' })]);
  });
});
