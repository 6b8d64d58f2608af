// One field of a report: its input (or its value when read-only), what kehoach suggested, the previous
// period's value and, past the form's threshold, the explanation the change needs.
import type { ReactNode } from 'react';
import { Button, Form, Input } from 'antd';
import { changePct } from '../../../core/reports/validate.ts';
import type { CellType, Field, ReportValue } from '../../../core/reports/template.ts';
import NumberInput from './NumberInput.tsx';
import { formatNumber } from '../../components/format.ts';
import { formatValue } from './types.ts';

/** The id of the input an error field ("values.x", "values.t.0.c", "explanations.x") belongs to. */
export const domIdOf = (field: string) => `rp-${field.replace(/\./g, '-')}`;

export interface FieldContext {
  readOnly: boolean;
  errors: Record<string, string>;
  prefill: Record<string, ReportValue>;
  previous: { label: string; values: Record<string, ReportValue> } | null;
  explanations: Record<string, string>;
  onExplain: (key: string, text: string) => void;
}

interface Props { field: Field; value: ReportValue | undefined; onChange: (v: ReportValue) => void; ctx: FieldContext }

export default function FieldInput({ field: f, value, onChange, ctx }: Props) {
  const path = `values.${f.key}`;
  const id = domIdOf(path);
  const error = ctx.errors[path];
  const helpId = `${id}-help`;
  const numeric = f.type !== 'text' && f.type !== 'table';
  const type = f.type as CellType;

  const suggested = ctx.prefill[f.key];
  const hints: ReactNode[] = [];
  if (typeof suggested === 'number') {
    hints.push(value === suggested
      ? <span key="p" className="kh-muted">Số liệu lấy sẵn từ kehoach.</span>
      : (
        <span key="p" className="kh-report-hint">
          Gợi ý từ kehoach: <b>{formatValue(type, suggested, f.suffix)}</b>
          {!ctx.readOnly && <Button type="link" size="small" onClick={() => onChange(suggested)} aria-label={`Dùng số gợi ý cho “${f.label}”`}>Dùng số này</Button>}
        </span>
      ));
  }
  const before = ctx.previous?.values[f.key];
  const threshold = f.explainChangeOverPct;
  const pct = threshold !== undefined ? changePct(value, before) : null;
  if (threshold !== undefined && typeof before === 'number') {
    hints.push(
      <span key="k" className={pct !== null && pct > threshold ? 'kh-report-hint kh-report-hint-warn' : 'kh-muted'}>
        Kỳ trước ({ctx.previous!.label}): <b>{formatValue(type, before, f.suffix)}</b>
        {pct !== null && ` · thay đổi ${formatNumber(pct)}%`}
      </span>,
    );
  }

  const input = ctx.readOnly
    ? <div className="kh-report-value" id={id}>{f.type === 'text' ? (typeof value === 'string' && value.trim() ? value : '—') : formatValue(type, value, f.suffix)}</div>
    : numeric
      ? <NumberInput id={id} type={type} value={value} onChange={onChange} suffix={f.suffix} invalid={!!error} describedBy={helpId} />
      : (
        <Input.TextArea
          id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 14 }} status={error ? 'error' : undefined} aria-invalid={!!error || undefined} aria-describedby={helpId}
        />
      );

  return (
    <div className={numeric ? 'kh-report-field' : 'kh-report-field kh-report-wide'}>
      <Form.Item
        label={f.label} htmlFor={id} required={!ctx.readOnly && f.required} validateStatus={error ? 'error' : undefined}
        help={error && <span id={helpId} role="alert">{error}</span>}
        extra={((f.help && !ctx.readOnly) || hints.length > 0) && <div id={error ? undefined : helpId} className="kh-report-extra">{f.help && !ctx.readOnly && <div>{f.help}</div>}{hints}</div>}
        style={{ marginBottom: 12 }}
      >
        {input}
      </Form.Item>
      {/* From a previous 0 no change can be measured, so no explanation is ever needed. */}
      {threshold !== undefined && ((typeof before === 'number' && before !== 0) || !!ctx.explanations[f.key]) && (
        <Explanation field={f} pct={pct} threshold={threshold} ctx={ctx} />
      )}
    </div>
  );
}

function Explanation({ field: f, pct, threshold, ctx }: { field: Field; pct: number | null; threshold: number; ctx: FieldContext }) {
  const path = `explanations.${f.key}`;
  const id = domIdOf(path);
  const error = ctx.errors[path];
  const needed = pct !== null && pct > threshold;
  const text = ctx.explanations[f.key] ?? '';
  if (ctx.readOnly && !text) return null;
  return (
    <Form.Item
      label={`Giải thích thay đổi của “${f.label}”`} htmlFor={id} required={!ctx.readOnly && needed}
      validateStatus={error ? 'error' : undefined} help={error && <span role="alert">{error}</span>}
      extra={!ctx.readOnly && (needed ? `Thay đổi quá ${threshold}% so với kỳ trước: cần ghi rõ lý do.` : `Chỉ bắt buộc khi thay đổi quá ${threshold}% so với kỳ trước.`)}
      style={{ marginBottom: 12 }}
    >
      {ctx.readOnly
        ? <div className="kh-report-value" id={id}>{text}</div>
        : <Input.TextArea id={id} value={text} onChange={(e) => ctx.onExplain(f.key, e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} status={error ? 'error' : undefined} />}
    </Form.Item>
  );
}
