// What the document says two ways ("Văn bản tự mâu thuẫn") and what kehoach could not read, each place a
// link that shows the line in the source pane.
import { Alert, Button, Space, Tag, Typography } from 'antd';
import type { Draft } from './types.ts';
import { FINDING_LABELS } from './types.ts';

export default function FindingsAlerts({ draft, onGoto }: { draft: Draft; onGoto: (line: number) => void }) {
  if (!draft.findings.length && !draft.warnings.length) return null;
  return (
    <section aria-label="Văn bản tự mâu thuẫn" style={{ marginBottom: 16 }}>
      {draft.findings.length > 0 && (
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 0 }}>Văn bản tự mâu thuẫn ({draft.findings.length})</Typography.Title>
      )}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {draft.findings.map((f, i) => (
          <Alert
            key={`f${i}`} type="warning" showIcon className="kh-imp-finding" data-code={f.code}
            title={<Space wrap size={6}><Tag color="orange">{FINDING_LABELS[f.code] ?? f.code}</Tag><span>{f.message}</span></Space>}
            description={f.where.length > 0 && (
              <Space wrap size={[4, 0]}>
                <span className="kh-muted">Ở:</span>
                {f.where.map((w, j) => (
                  <Button key={j} type="link" size="small" style={{ paddingInline: 4, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    disabled={f.lines[j] == null} onClick={() => f.lines[j] != null && onGoto(f.lines[j])}>
                    {w}
                  </Button>
                ))}
              </Space>
            )}
          />
        ))}
        {draft.warnings.map((w, i) => <Alert key={`w${i}`} type="warning" showIcon title={w} />)}
      </Space>
    </section>
  );
}
