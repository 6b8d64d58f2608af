// One reward proposal: the achievement and its output, the evidence, the criteria claimed, the money, and —
// first, because it is what the reviewer must answer for (seed 000 II.4: "không trùng lặp chính sách thưởng,
// khen thưởng") — what the register of achievements holds for the same nominee, task and period.
import { Link, useParams } from 'react-router';
import { Alert, Breadcrumb, Card, Descriptions, Empty, List, Typography } from 'antd';
import { CheckCircleFilled, FileOutlined, MinusCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { CRITERIA, CRITERIA_LABELS } from '../../../core/rewards/register.ts';
import { formatViNumber } from '../../../core/text/vietnamese.ts';
import { formatDateTime } from '../../components/format.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { useView } from '../../components/useView.tsx';
import ReviewActions from './ReviewActions.tsx';
import { formatIsoDate, Money, periodLabel, REWARDS_PATH, RewardStatusTag, type RewardView } from './shared.tsx';
import './rewards.css';

export default function RewardPage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();

  const { view, setView, placeholder } = useView<RewardView>(`/api/rewards/${id}`, 14);
  if (!view) return placeholder;

  const a = view.achievement;
  const resent = new Date(view.proposedAt).getTime() - new Date(view.createdAt).getTime() > 60_000;
  const nominee = a.subject === 'individual' ? a.personName : a.subject === 'collective' ? a.collectiveName : view.unitName;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={REWARDS_PATH}>Đề nghị xét thưởng</Link> }, { title: 'Hồ sơ' }]} />
      <div className="kh-page-header" style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 22 }}>{a.title}</Typography.Title>
        <RewardStatusTag status={view.status} />
      </div>
      <Typography.Paragraph type="secondary">{view.unitName} · {a.subjectLabel}: {nominee} · {periodLabel(a.period)}</Typography.Paragraph>
      <Outcome view={view} />
      <ReviewActions view={view} onDone={setView} />
      <DuplicateCheck view={view} />
      <div className="kh-rw-grid">
        <Card size="small" title="Thành tích đề nghị thưởng" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={1} layout={isPhone ? 'vertical' : 'horizontal'} items={[
            { key: 'unit', label: 'Đơn vị đề nghị', children: view.unitName },
            { key: 'subject', label: 'Đối tượng', children: `${a.subjectLabel}${a.subject === 'task' ? '' : `: ${nominee}`}` },
            { key: 'task', label: 'Nhiệm vụ', children: <span className="kh-rw-text">{a.taskText}</span> },
            { key: 'title', label: 'Thành tích', children: a.title },
            { key: 'output', label: 'Sản phẩm, kết quả đầu ra', children: <span className="kh-rw-text" id="ket-qua-dau-ra">{a.output}</span> },
            { key: 'period', label: 'Kỳ', children: `${periodLabel(a.period)} (${a.period})` },
            {
              key: 'criteria', label: 'Tiêu chí đáp ứng', children: (
                <ul className="kh-rw-criteria" aria-label="Tiêu chí đáp ứng">
                  {CRITERIA.map((c) => view.criteria.includes(c)
                    ? <li key={c} className="kh-rw-yes"><CheckCircleFilled aria-label="Đáp ứng" role="img" /><span>{CRITERIA_LABELS[c]}</span></li>
                    : <li key={c} className="kh-rw-no"><MinusCircleOutlined aria-label="Không nêu" role="img" /><span>{CRITERIA_LABELS[c]}</span></li>)}
                </ul>
              ),
            },
          ]} />
        </Card>
        <div>
          <Card size="small" title="Số tiền và quyết định" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} layout={isPhone ? 'vertical' : 'horizontal'} items={[
              { key: 'proposed', label: 'Số tiền đề nghị', children: <Money value={view.proposedAmount} strong /> },
              { key: 'decided', label: 'Số tiền thưởng', children: <Money value={view.decidedAmount} strong /> },
              { key: 'no', label: 'Số quyết định', children: view.decisionNo || '—' },
              { key: 'date', label: 'Ngày quyết định', children: formatIsoDate(view.decisionDate) },
            ]} />
          </Card>
          <Card size="small" title={`Tệp minh chứng (${view.evidence.length})`} style={{ marginBottom: 16 }} id="minh-chung">
            {view.evidence.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có tệp minh chứng." /> : (
              <List size="small" dataSource={view.evidence} renderItem={(f) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <a href={`/api/files/${f.fileId}`} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-word' }}><FileOutlined /> {f.name}</a>
                </List.Item>
              )} />
            )}
          </Card>
          <Card size="small" title="Quá trình" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} layout={isPhone ? 'vertical' : 'horizontal'} items={[
              { key: 'created', label: 'Ghi vào sổ thành tích', children: formatDateTime(a.createdAt) },
              // Sending again moves proposedAt; the first sending is the moment the row was made, within a second or so.
              { key: 'sent', label: resent ? 'Gửi lại (lần gần nhất)' : 'Gửi đề nghị', children: formatDateTime(view.proposedAt) },
              { key: 'updated', label: 'Cập nhật gần nhất', children: formatDateTime(view.updatedAt) },
              ...(view.reviewComment ? [{ key: 'comment', label: view.status === 'rejected' ? 'Lý do không thưởng' : 'Ý kiến thẩm định', children: <span className="kh-rw-text">{view.reviewComment}</span> }] : []),
            ]} />
          </Card>
        </div>
      </div>
    </>
  );
}

/** Where the proposal stands, in one sentence: what the unit must do, or what was decided. */
function Outcome({ view }: { view: RewardView }) {
  if (view.status === 'returned') {
    return <Alert type="warning" showIcon id="y-kien-tra-lai" style={{ marginBottom: 16 }} title="Hồ sơ bị trả lại, đề nghị bổ sung:" description={<span className="kh-rw-text">{view.reviewComment}</span>} />;
  }
  if (view.status === 'approved') {
    return <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`Đã quyết định thưởng theo Quyết định số ${view.decisionNo} ngày ${formatIsoDate(view.decisionDate)}: ${formatViNumber(view.decidedAmount ?? 0)} đồng.`} />;
  }
  if (view.status === 'rejected') {
    return <Alert type="error" showIcon style={{ marginBottom: 16 }} title="Không xét thưởng." description={<span className="kh-rw-text">{view.reviewComment}</span>} />;
  }
  if (!view.can.review) {
    return <Alert type="info" showIcon style={{ marginBottom: 16 }} title="Hồ sơ đang chờ Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin của Sở thẩm định." />;
  }
  return null;
}

/** The register check: anything already resting on the same achievement, or a plain all-clear. */
function DuplicateCheck({ view }: { view: RewardView }) {
  const taken = view.duplicates.filter((d) => d.status === 'approved' || d.kind === 'commendation');
  return (
    <Card size="small" id="kiem-tra-trung-lap" style={{ marginBottom: 16 }}
      title={<span><SafetyCertificateOutlined /> Kiểm tra trùng lặp</span>}>
      {view.duplicates.length === 0 ? (
        <Alert type="success" showIcon title="Không phát hiện thành tích trùng"
          description="Sổ thành tích không có đề nghị hay quyết định thưởng nào cho cùng đối tượng, cùng nhiệm vụ trong kỳ trùng với kỳ này." />
      ) : (
        <Alert
          type="warning" showIcon
          title={taken.length ? 'Thành tích này đã được khen thưởng — không thưởng trùng' : 'Cùng thành tích đang được đề nghị ở hồ sơ khác'}
          description={(
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {view.duplicates.map((d, i) => <li key={`${d.id}-${i}`}>{d.text} <span className="kh-muted">({periodLabel(d.period)})</span></li>)}
            </ul>
          )}
        />
      )}
    </Card>
  );
}
