// 扫码登录社区工作台的确认页（pages/staff/console-login）：从小程序码的 scene 取票据，确认时发出
// ConfirmConsoleLogin；服务端拒绝（非工作人员、过期、已使用）时原样显示服务端的中文说明。
const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond, loadPage } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const { ticketOf } = require('../pages/staff/console-login');

const config = { apiBaseUrl: 'http://localhost:8080', graphqlPath: '/graphql', sandbox: true };
const refusal = (code, message) => ({ statusCode: 200, data: { data: null, errors: [{ message, extensions: { code } }] } });

function open(answer) {
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'token-1');
  shim.relaunched = [];
  shim.wx.reLaunch = (o) => shim.relaunched.push(o.url);
  shim.on('ConfirmConsoleLogin', answer);
  const client = createClient({ wx: shim.wx, config });
  const { page } = loadPage('pages/staff/console-login.js', { wx: shim.wx, app: { client } });
  return { page, shim };
}

test('the ticket comes from the code\'s URL-encoded scene', () => {
  assert.equal(ticketOf({ scene: 'abc-DEF_123' }), 'abc-DEF_123');
  assert.equal(ticketOf({ scene: encodeURIComponent('a%b') }), 'a%b');
  assert.equal(ticketOf({}), '');
});

test('staff confirm the scanned ticket once', async () => {
  const { page, shim } = open(respond.data({ confirmConsoleLogin: { confirmed: true } }));
  page.onLoad({ scene: 'ticket-1' });
  assert.equal(page.data.state, 'ready');
  await page.onConfirm();
  assert.deepEqual(shim.requestsFor('ConfirmConsoleLogin').map((r) => r.data.variables), [{ input: { ticketId: 'ticket-1' } }]);
  assert.equal(page.data.state, 'confirmed');
  await page.onConfirm();
  assert.equal(shim.requestsFor('ConfirmConsoleLogin').length, 1, 'a confirmed page sends nothing more');
});

for (const [code, message] of [
  ['CONSOLE_STAFF_ONLY', '只有社区工作人员可以登录社区工作台'],
  ['CONSOLE_TICKET_EXPIRED', '二维码已过期，请在工作台刷新二维码后重新扫码'],
  ['CONSOLE_TICKET_USED', '该二维码已使用，请在工作台刷新二维码后重新扫码']
]) {
  test(`a refusal (${code}) shows the server's message`, async () => {
    const { page } = open(refusal(code, message));
    page.onLoad({ scene: 'ticket-2' });
    await page.onConfirm();
    assert.equal(page.data.state, 'refused');
    assert.equal(page.data.error, message);
  });
}

test('without a scene the page says the code is invalid and cancel goes home', () => {
  const { page, shim } = open(respond.data({}));
  page.onLoad({});
  assert.equal(page.data.state, 'invalid');
  assert.match(page.data.error, /二维码无效/);
  page.onCancel();
  assert.deepEqual(shim.relaunched, ['/pages/index/index']);
});
