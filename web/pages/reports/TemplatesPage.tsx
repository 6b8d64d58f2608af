// Report forms of the Sở and the built-in ones: what each asks, and (for divisions) building and editing them.
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Breadcrumb, Button, Card, Col, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { CopyOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import { useSession } from '../../components/session.tsx';
import type { FieldType } from '../../../core/reports/template.ts';
import TemplateEditor from './TemplateEditor.tsx';
import type { ReportTemplate } from './types.ts';

/** What a field holds, when its name does not say: "(VND)", "(%)", "(bảng)". */
const KIND_NOTE: Record<FieldType, string> = { number: '', text: '', money: ' (VND)', percent: ' (%)', table: ' (bảng nhiều dòng)' };

export default function TemplatesPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [items, setItems] = useState<ReportTemplate[] | null>(null);
  const [editing, setEditing] = useState<ReportTemplate | null | undefined>(undefined);
  const load = useCallback(() => {
    api.get<{ items: ReportTemplate[] }>('/api/report-templates').then((r) => setItems(r.items), (err) => { if (err instanceof ApiError && err.status !== 401) message.error(err.message); });
  }, [message]);
  useEffect(load, [load]);
  const manage = can('report.manage');

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/bao-cao">Báo cáo định kỳ</Link> }, { title: 'Biểu mẫu báo cáo' }]} />
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }}>Biểu mẫu báo cáo</Typography.Title>
        {manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>Tạo biểu mẫu</Button>}
      </div>
      {!items ? <Skeleton active paragraph={{ rows: 8 }} /> : !items.length ? <Empty description="Chưa có biểu mẫu báo cáo" /> : (
        <Row gutter={[12, 12]}>
          {items.map((t) => {
            const builtin = t.id.startsWith('builtin:');
            const fields = t.definition.sections.flatMap((s) => s.fields);
            return (
              <Col key={t.id} xs={24} lg={12}>
                <Card size="small" title={t.name} style={{ height: '100%' }}
                  extra={manage && <Button size="small" icon={builtin ? <CopyOutlined /> : <EditOutlined />} onClick={() => setEditing(t)}>{builtin ? 'Sao chép để sửa' : 'Sửa'}</Button>}>
                  <Space wrap style={{ marginBottom: 8 }}>
                    {builtin || t.builtinKey ? <Tag color="blue">Mẫu có sẵn</Tag> : <Tag>Của Sở</Tag>}
                    {!builtin && <Tag>Phiên bản {t.version}</Tag>}
                    <Tag>{t.definition.sections.length} phần, {fields.length} trường</Tag>
                  </Space>
                  {t.description && <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true, symbol: 'xem thêm' }}>{t.description}</Typography.Paragraph>}
                  {t.definition.sections.map((s) => (
                    <div key={s.key} style={{ marginBottom: 4 }}>
                      <b>{s.title}:</b> {s.fields.map((f) => `${f.label}${KIND_NOTE[f.type]}`).join('; ')}
                    </div>
                  ))}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <TemplateEditor open={editing !== undefined} editing={editing ?? null} onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); load(); }} />
    </>
  );
}
