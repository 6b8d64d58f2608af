// One inspection: who was inspected, when, by whom and on what; its findings, each with the corrective actions it
// gave (state, deadline, report, closing, and the stop of an allowance when the finding is about one); the
// conclusion. The team records findings and the conclusion, the unit (or the team) reports, the team closes.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Empty, Typography } from 'antd';
import { CheckOutlined, FileOutlined, FileDoneOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import { useView } from '../../components/useView.tsx';
import { CloseModal, ReportModal } from './ActionModals.tsx';
import { ConcludeModal, FindingModal } from './RecordModals.tsx';
import { ActionStateTag, INSPECTIONS_PATH, InspectionStatusTag, isoDate, planLink, type CorrectiveAction, type InspectionView } from './shared.tsx';
import './inspections.css';

function ActionBlock({ a, onReport, onClose }: { a: CorrectiveAction; onReport: () => void; onClose: () => void }) {
  const { can } = useSession();
  // The server says when closing is accepted (a reported correction, or an allowance stop already made).
  const closable = a.can.close;
  return (
    <div className={`kh-ins-action kh-ins-action-${a.state}`} data-action-id={a.id}>
      <div className="kh-ins-action-head">
        <span><b>{a.responsibleUnitName}</b> · hạn khắc phục <b>{isoDate(a.dueOn)}</b></span>
        <ActionStateTag a={a} />
      </div>
      <div className="kh-ins-text">{a.description}</div>
      {a.allowance && (
        <div>
          Dừng hưởng hỗ trợ: <b>{a.allowance.personName}</b> (QĐ {a.allowance.decisionNo}){' — '}
          {a.allowance.stoppedOn
            ? <Typography.Text type="success">Đã dừng từ sau {isoDate(a.allowance.stoppedOn)}</Typography.Text>
            : <Typography.Text type="warning" strong>Chưa dừng chi trả</Typography.Text>}
          {can('allowance.read') && <> · <Link to={`/ho-tro/ho-so/${a.allowance.unitId}`}>Hồ sơ hỗ trợ của đơn vị</Link></>}
        </div>
      )}
      {a.reportNote && <div className="kh-ins-text"><b>Báo cáo khắc phục</b>{a.reportedAt ? ` (${isoDate(a.reportedAt)}, ${a.reportedByName})` : ''}: {a.reportNote}</div>}
      {a.files.length > 0 && (
        <div className="kh-ins-text"><b>Minh chứng</b>: {a.files.map((f, i) => <span key={f.fileId}>{i > 0 && ', '}<a href={`/api/files/${f.fileId}`} download>{f.name}</a></span>)}</div>
      )}
      {a.status === 'closed' && <div className="kh-ins-text"><b>Đóng</b>{a.closedAt ? ` (${isoDate(a.closedAt)}, ${a.closedByName})` : ''}{a.closeNote ? `: ${a.closeNote}` : ''}</div>}
      {(a.can.report || closable) && (
        <div className="kh-ins-actions">
          {a.can.report && <Button size="small" icon={<SendOutlined />} onClick={onReport}>Báo cáo khắc phục</Button>}
          {closable && <Button size="small" icon={<CheckOutlined />} onClick={onClose}>Đóng</Button>}
        </div>
      )}
    </div>
  );
}

export default function InspectionPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [dialog, setDialog] = useState<'finding' | 'conclude' | null>(null);
  const [reporting, setReporting] = useState<CorrectiveAction | null>(null);
  const [closing, setClosing] = useState<CorrectiveAction | null>(null);

  const { view, setView, load, placeholder } = useView<InspectionView>(`/api/inspections/${id}`, 12);
  if (!view) return placeholder;

  const done = (text: string) => (next: InspectionView) => { setView(next); setDialog(null); message.success(text); };
  const actionDone = (text: string) => async () => { setReporting(null); setClosing(null); message.success(text); await load(); };
  const layout = isPhone ? 'vertical' : 'horizontal';
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[
        { title: <Link to={INSPECTIONS_PATH}>Kiểm tra, giám sát</Link> },
        { title: <Link to={planLink(view.plan.id)}>{view.plan.subject}</Link> },
        { title: 'Cuộc kiểm tra' },
      ]} />
      <div className="kh-page-header" style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 22 }}>Kiểm tra {view.unitName}</Typography.Title>
        <InspectionStatusTag status={view.status} label={view.statusLabel} />
      </div>
      {(view.can.manage || view.can.conclude) && (
        <div className="kh-ins-actions" style={{ marginBottom: 16 }}>
          {view.can.manage && <Button icon={<PlusOutlined />} onClick={() => setDialog('finding')}>Ghi phát hiện</Button>}
          {view.can.conclude && <Button type="primary" icon={<FileDoneOutlined />} onClick={() => setDialog('conclude')}>Ghi kết luận</Button>}
        </div>
      )}
      <Card size="small" title="Thông tin cuộc kiểm tra" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={1} layout={layout} items={[
          { key: 'unit', label: 'Đơn vị được kiểm tra', children: view.unitName },
          { key: 'dates', label: 'Thời gian', children: `${isoDate(view.startOn)} – ${isoDate(view.endOn)}` },
          { key: 'team', label: 'Đoàn kiểm tra', children: <span className="kh-ins-text">{view.team}</span> },
          { key: 'scope', label: 'Nội dung, phạm vi', children: <span className="kh-ins-text">{view.scope}</span> },
        ]} />
      </Card>
      <Card size="small" title={`Phát hiện và biện pháp khắc phục (${view.findings.length})`} style={{ marginBottom: 16 }} id="phat-hien">
        {view.findings.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa ghi phát hiện nào." /> : view.findings.map((f, i) => (
          <div key={f.id} className="kh-ins-finding">
            <div className="kh-ins-text"><b>{i + 1}.</b> {f.text}</div>
            {f.actions.length === 0 && <div className="kh-muted">Không yêu cầu khắc phục.</div>}
            {f.actions.map((a) => <ActionBlock key={a.id} a={a} onReport={() => setReporting(a)} onClose={() => setClosing(a)} />)}
          </div>
        ))}
      </Card>
      <Card size="small" title="Kết luận kiểm tra" id="ket-luan">
        {view.status === 'concluded' ? (
          <Descriptions size="small" column={1} layout={layout} items={[
            { key: 'no', label: 'Số, ngày', children: `${view.conclusionNo} ngày ${isoDate(view.conclusionDate)}` },
            { key: 'text', label: 'Nội dung', children: <span className="kh-ins-text">{view.conclusion}</span> },
            ...(view.conclusionFile ? [{
              key: 'file', label: 'Văn bản',
              children: <a href={`/api/files/${view.conclusionFile.id}`} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-word' }}><FileOutlined /> {view.conclusionFile.name}</a>,
            }] : []),
          ]} />
        ) : <Alert type="info" showIcon title="Cuộc kiểm tra chưa có kết luận; đơn vị chỉ được tính vào tỷ lệ đã kiểm tra khi có kết luận." />}
      </Card>
      <FindingModal open={dialog === 'finding'} view={view} onClose={() => setDialog(null)} onDone={done('Đã ghi phát hiện.')} />
      <ConcludeModal open={dialog === 'conclude'} view={view} onClose={() => setDialog(null)} onDone={done('Đã ghi kết luận kiểm tra.')} />
      <ReportModal action={reporting} onClose={() => setReporting(null)} onDone={actionDone('Đã báo cáo kết quả khắc phục.')} />
      <CloseModal action={closing} onClose={() => setClosing(null)} onDone={actionDone('Đã đóng biện pháp khắc phục.')} />
    </>
  );
}
