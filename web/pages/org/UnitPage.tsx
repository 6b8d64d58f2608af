// One unit's admin page: details, edit / move / (de)activate, and its people.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Breadcrumb, Button, Descriptions, Form, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined, SwapOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { CHILD_KINDS, type UnitKindName } from '../../../core/org/units.ts';
import { api, ApiError, type Person, type UnitDetail } from '../../api/client.ts';
import { ForbiddenResult, NotFoundResult } from '../../components/Results.tsx';
import { useUnits, UnitTreeSelect } from '../../components/units.tsx';
import UnitFormModal from '../../components/UnitFormModal.tsx';
import PersonFormModal from '../../components/PersonFormModal.tsx';
import PeopleTable from '../../components/PeopleTable.tsx';
import FormModal from '../../components/FormModal.tsx';
import { useSession } from '../../components/session.tsx';

export default function UnitPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const [unit, setUnit] = useState<UnitDetail | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [peopleLoading, setPeopleLoading] = useState(true);
  const [modal, setModal] = useState<'edit' | 'move' | 'person' | null>(null);
  const [editingPerson, setEditingPerson] = useState<Person | null>(null);
  const { units, reload: reloadUnits } = useUnits(true);
  const [moveForm] = Form.useForm<{ parentId: string }>();

  const load = useCallback(async () => {
    setFailure(null);
    try {
      setUnit(await api.get<UnitDetail>(`/api/org/units/${id}`));
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
      return;
    }
    setPeopleLoading(true);
    try {
      const res = await api.get<{ items: Person[] }>('/api/org/people', { unitId: id, includeInactive: true });
      setPeople(res.items);
    } catch (err) {
      if (err instanceof ApiError && err.status !== 401) message.error(err.message);
    } finally {
      setPeopleLoading(false);
    }
  }, [id, message, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => { setUnit(null); void load(); }, [load]);

  if (failure?.status === 403) return <ForbiddenResult message={failure.message} />;
  if (failure?.status === 404) return <NotFoundResult message={failure.message} />;
  if (failure) return <NotFoundResult message={failure.message} />;
  if (!unit) return <Skeleton active paragraph={{ rows: 10 }} />;

  const refresh = () => { void load(); void reloadUnits(); };
  const setActive = async (active: boolean) => {
    try {
      await api.post(`/api/org/units/${unit.id}/active`, { active });
      message.success(active ? 'Đã kích hoạt lại đơn vị.' : 'Đã ngừng hoạt động đơn vị.');
      refresh();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  // A unit cannot move under itself or its own descendants.
  const isInside = (uid: string): boolean => {
    for (let cur = units.find((u) => u.id === uid); cur; cur = units.find((u) => u.id === cur!.parentId)) if (cur.id === unit.id) return true;
    return false;
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/to-chuc">Cơ cấu tổ chức</Link> }, ...unit.breadcrumb.map((b) => ({
          title: b.id === unit.id ? b.name : <Link to={`/to-chuc/${b.id}`}>{b.name}</Link>,
        }))]}
      />
      <div className="kh-page-header">
        <Typography.Title level={2} style={{ fontSize: 22 }} className={unit.active ? undefined : 'kh-inactive'}>
          {unit.name} {!unit.active && <Tag>Ngừng hoạt động</Tag>}
        </Typography.Title>
        {unit.can.manage && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setModal('edit')}>Sửa</Button>
            {unit.parentId && <Button icon={<SwapOutlined />} onClick={() => setModal('move')}>Chuyển đơn vị</Button>}
            {unit.parentId && (unit.active ? (
              <Popconfirm
                title="Ngừng hoạt động đơn vị?"
                description="Đơn vị sẽ bị ẩn khỏi danh sách chọn; dữ liệu vẫn được giữ lại."
                okText="Ngừng hoạt động" cancelText="Hủy" okButtonProps={{ danger: true }}
                onConfirm={() => setActive(false)}
              >
                <Button danger icon={<StopOutlined />}>Ngừng hoạt động</Button>
              </Popconfirm>
            ) : (
              <Popconfirm title="Kích hoạt lại đơn vị?" okText="Kích hoạt lại" cancelText="Hủy" onConfirm={() => setActive(true)}>
                <Button icon={<CheckCircleOutlined />}>Kích hoạt lại</Button>
              </Popconfirm>
            ))}
          </Space>
        )}
      </div>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} style={{ marginBottom: 24 }}>
        <Descriptions.Item label="Loại đơn vị">{unit.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="Tên viết tắt">{unit.shortName || '—'}</Descriptions.Item>
        <Descriptions.Item label="Tên gọi khác">
          {unit.aliases.length ? unit.aliases.map((a) => <Tag key={a}>{a}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          {unit.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Ngừng hoạt động</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="Số cán bộ">{unit.peopleCount}</Descriptions.Item>
        <Descriptions.Item label="Số đơn vị trực thuộc">{unit.childCount}</Descriptions.Item>
      </Descriptions>

      <div className="kh-page-header">
        <Typography.Title level={3} style={{ fontSize: 18 }}>Cán bộ</Typography.Title>
        {unit.can.managePeople && unit.active && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditingPerson(null); setModal('person'); }}>Thêm cán bộ</Button>
        )}
      </div>
      <PeopleTable
        people={people}
        loading={peopleLoading}
        onEdit={(p) => { setEditingPerson(p); setModal('person'); }}
        emptyText="Đơn vị chưa có cán bộ"
      />

      <UnitFormModal
        open={modal === 'edit'}
        units={units}
        editing={unit}
        onClose={() => setModal(null)}
        onSaved={() => { setModal(null); message.success('Đã lưu thông tin đơn vị.'); refresh(); }}
      />
      <PersonFormModal
        open={modal === 'person'}
        unitId={unit.id}
        editing={editingPerson}
        onClose={() => setModal(null)}
        onSaved={(p) => { setModal(null); message.success(`Đã lưu cán bộ “${p.fullName}”.`); refresh(); }}
      />
      <FormModal<{ parentId: string }>
        title={`Chuyển đơn vị: ${unit.name}`}
        open={modal === 'move'}
        form={moveForm}
        okText="Chuyển"
        initialValues={{ parentId: unit.parentId ?? undefined }}
        onCancel={() => setModal(null)}
        onSubmit={async (v) => {
          await api.post(`/api/org/units/${unit.id}/move`, { parentId: v.parentId });
          setModal(null);
          message.success('Đã chuyển đơn vị.');
          refresh();
        }}
      >
        <Form.Item name="parentId" label="Đơn vị cấp trên mới" rules={[{ required: true, message: 'Chọn đơn vị cấp trên mới.' }]}>
          <UnitTreeSelect
            units={units}
            selectable={(u) => u.can.manage && u.active && !isInside(u.id) && (CHILD_KINDS[u.kind as UnitKindName] ?? []).includes(unit.kind as UnitKindName)}
          />
        </Form.Item>
      </FormModal>
    </>
  );
}
