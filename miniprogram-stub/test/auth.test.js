const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const { createAuth } = require('../utils/auth');

const config = { apiBaseUrl: 'http://api.test', graphqlPath: '/graphql', sandbox: true };
const ACCOUNT = {
  id: 'a1',
  nickname: '张三',
  phoneMasked: null,
  roles: ['RESIDENT'],
  staffCommunity: null,
  households: []
};

function setup() {
  const shim = createWxShim();
  const client = createClient({ wx: shim.wx, config });
  const auth = createAuth({ wx: shim.wx, client });
  return { shim, client, auth };
}

test('login exchanges the wx.login code and stores both tokens from loginWithWeChat', async () => {
  const { shim, auth } = setup();
  shim.setLoginResult({ code: 'code-123' });
  shim.on(
    'LoginWithWeChat',
    respond.data({
      loginWithWeChat: { accessToken: 'acc-1', refreshToken: 'ref-1', expiresIn: 900, account: ACCOUNT }
    })
  );

  assert.equal(auth.isLoggedIn(), false);
  const account = await auth.login();

  assert.deepEqual(account, ACCOUNT);
  assert.deepEqual(shim.requests[0].data.variables, { input: { code: 'code-123' } });
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.accessToken), 'acc-1');
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.refreshToken), 'ref-1');
  assert.equal(auth.isLoggedIn(), true);
});

test('a wx.login failure rejects WECHAT_LOGIN_FAILED and sends nothing', async () => {
  const { shim, auth } = setup();
  shim.setLoginResult({ fail: 'system error' });

  await assert.rejects(auth.login(), { code: 'WECHAT_LOGIN_FAILED', message: '微信登录失败，请重试' });
  assert.equal(shim.requests.length, 0);
});

test('a rejected login stores nothing', async () => {
  const { shim, auth } = setup();
  shim.on('LoginWithWeChat', respond.error('WECHAT_LOGIN_FAILED', '微信登录失败，请重试'));

  await assert.rejects(auth.login(), { code: 'WECHAT_LOGIN_FAILED' });
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.accessToken), '');
});

test('logout revokes the refresh token on the server and clears storage', async () => {
  const { shim, auth } = setup();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'acc-1');
  shim.wx.setStorageSync(STORAGE_KEYS.refreshToken, 'ref-1');
  shim.on('Logout', respond.data({ logout: { success: true } }));

  await auth.logout();

  const sent = shim.requestsFor('Logout');
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0].data.variables, { input: { refreshToken: 'ref-1' } });
  assert.equal(sent[0].header.Authorization, 'Bearer acc-1');
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.accessToken), '');
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.refreshToken), '');
});

test('logout still clears storage when the server cannot be reached', async () => {
  const { shim, auth } = setup();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'acc-1');
  shim.wx.setStorageSync(STORAGE_KEYS.refreshToken, 'ref-1');
  shim.on('Logout', respond.networkFailure());

  await auth.logout();

  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.accessToken), '');
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.refreshToken), '');
});

test('bindPhone sends the getPhoneNumber code and returns the updated account', async () => {
  const { shim, auth } = setup();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'acc-1');
  const bound = Object.assign({}, ACCOUNT, { phoneMasked: '138****0000' });
  shim.on('BindPhoneNumber', respond.data({ bindPhoneNumber: bound }));

  assert.deepEqual(await auth.bindPhone('phone-code'), bound);
  assert.deepEqual(shim.requests[0].data.variables, { input: { code: 'phone-code' } });
});

test('bindPhone without a code (user denied) rejects before sending', async () => {
  const { shim, auth } = setup();
  await assert.rejects(auth.bindPhone(undefined), { code: 'VALIDATION_FAILED' });
  assert.equal(shim.requests.length, 0);
});
