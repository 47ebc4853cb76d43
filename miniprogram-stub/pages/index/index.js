// 首页：问候语和入口链接；未登录时引导去登录。
const config = require('../../config');
const { userMessage } = require('../../utils/graphql');

// 按时段问候，未登录或没有昵称时称“邻居”。
function greetingText(account, now) {
  const hour = now.getHours();
  const period = hour < 12 ? '早上好' : hour < 18 ? '下午好' : '晚上好';
  const name = (account && account.nickname) || '邻居';
  return period + '，' + name;
}

const definition = {
  data: {
    loggedIn: false,
    greeting: '',
    sandbox: Boolean(config.sandbox)
  },

  onShow() {
    return this.refresh();
  },

  async refresh() {
    const auth = getApp().auth;
    if (!auth.isLoggedIn()) {
      this.setData({ loggedIn: false, greeting: greetingText(null, new Date()) });
      return;
    }
    try {
      const account = await auth.fetchMe();
      this.setData({ loggedIn: true, greeting: greetingText(account, new Date()) });
    } catch (err) {
      // The client already cleared an unrecoverable session; show the logged-out view.
      if (err && err.code === 'UNAUTHENTICATED') {
        this.setData({ loggedIn: false, greeting: greetingText(null, new Date()) });
        return;
      }
      wx.showToast({ title: userMessage(err), icon: 'none' });
    }
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, greetingText };
