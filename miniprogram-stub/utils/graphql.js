// 基于 wx.request 的精简 GraphQL 客户端。
//
// - 只发送 api/documents.js 登记过的文档，杜绝页面里拼接临时查询；
// - 错误统一成带 code（稳定英文代码）和中文 message 的 Error；
// - 访问令牌失效时用刷新令牌续期一次并重试一次，并发请求共享同一次续期；
// - 照片用 wx.uploadFile 传到 POST /photos（同样的令牌与续期），拿回照片 id 再随 GraphQL 提交。
//
// wx 通过参数注入（小程序里传全局 wx），这样测试可以换成假的 wx。

const registeredDocuments = require('../api/documents');

const STORAGE_KEYS = Object.freeze({
  accessToken: 'linli.accessToken',
  refreshToken: 'linli.refreshToken'
});

// 服务端没给出 message 时的中文兜底文案。
const ERROR_MESSAGES = Object.freeze({
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限',
  VALIDATION_FAILED: '输入有误',
  NOT_FOUND: '内容不存在',
  PAYLOAD_TOO_LARGE: '图片太大了',
  TOO_MANY_PHOTOS: '上传的图片太多，请稍后再试',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重试',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK: '网络异常，请检查网络'
});

// These operations establish a session: they never carry the (possibly stale)
// access token, and an UNAUTHENTICATED answer must not trigger a refresh.
const SESSION_OPERATIONS = ['LoginWithWeChat', 'RefreshSession'];

// Refresh failures of these kinds say nothing about the refresh token itself,
// so the stored session is kept instead of logging the user out.
const TRANSIENT_CODES = ['NETWORK', 'INTERNAL'];

function messageFor(code) {
  return ERROR_MESSAGES[code] || ERROR_MESSAGES.INTERNAL;
}

// A plain Error rather than an Error subclass: the DevTools ES5 transpile of
// `class extends Error` is unreliable, and callers only need `code`.
function clientError(code, message, graphQLErrors) {
  const err = new Error(typeof message === 'string' && message.trim() ? message : messageFor(code));
  err.name = 'GraphQLClientError';
  err.code = code;
  // Raw server errors, kept for debugging only; never shown to users.
  err.graphQLErrors = graphQLErrors || [];
  return err;
}

// 给界面用的文案：客户端错误直接用其中文 message，意外异常一律兜底。
function userMessage(err) {
  return err && err.code && err.message ? err.message : messageFor('INTERNAL');
}

function createTokenStore(wx) {
  function read(key) {
    // getStorageSync returns '' for a missing key.
    return wx.getStorageSync(key) || null;
  }
  return {
    getAccessToken: () => read(STORAGE_KEYS.accessToken),
    getRefreshToken: () => read(STORAGE_KEYS.refreshToken),
    set(tokens) {
      wx.setStorageSync(STORAGE_KEYS.accessToken, tokens.accessToken);
      // Servers that do not rotate refresh tokens may omit it: keep the old one.
      if (tokens.refreshToken) {
        wx.setStorageSync(STORAGE_KEYS.refreshToken, tokens.refreshToken);
      }
    },
    clear() {
      wx.removeStorageSync(STORAGE_KEYS.accessToken);
      wx.removeStorageSync(STORAGE_KEYS.refreshToken);
    }
  };
}

function codeForStatus(statusCode) {
  if (statusCode === 401) return 'UNAUTHENTICATED';
  if (statusCode === 403) return 'FORBIDDEN';
  if (statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  return 'INTERNAL';
}

function parseBody(data) {
  if (typeof data !== 'string') return data || null;
  // Without a JSON content type wx leaves the body as text.
  try {
    return JSON.parse(data);
  } catch (e) {
    return null;
  }
}

function graphQLErrorsOf(response) {
  const body = response.body;
  return body && Array.isArray(body.errors) ? body.errors : [];
}

function isUnauthenticated(response) {
  if (response.statusCode === 401) return true;
  return graphQLErrorsOf(response).some(
    (e) => e && e.extensions && e.extensions.code === 'UNAUTHENTICATED'
  );
}

// Throws the response's first error, if it carries any, as a GraphQLClientError.
function throwErrors(response) {
  const errors = graphQLErrorsOf(response);
  if (errors.length === 0) return;
  const first = errors[0] || {};
  const code = first.extensions && first.extensions.code;
  if (code) throw clientError(code, first.message, errors);
  // Without a code the error does not follow the contract (e.g. a framework
  // default in English), so its message is not shown to users.
  throw clientError(codeForStatus(response.statusCode), null, errors);
}

// Turns a raw response into `data` or a GraphQLClientError.
function unwrap(response) {
  throwErrors(response);
  if (response.statusCode < 200 || response.statusCode >= 300) {
    throw clientError(codeForStatus(response.statusCode));
  }
  if (!response.body || response.body.data == null) {
    throw clientError('INTERNAL');
  }
  return response.body.data;
}

function createClient(options) {
  const wx = options.wx;
  const config = options.config;
  const documents = options.documents || registeredDocuments;
  const tokens = options.tokens || createTokenStore(wx);
  const baseUrl = String(config.apiBaseUrl).replace(/\/+$/, '');
  const endpoint = baseUrl + config.graphqlPath;
  const photoEndpoint = baseUrl + (config.photoUploadPath || '/photos');

  // The single in-flight refresh shared by every request that hit 401 together.
  let refreshInFlight = null;

  function send(operation, accessToken) {
    return new Promise((resolve, reject) => {
      const header = { 'content-type': 'application/json' };
      if (accessToken) header.Authorization = 'Bearer ' + accessToken;
      wx.request({
        url: endpoint,
        method: 'POST',
        header,
        dataType: 'json',
        data: {
          query: operation.query,
          variables: operation.variables,
          operationName: operation.operationName
        },
        success: (res) => resolve({ statusCode: res.statusCode, body: parseBody(res.data) }),
        fail: () => reject(clientError('NETWORK'))
      });
    });
  }

  function sessionExpired() {
    tokens.clear();
    return clientError('UNAUTHENTICATED');
  }

  async function refresh(refreshToken) {
    let payload;
    try {
      const data = unwrap(
        await send(
          {
            operationName: 'RefreshSession',
            query: documents.RefreshSession,
            variables: { input: { refreshToken } }
          },
          null
        )
      );
      payload = data.refreshSession;
    } catch (err) {
      if (TRANSIENT_CODES.indexOf(err.code) >= 0) throw err;
      throw sessionExpired();
    }
    if (!payload || !payload.accessToken) throw sessionExpired();
    tokens.set(payload);
    return payload.accessToken;
  }

  // Resolves to an access token worth retrying with, or rejects.
  function renewSession(rejectedToken) {
    const current = tokens.getAccessToken();
    // Another request already refreshed after ours was sent: just reuse it.
    if (current && current !== rejectedToken) return Promise.resolve(current);

    const refreshToken = tokens.getRefreshToken();
    if (!refreshToken) return Promise.reject(sessionExpired());

    if (!refreshInFlight) {
      const done = () => {
        refreshInFlight = null;
      };
      refreshInFlight = refresh(refreshToken);
      refreshInFlight.then(done, done);
    }
    return refreshInFlight;
  }

  // Sends with the stored token; refused as unauthenticated, renews the session once and sends again.
  async function withSession(sendWith) {
    const usedToken = tokens.getAccessToken();
    const first = await sendWith(usedToken);
    if (!isUnauthenticated(first)) return first;

    const renewedToken = await renewSession(usedToken);
    const second = await sendWith(renewedToken);
    // A freshly issued token was refused too: give up instead of looping.
    if (isUnauthenticated(second)) throw sessionExpired();
    return second;
  }

  async function execute(operation) {
    return unwrap(await withSession((token) => send(operation, token)));
  }

  function sendPhoto(filePath, accessToken) {
    return new Promise((resolve, reject) => {
      const header = {};
      if (accessToken) header.Authorization = 'Bearer ' + accessToken;
      wx.uploadFile({
        url: photoEndpoint,
        filePath,
        name: 'file',
        header,
        // wx.uploadFile always hands back the body as text
        success: (res) => resolve({ statusCode: res.statusCode, body: parseBody(res.data) }),
        fail: () => reject(clientError('NETWORK'))
      });
    });
  }

  function unwrapPhoto(response) {
    throwErrors(response);
    if (response.statusCode !== 201) throw clientError(codeForStatus(response.statusCode));
    const body = response.body || {};
    if (!body.id || !body.url) throw clientError('INTERNAL');
    return { id: String(body.id), url: body.url };
  }

  /**
   * Uploads one local image (a wx.chooseMedia temp path) and resolves to `{ id, url }`: the id goes into
   * `photoIds` of a mutation, the url is a signed link to show it. Refreshes the session once, like `request`.
   */
  async function uploadPhoto(filePath) {
    if (!tokens.getAccessToken()) throw sessionExpired();
    return unwrapPhoto(await withSession((token) => sendPhoto(filePath, token)));
  }

  /**
   * Sends a registered operation and resolves to its `data`.
   * Throws synchronously for an unregistered name: that is a programming
   * error, and nothing is sent.
   */
  function request(operationName, variables) {
    if (!Object.prototype.hasOwnProperty.call(documents, operationName)) {
      throw new Error(
        'Unknown GraphQL operation "' + operationName + '": only documents registered in api/documents.js can be sent'
      );
    }
    const operation = {
      operationName,
      query: documents[operationName],
      variables: variables || {}
    };
    if (SESSION_OPERATIONS.indexOf(operationName) >= 0) {
      return send(operation, null).then(unwrap);
    }
    return execute(operation);
  }

  // renewSession is shared with the subscription client: a socket closed with 4401 renews through the same
  // single in-flight refresh as HTTP requests that hit 401 at the same time.
  return { request, uploadPhoto, tokens, renewSession };
}

module.exports = {
  createClient,
  createTokenStore,
  clientError,
  ERROR_MESSAGES,
  STORAGE_KEYS,
  messageFor,
  userMessage
};
