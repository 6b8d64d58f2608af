// All people the user may see, searched on the server without accents.
import { useState } from 'react';
import { App, Input, Space, Switch, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Person } from '../../api/client.ts';
import PeopleTable from '../../components/PeopleTable.tsx';
import PersonFormModal from '../../components/PersonFormModal.tsx';
import { useSearch } from '../../components/useSearch.ts';

export default function PeoplePage() {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<Person | null>(null);
  const [version, setVersion] = useState(0);

  const { items: people, loading } = useSearch<Person>('/api/org/people', { q: q.trim(), includeInactive: includeInactive || undefined }, q, version);

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
