const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond } = require('./wx-shim');
const documents = require('../api/documents');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');

const config = { apiBaseUrl: 'http://api.test', graphqlPath: '/graphql', sandbox: true };

function setup() {
  const shim = createWxShim();
  const client = createClient({ wx: shim.wx, config });
  return { shim, client };
}

test('only registered documents can be sent: an unknown name throws and sends nothing', () => {
  const { shim, client } = setup();
  assert.throws(() => client.request('DropAllTables'), /Unknown GraphQL operation "DropAllTables"/);
  // Inherited object keys must not count as registered either.
  assert.throws(() => client.request('toString'), /Unknown GraphQL operation/);
  assert.equal(shim.requests.length, 0);
});

test('sends the registry document as a JSON POST to apiBaseUrl + graphqlPath', async () => {
  const { shim, client } = setup();
  shim.on('Me', respond.data({ me: { id: 'a1' } }));

  const data = await client.request('Me');

  assert.deepEqual(data, { me: { id: 'a1' } });
  assert.equal(shim.requests.length, 1);
  const sent = shim.requests[0];
  assert.equal(sent.url, 'http://api.test/graphql');
  assert.equal(sent.method, 'POST');
  assert.equal(sent.header['content-type'], 'application/json');
  assert.deepEqual(sent.data, { query: documents.Me, variables: {}, operationName: 'Me' });
});

test('attaches the stored access token as a bearer token', async () => {
  const { shim, client } = setup();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'access-1');
  shim.on('Me', respond.data({ me: { id: 'a1' } }));

  await client.request('Me');

  assert.equal(shim.requests[0].header.Authorization, 'Bearer access-1');
});

test('sends no Authorization header when logged out', async () => {
  const { shim, client } = setup();
  shim.on('Me', respond.data({ me: null }));

  await client.request('Me');

  assert.equal('Authorization' in shim.requests[0].header, false);
});

test('session operations never carry the (possibly stale) access token', async () => {
  const { shim, client } = setup();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'stale');
  shim.on('LoginWithWeChat', respond.data({ loginWithWeChat: { accessToken: 'a' } }));

  await client.request('LoginWithWeChat', { input: { code: 'c' } });

  assert.equal('Authorization' in shim.requests[0].header, false);
  assert.deepEqual(shim.requests[0].data.variables, { input: { code: 'c' } });
});

test('a GraphQL error rejects with its code and the server\'s Chinese message', async () => {
  const { shim, client } = setup();
  shim.on('BindPhoneNumber', respond.error('VALIDATION_FAILED', '手机号授权码已过期'));

  await assert.rejects(client.request('BindPhoneNumber', { input: { code: 'x' } }), (err) => {
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'GraphQLClientError');
    assert.equal(err.code, 'VALIDATION_FAILED');
    assert.equal(err.message, '手机号授权码已过期');
    return true;
  });
});

test('known codes fall back to a Chinese message when the server sends none', async (t) => {
  const expected = {
    FORBIDDEN: '没有权限',
    VALIDATION_FAILED: '输入有误',
    NOT_FOUND: '内容不存在',
    WECHAT_LOGIN_FAILED: '微信登录失败，请重试',
    INTERNAL: '系统繁忙，请稍后再试'
  };
  for (const [code, message] of Object.entries(expected)) {
    await t.test(code, async () => {
      const { shim, client } = setup();
      shim.on('Me', respond.error(code, ''));
      await assert.rejects(client.request('Me'), { code, message });
    });
  }
});

test('an error without extensions.code is treated as INTERNAL and its raw text is hidden', async () => {
  const { shim, client } = setup();
  shim.on('Me', respond.error(null, 'INTERNAL_ERROR for 5f0c'));

  await assert.rejects(client.request('Me'), { code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
});

test('wx.request fail callback rejects with code NETWORK', async () => {
  const { shim, client } = setup();
  shim.on('Me', respond.networkFailure('timeout'));

  await assert.rejects(client.request('Me'), (err) => {
    assert.ok(err instanceof Error);
    assert.equal(err.code, 'NETWORK');
    assert.equal(err.message, '网络异常，请检查网络');
    return true;
  });
});

test('HTTP errors without a GraphQL body map to stable codes', async () => {
  const forbidden = setup();
  forbidden.shim.on('Me', respond.status(403));
  await assert.rejects(forbidden.client.request('Me'), { code: 'FORBIDDEN', message: '没有权限' });

  const broken = setup();
  broken.shim.on('Me', respond.status(502, '<html>Bad Gateway</html>'));
  await assert.rejects(broken.client.request('Me'), { code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
});
