// One schedule, one period at a time (?ky=): DHIS2-style completeness (expected, submitted, on time,
// approved), every unit's report with its state, and reminders to the units that still owe it.
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Popconfirm, Row, Segmented, Select, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { BellOutlined, FileDoneOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import { formatDate, formatPercent } from '../../components/format.ts';
import { ForbiddenResult, NotFoundResult } from '../../components/Results.tsx';
import { useSession } from '../../components/session.tsx';
import { DueHint, lockText } from './StateTags.tsx';
import UnitsTable from './UnitsTable.tsx';
import { OWED, type Completeness, type RemindResult, type ScheduleDetail } from './types.ts';
import './reports.css';

export default function SchedulePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const periodKey = params.get('ky') ?? undefined;
  const { message, modal } = App.useApp();
  const { dataVersion } = useSession();
  const navigate = useNavigate();
  const [data, setData] = useState<ScheduleDetail | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [onlyOwed, setOnlyOwed] = useState(false);
  const [reminding, setReminding] = useState<string | null>(null);
  const [reminded, setReminded] = useState<RemindResult | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await api.get<ScheduleDetail>(`/api/report-schedules/${id}`, { period: periodKey }));
      setFailure(null);
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
    }
  }, [id, periodKey, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { setReminded(null); }, [id, periodKey]);

  const toggleActive = async () => {
    try {
      await api.patch(`/api/report-schedules/${id}`, { active: !data!.schedule.active });
      message.success(data!.schedule.active ? 'Đã ngừng áp dụng lịch báo cáo.' : 'Đã áp dụng lại lịch báo cáo.');
      await load();
    } catch (err) { message.error((err as Error).message); }
  };

  if (failure?.status === 403) return <ForbiddenResult message={failure.message} />;
  if (failure) return <NotFoundResult message={failure.message} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const { schedule: s, selected } = data;
  const owed = selected?.units.filter((u) => OWED.includes(u.state)) ?? [];

  const remind = async (unitIds?: string[]) => {
    if (!selected) return;
    setReminding(unitIds?.[0] ?? 'all');
    try {
      const res = await api.post<RemindResult>(`/api/report-schedules/${s.id}/periods/${encodeURIComponent(selected.period.key)}/remind`, unitIds ? { unitIds } : {});
      setReminded(res);
      if (res.reminded.length) message.success(`Đã nhắc ${res.reminded.length} đơn vị.`);
      else message.info('Không có đơn vị mới cần nhắc.');
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setReminding(null);
    }
  };
  const confirmRemindAll = () => modal.confirm({
    title: 'Nhắc các đơn vị chưa gửi báo cáo?',
    content: `${owed.length} đơn vị chưa gửi hoặc cần gửi lại báo cáo ${selected?.period.label}. Mỗi đơn vị được nhắc (thông báo và thư điện tử) một lần mỗi ngày.`,
    okText: 'Nhắc', cancelText: 'Hủy', onOk: () => remind(),
  });

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/bao-cao">Báo cáo định kỳ</Link> }, { title: <span className="kh-crumb" title={s.title}>{s.title}</span> }]} />
      <div className="kh-page-header">
        <Space orientation="vertical" size={4} style={{ flex: 1, minWidth: 260 }}>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>{s.title}</Typography.Title>
          <Space wrap size={4}>
            <Tag color="geekblue">{s.rule}</Tag>
            {!s.active && <Tag>Ngừng áp dụng</Tag>}
            <span className="kh-muted">{s.templateName !== s.title && `Biểu mẫu: ${s.templateName} · `}{s.owner.name} theo dõi, tổng hợp</span>
          </Space>
        </Space>
        {(data.canReview || data.canReadConsolidation || data.canManage) && (
          <Space wrap>
            {data.canManage && (
              <Popconfirm
                title={s.active ? 'Ngừng áp dụng lịch báo cáo này?' : 'Áp dụng lại lịch báo cáo này?'}
                description={s.active ? 'Các đơn vị không còn phải gửi và không được nhắc; báo cáo đã gửi vẫn giữ nguyên.' : undefined}
                okText={s.active ? 'Ngừng áp dụng' : 'Áp dụng lại'} cancelText="Thôi" onConfirm={toggleActive}
              >
                <Button icon={<PauseCircleOutlined />}>{s.active ? 'Ngừng áp dụng' : 'Áp dụng lại'}</Button>
              </Popconfirm>
            )}
            {data.canReview && selected && <Button icon={<BellOutlined />} disabled={!owed.length} loading={reminding === 'all'} onClick={confirmRemindAll}>Nhắc các đơn vị chưa gửi</Button>}
            {data.canReadConsolidation && selected && (
              <Button type="primary" icon={<FileDoneOutlined />} onClick={() => navigate(`/bao-cao/${s.id}/ky/${encodeURIComponent(selected.period.key)}/tong-hop`)}>
                Báo cáo tổng hợp
              </Button>
            )}
          </Space>
        )}
      </div>
      {!selected ? <Alert type="info" showIcon title="Lịch báo cáo chưa có kỳ nào đến hạn." /> : (
        <>
          <Space wrap align="center" style={{ marginBottom: 12 }}>
            <label htmlFor="period-select">Kỳ báo cáo:</label>
            <Select
              id="period-select" value={selected.period.key} style={{ minWidth: 260, maxWidth: '90vw' }} popupMatchSelectWidth={false}
              onChange={(ky: string) => setParams({ ky })}
              options={data.periods.map(({ period, completeness: c }) => ({
                value: period.key, label: period.label,
                title: `${period.label}: ${ratesText(c)}`,
              }))}
              optionRender={(o) => {
                const c = data.periods.find((p) => p.period.key === o.value)!.completeness;
                return <div><div>{o.label}</div><div className="kh-muted">{ratesText(c)}</div></div>;
              }}
            />
          </Space>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} items={[
            { key: 'span', label: 'Số liệu', children: `${formatDate(selected.period.start)} – ${formatDate(selected.period.end)}` },
            { key: 'due', label: 'Hạn gửi', children: <DueHint period={selected.period} bare /> },
            { key: 'lock', label: 'Khóa số liệu', children: lockText(selected.period) },
          ]} />
          <CompletenessCards c={selected.completeness} />
          {reminded && <RemindAlert r={reminded} onClose={() => setReminded(null)} />}
          <div className="kh-page-header" style={{ marginTop: 16 }}>
            <Typography.Title level={3} style={{ fontSize: 17 }}>Báo cáo của các đơn vị</Typography.Title>
            <Segmented
              value={onlyOwed ? 'owed' : 'all'} onChange={(v) => setOnlyOwed(v === 'owed')}
              options={[{ value: 'all', label: `Tất cả (${selected.units.length})` }, { value: 'owed', label: `Chưa gửi (${owed.length})` }]}
            />
          </div>
          <UnitsTable
            scheduleId={s.id} period={selected.period} units={onlyOwed ? owed : selected.units}
            canRemind={data.canReview} reminding={reminding} onRemind={(unitId) => void remind([unitId])}
            empty={onlyOwed ? 'Tất cả đơn vị đã gửi báo cáo kỳ này.' : 'Không có đơn vị phải báo cáo.'}
          />
        </>
      )}
    </>
  );
}

const ratesText = (c: Completeness) =>
  `Gửi ${c.submitted}/${c.expected} (${formatPercent(c.submittedRate)}) · đúng hạn ${formatPercent(c.onTimeRate)} · duyệt ${formatPercent(c.approvedRate)}`;

function CompletenessCards({ c }: { c: Completeness }) {
  const cards: [string, string, number, number | null, string][] = [
    ['phai', 'Phải báo cáo', c.expected, null, '#1f1f1f'],
    ['gui', 'Đã gửi', c.submitted, c.submittedRate, '#1677ff'],
    ['dung-han', 'Đúng hạn', c.onTime, c.onTimeRate, '#389e0d'],
    ['duyet', 'Đã duyệt', c.approved, c.approvedRate, '#08979c'],
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map(([key, title, value, rate, color]) => (
        <Col key={key} xs={12} md={6}>
          <Card size="small" id={`ty-le-${key}`}>
            <Statistic
              title={title} value={value} styles={{ content: { color } }}
              suffix={rate !== null ? <span style={{ fontSize: 14, color: 'rgba(0,0,0,.55)' }}>({formatPercent(rate)})</span> : <span style={{ fontSize: 14 }}>đơn vị</span>}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function RemindAlert({ r, onClose }: { r: RemindResult; onClose: () => void }) {
  const list = (names: string[]) => <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>{names.map((n) => <li key={n}>{n}</li>)}</ul>;
  return (
    <Alert
      id="ket-qua-nhac" type={r.reminded.length ? 'success' : 'info'} showIcon closable={{ onClose }} style={{ marginTop: 16 }}
      title={r.reminded.length ? `Đã nhắc ${r.reminded.length} đơn vị${r.emails ? ` (gửi ${r.emails} thư điện tử)` : ''}` : 'Không có đơn vị mới cần nhắc'}
      description={(
        <>
          {r.reminded.length > 0 && list(r.reminded)}
          {r.noRecipient.length > 0 && <><div>Chưa có tài khoản đầu mối để nhắc ({r.noRecipient.length}) — hãy liên hệ trực tiếp:</div>{list(r.noRecipient)}</>}
          {r.alreadyToday > 0 && <div>{r.alreadyToday} đơn vị đã được nhắc hôm nay.</div>}
        </>
      )}
    />
  );
}
