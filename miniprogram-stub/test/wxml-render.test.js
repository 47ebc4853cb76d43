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
  'pages/services/services': 'offerings',
  'pages/household/index': 'myRequests',
  'pages/partner/application': 'applications',
  'pages/staff/partner-application': 'applications'
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

// ---------------------------------------------------------------------------------------------
// 我的房屋、房屋认证、合伙人申请 (issue 12)

const ONB_AT = '2026-11-20T09:00:00+08:00';
const pageOf = (nodes, endCursor) => ({
  edges: nodes.map((node, i) => ({ cursor: 'c' + i, node })),
  pageInfo: { hasNextPage: Boolean(endCursor), endCursor: endCursor || null }
});
const verification = (id, over) => Object.assign({
  id, relation: 'FAMILY', status: 'PENDING', realName: '李四', applicantId: 'a2', applicantNickname: '小李', applicantPhone: '13800000002',
  proofPhotoUrl: 'http://localhost:8080/photos/5?signature=x', rejectionReason: null, decidedAt: null, createdAt: ONB_AT,
  household: { id: 'h1', label: '3栋 2单元 501', community: COMMUNITY }
}, over);
const partnerApp = (id, over) => Object.assign({
  id, kind: 'CRAFTSMAN', name: '王师傅水电', description: '二十年经验', categories: [{ code: 'HOME_REPAIR', name: '家电水电维修' }],
  contactName: '王师傅', contactPhone: '13900000000', licencePhotoUrls: ['http://localhost:8080/photos/8?signature=y'],
  communities: [{ community: COMMUNITY, status: 'PENDING', reason: null, decidedAt: null, validFrom: null, validTo: null, capacity: null }],
  partner: null, createdAt: ONB_AT
}, over);
const errorAnswer = (message, extensions) => ({ statusCode: 200, data: { data: null, errors: [{ message, extensions }] } });

test('我的房屋: empty state is a clear 申请房屋认证 button; a head sees members with actions, requests to decide and mine', async () => {
  const empty = openPage('pages/household/index', {
    MyHouseholds: { me: { id: 'a1', households: [] } },
    VerificationRequestsToDecide: { verificationRequestsToDecide: pageOf([]) },
    MyVerificationRequests: { myVerificationRequests: pageOf([]) }
  });
  assert.equal(byClass(render('pages/household/index', empty.page.data), 'empty').length, 0, 'no empty state while loading');
  await empty.page.onShow();
  assertNoErrorToast(empty.shim);
  let root = render('pages/household/index', empty.page.data);
  const [card] = byClass(root, 'empty');
  assert.equal(textOf(byClass(card, 'section-title')[0]), '你还没有认证的房屋');
  assert.deepEqual(byTag(card, 'navigator').map((n) => [attr(n, 'url'), textOf(n)]), [['/pages/household/apply', '申请房屋认证']]);
  assert.ok(texts(byClass(root, 'muted')).includes('暂无认证申请'));
  assert.equal(byClass(root, 'household').length, 0);

  const { page, shim } = openPage('pages/household/index', {
    MyHouseholds: { me: { id: 'a1', households: [{ id: 'h1', label: '3栋 2单元 501', community: COMMUNITY, members: [
      { id: 'a1', nickname: '张三', phoneMasked: '138****0001', isHead: true, relation: 'HEAD' },
      { id: 'a3', nickname: '王五', phoneMasked: null, isHead: false, relation: 'TENANT' }
    ] }] } },
    VerificationRequestsToDecide: { verificationRequestsToDecide: pageOf([verification('r1')]) },
    MyVerificationRequests: { myVerificationRequests: pageOf([verification('r9', { status: 'REJECTED', rejectionReason: '不是本户' }), verification('r8')]) }
  });
  shim.wx.showModal = (o) => o.success({ confirm: true });
  await page.onShow();
  assertNoErrorToast(shim);
  root = render('pages/household/index', page.data);
  assert.equal(byClass(root, 'empty').length, 0);
  const household = byClass(root, 'household')[0];
  const [me, tenant] = byClass(household, 'member');
  assert.equal(textOf(byClass(me, 'row')[0]), '张三（我）户主');
  assert.equal(byTag(me, 'button').length, 0, 'no actions on oneself');
  assert.deepEqual(byTag(tenant, 'button').map((b) => [textOf(b), handlerOf(b, 'tap'), attr(b, 'data-account')]), [['移交户主', 'onHandOver', 'a3'], ['移除', 'onRemoveMember', 'a3']]);
  assert.deepEqual(byTag(household, 'button').map(textOf).slice(-1), ['退出本户']);
  const decide = the(root, 'card', '待我审核');
  assert.ok(textOf(decide).includes('小李（家属）'));
  assert.ok(textOf(decide).includes('13800000002'));
  assert.deepEqual(byTag(decide, 'navigator').map((n) => attr(n, 'url')), ['/pages/household/review?id=r1']);
  assert.deepEqual(byTag(decide, 'button').map(textOf), ['通过', '驳回']);
  const mine = the(root, 'card', '我的认证申请');
  assert.deepEqual(texts(byClass(mine, 'tag')), ['已驳回', '待审核']);
  assert.deepEqual(texts(byClass(mine, 'error')), ['驳回原因：不是本户']);
  assert.deepEqual(byTag(mine, 'button').map((b) => [textOf(b), attr(b, 'data-id')]), [['撤回', 'r8']]);

  // a head leaving is refused: the reason stays visible under the household
  shim.on('LeaveHousehold', () => errorAnswer('户主须先把户主身份移交给其他成员', { code: 'HEAD_MUST_HAND_OVER' }));
  await page.onLeave(tap({ household: 'h1', label: '3栋 2单元 501' }));
  root = render('pages/household/index', page.data);
  assert.deepEqual(texts(byClass(byClass(root, 'household')[0], 'error')), ['户主须先把户主身份移交给其他成员']);
});

test('申请房屋认证: pickers down to the room, proof photo, field errors next to fields, pending request link', async () => {
  const tree = { community: { id: 'c1', name: '幸福社区', estates: [{ id: 'e1', name: '幸福小区', buildings: [{ id: 'b1', name: '3栋', units: [{ id: 'u1', name: '2单元', households: [{ id: 'h1', room: '501', label: '3栋 2单元 501', members: null }] }] }] }] } };
  const { page, shim } = openPage('pages/household/apply', {
    SearchCommunities: { communities: pageOf([{ id: 'c1', name: '幸福社区', address: '幸福路1号', retiredAt: null, street: null }]) },
    CommunityTree: tree
  });
  let root = render('pages/household/apply', page.data);
  assert.deepEqual(byTag(root, 'picker').map(textOf), ['户主 / 家属 / 租户'], 'only the relation picker before a community is chosen');
  assert.equal(textOf(byTag(root, 'button').at(-1)), '提交认证申请');

  page.onSearchInput(tap({}, '幸福'));
  await page.onSearch();
  root = render('pages/household/apply', page.data);
  assert.deepEqual(byClass(root, 'community').map((n) => [textOf(n), handlerOf(n, 'tap')]), [['幸福社区幸福路1号', 'onPickCommunity']]);
  await page.onPickCommunity(tap({ index: 0 }));
  page.onEstateChange(tap({}, '0'));
  page.onBuildingChange(tap({}, '0'));
  page.onUnitChange(tap({}, '0'));
  root = render('pages/household/apply', page.data);
  assert.deepEqual(byTag(root, 'picker').map(textOf), ['幸福小区', '3栋', '2单元', '选择房间', '户主 / 家属 / 租户']);
  page.onRoomChange(tap({}, '0'));
  page.onRelationChange(tap({}, '0'));
  page.onInput(tap({ field: 'realName' }, '李四'));
  shim.wx.chooseMedia = (o) => o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/deed.jpg', size: 100 }] });
  shim.onUpload({ statusCode: 201, data: { id: '7', url: 'http://localhost:8080/photos/7' } });
  await page.onChooseProof();
  root = render('pages/household/apply', page.data);
  assert.deepEqual(byTag(root, 'picker').map(textOf), ['幸福小区', '3栋', '2单元', '3栋 2单元 501', '户主']);
  assert.deepEqual(byTag(root, 'image').map((i) => attr(i, 'src')), ['wxfile://tmp/deed.jpg']);
  assert.equal(byClass(root, 'add').length, 0);

  shim.wx.redirectTo = () => {};
  shim.on('RequestHouseholdVerification', () => errorAnswer('姓名格式不对', { code: 'VALIDATION_FAILED', field: 'input.realName' }));
  await page.onSubmit();
  root = render('pages/household/apply', page.data);
  const nameField = the(root, 'field', '真实姓名');
  assert.deepEqual(texts(byClass(nameField, 'error')), ['姓名格式不对']);

  shim.on('RequestHouseholdVerification', () => errorAnswer('你已提交过该房屋的认证申请，请等待审核', { code: 'VERIFICATION_ALREADY_PENDING', verificationRequestId: '42' }));
  await page.onSubmit();
  root = render('pages/household/apply', page.data);
  assert.deepEqual(byTag(root, 'navigator').map((n) => [attr(n, 'url'), textOf(n)]), [['/pages/household/request?id=42', '查看待审核的申请']]);
  assert.deepEqual(texts(byClass(root, 'form-error')), ['你已提交过该房屋的认证申请，请等待审核']);
});

test('认证申请: status, reason and withdraw only while pending; an error instead of 加载中… when refused', async () => {
  let status = 'PENDING';
  const { page, shim } = openPage('pages/household/request', { VerificationRequest: (v) => ({ verificationRequest: verification(v.id, { status, rejectionReason: status === 'REJECTED' ? '材料不符' : null }) }) });
  assert.deepEqual(texts(byClass(render('pages/household/request', page.data), 'muted')), ['加载中…']);
  await page.onLoad({ id: 'r1' });
  assertNoErrorToast(shim);
  let root = render('pages/household/request', page.data);
  assert.deepEqual(texts(byClass(root, 'status')), ['待审核']);
  assert.deepEqual(byTag(root, 'button').map((b) => [textOf(b), handlerOf(b, 'tap')]), [['撤回申请', 'onWithdraw']]);
  assert.ok(textOf(the(root, 'row', '关系')).endsWith('家属'));

  status = 'REJECTED';
  await page.onLoad({ id: 'r1' });
  root = render('pages/household/request', page.data);
  assert.deepEqual(texts(byClass(root, 'status')), ['已驳回']);
  assert.deepEqual(texts(byClass(root, 'error')), ['驳回原因：材料不符']);
  assert.equal(byTag(root, 'button').length, 0);

  const refused = openPage('pages/household/request', {});
  refused.shim.on('VerificationRequest', () => errorAnswer('没有权限', { code: 'FORBIDDEN' }));
  await refused.page.onLoad({ id: 'r1' });
  root = render('pages/household/request', refused.page.data);
  assert.deepEqual(texts(byClass(root, 'error')), ['没有权限']);
  assert.equal(byClass(root, 'muted').length, 0);
});

test('审核认证申请: applicant name, phone and proof photo as the server returns them; decide buttons while pending', async () => {
  const { page, shim } = openPage('pages/household/review', { VerificationRequest: (v) => ({ verificationRequest: verification(v.id) }) });
  await page.onLoad({ id: 'r1' });
  assertNoErrorToast(shim);
  let root = render('pages/household/review', page.data);
  assert.ok(textOf(the(root, 'row', '申请人')).endsWith('小李'));
  assert.ok(textOf(the(root, 'row', '真实姓名')).endsWith('李四'));
  assert.deepEqual(texts(byClass(root, 'phone')), ['13800000002']);
  assert.deepEqual(byTag(root, 'image').map((i) => attr(i, 'src')), ['http://localhost:8080/photos/5?signature=x']);
  assert.deepEqual(byTag(root, 'button').map((b) => [textOf(b), handlerOf(b, 'tap')]), [['通过', 'onApprove'], ['驳回', 'onReject']]);

  shim.on('ApproveVerificationRequest', () => errorAnswer('该户已有户主，请户主先移交户主身份', { code: 'HOUSEHOLD_HAS_HEAD' }));
  await page.onApprove();
  root = render('pages/household/review', page.data);
  assert.deepEqual(texts(byClass(root, 'error')), ['该户已有户主，请户主先移交户主身份']);

  const decided = openPage('pages/household/review', { VerificationRequest: { verificationRequest: verification('r2', { status: 'APPROVED', proofPhotoUrl: null, applicantPhone: null }) } });
  await decided.page.onLoad({ id: 'r2' });
  root = render('pages/household/review', decided.page.data);
  assert.equal(byTag(root, 'button').length, 0);
  assert.deepEqual(texts(byClass(root, 'phone')), ['未绑定手机号']);
  assert.ok(texts(byClass(root, 'muted')).includes('未上传证明材料'));
});

test('申请成为合伙人: category chips toggle, picked communities, photo add button up to the max, field errors', async () => {
  const { page, shim } = openPage('pages/partner/apply', {
    ServiceCategories: { serviceCategories: [{ id: '1', code: 'HOME_REPAIR', name: '家电水电维修', dispatchMode: 'ASSIGN', earnsPoints: false }, { id: '2', code: 'ELDER_CARE', name: '助老', dispatchMode: 'GRAB', earnsPoints: true }] },
    SearchCommunities: { communities: pageOf([{ id: 'c1', name: '幸福社区', address: '', retiredAt: null, street: null }]) }
  });
  await page.onLoad();
  assertNoErrorToast(shim);
  let root = render('pages/partner/apply', page.data);
  assert.deepEqual(byClass(root, 'chip').map((c) => [textOf(c), hasClass(c, 'active')]), [['家电水电维修', false], ['助老', false]]);
  assert.equal(textOf(the(root, 'field', '营业执照').children[0]), '营业执照 / 资质照片（最多9张，长按可删除）');

  page.onToggleCategory(tap({ code: 'ELDER_CARE' }));
  page.onSearchInput(tap({}, '幸福'));
  await page.onSearch();
  page.onAddCommunity(tap({ index: 0 }));
  root = render('pages/partner/apply', page.data);
  assert.deepEqual(byClass(root, 'chip').map((c) => [textOf(c), hasClass(c, 'active')]), [['家电水电维修', false], ['助老', true], ['幸福社区 ✕', true]]);
  assert.deepEqual(texts(byClass(root, 'result')), ['幸福社区添加']);

  page.setData({ 'form.photos': Array.from({ length: 9 }, (_, i) => ({ path: 'wxfile://tmp/l' + i + '.jpg', id: String(i) })) });
  root = render('pages/partner/apply', page.data);
  assert.equal(byTag(root, 'image').length, 9);
  assert.equal(byClass(root, 'add').length, 0, 'no add button at the server\'s max of 9');

  await page.onSubmit();
  root = render('pages/partner/apply', page.data);
  assert.deepEqual(texts(byClass(the(root, 'field', '类型'), 'error')), ['请选择合伙人类型']);
  assert.deepEqual(texts(byClass(the(root, 'field', '联系电话'), 'error')), ['请填写正确的联系电话']);
  assert.equal(byClass(the(root, 'field', '服务类别'), 'error').length, 0);

  page.setData({ form: Object.assign({}, page.data.form, { kind: 'MERCHANT', name: '红星', contactName: '王', contactPhone: '13900000000' }) });
  shim.on('ApplyAsPartner', () => errorAnswer('你已有一份待审核的合伙人申请', { code: 'PARTNER_APPLICATION_PENDING' }));
  await page.onSubmit();
  root = render('pages/partner/apply', page.data);
  assert.deepEqual(byTag(root, 'navigator').map((n) => [attr(n, 'url'), textOf(n)]), [['/pages/partner/application', '查看我的申请']]);
});

test('我的合伙人申请: status per community, reason, contract; withdraw only while undecided; one application when opened by id', async () => {
  const rejected = partnerApp('pa1', { communities: [
    { community: COMMUNITY, status: 'REJECTED', reason: '资质不全', decidedAt: ONB_AT, validFrom: null, validTo: null, capacity: null },
    { community: { id: 'c2', name: '和谐社区' }, status: 'APPROVED', reason: null, decidedAt: ONB_AT, validFrom: '2026-12-01', validTo: '2027-11-30', capacity: 5 }
  ], partner: { id: 'p1', name: '王师傅水电' } });
  const { page, shim } = openPage('pages/partner/application', { MyPartnerApplications: { myPartnerApplications: pageOf([rejected, partnerApp('pa2')]) } });
  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/partner/application', page.data);
  const [first, second] = byClass(root, 'application');
  assert.deepEqual(texts(byClass(first, 'tag')), ['已驳回', '已通过']);
  assert.deepEqual(texts(byClass(first, 'error')), ['驳回原因：资质不全']);
  assert.ok(texts(byClass(first, 'muted')).includes('合同：2026-12-01 至 2027-11-30 · 同时接单 5'));
  assert.equal(byTag(first, 'button').length, 0);
  assert.deepEqual(byTag(first, 'navigator').map(textOf), ['已成为合伙人：王师傅水电']);
  assert.deepEqual(byTag(second, 'button').map((b) => [textOf(b), attr(b, 'data-id')]), [['撤回申请', 'pa2']]);
  assert.deepEqual(byTag(second, 'image').map((i) => attr(i, 'src')), ['http://localhost:8080/photos/8?signature=y']);

  page.onLoad({ id: 'pa2' });
  await page.onShow();
  root = render('pages/partner/application', page.data);
  assert.deepEqual(byClass(root, 'application').map((c) => attr(c, 'data-id')), ['pa2']);
  assert.deepEqual(texts(all(root, (n) => handlerOf(n, 'tap') === 'onShowAll')), ['查看全部申请']);
});

test('合伙人邀请: accept / decline per pending invitation; the refusal is shown; empty message', async () => {
  const invitation = { id: 'i1', role: 'ADMIN', status: 'PENDING', createdAt: ONB_AT, partner: { id: 'p1', name: '红星维修', kind: 'MERCHANT' } };
  const { page, shim } = openPage('pages/partner/invitations', { MyPartnerInvitations: { myPartnerInvitations: [invitation] } });
  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/partner/invitations', page.data);
  const [card] = byClass(root, 'invitation');
  assert.ok(textOf(card).includes('红星维修商家'));
  assert.ok(textOf(card).includes('邀请你成为管理员'));
  assert.deepEqual(byTag(card, 'button').map((b) => [textOf(b), handlerOf(b, 'tap'), attr(b, 'data-id')]), [['接受', 'onAccept', 'i1'], ['婉拒', 'onDecline', 'i1']]);

  shim.on('AcceptPartnerInvitation', () => errorAnswer('该账号已是其他合伙人的成员', { code: 'ALREADY_PARTNER_MEMBER' }));
  await page.onAccept(tap({ id: 'i1' }));
  root = render('pages/partner/invitations', page.data);
  assert.deepEqual(texts(byClass(root, 'error')), ['该账号已是其他合伙人的成员']);

  const none = openPage('pages/partner/invitations', { MyPartnerInvitations: { myPartnerInvitations: [] } });
  assert.equal(byClass(render('pages/partner/invitations', none.page.data), 'muted').length, 0, 'no empty message while loading');
  await none.page.onShow();
  assert.deepEqual(texts(byClass(render('pages/partner/invitations', none.page.data), 'muted')), ['暂无待答复的邀请']);
});

test('合伙人首页: the partner with links to inbox and verify, contracts, members, leave; links to apply when not a partner', async () => {
  const partner = {
    id: 'p1', name: '红星维修', kind: 'MERCHANT', description: null, online: false, capacity: 5, activeOrders: 2,
    categories: [{ code: 'HOME_REPAIR', name: '家电水电维修' }],
    contracts: [{ id: 'k1', validFrom: '2026-01-01', validTo: '2026-12-31', community: COMMUNITY }],
    members: [{ id: 'a1', nickname: '张三', role: 'ADMIN' }], timeBankPoints: 0,
    scorecard: { completedOrders: 0, averageQuality: null, averagePunctuality: null, averageAttitude: null, onTimeRate: null }
  };
  const { page, shim } = openPage('pages/partner/index', { MyPartner: { myPartner: partner } });
  assert.deepEqual(texts(byClass(render('pages/partner/index', page.data), 'muted')), ['加载中…']);
  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/partner/index', page.data);
  assert.equal(textOf(byClass(root, 'title')[0]), '红星维修');
  assert.ok(texts(byClass(root, 'tag')).includes('已暂停接单'));
  assert.ok(textOf(the(root, 'row', '进行中')).endsWith('2 / 5'));
  assert.deepEqual(byTag(root, 'navigator').map((n) => attr(n, 'url')), ['/pages/partner/inbox', '/pages/partner/verify']);
  assert.equal(textOf(byClass(root, 'contract')[0]), '幸福社区2026-01-01 至 2026-12-31');
  assert.equal(textOf(byClass(root, 'member')[0]), '张三管理员');
  assert.deepEqual(byTag(root, 'button').map((b) => [textOf(b), handlerOf(b, 'tap')]), [['退出合伙人', 'onLeave']]);

  shim.wx.showModal = (o) => o.success({ confirm: true });
  shim.on('LeavePartner', () => errorAnswer('你是唯一的管理员，请先邀请其他管理员或移除其他成员', { code: 'LAST_PARTNER_ADMIN' }));
  await page.onLeave();
  root = render('pages/partner/index', page.data);
  assert.deepEqual(texts(byClass(root, 'error')), ['你是唯一的管理员，请先邀请其他管理员或移除其他成员']);

  const notPartner = openPage('pages/partner/index', { MyPartner: { myPartner: null } });
  await notPartner.page.onShow();
  root = render('pages/partner/index', notPartner.page.data);
  assert.deepEqual(byTag(root, 'navigator').map((n) => attr(n, 'url')), ['/pages/partner/apply', '/pages/partner/application', '/pages/partner/invitations']);
  assert.equal(byTag(root, 'button').length, 0);
});

test('staff partner application: contract and reason inputs with approve / reject on pending cards only; not-staff message', async () => {
  const staffMe = Object.assign({}, ME, { roles: ['STAFF'], staffCommunity: COMMUNITY });
  const decided = partnerApp('pa2', { name: '李记保洁', communities: [{ community: COMMUNITY, status: 'APPROVED', reason: null, decidedAt: ONB_AT, validFrom: '2026-12-01', validTo: '2027-11-30', capacity: 3 }] });
  const { page, shim } = openPage('pages/staff/partner-application', { Me: { me: staffMe }, PartnerApplications: { partnerApplications: pageOf([partnerApp('pa1'), decided]) } });
  page.onLoad({});
  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/staff/partner-application', page.data);
  assert.deepEqual(texts(byClass(root, 'tab')), ['待审核', '全部']);
  const pending = the(root, 'application', '王师傅水电');
  assert.deepEqual(texts(byClass(pending, 'tag')), ['待审核']);
  assert.ok(textOf(pending).includes('联系人：王师傅 13900000000'));
  assert.deepEqual(byTag(pending, 'picker').map(textOf), ['合同开始：选择日期', '合同结束：选择日期']);
  assert.deepEqual(byTag(pending, 'button').map((b) => [textOf(b), handlerOf(b, 'tap')]), [['签约通过', 'onApprove'], ['驳回', 'onReject']]);
  const approved = the(root, 'application', '李记保洁');
  assert.equal(byTag(approved, 'button').length, 0);
  assert.ok(texts(byClass(approved, 'muted')).includes('合同：2026-12-01 至 2027-11-30 · 同时接单 3'));

  await page.onApprove(tap({ id: 'pa1' }));
  root = render('pages/staff/partner-application', page.data);
  assert.deepEqual(texts(byClass(the(root, 'application', '王师傅水电'), 'error')), ['请选择合同开始日期']);

  const resident = openPage('pages/staff/partner-application', { Me: { me: ME } });
  resident.page.onLoad({});
  await resident.page.onShow();
  root = render('pages/staff/partner-application', resident.page.data);
  assert.deepEqual(texts(byClass(root, 'muted')), ['仅社区工作者可以审核合伙人申请']);
});

test('me: links to 我的房屋, 申请房屋认证 and the partner pages; the staff review link only for staff', async () => {
  const resident = openPage('pages/me/me', { Me: { me: ME } });
  await resident.page.onShow();
  let urls = byTag(render('pages/me/me', resident.page.data), 'navigator').map((n) => attr(n, 'url'));
  assert.deepEqual(urls, ['/pages/household/index', '/pages/household/apply', '/pages/partner/index', '/pages/partner/apply', '/pages/partner/application', '/pages/partner/invitations']);
  const staff = openPage('pages/me/me', { Me: { me: Object.assign({}, ME, { roles: ['STAFF'], staffCommunity: COMMUNITY }) } });
  await staff.page.onShow();
  urls = byTag(render('pages/me/me', staff.page.data), 'navigator').map((n) => attr(n, 'url'));
  assert.equal(urls.at(-1), '/pages/staff/partner-application');
});

// ---- 需求清单 (issue 14) ----
const NEED = {
  id: 'n1', description: '楼道灯坏了', placeName: '锦江苑', photoUrls: ['http://localhost:8080/photos/61?signature=a'],
  status: 'TRIAGED', statusName: '处理中', kind: 'URGENT', kindName: '急事', level: 'URGENT', levelName: '紧急',
  dueAt: '2026-12-03T09:00:00+08:00', overdue: true, escalated: false, escalatedAt: null, collectedByStaff: false,
  supporterCount: 3, mergedIntoId: null, orderId: null, createdAt: '2026-12-02T09:00:00+08:00', updatedAt: '2026-12-02T09:00:00+08:00',
  household: { id: 'h1', label: '3栋 2单元 501' }, community: COMMUNITY, meeting: null,
  timeline: [
    { action: 'SUBMIT', actionName: '提交需求', actorKind: 'RESIDENT', actorName: '张三', fromStatus: null, toStatus: 'SUBMITTED', note: null, createdAt: '2026-12-02T09:00:00+08:00' },
    { action: 'TRIAGE', actionName: '分流', actorKind: 'STAFF', actorName: '李书记', fromStatus: 'SUBMITTED', toStatus: 'TRIAGED', note: '急事 · 紧急', createdAt: '2026-12-02T10:00:00+08:00' }
  ]
};

test('提交需求: household picker, photo add button, field errors after submit', async () => {
  const { page, shim } = openPage('pages/need/submit', { Me: { me: ME } });
  await page.onLoad();
  assertNoErrorToast(shim);
  let root = render('pages/need/submit', page.data);
  assert.ok(textOf(root).includes('3栋 2单元 501'));
  assert.equal(byClass(root, 'add').length, 1);
  page.onSubmit();
  root = render('pages/need/submit', page.data);
  assert.deepEqual(texts(byClass(root, 'error')), ['请填写需求描述']);
  assert.deepEqual(byTag(root, 'button').map((b) => [textOf(b), handlerOf(b, 'tap')]), [['提交需求', 'onSubmit']]);
});

test('我的需求: kind and status tags, supporters, urgent tag; empty message', async () => {
  const { page, shim } = openPage('pages/need/list', { MyNeeds: { myNeeds: Object.assign(connection([NEED]), { pageInfo: { hasNextPage: false, endCursor: 'c0' } }) } });
  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/need/list', page.data);
  const cards = byClass(root, 'card');
  assert.deepEqual(cards.map((c) => attr(c, 'data-id')), ['n1']);
  assert.deepEqual(texts(byClass(cards[0], 'tag')), ['急事', '处理中', '紧急']);
  assert.ok(textOf(cards[0]).includes('3 户支持'));
  const empty = openPage('pages/need/list', { MyNeeds: { myNeeds: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
  await empty.page.onShow();
  root = render('pages/need/list', empty.page.data);
  assert.ok(texts(byClass(root, 'muted')).includes('还没有需求'));
});

test('需求详情: every step with who and note, overdue tag, photos; support button only while open', async () => {
  let status = 'TRIAGED';
  const { page, shim } = openPage('pages/need/detail', { Need: (v) => ({ need: Object.assign({}, NEED, { id: v.id, status }) }) });
  await page.onLoad({ id: 'n1' });
  assertNoErrorToast(shim);
  let root = render('pages/need/detail', page.data);
  assert.deepEqual(texts(byClass(root, 'timeline')).map((t) => t.replace(/\s+/g, '')),
    ['提交需求→待分流2026-12-0209:00张三', '分流→处理中2026-12-0210:00李书记急事·紧急']);
  assert.ok(texts(byClass(root, 'tag')).includes('已逾期'));
  assert.deepEqual(byTag(root, 'image').map((i) => attr(i, 'src')), ['http://localhost:8080/photos/61?signature=a']);
  assert.deepEqual(byTag(root, 'button').map((b) => [textOf(b), handlerOf(b, 'tap')]), [['附议（+1）', 'onSupport']]);
  status = 'RESOLVED';
  await page.onLoad({ id: 'n1' });
  root = render('pages/need/detail', page.data);
  assert.equal(byTag(root, 'button').length, 0);
});

// 一户三票 (issue 14)
const BALLOT_OPTIONS = [{ id: 'o1', position: 1, label: '修路灯', subjectId: null }, { id: 'o2', position: 2, label: '加装电梯', subjectId: null }];
const BALLOT_RESULTS = {
  ballotId: 'b1', status: 'OPEN', eligibleHouseholds: 10, votedHouseholds: 4, turnoutPercent: 40, turnoutMet: false,
  majorityMet: true, passed: false, leading: { option: { id: 'o2', label: '加装电梯' }, votes: 3, points: 3 },
  options: [{ option: BALLOT_OPTIONS[1], votes: 3, points: 3, sharePercent: 75 }, { option: BALLOT_OPTIONS[0], votes: 1, points: 1, sharePercent: 25 }],
  estates: [{ estateId: 'e1', estateName: '翠竹苑', eligibleHouseholds: 6, votedHouseholds: 3, turnoutPercent: 50 }]
};
const ballotNode = (over) => Object.assign({
  id: 'b1', communityId: 'c1', kind: 'PROJECT', pickMode: 'RANK', maxPicks: 2, title: '先办哪件事', description: '每户一票',
  subjectKind: null, subjectId: null, status: 'OPEN', opensAt: ONB_AT, closesAt: ONB_AT, remindHoursBefore: 24,
  minTurnoutPercent: 50, majorityPercent: 50, openedAt: ONB_AT, closedAt: null, createdAt: ONB_AT, options: BALLOT_OPTIONS,
  myHouseholds: [{ householdId: 'h1', householdLabel: '3栋 501', canVote: true, voted: true,
    vote: { ballotId: 'b1', householdId: 'h1', optionIds: ['o2', 'o1'], comment: null, version: 2, updatedAt: ONB_AT } }],
  results: BALLOT_RESULTS
}, over);

test('ballot list: tabs, one card per ballot linking to its detail with my household\'s status', async () => {
  const { page, shim } = openPage('pages/ballot/list', {
    MyHouseholds: { me: { id: 'a1', households: [{ id: 'h1', label: '3栋 501', community: COMMUNITY, members: [] }] } },
    Ballots: { ballots: pageOf([ballotNode()]) }
  });
  await page.onShow();
  assertNoErrorToast(shim);
  const root = render('pages/ballot/list', page.data);
  assert.deepEqual(texts(byClass(root, 'tab')), ['进行中', '已结束']);
  assert.deepEqual(byTag(root, 'navigator').map((n) => attr(n, 'url')), ['/pages/ballot/detail?id=b1']);
  assert.ok(textOf(root).includes('本户已投'));
});

test('ballot detail: options in my household\'s ranked order, change button, live results card', async () => {
  const { page, shim } = openPage('pages/ballot/detail', { Ballot: { ballot: ballotNode() } });
  await page.onLoad({ id: 'b1' });
  assertNoErrorToast(shim);
  const root = render('pages/ballot/detail', page.data);
  assert.deepEqual(texts(byClass(root, 'rank')), ['2', '1']);
  assert.deepEqual(byTag(root, 'button').map((b) => [textOf(b), handlerOf(b, 'tap')]), [['上移', 'onMoveUp'], ['修改本户投票', 'onSubmit']]);
  assert.ok(textOf(root).includes('本户已投票，截止前可以修改，以最后一次为准'));
  assert.ok(textOf(root).includes('参与：4 / 10 户（40.0%）'));
});

test('ballot results: verdict, every option with share and points, turnout per estate', async () => {
  const { page, shim } = openPage('pages/ballot/results', { BallotResults: { ballotResults: BALLOT_RESULTS } });
  await page.onLoad({ id: 'b1' });
  assertNoErrorToast(shim);
  const root = render('pages/ballot/results', page.data);
  assert.ok(textOf(root).includes('暂未达到通过条件'));
  assert.ok(textOf(root).includes('加装电梯3 户 · 75.0% · 3 分'));
  assert.ok(textOf(root).includes('翠竹苑3 / 6 户（50.0%）'));
});

test('console login confirm: confirm and cancel buttons; the server\'s refusal; the confirmed message', async () => {
  const refused = openPage('pages/staff/console-login');
  refused.shim.on('ConfirmConsoleLogin', { statusCode: 200, data: { data: null,
    errors: [{ message: '只有社区工作人员可以登录社区工作台', extensions: { code: 'CONSOLE_STAFF_ONLY' } }] } });
  refused.page.onLoad({ scene: 't1' });
  let root = render('pages/staff/console-login', refused.page.data);
  assert.deepEqual(byTag(root, 'button').map((b) => [textOf(b), handlerOf(b, 'tap')]), [['确认登录', 'onConfirm'], ['取消', 'onCancel']]);
  await refused.page.onConfirm();
  root = render('pages/staff/console-login', refused.page.data);
  assert.deepEqual(texts(byClass(root, 'error')), ['只有社区工作人员可以登录社区工作台']);
  assert.deepEqual(byTag(root, 'button').map(textOf), ['取消']);

  const staff = openPage('pages/staff/console-login', { ConfirmConsoleLogin: { confirmConsoleLogin: { confirmed: true } } });
  staff.page.onLoad({ scene: 't2' });
  await staff.page.onConfirm();
  root = render('pages/staff/console-login', staff.page.data);
  assert.deepEqual(texts(byClass(root, 'success')), ['已确认，请回到电脑上继续操作']);
  assert.equal(byTag(root, 'button').length, 0);
});

test('privacy: the policy as headings, items and text, with the agree button until accepted', async () => {
  const policy = { version: 1, title: '邻里小程序隐私保护指引', body: '## 我们收集什么\n- **手机号码**：联系\n正文',
    publishedAt: '2026-12-02T00:00:00Z' };
  const privacy = { status: async () => ({ policy: Object.assign({ accepted: false }, policy), accepted: false }) };
  const opened = openPage('pages/privacy/privacy', {}, { app: { privacy } });
  await opened.page.onLoad();
  let root = render('pages/privacy/privacy', opened.page.data);
  assert.deepEqual(texts(byClass(root, 'section-title')), ['邻里小程序隐私保护指引（第 1 版）']);
  assert.deepEqual(texts(byClass(root, 'paragraph')), ['我们收集什么', '· 手机号码：联系', '正文']);
  assert.equal(attr(byTag(root, 'button')[0], 'openType'), 'agreePrivacyAuthorization');
  root = render('pages/privacy/privacy', Object.assign({}, opened.page.data, { accepted: true }));
  assert.deepEqual(byTag(root, 'button'), []);
  assert.deepEqual(texts(byClass(root, 'muted')), ['你已同意本版指引。']);
});

// 我的个人信息、注销账号 (issue 17)

const MY_AT = '2026-12-02T09:30:00+08:00';
const MY_DATA = { generatedAt: MY_AT, sections: [
  { key: 'account', title: '账号', columns: ['昵称', '手机号'], rows: [['张三', null]] },
  { key: 'orders', title: '订单', columns: ['编号', '状态'], rows: [] }
] };
const myAccess = (id, nickname) => ({ id, viewerNickname: nickname, what: 'ORDER_CONTACT_PHONE', accessedAt: MY_AT });

test('我的个人信息: sections collapsed with counts, a tap expands "列名：值" lines, Excel export with the token, accesses paged', async () => {
  const { page, shim } = openPage('pages/privacy/mydata', {
    MyPersonalData: { myPersonalData: MY_DATA },
    MyDataAccesses: (vars) => ({ myDataAccesses: vars.after
      ? pageOf([myAccess('x2', null)])
      : pageOf([myAccess('x1', '网格员小王')], 'c0') })
  }, { app: { config } });
  const downloads = [];
  const opened = [];
  shim.wx.downloadFile = (o) => { downloads.push({ url: o.url, header: o.header }); setTimeout(() => o.success({ statusCode: 200, tempFilePath: 'wxfile://tmp/d.xlsx' })); };
  shim.wx.openDocument = (o) => { opened.push({ filePath: o.filePath, fileType: o.fileType, showMenu: o.showMenu }); setTimeout(() => o.success({})); };
  let root = render('pages/privacy/mydata', page.data);
  assert.ok(texts(byClass(root, 'muted')).includes('加载中…'));
  assert.equal(byClass(root, 'empty-accesses').length, 0, 'no empty state while loading');

  await page.onShow();
  assertNoErrorToast(shim);
  root = render('pages/privacy/mydata', page.data);
  assert.deepEqual(texts(byClass(root, 'section-name')), ['账号', '订单']);
  assert.deepEqual(texts(byClass(root, 'section-count')), ['1 条 · 展开', '0 条 · 展开']);
  assert.deepEqual(byClass(root, 'data-line'), [], 'collapsed by default');
  assert.equal(handlerOf(byClass(root, 'section-header')[0], 'tap'), 'onToggle');

  page.onToggle(tap({ index: 0 }));
  root = render('pages/privacy/mydata', page.data);
  assert.deepEqual(texts(byClass(root, 'data-line')), ['昵称：张三', '手机号：—']);
  assert.deepEqual(texts(byClass(root, 'section-count')), ['1 条 · 收起', '0 条 · 展开']);
  page.onToggle(tap({ index: 1 }));
  root = render('pages/privacy/mydata', page.data);
  assert.deepEqual(texts(byClass(the(root, 'data-section', '订单'), 'muted')), ['0 条 · 收起', '暂无记录']);

  const [exportButton] = byTag(root, 'button');
  assert.equal(textOf(exportButton), '导出 Excel');
  assert.equal(handlerOf(exportButton, 'tap'), 'onExport');
  await page.onExport();
  assertNoErrorToast(shim);
  assert.deepEqual(downloads, [{ url: 'http://localhost:8080/exports/my-data.xlsx', header: { Authorization: 'Bearer token-1' } }]);
  assert.deepEqual(opened, [{ filePath: 'wxfile://tmp/d.xlsx', fileType: 'xlsx', showMenu: true }]);

  assert.deepEqual(texts(byClass(root, 'access')), ['网格员小王 查看了订单联系电话2026-12-02 09:30']);
  assert.deepEqual(byClass(root, 'list-footer'), []);
  await page.onReachBottom();
  root = render('pages/privacy/mydata', page.data);
  assert.deepEqual(shim.requestsFor('MyDataAccesses').map((r) => r.data.variables.after), [undefined, 'c0']);
  assert.deepEqual(texts(byClass(root, 'access')), ['网格员小王 查看了订单联系电话2026-12-02 09:30', '未设置昵称的用户 查看了订单联系电话2026-12-02 09:30']);
  assert.deepEqual(texts(byClass(root, 'list-footer')), ['没有更多了']);
});

test('注销账号: cooling-off explained, confirm before requesting, refusal reasons with links, pending dueAt with 撤销注销', async () => {
  const pending = { id: 'd1', status: 'PENDING', requestedAt: MY_AT, dueAt: '2026-12-09T09:30:00+08:00', cancelledAt: null };
  const { page, shim } = openPage('pages/privacy/deletion', { MyAccountDeletion: { myAccountDeletion: null } });
  const modals = [];
  shim.wx.showModal = (o) => { modals.push(o.content); setTimeout(() => o.success({ confirm: true })); };
  assert.deepEqual(texts(byClass(render('pages/privacy/deletion', page.data), 'muted')), ['加载中…']);
  await page.onShow();
  assertNoErrorToast(shim);
  let root = render('pages/privacy/deletion', page.data);
  assert.match(texts(byClass(root, 'paragraph'))[0], /7 天冷静期/);
  let buttons = byTag(root, 'button');
  assert.deepEqual(texts(buttons), ['申请注销账号']);
  assert.equal(handlerOf(buttons[0], 'tap'), 'onRequest');
  assert.deepEqual(byClass(root, 'blockers'), []);

  shim.on('RequestAccountDeletion', errorAnswer('暂时不能注销账号，请先处理未完成的事项：…',
    { code: 'ACCOUNT_DELETION_BLOCKED', reasons: ['POINTS', 'HEAD_OF_HOUSEHOLD'] }));
  await page.onRequest();
  assert.equal(modals.length, 1, 'asked to confirm first');
  assertNoErrorToast(shim);
  root = render('pages/privacy/deletion', page.data);
  assert.deepEqual(texts(byClass(root, 'blocker-text')), ['你的时间银行还有积分', '你是户主且该户还有其他成员']);
  assert.deepEqual(texts(byClass(root, 'blocker-hint')), ['先把积分捐给社区积分池', '请先把户主身份移交给其他成员']);
  assert.deepEqual(byTag(root, 'navigator').map((n) => [attr(n, 'url'), textOf(n)]),
    [['/pages/timebank/index', '去捐赠积分'], ['/pages/household/index', '去移交户主']]);

  shim.on('RequestAccountDeletion', respond.data({ requestAccountDeletion: pending }));
  await page.onRequest();
  root = render('pages/privacy/deletion', page.data);
  assert.deepEqual(byClass(root, 'blockers'), []);
  assert.deepEqual(texts(byClass(root, 'due')), ['将于 2026-12-09 09:30 注销']);
  buttons = byTag(root, 'button');
  assert.deepEqual(texts(buttons), ['撤销注销']);
  assert.equal(handlerOf(buttons[0], 'tap'), 'onCancel');

  shim.on('CancelAccountDeletion', respond.data({ cancelAccountDeletion: Object.assign({}, pending, { status: 'CANCELLED', cancelledAt: MY_AT }) }));
  await page.onCancel();
  assertNoErrorToast(shim);
  assert.deepEqual(shim.requestsFor('CancelAccountDeletion').map((r) => r.data.variables), [{ input: { deletionId: 'd1' } }]);
  root = render('pages/privacy/deletion', page.data);
  assert.deepEqual(texts(byClass(root, 'last-deletion')), ['上次申请：已撤销（2026-12-02 09:30）']);
  assert.deepEqual(texts(byTag(root, 'button')), ['申请注销账号']);
});

test('me: 个人信息 links to the policy, 我的个人信息 and 注销账号', async () => {
  const { page, shim } = openPage('pages/me/me', { Me: { me: ME } });
  await page.onShow();
  const root = render('pages/me/me', page.data);
  const links = byClass(the(root, 'card', '个人信息'), 'link');
  assert.deepEqual(links.map((l) => [textOf(l), handlerOf(l, 'tap')]),
    [['隐私保护指引', 'onOpenPrivacy'], ['我的个人信息', 'onOpenMyData'], ['注销账号', 'onOpenDeletion']]);
  for (const [, handler] of links.map((l) => [textOf(l), handlerOf(l, 'tap')])) page[handler]();
  assert.deepEqual(shim.calls.navigateTo.map((n) => n.url), ['/pages/privacy/privacy', '/pages/privacy/mydata', '/pages/privacy/deletion']);
  for (const url of shim.calls.navigateTo.map((n) => n.url.slice(1))) assert.ok(APP_PAGES.includes(url), url + ' is registered');
});

// ---- 项目清单、资源清单 (issue 14) ----
const PROJECT_NODE = {
  id: 'p1', title: '加装电梯', goal: '为 1 栋加装电梯', budgetFen: 50000000, status: 'COMPLETED', statusName: '已完成',
  signOffCount: 1, satisfactionBallotId: 'b7', startedAt: ONB_AT, submittedAt: ONB_AT, completedAt: ONB_AT, cancelledAt: null,
  createdAt: ONB_AT, updatedAt: ONB_AT, community: COMMUNITY,
  needs: [{ id: 'n1', description: '老人上下楼困难', kindName: '要事', status: 'RESOLVED', statusName: '已解决', placeName: null, supporterCount: 3 }],
  resources: [{ id: 'r1', kind: 'VENUE', kindName: '场地', title: '社区活动室', description: null, quantity: 1, unit: '间', offeredByName: '社区党群服务中心', partnerId: null, status: 'USED', statusName: '已用于项目', projectId: 'p1', createdAt: ONB_AT }],
  milestones: [{ id: 'm1', position: 1, title: '方案设计', dueOn: '2026-12-20', done: true, doneAt: ONB_AT, note: '方案已公示', photoUrls: ['http://localhost:8080/photos/71?signature=a'] }],
  signOffs: [{ accountId: 'a9', nickname: '李大爷', note: '质量不错', createdAt: ONB_AT }]
};

test('project list: one card per project linking to its detail, and the resources link', async () => {
  const { page, shim } = openPage('pages/project/list', {
    MyHouseholds: { me: { id: 'a1', households: [{ id: 'h1', label: '3栋 501', community: COMMUNITY, members: [] }] } },
    Projects: { projects: pageOf([PROJECT_NODE]) }
  });
  await page.onShow();
  assertNoErrorToast(shim);
  const root = render('pages/project/list', page.data);
  assert.deepEqual(byTag(root, 'navigator').map((n) => attr(n, 'url')), ['/pages/project/detail?id=p1']);
  assert.ok(textOf(root).includes('已完成 1/1 个里程碑'));
  assert.deepEqual(byClass(root, 'link').map((l) => [textOf(l), handlerOf(l, 'tap')]), [['查看资源清单', 'onOpenResources']]);
});

test('project detail: milestones with photos, needs, resources, sign-offs and the satisfaction ballot link', async () => {
  const { page, shim } = openPage('pages/project/detail', { Project: { project: PROJECT_NODE } });
  await page.onLoad({ id: 'p1' });
  assertNoErrorToast(shim);
  const root = render('pages/project/detail', page.data);
  assert.deepEqual(byTag(root, 'image').map((i) => [attr(i, 'src'), handlerOf(i, 'tap')]),
    [['http://localhost:8080/photos/71?signature=a', 'onPreviewPhoto']]);
  const text = textOf(root);
  for (const part of ['1. 方案设计', '方案已公示', '老人上下楼困难', '社区活动室', '李大爷 已验收']) assert.ok(text.includes(part), part);
  assert.deepEqual(byClass(root, 'primary-link').map((l) => [textOf(l), handlerOf(l, 'tap')]),
    [['项目已完成，参加满意度投票', 'onOpenBallot']]);
});

test('resources: one card per resource with kind, quantity and who offers it', async () => {
  const { page, shim } = openPage('pages/project/resources', {
    CommunityResources: { communityResources: pageOf([PROJECT_NODE.resources[0]]) }
  });
  page.onLoad({ communityId: 'c1' });
  await page.onShow();
  assertNoErrorToast(shim);
  const root = render('pages/project/resources', page.data);
  assert.equal(byClass(root, 'card').length, 1);
  assert.ok(textOf(root).includes('场地 · 1 间 · 社区党群服务中心'));
});

// Notification deep links (server side: notice pages) must open registered pages.
test('every route a notification links to is registered in app.json and renders', () => {
  const routes = ['pages/household/index', 'pages/household/request', 'pages/household/review', 'pages/partner/application',
    'pages/partner/invitations', 'pages/partner/index', 'pages/staff/partner-application', 'pages/need/detail',
    'pages/ballot/detail', 'pages/project/detail'];
  for (const route of routes) {
    assert.ok(APP_PAGES.includes(route), route + ' is not registered');
    const { definition } = openPage(route);
    assert.ok(hasClass(renderTemplate(route, definition.data).children[0], 'container'), route);
  }
});

test('every page in app.json has a page-specific render test above', () => {
  assert.deepEqual(APP_PAGES.filter((p) => !pagesWithTests.has(p)), []);
});
