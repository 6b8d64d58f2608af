// This year's inspection plans with their coverage against the target ("tối thiểu 30% đơn vị thuộc Sở"), and the
// units with corrective actions still open after an inspection, overdue first.
import { Link } from 'react-router';
import { Empty, Progress, Tag } from 'antd';
import { formatNumber, formatPercent } from '../../components/format.ts';
import { STATUS_HEX, type InspectionSummary } from './types.ts';

export default function InspectionList({ data }: { data: InspectionSummary }) {
  if (!data.plans.length && !data.openByUnit.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`Chưa có kế hoạch kiểm tra năm ${data.year}`} />;
  return (
    <>
      {data.plans.map((p) => (
        <section key={p.id} className="kh-dash-report">
          <div className="kh-dash-report-head">
            <Link to={p.link}>{p.subject}</Link>
            {p.coverage.meets ? <Tag color="success">Đạt chỉ tiêu</Tag> : <Tag color="warning">Cần thêm {formatNumber(p.coverage.needed)} đơn vị</Tag>}
          </div>
          <div className="kh-dash-rate">
            <span>Đã kiểm tra, có kết luận</span>
            <Progress
              percent={p.coverage.concludedPct} size="small" showInfo={false} strokeColor={p.coverage.meets ? STATUS_HEX.doneOnTime : STATUS_HEX.doneLate}
              aria-label={`Đã kiểm tra: ${formatPercent(p.coverage.concludedPct)}, chỉ tiêu ${p.coverage.targetPct}%`}
            />
            <span className="kh-dash-rate-value">{formatNumber(p.coverage.concluded)}/{formatNumber(p.coverage.population)} · {formatPercent(p.coverage.concludedPct)} (chỉ tiêu {p.coverage.targetPct}%)</span>
          </div>
        </section>
      ))}
      {data.openByUnit.length > 0 && (
        <ul className="kh-dash-actions" aria-label="Đơn vị còn biện pháp khắc phục chưa xong">
          {data.openByUnit.map((r) => (
            <li key={r.unit.id}>
              {r.unit.name}: {formatNumber(r.open)} biện pháp khắc phục chưa xong{r.overdue > 0 && <Tag color="error" style={{ marginLeft: 6 }}>{formatNumber(r.overdue)} quá hạn</Tag>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
