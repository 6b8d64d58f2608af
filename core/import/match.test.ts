// Unit names as plans write them, matched to an org tree: exact names, aliases, abbreviations, groups, outside bodies.
import { describe, expect, it } from 'vitest';
import type { ResolvableUnit } from '../org/resolve.ts';
import { matchUnitName } from './match.ts';

const unit = (id: string, kind: ResolvableUnit['kind'], name: string, shortName = '', aliases: string[] = []): ResolvableUnit =>
  ({ id, parentId: id === 'so' ? null : 'so', kind, name, shortName, aliases, active: true });
const units = [
  unit('so', 'department', 'Sở Y tế Hà Nội'),
  unit('vp', 'division', 'Văn phòng Sở', 'VP'),
  unit('tccb', 'division', 'Phòng Tổ chức cán bộ'),
  unit('khtc', 'division', 'Phòng Kế hoạch - Tài chính'),
  unit('qlbh', 'division', 'Phòng Quản lý bảo hiểm y tế và Công nghệ thông tin'),
  unit('cdc', 'unit', 'Trung tâm Kiểm soát bệnh tật Hà Nội', 'CDC Hà Nội', ['Trung tâm Kiểm soát bệnh tật']),
  unit('xp', 'unit', 'Bệnh viện Xanh Pôn'),
];

describe('matching unit names', () => {
  it.each([
    ['Văn phòng Sở', 'unit', ['vp'], 1],
    ['Phòng kế hoạch tài chính', 'unit', ['khtc'], 1],
    ['Kế hoạch - Tài chính', 'unit', ['khtc'], 0.9],
    ['Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin Sở', 'unit', ['qlbh'], 0.9],
    ['Trung tâm Kiểm soát bệnh tật', 'unit', ['cdc'], 1],
    ['P.KHTC', 'unit', ['khtc'], 0.8],
    ['Phòng QLBHYT&CNTT', 'unit', ['qlbh'], 0.8],
    ['TCCB', 'unit', ['tccb'], 0.8],
    ['VP', 'unit', ['vp'], 1],
    ['Sở Tài chính', 'external', [], 0.7],
    ['Bộ Y tế', 'external', [], 0.7],
    ['Trạm Y tế xã Mỹ Hiệp', 'new', [], 0],
  ])('%s', (name, kind, unitIds, confidence) => {
    expect(matchUnitName(name, units)).toMatchObject({ kind, unitIds, confidence });
  });

  it('expands group phrases to the units they name', () => {
    const m = matchUnitName('các đơn vị trực thuộc', units);
    expect(m.kind).toBe('group');
    expect(m.unitIds.sort()).toEqual(['cdc', 'xp']);
  });
});
