// One inspection plan: its coverage against the target, each unit planned or inspected with its inspections,
// and for the owner division (or the inspectors) the button that records a new inspection.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Breadcrumb, Button, Card, Descriptions, Empty, List, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useIsPhone } from '../../components/responsive.ts';
import { useView } from '../../components/useView.tsx';
import InspectionFormModal from './InspectionFormModal.tsx';
import { CoverageBar, INSPECTIONS_PATH, inspectionLink, InspectionStatusTag, isoDate, type PlanUnit, type PlanView } from './shared.tsx';
import './inspections.css';

function Inspections({ row }: { row: PlanUnit }) {
  if (!row.inspections.length) return <span className="kh-muted">Chưa kiểm tra</span>;
  return (
    <>
      {row.inspections.map((i) => (
        <div key={i.id} className="kh-ins-insp">
          <Link to={inspectionLink(i.id)}>{isoDate(i.startOn)} – {isoDate(i.endOn)}</Link>
          <InspectionStatusTag status={i.status} label={i.statusLabel} />
          {i.conclusionNo && <span className="kh-muted">KL số {i.conclusionNo}</span>}
        </div>
      ))}
    </>
  );
}

const PlannedTag = ({ planned }: { planned: boolean }) => (planned ? <Tag>Theo kế hoạch</Tag> : <Tag color="purple">Đột xuất</Tag>);

export default function PlanPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [adding, setAdding] = useState(false);

  const { view: plan, placeholder } = useView<PlanView>(`/api/inspection-plans/${id}`, 10);
  if (!plan) return placeholder;

  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Kế hoạch chưa có đơn vị được kiểm tra." />;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={INSPECTIONS_PATH}>Kiểm tra, giám sát</Link> }, { title: `Năm ${plan.year}` }]} />
      <div className="kh-page-header" style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 22 }}>{plan.subject}</Typography.Title>
        {plan.can.manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>Thêm cuộc kiểm tra</Button>}
      </div>
      <Typography.Paragraph type="secondary">Chủ trì: {plan.ownerUnit.name} · Năm {plan.year}</Typography.Paragraph>
      <Card size="small" title="Tỷ lệ đơn vị đã kiểm tra" style={{ marginBottom: 16 }}>
        <CoverageBar c={plan.coverage} id="ty-le-kiem-tra" />
        <Descriptions size="small" column={isPhone ? 1 : 3} style={{ marginTop: 12 }} items={[
          { key: 'required', label: 'Số đơn vị tối thiểu', children: `${plan.coverage.required}/${plan.coverage.population}` },
          { key: 'open', label: 'Khắc phục chưa đóng', children: plan.openActions },
          { key: 'overdue', label: 'Quá hạn khắc phục', children: plan.overdueActions ? <Typography.Text type="danger">{plan.overdueActions}</Typography.Text> : 0 },
          ...(plan.basis ? [{ key: 'basis', label: 'Căn cứ', children: <span className="kh-ins-text">{plan.basis}</span> }] : []),
        ]} />
      </Card>
      <Card size="small" title={`Đơn vị được kiểm tra (${plan.units.length})`} styles={{ body: { padding: isPhone ? 8 : 12 } }} id="don-vi-kiem-tra">
        {isPhone ? (
          <List<PlanUnit> dataSource={plan.units} locale={{ emptyText: empty }} renderItem={(r) => (
            <List.Item style={{ flexDirection: 'column', alignItems: 'stretch', gap: 4 }}>
              <div><b>{r.unit.name}</b> <PlannedTag planned={r.planned} /></div>
              <Inspections row={r} />
            </List.Item>
          )} />
        ) : (
          <Table<PlanUnit>
            rowKey={(r) => r.unit.id} size="small" dataSource={plan.units} pagination={false} scroll={{ x: 720 }} locale={{ emptyText: empty }}
            columns={[
              { title: 'Đơn vị', key: 'unit', render: (_, r) => r.unit.name },
              { title: 'Kế hoạch', key: 'planned', width: 150, render: (_, r) => <PlannedTag planned={r.planned} /> },
              { title: 'Cuộc kiểm tra', key: 'inspections', width: 380, render: (_, r) => <Inspections row={r} /> },
            ]}
          />
        )}
      </Card>
      <InspectionFormModal
        open={adding} planId={plan.id} onClose={() => setAdding(false)}
        onCreated={(inspectionId) => { setAdding(false); message.success('Đã ghi cuộc kiểm tra.'); navigate(inspectionLink(inspectionId)); }}
      />
    </>
  );
}
