// What can be done to a nomination now, as the server's `can` says: the unit adds documents and sends it (again) to
// Phòng TCCB; the officer checks it complete (having seen what the register holds on the same achievement) or
// returns it with what is missing, records the council's vote, forwards a higher form and records the decision that
// comes back; the Director decides from the movement page. A refusal of the server (409) is shown where the user
// is looking, not only in a passing toast.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, type UploadFile } from 'antd';
import {
  CheckOutlined, CloudDownloadOutlined, FileAddOutlined, FileDoneOutlined, RollbackOutlined, SendOutlined, SolutionOutlined,
} from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { countVote } from '../../../core/emulation/council.ts';
import { DOC_KINDS, DOC_LABELS, type DocKind } from '../../../core/emulation/forms.ts';
import { api, ApiError } from '../../api/client.ts';
import type { StoredFile } from '../../api/plans.ts';
import { FilesField, stillUploading, uploadedIds } from '../../components/EvidenceUpload.tsx';
import FormModal from '../../components/FormModal.tsx';
import ReturnModal from '../../components/ReturnModal.tsx';
import { useSession } from '../../components/session.tsx';
import { movementLink, voteRule, type NominationView } from './shared.tsx';
import { afterToday, DATE_FORMAT, isoDay, todayVn } from '../../components/inputs.ts';

type Open = 'files' | 'return' | 'check' | 'vote' | 'record' | null;
interface Props { view: NominationView; onDone: (next: NominationView) => void }

interface VoteValues { councilDate: Dayjs; members: number; participants: number; votesFor: number; votesAgainst: number }
interface RecordValues { decisionNo: string; decisionDate: Dayjs; signer: string }


export default function NominationActions({ view, onDone }: Props) {
  const { message, modal } = App.useApp();
  const { can } = useSession();
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [filesForm] = Form.useForm<{ kind: DocKind; files: UploadFile<StoredFile>[] }>();
  const [checkForm] = Form.useForm<{ seen: boolean }>();
  const [voteForm] = Form.useForm<VoteValues>();
  const [recordForm] = Form.useForm<RecordValues>();
  const vote: Partial<VoteValues> = {
    members: Form.useWatch('members', voteForm), participants: Form.useWatch('participants', voteForm),
    votesFor: Form.useWatch('votesFor', voteForm), votesAgainst: Form.useWatch('votesAgainst', voteForm),
  };

  const c = view.can;
  const officer = can('emulation.manage');
  const dossier = officer && !view.form.decidedBySo && ['passed', 'forwarded', 'decided'].includes(view.status);
  if (!c.edit && !c.submit && !c.check && !c.return && !c.vote && !c.forward && !c.record && !c.decide && !dossier) return null;

  const close = () => setOpen(null);
  /** A step without a form: the server's refusal stays on the page. */
  const step = async (key: string, path: string, body: unknown, done: string) => {
    setBusy(key);
    setRefusal(null);
    try {
      onDone(await api.post<NominationView>(`/api/emulation/nominations/${view.id}/${path}`, body));
      message.success(done);
      return true;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 409 || err.status === 400 || err.status === 403)) setRefusal(err.message);
      else message.error(err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra. Vui lòng thử lại.');
      return false;
    } finally {
      setBusy(null);
    }
  };
  /** A step in a dialog: field errors go to FormModal, a conflict into the page's alert. */
  const post = async (path: string, body: unknown, done: string) => {
    try {
      onDone(await api.post<NominationView>(`/api/emulation/nominations/${view.id}/${path}`, body));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) { setRefusal(err.message); close(); return; }
      throw err;
    }
    setRefusal(null);
    message.success(done);
    close();
  };

  const resend = view.status === 'returned';
  const submit = () => {
    const send = () => step('submit', 'submit', {}, resend ? 'Đã gửi lại hồ sơ tới Phòng Tổ chức cán bộ.' : 'Đã gửi hồ sơ tới Phòng Tổ chức cán bộ.');
    if (!view.missing.length) return void send();
    modal.confirm({
      title: 'Hồ sơ còn thiếu tài liệu',
      content: `Còn thiếu: ${view.missing.join('; ')}. Phòng Tổ chức cán bộ sẽ trả lại hồ sơ còn thiếu. Vẫn gửi?`,
      okText: 'Vẫn gửi', cancelText: 'Bổ sung trước', onOk: send,
    });
  };
  const check = () => {
    if (view.duplicates.toSee.length) { setOpen('check'); return; }
    void step('check', 'check', {}, 'Đã xác nhận hồ sơ đủ, trình Hội đồng.');
  };
  const forward = () => modal.confirm({
    title: 'Trình cấp trên',
    content: `Trình ${view.form.decider} đề nghị ${view.form.name} (${view.form.proposer}). Sau khi trình, tải hồ sơ trình cấp trên để gửi kèm tờ trình.`,
    okText: 'Trình cấp trên', cancelText: 'Hủy',
    onOk: () => step('forward', 'forward', {}, 'Đã ghi nhận trình cấp trên.'),
  });

  const firstMissing = view.form.documents.find((k) => !view.documents.some((d) => d.kind === k && d.files.length)) ?? view.form.documents[0];
  const kinds = [...view.form.documents, ...DOC_KINDS.filter((k) => !view.form.documents.includes(k))];
  const preview = [vote.members, vote.participants, vote.votesFor, vote.votesAgainst].every((x) => typeof x === 'number')
    ? countVote({ members: vote.members!, participants: vote.participants!, votesFor: vote.votesFor!, votesAgainst: vote.votesAgainst! }, view.movement.passPct) : null;

  return (
    <>
      {refusal && <Alert type="error" showIcon closable onClose={() => setRefusal(null)} id="tu-choi" style={{ marginBottom: 12 }} title="Không thực hiện được" description={refusal} />}
      <div className="kh-em-actions" id="thao-tac">
        {c.edit && <Button icon={<FileAddOutlined />} onClick={() => setOpen('files')}>Bổ sung tài liệu</Button>}
        {c.submit && <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} onClick={submit}>{resend ? 'Gửi lại' : 'Gửi Phòng TCCB'}</Button>}
        {c.check && <Button type="primary" icon={<CheckOutlined />} loading={busy === 'check'} onClick={check}>Hồ sơ đủ, trình Hội đồng</Button>}
        {c.return && <Button icon={<RollbackOutlined />} onClick={() => setOpen('return')}>Trả lại</Button>}
        {c.vote && <Button type="primary" icon={<SolutionOutlined />} onClick={() => setOpen('vote')}>Ghi kết quả Hội đồng</Button>}
        {c.forward && <Button type="primary" icon={<SendOutlined />} loading={busy === 'forward'} onClick={forward}>Trình cấp trên</Button>}
        {c.record && <Button icon={<FileDoneOutlined />} onClick={() => setOpen('record')}>Ghi nhận quyết định của cấp trên</Button>}
        {c.decide && view.form.decidedBySo && (
          <Link to={`${movementLink(view.movementId, view.year)}&quyet-dinh=1`}><Button type="primary" icon={<FileDoneOutlined />}>Quyết định khen thưởng</Button></Link>
        )}
        {dossier && <Button icon={<CloudDownloadOutlined />} href={`/api/emulation/nominations/${view.id}/dossier.zip`} download>Tải hồ sơ trình cấp trên</Button>}
      </div>

      <FormModal<{ kind: DocKind; files: UploadFile<StoredFile>[] }>
        title="Bổ sung tài liệu" okText="Bổ sung" open={open === 'files'} form={filesForm} onCancel={close} width={640}
        initialValues={{ kind: firstMissing, files: [] }}
        onSubmit={(v) => post('files', { files: uploadedIds(v.files ?? []).map((fileId) => ({ kind: v.kind, fileId })) }, 'Đã bổ sung tài liệu vào hồ sơ.')}
      >
        {view.returnComment && view.status === 'returned' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="Ý kiến của Phòng TCCB" description={view.returnComment} />}
        <Form.Item name="kind" label="Loại tài liệu" rules={[{ required: true, message: 'Chọn loại tài liệu.' }]}>
          <Select options={kinds.map((k) => ({ value: k, label: `${DOC_LABELS[k]}${view.form.documents.includes(k) ? '' : ' (không bắt buộc)'}` }))} />
        </Form.Item>
        <Form.Item name="files" label="Tệp" valuePropName="files" required extra="PDF, Word, Excel hoặc ảnh bản đã ký; tối đa 20 MB mỗi tệp."
          rules={[{
            validator: (_, files: UploadFile<StoredFile>[] | undefined) => {
              if (stillUploading(files ?? [])) return Promise.reject(new Error('Tệp đang được tải lên, vui lòng đợi.'));
              return uploadedIds(files ?? []).length ? Promise.resolve() : Promise.reject(new Error('Chọn ít nhất một tệp.'));
            },
          }]}>
          <FilesField />
        </Form.Item>
      </FormModal>

      <ReturnModal open={open === 'return'} unitName={view.unitName} onCancel={close}
        initial={view.missing.length ? `Hồ sơ còn thiếu: ${view.missing.join('; ')}.` : ''}
        onSubmit={(comment) => post('return', { comment }, 'Đã trả lại hồ sơ cho đơn vị.')} />

      <FormModal<{ seen: boolean }>
        title="Hồ sơ đủ, trình Hội đồng" okText="Trình Hội đồng" open={open === 'check'} form={checkForm} onCancel={close} width={640}
        initialValues={{ seen: false }}
        onSubmit={(v) => post('check', { duplicatesSeen: v.seen }, 'Đã xác nhận hồ sơ đủ, trình Hội đồng.')}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`Sổ theo dõi thành tích có ${view.duplicates.toSee.length} bản ghi cùng thành tích`}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{view.duplicates.toSee.map((d, i) => <li key={`${d.id}-${i}`}>{d.text}</li>)}</ul>} />
        <Form.Item name="seen" valuePropName="checked"
          rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error('Xác nhận đã xem các bản ghi trùng thành tích trước khi trình Hội đồng.'))) }]}>
          <Checkbox>Đã xem các bản ghi trùng thành tích</Checkbox>
        </Form.Item>
      </FormModal>

      <FormModal<VoteValues>
        title="Ghi kết quả Hội đồng" okText="Ghi kết quả" open={open === 'vote'} form={voteForm} onCancel={close} width={640}
        initialValues={{ councilDate: todayVn(), members: view.movement.councilMembers }}
        onSubmit={(v) => post('vote', {
          councilDate: isoDay(v.councilDate), members: v.members, participants: v.participants, votesFor: v.votesFor, votesAgainst: v.votesAgainst,
        }, 'Đã ghi kết quả của Hội đồng.')}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${voteRule(view.movement.passPct)}.`}
          description="Tỷ lệ phiếu đồng ý tính trên tổng số thành viên Hội đồng; thành viên vắng mặt cho ý kiến bằng văn bản được tính là tham gia." />
        <div className="kh-form-grid">
          <Form.Item name="councilDate" label="Ngày họp Hội đồng" rules={[{ required: true, message: 'Chọn ngày họp Hội đồng.' }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" disabledDate={afterToday} />
          </Form.Item>
          <Form.Item name="members" label="Số thành viên Hội đồng" extra="Theo quyết định thành lập Hội đồng, ghi ở phong trào; tỷ lệ phiếu tính trên số này.">
            <InputNumber<number> disabled precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="participants" label="Số thành viên tham gia" rules={[{ required: true, message: 'Nhập số thành viên tham gia.' }]}>
            <InputNumber<number> min={0} max={200} precision={0} inputMode="numeric" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="votesFor" label="Số phiếu đồng ý" rules={[{ required: true, message: 'Nhập số phiếu đồng ý.' }]}>
            <InputNumber<number> min={0} max={200} precision={0} inputMode="numeric" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="votesAgainst" label="Số phiếu không đồng ý" rules={[{ required: true, message: 'Nhập số phiếu không đồng ý.' }]}>
            <InputNumber<number> min={0} max={200} precision={0} inputMode="numeric" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        {preview && (
          <Alert className="kh-em-vote-preview" id="du-kien-ket-qua" showIcon
            type={preview.problems.length ? 'error' : preview.passed ? 'success' : 'warning'}
            title={preview.problems.length ? preview.problems[0].message : `Kết quả: ${preview.text}`} />
        )}
      </FormModal>

      <FormModal<RecordValues>
        title="Ghi nhận quyết định của cấp trên" okText="Ghi nhận" open={open === 'record'} form={recordForm} onCancel={close} width={640}
        initialValues={{ decisionDate: todayVn(), signer: view.form.decider }}
        onSubmit={(v) => post('record', { decisionNo: v.decisionNo, decisionDate: isoDay(v.decisionDate), signer: v.signer ?? '' }, 'Đã ghi nhận quyết định khen thưởng.')}
      >
        <div className="kh-form-grid">
          <Form.Item name="decisionNo" label="Số quyết định" rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định.' }]}>
            <Input maxLength={100} placeholder="Ví dụ: 1836/QĐ-UBND" autoFocus />
          </Form.Item>
          <Form.Item name="decisionDate" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày quyết định.' }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" disabledDate={afterToday} />
          </Form.Item>
        </div>
        <Form.Item name="signer" label="Người, cơ quan quyết định">
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
}
