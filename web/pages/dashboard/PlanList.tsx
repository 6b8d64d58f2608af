// The plans under the progress chart, as links with their finished and on-time shares: the chart's
// bars read in words, and a way to each plan that needs no mouse.
import { Link } from 'react-router';
import { formatNumber, formatPercent } from '../../components/format.ts';
import { share, STATUS_HEX, type Dashboard } from './types.ts';

/** The worst plans first (the server's order); the tab "Theo kế hoạch" has them all. */
const FIRST = 5;

export default function PlanList({ rows }: { rows: Dashboard['byPlan'] }) {
  return (
    <ul className="kh-dash-list kh-dash-plans">
      {rows.slice(0, FIRST).map(({ plan, counts: c, onTimeRate }) => (
        <li key={plan.id}>
          <Link to={`/ke-hoach/${plan.id}`} className="kh-dash-ellipsis" title={plan.title}>{plan.title}</Link>
          <div className="kh-dash-list-meta">
            {plan.owner && `${plan.owner} · `}{formatNumber(c.total)} kỳ · hoàn thành {formatPercent(share(c.doneOnTime + c.doneLate, c.total))}
            {' · '}đúng hạn {formatPercent(onTimeRate)}
            {c.overdue > 0 && <> · <b style={{ color: STATUS_HEX.overdue }}>{formatNumber(c.overdue)} quá hạn</b></>}
          </div>
        </li>
      ))}
    </ul>
  );
}
