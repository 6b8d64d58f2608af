// "Dự toán, quyết toán" of a paying unit's year (seed 000 II.3, IV; appendix task 10): the estimate and spending,
// the settlement per person and month, and the audit dossier. Without a unit in the address it opens the unit the
// user holds a duty on (finance first), so the menu can link here without knowing it.
import { useCallback, useEffect, useState } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, App, Empty, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { todayInVietnam } from '../../../core/schedule/dates.ts';
import { api, ApiError } from '../../api/client.ts';
import { ForbiddenResult, NotFoundResult } from '../../components/Results.tsx';
import { useSession } from '../../components/session.tsx';
import { budgetLink, dutyUnits } from '../rewards/shared.tsx';
import DossierCard from './DossierCard.tsx';
import EstimateTab from './EstimateTab.tsx';
import SettlementTab from './SettlementTab.tsx';
import type { BudgetView } from './types.ts';
import '../rewards/rewards.css';

interface PayingUnit { unitId: string; unitName: string }

export default function BudgetPage() {
  const { unitId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { me, dataVersion } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const today = todayInVietnam();
  const thisYear = Number(today.slice(0, 4));
  const asked = Number(params.get('nam'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const tab = params.get('tab') === 'quyet-toan' ? 'quyet-toan' : 'du-toan';
  const [units, setUnits] = useState<PayingUnit[] | null>(null);
  const [view, setView] = useState<BudgetView | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  // The paying units the user may read, for the switcher (the month overview lists exactly those).
  useEffect(() => {
    let cancelled = false;
    api.get<{ items: PayingUnit[] }>('/api/allowance/lists', { month: today.slice(0, 7) }).then(
      (r) => { if (!cancelled) setUnits(r.items); },
      (err) => { if (!cancelled) { setUnits([]); if (err instanceof ApiError && err.status !== 401) message.error(err.message); } },
    );
    return () => { cancelled = true; };
  }, [dataVersion, message, today]);

  const load = useCallback(async () => {
    if (!unitId) return;
    try {
      setView(await api.get<BudgetView>(`/api/allowance/units/${unitId}/budget/${year}`));
      setFailure(null);
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
    }
  }, [unitId, year, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { setView(null); void load(); }, [load]);

  if (!unitId) {
    if (!units) return <Skeleton active paragraph={{ rows: 6 }} />;
    const own = [...dutyUnits(me, 'pay'), ...dutyUnits(me, 'records'), ...dutyUnits(me, 'prepare')].map((u) => u.id);
    const first = own.find((id) => units.some((u) => u.unitId === id)) ?? units[0]?.unitId;
    if (!first) return <Empty description="Bạn chưa được giao theo dõi kinh phí hỗ trợ của đơn vị chi trả nào." />;
    return <Navigate to={budgetLink(first, year === thisYear ? undefined : year)} replace />;
  }
  if (failure?.status === 403) return <ForbiddenResult message={failure.message} />;
  if (failure) return <NotFoundResult message={failure.message} />;

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key); else next.set(key, value);
    setParams(next, { replace: true });
  };
  const years = Array.from({ length: 4 }, (_, i) => thisYear + 1 - i);
  const lastMonth = today.slice(0, 7);
  const firstUsed = view?.months.find((m) => m.amount || m.spent)?.month ?? `${year}-01`;
  const unitName = view?.unit.name ?? units?.find((u) => u.unitId === unitId)?.unitName ?? '';

  return (
    <>
      <div className="kh-page-header">
        <div>
          <Typography.Title level={2} style={{ fontSize: 22 }}>Dự toán, quyết toán kinh phí hỗ trợ</Typography.Title>
          {unitName && <Typography.Text type="secondary">{unitName} · năm {year}</Typography.Text>}
        </div>
        <Space wrap>
          {units && units.length > 1 && (
            <Select
              aria-label="Đơn vị chi trả" value={unitId} style={{ minWidth: 240, maxWidth: '100%' }} showSearch={{ optionFilterProp: 'label' }}
              options={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
              onChange={(id) => navigate(budgetLink(id, year === thisYear ? undefined : year))}
            />
          )}
          <Select
            aria-label="Năm" value={year} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
            onChange={(y) => setParam('nam', y === thisYear ? null : String(y))}
          />
        </Space>
      </div>
      {!view ? <Skeleton active paragraph={{ rows: 12 }} /> : (
        <>
          {view.isExample && (
            <Alert
              type="warning" showIcon id="muc-minh-hoa" style={{ marginBottom: 16 }}
              title="Dự toán tính theo mức hỗ trợ minh họa, chưa phải mức Thành phố quy định."
              description="Không dùng các số này để giao hoặc quyết toán kinh phí cho đến khi có phiên bản chính sách với mức do Thành phố quy định."
            />
          )}
          <Tabs
            activeKey={tab} onChange={(k) => setParam('tab', k === 'du-toan' ? null : k)}
            items={[
              { key: 'du-toan', label: 'Dự toán và đã chi', children: <EstimateTab view={view} canPay={view.can.pay} onChange={setView} /> },
              { key: 'quyet-toan', label: 'Quyết toán', children: <SettlementTab unitId={unitId} year={year} /> },
            ]}
          />
          <DossierCard
            key={`${unitId}-${year}`} unitId={unitId} unitName={view.unit.name} lastMonth={lastMonth}
            from={firstUsed > lastMonth ? lastMonth : firstUsed} to={`${year}-12` > lastMonth ? lastMonth : `${year}-12`}
          />
        </>
      )}
    </>
  );
}
