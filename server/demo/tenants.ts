// Demo tenants built from the seed plans: the org units each plan names, written as the plans write them.
import type { Role } from '../../core/auth/policy.ts';
import type { UnitKindName } from '../../core/org/units.ts';

export interface DemoUnit {
  key: string;
  kind: UnitKindName;
  name: string;
  shortName?: string;
  aliases?: string[];
  parent?: string;
  people?: [fullName: string, title: string, position: string][];
}

export interface DemoTenant {
  code: string;
  name: string;
  shortName: string;
  aliases: string[];
  prefix: string;
  units: DemoUnit[];
  users: [username: string, displayName: string, role: Role, unitKey: string][];
  /** Further roles of the accounts above (the allowance's duties sit beside a person's daily role). */
  grants?: [username: string, role: Role, unitKey: string][];
}

const LEADERSHIP = (people: DemoUnit['people']): DemoUnit => ({
  key: 'bgd', kind: 'leadership', name: 'Ban Giám đốc', shortName: 'BGĐ', aliases: ['Ban Giám đốc Sở', 'GĐ, các PGĐ Sở', 'Lãnh đạo Sở'], people,
});

export const DEMO_TENANTS: DemoTenant[] = [
  {
    // Seed 000: plan for Resolution 07/2026/NQ-HĐND; seed 001: emulation movement 2025–2030.
    code: 'hanoi', name: 'Sở Y tế Hà Nội', shortName: 'SYT Hà Nội', aliases: ['Sở Y tế', 'Cơ quan Sở Y tế'], prefix: 'hn',
    units: [
      LEADERSHIP([['Trần Văn Hưng', 'Giám đốc Sở', 'Lãnh đạo quản lý'], ['Nguyễn Thị Lan Anh', 'Phó Giám đốc Sở', 'Lãnh đạo quản lý']]),
      { key: 'vp', kind: 'division', name: 'Văn phòng Sở', shortName: 'VP', aliases: ['Văn phòng', 'VPS'], people: [['Đỗ Minh Châu', 'Chánh Văn phòng', 'Quản lý hành chính'], ['Phạm Thu Hà', 'Chuyên viên', 'Văn thư, lưu trữ']] },
      { key: 'tccb', kind: 'division', name: 'Phòng Tổ chức cán bộ', shortName: 'P.TCCB', aliases: ['Phòng TCCB', 'TCCB', 'Tổ chức cán bộ'], people: [['Lê Quang Đạt', 'Trưởng phòng', 'Quản lý nhân sự'], ['Vũ Thị Ngọc Ánh', 'Chuyên viên', 'Tổ chức bộ máy, vị trí việc làm']] },
      { key: 'khtc', kind: 'division', name: 'Phòng Kế hoạch - Tài chính', shortName: 'P.KHTC', aliases: ['Phòng KHTC', 'KHTC', 'Kế hoạch - Tài chính', 'Kế hoạch tài chính'], people: [['Hoàng Văn Bình', 'Trưởng phòng', 'Quản lý tài chính'], ['Ngô Thị Thảo', 'Kế toán viên', 'Kế toán']] },
      { key: 'cntt', kind: 'division', name: 'Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin', shortName: 'P.QLBHYT&CNTT', aliases: ['Phòng QLBHYT&CNTT', 'Phòng Quản lý BHYT&CNTT', 'QLBHYT&CNTT', 'Phòng Quản lý bảo hiểm và Công nghệ thông tin'], people: [['Bùi Đức Thắng', 'Trưởng phòng', 'Quản lý công nghệ thông tin'], ['Đặng Hải Yến', 'Chuyên viên', 'Chuyển đổi số'], ['Nguyễn Tiến Dũng', 'Chuyên viên', 'An toàn thông tin']] },
      { key: 'nvy', kind: 'division', name: 'Phòng Nghiệp vụ Y', shortName: 'P.NVY', aliases: ['Phòng NVY', 'NVY'] },
      { key: 'nvd', kind: 'division', name: 'Phòng Nghiệp vụ Dược', shortName: 'P.NVD', aliases: ['Phòng NVD', 'NVD'] },
      { key: 'xanhpon', kind: 'unit', name: 'Bệnh viện Đa khoa Xanh Pôn', shortName: 'BV Xanh Pôn', aliases: ['Bệnh viện Xanh Pôn'], people: [['Trịnh Văn Khải', 'Giám đốc', 'Lãnh đạo quản lý'], ['Lý Thị Mai', 'Trưởng phòng Công nghệ thông tin', 'Công nghệ thông tin'], ['Nguyễn Thu Trang', 'Trưởng phòng Tổ chức cán bộ', 'Quản lý nhân sự'], ['Đinh Văn Long', 'Kế toán trưởng', 'Kế toán']] },
      { key: 'xanhpon-cntt', kind: 'team', parent: 'xanhpon', name: 'Phòng Công nghệ thông tin - Bệnh viện Đa khoa Xanh Pôn', shortName: 'P.CNTT Xanh Pôn', people: [['Phan Văn Tú', 'Kỹ sư', 'Quản trị hệ thống thông tin'], ['Hà Thị Quỳnh', 'Điều dưỡng', 'Điều dưỡng; kiêm nhiệm bệnh án điện tử']] },
      { key: 'thanhnhan', kind: 'unit', name: 'Bệnh viện Thanh Nhàn', shortName: 'BV Thanh Nhàn', people: [['Đoàn Minh Khôi', 'Trưởng phòng Công nghệ thông tin', 'Công nghệ thông tin'], ['Lương Thị Hạnh', 'Chuyên viên', 'Thống kê y tế; kiêm nhiệm dữ liệu số'], ['Trần Quốc Bảo', 'Kỹ sư', 'Công nghệ thông tin'], ['Vi Thị Hồng', 'Trưởng phòng Tổ chức cán bộ', 'Quản lý nhân sự'], ['Kiều Văn Nam', 'Kế toán trưởng', 'Kế toán']] },
      { key: 'ducgiang', kind: 'unit', name: 'Bệnh viện Đa khoa Đức Giang', shortName: 'BV Đức Giang' },
      { key: 'tim', kind: 'unit', name: 'Bệnh viện Tim Hà Nội', shortName: 'BV Tim HN' },
      { key: 'cdc', kind: 'unit', name: 'Trung tâm Kiểm soát bệnh tật Hà Nội', shortName: 'CDC Hà Nội', aliases: ['CDC', 'TTKSBT Hà Nội'] },
      { key: 'attp', kind: 'unit', name: 'Chi cục An toàn vệ sinh thực phẩm Hà Nội', shortName: 'Chi cục ATVSTP', aliases: ['Chi cục An toàn thực phẩm'] },
      { key: '115', kind: 'unit', name: 'Trung tâm Cấp cứu 115 Hà Nội', shortName: 'TT 115' },
      { key: 'ttyt-bd', kind: 'unit', name: 'Trung tâm Y tế khu vực Ba Đình', shortName: 'TTYT Ba Đình' },
      { key: 'ttyt-ss', kind: 'unit', name: 'Trung tâm Y tế khu vực Sóc Sơn', shortName: 'TTYT Sóc Sơn' },
    ],
    users: [
      ['hn.quantri', 'Quản trị Sở Y tế Hà Nội', 'admin', 'root'],
      ['hn.lanhdao', 'Trần Văn Hưng', 'leader', 'root'],
      ['hn.tccb', 'Lê Quang Đạt', 'division_staff', 'tccb'],
      ['hn.cntt', 'Đặng Hải Yến', 'division_staff', 'cntt'],
      ['hn.xanhpon', 'Lý Thị Mai', 'unit_focal', 'xanhpon'],
      ['hn.thanhtra', 'Thanh tra viên Hà Nội', 'inspector', 'root'],
      ['hn.khtc', 'Ngô Thị Thảo', 'allowance_finance', 'root'],
      ['hn.xanhpon.tccb', 'Nguyễn Thu Trang', 'allowance_hr', 'xanhpon'],
      ['hn.xanhpon.ketoan', 'Đinh Văn Long', 'allowance_finance', 'xanhpon'],
      ['hn.thanhnhan', 'Đoàn Minh Khôi', 'allowance_it', 'thanhnhan'],
      ['hn.thanhnhan.tccb', 'Vi Thị Hồng', 'allowance_hr', 'thanhnhan'],
      ['hn.thanhnhan.ketoan', 'Kiều Văn Nam', 'allowance_finance', 'thanhnhan'],
      ['hn.thanhnhan.tdkt', 'Lương Thị Hạnh', 'unit_focal', 'thanhnhan'],
    ],
    // Seed 000: the Sở's own staff are listed by Phòng QLBHYT&CNTT and approved by Phòng TCCB; a hospital's by its own sections.
    // Seed 001 IV.1: Phòng TCCB is the standing division of emulation and commendation for the whole sector.
    grants: [['hn.cntt', 'allowance_it', 'root'], ['hn.tccb', 'allowance_hr', 'root'], ['hn.xanhpon', 'allowance_it', 'xanhpon'], ['hn.tccb', 'emulation_officer', 'root']],
  },
  {
    // Seed 003: Resolution 57 plan 2026 of Sở Y tế Đồng Tháp.
    code: 'dongthap', name: 'Sở Y tế Đồng Tháp', shortName: 'SYT Đồng Tháp', aliases: ['Sở Y tế'], prefix: 'dt',
    units: [
      LEADERSHIP([['Võ Thanh Tâm', 'Giám đốc Sở', 'Lãnh đạo quản lý'], ['Huỳnh Thị Kim Loan', 'Phó Giám đốc Sở', 'Lãnh đạo quản lý']]),
      { key: 'vp', kind: 'division', name: 'Văn phòng Sở', shortName: 'VP', aliases: ['Văn phòng', 'VPS'], people: [['Nguyễn Hoàng Phúc', 'Chánh Văn phòng', 'Quản lý hành chính'], ['Trương Mỹ Duyên', 'Chuyên viên', 'Công nghệ thông tin']] },
      { key: 'tccb', kind: 'division', name: 'Phòng Tổ chức cán bộ', shortName: 'P.TCCB', aliases: ['Phòng TCCB', 'TCCB'], people: [['Lâm Văn Sang', 'Trưởng phòng', 'Quản lý nhân sự']] },
      { key: 'khtc', kind: 'division', name: 'Phòng Kế hoạch – Tài chính', shortName: 'P.KHTC', aliases: ['Phòng KHTC', 'KHTC', 'Phòng Kế hoạch - Tài chính'], people: [['Phan Thị Bích Ngọc', 'Trưởng phòng', 'Quản lý tài chính']] },
      { key: 'nvy', kind: 'division', name: 'Phòng Nghiệp vụ Y', shortName: 'P.NVY', aliases: ['Phòng NVY'] },
      { key: 'nvd', kind: 'division', name: 'Phòng Nghiệp vụ Dược', shortName: 'P.NVD', aliases: ['Phòng NVD'] },
      { key: 'bvqdy', kind: 'unit', name: 'Bệnh viện Quân dân y Đồng Tháp', shortName: 'BV QDY', aliases: ['Bệnh viện Quân dân y', 'Bệnh viện QĐY', 'BVQDY'], people: [['Đinh Công Minh', 'Giám đốc', 'Lãnh đạo quản lý'], ['Châu Ngọc Trâm', 'Chuyên viên', 'Công nghệ thông tin']] },
      { key: 'bvdk', kind: 'unit', name: 'Bệnh viện Đa khoa Đồng Tháp', shortName: 'BVĐK Đồng Tháp' },
      { key: 'sadec', kind: 'unit', name: 'Bệnh viện Đa khoa Sa Đéc', shortName: 'BVĐK Sa Đéc' },
      { key: 'cdc', kind: 'unit', name: 'Trung tâm Kiểm soát bệnh tật Đồng Tháp', shortName: 'CDC Đồng Tháp', aliases: ['CDC'] },
      { key: 'attp', kind: 'unit', name: 'Chi cục An toàn thực phẩm Đồng Tháp', shortName: 'Chi cục ATTP', aliases: ['Chi cục An toàn thực phẩm'] },
      { key: 'ttyt-cl', kind: 'unit', name: 'Trung tâm Y tế khu vực Cao Lãnh', shortName: 'TTYT Cao Lãnh', people: [['Tạ Văn Lực', 'Giám đốc', 'Lãnh đạo quản lý']] },
      { key: 'tyt-myhiep', kind: 'unit', parent: 'ttyt-cl', name: 'Trạm Y tế xã Mỹ Hiệp', shortName: 'TYT Mỹ Hiệp', people: [['Lê Thị Út', 'Trưởng trạm', 'Y sĩ']] },
      { key: 'tyt-binhthanh', kind: 'unit', parent: 'ttyt-cl', name: 'Trạm Y tế xã Bình Thạnh', shortName: 'TYT Bình Thạnh' },
      { key: 'ttyt-tm', kind: 'unit', name: 'Trung tâm Y tế khu vực Tháp Mười', shortName: 'TTYT Tháp Mười' },
      { key: 'ttyt-hn', kind: 'unit', name: 'Trung tâm Y tế khu vực Hồng Ngự', shortName: 'TTYT Hồng Ngự' },
    ],
    users: [
      ['dt.quantri', 'Quản trị Sở Y tế Đồng Tháp', 'admin', 'root'],
      ['dt.lanhdao', 'Võ Thanh Tâm', 'leader', 'root'],
      ['dt.vanphong', 'Trương Mỹ Duyên', 'division_staff', 'vp'],
      ['dt.bvqdy', 'Châu Ngọc Trâm', 'unit_focal', 'bvqdy'],
      ['dt.tytmyhiep', 'Lê Thị Út', 'unit_focal', 'tyt-myhiep'],
      ['dt.thanhtra', 'Thanh tra viên Đồng Tháp', 'inspector', 'root'],
    ],
  },
  {
    // Seed 004: administrative-reform plan 2026 of Sở Y tế Hải Phòng.
    code: 'haiphong', name: 'Sở Y tế Hải Phòng', shortName: 'SYT Hải Phòng', aliases: ['Sở Y tế'], prefix: 'hp',
    units: [
      LEADERSHIP([['Lê Minh Quang', 'Giám đốc Sở', 'Lãnh đạo quản lý']]),
      { key: 'tchc', kind: 'division', name: 'Phòng Tổ chức - Hành chính', shortName: 'P.TCHC', aliases: ['Phòng TCHC', 'TCHC', 'Tổ chức - Hành chính'], people: [['Mạc Văn Toàn', 'Trưởng phòng', 'Quản lý nhân sự'], ['Đoàn Thị Hương', 'Chuyên viên', 'Cải cách hành chính']] },
      { key: 'khtc', kind: 'division', name: 'Phòng Kế hoạch - Tài chính', shortName: 'P.KHTC', aliases: ['Phòng KHTC', 'KHTC'], people: [['Vương Thị Nga', 'Trưởng phòng', 'Quản lý tài chính']] },
      { key: 'nvy', kind: 'division', name: 'Phòng Nghiệp vụ Y', shortName: 'P.NVY', aliases: ['Phòng NVY'] },
      { key: 'nvd', kind: 'division', name: 'Phòng Nghiệp vụ Dược', shortName: 'P.NVD', aliases: ['Phòng NVD'] },
      { key: 'viettiep', kind: 'unit', name: 'Bệnh viện Hữu nghị Việt Tiệp', shortName: 'BV Việt Tiệp', people: [['Cao Xuân Trường', 'Trưởng phòng Công nghệ thông tin', 'Công nghệ thông tin']] },
      { key: 'kienan', kind: 'unit', name: 'Bệnh viện Kiến An', shortName: 'BV Kiến An' },
      { key: 'treem', kind: 'unit', name: 'Bệnh viện Trẻ em Hải Phòng', shortName: 'BV Trẻ em' },
      { key: 'phusan', kind: 'unit', name: 'Bệnh viện Phụ sản Hải Phòng', shortName: 'BV Phụ sản' },
      { key: 'cdc', kind: 'unit', name: 'Trung tâm Kiểm soát bệnh tật Hải Phòng', shortName: 'CDC Hải Phòng', aliases: ['CDC'] },
      { key: 'attp', kind: 'unit', name: 'Chi cục An toàn vệ sinh thực phẩm Hải Phòng', shortName: 'Chi cục ATVSTP' },
      { key: 'ttyt-lc', kind: 'unit', name: 'Trung tâm Y tế khu vực Lê Chân', shortName: 'TTYT Lê Chân' },
      { key: 'ttyt-tn', kind: 'unit', name: 'Trung tâm Y tế khu vực Thủy Nguyên', shortName: 'TTYT Thủy Nguyên' },
    ],
    users: [
      ['hp.quantri', 'Quản trị Sở Y tế Hải Phòng', 'admin', 'root'],
      ['hp.lanhdao', 'Lê Minh Quang', 'leader', 'root'],
      ['hp.tchc', 'Đoàn Thị Hương', 'division_staff', 'tchc'],
      ['hp.viettiep', 'Cao Xuân Trường', 'unit_focal', 'viettiep'],
      ['hp.thanhtra', 'Thanh tra viên Hải Phòng', 'inspector', 'root'],
    ],
  },
];
