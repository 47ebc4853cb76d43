// 资源清单：合伙人和驻区单位向社区提供的场地、资金、技能、志愿服务时长和物资（本社区居民可以看，已撤回的不显示）。
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { toResourceItem } = require('../../utils/project');

const list = createPagedList({
  itemsKey: 'resources',
  fetch: async (page, paging) => {
    if (!page.data.communityId) return { items: [], pageInfo: null };
    const variables = Object.assign({ communityId: page.data.communityId }, paging);
    return connectionPage((await getApp().client.request('CommunityResources', variables)).communityResources,
      toResourceItem);
  }
});

const definition = {
  data: Object.assign({ communityId: '' }, list.initialData()),

  onLoad(query) {
    this.setData({ communityId: (query && query.communityId) || '' });
  },

  onShow() {
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

module.exports = { definition };
