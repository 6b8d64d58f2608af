// The policy's versions: monthly rates per category, the lowest rating that qualifies, the partial-month rule,
// each from a date. A change is a new version (the one before ends the day before); versions are never edited,
// so a paid list always shows the rates it was paid at. The Sở's administrator adds versions.
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Breadcrumb, Button, Checkbox, DatePicker, Empty, Form, Input, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { PARTIAL_MONTH_LABELS, PARTIAL_MONTH_RULES, RATING_LABELS, RATINGS, type PartialMonthRule, type Rating } from '../../../core/allowance/types.ts';
import { addDays, formatViDate } from '../../../core/schedule/dates.ts';
import { api, ApiError } from '../../api/client.ts';
import { currentMonth, overviewLink, policyOfMonth, type PolicyRow } from '../../api/allowance.ts';
import FormModal from '../../components/FormModal.tsx';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import { ExampleAlert, Money, MoneyInput } from './shared.tsx';
import './allowance.css';

interface Values {
  effectiveFrom: Dayjs; rateFullTime: number; ratePartTime: number; minRating: Rating; partialMonth: PartialMonthRule;
  isExample: boolean; legalBasis?: string; note?: string;
}

export default function PolicyPage() {
  const { message } = App.useApp();
  const { can, dataVersion } = useSession();
  const isPhone = useIsPhone();
  const [items, setItems] = useState<PolicyRow[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();

  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: PolicyRow[] }>('/api/allowance/policies')).items);
    } catch (err) {
      setItems([]);
      if (err instanceof ApiError && err.status !== 401) message.error(err.message);
    }
  }, [message, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, [load]);

  const current = items ? policyOfMonth(items, currentMonth()) : null;
  const latest = items?.[0];
  const to = (p: PolicyRow) => (p.effectiveTo ? formatViDate(p.effectiveTo) : 'Đang áp dụng');
  const example = (p: PolicyRow) => (p.isExample ? <Tag color="warning">Minh họa</Tag> : <Tag color="success">Mức chính thức</Tag>);
  const columns: ColumnsType<PolicyRow> = isPhone ? [{
    title: 'Phiên bản', key: 'p', render: (_, p) => (
      <div className="kh-al-line-card">
        <div className="kh-al-line-head"><b>Phiên bản {p.version}</b>{example(p)}</div>
        <span>Từ {formatViDate(p.effectiveFrom)} đến {to(p)}</span>
        <span>Chuyên trách <Money value={p.rateFullTime} /> · Kiêm nhiệm <Money value={p.ratePartTime} /></span>
        <span className="kh-muted">Tối thiểu: {RATING_LABELS[p.minRating]} · {PARTIAL_MONTH_LABELS[p.partialMonth]}</span>
      </div>
    ),
  }] : [
    { title: 'Phiên bản', dataIndex: 'version', key: 'version', width: 85, align: 'center' },
    { title: 'Từ ngày', key: 'from', width: 110, render: (_, p) => formatViDate(p.effectiveFrom) },
    { title: 'Đến ngày', key: 'to', width: 120, render: (_, p) => to(p) },
    { title: 'Mức chuyên trách (đồng/tháng)', key: 'full', width: 130, align: 'right', render: (_, p) => <Money value={p.rateFullTime} /> },
    { title: 'Mức kiêm nhiệm (đồng/tháng)', key: 'part', width: 130, align: 'right', render: (_, p) => <Money value={p.ratePartTime} /> },
    { title: 'Xếp loại tối thiểu', key: 'min', width: 150, render: (_, p) => RATING_LABELS[p.minRating] },
    { title: 'Tháng không trọn', key: 'partial', width: 150, render: (_, p) => PARTIAL_MONTH_LABELS[p.partialMonth] },
    { title: 'Minh họa?', key: 'example', width: 120, render: (_, p) => example(p) },
  ];

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to={overviewLink()}>Hỗ trợ chuyển đổi số</Link> }, { title: 'Chính sách hỗ trợ' }]} />
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Chính sách hỗ trợ</Typography.Title>
        {can('allowance.policy') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>Thêm phiên bản</Button>}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        Mỗi thay đổi về mức hỗ trợ, xếp loại tối thiểu hoặc cách tính tháng không trọn là một phiên bản mới, áp dụng từ tháng chứa ngày bắt đầu của nó trở đi
        (tháng bắt đầu giữa chừng áp dụng phiên bản có hiệu lực ngày đầu tháng). Danh sách đã chi trả giữ nguyên mức đã áp dụng.
      </Typography.Paragraph>
      {current?.isExample && <ExampleAlert />}
      {!items ? <Skeleton active paragraph={{ rows: 4 }} /> : (
        <Table<PolicyRow>
          rowKey="id" size="middle" dataSource={items} columns={columns} pagination={false} className="kh-al-table"
          scroll={isPhone ? undefined : { x: 1000 }}
          locale={{ emptyText: <Empty description="Chưa có phiên bản chính sách nào: chưa lập được danh sách hưởng hỗ trợ." /> }}
          expandable={{
            rowExpandable: (p) => !!(p.legalBasis || p.note),
            expandedRowRender: (p) => (
              <div>
                {p.legalBasis && <div><b>Căn cứ:</b> {p.legalBasis}</div>}
                {p.note && <div><b>Ghi chú:</b> {p.note}</div>}
              </div>
            ),
            columnTitle: <span className="kh-sr-only">Căn cứ, ghi chú</span>,
          }}
        />
      )}
      <FormModal<Values>
        title="Thêm phiên bản chính sách" okText="Lưu phiên bản" width={680} open={adding} form={form} onCancel={() => setAdding(false)}
        initialValues={latest ? {
          rateFullTime: latest.rateFullTime, ratePartTime: latest.ratePartTime, minRating: latest.minRating, partialMonth: latest.partialMonth,
          isExample: latest.isExample, legalBasis: latest.legalBasis,
        } : { minRating: 'done', partialMonth: 'by_days', isExample: false }}
        onSubmit={async (v) => {
          await api.post('/api/allowance/policies', {
            effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), rateFullTime: Number(v.rateFullTime), ratePartTime: Number(v.ratePartTime),
            minRating: v.minRating, partialMonth: v.partialMonth, isExample: !!v.isExample, legalBasis: (v.legalBasis ?? '').trim(), note: (v.note ?? '').trim(),
          });
          setAdding(false);
          message.success('Đã thêm phiên bản chính sách. Các danh sách chưa duyệt cần lập lại từ hồ sơ để áp dụng.');
          await load();
        }}
      >
        <Form.Item name="effectiveFrom" label="Ngày bắt đầu áp dụng" rules={[{ required: true, message: 'Nhập ngày bắt đầu áp dụng.' }]}
          extra={latest ? `Phải sau ngày ${formatViDate(latest.effectiveFrom)} (phiên bản ${latest.version}); phiên bản ${latest.version} kết thúc vào ngày trước đó.` : undefined}>
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: 200 }}
            disabledDate={latest ? (d) => d.format('YYYY-MM-DD') <= latest.effectiveFrom : undefined}
            defaultPickerValue={latest ? dayjs(addDays(latest.effectiveFrom, 1)) : undefined} />
        </Form.Item>
        <div className="kh-form-grid">
          <Form.Item name="rateFullTime" label="Mức chuyên trách (đồng/tháng)" rules={[{ required: true, message: 'Nhập mức hỗ trợ chuyên trách.' }]}>
            <MoneyInput />
          </Form.Item>
          <Form.Item name="ratePartTime" label="Mức kiêm nhiệm (đồng/tháng)" rules={[{ required: true, message: 'Nhập mức hỗ trợ kiêm nhiệm.' }]}>
            <MoneyInput />
          </Form.Item>
          <Form.Item name="minRating" label="Xếp loại tối thiểu được hưởng" rules={[{ required: true, message: 'Chọn xếp loại tối thiểu.' }]}>
            <Select options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="partialMonth" label="Tháng hưởng không trọn" rules={[{ required: true, message: 'Chọn cách tính tháng không trọn.' }]}>
            <Select options={PARTIAL_MONTH_RULES.map((r) => ({ value: r, label: PARTIAL_MONTH_LABELS[r] }))} />
          </Form.Item>
        </div>
        <Form.Item name="isExample" valuePropName="checked" extra="Bỏ đánh dấu chỉ khi đây là mức do Thành phố quy định; mọi màn hình, văn bản dùng mức minh họa đều ghi rõ là minh họa.">
          <Checkbox>Mức hỗ trợ là số liệu minh họa</Checkbox>
        </Form.Item>
        <Form.Item name="legalBasis" label="Căn cứ">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
