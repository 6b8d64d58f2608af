// Award forms of seed 001 III.2.1 and who decides each (Luật Thi đua, khen thưởng 2022): the Director of the Sở
// decides the Sở's Giấy khen; every higher form is proposed by the Sở and forwarded with its dossier, and its
// decision is recorded here when it comes back. The documents each dossier must hold are checked by Phòng TCCB.
import type { Subject } from '../rewards/register.ts';

export type Nominee = Exclude<Subject, 'task'>;

export const DOC_KINDS = ['letter', 'report', 'minutes', 'evidence'] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export const DOC_LABELS: Record<DocKind, string> = {
  letter: 'Tờ trình đề nghị khen thưởng của đơn vị',
  report: 'Báo cáo thành tích',
  minutes: 'Biên bản họp xét của Hội đồng Thi đua - Khen thưởng đơn vị',
  evidence: 'Minh chứng thành tích (sản phẩm, sáng kiến, giải pháp được áp dụng)',
};

export const FORM_CODES = ['giay_khen_so', 'bang_khen_ubnd', 'co_thi_dua_ubnd', 'bang_khen_ttg', 'co_thi_dua_cp', 'huan_chuong_ld'] as const;
export type FormCode = (typeof FORM_CODES)[number];

export interface AwardForm {
  code: FormCode;
  name: string;
  /** Who signs the decision. */
  decider: string;
  /** Who proposes it to the decider. */
  proposer: string;
  /** The Sở decides it itself; every other form is forwarded. */
  decidedBySo: boolean;
  nominees: readonly Nominee[];
  documents: readonly DocKind[];
  /** Rank, lowest first: the register shows history highest first. */
  rank: number;
}

const ALL_DOCS = DOC_KINDS;

export const AWARD_FORMS: Record<FormCode, AwardForm> = {
  giay_khen_so: { code: 'giay_khen_so', rank: 1, name: 'Giấy khen của Giám đốc Sở Y tế', decider: 'Giám đốc Sở Y tế', proposer: 'Thủ trưởng đơn vị trực thuộc, trưởng phòng thuộc Sở (qua Phòng Tổ chức cán bộ)', decidedBySo: true, nominees: ['collective', 'individual'], documents: ['letter', 'report', 'evidence'] },
  bang_khen_ubnd: { code: 'bang_khen_ubnd', rank: 2, name: 'Bằng khen của Chủ tịch UBND Thành phố', decider: 'Chủ tịch UBND Thành phố', proposer: 'Giám đốc Sở Y tế (qua Ban Thi đua - Khen thưởng Thành phố)', decidedBySo: false, nominees: ['collective', 'individual'], documents: ALL_DOCS },
  co_thi_dua_ubnd: { code: 'co_thi_dua_ubnd', rank: 3, name: 'Cờ thi đua của UBND Thành phố', decider: 'UBND Thành phố', proposer: 'Giám đốc Sở Y tế, theo kết quả bình xét của khối thi đua', decidedBySo: false, nominees: ['collective'], documents: ALL_DOCS },
  bang_khen_ttg: { code: 'bang_khen_ttg', rank: 4, name: 'Bằng khen của Thủ tướng Chính phủ', decider: 'Thủ tướng Chính phủ', proposer: 'Chủ tịch UBND Thành phố, trên đề nghị của Sở Y tế', decidedBySo: false, nominees: ['collective', 'individual'], documents: ALL_DOCS },
  co_thi_dua_cp: { code: 'co_thi_dua_cp', rank: 5, name: 'Cờ thi đua của Chính phủ', decider: 'Thủ tướng Chính phủ', proposer: 'Chủ tịch UBND Thành phố, trên đề nghị của Sở Y tế', decidedBySo: false, nominees: ['collective'], documents: ALL_DOCS },
  huan_chuong_ld: { code: 'huan_chuong_ld', rank: 6, name: 'Huân chương Lao động', decider: 'Chủ tịch nước', proposer: 'Thủ tướng Chính phủ, trên đề nghị của Chủ tịch UBND Thành phố', decidedBySo: false, nominees: ['collective', 'individual'], documents: ALL_DOCS },
};

/** The form's documents the dossier does not hold yet, in the form's order. */
export function missingDocuments(form: FormCode, held: readonly DocKind[]): DocKind[] {
  return AWARD_FORMS[form].documents.filter((d) => !held.includes(d));
}

/** Why the form cannot go to this nominee, or null. */
export function formBlocked(form: FormCode, nominee: Nominee): string | null {
  const f = AWARD_FORMS[form];
  return f.nominees.includes(nominee) ? null : `${f.name} chỉ tặng cho tập thể.`;
}
