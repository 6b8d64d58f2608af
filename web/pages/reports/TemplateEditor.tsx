// Building a report form: sections of fields (number, %, money, text, repeating table with columns) and
// the rules between numbers. Checked as you type by the same rules the server applies.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Drawer, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import { FIELD_TYPE_LABELS, FIELD_TYPES, fieldsOf, NUMERIC_TYPES, PREFILL_LABELS, type CompareRule, type Field, type TemplateDef, type TemplateSection } from '../../../core/reports/template.ts';
import { checkTemplate } from '../../../core/reports/validate.ts';
import { searchKey } from '../../../core/text/vietnamese.ts';
import type { ReportTemplate } from './types.ts';

/** "Số người được hỗ trợ" → "soNguoiDuocHoTro": keys stay ASCII and stable once saved. */
export function keyFrom(label: string, taken: Set<string>): string {
  const words = searchKey(label).split(/[^a-z0-9]+/).filter(Boolean).slice(0, 6);
  const base = (words.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join('') || 'truong').replace(/^[0-9]/, 'f$&').slice(0, 36);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  return key;
}

const OPS: CompareRule['op'][] = ['<=', '>=', '<', '>', '='];
const typeOptions = FIELD_TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }));
const emptyField = (taken: Set<string>): Field => ({ key: keyFrom('Trường mới', taken), label: '', type: 'number' });

/** Keys saved before are kept (reports already hold values under them); a new field's key follows its label. */
function FieldRow({ field, keys, saved, onChange, onRemove }: { field: Field; keys: Set<string>; saved: Set<string>; onChange: (f: Field) => void; onRemove: () => void }) {
  const others = new Set([...keys].filter((k) => k !== field.key));
  const setLabel = (label: string) => onChange({ ...field, label, key: saved.has(field.key) ? field.key : keyFrom(label, others) });
  const columnKey = (i: number, label: string) => {
    const key = field.columns![i].key;
    return saved.has(`${field.key}.${key}`) ? key : keyFrom(label, new Set(field.columns!.filter((_, j) => j !== i).map((c) => c.key)));
  };
  return (
    <div className="kh-template-field">
      <Space wrap align="start">
        <Input placeholder="Tên trường, ví dụ: Số lượng đối tượng hưởng hỗ trợ" value={field.label} onChange={(e) => setLabel(e.target.value)} style={{ width: 320, maxWidth: '100%' }} aria-label="Tên trường" />
        <Select value={field.type} options={typeOptions} onChange={(type) => onChange({ ...field, type, columns: type === 'table' ? field.columns ?? [{ key: 'noiDung', label: 'Nội dung', type: 'text' }] : undefined })} style={{ width: 160 }} aria-label="Kiểu trường" />
        {field.type === 'number' && <Input placeholder="Đơn vị tính (người, tháng…)" value={field.suffix} onChange={(e) => onChange({ ...field, suffix: e.target.value || undefined })} style={{ width: 170 }} aria-label="Đơn vị tính" />}
        <Checkbox checked={!!field.required} onChange={(e) => onChange({ ...field, required: e.target.checked || undefined })}>Bắt buộc</Checkbox>
        {NUMERIC_TYPES.includes(field.type) && (
          <Select allowClear placeholder="Lấy sẵn từ kehoach" value={field.prefill} style={{ width: 300 }} popupMatchSelectWidth={false} aria-label="Lấy sẵn từ kehoach"
            options={Object.entries(PREFILL_LABELS).map(([value, label]) => ({ value, label }))} onChange={(prefill) => onChange({ ...field, prefill: prefill ?? undefined })} />
        )}
        {NUMERIC_TYPES.includes(field.type) && (
          <InputNumber min={1} max={1000} prefix="Giải thích khi đổi quá" suffix="%" value={field.explainChangeOverPct} onChange={(v) => onChange({ ...field, explainChangeOverPct: v ?? undefined })} style={{ width: 240 }} aria-label="Ngưỡng thay đổi cần giải thích (%)" />
        )}
        <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={`Xóa trường ${field.label}`} />
      </Space>
      {field.type === 'table' && (
        <div style={{ marginTop: 6, paddingLeft: 16 }}>
          <Typography.Text type="secondary">Các cột của bảng:</Typography.Text>
          {(field.columns ?? []).map((c, i) => (
            <Space key={i} wrap style={{ display: 'flex', marginTop: 4 }}>
              <Input value={c.label} placeholder="Tên cột" style={{ width: 260 }} aria-label="Tên cột"
                onChange={(e) => onChange({ ...field, columns: field.columns!.map((x, j) => (j === i ? { ...x, label: e.target.value, key: columnKey(i, e.target.value) } : x)) })} />
              <Select value={c.type} style={{ width: 150 }} aria-label="Kiểu cột" options={typeOptions.filter((o) => o.value !== 'table')}
                onChange={(type) => onChange({ ...field, columns: field.columns!.map((x, j) => (j === i ? { ...x, type: type as typeof x.type } : x)) })} />
              <Checkbox checked={!!c.required} onChange={(e) => onChange({ ...field, columns: field.columns!.map((x, j) => (j === i ? { ...x, required: e.target.checked || undefined } : x)) })}>Bắt buộc</Checkbox>
              <Button size="small" icon={<DeleteOutlined />} aria-label={`Xóa cột ${c.label}`} onClick={() => onChange({ ...field, columns: field.columns!.filter((_, j) => j !== i) })} />
            </Space>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} style={{ marginTop: 4 }}
            onClick={() => onChange({ ...field, columns: [...(field.columns ?? []), { key: keyFrom('Cột mới', new Set(field.columns?.map((c) => c.key))), label: '', type: 'text' }] })}>Thêm cột</Button>
        </div>
      )}
    </div>
  );
}

export default function TemplateEditor({ open, editing, onClose, onSaved }: { open: boolean; editing: ReportTemplate | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [def, setDef] = useState<TemplateDef>({ sections: [], rules: [] });
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    // A built-in form is copied: the tenant's copy is what it edits from then on.
    setName(editing ? (editing.id.startsWith('builtin:') ? `${editing.name} (bản của Sở)` : editing.name) : '');
    setDescription(editing?.description ?? '');
    setDef(editing ? structuredClone(editing.definition) : { sections: [{ key: 'phan1', title: 'Kết quả thực hiện', fields: [] }], rules: [] });
    setServerErrors([]);
  }, [open, editing]);

  const keys = useMemo(() => new Set(def.sections.flatMap((s) => s.fields.map((f) => f.key))), [def]);
  const saved = useMemo(() => new Set(editing ? fieldsOf(editing.definition).flatMap((f) => [f.key, ...(f.columns ?? []).map((c) => `${f.key}.${c.key}`)]) : []), [editing]);
  const issues = useMemo(() => checkTemplate(def), [def]);
  const numeric = def.sections.flatMap((s) => s.fields).filter((f) => NUMERIC_TYPES.includes(f.type));
  const setSection = (i: number, s: TemplateSection) => setDef((d) => ({ ...d, sections: d.sections.map((x, j) => (j === i ? s : x)) }));
  const setRule = (i: number, r: CompareRule) => setDef((d) => ({ ...d, rules: d.rules.map((x, j) => (j === i ? r : x)) }));

  const save = async () => {
    if (!name.trim()) { setServerErrors(['Vui lòng nhập tên biểu mẫu.']); return; }
    setSaving(true);
    try {
      const body = { name: name.trim(), description, definition: def };
      if (editing && !editing.id.startsWith('builtin:')) await api.put(`/api/report-templates/${editing.id}`, body);
      else await api.post('/api/report-templates', body);
      message.success('Đã lưu biểu mẫu báo cáo.');
      onSaved();
    } catch (err) {
      setServerErrors(err instanceof ApiError && err.details ? Object.values(err.details) : [(err as Error).message]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} size="large" title={editing && !editing.id.startsWith('builtin:') ? 'Sửa biểu mẫu báo cáo' : 'Biểu mẫu báo cáo mới'} destroyOnHidden
      extra={<Button type="primary" loading={saving} disabled={issues.length > 0} onClick={save}>Lưu biểu mẫu</Button>}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="Tên biểu mẫu" maxLength={300} aria-label="Tên biểu mẫu" />
        <Input.TextArea value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Mô tả: căn cứ, nội dung báo cáo" autoSize={{ minRows: 2 }} aria-label="Mô tả" />
        {editing?.id && !editing.id.startsWith('builtin:') && <Alert type="info" showIcon title="Nếu đã có đơn vị lập báo cáo theo biểu mẫu này, lưu sẽ tạo phiên bản mới; báo cáo đã lập giữ nguyên biểu mẫu cũ." />}
        {def.sections.map((s, i) => (
          <Card key={i} size="small" title={<Input value={s.title} variant="borderless" placeholder="Tên phần" aria-label="Tên phần" style={{ fontWeight: 600 }} onChange={(e) => setSection(i, { ...s, title: e.target.value })} />}
            extra={<Button size="small" icon={<DeleteOutlined />} aria-label={`Xóa phần ${s.title}`} onClick={() => setDef((d) => ({ ...d, sections: d.sections.filter((_, j) => j !== i) }))} />}>
            {s.fields.map((f, j) => (
              <FieldRow key={j} field={f} keys={keys} saved={saved} onChange={(next) => setSection(i, { ...s, fields: s.fields.map((x, k) => (k === j ? next : x)) })} onRemove={() => setSection(i, { ...s, fields: s.fields.filter((_, k) => k !== j) })} />
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => setSection(i, { ...s, fields: [...s.fields, emptyField(keys)] })}>Thêm trường</Button>
          </Card>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => setDef((d) => ({ ...d, sections: [...d.sections, { key: keyFrom('Phần', new Set(d.sections.map((x) => x.key))), title: '', fields: [] }] }))}>Thêm phần</Button>
        <Card size="small" title="Quy tắc kiểm tra giữa các số">
          {def.rules.map((r, i) => (
            <Space key={i} wrap style={{ display: 'flex', marginBottom: 6 }}>
              <Select value={r.left} style={{ width: 220 }} aria-label="Trường" options={numeric.map((f) => ({ value: f.key, label: f.label || f.key }))} onChange={(left) => setRule(i, { ...r, left })} />
              <Select value={r.op} style={{ width: 70 }} aria-label="Phép so sánh" options={OPS.map((o) => ({ value: o, label: o.replace('<=', '≤').replace('>=', '≥') }))} onChange={(op) => setRule(i, { ...r, op })} />
              <Select value={r.right} style={{ width: 220 }} aria-label="So với trường" options={numeric.map((f) => ({ value: f.key, label: f.label || f.key }))} onChange={(right) => setRule(i, { ...r, right })} />
              <span>×</span><InputNumber value={r.factor ?? 1} min={0} aria-label="Hệ số" onChange={(v) => setRule(i, { ...r, factor: v ?? undefined })} style={{ width: 80 }} />
              <Input value={r.message} placeholder="Thông báo khi sai" style={{ width: 320 }} aria-label="Thông báo khi sai" onChange={(e) => setRule(i, { ...r, message: e.target.value })} />
              <Button icon={<DeleteOutlined />} aria-label="Xóa quy tắc" onClick={() => setDef((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== i) }))} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} disabled={numeric.length < 2}
            onClick={() => setDef((d) => ({ ...d, rules: [...d.rules, { kind: 'compare', left: numeric[0].key, op: '<=', right: numeric[1].key, message: '' }] }))}>Thêm quy tắc</Button>
        </Card>
        {(issues.length > 0 || serverErrors.length > 0) && (
          <Alert type="warning" showIcon title="Cần hoàn thiện trước khi lưu" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{[...serverErrors, ...issues.map((x) => x.message)].map((m, i) => <li key={i}>{m}</li>)}</ul>} />
        )}
      </Space>
    </Drawer>
  );
}
