// /nhap-ke-hoach/:id: the draft read from a document beside the document itself. The person fixes what
// kehoach misread, maps unit names, then saves the draft, discards it, or confirms it into a plan.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Popconfirm, Skeleton, Space, Tabs, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, EyeInvisibleOutlined, EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import { NotFoundResult, ForbiddenResult } from '../../components/Results.tsx';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import { useUnits } from '../../components/units.tsx';
import FindingsAlerts from './FindingsAlerts.tsx';
import HeaderCard, { type PlanChoice } from './HeaderCard.tsx';
import SourcePane, { type LineFocus } from './SourcePane.tsx';
import TargetsReporting from './TargetsReporting.tsx';
import TasksTable from './TasksTable.tsx';
import UnitsCard from './UnitsCard.tsx';
import { withKeys, withoutKeys, type Draft, type ImportView, type TaskRow, type UnitChoice } from './types.ts';
import './imports.css';

export default function ImportReviewPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const { units } = useUnits();
  const [view, setView] = useState<ImportView | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [rows, setRows] = useState<TaskRow[]>([]);
  const [unitMap, setUnitMap] = useState<Record<string, UnitChoice>>({});
  const [plan, setPlan] = useState<PlanChoice>({ periodStart: '', periodEnd: '' });
  const [errors, setErrors] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [focus, setFocus] = useState<LineFocus | null>(null);
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'confirm' | 'discard' | null>(null);
  const [dirty, setDirty] = useState(false);
  const [showSource, setShowSource] = useState(true);
  const [phoneTab, setPhoneTab] = useState('tasks');

  const adopt = useCallback((v: ImportView, keepRows = false) => {
    setView(v);
    setDraft(v.draft);
    if (!keepRows) setRows(withKeys(v.draft.tasks));
    setUnitMap(v.unitMap ?? {});
    setDirty(false);
  }, []);
  useEffect(() => {
    setView(null); setFailure(null);
    api.get<ImportView>(`/api/plan-imports/${id}`).then((v) => {
      adopt(v);
      setPlan((p) => ({ ...p, ownerUnitId: v.ownerUnitId ?? p.ownerUnitId, periodStart: v.draft.period.start, periodEnd: v.draft.period.end }));
    }, (err) => setFailure(err instanceof ApiError ? err : new ApiError(0, 'error', String(err))));
  }, [id, adopt]);
  // The owner defaults to the user's own unit (where they may manage plans), else the first such unit.
  useEffect(() => {
    if (plan.ownerUnitId || !units.length) return;
    const manageable = units.filter((u) => u.can.managePlans && u.active);
    const own = manageable.find((u) => me.grants.some((g) => g.unitId === u.id)) ?? manageable[0];
    if (own) setPlan((p) => ({ ...p, ownerUnitId: own.id }));
  }, [units, me.grants, plan.ownerUnitId]);

  const ctx = useMemo(() => ({ year: Number(plan.periodStart.slice(0, 4)) || draft?.header.year || new Date().getFullYear(), periodStart: plan.periodStart || undefined, periodEnd: plan.periodEnd || undefined }), [plan.periodStart, plan.periodEnd, draft?.header.year]);
  const draftNames = useMemo(() => [...new Set(rows.flatMap((r) => [...r.lead, ...r.coordinators]))], [rows]);
  const matches = useMemo(() => (view?.units ?? []).filter((m) => draftNames.includes(m.name)), [view, draftNames]);
  const unsaved = useMemo(() => draftNames.filter((n) => !view?.units.some((m) => m.name === n)), [view, draftNames]);
  const findingLines = useMemo(() => draft?.findings.flatMap((f) => f.lines) ?? [], [draft]);

  if (failure?.status === 403) return <ForbiddenResult message={failure.message} />;
  if (failure) return <NotFoundResult message={failure.status === 404 ? 'Không tìm thấy bản nhập kế hoạch này (có thể đã bị bỏ hoặc đã được xác nhận).' : failure.message} />;
  if (!view || !draft) return <Skeleton active paragraph={{ rows: 14 }} />;

  const gotoLine = (line: number, fromFinding = false) => {
    setFocus({ line, seq: Date.now() });
    if (fromFinding) setCurrentKey(rows.find((r) => r.line === line)?.key ?? null);
    if (phone && fromFinding) {
      setPhoneTab('source');
      setTimeout(() => document.querySelector('.kh-imp-source')?.scrollIntoView({ block: 'start', behavior: 'smooth' }), 80);
    }
    if (!phone && !showSource) setShowSource(true);
  };
  const edit = <T,>(fn: (v: T) => void) => (v: T) => { fn(v); setDirty(true); };
  const body = () => {
    const cleaned: Draft = {
      ...draft, tasks: withoutKeys(rows),
      header: { ...draft.header, legalBases: draft.header.legalBases.map((s) => s.trim()).filter(Boolean) },
      period: { start: plan.periodStart, end: plan.periodEnd },
    };
    return { draft: cleaned, unitMap };
  };
  /** The server's field errors, with task indexes turned into row keys so they follow the rows. */
  const showErrors = (err: unknown) => {
    const e = err as ApiError;
    const fields: Record<string, string> = {};
    for (const [k, msg] of Object.entries(e.details ?? {})) {
      const m = /^draft\.tasks\.(\d+)(?:\.(\w+))?/.exec(k);
      if (m && rows[Number(m[1])]) fields[`task:${rows[Number(m[1])].key}:${m[2] ?? 'title'}`] = msg;
      else fields[k] = msg;
    }
    setErrors({ message: e.message, fields });
    message.error(e.message);
    const first = Object.keys(fields).find((k) => k.startsWith('task:'));
    const row = first && rows.find((r) => r.key === first.split(':')[1]);
    if (row) { setCurrentKey(row.key); gotoLine(row.line); }
  };
  const save = async () => {
    setBusy('save');
    try {
      adopt(await api.put<ImportView>(`/api/plan-imports/${id}`, body()), true);
      setErrors(null);
      message.success('Đã lưu bản nháp.');
    } catch (err) { showErrors(err); } finally { setBusy(null); }
  };
  const confirm = async () => {
    if (!plan.ownerUnitId) { setErrors({ message: 'Vui lòng chọn đơn vị chủ quản của kế hoạch.', fields: { 'plan.ownerUnitId': 'Vui lòng chọn đơn vị chủ quản.' } }); return; }
    setBusy('confirm');
    try {
      const b = body();
      const res = await api.post<{ planId: string; tasks: number }>(`/api/plan-imports/${id}/confirm`, {
        ...b, plan: { ownerUnitId: plan.ownerUnitId, periodStart: plan.periodStart, periodEnd: plan.periodEnd, issuedOn: b.draft.header.date },
      });
      message.success(`Đã tạo kế hoạch với ${res.tasks} nhiệm vụ`);
      navigate(`/ke-hoach/${res.planId}`);
    } catch (err) {
      if ((err as ApiError).status === 409) message.error((err as ApiError).message); else showErrors(err);
    } finally { setBusy(null); }
  };
  const discard = async () => {
    setBusy('discard');
    try {
      await api.delete(`/api/plan-imports/${id}`);
      message.success('Đã bỏ bản nhập.');
      navigate('/nhap-ke-hoach');
    } catch (err) { message.error((err as Error).message); setBusy(null); }
  };

  const fieldErrors = errors?.fields ?? {};
  const confirmed = view.status !== 'draft';
  const tasks = (
    <Card size="small" title={`${rows.length} nhiệm vụ trong ${draft.sections.length} phần`} style={{ marginBottom: 16 }}
      extra={!phone && (
        <Button size="small" icon={showSource ? <EyeInvisibleOutlined /> : <EyeOutlined />} onClick={() => setShowSource((s) => !s)}>
          {showSource ? 'Ẩn văn bản gốc' : 'Hiện văn bản gốc'}
        </Button>
      )}>
      {fieldErrors['draft.tasks'] && <Alert type="error" showIcon title={fieldErrors['draft.tasks']} style={{ marginBottom: 8 }} />}
      <TasksTable rows={rows} sections={draft.sections} ctx={ctx} onChange={edit(setRows)} errors={fieldErrors} currentKey={currentKey} phone={phone}
        onFocusRow={(r) => { setCurrentKey(r.key); gotoLine(r.line); }} />
    </Card>
  );
  const source = <SourcePane text={view.sourceText} focus={focus} marked={findingLines} phone={phone} />;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/ke-hoach">Kế hoạch</Link> }, { title: <Link to="/nhap-ke-hoach">Nhập từ văn bản</Link> }, { title: view.fileName }]} />
      <div className="kh-page-header">
        <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
          <Typography.Title level={2} style={{ fontSize: 20 }}>Rà soát bản nhập kế hoạch</Typography.Title>
          <span className="kh-muted">Tệp: {view.fileName}. Bấm vào một ô để sửa; ô tô vàng là chỗ kehoach chưa chắc, rê chuột để xem lý do.</span>
        </Space>
      </div>
      {confirmed && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="Bản nhập này đã được xác nhận thành kế hoạch."
        action={view.planId && <Link to={`/ke-hoach/${view.planId}`}>Mở kế hoạch</Link>} />}
      {errors && <Alert type="error" showIcon closable={{ onClose: () => setErrors(null) }} style={{ marginBottom: 16 }} title="Chưa lưu được: hãy sửa các chỗ được đánh dấu đỏ."
        description={<ul style={{ margin: 0, paddingLeft: 18 }}>{[...new Set([errors.message, ...Object.values(errors.fields)])].slice(0, 12).map((m) => <li key={m}>{m}</li>)}</ul>} />}
      <FindingsAlerts draft={draft} onGoto={(l) => gotoLine(l, true)} />
      <HeaderCard header={draft.header} onHeader={edit((p) => setDraft({ ...draft, header: { ...draft.header, ...p } }))}
        plan={plan} onPlan={edit((p) => setPlan({ ...plan, ...p }))} units={units} errors={fieldErrors} />
      {phone ? (
        <Tabs activeKey={phoneTab} onChange={setPhoneTab} items={[
          { key: 'tasks', label: 'Nhiệm vụ', children: tasks },
          { key: 'source', label: 'Văn bản gốc', children: source },
        ]} />
      ) : (
        <div className="kh-imp-layout" style={showSource ? undefined : { gridTemplateColumns: 'minmax(0, 1fr)' }}>
          <div style={{ minWidth: 0 }}>{tasks}</div>
          {showSource && <div className="kh-imp-source-wrap"><Typography.Text strong>Văn bản gốc</Typography.Text>{source}</div>}
        </div>
      )}
      <UnitsCard matches={matches} unsaved={unsaved} unitMap={unitMap} units={units} errors={fieldErrors} phone={phone}
        onChoose={(name, choice) => { setUnitMap((m) => nextMap(m, name, choice)); setDirty(true); }} />
      <TargetsReporting draft={draft} onGoto={(l) => gotoLine(l, true)} phone={phone} />
      {!confirmed && (
        <div className="kh-imp-bar" style={phone ? { margin: '16px -12px -12px', padding: '8px 12px' } : undefined}>
          {!phone && <span className="kh-muted">{dirty ? 'Có thay đổi chưa lưu.' : 'Mọi thay đổi đã được lưu.'}</span>}
          <Space wrap={!phone} size={phone ? 6 : 8} style={phone ? { width: '100%', justifyContent: 'space-between' } : undefined}>
            <Popconfirm title="Bỏ bản nhập này?" description="Bản nháp bị bỏ; văn bản gốc vẫn được lưu." okText="Bỏ bản nhập" cancelText="Hủy" okButtonProps={{ danger: true }} onConfirm={discard}>
              <Button danger icon={<DeleteOutlined />} loading={busy === 'discard'} disabled={!!busy} aria-label="Bỏ bản nhập">{phone ? null : 'Bỏ bản nhập'}</Button>
            </Popconfirm>
            <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={!!busy} onClick={save}>{phone ? 'Lưu' : 'Lưu nháp'}{dirty && phone ? ' *' : ''}</Button>
            <Button type="primary" icon={<CheckOutlined />} loading={busy === 'confirm'} disabled={!!busy} onClick={confirm}>Xác nhận tạo kế hoạch</Button>
          </Space>
        </div>
      )}
    </>
  );
}

function nextMap(map: Record<string, UnitChoice>, name: string, choice: UnitChoice | null) {
  const { [name]: _old, ...rest } = map;
  return choice ? { ...rest, [name]: choice } : rest;
}
