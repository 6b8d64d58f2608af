// Tasks of a plan that has no appendix table, as plans write them in prose:
// - "Tổ chức thực hiện" with each unit's heading and its duties as bullets ("1. Phòng Nghiệp vụ Y: - … - …");
// - numbered orders "1. Giao Văn phòng Sở chủ trì tổng hợp, theo dõi …";
// - a paragraph ending with its lead in parentheses ("(Giao Sở Y tế chủ trì, phối hợp với …)");
// - a section's own block "Nội dung … / Cơ quan chủ trì, phối hợp … / Thời gian thực hiện …".
import { searchKey } from '../text/vietnamese.ts';
import type { DraftSection, DraftTask } from './types.ts';
import type { Para } from './header.ts';
import { splitUnits } from './units.ts';

const ROMAN_HEADING = /^([IVX]{1,5})[.)]\s*(.+)$/u;
const NUMBERED = /^(\d{1,2})[.)]\s*(.+)$/u;
// Read on search keys, so OCR's "Phong T6 chirc can bd" is a heading too.
const UNIT_KEY = /^(?:phong|van phong|cac|trung tam|benh vien|chi cuc|so|ban|thanh tra|don vi|co quan|uy ban|ubnd|truong|vien|hoi dong|bao hiem xa hoi|cong an|bao|dai|hoi|mat tran|lien doan)\b/;
const isUnitName = (t: string) => UNIT_KEY.test(searchKey(t));
// A time written in the sentence: "hoàn thành trong quý II/2026", "trước ngày 15/12 hằng năm", "cuối năm 2027", "hằng quý".
const TIME_IN_TEXT = new RegExp([
  '(?:[Hh]oàn thành|[Tt]hời gian)[^.;]{0,25}?((?:trong |trước |năm |quý |tháng )[^.;]+?)(?=[.;]|$)',
  '(trước ngày \\d{1,2}\\/\\d{1,2}(?:\\/\\d{4})?(?: và \\d{1,2}\\/\\d{1,2})?(?: (?:hằng|hàng) năm)?)',
  '(trong (?:[Qq]uý [IVX]+(?:, ?[IVX]+)?|tháng \\d{1,2}(?:-\\d{1,2})?|năm)\\/?\\s?\\d{4})',
  '(cuối năm \\d{4}|6 tháng đầu năm(?: \\d{4})?|(?:hằng|hàng) (?:tháng|quý|năm))',
].join('|'), 'u');
const timeIn = (text: string) => { const m = text.match(TIME_IN_TEXT); return (m?.slice(1).find(Boolean) ?? '').trim(); };

const task = (section: string | null, no: string, title: string, lead: string, line: number, extra: Partial<DraftTask> = {}): DraftTask => {
  const units = splitUnits(lead);
  const deadline = timeIn(title);
  return {
    section, no, title: title.replace(/[;.]\s*$/, '').trim(), lead: units.names, coordinators: units.also, deadlineText: deadline,
    product: null, note: null, line, doubts: { lead: 'Đơn vị chủ trì được đọc từ lời văn; hãy kiểm tra.', ...(deadline ? {} : { deadline: 'Văn bản không ghi thời hạn cho nhiệm vụ này.' }) }, ...extra,
  };
};

export function proseTasks(paras: Para[]): { sections: DraftSection[]; tasks: DraftTask[] } {
  const sections: DraftSection[] = [];
  const tasks: DraftTask[] = [];
  let section: string | null = null;
  let inOrganisation = false;
  let unit: { name: string; no: string } | null = null;
  let bullet = 0;
  let block: DraftTask | null = null;
  let heading: { no: string; text: string; line: number } | null = null;
  let topic: string | null = null;

  for (const p of paras) {
    const text = p.text.trim();
    const roman = text.match(ROMAN_HEADING);
    if (roman && text.length < 200) {
      section = roman[1];
      sections.push({ code: section, title: roman[2].replace(/[:.]$/, ''), line: p.line });
      inOrganisation = /to chuc thuc hien|trach nhiem thuc hien/.test(searchKey(roman[2]));
      unit = null; block = null;
      continue;
    }
    // "(Giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan)" closing a paragraph.
    const tail = text.match(/^(.{20,}?)\s*\((?:Giao\s+)?([^()]{3,120}?)\s+chủ trì(?:,?\s*phối hợp(?:\s+với)?\s+([^()]+))?\)\.?$/u);
    if (tail) {
      const num = tail[1].match(NUMBERED);
      const t = task(section, num?.[1] ?? String(tasks.length + 1), num ? num[2] : tail[1], tail[2], p.line);
      t.coordinators.push(...splitUnits(tail[3]).names);
      tasks.push(t);
      continue;
    }
    const labelled = text.match(/^[-+•]?\s*(Cơ quan chủ trì(?:, phối hợp)?|Đơn vị chủ trì|Chủ trì|Cơ quan phối hợp|Đơn vị phối hợp|Phối hợp|Thời gian(?: thực hiện| hoàn thành)?|Sản phẩm|Kết quả(?:\/sản phẩm)?|Nội dung(?:, biện pháp)?)\s*:\s*(.+)$/u);
    // A numbered heading followed by "Cơ quan chủ trì: …" is the task's content (UBND plans write it so).
    if (labelled && !block && heading && /chủ trì/iu.test(labelled[1])) {
      block = task(section, heading.no, heading.text, '', heading.line);
      tasks.push(block);
    }
    if (labelled && (block || /^Nội dung/u.test(labelled[1]))) {
      const [label, value] = [searchKey(labelled[1]), labelled[2].trim()];
      if (/^noi dung/.test(label)) { block = task(section, String(tasks.length + 1), value, '', p.line); tasks.push(block); continue; }
      if (!block) continue;
      if (/chu tri/.test(label)) {
        const [l, c = ''] = value.split(/[;,.]?\s*phối hợp(?:\s+với)?:?\s*/iu);
        const u = splitUnits(l.replace(/chủ trì[;,.]?/iu, ''));
        block.lead = u.names; block.coordinators.push(...u.also, ...splitUnits(c).names); delete block.doubts.lead;
      } else if (/phoi hop/.test(label)) block.coordinators.push(...splitUnits(value).names);
      else if (/thoi gian/.test(label)) { block.deadlineText = value.replace(/[.;]$/, ''); delete block.doubts.deadline; }
      else block.product = value.replace(/[.;]$/, '');
      continue;
    }
    // The closing ("Trên đây là Kế hoạch …", "Nơi nhận:", the signature) ends the duties.
    if (/^(tr\S{0,2}n day \S{1,2}\b|n\S{0,2}i nh\S{0,2}n|kt |tm |giam doc|pho giam doc)/.test(searchKey(text))) { inOrganisation = false; unit = null; continue; }
    const numbered = text.match(NUMBERED);
    if (!inOrganisation) {
      heading = numbered ? { no: numbered[1], text: numbered[2].replace(/[:.]\s*$/, ''), line: p.line } : labelled ? heading : null;
      if (numbered) block = null;
      continue;
    }
    const body = numbered ? numbered[2] : text.replace(/^[-+•]\s*/, '');
    // "1. Giao Văn phòng Sở chủ trì tổng hợp …", "Trung tâm Kiểm soát bệnh tật chủ trì, phối hợp với các đơn vị triển khai …".
    const order = body.match(/^(?:Giao\s+)?(.{3,90}?)\s+(chủ trì|phối hợp|có trách nhiệm|căn cứ|theo chức năng|chịu trách nhiệm|thực hiện|tổ chức|là|báo cáo|gửi)(?=[\s,.;:]|$)(.*)$/u);
    if (order && isUnitName(order[1]) && body.length > 40 && (numbered || !unit)) {
      unit = null; block = null;
      // Under a numbered topic heading ("7. Chế độ báo cáo") the order takes the topic's number.
      const no = numbered?.[1] ?? (topic && !tasks.some((x) => x.section === section && x.no === topic) ? topic : String(tasks.length + 1));
      const t = task(section, no, body, order[1], p.line);
      const also = order[3].match(/^,?\s*phối hợp(?:\s+với)?\s+(.+?)\s+(?:triển khai|thực hiện|tổ chức|tham mưu|hướng dẫn|xây dựng|kiểm tra)\b/u);
      if (order[2] === 'chủ trì' && also) t.coordinators.push(...splitUnits(also[1]).names);
      tasks.push(t);
      continue;
    }
    if (numbered) {
      // A unit's heading: its duties follow, as bullets or as plain paragraphs.
      block = null;
      // "6. Đề nghị Bảo hiểm xã hội tỉnh": a body outside the sector asked to help.
      const name = body.replace(/[:.]\s*$/, '').replace(/^Đề nghị\s+/u, '').trim();
      unit = isUnitName(name) && name.split(/\s+/).length <= 16 ? { name, no: numbered[1] } : null;
      topic = unit ? null : numbered[1];
      bullet = 0;
      continue;
    }
    if (unit) {
      bullet++;
      tasks.push(task(section, `${unit.no}.${bullet}`, body, unit.name, p.line));
    }
  }
  return { sections: sections.filter((s) => tasks.some((t) => t.section === s.code)), tasks };
}
