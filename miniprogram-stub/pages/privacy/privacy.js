// 隐私保护指引：展示服务端当前版本的指引，用户点“同意并继续”后记录同意（微信侧与服务端），回到打开它的页面。
const { userMessage } = require('../../utils/graphql');
const { paragraphsOf } = require('../../utils/privacy');

const definition = {
  data: {
    policy: null,
    paragraphs: [],
    accepted: false,
    saving: false
  },

  onLoad() {
    this.answered = false;
    return this.load();
  },

  async load() {
    try {
      const status = await getApp().privacy.status();
      this.setData({ policy: status.policy, paragraphs: paragraphsOf(status.policy.body), accepted: status.accepted });
    } catch (err) {
      wx.showToast({ title: userMessage(err), icon: 'none' });
    }
  },

  // <button open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization>：微信侧同意后再记录服务端的同意。
  async onAgree() {
    if (!this.data.policy || this.data.saving) return;
    this.setData({ saving: true });
    try {
      await getApp().privacy.accept(this.data.policy.version);
      this.setData({ accepted: true });
      this.answer(true);
      wx.navigateBack();
    } catch (err) {
      wx.showToast({ title: userMessage(err), icon: 'none' });
    }
    this.setData({ saving: false });
  },

  onDecline() {
    this.answer(false);
    wx.navigateBack();
  },

  // 直接返回也算作答：打开它的页面不会一直等着。
  onUnload() {
    this.answer(false);
  },

  answer(accepted) {
    if (this.answered) return;
    this.answered = true;
    const channel = typeof this.getOpenerEventChannel === 'function' ? this.getOpenerEventChannel() : null;
    if (channel && typeof channel.emit === 'function') channel.emit('answered', { accepted });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition };
