// Renders every page's .wxml the way the mini-program would show it, with data produced by the page's own
// JS (its handlers run under the wx shim against scripted GraphQL answers), and checks what users see.
//
// Templates are compiled by WeChat's own WXML compiler (wcc, from the npm package miniprogram-compiler),
// so a broken tag, an unclosed element or a wx:else without wx:if fails here as it would in WeChat
// DevTools. The compiled template is rendered by miniprogram-simulate (j-component + exparser, WeChat's
// component framework) on a jsdom document. Built-in components (view, image, picker, ...) render as
// plain wx-* elements; the tests read the rendered tree (comp.toJSON(): tag, attributes with their
// evaluated values, bound handlers, children) rather than styles or native behaviour.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

// The packages below are devDependencies pinned in package-lock.json (`./mvnw verify` runs `npm ci` first).
function requireInstalled(name) {
  try {
    return require(name);
  } catch (err) {
    if (err.code === 'MODULE_NOT_FOUND' && err.message.includes("'" + name + "'")) {
      throw new Error(name + ' is not installed: run `npm ci` in miniprogram-stub first');
    }
    throw err;
  }
}

const { JSDOM } = requireInstalled('jsdom');

// exparser and j-component need a DOM; nothing else from the browser is used.
const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>');
globalThis.window = window;
globalThis.document = window.document;

const simulate = requireInstalled('miniprogram-simulate');
const compiler = requireInstalled('miniprogram-compiler');

const { createWxShim, respond, loadPage, deferred, PROJECT_ROOT } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const { createAuth } = require('../utils/auth');

const config = { apiBaseUrl: 'http://localhost:8080', graphqlPath: '/graphql', sandbox: true };
const APP_PAGES = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'app.json'), 'utf8')).pages;

// ---------------------------------------------------------------------------------------------
// Compiling and rendering

// wcc compiles the whole project in one run (as WeChat DevTools does; its output keeps global state, so it
// is not run once per page). A template error throws with wcc's message, naming file:line:column.
let gwx = null;

function templateOf(pagePath) {
  if (!gwx) {
    const source = compiler.wxmlToJs(PROJECT_ROOT, {
      wxmlList: APP_PAGES.map((p) => p + '.wxml'),
      wxsList: [],
      maxBuffer: 64 * 1024 * 1024
    });
    gwx = new Function(source)();
  }
  const generate = gwx(pagePath + '.wxml');
  assert.equal(typeof generate, 'function', 'wcc produced no template for ' + pagePath + '.wxml');
  return generate;
}

// Pages rendered by a page-specific test below (checked by the last test).
const pagesWithTests = new Set();

/** Renders a page template with the given data; returns the rendered tree's root. */
function render(pagePath, data) {
  pagesWithTests.add(pagePath);
  return renderTemplate(pagePath, data);
}

function renderTemplate(pagePath, data) {
  const id = simulate.load({ template: templateOf(pagePath), data: JSON.parse(JSON.stringify(data)) });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  return comp.toJSON();
}

// ---------------------------------------------------------------------------------------------
// Reading the rendered tree: { tagName: 'wx-view', attrs: [{ name, value }], event, children }

function all(node, predicate) {
  const found = [];
  const walk = (n) => {
    if (!n || typeof n !== 'object') return;
    if (predicate(n)) found.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return found;
}

const attr = (node, name) => {
  const hit = node.attrs.find((a) => a.name === name);
  return hit ? hit.value : undefined;
};
const classesOf = (node) => String(attr(node, 'class') || '').split(/\s+/).filter(Boolean);
const hasClass = (node, className) => classesOf(node).includes(className);
const byTag = (root, tag) => all(root, (n) => n.tagName === 'wx-' + tag);
const byClass = (root, className) => all(root, (n) => hasClass(n, className));
const textOf = (node) => (typeof node === 'string' ? node : node.children.map(textOf).join(''));
const texts = (nodes) => nodes.map(textOf);
const handlerOf = (node, event) => node.event[event] && node.event[event].handler;
/** The one node with the given class whose text contains `text` (e.g. the card of one order). */
function the(root, className, text) {
  const hits = byClass(root, className).filter((n) => textOf(n).includes(text));
  assert.equal(hits.length, 1, 'expected exactly one .' + className + ' containing "' + text + '", got ' + hits.length);
  return hits[0];
}

// ---------------------------------------------------------------------------------------------
// Running a page under the shim

/** Loads a page with the shim, a real GraphQL client and scripted answers (data, or a function of the variables). */
function openPage(pagePath, answers, options) {
  const shim = createWxShim();
  const opts = options || {};
  if (opts.loggedIn !== false) shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'token-1');
  for (const [operation, answer] of Object.entries(answers || {})) {
    shim.on(operation, (record) => respond.data(typeof answer === 'function' ? answer(record.data.variables) : answer));
  }
  const client = createClient({ wx: shim.wx, config });
  const app = Object.assign({ client, auth: createAuth({ wx: shim.wx, client }) }, opts.app);
  const { page, definition } = loadPage(pagePath + '.js', { wx: shim.wx, app });
  return { page, definition, shim };
}

/** A page that hit an error shows a toast (icon 'none') instead of data: fail loudly on that. */
function assertNoErrorToast(shim) {
  const errors = shim.calls.showToast.filter((t) => t.icon === 'none');
  assert.deepEqual(errors, [], 'the page reported an error: ' + JSON.stringify(errors));
}

const tap = (dataset, value) => ({ currentTarget: { dataset }, detail: value === undefined ? {} : { value } });

const connection = (nodes) => ({ edges: nodes.map((node, i) => ({ cursor: 'c' + i, node })) });

const COMMUNITY = { id: 'c1', name: '幸福社区' };
const ME = {
  id: 'a1',
  nickname: '张三',
  phoneMasked: null,
  roles: ['RESIDENT'],
  staffCommunity: null,
  households: [{ id: 'h1', label: '3栋 2单元 501', community: COMMUNITY }]
};
const ME_WITHOUT_HOUSEHOLD = Object.assign({}, ME, { households: [] });

// ---------------------------------------------------------------------------------------------
// Every page

test('every page in app.json compiles with wcc and renders with its initial data', () => {
  assert.ok(APP_PAGES.length >= 16);
  for (const pagePath of APP_PAGES) {
    const { definition } = openPage(pagePath);
    const root = renderTemplate(pagePath, definition.data);
    assert.equal(root.children.length, 1, pagePath + ' renders one root element');
    assert.ok(hasClass(root.children[0], 'container'), pagePath + ' is wrapped in .container');
  }
});

test('every {{ }} binding in a page template names a field of that page\'s data (or a wx:for alias)', () => {
  const KEYWORDS = new Set(['true', 'false', 'null', 'undefined']);
  for (const pagePath of APP_PAGES) {
    const wxml = fs.readFileSync(path.join(PROJECT_ROOT, pagePath + '.wxml'), 'utf8');
    const { definition } = openPage(pagePath);
    const known = new Set(Object.keys(definition.data).concat(['item', 'index']));
    for (const m of wxml.matchAll(/wx:for-(?:item|index)="(\w+)"/g)) known.add(m[1]);
    for (const m of wxml.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
      const expression = m[1].replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
      for (const id of expression.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)) {
        if (KEYWORDS.has(id[0])) continue;
        assert.ok(known.has(id[0]), pagePath + '.wxml binds {{' + m[1].trim() + '}}: "' + id[0] + '" is not in the page data');
      }
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Page by page

test('index: links when logged in, only the login link when not; sandbox notice', async () => {
  const loggedIn = openPage('pages/index/index', { Me: { me: Object.assign({}, ME, { nickname: '李四' }) } });
  await loggedIn.page.onShow();
  assertNoErrorToast(loggedIn.shim);
  let root = render('pages/index/index', loggedIn.page.data);
  assert.match(textOf(byClass(root, 'title')[0]), /^(早上好|下午好|晚上好)，李四$/);
  const urls = byTag(root, 'navigator').map((n) => attr(n, 'url'));
  assert.equal(urls.length, 7);
  assert.ok(urls.includes('/pages/order/list') && urls.includes('/pages/partner/inbox'));
  assert.ok(!urls.includes('/pages/login/login'));
  assert.deepEqual(texts(byClass(root, 'notice')), ['当前连接的是开发沙箱环境，数据仅供测试。']);

  const loggedOut = openPage('pages/index/index', {}, { loggedIn: false });
  await loggedOut.page.onShow();
  loggedOut.page.setData({ sandbox: false });
  root = render('pages/index/index', loggedOut.page.data);
  assert.deepEqual(byTag(root, 'navigator').map((n) => [attr(n, 'url'), textOf(n)]), [['/pages/login/login', '登录']]);
  assert.match(textOf(byClass(root, 'title')[0]), /，邻居$/);
  assert.equal(byClass(root, 'notice').length, 0);
});

test('login: the login button shows loading and is disabled while logging in', async () => {
  const login = deferred();
  const { page, shim } = openPage('pages/login/login', {}, { app: { auth: { login: () => login.promise } } });
  let button = byTag(render('pages/login/login', page.data), 'button')[0];
  assert.equal(textOf(button), '微信一键登录');
  assert.equal(handlerOf(button, 'tap'), 'onLogin');
  assert.equal(attr(button, 'loading'), false);

  const running = page.onLogin();
  button = byTag(render('pages/login/login', page.data), 'button')[0];
  assert.equal(attr(button, 'loading'), true);
  assert.equal(attr(button, 'disabled'), true);
  login.resolve();
  await running;
  assert.deepEqual(shim.calls.reLaunch, [{ url: '/pages/index/index' }]);
});

test('me: profile, households, and the bind-phone button only while no phone is bound', async () => {
  const { page, shim } = openPage('pages/me/me', {
    Me: { me: Object.assign({}, ME, { roles: ['RESIDENT', 'STAFF'], staffCommunity: COMMUNITY }) }
  });
  let root = render('pages/me/me', page.data);
  assert.deepEqual(texts(byClass(root, 'muted')), ['加载中…']);

  await page.onShow();
  assertNoErrorToast(shim);
  root = render('pages/me/me', page.data);
  assert.equal(textOf(byClass(root, 'title')[0]), '张三');
  assert.ok(textOf(the(root, 'row', '手机号')).endsWith('未绑定'));
  assert.ok(textOf(the(root, 'row', '角色')).endsWith('居民、社区工作者'));
  assert.equal(textOf(the(root, 'row', '所属社区')), '所属社区幸福社区');
  assert.equal(textOf(the(root, 'row', '3栋 2单元 501')), '3栋 2单元 501幸福社区');
  const bind = byTag(root, 'button').filter((b) => attr(b, 'openType') === 'getPhoneNumber');
  assert.equal(bind.length, 1);
  assert.equal(handlerOf(bind[0], 'getphonenumber'), 'onGetPhoneNumber');

  shim.on('BindPhoneNumber', respond.data({ bindPhoneNumber: Object.assign({}, ME, { phoneMasked: '138****0000', households: [] }) }));
  await page.onGetPhoneNumber({ detail: { code: 'phone-code' } });
  root = render('pages/me/me', page.data);
  assert.ok(textOf(the(root, 'row', '手机号')).endsWith('138****0000'));
  assert.deepEqual(texts(byTag(root, 'button')), ['设置头像', '退出登录'], 'no bind-phone button once bound');
  assert.ok(texts(byClass(root, 'muted')).includes('暂未关联家庭'));
  const avatarButton = byTag(root, 'button').filter((b) => attr(b, 'openType') === 'chooseAvatar');
  assert.equal(handlerOf(avatarButton[0], 'chooseavatar'), 'onChooseAvatar');
  assert.deepEqual(byTag(root, 'image'), [], 'no avatar image until one is set');

  // choosing an avatar uploads the temp file, saves its photo id, and shows the signed link
  const signed = 'http://localhost:8080/photos/91?expires=1&signature=a';
  shim.onUpload({ statusCode: 201, data: { id: '91', url: signed } });
  shim.on('UpdateMyProfile', (req) => respond.data({ updateMyProfile: Object.assign({}, ME, { avatarUrl: signed,
    nickname: req.data.variables.input.avatarPhotoId === '91' ? '张三' : 'wrong id sent' }) }));
  await page.onChooseAvatar({ detail: { avatarUrl: 'wxfile://tmp/avatar.jpeg' } });
  assertNoErrorToast(shim);
  assert.equal(shim.uploads[0].filePath, 'wxfile://tmp/avatar.jpeg');
  root = render('pages/me/me', page.data);
  assert.deepEqual(byTag(root, 'image').map((i) => attr(i, 'src')), [signed]);
  assert.equal(textOf(byClass(root, 'title')[0]), '张三');
});

test('services: categories and priced offerings; no-community and empty messages (wx:if / wx:elif)', async () => {
  const categories = [{ code: 'REPAIR', name: '维修' }, { code: 'CLEAN', name: '保洁' }];
  const offerings = [
    { id: 'f1', title: '水管维修', active: true, category: categories[0], partner: { id: 'p1', name: '红星维修' }, priceKind: 'CASH', priceFen: 5000, estimatedMinutes: 60 },
    { id: 'f2', title: '助老保洁', active: true, category: categories[1], partner: { id: 'p2', name: '邻里保洁' }, priceKind: 'POINTS', pricePoints: 20, estimatedMinutes: 90 },
    { id: 'f3', title: '已下架', active: false, category: categories[1], partner: { id: 'p2', name: '邻里保洁' }, priceKind: 'FREE' }
  ];
  const answers = (me, list) => ({ Me: { me }, ServiceCategories: { serviceCategories: categories }, Offerings: { offerings: connection(list) } });

  const { page, shim } = openPage('pages/services/services', answers(ME, offerings));
  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/services/services', page.data);
  assert.deepEqual(texts(byClass(root, 'chip')), ['维修', '保洁']);
  assert.deepEqual(byClass(root, 'chip').map((c) => attr(c, 'data-code')), ['REPAIR', 'CLEAN']);
  assert.equal(textOf(the(root, 'row', '水管维修')), '水管维修维修 · 红星维修¥50.00');
  assert.equal(textOf(byClass(the(root, 'row', '助老保洁'), 'price')[0]), '20 积分');
  assert.equal(byClass(root, 'row').length, 2, 'inactive offerings are not listed');
  assert.deepEqual(texts(byClass(root, 'muted')).filter((t) => /暂无|加载/.test(t)), []);

  const none = openPage('pages/services/services', answers(ME_WITHOUT_HOUSEHOLD, []));
  await none.page.onShow();
  root = render('pages/services/services', none.page.data);
  assert.deepEqual(texts(byClass(root, 'muted')), ['尚未关联家庭，暂无服务项目']);

  const empty = openPage('pages/services/services', answers(ME, []));
  await empty.page.onShow();
  root = render('pages/services/services', empty.page.data);
  assert.deepEqual(texts(byClass(root, 'muted')), ['暂无服务项目']);
});

test('place order: one <image> per uploaded photo with its path; add button only below 9; errors after submit', async () => {
  const { page, shim } = openPage('pages/order/place', {
    Me: { me: ME },
    ServiceCategories: { serviceCategories: [{ code: 'CLEAN', name: '保洁' }, { code: 'REPAIR', name: '维修' }] }
  });
  let chosen = [];
  shim.wx.chooseMedia = (o) => Promise.resolve().then(() => o.success({ tempFiles: chosen.map((p) => ({ tempFilePath: p, size: 1000 })) }));
  let nextId = 40;
  shim.onUpload(() => ({ statusCode: 201, data: { id: String(++nextId), url: 'http://localhost:8080/photos/x' } }));
  await page.onLoad({ categoryCode: 'REPAIR' });
  assertNoErrorToast(shim);

  let root = render('pages/order/place', page.data);
  const pickers = byTag(root, 'picker');
  assert.equal(textOf(pickers[0]), '3栋 2单元 501');
  assert.equal(textOf(pickers[1]), '维修');
  assert.equal(textOf(pickers[2]), '一般');
  assert.equal(byTag(root, 'image').length, 0);
  assert.equal(textOf(the(root, 'add', '＋')), '＋');
  assert.equal(byClass(root, 'error').length, 0);

  chosen = ['wxfile://tmp/leak-1.jpg', 'wxfile://tmp/leak-2.jpg'];
  await page.onChoosePhotos();
  root = render('pages/order/place', page.data);
  const images = byTag(root, 'image');
  assert.deepEqual(images.map((i) => attr(i, 'src')), chosen);
  assert.deepEqual(images.map((i) => handlerOf(i, 'longpress')), ['onRemovePhoto', 'onRemovePhoto']);
  assert.equal(byClass(root, 'add').length, 1);

  chosen = [3, 4, 5, 6, 7, 8, 9].map((n) => 'wxfile://tmp/leak-' + n + '.jpg');
  await page.onChoosePhotos();
  root = render('pages/order/place', page.data);
  assert.equal(byTag(root, 'image').length, 9);
  assert.equal(byClass(root, 'add').length, 0, 'no add button with 9 photos');

  await page.onSubmit();
  root = render('pages/order/place', page.data);
  assert.deepEqual(texts(byClass(root, 'error')), ['请填写需求描述', '请填写正确的联系电话']);
});

test('order list: tabs with the active one, status labels, urgent tag only on urgent orders, empty message', async () => {
  const orders = [
    { id: 'o1', status: 'DISPATCHED', urgency: 'URGENT', category: { code: 'REPAIR', name: '维修' }, offering: null, household: { id: 'h1', label: '3栋 2单元 501' }, description: '水管漏水', createdAt: '2026-11-20T09:00:00+08:00' },
    { id: 'o2', status: 'CONFIRMED', urgency: 'NORMAL', category: { code: 'CLEAN', name: '保洁' }, offering: { id: 'f2', title: '助老保洁' }, household: { id: 'h1', label: '3栋 2单元 501' }, description: '', createdAt: '2026-11-18T14:30:00+08:00' }
  ];
  const { page, shim } = openPage('pages/order/list', { MyOrders: (v) => ({ myOrders: connection(v.status ? [] : orders) }) });
  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/order/list', page.data);
  assert.deepEqual(texts(byClass(root, 'active')), ['全部']);
  assert.equal(byClass(root, 'tab').length, 8);
  const cards = byClass(root, 'card');
  assert.deepEqual(cards.map((c) => attr(c, 'data-id')), ['o1', 'o2']);
  assert.equal(textOf(byClass(cards[0], 'tag')[0]), '待接单');
  assert.equal(textOf(cards[0]), '维修待接单水管漏水3栋 2单元 501 · 2026-11-20 09:00紧急');
  assert.deepEqual(texts(byClass(cards[1], 'tag')), ['已完成'], 'no urgent tag on a normal order');
  assert.ok(!texts(byClass(root, 'muted')).includes('暂无订单'));

  await page.onTab(tap({ value: 'CANCELLED' }));
  root = render('pages/order/list', page.data);
  assert.deepEqual(texts(byClass(root, 'active')), ['已取消']);
  assert.equal(byClass(root, 'card').length, 0);
  assert.ok(texts(byClass(root, 'muted')).includes('暂无订单'));
});

const ORDER = {
  id: 'o1',
  status: 'COMPLETED',
  urgency: 'NORMAL',
  dispatchMode: 'ASSIGN',
  category: { code: 'REPAIR', name: '维修' },
  offering: { id: 'f1', title: '水管维修' },
  household: { id: 'h1', label: '3栋 2单元 501' },
  description: '厨房水管漏水',
  photoUrls: ['http://localhost:8080/photos/41?expires=1&signature=a', 'http://localhost:8080/photos/42?expires=1&signature=b'],
  preferredFrom: '2026-11-21T09:00:00+08:00',
  preferredTo: '2026-11-21T11:00:00+08:00',
  contactPhone: '13800000000',
  partner: { id: 'p1', name: '红星维修' },
  servingMember: { id: 'm1', nickname: '王师傅' },
  minutesSpent: 45,
  completionNotes: '已更换阀芯',
  completionPhotoUrls: ['http://localhost:8080/photos/51?expires=1&signature=c'],
  rating: null,
  createdAt: '2026-11-20T09:00:00+08:00',
  timeline: [
    { id: 't1', at: '2026-11-20T09:00:00+08:00', actorKind: 'RESIDENT', actor: { id: 'a1', nickname: '张三' }, from: null, to: 'SUBMITTED', partner: null, reason: null },
    { id: 't2', at: '2026-11-21T10:30:00+08:00', actorKind: 'PARTNER', actor: null, partner: { id: 'p1', name: '红星维修' }, from: 'IN_SERVICE', to: 'COMPLETED', reason: null }
  ]
};

test('order detail: status, signed photo URLs as <image> src, completion photos only when present, rating stars', async () => {
  const { page, shim } = openPage('pages/order/detail', { Order: (v) => ({ order: Object.assign({}, ORDER, { id: v.id }) }) });
  assert.deepEqual(texts(byClass(render('pages/order/detail', page.data), 'muted')), ['加载中…']);

  await page.onLoad({ id: 'o1' });
  assertNoErrorToast(shim);
  let root = render('pages/order/detail', page.data);
  assert.equal(textOf(byClass(root, 'tag')[0]), '待确认');
  assert.equal(textOf(byClass(root, 'title')[0]), '水管维修');
  const request = byTag(root, 'image').filter((i) => attr(i, 'data-group') === 'request');
  assert.deepEqual(request.map((i) => attr(i, 'src')), ORDER.photoUrls);
  assert.deepEqual(request.map((i) => attr(i, 'data-index')), [0, 1]);
  assert.equal(handlerOf(request[0], 'tap'), 'onPreviewPhoto');
  assert.ok(texts(byClass(root, 'muted')).includes('完工照片'));
  const completion = byTag(root, 'image').filter((i) => attr(i, 'data-group') === 'completion');
  assert.deepEqual(completion.map((i) => attr(i, 'src')), ORDER.completionPhotoUrls);
  assert.ok(texts(byClass(root, 'muted')).includes('期望时间：2026-11-21 09:00 - 11:00'));
  assert.deepEqual(texts(byClass(root, 'timeline')), ['待派单2026-11-20 09:00 张三', '服务中 → 待确认2026-11-21 10:30 红星维修']);
  // confirm card: three rating rows of five stars, all lit by default; tapping a star re-lights its row
  assert.equal(byClass(root, 'star').length, 15);
  assert.equal(byClass(root, 'on').length, 15);
  page.onStar(tap({ field: 'punctuality', value: 2 }));
  root = render('pages/order/detail', page.data);
  assert.deepEqual(byClass(the(root, 'row', '准时'), 'star').map((s) => hasClass(s, 'on')), [true, true, false, false, false]);
  assert.equal(byClass(root, 'on').length, 12);
  assert.ok(!texts(byClass(root, 'section-title')).includes('取消订单'));

  const submitted = openPage('pages/order/detail', {
    Order: { order: Object.assign({}, ORDER, { status: 'SUBMITTED', completionPhotoUrls: [], partner: null, servingMember: null, minutesSpent: null, completionNotes: null, timeline: ORDER.timeline.slice(0, 1) }) }
  });
  await submitted.page.onLoad({ id: 'o1' });
  root = render('pages/order/detail', submitted.page.data);
  assert.equal(textOf(byClass(root, 'tag')[0]), '待派单');
  assert.equal(byTag(root, 'image').length, 2);
  assert.ok(!texts(byClass(root, 'muted')).includes('完工照片'), 'no completion photos section without completion photos');
  assert.equal(byClass(root, 'star').length, 0, 'no rating form before completion');
  assert.deepEqual(texts(byClass(root, 'section-title')), ['进度', '取消订单']);
  assert.ok(!texts(byClass(root, 'muted')).some((t) => t.startsWith('服务方')));
});

test('partner inbox: completion photo add button only for IN_SERVICE orders; actions follow status', async () => {
  const base = { urgency: 'NORMAL', dispatchMode: 'ASSIGN', category: { code: 'REPAIR', name: '维修' }, offering: null, household: { id: 'h1', label: '3栋 2单元 501' }, contactPhone: '13800000000', createdAt: '2026-11-20T09:00:00+08:00' };
  const byFilter = {
    DISPATCHED: [Object.assign({}, base, { id: 'o1', status: 'DISPATCHED', description: '水管漏水', urgency: 'URGENT' })],
    ACTIVE: [
      Object.assign({}, base, { id: 'o2', status: 'ACCEPTED', description: '换灯泡' }),
      Object.assign({}, base, { id: 'o3', status: 'IN_SERVICE', description: '修马桶' })
    ]
  };
  const { page, shim } = openPage('pages/partner/inbox', { PartnerInbox: (v) => ({ partnerInbox: connection(byFilter[v.filter] || []) }) });
  shim.wx.chooseMedia = (o) => Promise.resolve().then(() => o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/done.jpg', size: 1000 }] }));
  shim.onUpload({ statusCode: 201, data: { id: '61', url: 'http://localhost:8080/photos/61' } });

  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/partner/inbox', page.data);
  assert.deepEqual(texts(byClass(root, 'active')), ['待接单']);
  let card = the(root, 'card', '水管漏水');
  assert.deepEqual(texts(byTag(card, 'button')), ['接单', '拒单']);
  assert.equal(byTag(card, 'input').length, 1, 'only the decline reason');
  assert.equal(byClass(card, 'add').length, 0);
  assert.ok(!textOf(card).includes('13800000000'), 'no phone before accepting');
  assert.deepEqual(texts(byClass(card, 'tag-urgent')), ['紧急']);

  await page.onTab(tap({ value: 'ACTIVE' }));
  root = render('pages/partner/inbox', page.data);
  assert.deepEqual(texts(byClass(root, 'active')), ['进行中']);
  const accepted = the(root, 'card', '换灯泡');
  assert.deepEqual(texts(byTag(accepted, 'button')), ['开始服务']);
  assert.equal(byClass(accepted, 'add').length, 0, 'no completion photos before service starts');
  assert.ok(textOf(accepted).includes('联系电话：13800000000'));
  card = the(root, 'card', '修马桶');
  assert.deepEqual(texts(byTag(card, 'button')), ['完成服务']);
  const add = byClass(card, 'add');
  assert.equal(add.length, 1);
  assert.equal(attr(add[0], 'data-id'), 'o3');
  assert.equal(handlerOf(add[0], 'tap'), 'onChoosePhotos');
  assert.equal(byTag(card, 'image').length, 0);

  await page.onChoosePhotos(tap({ id: 'o3' }));
  root = render('pages/partner/inbox', page.data);
  const photo = byTag(the(root, 'card', '修马桶'), 'image');
  assert.deepEqual(photo.map((i) => [attr(i, 'src'), attr(i, 'data-id'), attr(i, 'data-index')]), [['wxfile://tmp/done.jpg', 'o3', 0]]);
  assert.equal(byTag(the(root, 'card', '换灯泡'), 'image').length, 0);
});

test('partner verify: the result card appears only after a voucher is verified', async () => {
  const { page, shim } = openPage('pages/partner/verify', {
    VerifyVoucher: (v) => ({ verifyVoucher: { id: 'v1', code: v.input.code, status: 'USED', usedAt: '2026-11-20T15:04:00+08:00', reward: { id: 'r1', title: '理发一次' } } })
  });
  let root = render('pages/partner/verify', page.data);
  assert.equal(byClass(root, 'card').length, 1);
  assert.equal(byTag(root, 'button').length, 2);

  page.onInput({ detail: { value: 'linli:voucher:ab12cd' } });
  await page.onVerify();
  assertNoErrorToast(shim);
  root = render('pages/partner/verify', page.data);
  const result = byClass(root, 'card')[1];
  assert.equal(textOf(byClass(result, 'title')[0]), '理发一次');
  assert.deepEqual(texts(byClass(result, 'muted')), ['券码：AB12CD', '状态：已核销', '核销时间：2026-11-20 15:04']);
});

test('time bank: balance card and statement only once loaded; income points highlighted', async () => {
  const { page, shim } = openPage('pages/timebank/index', {
    Me: { me: ME },
    MyTimeBank: {
      myTimeBank: {
        balance: 120,
        pendingHolds: 10,
        statement: connection([
          { id: 'x1', kind: 'EARN', description: '助老服务', points: 30, at: '2026-11-20T10:00:00+08:00' },
          { id: 'x2', kind: 'REDEEM', description: null, points: -20, at: '2026-11-21T10:00:00+08:00' }
        ])
      }
    }
  });
  let root = render('pages/timebank/index', page.data);
  assert.equal(byClass(root, 'balance').length, 0);
  assert.deepEqual(texts(byClass(root, 'section-title')), ['转赠给家人', '捐给社区积分池']);

  await page.onShow();
  assertNoErrorToast(shim);
  root = render('pages/timebank/index', page.data);
  assert.equal(textOf(byClass(root, 'balance')[0]), '120');
  assert.ok(texts(byClass(root, 'muted')).includes('冻结中：10'));
  assert.deepEqual(byTag(root, 'navigator').map((n) => attr(n, 'url')), ['/pages/timebank/rewards', '/pages/timebank/vouchers']);
  const rows = byClass(root, 'row');
  assert.deepEqual(texts(rows), ['助老服务2026-11-20 10:00+30', 'REDEEM2026-11-21 10:00-20']);
  assert.deepEqual(texts(byClass(root, 'income')), ['+30']);
  assert.ok(!texts(byClass(root, 'muted')).includes('暂无记录'));
});

test('rewards: sold-out rewards show a disabled 已兑完 button; empty message', async () => {
  const rewards = [
    { id: 'r1', title: '理发一次', description: '社区理发店', kind: 'SERVICE', pointsPrice: 50, stock: 3, supplier: { id: 's1', name: '街角理发' }, validTo: null },
    { id: 'r2', title: '大米一袋', description: null, kind: 'GOODS', pointsPrice: 80, stock: 0, supplier: { id: 's2', name: '惠民超市' }, validTo: null }
  ];
  const { page, shim } = openPage('pages/timebank/rewards', { Me: { me: ME }, Rewards: { rewards: connection(rewards) } });
  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/timebank/rewards', page.data);
  const haircut = the(root, 'card', '理发一次');
  assert.deepEqual(texts(byClass(haircut, 'tag')), ['换服务']);
  assert.ok(textOf(haircut).includes('街角理发 · 库存 3'));
  const [redeem] = byTag(haircut, 'button');
  assert.deepEqual([textOf(redeem), attr(redeem, 'disabled'), attr(redeem, 'data-id')], ['兑换', false, 'r1']);
  const [soldOut] = byTag(the(root, 'card', '大米一袋'), 'button');
  assert.deepEqual([textOf(soldOut), attr(soldOut, 'disabled')], ['已兑完', true]);
  assert.ok(!texts(byClass(root, 'muted')).includes('暂无可兑换的奖励'));

  const empty = openPage('pages/timebank/rewards', { Me: { me: ME }, Rewards: { rewards: connection([]) } });
  await empty.page.onShow();
  root = render('pages/timebank/rewards', empty.page.data);
  assert.deepEqual(texts(byClass(root, 'muted')), ['暂无可兑换的奖励']);
});

test('vouchers: QR image when the server sends one, QR text otherwise; cancel only for unused vouchers', async () => {
  const reward = { id: 'r1', title: '理发一次', supplier: { id: 's1', name: '街角理发' } };
  const png = 'data:image/png;base64,iVBORw0KGgo=';
  const { page, shim } = openPage('pages/timebank/vouchers', {
    MyVouchers: {
      myVouchers: [
        { id: 'v1', code: 'AAA111', status: 'ISSUED', qrCodeDataUrl: png, pointsPaid: 50, expiresAt: '2026-12-31T23:59:00+08:00', usedAt: null, reward },
        { id: 'v2', code: 'BBB222', status: 'ISSUED', qrCodeDataUrl: null, pointsPaid: 50, expiresAt: '2026-12-31T23:59:00+08:00', usedAt: null, reward },
        { id: 'v3', code: 'CCC333', status: 'USED', qrCodeDataUrl: png, pointsPaid: 50, expiresAt: '2026-12-31T23:59:00+08:00', usedAt: '2026-11-20T15:04:00+08:00', reward }
      ]
    }
  });
  await page.onShow();
  assertNoErrorToast(shim);
  const root = render('pages/timebank/vouchers', page.data);
  const [withImage, withText, used] = byClass(root, 'card');
  assert.deepEqual(byTag(withImage, 'image').map((i) => attr(i, 'src')), [png]);
  assert.equal(byClass(withImage, 'qr').length, 0);
  assert.equal(byTag(withText, 'image').length, 0);
  assert.deepEqual(texts(byClass(withText, 'qr')), ['二维码：linli:voucher:BBB222']);
  assert.deepEqual(texts(byClass(withText, 'code')), ['BBB222']);
  assert.deepEqual(texts(byClass(used, 'tag')), ['已核销']);
  assert.equal(byTag(used, 'image').length, 0, 'no QR for a used voucher');
  assert.ok(texts(byClass(used, 'muted')).includes('核销时间 2026-11-20 15:04'));
  assert.deepEqual(byTag(root, 'button').map((b) => attr(b, 'data-id')), ['v1', 'v2']);
});

const CAMPAIGN = {
  id: 'k1',
  theme: '冬至邻里节',
  festivalDate: '2026-12-21',
  mainVenue: '社区广场',
  branchVenues: ['3栋架空层'],
  description: '一起包饺子',
  coverImageUrl: 'http://localhost:8080/photos/71?expires=1&signature=d',
  deadline: '2026-12-15T23:59:00+08:00',
  moneyGoalFen: 100000,
  fundingRule: 'ALL_OR_NOTHING',
  matchingSponsor: '幸福物业',
  matchingCapFen: 20000,
  status: 'OPEN',
  community: COMMUNITY,
  progress: {
    moneyRaisedFen: 30000,
    matchedFen: 10000,
    totalFen: 40000,
    moneyGoalFen: 100000,
    supporters: 12,
    items: [
      { id: 'i1', name: '面粉', unit: '袋', quantityNeeded: 10, quantityPledged: 4, quantityReceived: 2 },
      { id: 'i2', name: '饺子馅', unit: '斤', quantityNeeded: 5, quantityPledged: 5, quantityReceived: 5 }
    ],
    volunteers: [
      { id: 'v1', name: '包饺子', count: 10, signedUp: 3, pointsReward: 20 },
      { id: 'v2', name: '搬桌椅', count: 2, signedUp: 2, pointsReward: 10 }
    ],
    byContributorKind: [{ contributorKind: 'RESIDENT', moneyFen: 30000, pledges: 11 }],
    supportersWall: [{ name: null, kind: 'MONEY', contributorKind: 'RESIDENT', amountFen: 5000, what: null, message: '加油', at: '2026-11-20T10:00:00+08:00' }]
  }
};

test('festival list: progress per campaign, cover image only when present, empty message once loaded', async () => {
  const second = Object.assign({}, CAMPAIGN, { id: 'k2', theme: '端午邻里节', coverImageUrl: null, status: 'FUNDED', progress: Object.assign({}, CAMPAIGN.progress, { totalFen: 120000 }) });
  const { page, shim } = openPage('pages/festival/list', { Me: { me: ME }, Campaigns: { campaigns: connection([CAMPAIGN, second]) } });
  assert.equal(byClass(render('pages/festival/list', page.data), 'muted').length, 0, 'no empty message while loading');

  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/festival/list', page.data);
  const cards = byClass(root, 'card');
  assert.deepEqual(cards.map((c) => attr(c, 'data-id')), ['k1', 'k2']);
  assert.deepEqual(byTag(cards[0], 'image').map((i) => attr(i, 'src')), [CAMPAIGN.coverImageUrl]);
  assert.equal(byTag(cards[1], 'image').length, 0);
  assert.deepEqual(byTag(root, 'progress').map((p) => attr(p, 'percent')), [40, 100]);
  assert.deepEqual(texts(byClass(root, 'tag')), ['众筹中', '已达成']);
  assert.ok(textOf(cards[0]).includes('已筹 ¥400.00 / 目标 ¥1000.00 · 12 人支持'));

  const empty = openPage('pages/festival/list', { Me: { me: ME_WITHOUT_HOUSEHOLD } });
  await empty.page.onShow();
  root = render('pages/festival/list', empty.page.data);
  assert.deepEqual(texts(byClass(root, 'muted')), ['暂无邻里节活动']);
});

test('festival detail: progress, matching, pledge forms only while open, full volunteer roles disabled', async () => {
  const { page, shim } = openPage('pages/festival/detail', { Campaign: (v) => ({ campaign: Object.assign({}, CAMPAIGN, { id: v.id }) }) });
  assert.deepEqual(texts(byClass(render('pages/festival/detail', page.data), 'muted')), ['加载中…']);

  await page.onLoad({ id: 'k1' });
  assertNoErrorToast(shim);
  let root = render('pages/festival/detail', page.data);
  assert.deepEqual(byTag(root, 'image').map((i) => attr(i, 'src')), [CAMPAIGN.coverImageUrl]);
  assert.equal(textOf(byClass(root, 'title')[0]), '冬至邻里节');
  const progressCard = the(root, 'card', '筹款进度');
  assert.equal(attr(byTag(progressCard, 'progress')[0], 'percent'), 40);
  assert.ok(textOf(progressCard).includes('已筹 ¥400.00 / 目标 ¥1000.00'));
  assert.ok(texts(byClass(progressCard, 'muted')).includes('配捐方：幸福物业（上限 ¥200.00）'));
  assert.ok(texts(byClass(progressCard, 'muted')).includes('未达目标将全额退款'));
  assert.equal(textOf(the(root, 'field', '以居民身份支持')), '以居民身份支持');
  assert.ok(textOf(the(root, 'card', '出钱')).includes('支持并支付'));
  // items: only the one still short of its need can be pledged
  assert.deepEqual(byTag(the(root, 'field', '面粉'), 'button').map(textOf), ['认捐']);
  assert.equal(byTag(the(root, 'field', '饺子馅'), 'button').length, 0);
  const signUps = byTag(the(root, 'card', '出力'), 'button');
  assert.deepEqual(signUps.map((b) => [textOf(b), attr(b, 'disabled')]), [['报名', false], ['已满', true]]);
  assert.ok(textOf(the(root, 'card', '支持者墙')).includes('匿名邻居（居民）¥50.00'));

  page.onKindChange(tap({}, '1'));
  root = render('pages/festival/detail', page.data);
  assert.equal(textOf(the(root, 'field', '身份支持')), '以商家身份支持');

  const closed = openPage('pages/festival/detail', {
    Campaign: { campaign: Object.assign({}, CAMPAIGN, { status: 'CLOSED', matchingSponsor: null, fundingRule: 'KEEP_ALL' }) }
  });
  await closed.page.onLoad({ id: 'k1' });
  root = render('pages/festival/detail', closed.page.data);
  assert.ok(!texts(byClass(root, 'section-title')).includes('出钱'));
  assert.equal(byTag(root, 'button').length, 0, 'no pledge or sign-up buttons once closed');
  assert.ok(!texts(byClass(root, 'muted')).some((t) => t.startsWith('配捐方') || t === '未达目标将全额退款'));
});

test('festival ledger: totals, income and expense rows, empty sections', async () => {
  const { page, shim } = openPage('pages/festival/ledger', {
    CampaignLedger: {
      campaignLedger: {
        incomeFen: 40000,
        expensesFen: 0,
        pendingExpensesFen: 5000,
        balanceFen: 40000,
        income: [{ source: '张三', contributorKind: 'RESIDENT', amountFen: 30000, at: '2026-11-20T10:00:00+08:00' }],
        expenses: []
      }
    }
  });
  assert.deepEqual(texts(byClass(render('pages/festival/ledger', page.data), 'muted')), ['加载中…']);
  await page.onLoad({ id: 'k1' });
  assertNoErrorToast(shim);
  const root = render('pages/festival/ledger', page.data);
  assert.equal(textOf(the(root, 'row', '总收入')), '总收入¥400.00');
  assert.equal(textOf(byClass(root, 'balance')[0]), '¥400.00');
  assert.equal(textOf(the(root, 'row', '待审批支出')), '待审批支出¥50.00');
  assert.equal(textOf(the(root, 'row', '张三（居民）')), '张三（居民）2026-11-20 10:00¥300.00');
  assert.ok(texts(byClass(root, 'muted')).includes('暂无支出'));
  assert.ok(!texts(byClass(root, 'muted')).includes('暂无收入'));
});

test('notifications: unread count, dot and read style per item; mark-all button only while something is unread', async () => {
  let unread = true;
  const { page, shim } = openPage('pages/notifications/notifications', {
    MyNotifications: () => ({
      myNotifications: Object.assign(
        { unreadCount: unread ? 1 : 0 },
        connection([
          { id: 'n1', kind: 'ORDER_ACCEPTED', title: '订单已接单', body: '红星维修已接单', page: 'pages/order/detail?id=o1', read: !unread, createdAt: '2026-11-20T10:00:00+08:00' },
          { id: 'n2', kind: 'PLEDGE_PAID', title: '支付成功', body: '感谢支持', page: null, read: true, createdAt: '2026-11-19T10:00:00+08:00' }
        ])
      )
    }),
    MarkNotificationsRead: () => {
      unread = false;
      return { markNotificationsRead: { marked: 1 } };
    }
  });
  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/notifications/notifications', page.data);
  assert.equal(textOf(byTag(root, 'text')[0]), '未读 1 条');
  assert.deepEqual(byTag(root, 'button').map((b) => [textOf(b), handlerOf(b, 'tap')]), [['全部已读', 'onMarkAll']]);
  const [first, second] = byClass(root, 'card');
  assert.deepEqual(texts(byClass(first, 'dot')), ['●']);
  assert.ok(!hasClass(first, 'read'));
  assert.ok(hasClass(second, 'read'));
  assert.equal(byClass(second, 'dot').length, 0);
  assert.deepEqual([attr(first, 'data-index'), attr(second, 'data-index')], [0, 1]);

  await page.onMarkAll();
  root = render('pages/notifications/notifications', page.data);
  assert.equal(textOf(byTag(root, 'text')[0]), '未读 0 条');
  assert.equal(byTag(root, 'button').length, 0);
  assert.equal(byClass(root, 'dot').length, 0);
});

// Every list page (the helper's data: paging = { loading, loadingMore, end }) and the data key of its items.
const LIST_ITEMS = {
  'pages/order/list': 'orders',
  'pages/partner/inbox': 'orders',
  'pages/notifications/notifications': 'items',
  'pages/timebank/index': 'statement',
  'pages/timebank/rewards': 'rewards',
  'pages/timebank/vouchers': 'vouchers',
  'pages/festival/list': 'campaigns',
  'pages/services/services': 'offerings'
};

test('list pages: 加载中… while the next page loads, 没有更多了 at the end of a non-empty list, neither otherwise', () => {
  const footers = (pagePath, items, paging) => {
    const { definition } = openPage(pagePath);
    // view: the time bank lists its statement inside the balance card, shown once the balance is there.
    const data = Object.assign({}, definition.data, { view: { balance: 0, pendingHolds: 0 }, [LIST_ITEMS[pagePath]]: items, paging });
    return texts(byClass(renderTemplate(pagePath, data), 'list-footer'));
  };
  const one = [{ id: 'x1' }];
  for (const pagePath of Object.keys(LIST_ITEMS)) {
    assert.deepEqual(footers(pagePath, one, { loading: false, loadingMore: true, end: false }), ['加载中…'], pagePath);
    assert.deepEqual(footers(pagePath, one, { loading: false, loadingMore: false, end: true }), ['没有更多了'], pagePath);
    assert.deepEqual(footers(pagePath, one, { loading: false, loadingMore: false, end: false }), [], pagePath + ': more to come');
    assert.deepEqual(footers(pagePath, [], { loading: false, loadingMore: false, end: true }), [], pagePath + ': an empty list says 暂无… instead');
  }
});

test('order list: scrolling to the bottom renders the second page and then 没有更多了', async () => {
  const order = (id) => ({ id, status: 'SUBMITTED', urgency: 'NORMAL', category: { code: 'REPAIR', name: '维修' }, household: { id: 'h1', label: '3栋 2单元 501' }, description: '订单 ' + id, createdAt: '2026-11-20T09:00:00+08:00' });
  const { page, shim } = openPage('pages/order/list', {
    MyOrders: (v) => ({
      myOrders: v.after
        ? { edges: [{ cursor: 'c3', node: order('o3') }], pageInfo: { hasNextPage: false, endCursor: 'c3' } }
        : { edges: [{ cursor: 'c1', node: order('o1') }, { cursor: 'c2', node: order('o2') }], pageInfo: { hasNextPage: true, endCursor: 'c2' } }
    })
  });
  await page.onShow();
  let root = render('pages/order/list', page.data);
  assert.deepEqual(byClass(root, 'card').map((c) => attr(c, 'data-id')), ['o1', 'o2']);
  assert.deepEqual(texts(byClass(root, 'list-footer')), []);

  const more = page.onReachBottom();
  assert.deepEqual(texts(byClass(render('pages/order/list', page.data), 'list-footer')), ['加载中…']);
  await more;
  assertNoErrorToast(shim);
  root = render('pages/order/list', page.data);
  assert.deepEqual(byClass(root, 'card').map((c) => attr(c, 'data-id')), ['o1', 'o2', 'o3']);
  assert.deepEqual(texts(byClass(root, 'list-footer')), ['没有更多了']);
});

test('every page in app.json has a page-specific render test above', () => {
  assert.deepEqual(APP_PAGES.filter((p) => !pagesWithTests.has(p)), []);
});
