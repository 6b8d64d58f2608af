// The words of the benchmark's plans, tasks, indicators and reports, as a Sở Y tế writes them. Rows
// pick from these lists by hash; search keys are made from them by the same searchKey the services use.

/** "Kế hoạch <topic> năm 2026". */
export const PLAN_TOPICS = [
  'triển khai công tác y tế', 'chuyển đổi số ngành y tế', 'phòng, chống dịch bệnh truyền nhiễm', 'tiêm chủng mở rộng',
  'bảo đảm an toàn thực phẩm', 'nâng cao chất lượng khám bệnh, chữa bệnh', 'phát triển y tế cơ sở', 'cải cách hành chính',
  'thực hiện bệnh án điện tử', 'chăm sóc sức khỏe người cao tuổi', 'phòng, chống bệnh không lây nhiễm', 'công tác dân số và phát triển',
  'đào tạo, bồi dưỡng cán bộ y tế', 'thanh toán không dùng tiền mặt trong khám bệnh, chữa bệnh', 'bảo đảm cung ứng thuốc, vật tư y tế',
  'kiểm soát nhiễm khuẩn bệnh viện', 'phòng, chống HIV/AIDS', 'chăm sóc sức khỏe bà mẹ, trẻ em', 'y tế trường học', 'thực hiện Nghị quyết số 57-NQ/TW',
  'phòng, chống sốt xuất huyết', 'truyền thông giáo dục sức khỏe', 'quản lý chất thải y tế', 'thi đua, khen thưởng',
];

export const SECTION_TITLES = [
  'NÂNG CAO NHẬN THỨC, TRÁCH NHIỆM', 'HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH', 'PHÁT TRIỂN HẠ TẦNG, ỨNG DỤNG CÔNG NGHỆ THÔNG TIN',
  'NÂNG CAO CHẤT LƯỢNG DỊCH VỤ', 'PHÁT TRIỂN NGUỒN NHÂN LỰC', 'KIỂM TRA, GIÁM SÁT, BÁO CÁO', 'BẢO ĐẢM KINH PHÍ THỰC HIỆN',
];
export const ROMAN = ['I', 'II', 'III', 'IV'];

/** A task is "<action> <object>". */
export const TASK_ACTIONS = [
  'Triển khai', 'Tổ chức thực hiện', 'Rà soát, cập nhật', 'Xây dựng và ban hành', 'Kiểm tra, giám sát', 'Tổng hợp, báo cáo kết quả',
  'Tập huấn, hướng dẫn', 'Đánh giá tình hình', 'Tuyên truyền, phổ biến', 'Phối hợp thực hiện', 'Duy trì và nâng cao', 'Đôn đốc thực hiện',
  'Củng cố, kiện toàn', 'Theo dõi, cập nhật',
];
export const TASK_OBJECTS = [
  'hồ sơ sức khỏe điện tử cho người dân', 'bệnh án điện tử tại bệnh viện', 'tiêm chủng mở rộng cho trẻ em dưới 1 tuổi',
  'giám sát bệnh truyền nhiễm tại cộng đồng', 'kiểm tra an toàn thực phẩm tại bếp ăn tập thể', 'quản lý bệnh tăng huyết áp, đái tháo đường',
  'thanh toán viện phí không dùng tiền mặt', 'kết nối liên thông đơn thuốc điện tử', 'phòng, chống sốt xuất huyết', 'khám sức khỏe định kỳ cho người cao tuổi',
  'chăm sóc sức khỏe bà mẹ trước và sau sinh', 'kiểm soát nhiễm khuẩn trong cơ sở khám bệnh, chữa bệnh', 'xử lý chất thải y tế nguy hại',
  'đào tạo liên tục cho nhân viên y tế', 'cải cách thủ tục hành chính lĩnh vực y tế', 'đấu thầu cung ứng thuốc, vật tư y tế',
  'quy chế dân chủ ở cơ sở', 'an toàn thông tin trên hệ thống thông tin y tế', 'truyền thông thay đổi hành vi sức khỏe', 'sàng lọc trước sinh và sơ sinh',
  'khám chữa bệnh bảo hiểm y tế tại trạm y tế', 'dinh dưỡng cho trẻ em dưới 5 tuổi', 'phòng, chống HIV/AIDS và ma túy', 'y tế trường học',
  'chương trình mục tiêu quốc gia về y tế', 'quản lý hành nghề y, dược tư nhân', 'cấp cứu ngoại viện 115', 'đánh giá chất lượng bệnh viện theo bộ tiêu chí',
  'số hóa hồ sơ lưu trữ', 'kế hoạch tài chính và dự toán ngân sách',
];
export const TASK_PRODUCTS = [
  'Báo cáo kết quả thực hiện', 'Kế hoạch chi tiết', 'Quyết định ban hành', 'Văn bản hướng dẫn', 'Biên bản kiểm tra',
  'Danh sách tổng hợp', 'Hệ thống vận hành', 'Tài liệu tập huấn', 'Số liệu cập nhật trên phần mềm', 'Công văn đôn đốc',
];

/** Notes of progress updates that are not the last one, and the note of a completion. */
export const PROGRESS_NOTES = [
  'Đang triển khai theo kế hoạch.', 'Đã xây dựng kế hoạch chi tiết, đang tổ chức thực hiện.', 'Đã hoàn thành một phần, đang tổng hợp số liệu.',
  'Đang phối hợp với các đơn vị liên quan để triển khai.', 'Đang chờ ý kiến của phòng chuyên môn thuộc Sở.', 'Đã tổ chức tập huấn, đang triển khai tại các khoa, phòng.',
];
export const DONE_NOTE = 'Đã hoàn thành, gửi kèm báo cáo kết quả.';

export const LEGAL_BASES = [
  'Luật Khám bệnh, chữa bệnh số 15/2023/QH15 ngày 09/01/2023',
  'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
];

/**
 * Indicators: what is measured, as a ratio (numerator of denominator, %) or a count, with the usual target and
 * a unit's typical denominator (a commune station's; a hospital has eight times as much).
 */
export const INDICATORS: { subject: string; ratio: boolean; target: number; size: number; numerator: string; denominator: string }[] = [
  { subject: 'Trẻ em dưới 1 tuổi được tiêm chủng đầy đủ', ratio: true, target: 95, size: 20, numerator: 'Số trẻ được tiêm đủ mũi', denominator: 'Số trẻ dưới 1 tuổi' },
  { subject: 'Người dân có hồ sơ sức khỏe điện tử', ratio: true, target: 90, size: 800, numerator: 'Số người có hồ sơ', denominator: 'Số dân được quản lý' },
  { subject: 'Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', ratio: true, target: 70, size: 15, numerator: 'Số hồ sơ xử lý toàn trình', denominator: 'Tổng số hồ sơ tiếp nhận' },
  { subject: 'Lượt khám bệnh thanh toán không dùng tiền mặt', ratio: true, target: 80, size: 300, numerator: 'Số lượt thanh toán không dùng tiền mặt', denominator: 'Tổng số lượt thanh toán' },
  { subject: 'Người bệnh tăng huyết áp được quản lý, điều trị', ratio: true, target: 60, size: 60, numerator: 'Số người được quản lý', denominator: 'Số người phát hiện tăng huyết áp' },
  { subject: 'Phụ nữ có thai được khám thai đủ 4 lần', ratio: true, target: 90, size: 12, numerator: 'Số phụ nữ khám đủ 4 lần', denominator: 'Số phụ nữ đẻ trong kỳ' },
  { subject: 'Cơ sở thực phẩm được kiểm tra đạt yêu cầu', ratio: true, target: 85, size: 10, numerator: 'Số cơ sở đạt', denominator: 'Số cơ sở được kiểm tra' },
  { subject: 'Đơn thuốc điện tử được liên thông', ratio: true, target: 95, size: 250, numerator: 'Số đơn thuốc liên thông', denominator: 'Tổng số đơn thuốc' },
  { subject: 'Người cao tuổi được khám sức khỏe định kỳ', ratio: true, target: 70, size: 120, numerator: 'Số người được khám', denominator: 'Số người cao tuổi được quản lý' },
  { subject: 'Chất thải y tế nguy hại được xử lý đúng quy định', ratio: true, target: 100, size: 40, numerator: 'Khối lượng được xử lý (kg)', denominator: 'Khối lượng phát sinh (kg)' },
  { subject: 'Người dân hài lòng với dịch vụ y tế', ratio: true, target: 90, size: 50, numerator: 'Số phiếu hài lòng', denominator: 'Tổng số phiếu khảo sát' },
  { subject: 'Trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi được can thiệp', ratio: true, target: 80, size: 8, numerator: 'Số trẻ được can thiệp', denominator: 'Số trẻ suy dinh dưỡng' },
  { subject: 'Lượt khám bệnh, chữa bệnh', ratio: false, target: 0, size: 900, numerator: '', denominator: '' },
  { subject: 'Lượt người được tư vấn, truyền thông giáo dục sức khỏe', ratio: false, target: 0, size: 150, numerator: '', denominator: '' },
  { subject: 'Ca bệnh truyền nhiễm được giám sát, xử lý', ratio: false, target: 0, size: 6, numerator: '', denominator: '' },
  { subject: 'Lượt cán bộ được đào tạo liên tục', ratio: false, target: 0, size: 4, numerator: '', denominator: '' },
];

/** Monthly report schedules: "Báo cáo tháng về <topic>", each reviewed by a division (its login in names.ts). */
export const REPORT_TOPICS: [topic: string, division: string][] = [
  ['công tác khám bệnh, chữa bệnh', 'nvy'], ['phòng, chống dịch bệnh truyền nhiễm', 'nvy'], ['tiêm chủng mở rộng', 'nvy'],
  ['bảo đảm an toàn thực phẩm', 'nvd'], ['chuyển đổi số y tế', 'cntt'], ['cung ứng thuốc, vật tư y tế', 'nvd'],
  ['công tác dân số và bảo trợ xã hội', 'dsbt'], ['tài chính, giá dịch vụ y tế', 'khtc'], ['tổ chức cán bộ, đào tạo', 'tccb'],
  ['cải cách hành chính', 'vp'],
];

export const REPORT_RESULTS = [
  'Hoàn thành các nhiệm vụ trong tháng theo kế hoạch; số liệu đã cập nhật đầy đủ trên phần mềm.',
  'Cơ bản hoàn thành các nhiệm vụ được giao; một số nhiệm vụ đang tiếp tục triển khai.',
  'Đã tổ chức triển khai đầy đủ các nội dung theo chỉ đạo của Sở Y tế, bảo đảm tiến độ.',
  'Các chỉ tiêu chuyên môn trong tháng đạt và vượt kế hoạch đề ra.',
];
export const REPORT_DIFFICULTIES = [
  'Nhân lực còn thiếu, phần lớn cán bộ kiêm nhiệm.', 'Kinh phí thực hiện còn hạn chế.', 'Hạ tầng công nghệ thông tin chưa đồng bộ.',
  'Chưa có hướng dẫn cụ thể của cấp trên về một số nội dung.', '',
];
