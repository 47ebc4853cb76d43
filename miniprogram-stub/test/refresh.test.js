const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond, flush, deferred } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');

const config = { apiBaseUrl: 'http://api.test', graphqlPath: '/graphql', sandbox: true };
const ME = { me: { id: 'a1', nickname: '张三' } };

function setup() {
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'old-access');
  shim.wx.setStorageSync(STORAGE_KEYS.refreshToken, 'old-refresh');
  const client = createClient({ wx: shim.wx, config });
  return { shim, client };
}

function refreshed(accessToken, refreshToken) {
  return respond.data({
    refreshSession: { accessToken, refreshToken, expiresIn: 900, account: ME.me }
  });
}

// The server accepts only the new token; anything else is unauthenticated.
function meAcceptingOnly(token, unauthenticated) {
  return (req) => (req.header.Authorization === 'Bearer ' + token ? respond.data(ME) : unauthenticated);
}

test('UNAUTHENTICATED error: exactly one refresh, then one retry carrying the NEW token', async () => {
  const { shim, client } = setup();
  shim.on('Me', meAcceptingOnly('new-access', respond.error('UNAUTHENTICATED', '登录已过期')));
  shim.on('RefreshSession', refreshed('new-access', 'new-refresh'));

  const data = await client.request('Me');

  assert.deepEqual(data, ME);
  assert.deepEqual(
    shim.requests.map((r) => r.operationName),
    ['Me', 'RefreshSession', 'Me']
  );
  const [first, refresh, retry] = shim.requests;
  assert.equal(first.header.Authorization, 'Bearer old-access');
  assert.deepEqual(refresh.data.variables, { input: { refreshToken: 'old-refresh' } });
  assert.equal('Authorization' in refresh.header, false, 'refresh must not send the expired token');
  assert.equal(retry.header.Authorization, 'Bearer new-access');
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.accessToken), 'new-access');
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.refreshToken), 'new-refresh');
});

test('HTTP 401 triggers the same refresh-and-retry', async () => {
  const { shim, client } = setup();
  shim.on('Me', meAcceptingOnly('new-access', respond.status(401)));
  shim.on('RefreshSession', refreshed('new-access', 'new-refresh'));

  assert.deepEqual(await client.request('Me'), ME);
  assert.equal(shim.requestsFor('RefreshSession').length, 1);
  assert.equal(shim.requestsFor('Me').length, 2);
});

test('a second UNAUTHENTICATED after refreshing rejects instead of looping', async () => {
  const { shim, client } = setup();
  shim.on('Me', respond.error('UNAUTHENTICATED', ''));
  shim.on('RefreshSession', refreshed('new-access', 'new-refresh'));

  await assert.rejects(client.request('Me'), { code: 'UNAUTHENTICATED', message: '请先登录' });

  assert.equal(shim.requestsFor('RefreshSession').length, 1);
  assert.equal(shim.requestsFor('Me').length, 2);
  // A session the server refuses even with fresh tokens is over.
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.accessToken), '');
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.refreshToken), '');
});

test('two concurrent requests that both get 401 share a single RefreshSession call', async () => {
  const { shim, client } = setup();
  const gate = deferred();
  shim.on('Me', meAcceptingOnly('new-access', respond.status(401)));
  // Hold the refresh answer until both 401s have been handled.
  shim.on('RefreshSession', () => gate.promise.then(() => refreshed('new-access', 'new-refresh')));

  const first = client.request('Me');
  const second = client.request('Me');
  await flush(10);

  assert.equal(shim.requestsFor('Me').length, 2, 'both originals were sent');
  assert.equal(shim.requestsFor('RefreshSession').length, 1, 'only one refresh while both wait');

  gate.resolve();
  assert.deepEqual(await Promise.all([first, second]), [ME, ME]);

  assert.equal(shim.requestsFor('RefreshSession').length, 1);
  const retries = shim.requestsFor('Me').slice(2);
  assert.equal(retries.length, 2);
  for (const retry of retries) assert.equal(retry.header.Authorization, 'Bearer new-access');
});

test('a 401 arriving after another request already refreshed reuses the new token', async () => {
  const { shim, client } = setup();
  const slow = deferred();
  let meCalls = 0;
  shim.on('Me', (req) => {
    meCalls += 1;
    // The second original request is answered late, after the refresh finished.
    if (meCalls === 2) return slow.promise.then(() => respond.status(401));
    return meAcceptingOnly('new-access', respond.status(401))(req);
  });
  shim.on('RefreshSession', refreshed('new-access', 'new-refresh'));

  const first = client.request('Me');
  const second = client.request('Me');
  assert.deepEqual(await first, ME);
  slow.resolve();
  assert.deepEqual(await second, ME);

  // The rotated refresh token must not be spent a second time.
  assert.equal(shim.requestsFor('RefreshSession').length, 1);
});

test('refresh refused by the server clears stored tokens and rejects UNAUTHENTICATED', async () => {
  const { shim, client } = setup();
  shim.on('Me', respond.status(401));
  shim.on('RefreshSession', respond.error('UNAUTHENTICATED', '登录已失效'));

  await assert.rejects(client.request('Me'), { code: 'UNAUTHENTICATED', message: '请先登录' });

  assert.equal(shim.requestsFor('Me').length, 1, 'no retry without a new token');
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.accessToken), '');
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.refreshToken), '');
});

test('a refresh answer without tokens also ends the session', async () => {
  const { shim, client } = setup();
  shim.on('Me', respond.status(401));
  shim.on('RefreshSession', respond.data({ refreshSession: null }));

  await assert.rejects(client.request('Me'), { code: 'UNAUTHENTICATED' });
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.refreshToken), '');
});

test('a network failure during refresh keeps the session so a later retry can succeed', async () => {
  const { shim, client } = setup();
  shim.on('Me', respond.status(401));
  shim.on('RefreshSession', respond.networkFailure());

  await assert.rejects(client.request('Me'), { code: 'NETWORK' });

  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.refreshToken), 'old-refresh');
});

test('UNAUTHENTICATED without a stored refresh token rejects without calling refresh', async () => {
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'old-access');
  const client = createClient({ wx: shim.wx, config });
  shim.on('Me', respond.status(401));

  await assert.rejects(client.request('Me'), { code: 'UNAUTHENTICATED' });

  assert.equal(shim.requestsFor('RefreshSession').length, 0);
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.accessToken), '');
});

test('a failed LoginWithWeChat never triggers a refresh', async () => {
  const { shim, client } = setup();
  shim.on('LoginWithWeChat', respond.error('UNAUTHENTICATED', '登录失败'));

  await assert.rejects(client.request('LoginWithWeChat', { input: { code: 'c' } }), {
    code: 'UNAUTHENTICATED'
  });
  assert.equal(shim.requestsFor('RefreshSession').length, 0);
});
