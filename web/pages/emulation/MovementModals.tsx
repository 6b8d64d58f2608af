// The movement page's dialogs: a unit registers for the year ("Đăng ký thi đua"), and the Director decides the
// commendation of the nominations the council passed for the Sở's own Giấy khen ("Quyết định khen thưởng").
import { Checkbox, DatePicker, Empty, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { AWARD_FORMS } from '../../../core/emulation/forms.ts';
import { api } from '../../api/client.ts';
import FormModal from '../../components/FormModal.tsx';
import { useSession } from '../../components/session.tsx';
import type { DecisionView, MovementView, NominationItem } from './shared.tsx';
import { DATE_FORMAT, isoDay, todayVn } from '../../components/inputs.ts';

interface RegisterValues { unitId: string; pledge: string }

export function RegisterModal({ open, movement, onClose, onDone }: { open: boolean; movement: MovementView; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<RegisterValues>();
  const free = movement.myUnits.filter((u) => !u.registered);
  const submit = async (v: RegisterValues) => {
    await api.post(`/api/emulation/movements/${movement.id}/registrations`, { unitId: v.unitId, year: movement.year, pledge: v.pledge });
    onDone();
  };
  return (
    <FormModal<RegisterValues>
      title={`Đăng ký thi đua năm ${movement.year}`} okText="Đăng ký" open={open} form={form} onCancel={onClose} onSubmit={submit} width={640}
      initialValues={{ unitId: free[0]?.id }}
    >
      <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị đăng ký thi đua.' }]}>
        <Select options={free.map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="pledge" label="Nội dung đăng ký" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung đăng ký thi đua.' }]}
        extra="Mục tiêu, chỉ tiêu phấn đấu, sáng kiến, giải pháp; danh hiệu, hình thức khen thưởng đơn vị phấn đấu đạt.">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

interface DecideValues { nominationIds: string[]; number: string; decisionDate: Dayjs; signerName: string; signerTitle: string }
interface DecideProps { open: boolean; movement: MovementView; nominations: NominationItem[]; onClose: () => void; onDecided: (view: DecisionView) => void }

/** The council passed them and the Sở decides their form: what one decision of the Director can commend. */
export const decidable = (items: NominationItem[]) => items.filter((n) => n.status === 'passed' && AWARD_FORMS[n.form]?.decidedBySo);

export function DecideModal({ open, movement, nominations, onClose, onDecided }: DecideProps) {
  const { me } = useSession();
  const [form] = Form.useForm<DecideValues>();
  const candidates = decidable(nominations);
  const submit = async (v: DecideValues) => {
    onDecided(await api.post<DecisionView>('/api/emulation/decisions', {
      nominationIds: v.nominationIds, number: v.number, decisionDate: isoDay(v.decisionDate), signerName: v.signerName, signerTitle: v.signerTitle,
    }));
  };
  return (
    <FormModal<DecideValues>
      title={`Quyết định khen thưởng năm ${movement.year}`} okText="Ban hành quyết định" open={open} form={form} onCancel={onClose} onSubmit={submit} width={720}
      initialValues={{ nominationIds: candidates.map((n) => n.id), decisionDate: todayVn(), signerName: me.user.displayName, signerTitle: 'Giám đốc Sở' }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        Tặng Giấy khen của Giám đốc Sở Y tế cho các tập thể, cá nhân được Hội đồng Thi đua - Khen thưởng đề nghị. Hình thức cao hơn do
        Phòng Tổ chức cán bộ trình cấp trên.
      </Typography.Paragraph>
      <Form.Item name="nominationIds" label={`Hồ sơ được Hội đồng đề nghị (${candidates.length})`}
        rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một hồ sơ được Hội đồng đề nghị.' }]}>
        <Checkbox.Group className="kh-em-pick">
          {candidates.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`Chưa có hồ sơ nào năm ${movement.year} được Hội đồng đề nghị tặng Giấy khen.`} />}
          {candidates.map((n) => (
            <Checkbox key={n.id} value={n.id}>
              <b>{n.nominee}</b> <span className="kh-em-item-meta">({n.subjectLabel.toLowerCase()}, {n.unitName})</span>
              <div className="kh-em-item-meta">{n.title} · {n.roundLabel} · phiếu đồng ý {n.votes}</div>
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <div className="kh-form-grid">
        <Form.Item name="number" label="Số quyết định" rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định.' }]}>
          <Input maxLength={100} placeholder="Ví dụ: 1399/QĐ-SYT" />
        </Form.Item>
        <Form.Item name="decisionDate" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày quyết định.' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" disabledDate={(d) => d.isAfter(todayVn(), 'day')} />
        </Form.Item>
        <Form.Item name="signerName" label="Người ký" rules={[{ required: true, whitespace: true, message: 'Nhập họ tên người ký.' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true, whitespace: true, message: 'Nhập chức vụ người ký.' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </div>
    </FormModal>
  );
}
