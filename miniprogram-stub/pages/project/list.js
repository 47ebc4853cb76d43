// 项目清单：我所在社区的项目（本社区居民都能看），显示状态、预算和里程碑进度；点开看详情。
// 社区取自“我的房屋”（多个社区时可切换）；列表用 utils/paged-list.js，上拉加载更多。
const { showError } = require('../../utils/common');
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { toListItem } = require('../../utils/project');
const { communitiesOf } = require('../ballot/list');

const list = createPagedList({
  itemsKey: 'projects',
  fetch: async (page, paging) => {
    const community = page.data.communities[page.data.communityIndex];
    if (!community) return { items: [], pageInfo: null };
    const variables = Object.assign({ communityId: community.id }, paging);
    return connectionPage((await getApp().client.request('Projects', variables)).projects, toListItem);
  }
});

const definition = {
  data: Object.assign({ communities: [], communityIndex: 0, loaded: false }, list.initialData()),

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

  onCommunity(e) {
    this.setData({ communityIndex: Number(e.detail.value) });
    return list.reload(this, wx);
  },

  onOpenResources() {
    const community = this.data.communities[this.data.communityIndex];
    if (community) wx.navigateTo({ url: '/pages/project/resources?communityId=' + community.id });
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

module.exports = { definition };
