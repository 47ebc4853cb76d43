// 扫码登录社区工作台：工作台显示的小程序码带一次性的 scene（登录票据）打开本页，工作人员确认后，电脑上的工作台
// 随即登录。只有社区工作者、街道工作人员和管理员可以确认（其他账号由服务端拒绝：CONSOLE_STAFF_ONLY），
// 二维码 2 分钟内有效、只能确认一次（CONSOLE_TICKET_EXPIRED / CONSOLE_TICKET_USED）——都显示服务端的说明。
const { userMessage } = require('../../utils/graphql');

/** The ticket from the code's scene (WeChat passes it URL-encoded as query.scene). */
function ticketOf(query) {
  const raw = (query && (query.scene || query.ticketId)) || '';
  try {
    return decodeURIComponent(raw).trim();
  } catch (err) {
    return '';
  }
}

const definition = {
  data: { ticketId: '', state: 'ready', error: '', busy: false },

  onLoad(query) {
    const ticketId = ticketOf(query);
    this.setData({ ticketId, state: ticketId ? 'ready' : 'invalid', error: ticketId ? '' : '二维码无效，请在工作台刷新后重新扫码' });
  },

  async onConfirm() {
    if (this.data.busy || this.data.state !== 'ready') return;
    this.setData({ busy: true, error: '' });
    try {
      await getApp().client.request('ConfirmConsoleLogin', { input: { ticketId: this.data.ticketId } });
      this.setData({ state: 'confirmed' });
      wx.showToast({ title: '已确认登录', icon: 'success' });
    } catch (err) {
      this.setData({ state: 'refused', error: userMessage(err) });
    }
    this.setData({ busy: false });
  },

  onCancel() {
    wx.reLaunch({ url: '/pages/index/index' });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, ticketOf };
