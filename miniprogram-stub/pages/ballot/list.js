// 社区投票（一户三票）：我所在社区的投票，分“进行中”和“已结束”两栏；每条显示本户是否已投。
// 社区取自“我的房屋”（多个社区时可切换）；列表用 utils/paged-list.js，上拉加载更多。
const { showError } = require('../../utils/common');
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { toListItem } = require('../../utils/ballot');

const TABS = [
  { key: 'open', label: '进行中', status: ['OPEN', 'SCHEDULED'] },
  { key: 'closed', label: '已结束', status: ['CLOSED'] }
];

const list = createPagedList({
  itemsKey: 'ballots',
  fetch: async (page, paging) => {
    const community = page.data.communities[page.data.communityIndex];
    if (!community) return { items: [], pageInfo: null };
    const variables = Object.assign({ communityId: community.id, status: TABS[page.data.tabIndex].status }, paging);
    return connectionPage((await getApp().client.request('Ballots', variables)).ballots, toListItem);
  }
});

/** 我所在的社区（去重，按“我的房屋”的顺序）。 */
function communitiesOf(households) {
  const seen = new Set();
  const result = [];
  for (const h of households || []) {
    if (h.community && !seen.has(h.community.id)) {
      seen.add(h.community.id);
      result.push({ id: h.community.id, name: h.community.name });
    }
  }
  return result;
}

const definition = {
  data: Object.assign({ tabs: TABS, tabIndex: 0, communities: [], communityIndex: 0, loaded: false }, list.initialData()),

  async onShow() {
    try {
      const me = (await getApp().client.request('MyHouseholds')).me;
      this.setData({ communities: communitiesOf(me.households), loaded: true });
    } catch (err) {
      this.setData({ loaded: true });
      showError(wx, err);
      return;
    }
    return list.reload(this, wx);
  },

  onTab(e) {
    this.setData({ tabIndex: Number(e.currentTarget.dataset.index) });
    return list.reload(this, wx);
  },

  onCommunity(e) {
    this.setData({ communityIndex: Number(e.detail.value) });
    return list.reload(this, wx);
  },

  onReachBottom() {
    return list.loadMore(this, wx);
  },

  async onPullDownRefresh() {
    await list.reload(this, wx);
    wx.stopPullDownRefresh();
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, communitiesOf, TABS };
