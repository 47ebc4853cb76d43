import { describe, expect, it } from 'vitest';
import { childKind, countInUse, gridChoices, gridText, placeNameError, toTree, type ManagedCommunity } from '../src/stores/tree';
import { importFileError, reportSummary, rowPlace, type ImportRow } from '../src/stores/householdImport';

const community = {
  id: 'c1', name: '锦城社区', address: '玉林北路', retiredAt: null, householdCount: 3,
  staff: [{ id: 's1', nickname: '李书记', title: '社区书记', grid: [] }, { id: 's2', nickname: '陈', title: '网格员', grid: [{ id: 'b1', name: '1栋' }, { id: 'b2', name: '2栋' }] }],
  estates: [
    { id: 'e1', name: '锦江苑', retiredAt: null, buildings: [
      { id: 'b1', name: '1栋', retiredAt: null, units: [{ id: 'u1', name: '1单元', retiredAt: null, households: [
        { id: 'h1', room: '101', label: '锦江苑1栋1单元101', retiredAt: null },
        { id: 'h2', room: '102', label: '锦江苑1栋1单元102', retiredAt: '2026-11-01T00:00:00Z' }] }] },
      { id: 'b2', name: '2栋', retiredAt: '2026-11-01T00:00:00Z', units: [] }] },
  ],
} as unknown as ManagedCommunity;

describe('community tree', () => {
  it('turns the community into nested nodes with kinds and retired marks', () => {
    const [root] = toTree(community);
    expect(root.key).toBe('COMMUNITY:c1');
    const building = root.children[0].children[0];
    expect(building.kind).toBe('BUILDING');
    expect(building.children[0].children.map((h) => [h.label, h.retired])).toEqual([['101', false], ['102', true]]);
    expect(root.children[0].children[1].retired).toBe(true);
  });

  it('says what may be added under each place: nothing under a household or a retired place', () => {
    expect(childKind({ kind: 'COMMUNITY', retired: false })).toBe('ESTATE');
    expect(childKind({ kind: 'UNIT', retired: false })).toBe('HOUSEHOLD');
    expect(childKind({ kind: 'HOUSEHOLD', retired: false })).toBeNull();
    expect(childKind({ kind: 'BUILDING', retired: true })).toBeNull();
  });

  it('checks names with the server limits and Chinese messages', () => {
    expect(placeNameError('ESTATE', ' ')).toBe('请填写小区名称');
    expect(placeNameError('HOUSEHOLD', '')).toBe('请填写房号');
    expect(placeNameError('HOUSEHOLD', '1'.repeat(21))).toBe('房号不能超过 20 个字');
    expect(placeNameError('BUILDING', '3栋')).toBeNull();
  });

  it('counts places in use only, offers buildings in use for grids and names a grid', () => {
    expect(countInUse(community)).toEqual({ estates: 1, buildings: 1, units: 1, households: 1 });
    expect(gridChoices(community)).toEqual([{ id: 'b1', label: '锦江苑 1栋' }]);
    expect(gridText(community.staff[0])).toBe('未分网格');
    expect(gridText(community.staff[1])).toBe('1栋、2栋');
  });
});

describe('household import', () => {
  it('takes only non-empty .xlsx or .csv files within 5 MB', () => {
    expect(importFileError(null)).toBe('请选择要导入的文件');
    expect(importFileError({ name: '住户.xls', size: 10 })).toBe('只能导入 .xlsx 或 .csv 文件');
    expect(importFileError({ name: '住户.CSV', size: 0 })).toBe('文件是空的');
    expect(importFileError({ name: '住户.xlsx', size: 6 * 1024 * 1024 })).toBe('文件不能超过 5 MB');
    expect(importFileError({ name: '住户.xlsx', size: 100 })).toBeNull();
  });

  it('lets staff commit only a clean dry run with new households, once', () => {
    const base = { rowCount: 3, newCount: 2, alreadyThereCount: 1, invalidCount: 0, status: 'CHECKED' as const };
    expect(reportSummary(base)).toEqual({ text: '共 3 行：新增 2 户，已存在 1 户，有误 0 行', canCommit: true });
    expect(reportSummary({ ...base, invalidCount: 1 }).canCommit).toBe(false);
    expect(reportSummary({ ...base, invalidCount: 1 }).text).toContain('请改正有误的行后重新上传');
    expect(reportSummary({ ...base, newCount: 0 }).canCommit).toBe(false);
    expect(reportSummary({ ...base, status: 'COMMITTED' })).toEqual({ text: '共 3 行：新增 2 户，已存在 1 户，有误 0 行（已导入）', canCommit: false });
  });

  it('writes a row as its address', () => {
    expect(rowPlace({ estate: '锦江苑', building: '1栋', unit: null, room: '101' } as unknown as ImportRow)).toBe('锦江苑 1栋 101');
  });
});
