// A fake `wx` for node tests: records every wx.request and lets a test script
// the server's answer per GraphQL operation. Callbacks fire asynchronously,
// like the real API, so ordering bugs are not hidden.
//
// `node --test test/` also runs this file directly (Node 20 treats every .js
// under test/ as a test file); the self-checks at the bottom make that run
// verify the shim instead of being an empty pass.

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const PROJECT_ROOT = path.join(__dirname, '..');

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

// Response helpers. A responder returns one of these (or a promise of one).
const respond = {
  data: (data) => ({ statusCode: 200, data: { data } }),
  error: (code, message) => ({
    statusCode: 200,
    data: {
      data: null,
      errors: [{ message, extensions: code ? { code } : {} }]
    }
  }),
  status: (statusCode, data) => ({ statusCode, data: data === undefined ? '' : data }),
  networkFailure: (reason) => ({ fail: reason || 'timeout' })
};

function createWxShim() {
  const storage = new Map();
  const requests = [];
  const uploads = [];
  const responders = new Map();
  let uploadResponder = null;
  const calls = { reLaunch: [], navigateTo: [], showToast: [], stopPullDownRefresh: 0 };
  let loginResult = { code: 'wx-login-code' };

  const wx = {
    request(options) {
      const record = {
        url: options.url,
        method: options.method,
        header: Object.assign({}, options.header),
        data: clone(options.data),
        operationName: options.data && options.data.operationName
      };
      requests.push(record);
      Promise.resolve()
        .then(() => {
          const responder = responders.get(record.operationName);
          if (!responder) {
            throw new Error('wx-shim: no response scripted for ' + record.operationName);
          }
          return typeof responder === 'function' ? responder(record) : responder;
        })
        .then((res) => {
          if (res.fail) {
            if (options.fail) options.fail({ errMsg: 'request:fail ' + res.fail });
          } else if (options.success) {
            options.success({ statusCode: res.statusCode, data: clone(res.data), header: {} });
          }
          if (options.complete) options.complete();
        })
        .catch((err) => {
          // Surface scripting mistakes as a network failure plus a visible record.
          record.shimError = err;
          if (options.fail) options.fail({ errMsg: 'request:fail ' + err.message });
        });
      return { abort() {} };
    },

    // Like wx.uploadFile: multipart upload of a local file; the answer's body is always a string.
    uploadFile(options) {
      const record = { url: options.url, filePath: options.filePath, name: options.name, header: Object.assign({}, options.header) };
      uploads.push(record);
      Promise.resolve()
        .then(() => {
          if (!uploadResponder) throw new Error('wx-shim: no upload response scripted');
          return typeof uploadResponder === 'function' ? uploadResponder(record) : uploadResponder;
        })
        .then((res) => {
          if (res.fail) {
            if (options.fail) options.fail({ errMsg: 'uploadFile:fail ' + res.fail });
          } else if (options.success) {
            const body = typeof res.data === 'string' ? res.data : JSON.stringify(res.data);
            options.success({ statusCode: res.statusCode, data: body });
          }
        })
        .catch((err) => {
          record.shimError = err;
          if (options.fail) options.fail({ errMsg: 'uploadFile:fail ' + err.message });
        });
      return { abort() {}, onProgressUpdate() {} };
    },

    // Real wx returns '' for a missing key.
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => {
      storage.set(key, value);
    },
    removeStorageSync: (key) => {
      storage.delete(key);
    },

    login(options) {
      Promise.resolve().then(() => {
        if (loginResult.fail) options.fail && options.fail({ errMsg: 'login:fail ' + loginResult.fail });
        else options.success && options.success({ code: loginResult.code, errMsg: 'login:ok' });
      });
    },

    reLaunch: (options) => calls.reLaunch.push(options),
    navigateTo: (options) => calls.navigateTo.push(options),
    showToast: (options) => calls.showToast.push(options),
    // Ends the pull-down animation; a page must call it once its refresh is done.
    stopPullDownRefresh: () => {
      calls.stopPullDownRefresh += 1;
    }
    // No getAccountInfoSync on purpose: config.js must fall back to the develop server without it.
  };

  return {
    wx,
    storage,
    requests,
    uploads,
    calls,
    respond,
    /** Script the answer for one operation: a response object or a function(record). */
    on(operationName, responder) {
      responders.set(operationName, responder);
      return this;
    },
    /** Script the answer to wx.uploadFile: { statusCode, data } (data as object or string), or a function(record). */
    onUpload(responder) {
      uploadResponder = responder;
      return this;
    },
    setLoginResult(result) {
      loginResult = result;
    },
    requestsFor(operationName) {
      return requests.filter((r) => r.operationName === operationName);
    }
  };
}

/** Lets queued callbacks and promise chains run. */
async function flush(rounds) {
  for (let i = 0; i < (rounds || 5); i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function deferred() {
  let resolve;
  const promise = new Promise((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * Runs a page file the way the mini-program runtime does, with `Page`,
 * `getApp` and `wx` as globals, and returns a page instance whose handlers can
 * be called directly (setData merges into `data`, as in the real runtime).
 */
function loadPage(relativePath, globals) {
  const file = path.join(PROJECT_ROOT, relativePath);
  const source = fs.readFileSync(file, 'utf8');
  const wrapper = vm.runInThisContext(
    '(function (module, exports, require, Page, getApp, wx) {' + source + '\n})',
    { filename: file }
  );
  let definition = null;
  const module = { exports: {} };
  const localRequire = (request) => require(path.resolve(path.dirname(file), request));
  wrapper(
    module,
    module.exports,
    localRequire,
    (def) => {
      definition = def;
    },
    () => globals.app,
    globals.wx
  );
  if (!definition) throw new Error(relativePath + ' did not call Page()');
  const page = Object.assign({}, definition, {
    data: clone(definition.data) || {},
    // Like the runtime: a key may be a path ('form.photos', 'forms.o1.notes') into nested data.
    setData(patch) {
      for (const key of Object.keys(patch)) {
        const parts = key.split('.');
        let target = this.data;
        for (const part of parts.slice(0, -1)) {
          if (target[part] == null || typeof target[part] !== 'object') target[part] = {};
          target = target[part];
        }
        target[parts[parts.length - 1]] = patch[key];
      }
    }
  });
  return { page, definition, exports: module.exports };
}

module.exports = { createWxShim, respond, flush, deferred, loadPage, PROJECT_ROOT };

if (require.main === module) {
  const test = require('node:test');
  const assert = require('node:assert/strict');

  test('wx-shim: storage mimics wx (missing key reads as empty string)', () => {
    const { wx } = createWxShim();
    assert.equal(wx.getStorageSync('nope'), '');
    wx.setStorageSync('k', 'v');
    assert.equal(wx.getStorageSync('k'), 'v');
    wx.removeStorageSync('k');
    assert.equal(wx.getStorageSync('k'), '');
  });

  test('wx-shim: request callbacks are asynchronous and follow the script', async () => {
    const shim = createWxShim();
    shim.on('Me', respond.status(401));
    let got = null;
    shim.wx.request({ data: { operationName: 'Me' }, success: (res) => (got = res) });
    assert.equal(got, null, 'must not answer synchronously');
    await flush();
    assert.equal(got.statusCode, 401);
    assert.equal(shim.requestsFor('Me').length, 1);
  });

  test('wx-shim: network failure calls fail, not success', async () => {
    const shim = createWxShim();
    shim.on('Me', respond.networkFailure());
    const outcome = await new Promise((resolve) =>
      shim.wx.request({
        data: { operationName: 'Me' },
        success: () => resolve('success'),
        fail: (e) => resolve(e.errMsg)
      })
    );
    assert.match(outcome, /^request:fail/);
  });
}
