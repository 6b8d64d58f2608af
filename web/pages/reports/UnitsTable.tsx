// The units of one period, in the order the API gives (Vietnamese collation): state, when sent, on time
// or late, a lock exception, a link to the report and, for the reviewing division, a per-unit reminder.
import { Link } from 'react-router';
import { Button, Empty, Space, Table } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../components/format.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { ExceptionTag, OnTimeTag, StateTag } from './StateTags.tsx';
import { OWED, reportLink, type PeriodView, type UnitStatus } from './types.ts';

interface Props {
  scheduleId: string;
  period: PeriodView;
  units: UnitStatus[];
  canRemind: boolean;
  /** The unit being reminded now ('all' for everyone). */
  reminding: string | null;
  onRemind: (unitId: string) => void;
  empty: string;
}

export default function UnitsTable({ scheduleId, period, units, canRemind, reminding, onRemind, empty }: Props) {
  const isPhone = useIsPhone();
  const link = (u: UnitStatus) => reportLink(scheduleId, period.key, u.unit.id);
  const mayRemind = (u: UnitStatus) => canRemind && OWED.includes(u.state) && (!period.locked || u.exception);
  const remindButton = (u: UnitStatus) => mayRemind(u) && (
    <Button size="small" icon={<BellOutlined />} loading={reminding === u.unit.id} disabled={!!reminding} onClick={() => onRemind(u.unit.id)} aria-label={`Nhắc ${u.unit.name}`}>
      Nhắc
    </Button>
  );
  const sent = (u: UnitStatus) => (u.submittedAt ? <>{formatDateTime(u.submittedAt)} <OnTimeTag onTime={u.onTime} /></> : <span className="kh-muted">Chưa gửi</span>);

  return (
    <Table<UnitStatus>
      rowKey={(u) => u.unit.id} size="small" dataSource={units} pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={empty} /> }}
      rowClassName={(u) => `kh-report-row kh-report-${u.state}`}
      columns={isPhone ? [{
        title: 'Đơn vị', key: 'unit', render: (_, u) => (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Link to={link(u)}><b>{u.unit.name}</b></Link>
            <Space wrap size={4}><StateTag state={u.state} />{u.exception && <ExceptionTag />}{u.submittedAt && sent(u)}{remindButton(u)}</Space>
          </Space>
        ),
      }] : [
        { title: 'STT', key: 'no', width: 56, align: 'right', render: (_, __, i) => i + 1 },
        { title: 'Đơn vị', key: 'unit', render: (_, u) => <Link to={link(u)}>{u.unit.name}</Link> },
        { title: 'Trạng thái', key: 'state', width: 230, render: (_, u) => <Space wrap size={4}><StateTag state={u.state} />{u.exception && <ExceptionTag />}</Space> },
        { title: 'Gửi lần đầu', key: 'sent', width: 230, render: (_, u) => sent(u) },
        { title: 'Duyệt lúc', key: 'approved', width: 140, render: (_, u) => (u.approvedAt && u.state === 'approved' ? formatDateTime(u.approvedAt) : '—') },
        {
          title: 'Thao tác', key: 'actions', width: 150, render: (_, u) => (
            <Space size={8}><Link to={link(u)} aria-label={`Xem báo cáo của ${u.unit.name}`}>Xem</Link>{remindButton(u)}</Space>
          ),
        },
      ]}
    />
  );
}
