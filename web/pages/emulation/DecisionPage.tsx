// One decision of the Director (quyết định khen thưởng): its number, date and signer, the round, the collectives
// and then the individuals it commends, and the two documents it gives — the decision and the certificates to print.
import { Link, useParams } from 'react-router';
import { Breadcrumb, Button, Card, Descriptions, Empty, List, Table, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useIsPhone } from '../../components/responsive.ts';
import { useView } from '../../components/useView.tsx';
import { EMULATION_PATH, movementLink, nominationLink, roundText, viDate, type Awardee, type DecisionView } from './shared.tsx';
import './emulation.css';

export default function DecisionPage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const { view, placeholder } = useView<DecisionView>(`/api/emulation/decisions/${id}`, 12);
  if (!view) return placeholder;

  const collectives = view.awardees.filter((a) => a.subject === 'collective');
  const individuals = view.awardees.filter((a) => a.subject !== 'collective');
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[
        { title: <Link to={EMULATION_PATH}>Thi đua, khen thưởng</Link> },
        { title: <Link to={movementLink(view.movement.id, view.year)} className="kh-em-crumb" title={view.movement.name}>{view.movement.number ? `Kế hoạch ${view.movement.number}` : view.movement.name}</Link> },
        { title: 'Quyết định khen thưởng' },
      ]} />
      <div className="kh-page-header" style={{ marginBottom: 8 }}>
        <Typography.Title level={2} className="kh-em-title">Quyết định số {view.number}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">Về việc khen thưởng trong {view.movement.name}</Typography.Paragraph>
      <div className="kh-em-actions" id="tai-quyet-dinh">
        <Button type="primary" icon={<FileWordOutlined />} href={`/api/emulation/decisions/${view.id}/decision.docx`} download>Tải quyết định (Word)</Button>
        <Button icon={<FileWordOutlined />} href={`/api/emulation/decisions/${view.id}/certificates.docx`} download>Tải giấy khen để in (Word)</Button>
      </div>
      <Card size="small" title="Thông tin quyết định" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={isPhone ? 1 : 2} layout={isPhone ? 'vertical' : 'horizontal'} items={[
          { key: 'number', label: 'Số quyết định', children: view.number },
          { key: 'date', label: 'Ngày quyết định', children: viDate(view.decisionDate) },
          { key: 'signer', label: 'Người ký', children: `${view.signerTitle} ${view.signerName}` },
          { key: 'round', label: 'Đợt khen thưởng', children: roundText(view.roundKind, view.roundLabel, view.year) },
          { key: 'count', label: 'Được khen thưởng', children: `${collectives.length} tập thể, ${individuals.length} cá nhân` },
        ]} />
      </Card>
      <Awardees title={`Tập thể (${collectives.length})`} id="tap-the" items={collectives} isPhone={isPhone} collective />
      <Awardees title={`Cá nhân (${individuals.length})`} id="ca-nhan" items={individuals} isPhone={isPhone} />
    </>
  );
}

function Awardees({ title, id, items, isPhone, collective }: { title: string; id: string; items: Awardee[]; isPhone: boolean; collective?: boolean }) {
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={collective ? 'Không có tập thể.' : 'Không có cá nhân.'} />;
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }} id={id} styles={{ body: { padding: isPhone ? 8 : 12 } }}>
      {isPhone ? (
        <List<Awardee> dataSource={items} locale={{ emptyText: empty }} renderItem={(a, i) => (
          <List.Item>
            <div className="kh-em-item">
              <span><b>{i + 1}.</b> <Link to={nominationLink(a.nominationId)} style={{ fontWeight: 500 }}>{a.name}</Link></span>
              {a.title && <span className="kh-em-item-meta">{a.title}</span>}
              {a.unitName !== a.name && <span className="kh-em-item-meta">{a.unitName}</span>}
              <span className="kh-em-text">{a.achievement}</span>
              <span className="kh-em-item-meta">{a.form}</span>
            </div>
          </List.Item>
        )} />
      ) : (
        <Table<Awardee>
          rowKey="nominationId" size="small" dataSource={items} pagination={false} className="kh-em-table" locale={{ emptyText: empty }} scroll={{ x: 900 }}
          columns={[
            { title: 'STT', key: 'no', width: 56, align: 'center', render: (_, __, i) => i + 1 },
            {
              title: collective ? 'Tập thể' : 'Họ và tên, chức vụ', dataIndex: 'name', width: 240,
              render: (v: string, a) => <><Link to={nominationLink(a.nominationId)}>{v}</Link>{a.title && <div className="kh-em-item-meta">{a.title}</div>}</>,
            },
            { title: 'Đơn vị', dataIndex: 'unitName', width: 210 },
            { title: 'Thành tích', dataIndex: 'achievement', render: (v: string) => <span className="kh-em-text">{v}</span> },
            { title: 'Hình thức', dataIndex: 'form', width: 180 },
          ]}
        />
      )}
    </Card>
  );
}
