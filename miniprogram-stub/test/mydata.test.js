// 我的个人信息与注销账号 (issue 17)：分节与展开、带令牌下载 Excel 并打开、拒绝注销的原因、冷静期与撤销。
const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond, loadPage } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const mydata = require('../utils/mydata');

const config = { apiBaseUrl: 'http://api.test/', graphqlPath: '/graphql', sandbox: true };
const AT = '2026-12-02T09:30:00+08:00';
const DUE = '2026-12-09T09:30:00+08:00';
const BLOCKED_MESSAGE = '暂时不能注销账号，请先处理未完成的事项：你的时间银行还有积分，可先捐赠到社区积分池后再注销';

function setup() {
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'access-1');
  shim.wx.setStorageSync(STORAGE_KEYS.refreshToken, 'refresh-1');
  const downloads = [];
  const opened = [];
  let downloadAnswer = () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/my-data.xlsx' });
  shim.wx.downloadFile = (options) => {
    downloads.push({ url: options.url, header: Object.assign({}, options.header) });
    setTimeout(() => {
      const res = downloadAnswer(options);
      if (res.fail) options.fail({ errMsg: 'downloadFile:fail' });
      else options.success(res);
    });
  };
  shim.wx.openDocument = (options) => {
    opened.push({ filePath: options.filePath, fileType: options.fileType, showMenu: options.showMenu });
    setTimeout(() => options.success({}));
  };
  const client = createClient({ wx: shim.wx, config });
  return { shim, client, downloads, opened, answerDownloads: (fn) => { downloadAnswer = fn; } };
}

const deletion = (over) => Object.assign({ id: 'd1', status: 'PENDING', requestedAt: AT, dueAt: DUE, cancelledAt: null }, over);
const blocked = (reasons) => ({
  statusCode: 200,
  data: { data: null, errors: [{ message: BLOCKED_MESSAGE, extensions: { code: 'ACCOUNT_DELETION_BLOCKED', reasons } }] }
});

test('sections: one line per column as "列名：值" (— for no value), collapsed, a tap toggles one section', () => {
  const view = mydata.toPersonalDataView({ generatedAt: AT, sections: [
    { key: 'account', title: '账号', columns: ['昵称', '手机号'], rows: [['张三', null]] },
    { key: 'orders', title: '订单', columns: ['编号'], rows: [] }
  ] });
  assert.equal(view.generatedAt, '2026-12-02 09:30');
  assert.deepEqual(view.sections[0], { key: 'account', title: '账号', count: 1, expanded: false,
    rows: [{ id: 0, lines: ['昵称：张三', '手机号：—'] }] });
  assert.equal(view.sections[1].count, 0);
  const toggled = mydata.toggleSection(view.sections, 0);
  assert.deepEqual(toggled.map((s) => s.expanded), [true, false]);
  assert.equal(view.sections[0].expanded, false, 'the old array is not changed');
  assert.deepEqual(mydata.toggleSection(toggled, 0).map((s) => s.expanded), [false, false]);
});

test('accesses: who, what (in Chinese) and when', () => {
  assert.deepEqual(mydata.toAccessItem({ id: 'x1', viewerNickname: '网格员小王', what: 'VERIFICATION_DETAILS', accessedAt: AT }),
    { id: 'x1', viewer: '网格员小王', what: '房屋认证资料（实名、电话、证明照片）', at: '2026-12-02 09:30' });
  assert.equal(mydata.toAccessItem({ id: 'x2', viewerNickname: null, what: 'ORDER_CONTACT_PHONE', accessedAt: AT }).viewer, '未设置昵称的用户');
});

test('export downloads /exports/my-data.xlsx with the access token, then opens it as xlsx with the menu', async () => {
  const { shim, client, downloads, opened } = setup();
  const path = await mydata.exportMyData({ wx: shim.wx, client, config });
  assert.equal(path, 'wxfile://tmp/my-data.xlsx');
  assert.deepEqual(downloads, [{ url: 'http://api.test/exports/my-data.xlsx', header: { Authorization: 'Bearer access-1' } }]);
  assert.deepEqual(opened, [{ filePath: 'wxfile://tmp/my-data.xlsx', fileType: 'xlsx', showMenu: true }]);
});

test('export: an expired token is renewed once and the download retried with the new one', async () => {
  const { shim, client, downloads, opened, answerDownloads } = setup();
  shim.on('RefreshSession', respond.data({ refreshSession: { accessToken: 'access-2', refreshToken: 'refresh-2' } }));
  answerDownloads((options) => (options.header.Authorization === 'Bearer access-1'
    ? { statusCode: 401 } : { statusCode: 200, tempFilePath: 'wxfile://tmp/2.xlsx' }));
  await mydata.exportMyData({ wx: shim.wx, client, config });
  assert.deepEqual(downloads.map((d) => d.header.Authorization), ['Bearer access-1', 'Bearer access-2']);
  assert.equal(opened[0].filePath, 'wxfile://tmp/2.xlsx');
});

test('export: a server or network failure is a Chinese message and nothing is opened', async () => {
  const failing = setup();
  failing.answerDownloads(() => ({ statusCode: 500 }));
  await assert.rejects(mydata.exportMyData({ wx: failing.shim.wx, client: failing.client, config }), { message: '导出失败，请稍后再试' });
  failing.answerDownloads(() => ({ fail: true }));
  await assert.rejects(mydata.exportMyData({ wx: failing.shim.wx, client: failing.client, config }), { code: 'NETWORK' });
  assert.deepEqual(failing.opened, []);
  const loggedOut = setup();
  loggedOut.shim.wx.removeStorageSync(STORAGE_KEYS.accessToken);
  await assert.rejects(mydata.exportMyData({ wx: loggedOut.shim.wx, client: loggedOut.client, config }), { code: 'UNAUTHENTICATED' });
  assert.deepEqual(loggedOut.downloads, []);
});

test('the 我的个人信息 page loads the data and the first page of accesses; export reports failures', async () => {
  const { shim, client, downloads, answerDownloads } = setup();
  shim.on('MyPersonalData', respond.data({ myPersonalData: { generatedAt: AT, sections: [{ key: 'account', title: '账号', columns: ['昵称'], rows: [['张三']] }] } }));
  shim.on('MyDataAccesses', respond.data({ myDataAccesses: { edges: [{ cursor: 'c1', node: { id: 'x1', viewerNickname: '王', what: 'ORDER_CONTACT_PHONE', accessedAt: AT } }], pageInfo: { hasNextPage: false, endCursor: 'c1' } } }));
  const { page } = loadPage('pages/privacy/mydata.js', { wx: shim.wx, app: { client, config } });
  await page.onShow();
  assert.deepEqual(page.data.sections.map((s) => [s.title, s.count, s.expanded]), [['账号', 1, false]]);
  assert.deepEqual(page.data.accesses.map((a) => a.what), ['订单联系电话']);
  page.onToggle({ currentTarget: { dataset: { index: 0 } } });
  assert.equal(page.data.sections[0].expanded, true);
  await page.onShow();
  assert.equal(page.data.sections[0].expanded, true, 'coming back (e.g. from the opened file) keeps what was expanded');
  assert.equal(shim.requestsFor('MyPersonalData').length, 1);

  answerDownloads(() => ({ statusCode: 500 }));
  await page.onExport();
  assert.equal(downloads.length, 1);
  assert.deepEqual(shim.calls.showToast.map((t) => t.title), ['导出失败，请稍后再试']);
  assert.equal(page.data.exporting, false);
});

test('refusal reasons: each reason in Chinese with what to do and where; unknown reasons still show; other errors are not refusals', () => {
  const err = { code: 'ACCOUNT_DELETION_BLOCKED', graphQLErrors: [{ extensions: { code: 'ACCOUNT_DELETION_BLOCKED', reasons: ['POINTS', 'HEAD_OF_HOUSEHOLD', 'SOMETHING_NEW'] } }] };
  const blockers = mydata.deletionBlockersOf(err);
  assert.deepEqual(blockers.map((b) => b.reason), ['POINTS', 'HEAD_OF_HOUSEHOLD', 'SOMETHING_NEW']);
  assert.deepEqual(blockers[0], { reason: 'POINTS', text: '你的时间银行还有积分', hint: '先把积分捐给社区积分池', url: '/pages/timebank/index', linkText: '去捐赠积分' });
  assert.equal(blockers[1].url, '/pages/household/index');
  assert.deepEqual(blockers[2], { reason: 'SOMETHING_NEW', text: 'SOMETHING_NEW', hint: '', url: '', linkText: '' });
  for (const reason of ['OPEN_ORDERS', 'UNSETTLED_PLEDGES', 'POINTS', 'HEAD_OF_HOUSEHOLD']) {
    assert.ok(mydata.DELETION_BLOCKERS[reason].url, reason + ' links somewhere');
  }
  assert.equal(mydata.deletionBlockersOf({ code: 'FORBIDDEN', graphQLErrors: [] }), null);
});

function deletionPage(answers) {
  const { shim, client } = setup();
  for (const [name, answer] of Object.entries(answers)) shim.on(name, answer);
  const modals = [];
  let confirm = true;
  shim.wx.showModal = (options) => {
    modals.push(options);
    setTimeout(() => options.success({ confirm }));
  };
  const { page } = loadPage('pages/privacy/deletion.js', { wx: shim.wx, app: { client } });
  return { shim, page, modals, setConfirm: (value) => { confirm = value; } };
}

test('注销账号: asks to confirm (7-day cooling-off) before requesting; declining sends nothing', async () => {
  const { shim, page, modals, setConfirm } = deletionPage({
    MyAccountDeletion: respond.data({ myAccountDeletion: null }),
    RequestAccountDeletion: respond.data({ requestAccountDeletion: deletion() })
  });
  await page.onShow();
  assert.equal(page.data.loaded, true);
  assert.equal(page.data.deletion, null);
  setConfirm(false);
  await page.onRequest();
  assert.equal(shim.requestsFor('RequestAccountDeletion').length, 0);
  assert.match(modals[0].content, /7 天冷静期/);
  setConfirm(true);
  await page.onRequest();
  assert.deepEqual(shim.requestsFor('RequestAccountDeletion').map((r) => r.data.variables), [{ input: { confirm: true } }]);
  assert.equal(page.data.deletion.pending, true);
  assert.equal(page.data.deletion.dueAt, '2026-12-09 09:30');
  assert.deepEqual(shim.calls.showToast.map((t) => t.title), ['已提交注销申请']);
});

test('注销账号: ACCOUNT_DELETION_BLOCKED shows each reason; other errors show the server message', async () => {
  const refused = deletionPage({
    MyAccountDeletion: respond.data({ myAccountDeletion: null }),
    RequestAccountDeletion: blocked(['OPEN_ORDERS', 'POINTS'])
  });
  await refused.page.onShow();
  await refused.page.onRequest();
  assert.deepEqual(refused.page.data.blockers.map((b) => b.text), ['你还有进行中的服务订单', '你的时间银行还有积分']);
  assert.equal(refused.page.data.deletion, null);
  assert.equal(refused.page.data.busy, false);

  const failing = deletionPage({
    MyAccountDeletion: respond.data({ myAccountDeletion: null }),
    RequestAccountDeletion: respond.error('FORBIDDEN', '没有权限注销')
  });
  await failing.page.onShow();
  await failing.page.onRequest();
  assert.deepEqual(failing.page.data.blockers, []);
  assert.deepEqual(failing.shim.calls.showToast.map((t) => t.title), ['没有权限注销']);
});

test('注销账号: while pending shows dueAt; 撤销注销 cancels that request', async () => {
  const { shim, page } = deletionPage({
    MyAccountDeletion: respond.data({ myAccountDeletion: deletion() }),
    CancelAccountDeletion: respond.data({ cancelAccountDeletion: deletion({ status: 'CANCELLED', cancelledAt: AT }) })
  });
  await page.onShow();
  assert.deepEqual([page.data.deletion.pending, page.data.deletion.dueAt], [true, '2026-12-09 09:30']);
  await page.onCancel();
  assert.deepEqual(shim.requestsFor('CancelAccountDeletion').map((r) => r.data.variables), [{ input: { deletionId: 'd1' } }]);
  assert.deepEqual([page.data.deletion.pending, page.data.deletion.statusText], [false, '已撤销']);
  await page.onCancel();
  assert.equal(shim.requestsFor('CancelAccountDeletion').length, 1, 'nothing to cancel any more');
});
