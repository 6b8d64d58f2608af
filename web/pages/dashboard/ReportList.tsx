// Each active report schedule's current period: how complete it is, and which units have not sent their report.
import { Link } from 'react-router';
import { Empty, Progress, Tag } from 'antd';
import dayjs from 'dayjs';
import { formatDate } from '../../components/format.ts';
import { formatNumber, formatPercent } from '../../components/format.ts';
import { STATUS_HEX, type ReportDue } from './types.ts';

function dueText(today: string, dueOn: string): string {
  const days = dayjs(dueOn).diff(dayjs(today), 'day');
  if (days > 0) return `còn ${formatNumber(days)} ngày`;
  return days === 0 ? 'đến hạn hôm nay' : `quá hạn ${formatNumber(-days)} ngày`;
}

function Rate({ label, n, of, rate, color }: { label: string; n: number; of: number; rate: number | null; color: string }) {
  return (
    <div className="kh-dash-rate">
      <span>{label}</span>
      <Progress percent={rate ?? 0} size="small" strokeColor={color} showInfo={false} aria-label={`${label}: ${formatPercent(rate)}`} />
      <span className="kh-dash-rate-value">{formatNumber(n)}/{formatNumber(of)} · {formatPercent(rate)}</span>
    </div>
  );
}

function ReportCard({ r, today }: { r: ReportDue; today: string }) {
  const c = r.completeness;
  const late = r.period.dueOn < today;
  return (
    <section className="kh-dash-report">
      <div className="kh-dash-report-head">
        <Progress
          type="dashboard" size={76} percent={c.submittedRate ?? 0} strokeColor={STATUS_HEX.open}
          format={() => formatPercent(c.submittedRate)} aria-label={`Đã gửi ${formatPercent(c.submittedRate)}`}
        />
        <div style={{ minWidth: 0 }}>
          <Link to={r.link}><b>{r.schedule.title}</b></Link>
          <div className="kh-muted">
            {r.period.label} · hạn {formatDate(r.period.dueOn)}{' '}
            <span style={{ color: late && r.missingCount ? STATUS_HEX.overdue : undefined }}>({dueText(today, r.period.dueOn)})</span>
            {r.period.locked && ' · đã khóa'} · {r.schedule.owner.shortName || r.schedule.owner.name} tổng hợp
          </div>
        </div>
      </div>
      <Rate label="Đã gửi" n={c.submitted} of={c.expected} rate={c.submittedRate} color={STATUS_HEX.open} />
      <Rate label="Đúng hạn" n={c.onTime} of={c.expected} rate={c.onTimeRate} color={STATUS_HEX.doneOnTime} />
      <Rate label="Đã duyệt" n={c.approved} of={c.expected} rate={c.approvedRate} color={STATUS_HEX.dueSoon} />
      {r.missingCount ? (
        <div className="kh-dash-missing">
          <span>Chưa gửi ({formatNumber(r.missingCount)}):</span>
          {r.missing.map((u) => <Link key={u.id} to={u.link}><Tag color="error">{u.shortName || u.name}</Tag></Link>)}
          {r.missingCount > r.missing.length && <Link to={r.link}>và {formatNumber(r.missingCount - r.missing.length)} đơn vị khác</Link>}
        </div>
      ) : (
        <div className="kh-dash-missing"><Tag color="success">Các đơn vị đã gửi đủ báo cáo</Tag></div>
      )}
    </section>
  );
}

export default function ReportList({ rows, today }: { rows: ReportDue[]; today: string }) {
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có lịch báo cáo nào đang áp dụng" />;
  return <div className="kh-dash-reports">{rows.map((r) => <ReportCard key={r.schedule.id} r={r} today={today} />)}</div>;
}
