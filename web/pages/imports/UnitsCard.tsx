// "Ghép tên đơn vị": every unit name the appendix writes, kehoach's match and how sure it is, and the
// person's choice: units from the org tree, an outside body, a new unit, or ignore.
import { useMemo } from 'react';
import { Card, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { Unit } from '../../api/client.ts';
import { UnitTreeSelect } from '../../components/units.tsx';
import type { UnitChoice, UnitMatchView } from './types.ts';

type Mode = 'auto' | 'pick' | 'external' | 'new' | 'ignore';

interface Props {
  matches: UnitMatchView[];
  /** Names typed since the last save: kehoach matches them when the draft is saved. */
  unsaved: string[];
  unitMap: Record<string, UnitChoice>;
  onChoose: (name: string, choice: UnitChoice | null) => void;
  units: Unit[];
  errors: Record<string, string>;
  phone: boolean;
}

export function confidenceTag(m: Pick<UnitMatchView, 'confidence' | 'kind'>) {
  if (m.confidence >= 0.8) return <Tag color="green">Khớp</Tag>;
  if (m.confidence > 0 || m.kind === 'external') return <Tag color="gold">Cần xem</Tag>;
  return <Tag color="red">Chưa khớp</Tag>;
}

const modeOf = (c: UnitChoice | undefined): Mode =>
  !c ? 'auto' : c.kind === 'unit' || c.kind === 'group' ? 'pick' : c.kind;

export default function UnitsCard({ matches, unsaved, unitMap, onChoose, units, errors, phone }: Props) {
  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const rows = useMemo(() => [
    ...matches,
    ...unsaved.map((name): UnitMatchView => ({ name, kind: 'new', unitIds: [], confidence: -1, choice: null })),
  ], [matches, unsaved]);
  const described = (m: UnitMatchView) => {
    if (m.confidence < 0) return <span className="kh-muted">Lưu nháp để kehoach tìm đơn vị</span>;
    if (m.kind === 'external') return <span>Cơ quan ngoài ngành</span>;
    if (!m.unitIds.length) return <span className="kh-muted">Không tìm thấy trong cơ cấu tổ chức</span>;
    const list = m.unitIds.map((id) => names.get(id) ?? 'Đơn vị').join('; ');
    return m.kind === 'group' ? <Tooltip title={list}><span>Nhóm {m.unitIds.length} đơn vị</span></Tooltip> : <span>{list}</span>;
  };
  const control = (m: UnitMatchView) => {
    const choice = unitMap[m.name];
    const mode = modeOf(choice);
    const autoLabel = m.confidence >= 0.8 ? 'Theo gợi ý của kehoach' : 'Chưa chọn (không gắn đơn vị)';
    return (
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Select<Mode>
          aria-label={`Cách ghép “${m.name}”`} value={mode} style={{ width: '100%' }}
          onChange={(v) => onChoose(m.name, v === 'auto' ? null : v === 'pick'
            ? { kind: m.unitIds.length > 1 ? 'group' : 'unit', unitIds: m.unitIds }
            : { kind: v })}
          options={[
            { value: 'auto', label: autoLabel }, { value: 'pick', label: 'Chọn đơn vị trong cơ cấu tổ chức' },
            { value: 'external', label: 'Cơ quan ngoài ngành' }, { value: 'new', label: 'Thêm đơn vị mới' }, { value: 'ignore', label: 'Bỏ qua' },
          ]}
        />
        {mode === 'pick' && (
          <UnitTreeSelect multiple units={units} selectable={(u) => u.active} value={choice?.unitIds ?? []} placeholder="Chọn một hoặc nhiều đơn vị"
            onChange={(v) => { const ids = v as string[]; onChoose(m.name, { kind: ids.length > 1 ? 'group' : 'unit', unitIds: ids }); }} />
        )}
        {errors[`unitMap.${m.name}`] && <span className="kh-imp-error-text">{errors[`unitMap.${m.name}`]}</span>}
      </Space>
    );
  };
  const low = (m: UnitMatchView) => m.confidence < 0.8 && !unitMap[m.name];
  return (
    <Card size="small" title={`Ghép tên đơn vị (${rows.length})`} style={{ marginBottom: 16 }}
      extra={<span className="kh-muted">{rows.filter(low).length} tên cần xem</span>}>
      <Table<UnitMatchView>
        size="small" pagination={false} rowKey="name" dataSource={rows} className="kh-imp-units kh-imp-table"
        rowClassName={(m) => (low(m) || errors[`unitMap.${m.name}`] ? 'kh-imp-low' : '')}
        columns={phone ? [{
          title: 'Tên trong văn bản', key: 'all', render: (_, m) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap size={4}><b>{m.name}</b>{m.confidence >= 0 && confidenceTag(m)}</Space>
              <span className="kh-muted">kehoach ghép: {described(m)}</span>
              {control(m)}
            </Space>
          ),
        }] : [
          { title: 'Tên trong văn bản', dataIndex: 'name', width: '26%', render: (v: string) => <b>{v}</b> },
          { title: 'kehoach ghép với', key: 'match', width: '28%', render: (_, m) => described(m) },
          { title: 'Mức khớp', key: 'conf', width: 110, render: (_, m) => m.confidence >= 0 && <Tooltip title={`Độ tin cậy ${Math.round(m.confidence * 100)}%`}>{confidenceTag(m)}</Tooltip> },
          { title: 'Cách ghép', key: 'choice', render: (_, m) => control(m) },
        ]}
      />
    </Card>
  );
}
