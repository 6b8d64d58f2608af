// The settlement (quyết toán) of the year: each person's paid money per month, by the month of the list that
// paid it — as the books count it — with the totals, the lists it rests on, and the same sheet as Excel.
import { useEffect, useState } from 'react';
import { Button, Card, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { LIST_STATUS_LABELS, type ListStatus } from '../../../core/allowance/workflow.ts';
import { formatViNumber } from '../../../core/text/vietnamese.ts';
import { api, ApiError } from '../../api/client.ts';
import { Money, formatIsoDate } from '../rewards/shared.tsx';
import { monthLabel, monthShort, type Settlement, type SettlementPerson } from './types.ts';

export default function SettlementTab({ unitId, year }: { unitId: string; year: number }) {
  const [data, setData] = useState<Settlement | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setData(null);
    setError(null);
    api.get<Settlement>(`/api/allowance/units/${unitId}/settlement/${year}`).then(
      (s) => { if (!cancelled) setData(s); },
      (err) => { if (!cancelled) setError(err instanceof ApiError ? err.message : 'Không tải được quyết toán.'); },
    );
    return () => { cancelled = true; };
  }, [unitId, year]);

  if (error) return <Empty description={error} />;
  if (!data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const xlsx = `/api/allowance/units/${unitId}/settlement/${year}/xlsx`;
  const paid = data.lists.filter((l) => l.status === 'paid');

  return (
    <>
      <Card
        size="small" style={{ marginBottom: 16 }} title={`Quyết toán năm ${year}`}
        extra={<Button size="small" icon={<FileExcelOutlined />} href={xlsx} download>Tải Excel</Button>}
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          Đơn vị: đồng. Số tiền đã chi theo tháng chi trả; truy lĩnh, thu hồi tính vào tháng chi. Chỉ danh sách đã chi trả được tính.
        </Typography.Paragraph>
        {data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`Chưa có danh sách nào đã chi trả trong năm ${year}.`} /> : (
          <Table<SettlementPerson>
            rowKey="personId" size="small" pagination={false} dataSource={data.items} scroll={{ x: 1520 }} id="bang-quyet-toan"
            columns={[
              { title: 'STT', key: 'i', width: 48, align: 'right', fixed: 'left', render: (_, __, i) => i + 1 },
              { title: 'Họ và tên', dataIndex: 'name', width: 170, fixed: 'left', render: (n: string, p) => <>{n}{p.title && <div className="kh-muted">{p.title}</div>}</> },
              ...data.months.map((m, i) => ({
                title: <abbr title={`Tháng ${monthLabel(m)}`} style={{ textDecoration: 'none' }}>{monthShort(m)}</abbr>, key: m, width: 90, align: 'right' as const,
                render: (_: unknown, p: SettlementPerson) => <Plain value={p.months[i]} />,
              })),
              { title: 'Truy lĩnh, thu hồi', dataIndex: 'adjustments', width: 100, align: 'right', render: (v: number) => <Plain value={v} /> },
              { title: 'Cộng', dataIndex: 'total', width: 110, align: 'right', fixed: 'right', render: (v: number) => <Plain value={v} strong /> },
            ]}
            summary={() => (
              <Table.Summary fixed="bottom">
                <Table.Summary.Row className="kh-rw-total">
                  <Table.Summary.Cell index={0} colSpan={2}>Tổng cộng</Table.Summary.Cell>
                  {data.totals.map((t, i) => <Table.Summary.Cell key={data.months[i]} index={i + 2} align="right"><Plain value={t} /></Table.Summary.Cell>)}
                  <Table.Summary.Cell index={14} align="right"><Plain value={data.items.reduce((s, p) => s + p.adjustments, 0)} /></Table.Summary.Cell>
                  <Table.Summary.Cell index={15} align="right"><span id="tong-quyet-toan"><Plain value={data.total} strong /></span></Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        )}
      </Card>
      <Card size="small" title="Danh sách của các tháng" style={{ marginBottom: 16 }}>
        {data.lists.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa lập danh sách nào trong năm." /> : (
          <Table
            rowKey="month" size="small" pagination={false} dataSource={data.lists} scroll={{ x: 640 }}
            footer={() => <span>{paid.length} danh sách đã chi trả, tổng <Money value={paid.reduce((s, l) => s + (l.paidAmount ?? 0), 0)} strong />.</span>}
            columns={[
              { title: 'Tháng', dataIndex: 'month', width: 90, render: (m: string) => monthLabel(m) },
              { title: 'Trạng thái', dataIndex: 'status', width: 150, render: (s: ListStatus) => <Tag color={s === 'paid' ? 'success' : 'default'}>{LIST_STATUS_LABELS[s] ?? s}</Tag> },
              { title: 'Quyết định phê duyệt', dataIndex: 'decisionNo', width: 170, render: (v: string) => v || '—' },
              { title: 'Kỳ lương', dataIndex: 'payPeriod', width: 150, render: (v: string) => v || '—' },
              { title: 'Ngày chi', dataIndex: 'paidOn', width: 110, render: (v: string | null) => formatIsoDate(v) },
              { title: 'Số đã chi', dataIndex: 'paidAmount', width: 130, align: 'right', render: (v: number | null) => <Money value={v} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}

/** Twelve months side by side: the digits only (the unit is said once above), a dash for nothing paid. */
function Plain({ value, strong }: { value: number; strong?: boolean }) {
  if (!value) return <span className="kh-muted">—</span>;
  return <span style={{ whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined, color: value < 0 ? '#cf1322' : undefined }}>{formatViNumber(value)}</span>;
}
