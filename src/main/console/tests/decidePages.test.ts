import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';

// The triage board and the ballot page as components, on a mocked API: triaging a need moves its row and shows the
// due date the server set; a ballot's live results replace the shown ones; the server's Chinese refusal shows.
const calls: { name: string; variables: any }[] = [];
let resultsListener: ((data: unknown) => void) | null = null;
const need = {
  id: '3', description: '楼道灯不亮', placeName: null, photoUrls: [], status: 'SUBMITTED', statusName: '待分流', kind: null,
  kindName: null, level: null, levelName: null, dueAt: null, overdue: false, escalated: false, escalatedAt: null,
  collectedByStaff: false, supporterCount: 1, mergedIntoId: null, orderId: null, createdAt: '2026-12-02T08:00:00Z',
  updatedAt: '2026-12-02T08:00:00Z', household: { id: 'h1', label: '锦江苑 1栋1单元101' }, community: { id: '7', name: '锦城社区' },
  meeting: null, timeline: [],
};
const results = (voted: number) => ({
  ballotId: '11', status: 'OPEN', eligibleHouseholds: 24, votedHouseholds: voted, turnoutPercent: voted ? 4.2 : 0,
  turnoutMet: false, majorityMet: voted > 0, passed: false, leading: null,
  options: [{ option: { id: 'o1', position: 1, label: '增设楼道灯' }, votes: voted, points: voted, sharePercent: voted ? 100 : 0 }],
  estates: [{ estateId: 'e1', estateName: '锦江苑', eligibleHouseholds: 12, votedHouseholds: voted, turnoutPercent: voted ? 8.3 : 0 }],
});
const ballot = {
  id: '11', communityId: '7', kind: 'NEEDS', pickMode: 'SINGLE', maxPicks: 1, title: '明年先办哪件事', description: null,
  subjectKind: 'NEED_LIST', subjectId: null, status: 'OPEN', opensAt: '2026-12-02T08:00:00Z', closesAt: '2026-12-09T08:00:00Z',
  remindHoursBefore: 24, minTurnoutPercent: 50, majorityPercent: 50, openedAt: '2026-12-02T08:00:00Z', closedAt: null,
  createdAt: '2026-12-02T08:00:00Z', options: [], myHouseholds: [], results: results(0),
};

vi.mock('../src/api/client', async () => {
  const { ApiError } = await import('../src/api/errors');
  const page = (key: string, nodes: unknown[]) => ({ [key]: { edges: nodes.map((node) => ({ cursor: 'c', node })), pageInfo: { hasNextPage: false, endCursor: null } } });
  return {
    api: {
      auth: { state: { account: { staffCommunity: { id: '7', name: '锦城社区' } } } },
      request: async (document: { name: string }, variables: any) => {
        calls.push({ name: document.name, variables });
        switch (document.name) {
          case 'CommunityNeeds': return page('communityNeeds', [need]);
          case 'NeedTriageRules': return { needTriageRules: [{ kind: 'URGENT', level: 'URGENT', dueWithinHours: 24, isDefault: true }] };
          case 'ServiceCategories': return { serviceCategories: [] };
          case 'TriageNeed': return { triageNeed: { ...need, status: 'TRIAGED', statusName: '处理中', kind: 'URGENT', kindName: '急事',
            level: 'URGENT', levelName: '紧急', dueAt: '2026-12-03T08:00:00Z' } };
          case 'Ballots': return page('ballots', [ballot]);
          case 'Ballot': return { ballot };
          case 'Projects': return page('projects', []);
          case 'CloseBallot': throw new ApiError('投票已结束，不能再操作', 'BALLOT_INVALID_TRANSITION');
          default: throw new Error('unexpected ' + document.name);
        }
      },
    },
  };
});
vi.mock('../src/api/live', () => ({
  liveClient: () => ({ on: () => () => {}, dispose: async () => {} }),
  subscribe: (_client: unknown, document: { name: string }, variables: unknown, onData: (data: unknown) => void) => {
    calls.push({ name: 'subscribe ' + document.name, variables });
    resultsListener = onData;
    return () => {};
  },
}));

const click = (selector: string) => (document.querySelector(selector) as HTMLElement).click();
const buttonWithText = (root: ParentNode, text: string) =>
  [...root.querySelectorAll('label, button')].find((el) => el.textContent?.trim() === text) as HTMLElement;

describe('居民议事 pages', () => {
  it('triage: the row moves to 处理中 and shows the due date the server set', async () => {
    const { default: NeedTriagePage } = await import('../src/pages/NeedTriagePage.vue');
    const wrapper = mount(NeedTriagePage, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.find('[data-test=need-status]').text()).toBe('待分流');
    await wrapper.find('[data-test=triage]').trigger('click');
    await flushPromises();
    const dialog = document.querySelector('[data-test=triage-dialog]')!;
    buttonWithText(dialog, '急事').click();
    buttonWithText(dialog, '紧急').click();
    await flushPromises();
    expect(dialog.textContent).toContain('24 小时内办结');
    click('[data-test=triage-save]');
    await flushPromises();
    expect(calls.find((c) => c.name === 'TriageNeed')?.variables).toEqual({ input: { needId: '3', kind: 'URGENT', level: 'URGENT', note: null } });
    expect(wrapper.find('[data-test=need-status]').text()).toBe('处理中');
    expect(wrapper.find('[data-test=need-kind]').text()).toBe('急事 · 紧急');
    expect(wrapper.find('[data-test=need-due]').text()).not.toBe('—');
    wrapper.unmount();
  }, 30_000);

  it('ballot: live results replace the shown ones; a refusal shows the server\'s message', async () => {
    const { default: BallotsPage } = await import('../src/pages/BallotsPage.vue');
    const wrapper = mount(BallotsPage, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flushPromises();
    await wrapper.find('[data-test=ballots] .el-table__row').trigger('click');
    await flushPromises();
    expect(calls.some((c) => c.name === 'subscribe BallotResultsUpdates')).toBe(true);
    expect(wrapper.find('[data-test=ballot-summary]').text()).toContain('参与 0 / 24 户');
    resultsListener!({ ballotResults: results(1) });
    await flushPromises();
    expect(wrapper.find('[data-test=ballot-summary]').text()).toContain('参与 1 / 24 户（4.2%）');
    expect(wrapper.find('[data-test=ballot-verdict]').text()).toBe('目前：未通过（参与率不足）');
    expect(wrapper.find('[data-test=ballot-estates]').text()).toContain('8.3%');
    await wrapper.find('[data-test=close-ballot]').trigger('click');
    await flushPromises();
    expect(document.body.textContent).toContain('投票已结束，不能再操作');
    wrapper.unmount();
  }, 30_000);
});
