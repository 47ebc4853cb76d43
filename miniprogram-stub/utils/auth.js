// 登录态相关操作：微信登录、退出、绑定手机号、读取当前账号。
// 令牌的存取交给 GraphQL 客户端的 tokens，这里不另存一份。

const { clientError } = require('./graphql');

function createAuth(options) {
  const wx = options.wx;
  const client = options.client;

  // wx.login 只给一次性的 code，由服务端拿去换 openid。
  function wxLoginCode() {
    return new Promise((resolve, reject) => {
      wx.login({
        success: (res) => {
          if (res && res.code) resolve(res.code);
          else reject(clientError('WECHAT_LOGIN_FAILED'));
        },
        fail: () => reject(clientError('WECHAT_LOGIN_FAILED'))
      });
    });
  }

  async function login() {
    const code = await wxLoginCode();
    const data = await client.request('LoginWithWeChat', { input: { code } });
    const session = data.loginWithWeChat;
    client.tokens.set(session);
    return session.account;
  }

  async function logout() {
    const refreshToken = client.tokens.getRefreshToken();
    try {
      // Revoke the session server-side when we can.
      if (refreshToken) await client.request('Logout', { input: { refreshToken } });
    } catch (err) {
      // Leaving must work offline too; the server session simply expires.
    }
    client.tokens.clear();
  }

  // code 来自 <button open-type="getPhoneNumber"> 事件的 detail.code。
  async function bindPhone(code) {
    if (!code) throw clientError('VALIDATION_FAILED', '未获得手机号授权');
    const data = await client.request('BindPhoneNumber', { input: { code } });
    return data.bindPhoneNumber;
  }

  async function fetchMe() {
    const data = await client.request('Me');
    return data.me;
  }

  function isLoggedIn() {
    return Boolean(client.tokens.getAccessToken());
  }

  return { login, logout, bindPhone, fetchMe, isLoggedIn };
}

module.exports = { createAuth };
