const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, flush, loadPage } = require('./wx-shim');
const { roleLabel, roleLabels, toProfile } = require('../pages/me/me');
const { greetingText } = require('../pages/index/index');

test('me page maps roles to Chinese labels', () => {
  assert.equal(roleLabel('RESIDENT'), '居民');
  assert.equal(roleLabel('STAFF'), '社区工作者');
  assert.equal(roleLabel('PARTNER'), '红色合伙人');
  assert.equal(roleLabel('ADMIN'), '管理员');
  // A role the client does not know yet is still shown rather than dropped.
  assert.equal(roleLabel('AUDITOR'), 'AUDITOR');
  assert.deepEqual(roleLabels(['RESIDENT', 'PARTNER']), ['居民', '红色合伙人']);
  assert.deepEqual(roleLabels(null), []);
});

test('me page profile shows nickname, masked phone, roles and household labels', () => {
  const profile = toProfile({
    id: 'a1',
    nickname: '李四',
    phoneMasked: '138****0000',
    roles: ['RESIDENT', 'STAFF'],
    staffCommunity: { id: 'c1', name: '幸福社区' },
    households: [{ id: 'h1', label: '3栋 2单元 501', community: { id: 'c1', name: '幸福社区' } }]
  });
  assert.deepEqual(profile, {
    nickname: '李四',
    avatarUrl: '',
    phoneBound: true,
    phone: '138****0000',
    rolesText: '居民、社区工作者',
    staffCommunityName: '幸福社区',
    households: [{ id: 'h1', label: '3栋 2单元 501', communityName: '幸福社区' }]
  });

  const fresh = toProfile({ id: 'a2', nickname: '', phoneMasked: null, roles: [], households: [] });
  assert.equal(fresh.nickname, '未设置昵称');
  assert.equal(fresh.phone, '未绑定');
  assert.equal(fresh.phoneBound, false);
  assert.equal(fresh.rolesText, '暂无');
});

test('index greeting depends on time of day and nickname', () => {
  assert.equal(greetingText({ nickname: '张三' }, new Date(2024, 0, 1, 9)), '早上好，张三');
  assert.equal(greetingText({ nickname: '张三' }, new Date(2024, 0, 1, 14)), '下午好，张三');
  assert.equal(greetingText(null, new Date(2024, 0, 1, 20)), '晚上好，邻居');
});

function fakeAuth(overrides) {
  const calls = [];
  const auth = Object.assign(
    {
      isLoggedIn: () => true,
      login: async () => calls.push('login'),
      logout: async () => calls.push('logout'),
      fetchMe: async () => ({ id: 'a1', nickname: '张三', roles: ['RESIDENT'], households: [] }),
      bindPhone: async (code) => {
        calls.push('bindPhone:' + code);
        return { id: 'a1', nickname: '张三', phoneMasked: '138****0000', roles: ['RESIDENT'], households: [] };
      }
    },
    overrides
  );
  return { auth, calls };
}

test('login page: tapping 微信一键登录 logs in and relaunches to the index page', async () => {
  const shim = createWxShim();
  const { auth, calls } = fakeAuth();
  const { page } = loadPage('pages/login/login.js', { wx: shim.wx, app: { auth } });

  await page.onLogin();

  assert.deepEqual(calls, ['login']);
  assert.deepEqual(shim.calls.reLaunch, [{ url: '/pages/index/index' }]);
  assert.equal(page.data.loading, false);
});

test('login page: a failed login shows the Chinese error and stays put', async () => {
  const shim = createWxShim();
  const { auth } = fakeAuth({
    login: async () => {
      const err = new Error('微信登录失败，请重试');
      err.code = 'WECHAT_LOGIN_FAILED';
      throw err;
    }
  });
  const { page } = loadPage('pages/login/login.js', { wx: shim.wx, app: { auth } });

  await page.onLogin();

  assert.deepEqual(shim.calls.reLaunch, []);
  assert.equal(shim.calls.showToast[0].title, '微信登录失败，请重试');
});

test('me page: getPhoneNumber with a code binds and refreshes the profile', async () => {
  const shim = createWxShim();
  const { auth, calls } = fakeAuth();
  const { page } = loadPage('pages/me/me.js', { wx: shim.wx, app: { auth } });

  await page.onShow();
  assert.equal(page.data.profile.phone, '未绑定');
  await page.onGetPhoneNumber({ detail: { code: 'phone-code', errMsg: 'getPhoneNumber:ok' } });

  assert.deepEqual(calls, ['bindPhone:phone-code']);
  assert.equal(page.data.profile.phone, '138****0000');
  assert.equal(page.data.binding, false);
});

test('me page: a denied getPhoneNumber does not call the server', async () => {
  const shim = createWxShim();
  const { auth, calls } = fakeAuth();
  const { page } = loadPage('pages/me/me.js', { wx: shim.wx, app: { auth } });

  await page.onGetPhoneNumber({ detail: { errMsg: 'getPhoneNumber:fail user deny' } });

  assert.deepEqual(calls, []);
  assert.equal(shim.calls.showToast[0].title, '未获得手机号授权');
});

test('me page: logout clears the session and relaunches to login', async () => {
  const shim = createWxShim();
  const { auth, calls } = fakeAuth();
  const { page } = loadPage('pages/me/me.js', { wx: shim.wx, app: { auth } });

  await page.onLogout();

  assert.deepEqual(calls, ['logout']);
  assert.deepEqual(shim.calls.reLaunch, [{ url: '/pages/login/login' }]);
});

test('me page: logged-out visitors are sent to login', async () => {
  const shim = createWxShim();
  const { auth } = fakeAuth({ isLoggedIn: () => false });
  const { page } = loadPage('pages/me/me.js', { wx: shim.wx, app: { auth } });

  await page.onShow();
  await flush();

  assert.deepEqual(shim.calls.reLaunch, [{ url: '/pages/login/login' }]);
});
