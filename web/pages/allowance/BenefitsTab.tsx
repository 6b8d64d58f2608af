// Other supports the unit's people receive. One paid for the same work as the assignment makes the
// Resolution's support not due (no double payment); the engine reads these to refuse it.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Checkbox, DatePicker, Empty, Form, Input, Select, Skeleton, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { formatViDate } from '../../../core/schedule/dates.ts';
import { api, ApiError } from '../../api/client.ts';
import type { BenefitRow } from '../../api/allowance.ts';
import FormModal from '../../components/FormModal.tsx';
import { useIsPhone } from '../../components/responsive.ts';
import type { PersonOption } from './RecordsPage.tsx';
import { accentFree, DATE_FORMAT, isoDay } from '../../components/inputs.ts';

interface Props { unitId: string; people: PersonOption[]; canRecord: boolean }
interface Values { personId: string; name: string; basis?: string; startOn: Dayjs; endOn?: Dayjs | null; sameWork: boolean }
const span = (b: BenefitRow) => `${formatViDate(b.startOn)} – ${b.endOn ? formatViDate(b.endOn) : 'không thời hạn'}`;

function SameWorkTag({ b }: { b: BenefitRow }) {
  return b.sameWork ? <Tag color="red">Cùng nhiệm vụ — không hưởng trùng</Tag> : <Tag>Nhiệm vụ khác</Tag>;
}

export default function BenefitsTab({ unitId, people, canRecord }: Props) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [items, setItems] = useState<BenefitRow[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();

  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: BenefitRow[] }>(`/api/allowance/units/${unitId}/benefits`)).items);
    } catch (err) {
      setItems([]);
      if (err instanceof ApiError) message.error(err.message);
    }
  }, [unitId, message]);
  useEffect(() => { void load(); }, [load]);

  const columns: ColumnsType<BenefitRow> = isPhone ? [{
    title: 'Chính sách khác', key: 'b', render: (_, b) => (
      <div className="kh-al-line-card">
        <b>{b.personName}</b>
        <span>{b.name}</span>
        {b.basis && <span className="kh-muted">{b.basis}</span>}
        <span className="kh-muted">{span(b)}</span>
        <SameWorkTag b={b} />
      </div>
    ),
  }] : [
    { title: 'Họ và tên', dataIndex: 'personName', key: 'name', width: 170 },
    { title: 'Chính sách, khoản hỗ trợ', dataIndex: 'name', key: 'benefit' },
    { title: 'Căn cứ', dataIndex: 'basis', key: 'basis', width: 200, render: (v: string) => v || '—' },
    { title: 'Thời gian', key: 'span', width: 200, render: (_, b) => span(b) },
    { title: 'Trùng lặp', key: 'same', width: 250, render: (_, b) => <SameWorkTag b={b} /> },
  ];

  return (
    <>
      {canRecord && (
        <div className="kh-al-actions">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>Thêm chính sách khác</Button>
        </div>
      )}
      {!items ? <Skeleton active paragraph={{ rows: 4 }} /> : (
        <Table<BenefitRow>
          rowKey="id" size="small" dataSource={items} columns={columns} pagination={false} className="kh-al-table"
          scroll={isPhone ? undefined : { x: 1000 }}
          locale={{ emptyText: <Empty description="Chưa ghi chính sách hỗ trợ khác nào của cán bộ đơn vị." /> }}
        />
      )}
      <FormModal<Values>
        title="Thêm chính sách hỗ trợ khác" okText="Lưu" width={640} open={adding} form={form} onCancel={() => setAdding(false)}
        initialValues={{ sameWork: true }}
        onSubmit={async (v) => {
          await api.post(`/api/allowance/units/${unitId}/benefits`, {
            personId: v.personId, name: v.name.trim(), basis: (v.basis ?? '').trim(), startOn: isoDay(v.startOn), endOn: isoDay(v.endOn), sameWork: !!v.sameWork,
          });
          setAdding(false);
          message.success('Đã ghi chính sách khác. Lập lại danh sách các tháng chưa duyệt để áp dụng.');
          await load();
        }}
      >
        <Form.Item name="personId" label="Cán bộ" rules={[{ required: true, message: 'Chọn cán bộ.' }]}>
          <Select showSearch={accentFree} options={people} placeholder="Chọn cán bộ (gõ tên để tìm)" notFoundContent="Không có cán bộ phù hợp" />
        </Form.Item>
        <Form.Item name="name" label="Tên chính sách, khoản hỗ trợ" rules={[{ required: true, whitespace: true, message: 'Nhập tên chính sách, khoản hỗ trợ.' }]}>
          <Input maxLength={300} placeholder="Ví dụ: Hỗ trợ cán bộ triển khai Đề án 06" />
        </Form.Item>
        <Form.Item name="basis" label="Căn cứ">
          <Input maxLength={500} placeholder="Ví dụ: Quyết định số 1120/QĐ-UBND" />
        </Form.Item>
        <div className="kh-form-grid">
          <Form.Item name="startOn" label="Từ ngày" rules={[{ required: true, message: 'Nhập ngày bắt đầu hưởng.' }]}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="endOn" label="Đến ngày" extra="Để trống nếu không thời hạn.">
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="sameWork" valuePropName="checked" extra="Đánh dấu khi khoản này trả cho chính nhiệm vụ được phân công: cán bộ không được hưởng hỗ trợ theo Nghị quyết 07 trong thời gian đó.">
          <Checkbox>Cho cùng nhiệm vụ (không được hưởng trùng)</Checkbox>
        </Form.Item>
      </FormModal>
    </>
  );
}
