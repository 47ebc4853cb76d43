import type { ManagedCommunityTreeResult, PlaceKind } from '../generated/operations';

// 住户 · 社区结构: the community tree as el-tree nodes, what can be added under each node, and the name rules
// (the server checks them too; the console says so before sending).
export type ManagedCommunity = NonNullable<ManagedCommunityTreeResult['community']>;
export type StaffMember = ManagedCommunity['staff'][number];

export interface TreeNode {
  key: string;
  kind: PlaceKind;
  id: string;
  label: string;
  retired: boolean;
  children: TreeNode[];
}

export const KIND_NAMES: Record<PlaceKind, string> = {
  STREET: '街道', COMMUNITY: '社区', ESTATE: '小区', BUILDING: '楼栋', UNIT: '单元', HOUSEHOLD: '户',
};

const CHILD: Partial<Record<PlaceKind, PlaceKind>> = { COMMUNITY: 'ESTATE', ESTATE: 'BUILDING', BUILDING: 'UNIT', UNIT: 'HOUSEHOLD' };
const MAX_LENGTH: Partial<Record<PlaceKind, number>> = { ESTATE: 100, BUILDING: 50, UNIT: 50, HOUSEHOLD: 20 };

/** What staff may add under a node (nothing under a household or a retired place). */
export function childKind(node: Pick<TreeNode, 'kind' | 'retired'>): PlaceKind | null {
  return node.retired ? null : CHILD[node.kind] ?? null;
}

export function placeNameError(kind: PlaceKind, name: string | null | undefined): string | null {
  const text = (name ?? '').trim();
  const what = kind === 'HOUSEHOLD' ? '房号' : `${KIND_NAMES[kind]}名称`;
  if (!text) return `请填写${what}`;
  const max = MAX_LENGTH[kind] ?? 100;
  if (text.length > max) return `${what}不能超过 ${max} 个字`;
  return null;
}

const node = (kind: PlaceKind, id: string, label: string, retiredAt: string | null, children: TreeNode[] = []): TreeNode =>
  ({ key: `${kind}:${id}`, kind, id, label, retired: !!retiredAt, children });

export function toTree(community: ManagedCommunity): TreeNode[] {
  return [node('COMMUNITY', community.id, community.name, community.retiredAt,
    community.estates.map((e) => node('ESTATE', e.id, e.name, e.retiredAt,
      e.buildings.map((b) => node('BUILDING', b.id, b.name, b.retiredAt,
        b.units.map((u) => node('UNIT', u.id, u.name, u.retiredAt,
          u.households.map((h) => node('HOUSEHOLD', h.id, h.room, h.retiredAt)))))))))];
}

/** Counts for the header: places in use (retired ones are shown but not counted). */
export function countInUse(community: ManagedCommunity): { estates: number; buildings: number; units: number; households: number } {
  const live = <T extends { retiredAt: string | null }>(list: T[]) => list.filter((p) => !p.retiredAt);
  const estates = live(community.estates);
  const buildings = estates.flatMap((e) => live(e.buildings));
  const units = buildings.flatMap((b) => live(b.units));
  return { estates: estates.length, buildings: buildings.length, units: units.length, households: units.flatMap((u) => live(u.households)).length };
}

/** The buildings staff may put in a grid: in use, labelled with their estate. */
export function gridChoices(community: ManagedCommunity): Array<{ id: string; label: string }> {
  return community.estates.filter((e) => !e.retiredAt)
    .flatMap((e) => e.buildings.filter((b) => !b.retiredAt).map((b) => ({ id: b.id, label: `${e.name} ${b.name}` })));
}

/** A grid in words: "锦江苑 1栋、2栋" style, or 未分网格. */
export function gridText(member: StaffMember): string {
  return member.grid.length ? member.grid.map((b) => b.name).join('、') : '未分网格';
}
