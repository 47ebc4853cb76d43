// 我的兑换券：二维码图片（服务端提供时）+ 大字券码，未使用的可以退回；下拉刷新。
const { formatTime, showError } = require('../../utils/common');
const { createPagedList } = require('../../utils/paged-list');

const VOUCHER_STATUS_LABELS = Object.freeze({ ISSUED: '未使用', USED: '已核销', CANCELLED: '已取消', EXPIRED: '已过期' });

// 二维码里放的内容；商家扫码后核销页会去掉前缀。
function voucherQrPayload(code) {
  return 'linli:voucher:' + code;
}

// 服务端生成的二维码图片（data:image/png;base64,…）；没有或不合法时返回 ''，页面改显示二维码内容文本。
function voucherQrImage(v) {
  const url = v && v.qrCodeDataUrl;
  return typeof url === 'string' && /^data:image\/png;base64,/.test(url) ? url : '';
}

function toVoucherItem(v) {
  return {
    id: v.id,
    code: v.code,
    qr: voucherQrPayload(v.code),
    qrImage: voucherQrImage(v),
    status: v.status,
    statusText: VOUCHER_STATUS_LABELS[v.status] || v.status,
    usable: v.status === 'ISSUED',
    title: v.reward ? v.reward.title : '',
    supplierName: v.reward && v.reward.supplier ? v.reward.supplier.name : '',
    pointsPaid: v.pointsPaid,
    expiresAt: formatTime(v.expiresAt),
    usedAt: formatTime(v.usedAt)
  };
}

// 服务端的 myVouchers 不分页（一次给出最近 200 张，没有 first/after/pageInfo），所以只有一页：
// 上拉到底直接显示“没有更多了”，下拉刷新照常。服务端改成连接后，这里像其他列表一样返回 pageInfo 即可。
const vouchers = createPagedList({
  itemsKey: 'vouchers',
  fetch: async () => ({ items: ((await getApp().client.request('MyVouchers', {})).myVouchers || []).map(toVoucherItem) })
});

const definition = {
  data: Object.assign({ busy: false }, vouchers.initialData()),

  onShow() {
    return this.load();
  },

  load() {
    return vouchers.reload(this, wx);
  },

  onReachBottom() {
    return vouchers.loadMore(this, wx);
  },

  onPullDownRefresh() {
    return vouchers.refresh(this, wx);
  },

  async onCancel(e) {
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      await getApp().client.request('CancelVoucher', { input: { voucherId: e.currentTarget.dataset.id } });
      wx.showToast({ title: '已退回积分', icon: 'success' });
      await this.load();
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ busy: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, vouchers, voucherQrPayload, voucherQrImage, toVoucherItem, VOUCHER_STATUS_LABELS };
