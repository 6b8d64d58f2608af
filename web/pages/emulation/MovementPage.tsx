// One emulation movement for a year: its phases, the year's nominations (where each stands, the council's votes,
// the decision), the units registered, the Director's decisions, the blocks and their scores, and the criteria and
// award forms it was set up with. A unit's focal point registers and nominates; the Director decides.
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { App, Breadcrumb, Button, Card, Empty, List, Select, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { AuditOutlined, FileDoneOutlined, FormOutlined, HistoryOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { NOMINATION_STATUS_LABELS, NOMINATION_STATUSES } from '../../../core/emulation/workflow.ts';
import type { AwardForm } from '../../../core/emulation/forms.ts';
import { api, ApiError } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import { useView } from '../../components/useView.tsx';
import { DecideModal, decidable, RegisterModal } from './MovementModals.tsx';
import BlockFormModal from './BlockFormModal.tsx';
import NominationFormModal from './NominationFormModal.tsx';
import {
  blockLink, decisionLink, EMULATION_PATH, HISTORY_PATH, nominationLink, NominationStatusTag, roundText, thisYear, viDate,
  type Criterion, type DecisionItem, type MovementView, type NominationItem, type NominationStatus, type Registration,
} from './shared.tsx';
import './emulation.css';

type Filter = 'all' | NominationStatus;

const noNominations = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có hồ sơ đề nghị" />;

export default function MovementPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const isPhone = useIsPhone();
  const asked = Number(params.get('year')) || thisYear();
  const { view: mv, load, placeholder } = useView<MovementView>(`/api/emulation/movements/${id}?year=${asked}`, 14);
  const [nominations, setNominations] = useState<NominationItem[] | null>(null);
  const [decisions, setDecisions] = useState<DecisionItem[] | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [tab, setTab] = useState('ho-so');
  const [dialog, setDialog] = useState<'nominate' | 'register' | 'decide' | 'block' | null>(params.get('quyet-dinh') ? 'decide' : null);

  const loadLists = useCallback(async () => {
    try {
      const [n, d] = await Promise.all([
        api.get<{ items: NominationItem[] }>(`/api/emulation/movements/${id}/nominations`, { year: asked }),
        api.get<DecisionItem[]>(`/api/emulation/movements/${id}/decisions`),
      ]);
      setNominations(n.items);
      setDecisions(d);
    } catch (err) {
      setNominations([]); setDecisions([]);
      if (err instanceof ApiError && err.status !== 401 && err.status !== 403 && err.status !== 404) message.error(err.message);
    }
  }, [id, asked, message, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { setNominations(null); void loadLists(); }, [loadLists]);

  if (!mv) return placeholder;

  const year = mv.year;
  const years = Array.from({ length: mv.endYear - mv.startYear + 1 }, (_, i) => mv.startYear + i);
  if (!years.includes(year)) years.push(year);
  const setYear = (y: number) => { setFilter('all'); setParams({ year: String(y) }); };
  const canRegister = mv.myUnits.some((u) => !u.registered) && year >= mv.startYear && year <= mv.endYear;
  const items = nominations ?? [];
  const shown = items.filter((n) => filter === 'all' || n.status === filter);
  const count = (s: NominationStatus) => items.filter((n) => n.status === s).length;
  const toDecide = decidable(items).length;
  const phase = mv.phases.find((p) => year >= p.fromYear && year <= p.toYear);

  const closeDialog = () => {
    setDialog(null);
    if (params.get('quyet-dinh')) { params.delete('quyet-dinh'); setParams(params, { replace: true }); }
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={EMULATION_PATH}>Thi đua, khen thưởng</Link> }, { title: mv.number ? `Kế hoạch ${mv.number}` : 'Phong trào' }]} />
      <Typography.Title level={2} className="kh-em-title" style={{ marginTop: 0 }}>{mv.name}</Typography.Title>
      <div className="kh-em-meta" style={{ fontSize: 14 }}>
        {mv.number && <span>Kế hoạch số <b>{mv.number}</b></span>}
        <span>Giai đoạn <b>{mv.startYear}–{mv.endYear}</b></span>
        <span>Thường trực: {mv.ownerUnitName}</span>
        <span>Hội đồng Thi đua - Khen thưởng: {mv.councilMembers} thành viên</span>
      </div>
      <div className="kh-em-toolbar">
        <div className="kh-em-phases" aria-label="Các giai đoạn">
          {mv.phases.map((p) => (
            <Tag key={p.name} color={p === phase ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
              {p.name}{p.review === 'so_ket' ? ' · sơ kết' : ' · tổng kết'} năm {p.toYear}
            </Tag>
          ))}
        </div>
        <div className="kh-em-actions" style={{ marginBottom: 0 }}>
          <Select<number> id="nam-thi-dua" aria-label="Năm" value={year} onChange={setYear} style={{ width: 120 }} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} />
          {canRegister && <Button icon={<FormOutlined />} onClick={() => setDialog('register')}>Đăng ký thi đua</Button>}
          {mv.can.nominate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('nominate')}>Lập hồ sơ đề nghị</Button>}
          {mv.can.decide && (
            <Button type="primary" icon={<FileDoneOutlined />} onClick={() => setDialog('decide')}>
              Quyết định khen thưởng{toDecide ? ` (${toDecide})` : ''}
            </Button>
          )}
          <Link to={HISTORY_PATH}><Button icon={<HistoryOutlined />}>Lịch sử khen thưởng</Button></Link>
        </div>
      </div>
      <Tabs
        activeKey={tab} onChange={setTab}
        items={[
          {
            key: 'ho-so', label: `Hồ sơ đề nghị năm ${year}${nominations ? ` (${items.length})` : ''}`, children: (
              <Card size="small" styles={{ body: { padding: isPhone ? 8 : 12 } }} id="ho-so-de-nghi">
                <div className="kh-em-toolbar">
                  <Select<Filter>
                    value={filter} onChange={setFilter} aria-label="Lọc theo trạng thái" style={{ width: isPhone ? '100%' : 300 }}
                    options={[{ value: 'all', label: `Tất cả trạng thái (${items.length})` }, ...NOMINATION_STATUSES.map((s) => ({ value: s, label: `${NOMINATION_STATUS_LABELS[s]} (${count(s)})` }))]}
                  />
                </div>
                {!nominations ? <Skeleton active paragraph={{ rows: 5 }} /> : <Nominations items={shown} isPhone={isPhone} />}
              </Card>
            ),
          },
          {
            key: 'dang-ky', label: `Đăng ký thi đua (${mv.registrations.length})`,
            children: <Card size="small" styles={{ body: { padding: isPhone ? 8 : 12 } }} id="dang-ky-thi-dua"><Registrations items={mv.registrations} year={year} isPhone={isPhone} /></Card>,
          },
          {
            key: 'quyet-dinh', label: `Quyết định khen thưởng${decisions ? ` (${decisions.length})` : ''}`,
            children: <Card size="small" styles={{ body: { padding: isPhone ? 8 : 12 } }} id="quyet-dinh-khen-thuong">{!decisions ? <Skeleton active /> : <Decisions items={decisions} isPhone={isPhone} />}</Card>,
          },
          {
            key: 'khoi', label: `Khối thi đua (${mv.blocks.length})`, children: (
              <Card size="small" id="khoi-thi-dua"
                extra={mv.can.manage && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('block')}>Lập khối thi đua</Button>}>
                {mv.blocks.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Phong trào chưa có khối thi đua." /> : (
                  <List size="small" dataSource={mv.blocks} renderItem={(b) => (
                    <List.Item style={{ paddingInline: 0, flexWrap: 'wrap', gap: 8 }}>
                      <span style={{ fontWeight: 500 }}>{b.name}</span>
                      <Link to={blockLink(b.id, year)}><TableOutlined /> Bảng điểm năm {year}</Link>
                    </List.Item>
                  )} />
                )}
              </Card>
            ),
          },
          { key: 'tieu-chi', label: 'Tiêu chí, hình thức khen thưởng', children: <Rules mv={mv} isPhone={isPhone} /> },
        ]}
      />
      <RegisterModal open={dialog === 'register'} movement={mv} onClose={closeDialog}
        onDone={() => { closeDialog(); message.success('Đã đăng ký thi đua.'); setTab('dang-ky'); void load(); }} />
      <BlockFormModal open={dialog === 'block'} movementId={mv.id} onClose={closeDialog}
        onCreated={(blockId) => { closeDialog(); message.success('Đã lập khối thi đua.'); navigate(blockLink(blockId, year)); }} />
      <NominationFormModal open={dialog === 'nominate'} movement={mv} year={year} onClose={closeDialog}
        onCreated={(n) => { closeDialog(); message.success('Đã lập hồ sơ đề nghị khen thưởng.'); navigate(nominationLink(n.id)); }} />
      <DecideModal open={dialog === 'decide' && mv.can.decide && nominations !== null} movement={mv} nominations={items} onClose={closeDialog}
        onDecided={(d) => { setDialog(null); message.success(`Đã ban hành Quyết định số ${d.number}.`); navigate(decisionLink(d.id)); }} />
    </>
  );
}

function Nominations({ items, isPhone }: { items: NominationItem[]; isPhone: boolean }) {
  const navigate = useNavigate();
  const decision = (n: NominationItem) => (n.decisionNo ? <span><span style={{ whiteSpace: 'nowrap' }}>{n.decisionNo}</span><div className="kh-em-item-meta">ngày {viDate(n.decisionDate)}</div></span> : '—');
  if (isPhone) {
    return (
      <List<NominationItem>
        dataSource={items} locale={{ emptyText: noNominations }} pagination={items.length > 20 ? { pageSize: 20, size: 'small' } : false}
        renderItem={(n) => (
          <List.Item>
            <div className="kh-em-item">
              <Link to={nominationLink(n.id)} style={{ fontWeight: 500 }}>{n.nominee}</Link>
              <span className="kh-em-item-meta">{n.subjectLabel} · {n.unitName}</span>
              <span className="kh-em-text">{n.title}</span>
              <span className="kh-em-item-meta">{n.formName}</span>
              <span><NominationStatusTag status={n.status} /></span>
              {(n.votes || n.decisionNo) && (
                <span className="kh-em-item-meta">
                  {n.votes && `Phiếu đồng ý ${n.votes}`}{n.votes && n.decisionNo && ' · '}{n.decisionNo && `QĐ số ${n.decisionNo} ngày ${viDate(n.decisionDate)}`}
                </span>
              )}
            </div>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<NominationItem>
      rowKey="id" size="small" dataSource={items} pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 960 }} className="kh-em-table" locale={{ emptyText: noNominations }}
      onRow={(n) => ({ onDoubleClick: () => navigate(nominationLink(n.id)) })}
      columns={[
        { title: 'Đơn vị', dataIndex: 'unitName', width: 140 },
        {
          title: 'Đối tượng', key: 'nominee', width: 160,
          render: (_, n) => <><Link to={nominationLink(n.id)} style={{ fontWeight: 500 }}>{n.nominee}</Link><div className="kh-em-item-meta">{n.subjectLabel}</div></>,
        },
        { title: 'Thành tích', dataIndex: 'title' },
        { title: 'Hình thức', dataIndex: 'formName', width: 150 },
        { title: 'Trạng thái', dataIndex: 'status', width: 160, render: (s: NominationStatus) => <NominationStatusTag status={s} /> },
        { title: 'Phiếu', dataIndex: 'votes', width: 64, align: 'center', render: (v: string) => v || '—' },
        { title: 'Quyết định', key: 'decision', width: 120, render: (_, n) => decision(n) },
      ]}
    />
  );
}

function Registrations({ items, year, isPhone }: { items: Registration[]; year: number; isPhone: boolean }) {
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`Chưa có đơn vị đăng ký thi đua năm ${year}.`} />;
  if (isPhone) {
    return (
      <List<Registration> dataSource={items} locale={{ emptyText: empty }} renderItem={(r) => (
        <List.Item>
          <div className="kh-em-item">
            <b>{r.unitName}</b>
            <span className="kh-em-text">{r.pledge}</span>
            <span className="kh-em-item-meta">Đăng ký ngày {formatDate(r.registeredAt)}</span>
          </div>
        </List.Item>
      )} />
    );
  }
  return (
    <Table<Registration>
      rowKey="id" size="small" dataSource={items} pagination={false} className="kh-em-table" locale={{ emptyText: empty }} scroll={{ x: 720 }}
      columns={[
        { title: 'Đơn vị', dataIndex: 'unitName', width: 240 },
        { title: 'Nội dung đăng ký', dataIndex: 'pledge', render: (t: string) => <span className="kh-em-text">{t}</span> },
        { title: 'Ngày đăng ký', dataIndex: 'registeredAt', width: 120, render: (v: string) => formatDate(v) },
      ]}
    />
  );
}

function Decisions({ items, isPhone }: { items: DecisionItem[]; isPhone: boolean }) {
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có quyết định khen thưởng." />;
  if (isPhone) {
    return (
      <List<DecisionItem> dataSource={items} locale={{ emptyText: empty }} renderItem={(d) => (
        <List.Item>
          <div className="kh-em-item">
            <Link to={decisionLink(d.id)} style={{ fontWeight: 500 }}>Quyết định số {d.number}</Link>
            <span className="kh-em-item-meta">Ngày {viDate(d.decisionDate)} · {roundText(d.roundKind, d.roundLabel, d.year)}</span>
            <span className="kh-em-item-meta">{d.signerTitle} {d.signerName} · {d.awardees} tập thể, cá nhân</span>
          </div>
        </List.Item>
      )} />
    );
  }
  return (
    <Table<DecisionItem>
      rowKey="id" size="small" dataSource={items} pagination={false} className="kh-em-table" locale={{ emptyText: empty }} scroll={{ x: 760 }}
      columns={[
        { title: 'Số quyết định', dataIndex: 'number', width: 160, render: (v: string, d) => <Link to={decisionLink(d.id)}><AuditOutlined /> {v}</Link> },
        { title: 'Ngày', dataIndex: 'decisionDate', width: 110, render: (v: string) => viDate(v) },
        { title: 'Đợt khen thưởng', key: 'round', render: (_, d) => roundText(d.roundKind, d.roundLabel, d.year) },
        { title: 'Người ký', key: 'signer', render: (_, d) => `${d.signerTitle} ${d.signerName}` },
        { title: 'Tập thể, cá nhân', dataIndex: 'awardees', width: 130, align: 'right' },
      ]}
    />
  );
}

/** The rules the movement was set up with: its award forms and who decides each, and its criteria. */
function Rules({ mv, isPhone }: { mv: MovementView; isPhone: boolean }) {
  const collective = mv.criteria.filter((c) => c.subject === 'collective');
  const individual = mv.criteria.filter((c) => c.subject === 'individual');
  const authority = (f: AwardForm) => (f.decidedBySo ? <Tag color="green" style={{ marginInlineEnd: 0 }}>Sở quyết định</Tag> : <Tag color="purple" style={{ marginInlineEnd: 0 }}>Trình cấp trên</Tag>);
  return (
    <>
      <Card size="small" title={`Hình thức khen thưởng (${mv.forms.length})`} style={{ marginBottom: 16 }} styles={{ body: { padding: isPhone ? 8 : 12 } }} id="hinh-thuc-khen-thuong">
        {isPhone ? (
          <List<AwardForm> dataSource={mv.forms} renderItem={(f) => (
            <List.Item>
              <div className="kh-em-item">
                <b>{f.name}</b>
                <span>{authority(f)}{f.nominees.includes('individual') ? '' : <Tag style={{ marginInlineStart: 6 }}>Chỉ tập thể</Tag>}</span>
                <span className="kh-em-item-meta">Quyết định: {f.decider}</span>
                <span className="kh-em-item-meta">Đề nghị: {f.proposer}</span>
              </div>
            </List.Item>
          )} />
        ) : (
          <Table<AwardForm>
            rowKey="code" size="small" dataSource={mv.forms} pagination={false} className="kh-em-table" scroll={{ x: 900 }}
            columns={[
              { title: 'Hình thức', dataIndex: 'name', width: 260, render: (v: string, f) => <>{v}{!f.nominees.includes('individual') && <div className="kh-em-item-meta">Chỉ tặng tập thể</div>}</> },
              { title: 'Cấp quyết định', dataIndex: 'decider', width: 190 },
              { title: 'Cấp trình, đề nghị', dataIndex: 'proposer' },
              { title: 'Thẩm quyền', key: 'authority', width: 140, render: (_, f) => authority(f) },
            ]}
          />
        )}
      </Card>
      <Card size="small" title="Tiêu chí đối với tập thể" style={{ marginBottom: 16 }} styles={{ body: { padding: isPhone ? 8 : 12 } }} id="tieu-chi-tap-the">
        {isPhone ? (
          <List<Criterion> dataSource={collective} renderItem={(c, i) => (
            <List.Item>
              <div className="kh-em-item">
                <span className="kh-em-text"><b>{i + 1}.</b> {c.text}</span>
                <span className="kh-em-item-meta">Trọng số {c.weight} điểm · {c.measureLabel}</span>
              </div>
            </List.Item>
          )} />
        ) : (
          <Table<Criterion>
            rowKey="id" size="small" dataSource={collective} pagination={false} className="kh-em-table" scroll={{ x: 800 }}
            columns={[
              { title: 'STT', key: 'no', width: 56, align: 'center', render: (_, __, i) => i + 1 },
              { title: 'Tiêu chí', dataIndex: 'text', render: (t: string) => <span className="kh-em-text">{t}</span> },
              { title: 'Trọng số (điểm)', dataIndex: 'weight', width: 130, align: 'right' },
              { title: 'Cách đo', dataIndex: 'measureLabel', width: 260 },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}><b>Tổng</b></Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right"><b>{collective.reduce((s, c) => s + c.weight, 0)}</b></Table.Summary.Cell>
                <Table.Summary.Cell index={3} />
              </Table.Summary.Row>
            )}
          />
        )}
      </Card>
      <Card size="small" title="Tiêu chí đối với cá nhân" id="tieu-chi-ca-nhan">
        {individual.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có tiêu chí." /> : (
          <ol style={{ margin: 0, paddingInlineStart: 22 }}>
            {individual.map((c) => <li key={c.id} className="kh-em-text" style={{ marginBottom: 4 }}>{c.text}</li>)}
          </ol>
        )}
        <div className="kh-muted" style={{ marginTop: 8 }}>Tiêu chí cá nhân do Hội đồng Thi đua - Khen thưởng xét, không chấm điểm khối.</div>
      </Card>
    </>
  );
}
