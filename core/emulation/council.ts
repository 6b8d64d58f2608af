// The vote of the Hội đồng Thi đua - Khen thưởng on a nomination. The Sở's council meets with at least two thirds of
// its members taking part (absent members give their opinion in writing); the share of votes is always counted on
// the council's whole membership, never on those present, so an emptier meeting cannot pass more easily. A
// nomination passes with more than half of all members in favour, or with the movement's stricter share.

export interface Vote {
  /** Members of the council. */
  members: number;
  /** Members who took part: present, or by written opinion. */
  participants: number;
  votesFor: number;
  votesAgainst: number;
}

export interface VoteResult {
  problems: { field: keyof Vote; message: string }[];
  quorum: boolean;
  passed: boolean;
  /** Votes for, in % of all members, one decimal. */
  forPct: number;
  /** One line for the minutes: "12/15 thành viên đồng ý (80,0% tổng số thành viên) — đạt". */
  text: string;
}

/** `passPct`: the movement's required share of all members ("từ 70% trở lên"); none means more than half. */
export function countVote(v: Vote, passPct?: number | null): VoteResult {
  const problems: VoteResult['problems'] = [];
  const whole = (k: keyof Vote, label: string) => { if (!Number.isInteger(v[k]) || v[k] < 0) problems.push({ field: k, message: `${label} phải là số nguyên không âm.` }); };
  whole('members', 'Số thành viên Hội đồng'); whole('participants', 'Số thành viên tham gia'); whole('votesFor', 'Số phiếu đồng ý'); whole('votesAgainst', 'Số phiếu không đồng ý');
  if (!problems.length) {
    if (v.members < 1) problems.push({ field: 'members', message: 'Hội đồng phải có ít nhất 1 thành viên.' });
    if (v.participants > v.members) problems.push({ field: 'participants', message: 'Số thành viên tham gia không được lớn hơn số thành viên Hội đồng.' });
    if (v.votesFor + v.votesAgainst > v.participants) problems.push({ field: 'votesFor', message: 'Tổng số phiếu đồng ý và không đồng ý không được lớn hơn số thành viên tham gia.' });
  }
  if (problems.length) return { problems, quorum: false, passed: false, forPct: 0, text: '' };
  const quorum = v.participants * 3 >= v.members * 2;
  const forPct = Math.round((v.votesFor / v.members) * 1000) / 10;
  const enough = passPct ? v.votesFor * 100 >= v.members * passPct : v.votesFor * 2 > v.members;
  const passed = quorum && enough;
  const pct = forPct.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const why = !quorum ? 'không đủ 2/3 thành viên tham gia, phải họp lại' : passed ? 'đạt' : passPct ? `chưa đạt (cần từ ${passPct}% tổng số thành viên)` : 'chưa đạt (cần quá nửa tổng số thành viên)';
  return { problems, quorum, passed, forPct, text: `${v.votesFor}/${v.members} thành viên đồng ý (${pct}% tổng số thành viên) — ${why}` };
}
