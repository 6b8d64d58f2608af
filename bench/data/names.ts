// Names of the benchmark's org trees and people: the 34 provinces and cities after the 2025 merger, the
// divisions of a Sở Y tế, its hospitals, centres, area health centres and commune stations, and the
// Vietnamese names of its staff. Plain lists; which item a row gets is decided by a hash in SQL.
import { searchKey } from '../../core/text/vietnamese.ts';

/** The 34 provinces and centrally-run cities from 1 July 2025; t01 is the first, t34 the last. */
export const PROVINCES = [
  'Hà Nội', 'Thành phố Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế',
  'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng',
  'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Ninh Bình', 'Quảng Trị',
  'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai', 'Tây Ninh', 'Vĩnh Long',
  'Đồng Tháp', 'Cà Mau', 'An Giang',
] as const;

/** The six centrally-run cities: their people's committee is "UBND THÀNH PHỐ …", the others' "UBND TỈNH …". */
export const CITIES = new Set<string>(['Hà Nội', 'Thành phố Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế']);

/** "Thành phố Hồ Chí Minh" is written in full in names; the others are the bare name. */
export const committeeOf = (p: string) => (p.startsWith('Thành phố') ? `UBND ${p.toUpperCase()}` : `UBND ${CITIES.has(p) ? 'THÀNH PHỐ' : 'TỈNH'} ${p.toUpperCase()}`);

export interface DivisionName { name: string; shortName: string; aliases: string[]; login: string }

/**
 * The divisions of a Sở after the 2025 reorganisation. Planning and finance first: plan 0, the 5,000-task
 * plan, belongs to it, as the Sở's yearly plan does.
 */
export const DIVISIONS: DivisionName[] = [
  { name: 'Phòng Kế hoạch - Tài chính', shortName: 'P.KHTC', aliases: ['Phòng KHTC', 'KHTC'], login: 'khtc' },
  { name: 'Phòng Tổ chức cán bộ', shortName: 'P.TCCB', aliases: ['Phòng TCCB', 'TCCB'], login: 'tccb' },
  { name: 'Phòng Nghiệp vụ Y', shortName: 'P.NVY', aliases: ['Phòng NVY', 'NVY'], login: 'nvy' },
  { name: 'Phòng Nghiệp vụ Dược', shortName: 'P.NVD', aliases: ['Phòng NVD', 'NVD'], login: 'nvd' },
  { name: 'Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin', shortName: 'P.QLBHYT&CNTT', aliases: ['Phòng QLBHYT&CNTT', 'QLBHYT&CNTT'], login: 'cntt' },
  { name: 'Phòng Dân số và Bảo trợ xã hội', shortName: 'P.DS&BTXH', aliases: ['Phòng DS&BTXH'], login: 'dsbt' },
  { name: 'Văn phòng Sở', shortName: 'VP', aliases: ['Văn phòng', 'VPS'], login: 'vp' },
  { name: 'Thanh tra Sở', shortName: 'TTr', aliases: ['Thanh tra'], login: 'ttra' },
];

/** Province-level hospitals ({p} the province); the last ones are area hospitals named after a place ({x}). */
export const HOSPITALS = [
  'Bệnh viện Đa khoa {p}', 'Bệnh viện Nhi {p}', 'Bệnh viện Phụ sản {p}', 'Bệnh viện Y học cổ truyền {p}', 'Bệnh viện Phổi {p}',
  'Bệnh viện Tâm thần {p}', 'Bệnh viện Mắt {p}', 'Bệnh viện Phục hồi chức năng {p}', 'Bệnh viện Da liễu {p}', 'Bệnh viện Ung bướu {p}',
  'Bệnh viện Tim mạch {p}', 'Bệnh viện Nội tiết {p}', 'Bệnh viện Răng Hàm Mặt {p}', 'Bệnh viện Chấn thương chỉnh hình {p}',
  'Bệnh viện Bệnh nhiệt đới {p}', 'Bệnh viện Lão khoa {p}',
];
export const AREA_HOSPITAL = 'Bệnh viện Đa khoa khu vực {x}';

export const CENTRES = [
  'Trung tâm Kiểm soát bệnh tật {p}', 'Trung tâm Cấp cứu 115 {p}', 'Trung tâm Pháp y {p}', 'Trung tâm Giám định y khoa {p}',
  'Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm {p}', 'Chi cục An toàn vệ sinh thực phẩm {p}', 'Trung tâm Công tác xã hội {p}',
  'Trung tâm Bảo trợ xã hội {p}', 'Trung tâm Điều dưỡng người có công {p}', 'Trung tâm Giám định pháp y tâm thần {p}',
];

/** Short names as the Sở's documents abbreviate them. */
export function shortNameOf(name: string): string {
  return name.replace('Trung tâm Kiểm soát bệnh tật', 'CDC').replace('Trung tâm Y tế khu vực', 'TTYT').replace('Trạm Y tế', 'TYT')
    .replace('Bệnh viện Đa khoa khu vực', 'BVĐKKV').replace('Bệnh viện Đa khoa', 'BVĐK').replace('Bệnh viện', 'BV')
    .replace('Chi cục An toàn vệ sinh thực phẩm', 'Chi cục ATVSTP').replace('Trung tâm', 'TT');
}

// Place names (communes, wards, areas) made of two common Sino-Vietnamese words, as most of them are.
const FIRST = ['Tân', 'Bình', 'Phú', 'An', 'Hòa', 'Long', 'Mỹ', 'Vĩnh', 'Phước', 'Thuận', 'Hưng', 'Quảng', 'Xuân', 'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Hồng', 'Kim', 'Thanh', 'Đức', 'Thái'];
const SECOND = ['An', 'Bình', 'Hòa', 'Lợi', 'Phú', 'Thành', 'Hưng', 'Thịnh', 'Lộc', 'Điền', 'Sơn', 'Hải', 'Lâm', 'Tiến', 'Phong', 'Khánh', 'Mỹ', 'Quang', 'Yên', 'Định'];

/** `count` distinct place names for tenant number `tenant`, spread over the list so neighbours differ. */
export function placeNames(tenant: number, count: number): string[] {
  // Unit names must differ without their accents too (org_units_tenant_name_key): no "Thanh Thành".
  const all = FIRST.flatMap((a) => SECOND.filter((b) => searchKey(b) !== searchKey(a)).map((b) => `${a} ${b}`));
  if (count > all.length) throw new Error(`Chỉ có ${all.length} tên địa danh, cần ${count}`);
  // 0.618 of the list apart, a stride prime to its length, so the walk visits every name once.
  let stride = Math.round(all.length * 0.618);
  while (gcd(stride, all.length) !== 1) stride++;
  return Array.from({ length: count }, (_, i) => all[(tenant * 37 + i * stride) % all.length]);
}
const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

// People's names: family name (weighted as in the population by repetition), middle and given names by sex.
export const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Mai'];
export const MIDDLE_F = ['Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Minh', 'Hồng', 'Bích', 'Diệu'];
export const MIDDLE_M = ['Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Xuân', 'Công', 'Hoàng'];
export const GIVEN_F = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'Ngân', 'Nga', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Uyên', 'Vân', 'Yến'];
export const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Kiên', 'Long', 'Minh', 'Nam', 'Nghĩa', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Thành', 'Trung', 'Tuấn', 'Việt'];
