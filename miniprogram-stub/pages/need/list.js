// 我的需求：本户提交或社区入户收集的需求，上拉加载更多、下拉刷新，点进详情看每一步。
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { toNeedItem } = require('../../utils/need');

async function loadNeeds(client, paging) {
  const data = await client.request('MyNeeds', paging);
  return connectionPage(data.myNeeds, toNeedItem);
}

const needs = createPagedList({
  itemsKey: 'needs',
  fetch: (page, paging) => loadNeeds(getApp().client, paging)
});

const definition = {
  data: Object.assign({}, needs.initialData()),

  onShow() {
    return this.load();
  },

  load() {
    return needs.reload(this, wx);
  },

  onReachBottom() {
    return needs.loadMore(this, wx);
  },

  onPullDownRefresh() {
    return needs.refresh(this, wx);
  },

  onOpen(e) {
    wx.navigateTo({ url: '/pages/need/detail?id=' + e.currentTarget.dataset.id });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, needs, loadNeeds };
