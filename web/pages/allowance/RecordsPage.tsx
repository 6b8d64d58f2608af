// The records a paying unit's list is drafted from, kept by its HR (Tổ chức cán bộ): assignment decisions,
// monthly ratings, other benefits (to refuse paying twice for one work). Everyone who reads the allowance of
// the unit sees them; only HR of exactly this unit gets the forms (the server checks the same).
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, App, Breadcrumb, Skeleton, Tabs, Typography } from 'antd';
import { api, ApiError } from '../../api/client.ts';
import { currentMonth, listLink, overviewLink, type AssignmentRow } from '../../api/allowance.ts';
import { ForbiddenResult, NotFoundResult } from '../../components/Results.tsx';
import { useSession } from '../../components/session.tsx';
import AssignmentsTab from './AssignmentsTab.tsx';
import BenefitsTab from './BenefitsTab.tsx';
import RatingsTab from './RatingsTab.tsx';
import './allowance.css';

const TABS = ['phan-cong', 'xep-loai', 'chinh-sach-khac'] as const;
type Tab = (typeof TABS)[number];

/** A person the forms may choose: anyone whose paying unit this is. */
export interface PersonOption { value: string; label: string }

export default function RecordsPage() {
  const { unitId = '' } = useParams();
  const { dataVersion } = useSession();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab') as Tab : 'phan-cong';
  const [data, setData] = useState<{ unit: { id: string; name: string }; items: AssignmentRow[]; can: { records: boolean } } | null>(null);
  const [people, setPeople] = useState<PersonOption[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);

  /** `quiet`: a reload after a change keeps the page and only says what failed. */
  const load = useCallback(async (quiet = false) => {
    try {
      setData(await api.get<{ unit: { id: string; name: string }; items: AssignmentRow[]; can: { records: boolean } }>(`/api/allowance/units/${unitId}/assignments`));
      // Everyone of the unit, not only those already assigned: a first decision needs its person too.
      const staff = await api.get<{ items: { id: string; fullName: string; title: string }[] }>(`/api/allowance/units/${unitId}/people`);
      setPeople(staff.items.map((p) => ({ value: p.id, label: p.title ? `${p.fullName} — ${p.title}` : p.fullName })));
      setFailure(null);
    } catch (err) {
      if (err instanceof ApiError) {
        if (quiet) message.error(err.message); else setFailure(err);
      }
    }
  }, [unitId, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { setData(null); void load(); }, [load]);

  if (failure?.status === 403) return <ForbiddenResult message={failure.message} />;
  if (failure) return <NotFoundResult message={failure.message} />;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const canRecord = data.can.records;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[
        { title: <Link to={overviewLink()}>Hỗ trợ chuyển đổi số</Link> },
        { title: <Link to={listLink(unitId, currentMonth())}>{data.unit.name}</Link> },
        { title: 'Hồ sơ' },
      ]} />
      <Typography.Title level={2} className="kh-al-title">Hồ sơ hưởng hỗ trợ — {data.unit.name}</Typography.Title>
      <Typography.Paragraph type="secondary">
        Danh sách hằng tháng được lập từ các hồ sơ này. Sau khi sửa hồ sơ của một tháng chưa duyệt, bộ phận CNTT bấm “Lập lại từ hồ sơ” ở danh sách tháng đó;
        thay đổi về tháng đã chi trả thành dòng truy lĩnh hoặc thu hồi ở danh sách tháng sau.{' '}
        <Link to={listLink(unitId, currentMonth())}>Xem danh sách tháng này</Link>
      </Typography.Paragraph>
      {!canRecord && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="Chỉ xem: hồ sơ do Tổ chức cán bộ của đơn vị ghi." />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'phan-cong' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'phan-cong', label: 'Quyết định phân công', children: <AssignmentsTab unitId={unitId} items={data.items} people={people} canRecord={canRecord} onChanged={() => load(true)} /> },
          { key: 'xep-loai', label: 'Xếp loại hằng tháng', children: <RatingsTab unitId={unitId} canRecord={canRecord} /> },
          { key: 'chinh-sach-khac', label: 'Chính sách khác', children: <BenefitsTab unitId={unitId} people={people} canRecord={canRecord} /> },
        ]}
      />
    </>
  );
}
