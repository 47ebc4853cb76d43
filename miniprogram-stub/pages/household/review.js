// 审核一份房屋认证申请（户主或社区工作者；通知里的链接 pages/household/review?id=）：申请人的昵称、实名、
// 电话（服务端给出完整号码，方便打电话核实）与证明照片；通过，或填写原因后驳回。
const { showError, toast } = require('../../utils/common');
const { userMessage } = require('../../utils/graphql');
const { toRequestView, validateReason } = require('../../utils/onboarding');

const definition = {
  data: { id: '', request: null, error: '', decideError: '', reason: '', busy: false },

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
      this.setData({ error: userMessage(err) });
    }
  },

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  onReasonInput(e) {
    this.setData({ reason: e.detail.value });
  },

  onCall() {
    if (this.data.request && this.data.request.applicantPhone && typeof wx.makePhoneCall === 'function') {
      wx.makePhoneCall({ phoneNumber: this.data.request.applicantPhone });
    }
  },

  onPreview() {
    const url = this.data.request && this.data.request.proofPhotoUrl;
    if (url && typeof wx.previewImage === 'function') wx.previewImage({ urls: [url], current: url });
  },

  async send(operation, input, resultKey, successText) {
    if (this.data.busy) return;
    this.setData({ busy: true, decideError: '' });
    try {
      const data = await getApp().client.request(operation, { input });
      this.setData({ request: toRequestView(data[resultKey]) });
      wx.showToast({ title: successText, icon: 'success' });
    } catch (err) {
      // 如 HOUSEHOLD_HAS_HEAD（申请仍待审核）、VERIFICATION_INVALID_TRANSITION（别人已处理）：说明原因并刷新状态。
      showError(wx, err);
      await this.load();
      this.setData({ decideError: userMessage(err) });
    }
    this.setData({ busy: false });
  },

  onApprove() {
    return this.send('ApproveVerificationRequest', { requestId: this.data.id }, 'approveVerificationRequest', '已通过');
  },

  onReject() {
    const error = validateReason(this.data.reason);
    if (error) return toast(wx, error);
    return this.send(
      'RejectVerificationRequest',
      { requestId: this.data.id, reason: this.data.reason.trim() },
      'rejectVerificationRequest',
      '已驳回'
    );
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition };
