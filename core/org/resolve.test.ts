import { describe, expect, it } from 'vitest';
import { resolveUnits, type ResolvableUnit } from './resolve.ts';

const u = (id: string, kind: ResolvableUnit['kind'], name: string, shortName = '', aliases: string[] = [], parentId: string | null = 'root'): ResolvableUnit =>
  ({ id, parentId, kind, name, shortName, aliases, active: true });
const units = [
  u('root', 'department', 'Sở Y tế Hà Nội', 'SYT Hà Nội', ['Cơ quan Sở Y tế'], null),
  u('vp', 'division', 'Văn phòng Sở', 'VP', ['Văn phòng']),
  u('tccb', 'division', 'Phòng Tổ chức cán bộ', 'P.TCCB', ['Phòng TCCB', 'Tổ chức cán bộ']),
  u('khtc', 'division', 'Phòng Kế hoạch - Tài chính', 'P.KHTC', ['Phòng KHTC', 'Kế hoạch - Tài chính', 'Kế hoạch tài chính']),
  u('cntt', 'division', 'Phòng Quản lý Bảo hiểm y tế và Công nghệ thông tin', 'P.QLBHYT&CNTT', ['Phòng Quản lý BHYT&CNTT']),
  u('xp', 'unit', 'Bệnh viện Đa khoa Xanh Pôn', 'BV Xanh Pôn'),
  u('cdc', 'unit', 'Trung tâm Kiểm soát bệnh tật Hà Nội', 'CDC Hà Nội', ['CDC']),
  u('team', 'team', 'Phòng CNTT Xanh Pôn', '', [], 'xp'),
];

describe('resolveUnits', () => {
  it('finds units by name, alias and short name, in the order written', () => {
    expect(resolveUnits('Phòng Tổ chức cán bộ, Kế hoạch - Tài chính, Văn phòng Sở', units).unitIds).toEqual(['tccb', 'khtc', 'vp']);
    expect(resolveUnits('Phòng Quản lý BHYT&CNTT Sở ; Phòng/Bộ phận CNTT của đơn vị', units).unitIds).toEqual(['cntt']);
    expect(resolveUnits('Phòng Quản lý bảo hiểm y tế và Công nghệ thông tin;', units).unitIds).toEqual(['cntt']);
  });
  it('expands group phrases to the divisions or the subordinate units directly under the Sở', () => {
    const r = resolveUnits('Phòng Kế hoạch - Tài chính, Văn phòng Sở, các phòng thuộc Sở', units);
    expect(r.unitIds).toEqual(['khtc', 'vp', 'tccb', 'cntt']);
    expect(r.groups).toEqual(['divisions']);
    expect(resolveUnits('Các đơn vị trực thuộc', units).unitIds).toEqual(['xp', 'cdc']);
    expect(resolveUnits('Cơ quan Sở Y tế; các đơn vị trực thuộc', units).unitIds).toEqual(['root', 'xp', 'cdc']);
  });
  it('leaves "… liên quan" and external bodies unresolved, and never guesses', () => {
    const r = resolveUnits('Các phòng, đơn vị liên quan', units);
    expect(r.unitIds).toEqual([]);
    expect(resolveUnits('Phòng TCCB phối hợp Sở Nội vụ', units)).toMatchObject({ unitIds: ['tccb'], unresolved: ['noi vu'] });
    expect(resolveUnits('', units).unitIds).toEqual([]);
  });
});
