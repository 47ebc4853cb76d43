// 我的订单：按状态筛选，点进详情。
const { nodesOf, showError } = require('../../utils/common');
const { STATUS_LABELS, statusLabel, toOrderItem } = require('../../utils/order');

// 筛选标签：第一个是“全部”。
const STATUS_TABS = [{ value: '', label: '全部' }].concat(
  Object.keys(STATUS_LABELS).map((value) => ({ value, label: STATUS_LABELS[value] }))
);

async function loadOrders(client, status) {
  const data = await client.request('MyOrders', { status: status || null, first: 50 });
  return nodesOf(data.myOrders).map(toOrderItem);
}

const definition = {
  data: { tabs: STATUS_TABS, status: '', orders: [], loading: true },

  onShow() {
    return this.load();
  },

  async load() {
    this.setData({ loading: true });
    try {
      this.setData({ orders: await loadOrders(getApp().client, this.data.status), loading: false });
    } catch (err) {
      this.setData({ loading: false });
      showError(wx, err);
    }
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

module.exports = { definition, STATUS_LABELS, STATUS_TABS, statusLabel, toOrderItem, loadOrders };
