// 需求详情：状态、类别、办理时限与每一步进度（谁、何时、做了什么）；开放中的需求可以附议（每户一次）。
const { showError, toast } = require('../../utils/common');
const { toNeedView } = require('../../utils/need');

async function loadNeed(client, id) {
  const data = await client.request('Need', { id });
  return toNeedView(data.need);
}

const definition = {
  data: { id: '', need: null, busy: false },

  onLoad(query) {
    this.setData({ id: (query && query.id) || '' });
    return this.load();
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh());
  },

  async load() {
    try {
      this.setData({ need: await loadNeed(getApp().client, this.data.id) });
    } catch (err) {
      showError(wx, err);
    }
  },

  async onSupport() {
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      const data = await getApp().client.request('SupportNeed', { input: { needId: this.data.id } });
      toast(wx, data.supportNeed.added ? '已附议' : '本户已附议过');
      await this.load();
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ busy: false });
  },

  onOpenOrder() {
    wx.navigateTo({ url: '/pages/order/detail?id=' + this.data.need.orderId });
  },

  onPreviewPhoto(e) {
    const urls = this.data.need.photoUrls;
    wx.previewImage({ urls, current: urls[Number(e.currentTarget.dataset.index)] });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, loadNeed };
