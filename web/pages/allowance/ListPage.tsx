// One paying unit's list for one month: who is paid and why (the engine's reasons), the totals, the step the
// list is at and the buttons of the person whose turn it is, adjustment lines for earlier months, the history.
// Every change carries the version the page loaded; a list changed meanwhile answers 409 and the page reloads.
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Empty, Skeleton, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined, FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import { formatViDate } from '../../../core/schedule/dates.ts';
import { api, ApiError } from '../../api/client.ts';
import { formatMoney, isMonth, listLink, monthLabel, overviewLink, recordsLink, type AllowanceList, type UnitMonth } from '../../api/allowance.ts';
import { formatDateTime } from '../../components/format.ts';
import { ForbiddenResult, NotFoundResult } from '../../components/Results.tsx';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import AddLineModal from './AddLineModal.tsx';
import LinesTable, { AdjustmentsTable } from './LinesTable.tsx';
import ListActions from './ListActions.tsx';
import ListHistory from './ListHistory.tsx';
import { ExampleAlert, ListStatusTag, MonthPicker } from './shared.tsx';
import './allowance.css';

/** Runs a change of the list; true when done or when a conflict was handled (the dialog may close). */
export type Act = (call: () => Promise<AllowanceList>, done: string) => Promise<boolean>;

export default function ListPage() {
  const { unitId = '', month = '' } = useParams();
  const { message, modal } = App.useApp();
  const { dataVersion } = useSession();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [data, setData] = useState<UnitMonth | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [adding, setAdding] = useState(false);
  const [generating, setGenerating] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await api.get<UnitMonth>(`/api/allowance/units/${unitId}/lists/${month}`));
      setFailure(null);
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
    }
  }, [unitId, month, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { setData(null); void load(); }, [load]);

  const act: Act = async (call, done) => {
    try {
      const next = await call();
      setData({ list: next });
      message.success(done);
      return true;
    } catch (err) {
      // Someone else moved the list since it was loaded: say what the server said and show the list as it is now.
      if (err instanceof ApiError && err.status === 409) {
        modal.warning({
          title: 'Chưa thực hiện được',
          content: <>{err.message}<br />Trang đã hiện bản mới nhất của danh sách; xem lại rồi thao tác lại nếu cần.</>,
          okText: 'Đã hiểu',
        });
        await load();
        return true;
      }
      throw err;
    }
  };
  const generate = async () => {
    setGenerating(true);
    try {
      await act(() => api.post<AllowanceList>(`/api/allowance/units/${unitId}/lists/${month}`), `Đã lập danh sách tháng ${monthLabel(month)} từ hồ sơ.`);
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra. Vui lòng thử lại.');
    } finally {
      setGenerating(false);
    }
  };

  if (!isMonth(month)) return <NotFoundResult message="Tháng không đúng định dạng." />;
  if (failure?.status === 403) return <ForbiddenResult message={failure.message} />;
  if (failure) return <NotFoundResult message={failure.message} />;
  if (!data) return <Skeleton active paragraph={{ rows: 14 }} />;

  const list = data.list;
  const unitName = list ? list.unitName : data.unitName;
  const header = (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[
        { title: <Link to={overviewLink(month)}>Hỗ trợ chuyển đổi số</Link> },
        { title: <Link to={overviewLink(month)}>Tháng {monthLabel(month)}</Link> },
        { title: unitName },
      ]} />
      <Typography.Title level={2} className="kh-al-title" id="tieu-de-danh-sach">
        Danh sách hưởng hỗ trợ tháng {monthLabel(month)} — {unitName}
      </Typography.Title>
      <div className="kh-al-toolbar" style={{ marginTop: 8 }}>
        <MonthPicker value={month} onChange={(m) => navigate(listLink(unitId, m))} />
        <Link to={recordsLink(unitId)}><FolderOpenOutlined /> Hồ sơ của đơn vị (phân công, xếp loại)</Link>
      </div>
    </>
  );

  if (!list) {
    return (
      <>
        {header}
        <Empty
          style={{ marginTop: 32 }}
          description={data.canGenerate
            ? `Chưa lập danh sách tháng ${monthLabel(month)}. kehoach lập từ quyết định phân công, xếp loại hằng tháng và chính sách khác của đơn vị.`
            : `${unitName} chưa lập danh sách tháng ${monthLabel(month)}.`}
        >
          {data.canGenerate && <Button type="primary" icon={<PlusOutlined />} loading={generating} onClick={() => void generate()}>Lập danh sách</Button>}
        </Empty>
      </>
    );
  }

  const regular = list.lines.filter((l) => l.kind === 'regular');
  const adjusting = list.lines.filter((l) => l.kind === 'adjustment');
  const locked = list.status === 'approved' || list.status === 'paid';
  const base = `/api/allowance/lists/${list.id}`;
  const p = list.policy;

  return (
    <>
      {header}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }} styles={{ label: { width: isPhone ? 104 : 150 } }} items={[
        { key: 'status', label: 'Trạng thái', children: <span id="trang-thai"><ListStatusTag status={list.status} /></span> },
        { key: 'proposed', label: 'Đề xuất lúc', children: list.proposedAt ? formatDateTime(list.proposedAt) : 'Chưa đề xuất' },
        {
          key: 'policy', label: 'Chính sách áp dụng', span: 'filled', children: p ? (
            <span>Phiên bản {p.version}, từ {formatViDate(p.effectiveFrom)}: chuyên trách {formatMoney(p.rates.full_time)}/tháng, kiêm nhiệm {formatMoney(p.rates.part_time)}/tháng{p.isExample ? ' (mức minh họa)' : ''}</span>
          ) : 'Chưa có chính sách áp dụng',
        },
        ...(locked ? [{
          key: 'approved', label: 'Phê duyệt', span: 'filled' as const,
          children: `${list.decisionNo ? `Quyết định số ${list.decisionNo}, ` : ''}${list.approvedByName}, ${formatDateTime(list.approvedAt)}`,
        }] : []),
        ...(list.status === 'paid' ? [{
          key: 'paid', label: 'Chi trả', span: 'filled' as const, children: `${list.payPeriod}, ngày ${list.paidOn ? formatViDate(list.paidOn) : '—'}, ${formatMoney(list.paidAmount)}`,
        }] : []),
      ]} />
      {p?.isExample && <ExampleAlert />}
      {list.status === 'returned' && list.reviewComment && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} id="y-kien-tra-lai" title="Tổ chức cán bộ trả lại danh sách, đề nghị chỉnh sửa:"
          description={<div style={{ whiteSpace: 'pre-wrap' }}>{list.reviewComment}</div>} />
      )}
      <div className="kh-al-totals" aria-label="Tổng hợp danh sách">
        <Total id="so-nguoi" label="Người hưởng" value={`${list.totals.people} người`} />
        <Total id="tien-thang" label={`Hỗ trợ tháng ${monthLabel(month)}`} value={formatMoney(list.totals.regular)} />
        <Total id="dieu-chinh" label="Truy lĩnh / thu hồi" value={formatMoney(list.totals.adjustments)} negative={list.totals.adjustments < 0} />
        <Total id="tong-tien" label="Tổng cộng" value={formatMoney(list.totals.total)} main />
      </div>
      <div className="kh-al-actions">
        <ListActions list={list} act={act} onGenerate={generate} generating={generating} />
        {list.can.edit && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>Bổ sung cán bộ</Button>}
        {locked && (
          <>
            <Button icon={<FileExcelOutlined />} href={`${base}/payroll.xlsx`} download>Tải danh sách chi trả (Excel)</Button>
            <Button icon={<FileWordOutlined />} href={`${base}/decision.docx`} download>Tải quyết định phê duyệt (Word)</Button>
          </>
        )}
      </div>
      <Card size="small" title={`Cán bộ có quyết định phân công (${regular.length})`} style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
        <LinesTable list={list} lines={regular} act={act} />
      </Card>
      {adjusting.length > 0 && (
        <Card size="small" title="Truy lĩnh, thu hồi" style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }} id="truy-linh-thu-hoi">
          <AdjustmentsTable lines={adjusting} />
        </Card>
      )}
      <Card size="small" title="Lịch sử danh sách">
        <ListHistory events={list.events} />
      </Card>
      <AddLineModal open={adding} list={list} onClose={() => setAdding(false)} act={act} />
    </>
  );
}

function Total({ id, label, value, main, negative }: { id: string; label: string; value: string; main?: boolean; negative?: boolean }) {
  return (
    <div className={`kh-al-total${main ? ' kh-al-total-main' : ''}`}>
      <div className="kh-al-total-label">{label}</div>
      <div className={`kh-al-total-value${negative ? ' kh-al-negative' : ''}`} id={id}>{value}</div>
    </div>
  );
}
