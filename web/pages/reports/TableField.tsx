// A repeating table of a report ("Danh sách được xét thưởng"): rows added and removed; a wide table on a
// desktop, one card per row on a phone; totals of the money and number columns.
import { Button, Card, Empty, Form, Input, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Cell, Field, TableColumn, TableRow } from '../../../core/reports/template.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { domIdOf, type FieldContext } from './FieldInput.tsx';
import NumberInput from './NumberInput.tsx';
import { formatValue } from './types.ts';

interface Props { field: Field; value: unknown; onChange: (rows: TableRow[]) => void; ctx: FieldContext }

export default function TableField({ field: f, value, onChange, ctx }: Props) {
  const isPhone = useIsPhone();
  const rows: TableRow[] = Array.isArray(value) ? (value as TableRow[]) : [];
  const columns = f.columns ?? [];
  const at = (i: number, c?: string) => `values.${f.key}.${i}${c ? `.${c}` : ''}`;
  const setCell = (i: number, key: string, v: Cell) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  const add = () => {
    onChange([...rows, {}]);
    // Focus the new row's first cell once it is drawn.
    setTimeout(() => document.getElementById(domIdOf(at(rows.length, columns[0]?.key)))?.focus(), 50);
  };
  const remove = (i: number) => onChange(rows.filter((_, j) => j !== i));
  const tableError = ctx.errors[`values.${f.key}`];
  const rowErrors = (i: number) => [ctx.errors[at(i)], ...columns.map((c) => ctx.errors[at(i, c.key)])].filter(Boolean);

  const cell = (c: TableColumn, row: TableRow, i: number) => {
    const id = domIdOf(at(i, c.key));
    const v = row[c.key] ?? null;
    const invalid = !!ctx.errors[at(i, c.key)];
    if (ctx.readOnly) return <span id={id}>{c.type === 'text' ? (v || '—') : formatValue(c.type, v)}</span>;
    const label = `${c.label}, dòng ${i + 1}`;
    if (c.type === 'text') {
      return <Input.TextArea id={id} aria-label={label} value={typeof v === 'string' ? v : ''} onChange={(e) => setCell(i, c.key, e.target.value)} autoSize={{ minRows: 1, maxRows: 4 }} status={invalid ? 'error' : undefined} />;
    }
    return <NumberInput id={id} type={c.type} value={v} onChange={(n) => setCell(i, c.key, n)} invalid={invalid} ariaLabel={label} />;
  };

  const totals = columns.filter((c) => c.type === 'money' || c.type === 'number').map((c) => ({
    c, sum: rows.reduce((s, r) => s + (typeof r[c.key] === 'number' ? (r[c.key] as number) : 0), 0),
  }));
  const footer = (
    <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
      {!ctx.readOnly ? <Button icon={<PlusOutlined />} onClick={add}>Thêm dòng</Button> : <span />}
      {rows.length > 0 && totals.map(({ c, sum }) => <span key={c.key}>Tổng “{c.label}”: <b>{formatValue(c.type, sum)}</b></span>)}
    </Space>
  );
  const removeButton = (i: number) => !ctx.readOnly && (
    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label={`Xóa dòng ${i + 1} của “${f.label}”`} title="Xóa dòng" />
  );

  return (
    <div className="kh-report-field kh-report-wide" id={domIdOf(`values.${f.key}`)} tabIndex={-1}>
      <Form.Item label={f.label} required={!ctx.readOnly && f.required} validateStatus={tableError ? 'error' : undefined}
        help={tableError && <span role="alert">{tableError}</span>} extra={f.help} style={{ marginBottom: 12 }}>
        {isPhone ? (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {rows.length === 0 && <Typography.Text type="secondary">Chưa có dòng nào.</Typography.Text>}
            {rows.map((row, i) => (
              <Card key={i} size="small" title={`Dòng ${i + 1}`} extra={removeButton(i)} className={rowErrors(i).length ? 'kh-report-row-error' : undefined}>
                {columns.map((c) => (
                  <div key={c.key} style={{ marginBottom: 8 }}>
                    <label htmlFor={domIdOf(at(i, c.key))} className="kh-report-cell-label">{c.label}{c.required && !ctx.readOnly && <span className="kh-report-req"> *</span>}</label>
                    {cell(c, row, i)}
                  </div>
                ))}
                {rowErrors(i).map((e) => <div key={e} className="kh-report-error" role="alert">{e}</div>)}
              </Card>
            ))}
            {footer}
          </Space>
        ) : (
          <Table<TableRow>
            size="small" bordered pagination={false} dataSource={rows} rowKey={(_, i) => String(i)} footer={() => footer}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có dòng nào" /> }}
            columns={[
              { title: 'STT', key: 'no', width: 56, align: 'right', render: (_, __, i) => i + 1 },
              ...columns.map((c) => ({
                title: <>{c.label}{c.required && !ctx.readOnly && <span className="kh-report-req"> *</span>}</>, key: c.key,
                width: c.type === 'text' ? undefined : 220, align: (c.type === 'text' || !ctx.readOnly ? 'left' : 'right') as 'left' | 'right',
                render: (_: unknown, row: TableRow, i: number) => (
                  <>{cell(c, row, i)}{ctx.errors[at(i, c.key)] && <div className="kh-report-error" role="alert">{ctx.errors[at(i, c.key)]}</div>}</>
                ),
              })),
              ...(ctx.readOnly ? [] : [{ title: '', key: 'remove', width: 48, render: (_: unknown, __: TableRow, i: number) => removeButton(i) }]),
            ]}
          />
        )}
      </Form.Item>
    </div>
  );
}
