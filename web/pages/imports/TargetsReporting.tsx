// The plan's targets ("tối thiểu 40%") and reporting duties as read: shown for checking, created as they are.
import { Card } from 'antd';
import { ReportingTable, TargetsTable } from '../plans/PlanMeasures.tsx';
import type { Draft } from './types.ts';

export default function TargetsReporting({ draft, onGoto, phone }: { draft: Draft; onGoto: (line: number) => void; phone: boolean }) {
  const goto = (r: { line?: number }) => { if (r.line) onGoto(r.line); };
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16, marginBottom: 16 }}>
      <Card size="small" title={`Chỉ tiêu (${draft.targets.length})`}>
        <TargetsTable targets={draft.targets} onRow={goto} compact={phone} />
      </Card>
      <Card size="small" title={`Chế độ báo cáo (${draft.reporting.length})`}>
        <ReportingTable duties={draft.reporting} onRow={goto} compact={phone} />
      </Card>
    </div>
  );
}
