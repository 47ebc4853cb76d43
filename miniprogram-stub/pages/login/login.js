// 登录页：微信一键登录，成功后回到首页。
const { userMessage } = require('../../utils/graphql');

const HOME_URL = '/pages/index/index';

const definition = {
  data: {
    loading: false
  },

  async onLogin() {
    // Ignore repeated taps while a login is running: each wx.login code is single-use.
    if (this.data.loading) return;
    this.setData({ loading: true });
    try {
      await getApp().auth.login();
      // reLaunch so that "back" cannot return to the login page.
      wx.reLaunch({ url: HOME_URL });
    } catch (err) {
      wx.showToast({ title: userMessage(err), icon: 'none' });
    }
    this.setData({ loading: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, HOME_URL };
