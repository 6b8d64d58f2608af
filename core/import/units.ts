// Splitting a lead or coordinator cell into the bodies it names, as written:
// "Phòng Tổ chức cán bộ, Phòng Kế hoạch - Tài chính, Văn phòng Sở, các phòng thuộc Sở" is four;
// "- Các phòng chuyên môn, đơn vị trực thuộc; - Bệnh viện Quân dân y" is three.

// Words a unit's name starts with. " - " before one of them separates two bodies; before anything
// else it is part of a name ("Kế hoạch - Tài chính", "Tổ chức - Hành chính").
const HEADS = [
  'Phòng', 'Văn phòng', 'Các', 'Đơn vị', 'Bệnh viện', 'Trung tâm', 'Chi cục', 'Sở', 'Ban', 'Bộ', 'UBND', 'Ủy ban', 'Uỷ ban',
  'Thanh tra', 'Cơ quan', 'Công an', 'Hội đồng', 'HĐND', 'Thành ủy', 'Tỉnh ủy', 'Trường', 'Viện', 'Tổ', 'Đảng ủy', 'Công đoàn',
  'Đoàn', 'Hội', 'Cục', 'Báo', 'Đài', 'Liên đoàn', 'Mặt trận', 'Kho bạc', 'Bảo hiểm xã hội', 'Bưu điện', 'Vụ', 'Lãnh đạo', 'Giám đốc', 'BGĐ', 'P.', 'TTYT', 'BV', 'CDC', 'Chủ tịch', 'Người đứng đầu', 'Thủ trưởng',
];
const HEAD = new RegExp(`^(?:${HEADS.map((h) => h.replace('.', '\\.')).join('|')})(?=[\\s.:]|$)`, 'u');
// Group words that start a second body even in lower case: "Các phòng chuyên môn, đơn vị trực thuộc".
const LOWER_HEAD = /^(?:các|đơn vị|phòng|văn phòng|bệnh viện|trung tâm|chi cục|ban giám đốc)(?=\s|$)/u;
const startsBody = (rest: string) => HEAD.test(rest) || LOWER_HEAD.test(rest);

/** Punctuation and list marks around a part; "Phòng:" keeps nothing but the name. */
function tidy(part: string): string {
  return part.replace(/^[\s\-–+•;,.:]+|[\s;,.:]+$/g, '').replace(/\s+/g, ' ').trim();
}

/** Bodies named in a cell, in order; "X phối hợp (với) Y" gives X here and Y in `also`. */
export function splitUnits(cell: string | null | undefined): { names: string[]; also: string[] } {
  // Line breaks separate bodies (cells with one body per line, "<br>" in web tables): keep them.
  const text = (cell ?? '').replace(/[ \t\u00a0]+/g, ' ').trim();
  if (!text) return { names: [], also: [] };
  const joint = text.match(/^([\s\S]+?)\s+(?:chủ trì,?\s*)?phối hợp(?:\s+với)?\s+([\s\S]+)$/iu);
  if (joint && !/^phối hợp/iu.test(text)) return { names: splitList(joint[1]), also: splitList(joint[2]) };
  return { names: splitList(text), also: [] };
}

function splitList(text: string): string[] {
  const out: string[] = [];
  // Parentheses hold explanations ("(nếu có)", "(qua Văn phòng Sở)"), never separators.
  let depth = 0;
  let cur = '';
  // "Phòng Tổ chức cán bộ, Kế hoạch - Tài chính": after "Phòng …" a capitalised name is another division.
  let divisions = false;
  const push = () => {
    const t = tidy(cur);
    if (t && !/^(và|với)$/iu.test(t)) out.push(t);
    cur = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0) {
      const rest = text.slice(i + 1).trimStart();
      if (ch === ';' || ch === '\n') { push(); continue; }
      // A comma separates bodies only before the start of another body: "xã, phường", "khám bệnh, chữa bệnh"
      // and "Báo và Phát thanh, Truyền hình" stay one name.
      if (ch === ',' && !out.length) divisions = /^[\s\-–+•]*Phòng\b/u.test(cur);
      if (ch === ',' && (startsBody(rest) || (divisions && /^\p{Lu}/u.test(rest)))) { push(); continue; }
      // A list dash: at the start, or " - " / " – " before a word a unit's name starts with.
      if ((ch === '-' || ch === '–' || ch === '+') && /\s$|^$/.test(cur) && text[i + 1] === ' ' && (tidy(cur) === '' || startsBody(text.slice(i + 2)))) { push(); continue; }
      // "… và các đơn vị liên quan", "Công an tỉnh và Ủy ban nhân dân các xã" name a second body.
      if (text.startsWith(' và ', i) && HEAD.test(text.slice(i + 4)) || /^ và các /u.test(text.slice(i, i + 8))) { push(); i += 3; continue; }
    }
    cur += ch;
  }
  push();
  return out;
}
