// The year in money: the estimate (support computed from the assignments, the reward fund and adjustments set by
// finance), what was spent against it, month by month, and the adjustments recorded. Only finance of this exact
// unit sets the fund and adjustments; the support part is always computed, never typed.
import { lazy, Suspense, useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Skeleton, Table, Typography } from 'antd';
import { DiffOutlined, GiftOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import FormModal from '../../components/FormModal.tsx';
import { Money, MoneyInput } from '../rewards/shared.tsx';
import { monthLabel, type BudgetAdjustment, type BudgetMonth, type BudgetView } from './types.ts';

const BudgetChart = lazy(() => import('./BudgetChart.tsx'));

interface Props { view: BudgetView; canPay: boolean; onChange: (next: BudgetView) => void }

export default function EstimateTab({ view, canPay, onChange }: Props) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<'fund' | 'adjust' | null>(null);
  const [fundForm] = Form.useForm<{ rewardFund: number; note: string }>();
  const [adjustForm] = Form.useForm<{ amount: number; reason: string; decisionNo: string }>();
  const path = `/api/allowance/units/${view.unit.id}/budget/${view.year}`;
  const any = view.months.some((m) => m.amount || m.spent);

  return (
    <>
      <Tiles view={view} />
      {canPay && (
        <div className="kh-rw-actions">
          <Button icon={<GiftOutlined />} onClick={() => setOpen('fund')}>Quỹ thưởng của năm</Button>
          <Button icon={<DiffOutlined />} onClick={() => setOpen('adjust')}>Điều chỉnh dự toán</Button>
        </div>
      )}
      <Card size="small" title="Hỗ trợ hằng tháng: dự toán và đã chi" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          Dự toán tính từ các quyết định phân công và chính sách, coi như mọi người đủ điều kiện xếp loại (mức trần cần bố trí).
          Đã chi tính theo tháng của danh sách đã chi trả; truy lĩnh, thu hồi tính vào tháng chi.
        </Typography.Paragraph>
        {any && <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}><BudgetChart months={view.months} /></Suspense>}
        <Table<BudgetMonth>
          rowKey="month" size="small" pagination={false} dataSource={view.months} scroll={{ x: 560 }} style={{ marginTop: 8 }} id="bang-thang"
          columns={[
            { title: 'Tháng', dataIndex: 'month', width: 90, render: (m: string) => monthLabel(m) },
            { title: 'Số người', dataIndex: 'people', width: 80, align: 'right', render: (n: number) => n || <span className="kh-muted">—</span> },
            { title: 'Dự toán', dataIndex: 'amount', width: 140, align: 'right', render: (v: number) => <Amount value={v} /> },
            { title: 'Đã chi', dataIndex: 'spent', width: 140, align: 'right', render: (v: number) => <Amount value={v} /> },
            { title: 'Chênh lệch', key: 'diff', width: 140, align: 'right', render: (_, m) => <Amount value={m.amount - m.spent} /> },
          ]}
          summary={() => (
            <Table.Summary.Row className="kh-rw-total">
              <Table.Summary.Cell index={0} colSpan={2}>Cả năm</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right"><Money value={view.estimate.allowance} /></Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right"><Money value={view.spent.allowance} /></Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right"><Money value={view.estimate.allowance - view.spent.allowance} /></Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
      <Card size="small" title="Quỹ thưởng và điều chỉnh dự toán" style={{ marginBottom: 16 }}>
        {view.note && <Typography.Paragraph><b>Ghi chú quỹ thưởng:</b> {view.note}</Typography.Paragraph>}
        {view.adjustmentItems.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có điều chỉnh dự toán trong năm." /> : (
          <Table<BudgetAdjustment>
            rowKey="id" size="small" pagination={false} dataSource={view.adjustmentItems} scroll={{ x: 640 }}
            columns={[
              { title: 'Ngày ghi', dataIndex: 'createdAt', width: 100, render: (v: string) => formatDate(v) },
              { title: 'Số tiền', dataIndex: 'amount', width: 140, align: 'right', render: (v: number) => <Money value={v} /> },
              { title: 'Lý do', dataIndex: 'reason', render: (v: string) => <span className="kh-rw-text">{v}</span> },
              { title: 'Số văn bản', dataIndex: 'decisionNo', width: 130, render: (v: string) => v || '—' },
              { title: 'Người ghi', dataIndex: 'createdByName', width: 150 },
            ]}
          />
        )}
      </Card>

      <FormModal<{ rewardFund: number; note: string }>
        title={`Quỹ thưởng năm ${view.year}`} open={open === 'fund'} form={fundForm} onCancel={() => setOpen(null)}
        initialValues={{ rewardFund: view.estimate.rewardFund, note: view.note }}
        onSubmit={async (v) => {
          onChange(await api.put<BudgetView>(path, { rewardFund: v.rewardFund, note: v.note ?? '' }));
          message.success('Đã ghi quỹ thưởng của năm.');
          setOpen(null);
        }}
      >
        <Form.Item name="rewardFund" label="Quỹ thưởng (khoản 4, Điều 2 Nghị quyết)" rules={[{ required: true, message: 'Nhập quỹ thưởng của năm (0 nếu chưa bố trí).' }]}>
          <MoneyInput autoFocus />
        </Form.Item>
        <Form.Item name="note" label="Căn cứ, ghi chú" extra="Ví dụ: theo Quyết định giao dự toán số …">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </FormModal>

      <FormModal<{ amount: number; reason: string; decisionNo: string }>
        title={`Điều chỉnh dự toán năm ${view.year}`} okText="Ghi điều chỉnh" open={open === 'adjust'} form={adjustForm} onCancel={() => setOpen(null)}
        onSubmit={async (v) => {
          onChange(await api.post<BudgetView>(`${path}/adjustments`, { amount: v.amount, reason: v.reason, decisionNo: v.decisionNo ?? '' }));
          message.success('Đã ghi điều chỉnh dự toán.');
          setOpen(null);
        }}
      >
        <Form.Item name="amount" label="Số tiền điều chỉnh" extra="Số dương để tăng, số âm (có dấu “-”) để giảm dự toán."
          rules={[{ required: true, message: 'Nhập số tiền điều chỉnh.' }, { validator: (_, v) => (v === 0 ? Promise.reject(new Error('Số tiền điều chỉnh phải khác 0.')) : Promise.resolve()) }]}>
          <MoneyInput allowNegative autoFocus />
        </Form.Item>
        <Form.Item name="reason" label="Lý do điều chỉnh" rules={[{ required: true, whitespace: true, message: 'Nêu lý do điều chỉnh dự toán.' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="decisionNo" label="Số văn bản điều chỉnh">
          <Input maxLength={100} placeholder="Ví dụ: 88/QĐ-SYT" />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** The estimate on the first row, the spending on the second; what is left turns red when spending passes the estimate. */
function Tiles({ view }: { view: BudgetView }) {
  const tiles: { key: string; label: string; value: number; hint?: string; tone?: 'main' | 'warn' }[] = [
    { key: 'du-toan-ho-tro', label: 'Dự toán hỗ trợ', value: view.estimate.allowance, hint: 'Tính từ phân công, chính sách' },
    { key: 'quy-thuong', label: 'Quỹ thưởng', value: view.estimate.rewardFund },
    { key: 'dieu-chinh', label: 'Điều chỉnh', value: view.estimate.adjustments },
    { key: 'tong-du-toan', label: 'Tổng dự toán', value: view.estimate.total, tone: 'main' },
    { key: 'da-chi-ho-tro', label: 'Đã chi hỗ trợ', value: view.spent.allowance, hint: 'Danh sách đã chi trả' },
    { key: 'da-chi-thuong', label: 'Đã chi thưởng', value: view.spent.rewards, hint: 'Quyết định thưởng trong năm' },
    { key: 'tong-da-chi', label: 'Tổng đã chi', value: view.spent.total },
    { key: 'con-lai', label: 'Còn lại', value: view.remaining, tone: view.remaining < 0 ? 'warn' : 'main' },
  ];
  return (
    <div className="kh-rw-tiles kh-rw-tiles-4">
      {tiles.map((t) => (
        <div key={t.key} id={`so-${t.key}`} className={`kh-rw-tile${t.tone ? ` kh-rw-tile-${t.tone}` : ''}`}>
          <div className="kh-rw-tile-label">{t.label}</div>
          <div className="kh-rw-tile-value"><Money value={t.value} /></div>
          {t.hint && <div className="kh-rw-tile-hint">{t.hint}</div>}
        </div>
      ))}
    </div>
  );
}

/** A month with nothing in it reads as a dash, so the months that matter stand out. */
const Amount = ({ value }: { value: number }) => (value ? <Money value={value} /> : <span className="kh-muted">—</span>);
