// "Hồ sơ kiểm tra, kiểm toán" (seed 000 II.5): every list, decision, assignment, rating and payment of the chosen
// months as one .zip with SHA256SUMS. A plain link, so the browser downloads it as any file; the range is checked
// here first because a refused range would otherwise open the server's error as a page.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Typography } from 'antd';
import { FileZipOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { monthLabel } from './types.ts';

/** The server's own limit (server/modules/allowance/dossier.ts MAX_MONTHS). */
const MAX_MONTHS = 24;
const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

interface Props { unitId: string; unitName: string; from: string; to: string; lastMonth: string }

export default function DossierCard({ unitId, unitName, from: initialFrom, to: initialTo, lastMonth }: Props) {
  const [[from, to], setRange] = useState<[string, string]>([initialFrom, initialTo]);
  const n = monthsBetween(from, to);
  const tooLong = n > MAX_MONTHS;
  const href = `/api/allowance/units/${unitId}/dossier.zip?from=${from}&to=${to}`;

  return (
    <Card size="small" id="ho-so-kiem-toan" title={<span><FileZipOutlined /> Hồ sơ kiểm tra, kiểm toán</span>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        Một tệp .zip của {unitName} trong các tháng đã chọn: danh sách hằng tháng và quyết định phê duyệt, hồ sơ xác định đối tượng (phân công, xếp loại, chính sách khác), hồ sơ chi trả và trích nhật ký kiểm toán.
      </Typography.Paragraph>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <DatePicker.RangePicker
          picker="month" format="MM/YYYY" allowClear={false} inputReadOnly aria-label="Từ tháng, đến tháng" id="ky-ho-so"
          value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
          disabledDate={(d) => d.format('YYYY-MM') > lastMonth}
          onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0].format('YYYY-MM'), v[1].format('YYYY-MM')]); }}
          placeholder={['Từ tháng', 'Đến tháng']}
        />
        <Button type="primary" icon={<FileZipOutlined />} href={tooLong ? undefined : href} disabled={tooLong} download>
          Tải hồ sơ ({monthLabel(from)}–{monthLabel(to)})
        </Button>
      </Space>
      {tooLong && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={`Mỗi hồ sơ gồm tối đa ${MAX_MONTHS} tháng (đã chọn ${n} tháng); chia thời kỳ thành nhiều hồ sơ.`} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }}>
        Cách kiểm tra: giải nén rồi chạy <code className="kh-rw-code">sha256sum -c SHA256SUMS</code> trong thư mục hồ sơ — mọi dòng phải báo OK; tệp nào bị sửa
        hoặc thiếu sẽ bị chỉ ra. Mỗi lần tải được ghi vào nhật ký kiểm toán kèm mã băm của hồ sơ.
      </Typography.Paragraph>
    </Card>
  );
}
