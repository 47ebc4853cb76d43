// 隐私保护：getPrivacySetting + 服务端的同意记录；选图和绑定手机号之前先问；隐私页记录同意后回到原页面。
const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond, loadPage } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const { createPrivacy, paragraphsOf, PRIVACY_PAGE } = require('../utils/privacy');
const photos = require('../utils/photos');

const config = { apiBaseUrl: 'http://api.test/', graphqlPath: '/graphql', sandbox: true };
const POLICY = { version: 1, title: '邻里小程序隐私保护指引', body: '## 我们收集什么\n- **手机号码**：便于联系\n正文', publishedAt: '2026-12-02T00:00:00Z' };

function setup(options) {
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'access-1');
  shim.wx.setStorageSync(STORAGE_KEYS.refreshToken, 'refresh-1');
  shim.wx.getPrivacySetting = ({ success }) => setTimeout(() => success({ needAuthorization: options.needsWeChat }));
  const navigations = [];
  shim.wx.navigateTo = (req) => {
    navigations.push(req.url);
    setTimeout(() => req.events.answered({ accepted: options.agrees }));
  };
  shim.on('PrivacyPolicy', respond.data({ privacyPolicy: Object.assign({ accepted: options.accepted }, POLICY) }));
  shim.on('AcceptPrivacyPolicy', respond.data({ acceptPrivacyPolicy: { version: 1, acceptedAt: '2026-12-02T01:00:00Z' } }));
  const client = createClient({ wx: shim.wx, config });
  return { shim, client, navigations, privacy: createPrivacy({ wx: shim.wx, client }) };
}

test('accepted on the server and nothing asked by WeChat: no page is opened', async () => {
  const { privacy, navigations } = setup({ accepted: true, needsWeChat: false, agrees: true });
  assert.equal(await privacy.ensureConsent(), true);
  assert.deepEqual(navigations, []);
});

test('not yet accepted (or WeChat still asks): the policy page opens and its answer decides', async () => {
  for (const state of [{ accepted: false, needsWeChat: false }, { accepted: true, needsWeChat: true }]) {
    const agreeing = setup(Object.assign({ agrees: true }, state));
    assert.equal(await agreeing.privacy.ensureConsent(), true);
    assert.deepEqual(agreeing.navigations, [PRIVACY_PAGE]);
    const declining = setup(Object.assign({ agrees: false }, state));
    assert.equal(await declining.privacy.ensureConsent(), false);
  }
});

test('choosing photos waits for consent: declined means no chooseMedia and no upload', async () => {
  const { shim, client, privacy } = setup({ accepted: false, needsWeChat: false, agrees: false });
  let chosen = 0;
  shim.wx.chooseMedia = () => { chosen += 1; };
  const result = await photos.pickAndUpload({ wx: shim.wx, client, privacy }, []);
  assert.equal(chosen, 0);
  assert.deepEqual(result, { photos: [], failures: ['请先阅读并同意隐私保护指引'] });
  assert.equal(shim.uploads.length, 0);
});

test('the policy page records the acceptance of the version shown and tells the opener', async () => {
  const { shim, client } = setup({ accepted: false, needsWeChat: true, agrees: true });
  const app = { client, privacy: createPrivacy({ wx: shim.wx, client }) };
  const { page } = loadPage('pages/privacy/privacy.js', { app, wx: shim.wx });
  const emitted = [];
  page.getOpenerEventChannel = () => ({ emit: (name, value) => emitted.push([name, value]) });
  let back = 0;
  shim.wx.navigateBack = () => { back += 1; };
  await page.onLoad();
  assert.equal(page.data.policy.version, 1);
  assert.equal(page.data.accepted, false);
  assert.deepEqual(page.data.paragraphs.map((p) => p.kind), ['heading', 'item', 'text']);
  await page.onAgree();
  assert.deepEqual(shim.requestsFor('AcceptPrivacyPolicy').map((r) => r.data.variables), [{ input: { version: 1 } }]);
  assert.deepEqual(emitted, [['answered', { accepted: true }]]);
  assert.equal(back, 1);
  page.onUnload();
  assert.equal(emitted.length, 1, 'answered once');
});

test('paragraphsOf marks headings and list items and drops the Markdown emphasis', () => {
  assert.deepEqual(paragraphsOf('## 标题\n\n- **手机号**：联系\n正文'), [
    { kind: 'heading', text: '标题' }, { kind: 'item', text: '手机号：联系' }, { kind: 'text', text: '正文' }]);
});
