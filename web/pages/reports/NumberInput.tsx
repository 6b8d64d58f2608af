// A number as Vietnamese forms write it: "180.000.000" with '.' between thousands, "12,5" with a comma
// for decimals; the unit ("đ", "%", "người") after it; a numeric keypad on phones.
import { InputNumber } from 'antd';
import type { CellType } from '../../../core/reports/template.ts';
import { formatNumber } from '../../components/format.ts';
import {} from './types.ts';

/** What the person typed → the number's text for the input ("" when empty). Percentages have no thousands. */
export function parseVi(text: string | undefined, type: CellType): string {
  const t = (text ?? '').replace(/[^\d.,-]/g, '');
  if (type === 'percent') return t.replace(/,/g, '.').replace(/\.(?=.*\.)/g, '');
  return t.replace(/\./g, '').replace(',', '.');
}

interface Props {
  id: string;
  type: CellType;
  value: unknown;
  onChange: (v: number | null) => void;
  suffix?: string;
  invalid?: boolean;
  ariaLabel?: string;
  describedBy?: string;
}

export default function NumberInput({ id, type, value, onChange, suffix, invalid, ariaLabel, describedBy }: Props) {
  const unit = type === 'money' ? 'đ' : type === 'percent' ? '%' : suffix;
  return (
    <InputNumber<number>
      id={id}
      value={typeof value === 'number' ? value : null}
      onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : null)}
      // While typing the text stays as typed; on leaving the field it is regrouped.
      formatter={(v, info) => (info.userTyping ? info.input : v === undefined || v === null || String(v) === '' ? '' : formatNumber(Number(v)))}
      parser={(s) => parseVi(s, type) as unknown as number}
      inputMode={type === 'number' ? 'decimal' : type === 'percent' ? 'decimal' : 'numeric'}
      controls={false}
      suffix={unit && <span className="kh-muted" style={{ fontSize: 14 }}>{unit}</span>}
      status={invalid ? 'error' : undefined}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      style={{ width: '100%', maxWidth: type === 'money' ? 300 : 240 }}
    />
  );
}
