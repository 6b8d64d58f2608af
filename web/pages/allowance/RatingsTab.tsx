// The month's rating (xếp loại) of everyone of the unit holding an assignment: HR picks one of the four
// ratings per person and saves them together. A rating entered late for a paid month becomes a back-payment.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Empty, Input, Select, Skeleton, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SaveOutlined } from '@ant-design/icons';
import { RATING_LABELS, RATINGS, type Rating } from '../../../core/allowance/types.ts';
import { api, ApiError } from '../../api/client.ts';
import { currentMonth, monthLabel, type RatingItem } from '../../api/allowance.ts';
import { useIsPhone } from '../../components/responsive.ts';
import { MonthPicker } from './shared.tsx';

interface Props { unitId: string; canRecord: boolean }
type Draft = Record<string, { rating: Rating | null; note: string }>;
const OPTIONS = RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }));

export default function RatingsTab({ unitId, canRecord }: Props) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [month, setMonth] = useState(currentMonth());
  const [items, setItems] = useState<RatingItem[] | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);

  const apply = (list: RatingItem[]) => {
    setItems(list);
    setDraft(Object.fromEntries(list.map((i) => [i.personId, { rating: i.rating, note: i.note }])));
    setErrors({});
    setDirty(false);
  };
  const load = useCallback(async () => {
    setItems(null);
    try {
      apply((await api.get<{ items: RatingItem[] }>(`/api/allowance/units/${unitId}/ratings`, { month })).items);
    } catch (err) {
      setItems([]);
      if (err instanceof ApiError) message.error(err.message);
    }
  }, [unitId, month, message]);
  useEffect(() => { void load(); }, [load]);

  const change = (personId: string, patch: Partial<Draft[string]>) => {
    setDraft((prev) => ({ ...prev, [personId]: { ...prev[personId], ...patch } }));
    setErrors((prev) => { const next = { ...prev }; delete next[personId]; return next; });
    setDirty(true);
  };
  const save = async () => {
    const rated = (items ?? []).filter((i) => draft[i.personId]?.rating);
    if (!rated.length) { message.warning('Chưa chọn xếp loại cho cán bộ nào.'); return; }
    setSaving(true);
    try {
      const body = { month, items: rated.map((i) => ({ personId: i.personId, rating: draft[i.personId].rating, note: draft[i.personId].note.trim() })) };
      apply((await api.put<{ items: RatingItem[] }>(`/api/allowance/units/${unitId}/ratings`, body)).items);
      message.success(`Đã lưu xếp loại tháng ${monthLabel(month)} của ${rated.length} cán bộ. Lập lại danh sách tháng này để áp dụng.`);
    } catch (err) {
      if (!(err instanceof ApiError)) { message.error('Đã có lỗi xảy ra. Vui lòng thử lại.'); return; }
      // "items.1.rating" → the row of the second person sent.
      const byPerson: Record<string, string> = {};
      for (const [field, text] of Object.entries(err.details ?? {})) {
        const n = /^items\.(\d+)\./.exec(field);
        if (n && rated[Number(n[1])]) byPerson[rated[Number(n[1])].personId] = text;
      }
      setErrors(byPerson);
      message.error(err.message);
    } finally {
      setSaving(false);
    }
  };

  const ratingCell = (i: RatingItem) => (canRecord ? (
    <Select<Rating>
      value={draft[i.personId]?.rating ?? undefined} options={OPTIONS} placeholder="Chọn xếp loại" style={{ width: '100%', minWidth: 210 }}
      status={errors[i.personId] ? 'error' : undefined} aria-label={`Xếp loại tháng ${monthLabel(month)} của ${i.fullName}`}
      onChange={(v) => change(i.personId, { rating: v })}
    />
  ) : i.ratingLabel || <span className="kh-muted">Chưa xếp loại</span>);
  const noteCell = (i: RatingItem) => (canRecord ? (
    <Input value={draft[i.personId]?.note ?? ''} maxLength={500} aria-label={`Ghi chú xếp loại của ${i.fullName}`} onChange={(e) => change(i.personId, { note: e.target.value })} />
  ) : i.note || '—');
  const errorLine = (i: RatingItem) => errors[i.personId] && <div className="kh-al-field-error" role="alert">{errors[i.personId]}</div>;

  const columns: ColumnsType<RatingItem> = isPhone ? [{
    title: 'Cán bộ', key: 'p', render: (_, i) => (
      <div className="kh-al-line-card">
        <b>{i.fullName}</b>
        {i.title && <span className="kh-muted">{i.title}</span>}
        {ratingCell(i)}
        {noteCell(i)}
        {errorLine(i)}
      </div>
    ),
  }] : [
    { title: 'STT', key: 'no', width: 52, align: 'right', render: (_, __, n) => n + 1 },
    { title: 'Họ và tên', dataIndex: 'fullName', key: 'name', width: 180 },
    { title: 'Chức danh', dataIndex: 'title', key: 'title', width: 170, render: (v: string | null) => v || '—' },
    { title: `Xếp loại tháng ${monthLabel(month)}`, key: 'rating', width: 250, render: (_, i) => <>{ratingCell(i)}{errorLine(i)}</> },
    { title: 'Ghi chú', key: 'note', render: (_, i) => noteCell(i) },
    { title: 'Người nhập', dataIndex: 'enteredByName', key: 'by', width: 140, render: (v: string) => v || '—' },
  ];

  return (
    <>
      <div className="kh-al-toolbar">
        <MonthPicker id="thang-xep-loai" value={month} onChange={(m) => {
          if (dirty && !window.confirm('Xếp loại đã chọn chưa được lưu. Chuyển tháng và bỏ các thay đổi?')) return;
          setMonth(m);
        }} />
        {canRecord && items && items.length > 0 && (
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>Lưu xếp loại</Button>
        )}
        {dirty && <span className="kh-muted">Có thay đổi chưa lưu</span>}
      </div>
      {!items ? <Skeleton active paragraph={{ rows: 5 }} /> : (
        <Table<RatingItem>
          rowKey="personId" size="small" dataSource={items} columns={columns} pagination={false} className="kh-al-table"
          scroll={isPhone ? undefined : { x: 1000 }}
          locale={{ emptyText: <Empty description="Đơn vị chưa có cán bộ nào có quyết định phân công." /> }}
        />
      )}
    </>
  );
}
