// Add or edit a unit; kind choices follow what the chosen parent may hold (CHILD_KINDS).
import { useEffect, useMemo } from 'react';
import { Form, Input, InputNumber, Select } from 'antd';
import { CHILD_KINDS, UNIT_KIND_LABELS, type UnitKindName } from '../../core/org/units.ts';
import { api, type Unit } from '../api/client.ts';
import FormModal from './FormModal.tsx';
import { UnitTreeSelect } from './units.tsx';

export interface UnitFormValues {
  parentId?: string; kind: string; name: string; shortName?: string; aliases?: string[]; sortOrder?: number;
}

interface Props {
  open: boolean;
  units: Unit[];
  /** When set, edits this unit; otherwise creates one. */
  editing?: Unit | null;
  defaultParentId?: string;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

const preferredKind = (allowed: string[]) => (allowed.includes('unit') ? 'unit' : allowed[0]);

export default function UnitFormModal({ open, units, editing, defaultParentId, onClose, onSaved }: Props) {
  const [form] = Form.useForm<UnitFormValues>();
  const parentId = Form.useWatch('parentId', form);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const manageable = useMemo(() => units.filter((u) => u.can.manage && u.active), [units]);
  const fallbackParent = defaultParentId ?? manageable.find((u) => CHILD_KINDS[u.kind as UnitKindName]?.length)?.id;

  const parentKind = editing ? byId.get(editing.parentId ?? '')?.kind : byId.get(parentId ?? '')?.kind;
  const allowedKinds: string[] = parentKind ? CHILD_KINDS[parentKind as UnitKindName] ?? [] : editing ? [editing.kind] : [];
  const kindOptions = allowedKinds.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k as UnitKindName] ?? k }));

  // Opened before the unit list arrived: fill the parent as soon as it is known (initialValues apply only at mount).
  useEffect(() => {
    if (open && !editing && fallbackParent && !form.getFieldValue('parentId')) form.setFieldValue('parentId', fallbackParent);
  }, [open, editing, fallbackParent]); // eslint-disable-line react-hooks/exhaustive-deps

  // Keep the kind valid when the parent changes.
  useEffect(() => {
    if (!open || editing) return;
    const current = form.getFieldValue('kind');
    if (allowedKinds.length && !allowedKinds.includes(current)) form.setFieldValue('kind', preferredKind(allowedKinds));
  }, [open, editing, parentId, allowedKinds.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps

  const initialValues: Partial<UnitFormValues> = editing
    ? { name: editing.name, shortName: editing.shortName ?? '', aliases: editing.aliases, kind: editing.kind, sortOrder: editing.sortOrder }
    : { parentId: fallbackParent, kind: preferredKind(fallbackParent ? CHILD_KINDS[byId.get(fallbackParent)!.kind as UnitKindName] ?? [] : []), aliases: [] };

  return (
    <FormModal<UnitFormValues>
      title={editing ? `Sửa đơn vị: ${editing.name}` : 'Thêm đơn vị'}
      open={open}
      form={form}
      initialValues={initialValues}
      onCancel={onClose}
      width={600}
      onSubmit={async (v) => {
        const body = {
          name: v.name, shortName: v.shortName?.trim() || undefined, aliases: v.aliases ?? [], kind: v.kind,
          sortOrder: v.sortOrder ?? undefined,
        };
        const saved = editing
          ? await api.patch<Unit>(`/api/org/units/${editing.id}`, { ...body, shortName: v.shortName?.trim() ?? '' })
          : await api.post<Unit>('/api/org/units', { ...body, parentId: v.parentId });
        onSaved(saved);
      }}
    >
      {!editing && (
        <Form.Item name="parentId" label="Đơn vị cấp trên" rules={[{ required: true, message: 'Chọn đơn vị cấp trên.' }]}>
          <UnitTreeSelect units={units} selectable={(u) => u.can.manage && u.active && (CHILD_KINDS[u.kind as UnitKindName]?.length ?? 0) > 0} />
        </Form.Item>
      )}
      <Form.Item name="kind" label="Loại đơn vị" rules={[{ required: true, message: 'Chọn loại đơn vị.' }]}>
        <Select options={kindOptions} placeholder="Chọn loại đơn vị" notFoundContent="Đơn vị cấp trên không nhận thêm đơn vị con" />
      </Form.Item>
      <Form.Item name="name" label="Tên đơn vị" rules={[{ required: true, whitespace: true, message: 'Nhập tên đơn vị.' }]}>
        <Input maxLength={255} autoFocus placeholder="Ví dụ: Trung tâm Y tế khu vực Cao Lãnh" />
      </Form.Item>
      <Form.Item name="shortName" label="Tên viết tắt">
        <Input maxLength={100} placeholder="Ví dụ: TTYT Cao Lãnh" />
      </Form.Item>
      <Form.Item name="aliases" label="Tên gọi khác" extra="Gõ tên rồi nhấn Enter; dùng để tìm kiếm đơn vị theo tên cũ, tên thường gọi.">
        <Select mode="tags" suffixIcon={null} notFoundContent={null} tokenSeparators={[';']} placeholder="Tên cũ, tên thường gọi…" />
      </Form.Item>
      <Form.Item name="sortOrder" label="Thứ tự" extra="Số nhỏ xếp trước.">
        <InputNumber min={0} max={100000} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
