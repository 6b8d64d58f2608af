// The org tree of the current Sở Y tế, accent-insensitive search, and adding units.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Empty, Input, List, Skeleton, Space, Switch, Tag, Tree, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { buildTree, type TreeNode } from '../../../core/org/units.ts';
import { api, ApiError, type Unit } from '../../api/client.ts';
import { useUnits } from '../../components/units.tsx';
import UnitFormModal from '../../components/UnitFormModal.tsx';
import { useSession } from '../../components/session.tsx';

function UnitTitle({ u }: { u: Unit }) {
  return (
    <span className={u.active ? undefined : 'kh-inactive'}>
      <span style={{ fontWeight: u.depth === 0 ? 600 : 400 }}>{u.name}</span>
      {u.shortName && <Tag style={{ marginInlineStart: 8 }} color={u.active ? 'blue' : undefined}>{u.shortName}</Tag>}
      <span className="kh-muted" style={{ marginInlineStart: u.shortName ? 0 : 8 }}>{u.kindLabel}</span>
      {!u.active && <Tag style={{ marginInlineStart: 8 }}>Ngừng hoạt động</Tag>}
    </span>
  );
}

interface TreeData { key: string; title: React.ReactNode; children: TreeData[]; unit: Unit }
const toTreeData = (nodes: TreeNode<Unit>[]): TreeData[] =>
  nodes.map((n) => ({ key: n.id, title: <UnitTitle u={n} />, children: toTreeData(n.children), unit: n }));

export default function OrgTreePage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { me, dataVersion } = useSession();
  const [showInactive, setShowInactive] = useState(false);
  const { units, loading, reload } = useUnits(showInactive);
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Unit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [adding, setAdding] = useState(false);

  const treeData = useMemo(() => toTreeData(buildTree(units)), [units]);
  const canAdd = units.some((u) => u.can.manage);

  // Debounced server search: the server matches without accents and against aliases.
  useEffect(() => {
    const query = q.trim();
    if (!query) { setResults(null); return; }
    let cancelled = false;
    setSearching(true);
    const t = setTimeout(async () => {
      try {
        const res = await api.get<{ items: Unit[] }>('/api/org/units', { q: query, includeInactive: showInactive || undefined });
        if (!cancelled) setResults(res.items);
      } catch (err) {
        if (!cancelled && err instanceof ApiError && err.status !== 401) message.error(err.message);
      } finally {
        if (!cancelled) setSearching(false);
      }
    }, 250);
    return () => { cancelled = true; clearTimeout(t); };
  }, [q, showInactive, message, dataVersion, units]);

  const open = (u: Unit) => {
    if (u.can.view) navigate(`/to-chuc/${u.id}`);
    else message.info('Bạn chỉ được xem tên đơn vị này.');
  };

  return (
    <>
      <div className="kh-page-header">
        <div>
          <Typography.Title level={2} style={{ fontSize: 22 }}>Cơ cấu tổ chức</Typography.Title>
          <Typography.Text type="secondary">{me.tenant?.name}</Typography.Text>
        </div>
        {canAdd && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} id="them-don-vi">Thêm đơn vị</Button>}
      </div>
      <Space wrap style={{ width: '100%', marginBottom: 16 }} size="middle">
        <Input
          id="tim-don-vi"
          allowClear
          prefix={<SearchOutlined />}
          placeholder="Tìm đơn vị (gõ không dấu cũng được)"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 'min(420px, 90vw)' }}
          aria-label="Tìm đơn vị"
        />
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', cursor: 'pointer' }}>
          <Switch checked={showInactive} onChange={setShowInactive} size="small" id="hien-ngung-hoat-dong" />
          Hiện đơn vị ngừng hoạt động
        </label>
      </Space>

      {results !== null ? (
        <List
          loading={searching}
          bordered
          dataSource={results}
          header={<Typography.Text type="secondary">Kết quả tìm “{q.trim()}”: {results.length} đơn vị</Typography.Text>}
          locale={{ emptyText: <Empty description="Không tìm thấy đơn vị phù hợp" /> }}
          renderItem={(u) => (
            <List.Item
              onClick={() => open(u)}
              style={{ cursor: u.can.view ? 'pointer' : 'default' }}
              actions={u.can.view ? [<a key="open" onClick={(e) => { e.preventDefault(); open(u); }} href={`/to-chuc/${u.id}`}>Mở</a>] : []}
            >
              <UnitTitle u={u} />
            </List.Item>
          )}
        />
      ) : loading && !units.length ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !treeData.length ? (
        <Empty description="Chưa có đơn vị nào" />
      ) : (
        <Tree<TreeData>
          className="kh-tree"
          treeData={treeData}
          defaultExpandAll
          blockNode
          showLine
          onSelect={(_, info) => open(info.node.unit)}
          selectedKeys={[]}
        />
      )}

      <UnitFormModal
        open={adding}
        units={units}
        onClose={() => setAdding(false)}
        onSaved={(u) => { setAdding(false); message.success(`Đã thêm đơn vị “${u.name}”.`); void reload(); }}
      />
    </>
  );
}
