// One nomination (hồ sơ đề nghị khen thưởng): where it stands and what comes next; what the register holds on the
// same achievement (first, because it is what Phòng TCCB answers for); the achievement; the dossier checked against
// the award form's list of documents; the council's vote; the decision; and everything that happened to it.
import { Link, useParams } from 'react-router';
import { Alert, Breadcrumb, Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, FileOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { useView } from '../../components/useView.tsx';
import NominationActions from './NominationActions.tsx';
import {
  decisionLink, EMULATION_PATH, EVENT_LABELS, movementLink, NominationStatusTag, roundText, viDate, voteRule, type NominationView,
} from './shared.tsx';
import './emulation.css';

/** "2026" → "Năm 2026", "2025-2027" → "Giai đoạn 2025–2027". */
const periodText = (p: string) => (/^\d{4}$/.test(p) ? `Năm ${p}` : /^\d{4}-\d{4}$/.test(p) ? `Giai đoạn ${p.replace('-', '–')}` : p);

export default function NominationPage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const { view, setView, placeholder } = useView<NominationView>(`/api/emulation/nominations/${id}`, 14);
  if (!view) return placeholder;

  const a = view.achievement;
  const layout = isPhone ? 'vertical' : 'horizontal';
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[
        { title: <Link to={EMULATION_PATH}>Thi đua, khen thưởng</Link> },
        { title: <Link to={movementLink(view.movement.id, view.year)} className="kh-em-crumb" title={view.movement.name}>{view.movement.name}</Link> },
        { title: 'Hồ sơ đề nghị' },
      ]} />
      <div className="kh-page-header" style={{ marginBottom: 8 }}>
        <Typography.Title level={2} className="kh-em-title">{view.nomineeName}</Typography.Title>
        <NominationStatusTag status={view.status} />
      </div>
      <Typography.Paragraph type="secondary">
        {a.subjectLabel} · {view.unitName} · {view.form.name} · {roundText(view.roundKind, view.roundLabel, view.year)}
      </Typography.Paragraph>
      <Outcome view={view} />
      <NominationActions view={view} onDone={setView} />
      <Duplicates view={view} />
      <div className="kh-em-grid">
        <div>
          <Card size="small" title="Thành tích đề nghị khen thưởng" style={{ marginBottom: 16 }} id="thanh-tich">
            <Descriptions size="small" column={1} layout={layout} items={[
              { key: 'unit', label: 'Đơn vị đề nghị', children: view.unitName },
              { key: 'nominee', label: a.subjectLabel, children: view.nominee },
              { key: 'task', label: 'Nhiệm vụ, lĩnh vực', children: <span className="kh-em-text">{a.taskText}</span> },
              { key: 'title', label: 'Thành tích', children: <span className="kh-em-text">{a.title}</span> },
              { key: 'output', label: 'Tóm tắt thành tích', children: <span className="kh-em-text">{a.output}</span> },
              { key: 'period', label: 'Thời gian lập thành tích', children: periodText(a.period) },
            ]} />
          </Card>
          <Dossier view={view} />
        </div>
        <div>
          <Card size="small" title="Hình thức khen thưởng" style={{ marginBottom: 16 }} id="hinh-thuc">
            <div style={{ fontWeight: 600, marginBottom: 6 }}>{view.form.name}</div>
            {view.form.decidedBySo ? <Tag color="green">Sở quyết định</Tag> : <Tag color="purple">Trình cấp trên</Tag>}
            <Descriptions size="small" column={1} layout="vertical" style={{ marginTop: 8 }} items={[
              { key: 'decider', label: 'Cấp quyết định', children: view.form.decider },
              { key: 'proposer', label: 'Cấp trình, đề nghị', children: view.form.proposer },
            ]} />
          </Card>
          <Council view={view} />
          <Card size="small" title="Quá trình xử lý" style={{ marginBottom: 16 }} id="qua-trinh">
            <Timeline items={view.events.map((e) => {
              const label = EVENT_LABELS[e.action] ?? { label: e.action, color: 'gray' };
              return {
                key: e.id, color: label.color,
                content: (
                  <div>
                    <b>{label.label}</b>
                    {e.comment && <div className="kh-em-text">{e.comment}</div>}
                    <div className="kh-muted">{e.actorName} · {formatDateTime(e.createdAt)}</div>
                  </div>
                ),
              };
            })} />
          </Card>
        </div>
      </div>
    </>
  );
}

/** Where the nomination stands, in one sentence: what the unit must do, who it waits for, or what was decided. */
function Outcome({ view }: { view: NominationView }) {
  const s = { marginBottom: 16 };
  switch (view.status) {
    case 'draft':
      return <Alert type="info" showIcon style={s} title="Hồ sơ đang lập: đơn vị bổ sung đủ tài liệu rồi gửi Phòng Tổ chức cán bộ." />;
    case 'returned':
      return <Alert type="warning" showIcon style={s} id="y-kien-tra-lai" title="Phòng Tổ chức cán bộ trả lại hồ sơ, đề nghị bổ sung:" description={<span className="kh-em-text">{view.returnComment}</span>} />;
    case 'submitted':
      return view.can.check ? null : <Alert type="info" showIcon style={s} title="Hồ sơ đang chờ Phòng Tổ chức cán bộ kiểm tra." />;
    case 'checked':
      return view.can.vote ? null : <Alert type="info" showIcon style={s} title="Hồ sơ đủ thành phần, chờ Hội đồng Thi đua - Khen thưởng xét." />;
    case 'passed':
      return (
        <Alert type="success" showIcon style={s} title="Hội đồng đề nghị khen thưởng"
          description={<>{view.councilResult}. {view.form.decidedBySo ? 'Chờ Giám đốc Sở quyết định khen thưởng.' : `Chờ Phòng Tổ chức cán bộ trình ${view.form.decider}.`}</>} />
      );
    case 'failed':
      return <Alert type="error" showIcon style={s} title="Hội đồng không đề nghị khen thưởng" description={view.councilResult} />;
    case 'forwarded':
      return <Alert type="info" showIcon style={s} title={`Đã trình ${view.form.decider}${view.forwardedAt ? ` ngày ${formatDate(view.forwardedAt)}` : ''}; chờ quyết định của cấp trên.`} />;
    case 'decided':
      return (
        <Alert type="success" showIcon style={s} id="quyet-dinh"
          title={<>Quyết định số {view.decisionNo} ngày {viDate(view.decisionDate)}{view.decisionSigner ? ` của ${view.decisionSigner}` : ''}: {view.form.name}.</>}
          description={view.decisionId ? <Link to={decisionLink(view.decisionId)}>Xem quyết định khen thưởng và tải giấy khen</Link> : undefined} />
      );
    default:
      return null;
  }
}

/** The register's other records of the same achievement. */
function Duplicates({ view }: { view: NominationView }) {
  const { blocking, toSee } = view.duplicates;
  if (!blocking.length && !toSee.length) return null;
  const list = (items: typeof blocking) => <ul style={{ margin: 0, paddingInlineStart: 18 }}>{items.map((d, i) => <li key={`${d.id}-${i}`}>{d.text}</li>)}</ul>;
  return (
    <div id="trung-thanh-tich">
      {blocking.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="Thành tích này đã được khen thưởng — một thành tích không khen thưởng hai lần" description={list(blocking)} />
      )}
      {toSee.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }}
          title={`Sổ theo dõi thành tích có ${toSee.length} bản ghi cùng thành tích${view.status === 'submitted' ? ': Phòng TCCB xác nhận đã xem trước khi trình Hội đồng' : ''}`}
          description={list(toSee)} />
      )}
    </div>
  );
}

/** The dossier against the award form: each document it requires, held (with its files) or missing. */
function Dossier({ view }: { view: NominationView }) {
  return (
    <Card size="small" title="Thành phần hồ sơ" style={{ marginBottom: 16 }} id="thanh-phan-ho-so"
      extra={view.missing.length ? <span className="kh-em-missing">Còn thiếu {view.missing.length}</span> : <Tag color="success" style={{ marginInlineEnd: 0 }}>Đủ thành phần</Tag>}>
      <ul className="kh-em-docs">
        {view.documents.map((d) => {
          const held = d.files.length > 0;
          return (
            <li key={d.kind} className={`kh-em-doc ${held ? 'kh-em-doc-ok' : 'kh-em-doc-missing'}`} data-kind={d.kind}>
              {held ? <CheckCircleFilled role="img" aria-label="Đã có" /> : <CloseCircleFilled role="img" aria-label="Còn thiếu" />}
              <div className="kh-em-doc-body">
                <span>{d.label}{!d.required && <span className="kh-muted"> (không bắt buộc)</span>}</span>
                {held ? (
                  <span className="kh-em-doc-files">
                    {d.files.map((f, i) => (
                      <span key={`${f.id}-${i}`}>{i > 0 && ' · '}<a href={`/api/files/${f.id}`} target="_blank" rel="noreferrer"><FileOutlined /> {f.name}</a></span>
                    ))}
                  </span>
                ) : <span className="kh-em-missing">Còn thiếu</span>}
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function Council({ view }: { view: NominationView }) {
  const voted = view.votesFor !== null;
  return (
    <Card size="small" title="Hội đồng Thi đua - Khen thưởng" style={{ marginBottom: 16 }} id="hoi-dong">
      {voted ? (
        <Descriptions size="small" column={1} items={[
          { key: 'date', label: 'Ngày họp', children: viDate(view.councilDate) },
          { key: 'participants', label: 'Thành viên tham gia', children: `${view.participants}/${view.councilMembers}` },
          { key: 'for', label: 'Đồng ý', children: view.votesFor },
          { key: 'against', label: 'Không đồng ý', children: view.votesAgainst },
          { key: 'result', label: 'Kết quả', children: <b>{view.councilResult}</b> },
        ]} />
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>Chưa xét. Hội đồng có {view.movement.councilMembers} thành viên.</Typography.Paragraph>
          <div className="kh-em-rule">{voteRule(view.movement.passPct)}.</div>
        </>
      )}
    </Card>
  );
}
