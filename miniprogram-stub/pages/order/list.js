// 我的订单：按状态筛选，上拉加载更多、下拉刷新，点进详情。
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { STATUS_LABELS, statusLabel, toOrderItem } = require('../../utils/order');

// 筛选标签：第一个是“全部”。
const STATUS_TABS = [{ value: '', label: '全部' }].concat(
  Object.keys(STATUS_LABELS).map((value) => ({ value, label: STATUS_LABELS[value] }))
);

// 一页订单：{ items, pageInfo }。
async function loadOrders(client, status, paging) {
  const data = await client.request('MyOrders', Object.assign({ status: status || null }, paging));
  return connectionPage(data.myOrders, toOrderItem);
}

const orders = createPagedList({
  itemsKey: 'orders',
  fetch: (page, paging) => loadOrders(getApp().client, page.data.status, paging)
});

const definition = {
  data: Object.assign({ tabs: STATUS_TABS, status: '' }, orders.initialData()),

  onShow() {
    return this.load();
  },

  load() {
    return orders.reload(this, wx);
  },

  onReachBottom() {
    return orders.loadMore(this, wx);
  },

  onPullDownRefresh() {
    return orders.refresh(this, wx);
  },

  onTab(e) {
    this.setData({ status: e.currentTarget.dataset.value });
    return this.load();
  },

  onOpen(e) {
    wx.navigateTo({ url: '/pages/order/detail?id=' + e.currentTarget.dataset.id });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, orders, STATUS_LABELS, STATUS_TABS, statusLabel, toOrderItem, loadOrders };
