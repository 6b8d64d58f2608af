// All people the user may see, searched on the server without accents.
import { useEffect, useState } from 'react';
import { App, Input, Space, Switch, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { api, ApiError, type Person } from '../../api/client.ts';
import PeopleTable from '../../components/PeopleTable.tsx';
import PersonFormModal from '../../components/PersonFormModal.tsx';
import { useSession } from '../../components/session.tsx';

export default function PeoplePage() {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [people, setPeople] = useState<Person[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<Person | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    const t = setTimeout(async () => {
      try {
        const res = await api.get<{ items: Person[] }>('/api/org/people', { q: q.trim(), includeInactive: includeInactive || undefined });
        if (!cancelled) setPeople(res.items);
      } catch (err) {
        if (!cancelled && err instanceof ApiError && err.status !== 401) message.error(err.message);
      } finally {
        if (!cancelled) setLoading(false);
      }
    }, q ? 250 : 0);
    return () => { cancelled = true; clearTimeout(t); };
  }, [q, includeInactive, version, dataVersion, message]);

  return (
    <>
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Cán bộ</Typography.Title>
      </div>
      <Space wrap size="middle" style={{ marginBottom: 16 }}>
        <Input
          id="tim-can-bo"
          allowClear
          prefix={<SearchOutlined />}
          placeholder="Tìm theo họ tên, chức vụ, vị trí việc làm (gõ không dấu cũng được)"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 'min(460px, 90vw)' }}
          aria-label="Tìm cán bộ"
        />
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', cursor: 'pointer' }}>
          <Switch size="small" checked={includeInactive} onChange={setIncludeInactive} />
          Hiện cả cán bộ đã nghỉ
        </label>
      </Space>
      <PeopleTable
        people={people}
        loading={loading}
        showUnit
        onEdit={setEditing}
        emptyText={q ? 'Không tìm thấy cán bộ phù hợp' : 'Chưa có cán bộ'}
      />
      <PersonFormModal
        open={!!editing}
        unitId={editing?.unitId ?? ''}
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(p) => { setEditing(null); message.success(`Đã lưu cán bộ “${p.fullName}”.`); setVersion((v) => v + 1); }}
      />
    </>
  );
}
