// The server address follows the mini-program's version (wx.getAccountInfoSync().miniProgram.envVersion).
const { describe, it, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const { createWxShim, respond, flush } = require('./wx-shim');
const config = require('../config');

const CONFIG_PATH = path.join(__dirname, '..', 'config.js');
const APP_PATH = path.join(__dirname, '..', 'app.js');

/** The shim plus getAccountInfoSync answering with the given envVersion (as the real wx does). */
function wxIn(envVersion) {
  const shim = createWxShim();
  shim.wx.getAccountInfoSync = () => ({ miniProgram: { appId: 'wx-test', envVersion, version: '' } });
  return shim;
}

/**
 * In the mini-program `wx` is a global that config.js sees when it is first required; do the same here
 * (fresh module, global wx) so the test covers config.js's own wiring, not just configFor().
 */
function requireFresh(file, globals) {
  Object.assign(globalThis, globals);
  for (const key of Object.keys(require.cache)) {
    if (key === CONFIG_PATH || key === APP_PATH) delete require.cache[key];
  }
  return require(file);
}

afterEach(() => {
  delete globalThis.wx;
  delete globalThis.App;
  delete require.cache[CONFIG_PATH];
  delete require.cache[APP_PATH];
});

describe('config: the server address follows envVersion', () => {
  it('develop (开发版) uses the local dev server and shows the sandbox notice', () => {
    const loaded = requireFresh(CONFIG_PATH, { wx: wxIn('develop').wx });
    assert.equal(loaded.envVersion, 'develop');
    assert.equal(loaded.apiBaseUrl, 'http://localhost:8080');
    assert.equal(loaded.graphqlPath, '/graphql');
    assert.equal(loaded.sandbox, true);
  });

  it('trial (体验版) uses its own https placeholder', () => {
    const loaded = requireFresh(CONFIG_PATH, { wx: wxIn('trial').wx });
    assert.equal(loaded.envVersion, 'trial');
    assert.equal(loaded.apiBaseUrl, 'https://trial-api.linli.invalid');
    assert.equal(loaded.graphqlPath, '/graphql');
    assert.equal(loaded.sandbox, true);
  });

  it('release (正式版) uses its own https placeholder and no sandbox notice', () => {
    const loaded = requireFresh(CONFIG_PATH, { wx: wxIn('release').wx });
    assert.equal(loaded.envVersion, 'release');
    assert.equal(loaded.apiBaseUrl, 'https://api.linli.invalid');
    assert.equal(loaded.graphqlPath, '/graphql');
    assert.equal(loaded.sandbox, false);
  });

  it('falls back to develop when getAccountInfoSync is missing (the shim), throws, or names an unknown version', () => {
    assert.equal(typeof createWxShim().wx.getAccountInfoSync, 'undefined', 'the plain shim has no getAccountInfoSync');
    assert.equal(requireFresh(CONFIG_PATH, { wx: createWxShim().wx }).apiBaseUrl, 'http://localhost:8080');
    assert.equal(config.apiBaseUrl, 'http://localhost:8080', 'plain node: no wx at all');

    const throwing = createWxShim().wx;
    throwing.getAccountInfoSync = () => {
      throw new Error('getAccountInfoSync:fail');
    };
    assert.equal(config.configFor(throwing).envVersion, 'develop');
    assert.equal(config.configFor(wxIn('gray').wx).envVersion, 'develop');
    assert.equal(config.configFor(wxIn(undefined).wx).envVersion, 'develop');
    assert.equal(config.envVersionOf(wxIn('release').wx), 'release', 'a known version is not mistaken for the fallback');
  });

  it('only develop talks plain http; trial and release are distinct https servers', () => {
    const urls = ['develop', 'trial', 'release'].map((env) => config.ENVIRONMENTS[env].apiBaseUrl);
    assert.match(urls[0], /^http:\/\//);
    assert.match(urls[1], /^https:\/\//);
    assert.match(urls[2], /^https:\/\//);
    assert.equal(new Set(urls).size, 3);
  });

  it('app.js builds its GraphQL client from that address: a release build posts to the release server', async () => {
    const shim = wxIn('release');
    shim.on('Me', respond.data({ me: { id: 'a1' } }));
    let app = null;
    requireFresh(APP_PATH, { wx: shim.wx, App: (definition) => (app = definition) });
    await app.client.request('Me');
    await flush();
    assert.deepEqual(shim.requests.map((r) => r.url), ['https://api.linli.invalid/graphql']);
    assert.equal(app.config.envVersion, 'release');
  });
});
