// Table of people, shared by the unit page and the people page; scrolls sideways on phones.
import { Button, Table, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { Person } from '../api/client.ts';

interface Props { people: Person[]; loading: boolean; showUnit?: boolean; onEdit?: (p: Person) => void; emptyText?: string }

export default function PeopleTable({ people, loading, showUnit, onEdit, emptyText }: Props) {
  const columns: ColumnsType<Person> = [
    {
      title: 'Họ và tên', dataIndex: 'fullName', key: 'fullName', fixed: 'left', width: 200,
      render: (v: string, p) => <>{v}{!p.active && <Tag style={{ marginInlineStart: 8 }}>Đã nghỉ</Tag>}</>,
    },
    { title: 'Chức vụ', dataIndex: 'title', key: 'title', render: (v) => v || '—' },
    { title: 'Vị trí việc làm', dataIndex: 'position', key: 'position', render: (v) => v || '—' },
    ...(showUnit ? [{ title: 'Đơn vị', dataIndex: 'unitName', key: 'unitName' }] : []),
    { title: 'Thư điện tử', dataIndex: 'email', key: 'email', render: (v: string | null) => (v ? <a href={`mailto:${v}`}>{v}</a> : '—') },
    { title: 'Số điện thoại', dataIndex: 'phone', key: 'phone', render: (v: string | null) => (v ? <a href={`tel:${v}`}>{v}</a> : '—') },
  ];
  if (onEdit) {
    columns.push({
      title: '', key: 'actions', width: 90, align: 'right',
      render: (_, p) => p.can.manage && <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(p)} aria-label={`Sửa ${p.fullName}`}>Sửa</Button>,
    });
  }
  return (
    <Table<Person>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={people}
      loading={loading}
      scroll={{ x: showUnit ? 1000 : 860 }}
      pagination={people.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (t) => `${t} cán bộ` } : false}
      locale={{ emptyText: emptyText ?? 'Chưa có cán bộ' }}
      rowClassName={(p) => (p.active ? '' : 'kh-inactive')}
    />
  );
}
