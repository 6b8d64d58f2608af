// Routes, and the session gate that loads /api/auth/me before any admin page renders.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Spin } from 'antd';
import { api, setCsrfToken, setUnauthorizedHandler, type Me } from './api/client.ts';
import { SessionContext, type Session } from './components/session.tsx';
import AppLayout from './components/AppLayout.tsx';
import LoginPage from './pages/auth/LoginPage.tsx';
import OrgTreePage from './pages/org/OrgTreePage.tsx';
import UnitPage from './pages/org/UnitPage.tsx';
import PeoplePage from './pages/org/PeoplePage.tsx';
import UsersPage from './pages/org/UsersPage.tsx';
import AuditPage from './pages/audit/AuditPage.tsx';
import DashboardPage from './pages/dashboard/DashboardPage.tsx';
import PlanPage from './pages/plans/PlanPage.tsx';
import PlansPage from './pages/plans/PlansPage.tsx';
import TaskPage from './pages/plans/TaskPage.tsx';
import IndicatorPage from './pages/targets/IndicatorPage.tsx';
import UnitTasksPage from './pages/plans/UnitTasksPage.tsx';
import ImportStartPage from './pages/imports/ImportStartPage.tsx';
import ImportReviewPage from './pages/imports/ImportReviewPage.tsx';
import ReportsPage from './pages/reports/ReportsPage.tsx';
import SchedulePage from './pages/reports/SchedulePage.tsx';
import SubmissionPage from './pages/reports/SubmissionPage.tsx';
import ConsolidationPage from './pages/reports/ConsolidationPage.tsx';
import TemplatesPage from './pages/reports/TemplatesPage.tsx';
import AllowanceOverviewPage from './pages/allowance/OverviewPage.tsx';
import AllowanceListPage from './pages/allowance/ListPage.tsx';
import AllowanceRecordsPage from './pages/allowance/RecordsPage.tsx';
import AllowancePolicyPage from './pages/allowance/PolicyPage.tsx';
import RewardsPage from './pages/rewards/RewardsPage.tsx';
import RewardPage from './pages/rewards/RewardPage.tsx';
import BudgetPage from './pages/budget/BudgetPage.tsx';
import InspectionsPage from './pages/inspections/InspectionsPage.tsx';
import InspectionPlanPage from './pages/inspections/PlanPage.tsx';
import InspectionPage from './pages/inspections/InspectionPage.tsx';
import MovementsPage from './pages/emulation/MovementsPage.tsx';
import MovementPage from './pages/emulation/MovementPage.tsx';
import NominationPage from './pages/emulation/NominationPage.tsx';
import DecisionPage from './pages/emulation/DecisionPage.tsx';
import { BlockPage } from './pages/emulation/BlockPage.tsx';
import { HistoryPage } from './pages/emulation/HistoryPage.tsx';
import { ForbiddenResult, NotFoundResult } from './components/Results.tsx';

function Protected() {
  const navigate = useNavigate();
  const location = useLocation();
  const [me, setMe] = useState<Me | null>(null);
  const [dataVersion, setDataVersion] = useState(0);

  const reload = useCallback(async () => {
    const next = await api.get<Me>('/api/auth/me');
    setCsrfToken(next.csrfToken);
    setMe(next);
    setDataVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    // Any 401 from now on (idle timeout, revoked session) returns to the log-in page with the server's reason.
    setUnauthorizedHandler((message) => {
      setMe(null);
      navigate('/dang-nhap', { replace: true, state: { message, from: location.pathname } });
    });
  }, [navigate, location.pathname]);

  useEffect(() => { reload().catch(() => undefined); }, [reload]);

  const session = useMemo<Session | null>(() => me && {
    me,
    reload,
    dataVersion,
    can: (p) => me.permissions.includes(p),
    logout: async () => {
      try { await api.post('/api/auth/logout'); } finally {
        setMe(null);
        navigate('/dang-nhap', { replace: true });
      }
    },
  }, [me, reload, dataVersion, navigate]);

  if (!session) return <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}><Spin size="large" tip="Đang tải…"><div style={{ width: 120 }} /></Spin></div>;
  const can = session.can;
  return (
    <SessionContext.Provider value={session}>
      <AppLayout>
        <Routes>
          <Route index element={<Navigate to={homePath(session.me)} replace />} />
          <Route path="tong-quan" element={<DashboardPage />} />
          <Route path="ke-hoach" element={<PlansPage />} />
          <Route path="ke-hoach/:id" element={<PlanPage />} />
          <Route path="nhiem-vu/:id" element={<TaskPage />} />
          <Route path="chi-tieu/:id" element={<IndicatorPage />} />
          <Route path="nhap-ke-hoach" element={can('plan.manage') ? <ImportStartPage /> : <ForbiddenResult />} />
          <Route path="nhap-ke-hoach/:id" element={can('plan.manage') ? <ImportReviewPage /> : <ForbiddenResult />} />
          <Route path="nhiem-vu-don-vi" element={<UnitTasksPage />} />
          <Route path="bao-cao" element={<ReportsPage />} />
          <Route path="bao-cao/:id" element={<SchedulePage />} />
          <Route path="bao-cao/:id/ky/:period/don-vi/:unitId" element={<SubmissionPage />} />
          <Route path="bao-cao/:id/ky/:period/tong-hop" element={<ConsolidationPage />} />
          <Route path="bao-cao/bieu-mau" element={<TemplatesPage />} />
          <Route path="ho-tro" element={can('allowance.read') ? <AllowanceOverviewPage /> : <ForbiddenResult />} />
          <Route path="ho-tro/chinh-sach" element={can('allowance.read') ? <AllowancePolicyPage /> : <ForbiddenResult />} />
          <Route path="ho-tro/ho-so/:unitId" element={can('allowance.read') ? <AllowanceRecordsPage /> : <ForbiddenResult />} />
          <Route path="ho-tro/:unitId/:month" element={can('allowance.read') ? <AllowanceListPage /> : <ForbiddenResult />} />
          <Route path="ho-tro/thuong" element={can('allowance.read') ? <RewardsPage /> : <ForbiddenResult />} />
          <Route path="ho-tro/thuong/:id" element={can('allowance.read') ? <RewardPage /> : <ForbiddenResult />} />
          <Route path="ho-tro/du-toan" element={can('allowance.read') ? <BudgetPage /> : <ForbiddenResult />} />
          <Route path="ho-tro/du-toan/:unitId" element={can('allowance.read') ? <BudgetPage /> : <ForbiddenResult />} />
          <Route path="kiem-tra" element={can('plan.read') ? <InspectionsPage /> : <ForbiddenResult />} />
          <Route path="kiem-tra/:id" element={can('plan.read') ? <InspectionPlanPage /> : <ForbiddenResult />} />
          <Route path="kiem-tra/cuoc/:id" element={can('plan.read') ? <InspectionPage /> : <ForbiddenResult />} />
          <Route path="thi-dua" element={can('emulation.read') ? <MovementsPage /> : <ForbiddenResult />} />
          <Route path="thi-dua/lich-su" element={can('emulation.read') ? <HistoryPage /> : <ForbiddenResult />} />
          <Route path="thi-dua/ho-so/:id" element={can('emulation.read') ? <NominationPage /> : <ForbiddenResult />} />
          <Route path="thi-dua/quyet-dinh/:id" element={can('emulation.read') ? <DecisionPage /> : <ForbiddenResult />} />
          <Route path="thi-dua/khoi/:id" element={can('emulation.read') ? <BlockPage /> : <ForbiddenResult />} />
          <Route path="thi-dua/:id" element={can('emulation.read') ? <MovementPage /> : <ForbiddenResult />} />
          <Route path="to-chuc" element={<OrgTreePage />} />
          <Route path="to-chuc/:id" element={<UnitPage />} />
          <Route path="can-bo" element={<PeoplePage />} />
          <Route path="tai-khoan" element={can('user.manage') ? <UsersPage /> : <ForbiddenResult />} />
          <Route path="nhat-ky" element={can('audit.read') ? <AuditPage /> : <ForbiddenResult />} />
          <Route path="*" element={<NotFoundResult />} />
        </Routes>
      </AppLayout>
    </SessionContext.Provider>
  );
}

/** Where a user lands: a unit's focal point on its task list, allowance-only or emulation-only staff on theirs, everyone else on the overview. */
export function homePath(me: Me): string {
  if (!me.tenant) return '/to-chuc';
  // Officers granted only the allowance duties or the emulation office cannot read plans: the overview would refuse them.
  if (!me.permissions.includes('plan.read') && me.permissions.includes('allowance.read')) return '/ho-tro';
  if (!me.permissions.includes('plan.read') && me.permissions.includes('emulation.read')) return '/thi-dua';
  return me.grants.some((g) => g.role === 'unit_focal') ? '/nhiem-vu-don-vi' : '/tong-quan';
}

export default function App() {
  return (
    <Routes>
      <Route path="/dang-nhap" element={<LoginPage />} />
      <Route path="/*" element={<Protected />} />
    </Routes>
  );
}
