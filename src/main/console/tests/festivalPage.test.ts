import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';

// The festival page as a component: opening a campaign follows its live progress (the thermometer moves), the ledger
// lists a pending expense with 复核通过, and the server's four-eyes refusal shows in Chinese.
const calls: string[] = [];
let progressListener: ((data: unknown) => void) | null = null;
const campaign = {
  id: '5', theme: '冬至邻里节', festivalDate: '2026-12-21', mainVenue: '广场', branchVenues: [], description: null,
  coverImageUrl: null, deadline: '2026-12-20T00:00:00Z', moneyGoalFen: 300000, fundingRule: 'KEEP_WHAT_YOU_RAISE',
  matchingSponsor: null, matchingCapFen: null, status: 'OPEN',
  progress: { moneyRaisedFen: 0, matchedFen: 0, totalFen: 0, moneyGoalFen: 300000, supporters: 0, items: [], volunteers: [], byContributorKind: [], supportersWall: [] },
};
const ledger = { incomeFen: 0, expensesFen: 0, pendingExpensesFen: 80000, balanceFen: 0, income: [],
  expenses: [{ id: '9', category: '舞台搭建', amountFen: 80000, receiptUrl: null, note: null, status: 'PENDING', createdAt: '2026-12-02T00:00:00Z' }] };

vi.mock('../src/api/client', async () => {
  const { ApiError } = await import('../src/api/errors');
  return {
    api: {
      auth: { state: { account: { staffCommunity: { id: '7', name: '锦城社区' } } } },
      request: async (document: { name: string }) => {
        calls.push(document.name);
        switch (document.name) {
          case 'Campaigns': return { campaigns: { edges: [{ cursor: 'c', node: campaign }], pageInfo: { hasNextPage: false, endCursor: null } } };
          case 'CampaignLedger': return { campaignLedger: ledger };
          case 'CampaignPledgesToConfirm': return { campaignPledgesToConfirm: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } };
          case 'ApproveExpense': throw new ApiError('大额支出须由另一位社区工作者审批', 'FOUR_EYES_REQUIRED');
          default: throw new Error('unexpected ' + document.name);
        }
      },
    },
  };
});
vi.mock('../src/api/live', () => ({
  liveClient: () => ({ dispose: async () => {} }),
  subscribe: (_client: unknown, document: { name: string }, _variables: unknown, onData: (data: unknown) => void) => {
    calls.push('subscribe ' + document.name);
    progressListener = onData;
    return () => {};
  },
}));

describe('festival page', () => {
  it('follows the live thermometer, lists the pending expense and shows the four-eyes refusal', async () => {
    const { default: FestivalPage } = await import('../src/pages/FestivalPage.vue');
    const wrapper = mount(FestivalPage, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flushPromises();
    await wrapper.find('[data-test=campaigns] .el-table__row').trigger('click');
    await flushPromises();
    expect(calls).toContain('subscribe CampaignProgressUpdates');
    progressListener!({ campaignProgress: { moneyRaisedFen: 0, matchedFen: 0, totalFen: 0, moneyGoalFen: 300000, supporters: 0 } });
    progressListener!({ campaignProgress: { moneyRaisedFen: 150000, matchedFen: 0, totalFen: 150000, moneyGoalFen: 300000, supporters: 1 } });
    await flushPromises();
    expect(wrapper.find('[data-test=thermometer-text]').text()).toBe('已筹 ¥1500.00 / 目标 ¥3000.00（50%）（实时）');
    expect(calls.filter((c) => c === 'CampaignLedger')).toHaveLength(2); // opened, then refreshed by the later update

    expect(wrapper.find('[data-test=expense-status]').text()).toBe('待复核');
    await wrapper.find('[data-test=approve-expense]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test=festival-error]').text()).toContain('大额支出须由另一位社区工作者审批');
    wrapper.unmount();
  }, 30_000); // mounting Element Plus on jsdom takes seconds on a loaded machine
});
