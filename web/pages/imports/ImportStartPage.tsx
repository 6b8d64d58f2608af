// /nhap-ke-hoach: upload a plan document, and the drafts read earlier that still wait for review.
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Breadcrumb, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { ForbiddenResult } from '../../components/Results.tsx';
import { useSession } from '../../components/session.tsx';
import UploadCard from './UploadCard.tsx';
import type { ImportListItem } from './types.ts';

export default function ImportStartPage() {
  const { can, dataVersion } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [items, setItems] = useState<ImportListItem[] | null>(null);
  const load = useCallback(async () => {
    try { setItems((await api.get<{ items: ImportListItem[] }>('/api/plan-imports')).items); } catch (err) {
      if (err instanceof ApiError && err.status !== 401) message.error(err.message);
      setItems([]);
    }
  }, [message, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, [load]);

  if (!can('plan.manage')) return <ForbiddenResult message="Chỉ người được giao quản lý kế hoạch mới nhập được kế hoạch từ văn bản." />;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/ke-hoach">Kế hoạch</Link> }, { title: 'Nhập từ văn bản' }]} />
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Nhập kế hoạch từ văn bản</Typography.Title>
      </div>
      <UploadCard onImported={(v) => { message.success(`Đã đọc ${v.draft.tasks.length} nhiệm vụ từ “${v.fileName}”.`); navigate(`/nhap-ke-hoach/${v.id}`); }} />
      <Card title="Bản nhập đang chờ rà soát">
        <List<ImportListItem>
          loading={items === null}
          dataSource={items ?? []}
          locale={{ emptyText: <Empty description="Chưa có bản nhập nào đang chờ rà soát" /> }}
          renderItem={(i) => (
            <List.Item actions={[<Link key="go" to={`/nhap-ke-hoach/${i.id}`} aria-label={`Tiếp tục rà soát ${i.fileName}`}>Tiếp tục rà soát</Link>]}>
              <List.Item.Meta
                avatar={<FileTextOutlined style={{ fontSize: 20, color: '#0f6cbd' }} />}
                title={<Link to={`/nhap-ke-hoach/${i.id}`}>{i.title || i.fileName}</Link>}
                description={(
                  <Space wrap size={4}>
                    <span>{i.fileName}</span>
                    <span>· {i.tasks} nhiệm vụ</span>
                    {i.findings > 0 && <Tag color="orange">{i.findings} điểm mâu thuẫn</Tag>}
                    <span>· tải lên {formatDateTime(i.createdAt)}</span>
                  </Space>
                )}
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
