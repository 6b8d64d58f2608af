// A report's form: its sections as cards, each field by its type, and a list of what still needs fixing
// whose entries jump to the input concerned.
import { Alert, Button, Card, Form } from 'antd';
import type { ReportValue, ReportValues, TableRow, TemplateDef } from '../../../core/reports/template.ts';
import FieldInput, { domIdOf, type FieldContext } from './FieldInput.tsx';
import TableField from './TableField.tsx';

interface Props {
  definition: TemplateDef;
  values: ReportValues;
  onChange: (key: string, v: ReportValue) => void;
  ctx: FieldContext;
}

export default function ReportForm({ definition, values, onChange, ctx }: Props) {
  return (
    // No <form>: Enter in a number must not send the report; the buttons below do.
    <Form layout="vertical" component={false}>
      {definition.sections.map((s, i) => (
        <Card key={s.key} size="small" title={<span style={{ whiteSpace: 'normal' }}>{toRoman(i + 1)}. {s.title}</span>} style={{ marginBottom: 16 }}>
          <div className="kh-report-grid">
            {s.fields.map((f) => (f.type === 'table'
              ? <TableField key={f.key} field={f} value={values[f.key]} onChange={(rows: TableRow[]) => onChange(f.key, rows)} ctx={ctx} />
              : <FieldInput key={f.key} field={f} value={values[f.key]} onChange={(v) => onChange(f.key, v)} ctx={ctx} />))}
          </div>
        </Card>
      ))}
    </Form>
  );
}

/** Moves the keyboard (and the screen) to the input a problem is about. */
export function focusField(field: string) {
  const el = document.getElementById(domIdOf(field)) ?? document.getElementById(domIdOf(field.split('.').slice(0, 2).join('.')));
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el?.focus({ preventScroll: true });
}

export function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <Alert
      type="error" showIcon style={{ marginBottom: 16 }} id="loi-bao-cao"
      title={`Còn ${entries.length} chỗ cần sửa`}
      description={(
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {entries.map(([field, msg]) => (
            <li key={field}><Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => focusField(field)}>{msg}</Button></li>
          ))}
        </ul>
      )}
    />
  );
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const toRoman = (n: number) => ROMAN[n - 1] ?? String(n);
