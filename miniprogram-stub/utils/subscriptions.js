// 基于 wx.connectSocket 的 GraphQL 订阅客户端（graphql-transport-ws 协议）。
//
// - 与 utils/graphql.js 一样只发送 api/documents.js 登记过的文档；未登记的操作名直接抛错；
// - 所有订阅共用一条连接：第一个订阅时才建立，最后一个订阅结束时关闭；
// - connection_init 携带 `Authorization: Bearer <accessToken>`，收到 connection_ack 之后才发 subscribe；
// - 连接意外断开时按 1s、2s、4s…（最长 30s）退避重连，并重新订阅仍在进行的订阅；
// - 服务端以 4401 关闭连接（登录会话结束或访问令牌过期）时，用刷新令牌续期一次（与 HTTP 客户端共享同一次续期），
//   成功后带新令牌重连并重新订阅；续期失败、或新令牌刚连上又被 4401 拒绝时，向订阅者报 UNAUTHENTICATED，不再重连；
// - 服务端以 4403 关闭连接时直接报 UNAUTHENTICATED，不再重连。
//
// wx、定时器都通过参数注入，测试可以换成假的 SocketTask 与假时钟。

const registeredDocuments = require('../api/documents');
const { createTokenStore, clientError } = require('./graphql');

const PROTOCOL = 'graphql-transport-ws';
const AUTH_CLOSE_CODES = [4401, 4403];
const SESSION_ENDED_CODE = 4401;
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 30000;

// http://host -> ws://host，https://host -> wss://host。
function socketUrl(config) {
  const base = String(config.apiBaseUrl).replace(/\/+$/, '').replace(/^http(s?):\/\//i, (m, s) => 'ws' + s + '://');
  return base + config.graphqlPath;
}

// 第 attempt 次（从 0 开始）重连前的等待时间。
function backoffDelay(attempt) {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * Math.pow(2, attempt));
}

// 服务端 error 消息的 payload 是 GraphQL 错误数组，转成与 HTTP 客户端一致的 Error。
function subscriptionError(errors) {
  const list = Array.isArray(errors) ? errors : [];
  const first = list[0] || {};
  const code = first.extensions && first.extensions.code;
  // 没有 code 的错误不符合约定，原文不展示给用户。
  return code ? clientError(code, first.message, list) : clientError('INTERNAL', null, list);
}

function createSubscriptions(options) {
  const wx = options.wx;
  const config = options.config;
  const documents = options.documents || registeredDocuments;
  const tokens = options.tokens || createTokenStore(wx);
  const timers = options.timers || { setTimeout, clearTimeout };
  // 续期访问令牌（HTTP 客户端的 renewSession）：传入被拒的令牌，resolve 新令牌或 reject。没有时 4401 即结束。
  const renewSession = options.renewSession || null;
  const url = socketUrl(config);

  const active = new Map(); // id -> { operationName, variables, sink }
  let nextId = 0;
  let socket = null; // 当前 SocketTask
  let acknowledged = false;
  let attempt = 0; // 连续重连次数，收到 ack 后清零
  let reconnectTimer = null;
  let renewedWithoutAck = false; // 续期后的连接还没收到 ack：再被 4401 拒绝就不再续期，免得循环
  let renewing = false;

  function call(sink, name, arg) {
    const fn = sink && sink[name];
    if (typeof fn !== 'function') return;
    try {
      fn(arg);
    } catch (e) {
      // 页面回调出错不能拖垮共享连接。
    }
  }

  function sendOn(task, message) {
    task.send({ data: JSON.stringify(message) });
  }

  function subscribeMessage(id, sub) {
    return {
      id,
      type: 'subscribe',
      payload: { query: documents[sub.operationName], operationName: sub.operationName, variables: sub.variables }
    };
  }

  function cancelReconnect() {
    if (reconnectTimer !== null) {
      timers.clearTimeout(reconnectTimer);
      reconnectTimer = null;
    }
  }

  // 主动关闭：先解除当前连接，之后它的 onClose 不再触发重连。
  function closeSocket() {
    cancelReconnect();
    const task = socket;
    socket = null;
    acknowledged = false;
    attempt = 0;
    if (task) {
      try {
        task.close({ code: 1000, reason: 'no active subscriptions' });
      } catch (e) {
        // 已经断开了。
      }
    }
  }

  function closeIfIdle() {
    if (active.size === 0) closeSocket();
  }

  function onDisconnect(task, code) {
    if (task !== socket) return; // 已被替换或主动关闭的连接
    socket = null;
    acknowledged = false;
    if (code === SESSION_ENDED_CODE && renewSession && !renewedWithoutAck && active.size > 0) {
      renewAndReconnect(task.accessToken);
      return;
    }
    if (AUTH_CLOSE_CODES.indexOf(code) >= 0) {
      failAll();
      return;
    }
    if (active.size === 0) return;
    const delay = backoffDelay(attempt);
    attempt += 1;
    reconnectTimer = timers.setTimeout(() => {
      reconnectTimer = null;
      if (active.size > 0) connect();
    }, delay);
  }

  // 所有进行中的订阅以 UNAUTHENTICATED 结束（需要重新登录）。
  function failAll() {
    const sinks = Array.from(active.values()).map((s) => s.sink);
    active.clear();
    attempt = 0;
    renewedWithoutAck = false;
    for (const sink of sinks) call(sink, 'error', clientError('UNAUTHENTICATED'));
  }

  // 会话结束或令牌过期：续期一次，成功则重连（收到 ack 后重新订阅仍在进行的订阅）。
  function renewAndReconnect(rejectedToken) {
    renewing = true;
    Promise.resolve()
      .then(() => renewSession(rejectedToken))
      .then(
        () => {
          renewing = false;
          if (socket || active.size === 0) return; // 期间已重连或已无订阅
          renewedWithoutAck = true;
          connect();
        },
        () => {
          renewing = false;
          if (!socket) failAll();
        }
      );
  }

  function onMessage(task, raw) {
    if (task !== socket) return;
    let message;
    try {
      message = typeof raw === 'string' ? JSON.parse(raw) : raw;
    } catch (e) {
      return;
    }
    if (!message || typeof message.type !== 'string') return;
    const sub = message.id != null ? active.get(message.id) : null;
    switch (message.type) {
      case 'connection_ack':
        acknowledged = true;
        attempt = 0;
        renewedWithoutAck = false;
        for (const [id, s] of active) sendOn(task, subscribeMessage(id, s));
        break;
      case 'ping':
        sendOn(task, { type: 'pong' });
        break;
      case 'next':
        if (sub) call(sub.sink, 'next', message.payload ? message.payload.data : null);
        break;
      case 'error':
        if (sub) {
          active.delete(message.id);
          call(sub.sink, 'error', subscriptionError(message.payload));
          closeIfIdle();
        }
        break;
      case 'complete':
        if (sub) {
          active.delete(message.id);
          call(sub.sink, 'complete');
          closeIfIdle();
        }
        break;
      default:
        // pong 等无需处理。
        break;
    }
  }

  function connect() {
    cancelReconnect();
    acknowledged = false;
    const task = wx.connectSocket({ url, protocols: [PROTOCOL] });
    socket = task;
    task.onOpen(() => {
      if (task !== socket) return;
      const accessToken = tokens.getAccessToken();
      task.accessToken = accessToken; // 被 4401 关闭时，续期要知道用的是哪个令牌
      const payload = accessToken ? { Authorization: 'Bearer ' + accessToken } : {};
      sendOn(task, { type: 'connection_init', payload });
    });
    task.onMessage((res) => onMessage(task, res && res.data));
    task.onClose((res) => onDisconnect(task, res && res.code));
    task.onError(() => {
      // 出错后连接已不可用：按意外断开处理（随后的 onClose 会被忽略）。
      if (task !== socket) return;
      onDisconnect(task, undefined);
      try {
        task.close({});
      } catch (e) {
        // ignore
      }
    });
  }

  /**
   * 订阅一个登记过的 subscription 操作，返回取消订阅的函数。
   * 未登记的操作名同步抛错，不会建立连接或发送任何消息。
   */
  function subscribe(operationName, variables, sink) {
    if (!Object.prototype.hasOwnProperty.call(documents, operationName)) {
      throw new Error(
        'Unknown GraphQL operation "' + operationName + '": only documents registered in api/documents.js can be sent'
      );
    }
    nextId += 1;
    const id = String(nextId);
    const sub = { operationName, variables: variables || {}, sink: sink || {} };
    active.set(id, sub);
    if (socket && acknowledged) sendOn(socket, subscribeMessage(id, sub));
    else if (!socket && reconnectTimer === null && !renewing) connect();
    // 连接中或等待重连：收到 ack 时统一发送。

    return function unsubscribe() {
      if (!active.has(id)) return;
      active.delete(id);
      if (socket && acknowledged) sendOn(socket, { id, type: 'complete' });
      closeIfIdle();
    };
  }

  // 结束全部订阅并关闭连接（不通知订阅者）。
  function close() {
    active.clear();
    closeSocket();
  }

  return { subscribe, close };
}

/**
 * 页面用的小帮手：同一页面同一时刻只保持一个订阅，重复调用不会重复订阅。
 * subscriptions 不存在（例如测试里的 app）时什么也不做。
 */
function watchOnPage(page, subscriptions, operationName, variables, next) {
  if (!subscriptions || page._unsubscribe) return;
  // 实时更新只是锦上添花：出错或结束后停止，下次显示页面时再订阅。
  const ended = () => {
    if (page._unsubscribe === unsubscribe) page._unsubscribe = null;
  };
  const unsubscribe = subscriptions.subscribe(operationName, variables, {
    next: (data) => next.call(page, data),
    error: ended,
    complete: ended
  });
  page._unsubscribe = unsubscribe;
}

function unwatchOnPage(page) {
  const unsubscribe = page._unsubscribe;
  page._unsubscribe = null;
  if (unsubscribe) unsubscribe();
}

module.exports = { createSubscriptions, socketUrl, backoffDelay, watchOnPage, unwatchOnPage, PROTOCOL };
