// 一份房屋认证申请（通知里的链接 pages/household/request?id=）：状态、驳回原因；待审核时可撤回。
const { showError } = require('../../utils/common');
const { userMessage } = require('../../utils/graphql');
const { toRequestView, confirmAction } = require('../../utils/onboarding');

const definition = {
  data: { id: '', request: null, error: '', busy: false },

  onLoad(query) {
    this.setData({ id: (query && query.id) || '' });
    return this.load();
  },

  async load() {
    if (!this.data.id) {
      this.setData({ error: '缺少申请编号' });
      return;
    }
    try {
      const data = await getApp().client.request('VerificationRequest', { id: this.data.id });
      this.setData({ request: toRequestView(data.verificationRequest), error: '' });
    } catch (err) {
      // 不存在或无权查看：页面上说明，而不是一直“加载中…”。
      this.setData({ error: userMessage(err) });
    }
  },

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  async onWithdraw() {
    if (this.data.busy || !this.data.request) return;
    if (!(await confirmAction(wx, '撤回这份认证申请？'))) return;
    this.setData({ busy: true });
    try {
      const data = await getApp().client.request('WithdrawVerificationRequest', { input: { requestId: this.data.id } });
      this.setData({ request: toRequestView(data.withdrawVerificationRequest) });
      wx.showToast({ title: '已撤回', icon: 'success' });
    } catch (err) {
      showError(wx, err);
      await this.load();
    }
    this.setData({ busy: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition };
