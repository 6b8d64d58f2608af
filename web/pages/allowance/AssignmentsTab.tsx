// Assignment decisions (quyết định phân công) of a paying unit: rõ người, rõ việc, rõ thời gian, rõ sản phẩm
// đầu ra. HR records a new one or stops one early when the person no longer qualifies (seed 000 II.5).
import { useState } from 'react';
import { App, Button, DatePicker, Empty, Form, Input, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PauseCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../core/allowance/types.ts';
import { formatViDate, todayInVietnam } from '../../../core/schedule/dates.ts';
import { api } from '../../api/client.ts';
import type { AssignmentRow } from '../../api/allowance.ts';
import FormModal from '../../components/FormModal.tsx';
import { useIsPhone } from '../../components/responsive.ts';
import type { PersonOption } from './RecordsPage.tsx';
import { accentFree, DATE_FORMAT, isoDay } from '../../components/inputs.ts';

interface Props { unitId: string; items: AssignmentRow[]; people: PersonOption[]; canRecord: boolean; onChanged: () => Promise<void> }
interface Values {
  personId: string; decisionNo: string; decisionDate: Dayjs; signer?: string; task: string; output: string;
  category: Category; jobPosition: string; startOn: Dayjs; endOn?: Dayjs | null;
}
const d = (v: string | null) => (v ? formatViDate(v) : '');

function StateTag({ a }: { a: AssignmentRow }) {
  const today = todayInVietnam();
  if (a.stoppedOn) return <Tooltip title={a.stopReason}><Tag color="red">Dừng hưởng sau {formatViDate(a.stoppedOn)}</Tag></Tooltip>;
  if (a.startOn > today) return <Tag>Chưa bắt đầu</Tag>;
  if (a.endOn && a.endOn < today) return <Tag>Hết thời hạn</Tag>;
  return <Tag color="success">Đang thực hiện</Tag>;
}

export default function AssignmentsTab({ unitId, items, people, canRecord, onChanged }: Props) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [adding, setAdding] = useState(false);
  const [stopping, setStopping] = useState<AssignmentRow | null>(null);
  const [form] = Form.useForm<Values>();
  const [stopForm] = Form.useForm<{ stoppedOn: Dayjs; reason: string }>();
  const period = (a: AssignmentRow) => `${d(a.startOn)} – ${a.endOn ? d(a.endOn) : 'không thời hạn'}`;
  const stopButton = (a: AssignmentRow) => canRecord && !a.stoppedOn && (
    <Button size="small" style={{ alignSelf: 'flex-start' }} icon={<PauseCircleOutlined />} onClick={() => setStopping(a)} aria-label={`Dừng hưởng: ${a.personName}, quyết định ${a.decisionNo}`}>Dừng hưởng</Button>
  );

  const columns: ColumnsType<AssignmentRow> = isPhone ? [{
    title: 'Quyết định phân công', key: 'a', render: (_, a) => (
      <div className="kh-al-line-card">
        <div className="kh-al-line-head"><b>{a.personName}</b><StateTag a={a} /></div>
        <span>QĐ {a.decisionNo} ngày {d(a.decisionDate)} · {a.categoryLabel}</span>
        <span>{a.task}</span>
        <span className="kh-muted">Sản phẩm: {a.output}</span>
        <span className="kh-muted">{period(a)}</span>
        {stopButton(a)}
      </div>
    ),
  }] : [
    { title: 'Họ và tên', key: 'name', width: 170, fixed: 'left', render: (_, a) => <div><div style={{ fontWeight: 500 }}>{a.personName}</div><span className="kh-muted">{a.personTitle}</span></div> },
    {
      title: 'Quyết định', key: 'decision', width: 170,
      render: (_, a) => <div>{a.decisionNo}<div className="kh-muted">ngày {d(a.decisionDate)}{a.signer ? ` · ${a.signer}` : ''}</div></div>,
    },
    { title: 'Nhiệm vụ', dataIndex: 'task', key: 'task', width: 260 },
    { title: 'Sản phẩm đầu ra', dataIndex: 'output', key: 'output', width: 220 },
    { title: 'Hình thức, vị trí việc làm', key: 'category', width: 170, render: (_, a) => <div>{a.categoryLabel}<div className="kh-muted">{a.jobPosition}</div></div> },
    { title: 'Thời gian', key: 'period', width: 140, render: (_, a) => <div>từ {d(a.startOn)}<div>{a.endOn ? `đến ${d(a.endOn)}` : 'không thời hạn'}</div></div> },
    // Whether it still pays, and the stop button, stay in sight while the long texts scroll.
    { title: 'Tình trạng', key: 'state', width: 150, fixed: 'right', render: (_, a) => <StateTag a={a} /> },
    ...(canRecord ? [{ title: 'Thao tác', key: 'actions', width: 130, fixed: 'right' as const, render: (_: unknown, a: AssignmentRow) => stopButton(a) }] : []),
  ];

  return (
    <>
      {canRecord && (
        <div className="kh-al-actions">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>Thêm quyết định</Button>
        </div>
      )}
      <Table<AssignmentRow>
        rowKey="id" size="small" dataSource={items} columns={columns} className="kh-al-table"
        scroll={isPhone ? undefined : { x: canRecord ? 1410 : 1280 }}
        pagination={items.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description="Chưa có quyết định phân công nào của đơn vị." /> }}
      />

      <FormModal<Values>
        title="Thêm quyết định phân công" okText="Lưu quyết định" width={780} open={adding} form={form} onCancel={() => setAdding(false)}
        initialValues={{ category: 'full_time' }}
        onSubmit={async (v) => {
          await api.post(`/api/allowance/units/${unitId}/assignments`, {
            personId: v.personId, decisionNo: v.decisionNo.trim(), decisionDate: isoDay(v.decisionDate), signer: (v.signer ?? '').trim(),
            task: v.task.trim(), output: v.output.trim(), category: v.category, jobPosition: v.jobPosition.trim(),
            startOn: isoDay(v.startOn), endOn: isoDay(v.endOn),
          });
          setAdding(false);
          message.success('Đã ghi quyết định phân công.');
          await onChanged();
        }}
      >
        <Form.Item name="personId" label="Cán bộ" rules={[{ required: true, message: 'Chọn cán bộ được phân công.' }]}
          extra="Danh sách gồm cán bộ của đơn vị đã có quyết định phân công.">
          <Select showSearch={accentFree} options={people} placeholder="Chọn cán bộ (gõ tên để tìm)" notFoundContent="Không có cán bộ phù hợp" />
        </Form.Item>
        <div className="kh-form-grid">
          <Form.Item name="decisionNo" label="Số quyết định" rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định phân công.' }]}>
            <Input maxLength={100} placeholder="Ví dụ: 587/QĐ-BVTN" />
          </Form.Item>
          <Form.Item name="decisionDate" label="Ngày quyết định" rules={[{ required: true, message: 'Nhập ngày quyết định.' }]}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="signer" label="Người ký">
            <Input maxLength={200} placeholder="Ví dụ: Giám đốc bệnh viện" />
          </Form.Item>
        </div>
        <Form.Item name="task" label="Nhiệm vụ được giao" rules={[{ required: true, whitespace: true, message: 'Ghi rõ nhiệm vụ được giao.' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="output" label="Sản phẩm đầu ra" rules={[{ required: true, whitespace: true, message: 'Ghi rõ sản phẩm, kết quả đầu ra.' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <div className="kh-form-grid">
          <Form.Item name="category" label="Hình thức thực hiện" rules={[{ required: true, message: 'Chọn chuyên trách hoặc kiêm nhiệm.' }]}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
          </Form.Item>
          <Form.Item name="jobPosition" label="Vị trí việc làm" rules={[{ required: true, whitespace: true, message: 'Nhập vị trí việc làm được phê duyệt.' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="startOn" label="Từ ngày" rules={[{ required: true, message: 'Nhập ngày bắt đầu phân công.' }]}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="endOn" label="Đến ngày" extra="Để trống nếu không thời hạn." dependencies={['startOn']} rules={[({ getFieldValue }) => ({
            validator: (_, v: Dayjs | null) => (!v || !getFieldValue('startOn') || !v.isBefore(getFieldValue('startOn'), 'day') ? Promise.resolve() : Promise.reject(new Error('Ngày kết thúc phân công phải từ ngày bắt đầu trở đi.'))),
          })]}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </FormModal>

      <FormModal<{ stoppedOn: Dayjs; reason: string }>
        title={stopping ? `Dừng hưởng hỗ trợ: ${stopping.personName} (QĐ ${stopping.decisionNo})` : ''} okText="Dừng hưởng"
        open={!!stopping} form={stopForm} onCancel={() => setStopping(null)} initialValues={{ stoppedOn: dayjs() }}
        onSubmit={async (v) => {
          await api.post(`/api/allowance/assignments/${stopping!.id}/stop`, { stoppedOn: isoDay(v.stoppedOn), reason: v.reason.trim() });
          setStopping(null);
          message.success('Đã dừng hưởng hỗ trợ. Tháng đã chi trả sẽ được thu hồi ở danh sách tháng sau nếu cần.');
          await onChanged();
        }}
      >
        <p>Cán bộ không còn đáp ứng điều kiện hưởng hỗ trợ: ghi ngày cuối cùng được hưởng và lý do. Việc dừng được ghi vào nhật ký kiểm toán.</p>
        <Form.Item name="stoppedOn" label="Ngày cuối cùng được hưởng" rules={[{ required: true, message: 'Nhập ngày cuối cùng được hưởng.' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="reason" label="Lý do dừng chi trả" rules={[{ required: true, whitespace: true, message: 'Nêu lý do dừng chi trả.' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
