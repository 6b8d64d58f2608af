// The document's own particulars, laid out as Nghị định 30/2020/NĐ-CP prescribes: issuer over its
// parent body beside the national motto, "Số: …/KH-…", place and date, "KẾ HOẠCH" and the title,
// the legal bases, the body, the recipients ("Nơi nhận") and the signature block. Matching is done on
// search keys (no diacritics, lower case) so that OCR text without diacritics is read too.
import { searchKey } from '../text/vietnamese.ts';
import type { DraftHeader } from './types.ts';

export interface Para { text: string; line: number }

const key = searchKey;
const MOTTO = /cong hoa xa hoi|c\w{0,2}ng hoa xa ho|doc lap tu do|\w{2}c lap tu do|tu do hanh phuc/;
const TITLE_WORD = /^(?:ke hoach|k\w? hoach)$/;
// "Số:", and OCR's "Sb:", "S6:", "Sô"; the number may be blank ("Số: /KH-SYT").
const NUMBER = /^\s*S[ốoóòôơ6bồổ][^\s:]{0,1}\s*:?\s*(\d*)\s*\/\s*([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)+)/u;
const DATE = /ngay\s+(\d{1,2})?\s*thang\s+(\d{1,2})?\s*nam\s+((?:19|20)\d{2})/;
const SIGN = /^(?:(kt|tm|tl|q|ttl)\s+)?(pho )?(giam doc|chu tich|truong phong|thu truong|giam\s*\S*c)$/;

/** Splits two-column header lines ("UBND THÀNH PHỐ HÀ NỘI   CỘNG HÒA XÃ HỘI …") at the wide gap. */
function columns(p: Para): Para[] {
  return p.text.split(/\s{2,}|\t/).filter(Boolean).map((text) => ({ text, line: p.line }));
}

const isUpper = (t: string) => t === t.toUpperCase() && /\p{Lu}/u.test(t);
const personName = (t: string) => {
  const clean = t.replace(/^[~*_\-.\s]+|[*_.\s]+$/g, '');
  const words = clean.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w)) ? clean : null;
};

export function readHeader(paras: Para[]): DraftHeader {
  const h: DraftHeader = {
    issuer: null, parentBody: null, number: null, place: null, date: null, dateText: null, year: null,
    title: '', legalBases: [], replaces: null, signer: null, signerTitle: null, recipients: [],
  };
  const titleAt = paras.findIndex((p) => TITLE_WORD.test(key(p.text).split(' ').slice(0, 2).join(' ')) && key(p.text).split(' ').length <= 25 && isUpper(p.text.slice(0, 8)));
  const top = paras.slice(0, titleAt >= 0 ? titleAt : Math.min(paras.length, 6)).flatMap(columns);

  const bodies: string[] = [];
  let dateYear: number | null = null;
  for (const p of top) {
    const k = key(p.text);
    const num = p.text.match(NUMBER);
    if (num) h.number = `${num[1]}/${num[2]}`;
    const d = k.match(DATE);
    if (d) {
      // "Hà Nội, ngày 23 tháng 7 năm 2025", possibly after the number on the same OCR line.
      const at = p.text.search(/,\s*ng\S{1,3}y\b/iu);
      h.place = at > 0 ? p.text.slice(0, at).replace(NUMBER, '').trim() || null : null;
      h.dateText = at > 0 ? p.text.slice(at + 1).trim() : null;
      if (d[1] && d[2]) h.date = `${d[3]}-${d[2].padStart(2, '0')}-${d[1].padStart(2, '0')}`;
      dateYear = Number(d[3]);
      continue;
    }
    if (num) continue;
    // OCR joins the issuer and the motto on one line: "SỞ Y TẾ Độc lập - Tự do - Hạnh phúc".
    // (Also "UBND THÀNH PHỐ HÀ NỘI CỘNG HÒA XÃ HỘI …" when the two columns met on one line.)
    const motto = Math.max(p.text.search(/\s\S{1,2}[oộôơ]c\s?l[aậâ]p\b/iu), p.text.search(/\s\S{1,3}NG H[OÒ]A X[AÃ] H[OỘ]I/u));
    if (motto > 0 && isUpper(p.text.slice(0, motto)) && !MOTTO.test(key(p.text.slice(0, motto)))) { bodies.push(p.text.slice(0, motto).trim()); continue; }
    if (MOTTO.test(k) || /^[-_=\s]+$/.test(p.text)) continue;
    if (isUpper(p.text) && k.length >= 4) bodies.push(p.text.trim());
  }
  // "ỦY BAN NHÂN DÂN" over "TỈNH ĐẮK LẮK" is one name; "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG SỞ Y TẾ" on one line is two.
  const names: string[] = [];
  for (const raw of bodies) {
    const b = raw.replace(/[-_=\s]+$/, '');
    if (names.length && /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\s/u.test(b) && /(NHÂN DÂN|UBND|HĐND)$/u.test(names[names.length - 1])) names[names.length - 1] += ` ${b}`;
    else {
      const two = b.match(/^((?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN)\s+.+?)\s+((?:SỞ|BAN|TRUNG TÂM|BỆNH VIỆN|CHI CỤC|PHÒNG|VĂN PHÒNG)\s.+)$/u);
      names.push(...(two ? [two[1], two[2]] : [b]));
    }
  }
  bodies.splice(0, bodies.length, ...names.filter(Boolean));
  // The issuer is the last body line before the motto's column; the one above it is its parent.
  if (bodies.length) h.issuer = /^s\S{0,2} ?y te$/.test(key(bodies[bodies.length - 1])) ? 'SỞ Y TẾ' : bodies[bodies.length - 1];
  if (bodies.length > 1) h.parentBody = bodies.slice(0, -1).join(' ');

  // The title: what follows "KẾ HOẠCH" on its line, then the next lines up to the legal bases.
  let i = titleAt;
  if (titleAt >= 0) {
    const first = paras[titleAt].text.replace(/^\S+\s+\S+\s*/, '').trim();
    const parts = first ? [first] : [];
    i = titleAt + 1;
    // The first paragraph after "KẾ HOẠCH" is the title even when it starts "Thực hiện Nghị quyết …";
    // short lines after it continue it until a legal basis or the first heading.
    while (i < paras.length && parts.length < 4) {
      const k = key(paras[i].text);
      const stop = /^(can cu|thuc hien|c\S{0,2}n c)/.test(k) || /^[IVX]+[.\s]/.test(paras[i].text) || k.split(' ').length > 80 || NUMBER.test(paras[i].text);
      if (parts.length && (stop || parts.join(' ').length > 40 && !/^[(\-]/.test(paras[i].text))) break;
      parts.push(paras[i].text.trim());
      i++;
    }
    h.title = parts.join(' ').replace(/\s+/g, ' ').trim();
  }

  // Legal bases: the "Căn cứ …" and "Thực hiện …" paragraphs before the first Roman-numeral heading.
  for (let j = Math.max(i, 0); j < paras.length; j++) {
    const k = key(paras[j].text);
    if (/^[IVX]+[.\s]/.test(paras[j].text) || /^(i|1)\s+muc/.test(k)) break;
    if (/^(can cu|thuc hien|c\S{0,2}n c\S{0,2}\s)/.test(k)) h.legalBases.push(paras[j].text.trim());
    if (!h.issuer) {
      const m = paras[j].text.match(/(?:^|[,;]\s*)((?:Sở|Ủy ban|UBND|Bộ|Trung tâm|Bệnh viện)[^,;]{0,40}?)\s+(?:ban hành|xây dựng)\s+(?:“|")?Kế hoạch/u);
      if (m) h.issuer = m[1].trim();
    }
  }

  const all = paras.map((p) => p.text).join('\n');
  const rep = all.match(/thay thế\s+((?:Kế hoạch|Quyết định|Chỉ thị|Công văn)\s+số\s+[^\n]+?)(?:\.\s|\.$|\n|;)/u);
  if (rep) h.replaces = rep[1].trim();

  readClosing(paras, h);
  // The plan's own year comes from its title ("… năm 2026", issued in 2025), else from its date.
  h.year = yearOf(h.title) ?? dateYear;
  return h;
}

/** Recipients after "Nơi nhận:", and the signature: capacity lines, then the signer's name. */
function readClosing(paras: Para[], h: DraftHeader) {
  const at = paras.findIndex((p) => /^n\S{0,2}i nh\S{0,2}n\b/.test(key(p.text)));
  if (at >= 0) {
    const rest = paras[at].text.replace(/^[^:]*:?\s*/, '');
    const items = rest ? rest.split(/\n|(?<=;)\s*(?=-)/) : [];
    for (let j = at + 1; j < paras.length && /^[-+•]/.test(paras[j].text.trim()); j++) items.push(paras[j].text);
    h.recipients = items.map((t) => t.replace(/^[-+•\s]+|[;.,\s]+$/g, '').trim()).filter(Boolean);
  }
  // The capacity nearest the end ("KT. GIÁM ĐỐC" then "PHÓ GIÁM ĐỐC"), then the first name after it.
  const from = Math.max(0, at >= 0 ? at - 8 : paras.length - 30);
  for (let j = paras.length - 1; j >= from; j--) {
    if (!paras[j].text.split('\n').some((l) => SIGN.test(key(l)))) continue;
    // "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC": start from the first capacity line of the block.
    while (j > from && SIGN.test(key(paras[j - 1].text))) j--;
    const capacity: string[] = [];
    for (const l of paras[j].text.split('\n')) if (SIGN.test(key(l))) capacity.push(l.trim());
    for (let n = j + 1; n < paras.length && capacity.length < 3 && SIGN.test(key(paras[n].text)); n++) capacity.push(paras[n].text.trim());
    h.signerTitle = capacity.join(' / ');
    for (let n = j; n < paras.length && !h.signer; n++) {
      for (const l of paras[n].text.split('\n')) h.signer ??= personName(l.trim());
    }
    break;
  }
  // OCR puts the name anywhere near the end: the last line that looks like a person's name.
  if (!h.signer) for (let j = paras.length - 1; j >= Math.max(0, paras.length - 12) && !h.signer; j--) h.signer = personName(paras[j].text.trim());
}

export function yearOf(text: string): number | null {
  const m = text.match(/(?:năm|giai đoạn|nam|giai doan)\s+((?:19|20)\d{2})/iu);
  return m ? Number(m[1]) : null;
}
