// Indicators whose latest figures are red or amber: the colour also said in words, a link to each.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Empty, Tag } from 'antd';
import type { OffTargetIndicator } from './types.ts';

const RAG = {
  red: { tag: 'error', label: 'Đỏ · Không đạt', hex: '#cf1322' },
  amber: { tag: 'warning', label: 'Vàng · Cảnh báo', hex: '#d48806' },
} as const;

/** Enough to read at a glance; the rest one click away. */
const FIRST = 6;

export default function IndicatorList({ rows }: { rows: OffTargetIndicator[] }) {
  const [all, setAll] = useState(false);
  if (!rows.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có chỉ tiêu nào ở mức đỏ hoặc vàng trong kỳ có số liệu gần nhất" />;
  }
  const shown = all ? rows : rows.slice(0, FIRST);
  return (
    <>
      <ul className="kh-dash-list">
        {shown.map((i) => (
          <li key={i.id}>
            <div className="kh-dash-list-head">
              <Tag color={RAG[i.rag].tag}>{RAG[i.rag].label}</Tag>
              <Link to={i.link}>{i.code ? `${i.code}. ` : ''}{i.text}</Link>
            </div>
            <div className="kh-dash-list-meta">
              Đạt <b style={{ color: RAG[i.rag].hex }}>{i.valueText}</b> · chỉ tiêu {i.targetText.toLowerCase()} · {i.periodLabel}
              {' · '}{i.reported}/{i.expected} đơn vị có số liệu
            </div>
            <div className="kh-muted"><Link to={`/ke-hoach/${i.plan.id}`} className="kh-dash-ellipsis" title={i.plan.title}>{i.plan.title}</Link></div>
          </li>
        ))}
      </ul>
      {rows.length > FIRST && (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAll(!all)}>
          {all ? 'Thu gọn' : `Xem tất cả ${rows.length} chỉ tiêu`}
        </Button>
      )}
    </>
  );
}
