// A unit's report for one period: fill in (pre-filled from kehoach), save a draft, send it; the division
// returns or approves it; leadership reopens a locked one. Checked here with the server's own rules first.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { ReportValue, ReportValues, TableRow } from '../../../core/reports/template.ts';
import { checkValues } from '../../../core/reports/validate.ts';
import { api, ApiError } from '../../api/client.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { ForbiddenResult, NotFoundResult } from '../../components/Results.tsx';
import { useSession } from '../../components/session.tsx';
import HistoryTimeline from './HistoryTimeline.tsx';
import ReportForm, { ErrorSummary, focusField } from './ReportForm.tsx';
import ReviewBar, { apiPath } from './ReviewBar.tsx';
import { DueHint, ExceptionTag, lockText, OnTimeTag, StateTag } from './StateTags.tsx';
import { scheduleLink, type SubmissionView } from './types.ts';
import './reports.css';

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !v.trim());
/** Empty rows left at the end of a table are dropped rather than refused (earlier ones keep the row numbers errors use). */
function withoutTrailingBlankRows(rows: TableRow[]): TableRow[] {
  const out = [...rows];
  while (out.length && Object.values(out[out.length - 1]).every(blank)) out.pop();
  return out;
}
const cleaned = (values: ReportValues): ReportValues =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? withoutTrailingBlankRows(v as TableRow[]) : v]));

export default function SubmissionPage() {
  const { id = '', period = '', unitId = '' } = useParams();
  const { message, modal } = App.useApp();
  const { dataVersion } = useSession();
  const [view, setView] = useState<SubmissionView | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [values, setValues] = useState<ReportValues>({});
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  const apply = (v: SubmissionView) => {
    setView(v);
    setValues(v.values);
    setExplanations(v.explanations);
    setErrors({});
    setDirty(false);
  };
  const load = useCallback(async () => {
    try {
      apply(await api.get<SubmissionView>(`/api/report-schedules/${id}/periods/${encodeURIComponent(period)}/units/${unitId}`));
      setFailure(null);
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
    }
  }, [id, period, unitId, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { setView(null); void load(); }, [load]);
  // Closing the tab or reloading with unsaved figures asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (failure?.status === 403) return <ForbiddenResult message={failure.message} />;
  if (failure) return <NotFoundResult message={failure.message} />;
  if (!view) return <Skeleton active paragraph={{ rows: 14 }} />;

  const editable = view.can.edit;
  const showErrors = (details: Record<string, string>) => {
    setErrors(details);
    const first = Object.keys(details)[0];
    if (first) setTimeout(() => focusField(first), 50);
  };
  const check = (submit: boolean) => {
    const issues = checkValues(view.template.definition, cleaned(values), {
      submit, previous: view.previous?.values, previousLabel: view.previous?.label, explanations,
    });
    if (issues.length) {
      showErrors(Object.fromEntries(issues.map((i) => [i.field, i.message])));
      message.error(`Còn ${issues.length} chỗ cần sửa trước khi ${submit ? 'gửi' : 'lưu'}.`);
    }
    return issues.length === 0;
  };
  const send = async (submit: boolean) => {
    setBusy(submit ? 'submit' : 'save');
    try {
      const body = { values: cleaned(values), explanations, version: view.version };
      apply(submit ? await api.post<SubmissionView>(`${apiPath(view)}/submit`, body) : await api.put<SubmissionView>(apiPath(view), body));
      message.success(submit ? `Đã gửi báo cáo tới ${view.schedule.owner}.` : 'Đã lưu nháp.');
    } catch (err) {
      if (!(err instanceof ApiError)) { message.error('Đã có lỗi xảy ra. Vui lòng thử lại.'); return; }
      if (err.status === 409 || err.status === 423) {
        modal.warning({ title: 'Chưa lưu được báo cáo', content: `${err.message} Các thay đổi chưa lưu sẽ mất khi tải lại.`, okText: 'Tải lại trang', onOk: () => load() });
        return;
      }
      if (err.details && Object.keys(err.details).length) showErrors(err.details);
      message.error(err.message);
    } finally {
      setBusy(null);
    }
  };
  const submit = () => {
    if (!check(true)) return;
    modal.confirm({
      title: 'Gửi báo cáo?',
      content: `Báo cáo ${view.period.label} của ${view.unit.name} sẽ được gửi tới ${view.schedule.owner}. Sau khi gửi, đơn vị chỉ sửa được khi báo cáo bị trả lại.`,
      okText: 'Gửi báo cáo', cancelText: 'Hủy', onOk: () => send(true),
    });
  };
  const change = (key: string, v: ReportValue) => {
    setValues((prev) => ({ ...prev, [key]: v }));
    setDirty(true);
    // A problem goes away as soon as its field (or a cell of its table) is touched.
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([f]) => f !== `values.${key}` && !f.startsWith(`values.${key}.`))));
  };
  const explain = (key: string, text: string) => {
    setExplanations((prev) => ({ ...prev, [key]: text }));
    setDirty(true);
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([f]) => f !== `explanations.${key}`)));
  };
  const reopened = [...view.history].reverse().find((h) => h.action === 'reopen');

  return (
    <div className="kh-report-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={[
        { title: <Link to="/bao-cao">Báo cáo định kỳ</Link> },
        { title: <Link to={scheduleLink(view.schedule.id, view.period.key)} className="kh-crumb" title={view.schedule.title}>{view.schedule.title}</Link> },
        { title: view.unit.name },
      ]} />
      <Typography.Title level={2} style={{ fontSize: 20 }}>{view.schedule.title}</Typography.Title>
      <Typography.Paragraph style={{ fontSize: 16, marginTop: -4 }}><b>{view.unit.name}</b> · {view.period.label}</Typography.Paragraph>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }} items={[
        { key: 'state', label: 'Tình trạng', children: <Space wrap size={4}><StateTag state={view.state} /><OnTimeTag onTime={view.onTime} />{view.exception && <ExceptionTag />}</Space> },
        { key: 'due', label: 'Hạn gửi', children: <DueHint period={view.period} bare /> },
        { key: 'span', label: 'Số liệu', children: `${formatDate(view.period.start)} – ${formatDate(view.period.end)}` },
        { key: 'lock', label: 'Khóa số liệu', children: lockText(view.period) },
        { key: 'sent', label: 'Gửi lần đầu', children: view.submittedAt ? formatDateTime(view.submittedAt) : 'Chưa gửi' },
        { key: 'owner', label: 'Phòng tiếp nhận', children: view.schedule.owner },
      ]} />
      {view.state === 'returned' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} id="y-kien-tra-lai" title={`${view.schedule.owner} trả lại báo cáo, đề nghị chỉnh sửa:`}
          description={<div style={{ whiteSpace: 'pre-wrap' }}>{view.reviewComment}</div>} />
      )}
      {view.state === 'approved' && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`Báo cáo đã được duyệt lúc ${formatDateTime(view.approvedAt)}.`} description={view.reviewComment || undefined} />
      )}
      {editable && view.exception && reopened && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="Kỳ báo cáo được mở lại cho đơn vị" description={`${reopened.comment} — ${reopened.actorName}`} />
      )}
      {view.blockedReason && view.state !== 'approved' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={view.blockedReason} />}
      <ErrorSummary errors={errors} />
      <ReportForm
        definition={view.template.definition} values={values} onChange={change}
        ctx={{ readOnly: !editable, errors, prefill: view.prefill, previous: view.previous, explanations, onExplain: explain }}
      />
      {(editable || view.can.review || view.can.reopen) && (
        <div className="kh-report-actions">
          {editable && (
            <Space wrap>
              <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={!!busy} onClick={() => { if (check(false)) void send(false); }}>Lưu nháp</Button>
              <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={!!busy} onClick={submit}>
                {view.submittedAt ? 'Gửi lại báo cáo' : 'Gửi báo cáo'}
              </Button>
              {dirty && <span className="kh-muted">Có thay đổi chưa lưu</span>}
            </Space>
          )}
          <ReviewBar view={view} onDone={apply} />
        </div>
      )}
      <Card size="small" title="Lịch sử báo cáo" style={{ marginTop: 16 }}>
        <HistoryTimeline events={view.history} />
      </Card>
    </div>
  );
}
