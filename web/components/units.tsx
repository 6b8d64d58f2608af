// Loading the unit list and showing it as a tree picker, shared by several pages.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, TreeSelect } from 'antd';
import { buildTree, type TreeNode } from '../../core/org/units.ts';
import { matchesSearch } from '../../core/text/vietnamese.ts';
import { api, ApiError, type Unit } from '../api/client.ts';
import { useSession } from './session.tsx';

export function useUnits(includeInactive = false) {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      const res = await api.get<{ items: Unit[] }>('/api/org/units', { includeInactive: includeInactive || undefined });
      setUnits(res.items);
    } catch (err) {
      if (err instanceof ApiError && err.status !== 401) message.error(err.message);
    } finally {
      setLoading(false);
    }
  }, [includeInactive, message, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, [load]);
  return { units, loading, reload: load };
}

interface PickerNode { value: string; title: string; disabled: boolean; children: PickerNode[] }

function toPicker(nodes: TreeNode<Unit>[], selectable: (u: Unit) => boolean): PickerNode[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.shortName ? `${n.name} (${n.shortName})` : n.name,
    disabled: !selectable(n),
    children: toPicker(n.children, selectable),
  }));
}

interface PickerProps {
  units: Unit[];
  selectable?: (u: Unit) => boolean;
  id?: string;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Pick several units (lead and coordinating units of a task). */
  multiple?: boolean;
}

/** Tree picker of units; units the user may not pick stay visible (for context) but disabled. */
export function UnitTreeSelect({ units, selectable = () => true, multiple, ...rest }: PickerProps) {
  const treeData = useMemo(() => toPicker(buildTree(units), selectable), [units, selectable]);
  return (
    <TreeSelect
      {...rest}
      multiple={multiple}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ filterTreeNode: (input, node) => matchesSearch(String(node.title ?? ''), input) }}
      placeholder={rest.placeholder ?? 'Chọn đơn vị'}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      listHeight={360}
    />
  );
}
