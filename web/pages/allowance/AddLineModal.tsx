// "Bổ sung cán bộ": IT adds a person of the paying unit the engine did not list, at the policy's full monthly
// rate for the chosen category, with a written reason that stays on the list and in its history.
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Select } from 'antd';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../core/allowance/types.ts';
import { api } from '../../api/client.ts';
import { formatMoney, monthLabel, type AllowanceList } from '../../api/allowance.ts';
import FormModal from '../../components/FormModal.tsx';
import type { Act } from './ListPage.tsx';
import { accentFree } from '../../components/inputs.ts';

interface Props { open: boolean; list: AllowanceList; onClose: () => void; act: Act }
interface Values { personId: string; category: Category; reason: string }

interface StaffItem { id: string; fullName: string; title: string }

export default function AddLineModal({ open, list, onClose, act }: Props) {
  const [form] = Form.useForm<Values>();
  const [people, setPeople] = useState<StaffItem[] | null>(null);

  // Anyone of the paying unit: a person added by hand may hold no decision in kehoach yet (the reason says why).
  useEffect(() => {
    if (!open) return;
    setPeople(null);
    api.get<{ items: StaffItem[] }>(`/api/allowance/units/${list.unitId}/people`)
      .then((r) => setPeople(r.items), () => setPeople([]));
  }, [open, list.unitId]);

  const listed = new Set(list.lines.filter((l) => l.kind === 'regular').map((l) => l.personId));
  const options = (people ?? []).filter((p) => !listed.has(p.id))
    .map((p) => ({ value: p.id, label: p.title ? `${p.fullName} — ${p.title}` : p.fullName }));
  const rate = (c: Category) => (list.policy ? ` (${formatMoney(list.policy.rates[c])}/tháng)` : '');

  return (
    <FormModal<Values>
      title={`Bổ sung cán bộ vào danh sách tháng ${monthLabel(list.month)}`} okText="Bổ sung" open={open} form={form} onCancel={onClose}
      onSubmit={async (v) => {
        if (await act(() => api.post<AllowanceList>(`/api/allowance/lists/${list.id}/lines`, { version: list.version, personId: v.personId, category: v.category, reason: v.reason.trim() }), 'Đã bổ sung cán bộ vào danh sách.')) onClose();
      }}
    >
      {people && options.length === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title="Mọi cán bộ có quyết định phân công của đơn vị đã có trong danh sách."
          description="Cán bộ chưa có quyết định phân công: đề nghị Tổ chức cán bộ ghi quyết định ở mục Hồ sơ, rồi lập lại danh sách từ hồ sơ." />
      )}
      <Form.Item name="personId" label="Cán bộ" rules={[{ required: true, message: 'Chọn cán bộ cần bổ sung.' }]}>
        <Select
          showSearch={accentFree}
          loading={!people} options={options} placeholder="Chọn cán bộ (gõ tên để tìm)" notFoundContent="Không có cán bộ phù hợp"
        />
      </Form.Item>
      <Form.Item name="category" label="Hình thức thực hiện" rules={[{ required: true, message: 'Chọn hình thức thực hiện.' }]}>
        <Select options={CATEGORIES.map((c) => ({ value: c, label: `${CATEGORY_LABELS[c]}${rate(c)}` }))} placeholder="Chuyên trách hoặc kiêm nhiệm" />
      </Form.Item>
      <Form.Item name="reason" label="Lý do bổ sung" rules={[{ required: true, whitespace: true, message: 'Nêu lý do bổ sung cán bộ vào danh sách.' }]}
        extra="Lý do được ghi vào danh sách và lịch sử, phục vụ kiểm tra, thanh tra.">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
