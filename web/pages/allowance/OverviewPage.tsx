// "Hỗ trợ chuyển đổi số": for a month, every paying unit the user may see (the Sở first, then its units),
// where its list stands, how many people it pays and how much — one click from the list and the unit's records.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { App, Button, Empty, Skeleton, Space, Table, Typography } from 'antd';
import { FolderOpenOutlined, SettingOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import {
  currentMonth, isMonth, listLink, monthLabel, overviewLink, policyOfMonth, POLICY_PATH, recordsLink, type MonthItem, type PolicyRow,
} from '../../api/allowance.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { useSession } from '../../components/session.tsx';
import { ExampleAlert, ListStatusTag, Money, MonthPicker } from './shared.tsx';
import './allowance.css';

export default function OverviewPage() {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [params] = useSearchParams();
  const month = isMonth(params.get('thang')) ? params.get('thang')! : currentMonth();
  const [items, setItems] = useState<MonthItem[] | null>(null);
  const [policies, setPolicies] = useState<PolicyRow[]>([]);

  useEffect(() => {
    let cancelled = false;
    setItems(null);
    Promise.all([
      api.get<{ items: MonthItem[] }>('/api/allowance/lists', { month }),
      api.get<{ items: PolicyRow[] }>('/api/allowance/policies'),
    ]).then(
      ([lists, pol]) => { if (!cancelled) { setItems(lists.items); setPolicies(pol.items); } },
      (err) => { if (!cancelled) { setItems([]); if (err instanceof ApiError && err.status !== 401) message.error(err.message); } },
    );
    return () => { cancelled = true; };
  }, [month, dataVersion, message]);

  const policy = policyOfMonth(policies, month);
  const drafted = (items ?? []).filter((i) => i.listId);
  const sum = drafted.reduce((s, i) => s + i.total, 0);
  const people = drafted.reduce((s, i) => s + i.people, 0);
  const actions = (i: MonthItem) => (
    <Space wrap size={4}>
      <Link to={listLink(i.unitId, month)} aria-label={`Danh sách tháng ${monthLabel(month)} của ${i.unitName}`}>{i.listId ? 'Xem danh sách' : 'Mở'}</Link>
      <span className="kh-muted">·</span>
      <Link to={recordsLink(i.unitId)} aria-label={`Hồ sơ của ${i.unitName}`}>Hồ sơ</Link>
    </Space>
  );

  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Hỗ trợ chuyển đổi số (NQ 07/2026)</Typography.Title>
        <Button icon={<SettingOutlined />} onClick={() => navigate(POLICY_PATH)}>Chính sách hỗ trợ</Button>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        Danh sách hưởng hỗ trợ hằng tháng của từng đơn vị chi trả: bộ phận CNTT lập và đề xuất, Tổ chức cán bộ phê duyệt, Kế toán chi trả.
      </Typography.Paragraph>
      <div className="kh-al-toolbar">
        <MonthPicker value={month} onChange={(m) => navigate(overviewLink(m))} />
        {items && drafted.length > 0 && (
          <span>Tháng {monthLabel(month)}: <b>{people}</b> người hưởng · tổng <b><Money value={sum} /></b></span>
        )}
      </div>
      {policy?.isExample && items && items.length > 0 && <ExampleAlert />}
      {!items ? <Skeleton active paragraph={{ rows: 6 }} /> : items.length === 0 ? (
        <Empty description="Bạn chưa được giao theo dõi đơn vị chi trả nào. Liên hệ quản trị hệ thống để được cấp quyền." />
      ) : (
        <Table<MonthItem>
          rowKey="unitId" size="middle" dataSource={items} pagination={false} className="kh-al-table"
          locale={{ emptyText: <Empty description="Không có đơn vị chi trả." /> }}
          columns={isPhone ? [{
            title: 'Đơn vị chi trả', key: 'unit', render: (_, i) => (
              <div className="kh-al-line-card">
                <div className="kh-al-line-head"><Link to={listLink(i.unitId, month)}><b>{i.unitName}</b></Link><ListStatusTag status={i.status} /></div>
                {i.listId && <span>{i.people} người hưởng · <Money value={i.total} strong /></span>}
                {actions(i)}
              </div>
            ),
          }] : [
            { title: 'STT', key: 'no', width: 56, align: 'right', render: (_, __, n) => n + 1 },
            { title: 'Đơn vị chi trả', key: 'unit', render: (_, i) => <Link to={listLink(i.unitId, month)}>{i.unitName}</Link> },
            { title: 'Trạng thái', key: 'status', width: 140, render: (_, i) => <ListStatusTag status={i.status} /> },
            { title: 'Số người hưởng', key: 'people', width: 140, align: 'right', render: (_, i) => (i.listId ? i.people : '—') },
            { title: 'Tổng tiền', key: 'total', width: 170, align: 'right', render: (_, i) => (i.listId ? <Money value={i.total} /> : '—') },
            { title: 'Thao tác', key: 'actions', width: 190, render: (_, i) => actions(i) },
          ]}
          summary={() => (drafted.length > 1 && !isPhone ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}><b>Cộng ({drafted.length} đơn vị đã lập danh sách)</b></Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right"><b>{people}</b></Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right"><Money value={sum} strong /></Table.Summary.Cell>
              <Table.Summary.Cell index={5} />
            </Table.Summary.Row>
          ) : null)}
        />
      )}
      {items && items.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          <FolderOpenOutlined /> Quyết định phân công, xếp loại hằng tháng và chính sách khác của mỗi đơn vị xem ở mục “Hồ sơ”.
        </Typography.Paragraph>
      )}
    </>
  );
}
