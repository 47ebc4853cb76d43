const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { PROJECT_ROOT } = require('./wx-shim');
const documents = require('../api/documents');
const config = require('../config');

const read = (relative) => fs.readFileSync(path.join(PROJECT_ROOT, relative), 'utf8');
const readJson = (relative) => JSON.parse(read(relative));

test('every page in app.json has its js, json, wxml and wxss files', () => {
  const app = readJson('app.json');
  assert.deepEqual(app.pages.slice(0, 3), ['pages/index/index', 'pages/login/login', 'pages/me/me']);
  for (const page of [
    'pages/services/services',
    'pages/order/place',
    'pages/order/list',
    'pages/order/detail',
    'pages/partner/inbox',
    'pages/partner/verify',
    'pages/timebank/index',
    'pages/timebank/rewards',
    'pages/timebank/vouchers',
    'pages/festival/list',
    'pages/festival/detail',
    'pages/festival/ledger',
    'pages/notifications/notifications'
  ]) {
    assert.ok(app.pages.includes(page), page + ' must be registered in app.json');
  }
  assert.equal(new Set(app.pages).size, app.pages.length, 'no page is registered twice');
  for (const page of app.pages) {
    for (const ext of ['.js', '.json', '.wxml', '.wxss']) {
      assert.ok(fs.existsSync(path.join(PROJECT_ROOT, page + ext)), page + ext + ' is missing');
    }
  }
  assert.ok(fs.existsSync(path.join(PROJECT_ROOT, app.sitemapLocation)));
});

test('project.config.json is a placeholder mini-program project', () => {
  const project = readJson('project.config.json');
  assert.equal(project.appid, 'touristappid');
  assert.equal(project.compileType, 'miniprogram');
});

test('project.config.json keeps tooling and tests out of the uploaded package', () => {
  const ignored = readJson('project.config.json').packOptions.ignore.map((rule) => rule.type + ':' + rule.value);
  for (const folder of ['node_modules', 'test', 'test-e2e', 'scripts']) {
    assert.ok(ignored.includes('folder:' + folder), folder + '/ must be in packOptions.ignore');
    assert.ok(fs.existsSync(path.join(PROJECT_ROOT, folder)) || folder === 'node_modules', folder + '/ exists');
  }
  for (const file of ['package.json', 'package-lock.json', 'README.md']) {
    assert.ok(ignored.includes('file:' + file), file + ' must be in packOptions.ignore');
  }
});

test('config.js holds the API location and sandbox flag (node has no wx, so: the develop server)', () => {
  // The mapping for each envVersion is tested in config.test.js.
  const { envVersion, apiBaseUrl, graphqlPath, sandbox } = config;
  assert.deepEqual({ envVersion, apiBaseUrl, graphqlPath, sandbox }, {
    envVersion: 'develop',
    apiBaseUrl: 'http://localhost:8080',
    graphqlPath: '/graphql',
    sandbox: true
  });
});

test('package.json runs node --test; the mini-program ships no npm packages, tests pin theirs exactly', () => {
  const pkg = readJson('package.json');
  assert.equal(pkg.scripts.test, 'node --test test/');
  assert.equal(pkg.dependencies, undefined, 'the mini-program itself uses no npm packages');
  // Only the WXML render test (test/wxml-render.test.js) needs packages; `npm ci` installs them.
  assert.deepEqual(Object.keys(pkg.devDependencies).sort(), ['jsdom', 'miniprogram-compiler', 'miniprogram-simulate']);
  for (const [name, version] of Object.entries(pkg.devDependencies)) {
    assert.match(version, /^\d+\.\d+\.\d+$/, name + ' must be pinned to an exact version');
  }
  const lock = readJson('package-lock.json');
  assert.equal(lock.lockfileVersion, 3);
  assert.deepEqual(lock.packages[''].devDependencies, pkg.devDependencies, 'package-lock.json must match package.json');
  for (const [name, version] of Object.entries(pkg.devDependencies)) {
    assert.equal(lock.packages['node_modules/' + name].version, version, name + ' in package-lock.json');
  }
});

test('the document registry holds the operations the client sends, each self-contained', () => {
  // The exact set is checked against ../api/*.graphql in api-sync.test.js.
  for (const name of ['BindPhoneNumber', 'LoginWithWeChat', 'Logout', 'Me', 'RefreshSession']) {
    assert.ok(Object.prototype.hasOwnProperty.call(documents, name), name + ' must be registered');
  }
  assert.ok(Object.isFrozen(documents));
  for (const [name, text] of Object.entries(documents)) {
    const operations = [...text.matchAll(/^(query|mutation|subscription)\s+(\w+)/gm)].map((m) => m[2]);
    assert.deepEqual(operations, [name], name + ' must define exactly the operation named ' + name);
    const spreads = new Set([...text.matchAll(/\.\.\.(\w+)/g)].map((m) => m[1]));
    const defined = new Set([...text.matchAll(/^fragment\s+(\w+)/gm)].map((m) => m[1]));
    assert.deepEqual([...defined].sort(), [...spreads].sort(), name + ' must define exactly the fragments it spreads');
  }
});

test('pages wire the handlers the templates refer to', () => {
  const login = read('pages/login/login.wxml');
  assert.match(login, /bindtap="onLogin"[^>]*>微信一键登录</);

  const me = read('pages/me/me.wxml');
  assert.match(me, /open-type="getPhoneNumber"/);
  assert.match(me, /bindgetphonenumber="onGetPhoneNumber"/);
  assert.match(me, /bindtap="onLogout"/);

  const { definition } = require('../pages/me/me');
  assert.equal(typeof definition.onGetPhoneNumber, 'function');
  assert.equal(typeof definition.onLogout, 'function');
  assert.equal(typeof require('../pages/login/login').definition.onLogin, 'function');
});
