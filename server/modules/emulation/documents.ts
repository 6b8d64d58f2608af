// The documents of a commendation: the Director's award decision (Word, Nghị định 30/2020 layout), the certificates
// to print (one A4 landscape page per awardee), and the dossier a higher form is forwarded with (a .zip holding the
// Sở's proposal letter, the unit's documents, the council's result, an index and SHA256SUMS).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { formatViDate, parts } from '../../../core/schedule/dates.ts';
import type { Block, OfficialDocument } from '../documents/official.ts';
import { renderOfficialDocx } from '../documents/official.ts';
import type { Issuer } from '../allowance/documents.ts';
import { blobPath } from '../files/service.ts';
import type { DecisionView } from './decisions.service.ts';
import type { nominationView } from './nominations.service.ts';

type NominationView = Awaited<ReturnType<typeof nominationView>>;
const safe = (s: string) => s.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function awardDecision(d: DecisionView, issuer: Issuer): OfficialDocument {
  const forms = [...new Set(d.awardees.map((a) => a.form))];
  const collectives = d.awardees.filter((a) => a.subject === 'collective');
  const individuals = d.awardees.filter((a) => a.subject !== 'collective');
  const table = (rows: typeof d.awardees, who: string): Block => ({
    type: 'table',
    columns: [{ title: 'STT', width: 1, align: 'center' }, { title: who, width: 4 }, { title: 'Đơn vị', width: 3.5 }, { title: 'Thành tích', width: 4.5 }],
    rows: rows.map((a, i) => [String(i + 1), a.title ? `${a.name}, ${a.title}` : a.name, a.unitName, a.achievement]),
  });
  const body: Block[] = [
    { type: 'paragraph', text: 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;' },
    { type: 'paragraph', text: 'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;' },
    { type: 'paragraph', text: `Căn cứ Kế hoạch số ${d.movement.number || '…'} của Sở Y tế về triển khai ${d.movement.name};` },
    { type: 'paragraph', text: `Xét đề nghị của Hội đồng Thi đua - Khen thưởng Ngành Y tế và Trưởng phòng Tổ chức cán bộ,` },
    { type: 'heading', text: 'QUYẾT ĐỊNH:', level: 1 },
    { type: 'paragraph', text: `Điều 1. Tặng ${forms.join(', ')} cho ${collectives.length ? `${collectives.length} tập thể` : ''}${collectives.length && individuals.length ? ' và ' : ''}${individuals.length ? `${individuals.length} cá nhân` : ''} đã có thành tích trong ${d.movement.name} (${d.roundLabel.toLowerCase()} ${d.year}), có danh sách kèm theo:` },
    ...(collectives.length ? [{ type: 'paragraph', text: 'a) Tập thể:' } as Block, table(collectives, 'Tập thể')] : []),
    ...(individuals.length ? [{ type: 'paragraph', text: `${collectives.length ? 'b)' : 'a)'} Cá nhân:` } as Block, table(individuals, 'Cá nhân')] : []),
    { type: 'paragraph', text: 'Điều 2. Quyết định có hiệu lực kể từ ngày ký.' },
    { type: 'paragraph', text: 'Điều 3. Chánh Văn phòng Sở, Trưởng phòng Tổ chức cán bộ, Thủ trưởng các đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.' },
  ];
  return {
    issuerParent: issuer.parent, issuer: issuer.name.toUpperCase(), number: d.number, place: issuer.place, issuedOn: d.decisionDate, year: parts(d.decisionDate)[0],
    kind: 'QUYẾT ĐỊNH', title: `Về việc khen thưởng các tập thể, cá nhân có thành tích trong ${d.movement.name}`,
    body, recipients: ['Như Điều 3;', 'Ban Giám đốc Sở;', 'Lưu: VT, TCCB.'], signerTitle: d.signerTitle.toUpperCase(), signer: d.signerName,
  };
}

/** One certificate per awardee: issuer, the form, the name, the achievement and the decision. */
export async function certificatesDocx(d: DecisionView, issuer: Issuer): Promise<Buffer> {
  const line = (text: string, size: number, o: { bold?: boolean; italic?: boolean; after?: number; color?: string } = {}) => new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { after: o.after ?? 120 },
    children: [new TextRun({ text, font: 'Times New Roman', size: size * 2, bold: o.bold, italics: o.italic, color: o.color })],
  });
  const [y, m, day] = parts(d.decisionDate);
  const sections = d.awardees.map((a) => ({
    properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 } } },
    children: [
      line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 14, { bold: true, after: 0 }), line('Độc lập - Tự do - Hạnh phúc', 14, { bold: true, after: 360 }),
      // "Giám đốc Sở" of "Sở Y tế Hà Nội" reads "GIÁM ĐỐC SỞ Y TẾ HÀ NỘI", the way certificates are headed.
      line(`${d.signerTitle.replace(/\s+sở$/i, '')} ${issuer.name}`.toUpperCase(), 16, { bold: true, after: 240 }), line('TẶNG', 16, { bold: true, after: 120 }),
      line(a.form.toUpperCase().startsWith('GIẤY KHEN') ? 'GIẤY KHEN' : a.form.toUpperCase(), 36, { bold: true, color: 'C00000', after: 240 }),
      line(a.subject === 'collective' ? a.name : `${a.title ? `${a.title} ` : ''}${a.name}`, 22, { bold: true, after: 120 }),
      ...(a.subject === 'collective' ? [] : [line(a.unitName, 16, { after: 120 })]),
      line(`Đã có thành tích: ${a.achievement}`, 15, { italic: true, after: 120 }),
      line(`trong ${d.movement.name}, năm ${d.year}`, 15, { italic: true, after: 360 }),
      line(`${issuer.place}, ngày ${day} tháng ${m} năm ${y}`, 14, { italic: true, after: 0 }),
      line(`Quyết định số ${d.number}`, 13, { after: 600 }),
      line(d.signerTitle.toUpperCase(), 14, { bold: true, after: 1000 }), line(d.signerName, 14, { bold: true }),
    ],
  }));
  return Packer.toBuffer(new Document({ creator: 'kehoach', title: `Giấy khen — Quyết định ${d.number}`, sections }));
}

/** The Sở's letter proposing the higher form (tờ trình), for the forwarded dossier. */
export function proposalLetter(n: NominationView, issuer: Issuer, year: number): OfficialDocument {
  const body: Block[] = [
    { type: 'paragraph', text: `Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;` },
    { type: 'paragraph', text: `Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng Ngành Y tế ngày ${n.councilDate ? formatViDate(n.councilDate) : '…'}: ${n.councilResult};` },
    { type: 'paragraph', text: `Sở Y tế kính trình ${n.form.decider} xem xét, tặng ${n.form.name} cho ${n.achievement.subjectLabel.toLowerCase()} ${n.nominee} (${n.unitName}) đã có thành tích: ${n.achievement.title} trong ${n.movement.name}, ${n.roundLabel.toLowerCase()} năm ${n.year}.` },
    { type: 'paragraph', text: `Tóm tắt thành tích: ${n.achievement.output}` },
    { type: 'paragraph', text: 'Hồ sơ kèm theo: ' + n.documents.map((d) => `${d.label} (${d.files.length} tệp)`).join('; ') + '.' },
    { type: 'paragraph', text: `Sở Y tế kính trình ${n.form.decider} xem xét, quyết định./.` },
  ];
  return {
    issuerParent: issuer.parent, issuer: issuer.name.toUpperCase(), number: '/TTr-SYT', place: issuer.place, issuedOn: null, year,
    kind: 'TỜ TRÌNH', title: `Về việc đề nghị tặng ${n.form.name}`, body, recipients: [`${n.form.decider};`, 'Lưu: VT, TCCB.'], signerTitle: 'GIÁM ĐỐC', signer: '',
  };
}

export async function forwardDossier(n: NominationView, issuer: Issuer, blobs: { id: string; sha256: string }[], filesDir: string, at: Date) {
  const entries: [string, Uint8Array, string][] = [];
  entries.push([`01 Tờ trình của Sở Y tế.docx`, await renderOfficialDocx(proposalLetter(n, issuer, at.getUTCFullYear())), `Tờ trình đề nghị tặng ${n.form.name}`]);
  let i = 2;
  for (const doc of n.documents) {
    for (const f of doc.files) {
      const blob = blobs.find((b) => b.id === f.id);
      const bytes = blob ? await readFile(blobPath(filesDir, blob.sha256)).catch(() => null) : null;
      if (bytes) entries.push([`${String(i++).padStart(2, '0')} ${safe(doc.label)} - ${safe(f.name)}`, bytes, doc.label]);
    }
  }
  const history = n.events.map((e) => `${e.createdAt.toISOString()}  ${e.actorName}: ${e.action}${e.comment ? ` — ${e.comment}` : ''}`).join('\n');
  entries.push(['Kết quả xét của Hội đồng và lịch sử hồ sơ.txt', strToU8(`${n.councilResult}\n\n${history}\n`), 'Kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng và các bước xử lý hồ sơ']);
  const index = [
    `HỒ SƠ ĐỀ NGHỊ ${n.form.name.toUpperCase()}`, `${n.achievement.subjectLabel}: ${n.nominee} — ${n.unitName}`, `Thành tích: ${n.achievement.title}`,
    `Cấp quyết định: ${n.form.decider}. Cấp trình: ${n.form.proposer}.`, '', ...entries.map(([p, b, d]) => `${p}\n    ${d}; ${b.length} byte; SHA-256 ${sha256(b)}`),
  ].join('\n');
  const all: [string, Uint8Array][] = [['MUCLUC.txt', strToU8(`${index}\n`)], ...entries.map(([p, b]) => [p, b] as [string, Uint8Array])];
  const zippable: Zippable = {};
  for (const [p, b] of all) zippable[p.normalize('NFC')] = [b, { os: 3, attrs: 0o100644 << 16 }];
  zippable['SHA256SUMS'] = [strToU8(all.map(([p, b]) => `${sha256(b)}  ${p.normalize('NFC')}\n`).join('')), { os: 3, attrs: 0o100644 << 16 }];
  return { name: `Hồ sơ đề nghị ${safe(n.form.name)} - ${safe(n.nomineeName)}.zip`, zip: zipSync(zippable, { mtime: at }) };
}
