// Ban Giám đốc's dashboard at /tong-quan, live from one request: the counts across active plans, progress
// per plan, who is late, indicators in red or amber, reports not yet in, then the overview's tables.
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { App, Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { api, ApiError } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import { useSession } from '../../components/session.tsx';
import OccurrenceDrawer from '../plans/OccurrenceDrawer.tsx';
import IndicatorList from './IndicatorList.tsx';
import OverviewTabs from './OverviewTabs.tsx';
import PlanList from './PlanList.tsx';
import ReportList from './ReportList.tsx';
import InspectionList from './InspectionList.tsx';
import { formatNumber } from '../../components/format.ts';
import { STATUS_HEX, type Dashboard } from './types.ts';
import './dashboard.css';

/** Plans drawn in the progress chart: the most overdue first, as many as a leader reads at a glance. */
const TOP_PLANS = 15;
// ECharts is the heaviest part of the page: it comes in its own chunk, after the figures are shown.
const PlanProgressChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.PlanProgressChart })));
const OverdueUnitsChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.OverdueUnitsChart })));

function Block({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return <Card size="small" title={title} extra={extra} className="kh-dash-block">{children}</Card>;
}

function Kpi({ title, value, color, note }: { title: string; value: number; color: string; note?: string }) {
  return (
    <Card size="small">
      <Statistic title={title} value={value} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color } }} />
      {note && <div className="kh-muted">{note}</div>}
    </Card>
  );
}

function DashboardSkeleton() {
  return (
    <div aria-busy="true" aria-label="Đang tải số liệu tổng quan">
      <Skeleton.Input active size="large" style={{ width: 320, marginBottom: 16 }} />
      <div className="kh-dash-kpis">{Array.from({ length: 7 }, (_, i) => <Card key={i} size="small"><Skeleton active title={false} paragraph={{ rows: 2 }} /></Card>)}</div>
      <Row gutter={[16, 16]}>
        {[14, 10, 12, 12].map((span, i) => <Col key={i} xs={24} xl={span}><Card size="small"><Skeleton active paragraph={{ rows: 6 }} /></Card></Col>)}
      </Row>
    </div>
  );
}

const chartFallback = (height: number) => <Skeleton.Node active style={{ width: '100%', height }}><span /></Skeleton.Node>;

export default function DashboardPage() {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const [data, setData] = useState<Dashboard | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.get<Dashboard>('/api/dashboard').then(setData, (err) => { if (err instanceof ApiError && err.status !== 401) message.error(err.message); });
  }, [dataVersion, version, message]);
  if (!data) return <DashboardSkeleton />;

  const t = data.totals;
  const red = data.indicators.filter((i) => i.rag === 'red').length;
  const missing = data.reports.reduce((n, r) => n + r.missingCount, 0);
  const late = data.byUnit.filter((r) => r.counts.overdue > 0).length;
  // A province runs hundreds of plans: the chart draws those with most overdue (the list below is in the same order).
  const chartPlans = data.byPlan.slice(0, TOP_PLANS);
  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Tổng quan thực hiện kế hoạch</Typography.Title>
        <span className="kh-muted">
          {!data.scope.all && `Phạm vi: ${data.scope.units.map((u) => u.name).join(', ')} · `}Số liệu đến ngày {formatDate(data.today)}
        </span>
      </div>
      <div className="kh-dash-kpis">
        <Kpi title="Đang thực hiện trong hạn" value={t.notDue + t.inProgress} color={STATUS_HEX.open} />
        <Kpi title="Quá hạn" value={t.overdue} color={STATUS_HEX.overdue} />
        <Kpi title="Hoàn thành đúng hạn" value={t.doneOnTime} color={STATUS_HEX.doneOnTime} />
        <Kpi title="Hoàn thành quá hạn" value={t.doneLate} color={STATUS_HEX.doneLate} />
        <Kpi title="Sắp đến hạn (7 ngày)" value={t.dueSoon} color={STATUS_HEX.dueSoon} />
        <Kpi
          title="Chỉ tiêu chưa đạt" value={data.indicators.length} color={red ? STATUS_HEX.overdue : data.indicators.length ? STATUS_HEX.doneLate : STATUS_HEX.doneOnTime}
          note={data.indicators.length ? `${formatNumber(red)} đỏ, ${formatNumber(data.indicators.length - red)} vàng` : undefined}
        />
        <Kpi
          title="Báo cáo chưa gửi" value={missing} color={missing ? STATUS_HEX.overdue : STATUS_HEX.doneOnTime}
          note={data.reports.length ? `của ${formatNumber(data.reports.length)} lịch báo cáo, kỳ hiện tại` : 'Chưa có lịch báo cáo'}
        />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Block title="Tiến độ theo kế hoạch" extra={data.byPlan.length > chartPlans.length && <span className="kh-muted">{formatNumber(chartPlans.length)} trong {formatNumber(data.byPlan.length)} kế hoạch, nhiều quá hạn nhất</span>}>
            {data.byPlan.length
              ? <><Suspense fallback={chartFallback(56 + 44 * chartPlans.length)}><PlanProgressChart rows={chartPlans} /></Suspense><PlanList rows={data.byPlan} /></>
              : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có kế hoạch nào đang thực hiện" />}
          </Block>
        </Col>
        <Col xs={24} xl={10}>
          <Block title="Quá hạn theo đơn vị" extra={late > data.overdueByUnit.length && <span className="kh-muted">{formatNumber(data.overdueByUnit.length)} trong {formatNumber(late)} đơn vị, nhiều nhất</span>}>
            {data.overdueByUnit.length
              ? <Suspense fallback={chartFallback(36 + 30 * data.overdueByUnit.length)}><OverdueUnitsChart rows={data.overdueByUnit} /></Suspense>
              : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có đơn vị nào có nhiệm vụ quá hạn" />}
          </Block>
        </Col>
        <Col xs={24} xl={12}>
          <Block title="Chỉ tiêu ở mức đỏ, vàng"><IndicatorList rows={data.indicators} /></Block>
        </Col>
        <Col xs={24} xl={12}>
          <Block title="Báo cáo định kỳ: kỳ hiện tại"><ReportList rows={data.reports} today={data.today} /></Block>
        </Col>
        <Col xs={24} xl={12}>
          <Block title={`Kiểm tra năm ${data.inspections.year}`}><InspectionList data={data.inspections} /></Block>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }}>
        <OverviewTabs data={data} onOpen={setOpen} />
      </Card>
      <OccurrenceDrawer id={open} onClose={() => setOpen(null)} onSaved={() => setVersion((v) => v + 1)} />
    </>
  );
}
