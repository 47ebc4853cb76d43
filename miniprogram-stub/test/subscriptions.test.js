// GraphQL 订阅客户端（graphql-transport-ws over wx.connectSocket）与使用它的页面流程。
const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond, flush, loadPage } = require('./wx-shim');
const { createClient } = require('../utils/graphql');
const documents = require('../api/documents');
const { createSubscriptions, socketUrl, backoffDelay } = require('../utils/subscriptions');
const festival = require('../pages/festival/detail');
const vouchers = require('../pages/timebank/vouchers');
const notifications = require('../pages/notifications/notifications');

const config = { apiBaseUrl: 'http://localhost:8080', graphqlPath: '/graphql', sandbox: true };

// A fake SocketTask: records what the client sends and lets the test play the server.
function fakeSocketTask(options) {
  const handlers = {};
  const task = {
    url: options.url,
    protocols: options.protocols,
    sent: [],
    closed: null,
    onOpen: (fn) => (handlers.open = fn),
    onMessage: (fn) => (handlers.message = fn),
    onClose: (fn) => (handlers.close = fn),
    onError: (fn) => (handlers.error = fn),
    send(o) {
      task.sent.push(JSON.parse(o.data));
    },
    close(o) {
      task.closed = o || {};
    },
    // server side
    open: () => handlers.open({}),
    serverSend: (message) => handlers.message({ data: JSON.stringify(message) }),
    serverClose: (code, reason) => handlers.close({ code, reason: reason || '' }),
    types: () => task.sent.map((m) => m.type)
  };
  return task;
}

// Fake clock: timers run only when the test advances time.
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map();
  return {
    setTimeout(fn, ms) {
      seq += 1;
      pending.set(seq, { fn, at: now + ms, ms });
      return seq;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    delays: () => Array.from(pending.values()).map((t) => t.ms),
    advance(ms) {
      now += ms;
      for (const [id, t] of Array.from(pending.entries())) {
        if (t.at <= now) {
          pending.delete(id);
          t.fn();
        }
      }
    }
  };
}

function setup(token) {
  const shim = createWxShim();
  const sockets = [];
  shim.wx.connectSocket = (options) => {
    const task = fakeSocketTask(options);
    sockets.push(task);
    return task;
  };
  if (token !== null) shim.wx.setStorageSync('linli.accessToken', token || 'token-1');
  const timers = fakeTimers();
  const subs = createSubscriptions({ wx: shim.wx, config, timers });
  return { shim, sockets, timers, subs };
}

// Opens the (latest) socket and acknowledges the connection.
function connect(sockets) {
  const task = sockets.at(-1);
  task.open();
  task.serverSend({ type: 'connection_ack' });
  return task;
}

function recorder() {
  const events = [];
  return {
    events,
    sink: {
      next: (data) => events.push(['next', data]),
      error: (err) => events.push(['error', err]),
      complete: () => events.push(['complete'])
    }
  };
}

test('socket URL maps http→ws and https→wss plus the GraphQL path', () => {
  assert.equal(socketUrl(config), 'ws://localhost:8080/graphql');
  assert.equal(socketUrl({ apiBaseUrl: 'https://api.linli.cn/', graphqlPath: '/graphql' }), 'wss://api.linli.cn/graphql');
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map(backoffDelay), [1000, 2000, 4000, 8000, 16000, 30000, 30000]);
});

test('connection_init carries the bearer token and subscribe waits for connection_ack', () => {
  const { sockets, subs } = setup('token-abc');
  assert.equal(sockets.length, 0, 'the socket is opened lazily');
  subs.subscribe('OrderUpdated', { orderId: 'o1' }, {});
  assert.equal(sockets.length, 1);
  const task = sockets[0];
  assert.equal(task.url, 'ws://localhost:8080/graphql');
  assert.deepEqual(task.protocols, ['graphql-transport-ws']);
  assert.deepEqual(task.sent, [], 'nothing is sent before the socket opens');

  task.open();
  assert.deepEqual(task.sent, [{ type: 'connection_init', payload: { Authorization: 'Bearer token-abc' } }]);

  task.serverSend({ type: 'connection_ack' });
  assert.deepEqual(task.sent[1], {
    id: task.sent[1].id,
    type: 'subscribe',
    payload: { query: documents.OrderUpdated, operationName: 'OrderUpdated', variables: { orderId: 'o1' } }
  });

  // One shared socket: a second subscription goes over it straight away.
  subs.subscribe('NotificationReceived', {}, {});
  assert.equal(sockets.length, 1);
  assert.equal(task.sent[2].type, 'subscribe');
  assert.equal(task.sent[2].payload.operationName, 'NotificationReceived');
  assert.notEqual(task.sent[2].id, task.sent[1].id);
});

test('the token comes from the same store the HTTP client uses', () => {
  const shim = createWxShim();
  const sockets = [];
  shim.wx.connectSocket = (o) => {
    const t = fakeSocketTask(o);
    sockets.push(t);
    return t;
  };
  const client = createClient({ wx: shim.wx, config });
  client.tokens.set({ accessToken: 'fresh-token', refreshToken: 'r' });
  const subs = createSubscriptions({ wx: shim.wx, config, tokens: client.tokens, timers: fakeTimers() });
  subs.subscribe('NotificationReceived', {}, {});
  sockets[0].open();
  assert.deepEqual(sockets[0].sent[0].payload, { Authorization: 'Bearer fresh-token' });
});

test('next / error / complete reach the subscriber with the matching id', () => {
  const { sockets, subs } = setup();
  const a = recorder();
  const b = recorder();
  subs.subscribe('OrderUpdated', { orderId: 'o1' }, a.sink);
  subs.subscribe('CampaignProgressUpdates', { campaignId: 'c1' }, b.sink);
  const task = connect(sockets);
  const [idA, idB] = task.sent.filter((m) => m.type === 'subscribe').map((m) => m.id);

  task.serverSend({ id: idB, type: 'next', payload: { data: { campaignProgress: { totalFen: 100 } } } });
  task.serverSend({ id: idA, type: 'next', payload: { data: { orderUpdated: { id: 'o1', status: 'ACCEPTED' } } } });
  assert.deepEqual(a.events, [['next', { orderUpdated: { id: 'o1', status: 'ACCEPTED' } }]]);
  assert.deepEqual(b.events, [['next', { campaignProgress: { totalFen: 100 } }]]);

  task.serverSend({ id: idA, type: 'error', payload: [{ message: '订单不存在', extensions: { code: 'NOT_FOUND' } }] });
  assert.equal(a.events.length, 2);
  const err = a.events[1][1];
  assert.ok(err instanceof Error);
  assert.equal(err.code, 'NOT_FOUND');
  assert.equal(err.message, '订单不存在');
  // After an error the subscription is over: later messages for it are ignored.
  task.serverSend({ id: idA, type: 'next', payload: { data: {} } });
  assert.equal(a.events.length, 2);
  assert.equal(task.closed, null, 'b is still active');

  task.serverSend({ id: idB, type: 'complete' });
  assert.deepEqual(b.events.at(-1), ['complete']);
  assert.notEqual(task.closed, null, 'closed once nothing is left');
});

test('an error without a code is reported as INTERNAL in Chinese, not the raw text', () => {
  const { sockets, subs } = setup();
  const a = recorder();
  subs.subscribe('NotificationReceived', {}, a.sink);
  const task = connect(sockets);
  task.serverSend({ id: task.sent[1].id, type: 'error', payload: [{ message: 'Validation error of type FieldUndefined' }] });
  assert.equal(a.events[0][1].code, 'INTERNAL');
  assert.equal(a.events[0][1].message, '系统繁忙，请稍后再试');
});

test('unsubscribe sends complete and closes the socket when none are left', () => {
  const { sockets, subs } = setup();
  const a = recorder();
  const stopA = subs.subscribe('OrderUpdated', { orderId: 'o1' }, a.sink);
  const stopB = subs.subscribe('NotificationReceived', {}, {});
  const task = connect(sockets);
  const [idA, idB] = task.sent.filter((m) => m.type === 'subscribe').map((m) => m.id);

  stopA();
  assert.deepEqual(task.sent.at(-1), { id: idA, type: 'complete' });
  assert.equal(task.closed, null);
  stopA(); // idempotent
  assert.equal(task.sent.filter((m) => m.type === 'complete').length, 1);

  stopB();
  assert.deepEqual(task.sent.at(-1), { id: idB, type: 'complete' });
  assert.notEqual(task.closed, null);
  assert.deepEqual(a.events, [], 'unsubscribing does not call the sink');

  // The closing handshake is not an unexpected close: no reconnect.
  task.serverClose(1000);
  assert.equal(sockets.length, 1);

  // A later subscription opens a new socket.
  subs.subscribe('NotificationReceived', {}, {});
  assert.equal(sockets.length, 2);
});

test('ping is answered with pong', () => {
  const { sockets, subs } = setup();
  subs.subscribe('NotificationReceived', {}, {});
  const task = connect(sockets);
  task.serverSend({ type: 'ping' });
  assert.deepEqual(task.sent.at(-1), { type: 'pong' });
});

test('an unknown operation throws and sends nothing', () => {
  const { sockets, subs } = setup();
  assert.throws(() => subs.subscribe('NoSuchSubscription', {}, {}), /Unknown GraphQL operation "NoSuchSubscription"/);
  assert.equal(sockets.length, 0, 'no socket opened');

  subs.subscribe('NotificationReceived', {}, {});
  const task = connect(sockets);
  const before = task.sent.length;
  assert.throws(() => subs.subscribe('NoSuchSubscription', {}, {}));
  assert.equal(task.sent.length, before);
});

test('an unexpected close reconnects with backoff and resubscribes active subscriptions', () => {
  const { sockets, timers, subs } = setup();
  const a = recorder();
  subs.subscribe('OrderUpdated', { orderId: 'o1' }, a.sink);
  const stopB = subs.subscribe('NotificationReceived', {}, {});
  subs.subscribe('PartnerInboxEvents', {}, {});
  let task = connect(sockets);
  stopB();

  task.serverClose(1006);
  assert.equal(sockets.length, 1, 'waits before reconnecting');
  assert.deepEqual(timers.delays(), [1000]);
  timers.advance(999);
  assert.equal(sockets.length, 1);
  timers.advance(1);
  assert.equal(sockets.length, 2);

  // Second attempt fails before the ack: the next wait doubles.
  sockets[1].serverClose(1006);
  assert.deepEqual(timers.delays(), [2000]);
  timers.advance(2000);
  assert.equal(sockets.length, 3);
  sockets[2].serverClose(1006);
  assert.deepEqual(timers.delays(), [4000]);
  timers.advance(4000);

  task = sockets[3];
  task.open();
  assert.equal(task.sent[0].type, 'connection_init');
  task.serverSend({ type: 'connection_ack' });
  const resent = task.sent.filter((m) => m.type === 'subscribe');
  assert.deepEqual(resent.map((m) => m.payload.operationName), ['OrderUpdated', 'PartnerInboxEvents']);
  assert.deepEqual(resent[0].payload.variables, { orderId: 'o1' });

  // Events keep reaching the original subscriber under its id.
  task.serverSend({ id: resent[0].id, type: 'next', payload: { data: { orderUpdated: { id: 'o1' } } } });
  assert.deepEqual(a.events, [['next', { orderUpdated: { id: 'o1' } }]]);

  // A successful ack resets the backoff.
  task.serverClose(1006);
  assert.deepEqual(timers.delays(), [1000]);
});

test('the backoff is capped at 30 seconds', () => {
  const { sockets, timers, subs } = setup();
  subs.subscribe('NotificationReceived', {}, {});
  const seen = [];
  for (let i = 0; i < 8; i++) {
    sockets.at(-1).serverClose(1006);
    seen.push(timers.delays()[0]);
    timers.advance(timers.delays()[0]);
  }
  assert.deepEqual(seen, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});

test('no reconnect is scheduled when the last subscription ends during the wait', () => {
  const { sockets, timers, subs } = setup();
  const stop = subs.subscribe('NotificationReceived', {}, {});
  connect(sockets).serverClose(1006);
  stop();
  assert.deepEqual(timers.delays(), []);
  timers.advance(60000);
  assert.equal(sockets.length, 1);
});

for (const code of [4401, 4403]) {
  test('close code ' + code + ' reports UNAUTHENTICATED and does not reconnect', () => {
    const { sockets, timers, subs } = setup();
    const a = recorder();
    const b = recorder();
    subs.subscribe('OrderUpdated', { orderId: 'o1' }, a.sink);
    subs.subscribe('NotificationReceived', {}, b.sink);
    const task = sockets[0];
    task.open();
    task.serverClose(code, 'Unauthorized');

    for (const r of [a, b]) {
      assert.equal(r.events.length, 1);
      assert.equal(r.events[0][0], 'error');
      assert.equal(r.events[0][1].code, 'UNAUTHENTICATED');
      assert.equal(r.events[0][1].message, '请先登录');
    }
    assert.deepEqual(timers.delays(), []);
    timers.advance(60000);
    assert.equal(sockets.length, 1);
  });
}

// 4401 = the session ended (logout elsewhere, reuse) or the access token expired: renew once, reconnect, resubscribe.
function setupWithRenewal(renew) {
  const shim = createWxShim();
  const sockets = [];
  shim.wx.connectSocket = (options) => {
    const task = fakeSocketTask(options);
    sockets.push(task);
    return task;
  };
  shim.wx.setStorageSync('linli.accessToken', 'token-1');
  const timers = fakeTimers();
  const renewals = [];
  const renewSession = (rejected) => {
    renewals.push(rejected);
    return renew(shim);
  };
  const subs = createSubscriptions({ wx: shim.wx, config, timers, renewSession });
  return { shim, sockets, timers, subs, renewals };
}

test('close code 4401 renews the session, reconnects with the new token and resubscribes', async () => {
  const { sockets, timers, subs, renewals } = setupWithRenewal((shim) => {
    shim.wx.setStorageSync('linli.accessToken', 'token-2');
    return Promise.resolve('token-2');
  });
  const a = recorder();
  const b = recorder();
  subs.subscribe('OrderUpdated', { orderId: 'o1' }, a.sink);
  subs.subscribe('NotificationReceived', {}, b.sink);
  connect(sockets).serverClose(4401, 'Unauthorized');
  await flush();

  assert.deepEqual(renewals, ['token-1'], 'renewed once, naming the refused token');
  assert.equal(sockets.length, 2, 'reconnected at once, without a backoff wait');
  assert.deepEqual(timers.delays(), []);
  const task = sockets[1];
  task.open();
  assert.deepEqual(task.sent[0], { type: 'connection_init', payload: { Authorization: 'Bearer token-2' } });
  task.serverSend({ type: 'connection_ack' });
  assert.deepEqual(
    task.sent.slice(1).map((m) => [m.type, m.payload.operationName]),
    [['subscribe', 'OrderUpdated'], ['subscribe', 'NotificationReceived']]
  );
  task.serverSend({ id: task.sent[1].id, type: 'next', payload: { data: { orderUpdated: { id: 'o1' } } } });
  assert.deepEqual(a.events, [['next', { orderUpdated: { id: 'o1' } }]]);
  assert.deepEqual(b.events, [], 'nobody was told about the renewal');

  // a later expiry renews again (the previous renewal was acknowledged)
  task.serverClose(4401, 'Unauthorized');
  await flush();
  assert.equal(renewals.length, 2);
  assert.equal(sockets.length, 3);
});

test('close code 4401 reports UNAUTHENTICATED when the session cannot be renewed', async () => {
  const { sockets, timers, subs, renewals } = setupWithRenewal(() => {
    const err = new Error('请先登录');
    err.code = 'UNAUTHENTICATED';
    return Promise.reject(err);
  });
  const a = recorder();
  subs.subscribe('OrderUpdated', { orderId: 'o1' }, a.sink);
  connect(sockets).serverClose(4401, 'Unauthorized');
  await flush();

  assert.equal(renewals.length, 1);
  assert.equal(a.events.length, 1);
  assert.equal(a.events[0][0], 'error');
  assert.equal(a.events[0][1].code, 'UNAUTHENTICATED');
  assert.deepEqual(timers.delays(), []);
  assert.equal(sockets.length, 1, 'no reconnect');
});

test('a renewed token refused again before connection_ack is not renewed in a loop', async () => {
  const { sockets, subs, renewals } = setupWithRenewal((shim) => {
    shim.wx.setStorageSync('linli.accessToken', 'token-2');
    return Promise.resolve('token-2');
  });
  const a = recorder();
  subs.subscribe('OrderUpdated', { orderId: 'o1' }, a.sink);
  connect(sockets).serverClose(4401, 'Unauthorized');
  await flush();
  const second = sockets[1];
  second.open();
  second.serverClose(4401, 'Unauthorized');
  await flush();

  assert.equal(renewals.length, 1);
  assert.equal(a.events.length, 1);
  assert.equal(a.events[0][1].code, 'UNAUTHENTICATED');
  assert.equal(sockets.length, 2);
});

test('close() ends everything without reconnecting', () => {
  const { sockets, timers, subs } = setup();
  subs.subscribe('NotificationReceived', {}, {});
  const task = connect(sockets);
  subs.close();
  assert.notEqual(task.closed, null);
  task.serverClose(1000);
  assert.deepEqual(timers.delays(), []);
});

// ---- Pages ----

test('festival pledge asks consent for PLEDGE_PAID and REFUND_MADE, records it, then sends PledgeMoney', async () => {
  const shim = createWxShim();
  const log = [];
  shim.wx.requestSubscribeMessage = (options) => {
    log.push({ api: 'requestSubscribeMessage', tmplIds: options.tmplIds });
    Promise.resolve().then(() => options.success({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-paid': 'accept', 'tmpl-refund': 'reject' }));
  };
  shim.wx.requestPayment = (options) => {
    log.push({ api: 'requestPayment' });
    Promise.resolve().then(() => options.success({ errMsg: 'requestPayment:ok' }));
  };
  const request = shim.wx.request;
  shim.wx.request = (options) => {
    log.push({ api: 'request', operationName: options.data.operationName });
    return request(options);
  };
  shim.wx.setStorageSync('linli.accessToken', 'token-1');
  const client = createClient({ wx: shim.wx, config });
  shim.on('SubscribeTemplates', respond.data({
    subscribeTemplates: [
      { kind: 'ORDER_ACCEPTED', templateId: 'tmpl-accepted' },
      { kind: 'PLEDGE_PAID', templateId: 'tmpl-paid' },
      { kind: 'REFUND_MADE', templateId: 'tmpl-refund' }
    ]
  }));
  shim.on('RecordSubscribeConsent', respond.data({ recordSubscribeConsent: { recorded: true } }));
  shim.on('PledgeMoney', respond.data({
    pledgeMoney: { pledge: { id: 'pl1' }, payment: { timeStamp: '1', nonceStr: 'n', packageValue: 'p', signType: 'RSA', paySign: 's' } }
  }));

  const pledge = await festival.pledgeMoney({ wx: shim.wx, client }, 'c1', { amountYuan: '20', idempotencyKey: 'key-12345678' });
  assert.equal(pledge.id, 'pl1');
  assert.deepEqual(log.map((e) => e.api + (e.operationName ? ':' + e.operationName : '')), [
    'request:SubscribeTemplates',
    'requestSubscribeMessage',
    'request:RecordSubscribeConsent',
    'request:PledgeMoney',
    'requestPayment'
  ]);
  assert.deepEqual(log[1].tmplIds, ['tmpl-paid', 'tmpl-refund']);
  assert.deepEqual(shim.requestsFor('RecordSubscribeConsent')[0].data.variables, {
    input: { accepted: ['tmpl-paid'], rejected: ['tmpl-refund'] }
  });

  // An invalid amount asks for nothing.
  log.length = 0;
  await assert.rejects(festival.pledgeMoney({ wx: shim.wx, client }, 'c1', { amountYuan: '0', idempotencyKey: 'key-12345678' }));
  assert.deepEqual(log, []);
});

// A fake subscriptions object for page wiring tests.
function fakeSubscriptions() {
  const active = [];
  return {
    active,
    subscribe(operationName, variables, sink) {
      const entry = { operationName, variables, sink, stopped: false };
      active.push(entry);
      return () => {
        entry.stopped = true;
      };
    },
    live: () => active.filter((e) => !e.stopped)
  };
}

test('order detail page subscribes to OrderUpdated, refreshes on next and unsubscribes on hide/unload', async () => {
  const shim = createWxShim();
  shim.wx.setStorageSync('linli.accessToken', 'token-1');
  const client = createClient({ wx: shim.wx, config });
  const subscriptions = fakeSubscriptions();
  let status = 'DISPATCHED';
  shim.on('Order', () => respond.data({ order: { id: 'o1', status, urgency: 'NORMAL', timeline: [] } }));
  const { page } = loadPage('pages/order/detail.js', { wx: shim.wx, app: { client, subscriptions } });

  await page.onLoad({ id: 'o1' });
  page.onShow();
  page.onShow(); // no duplicate subscription
  assert.equal(subscriptions.live().length, 1);
  assert.equal(subscriptions.live()[0].operationName, 'OrderUpdated');
  assert.deepEqual(subscriptions.live()[0].variables, { orderId: 'o1' });
  assert.equal(page.data.order.statusText, '待接单');

  status = 'ACCEPTED';
  subscriptions.live()[0].sink.next({ orderUpdated: { id: 'o1', status: 'ACCEPTED' } });
  await flush();
  assert.equal(page.data.order.statusText, '已接单');
  assert.equal(shim.requestsFor('Order').length, 2);

  page.onHide();
  assert.equal(subscriptions.live().length, 0);
  page.onShow();
  assert.equal(subscriptions.live().length, 1);
  page.onUnload();
  assert.equal(subscriptions.live().length, 0);
});

test('festival detail page applies CampaignProgressUpdates to the shown progress', async () => {
  const shim = createWxShim();
  const client = createClient({ wx: shim.wx, config });
  const subscriptions = fakeSubscriptions();
  shim.on('Campaign', respond.data({
    campaign: { id: 'c1', theme: '中秋', status: 'OPEN', moneyGoalFen: 100000, progress: { moneyRaisedFen: 0, matchedFen: 0, totalFen: 0, supporters: 0 } }
  }));
  const { page } = loadPage('pages/festival/detail.js', { wx: shim.wx, app: { client, subscriptions } });
  await page.onLoad({ id: 'c1' });
  page.onShow();
  assert.deepEqual(subscriptions.live().map((s) => [s.operationName, s.variables]), [['CampaignProgressUpdates', { campaignId: 'c1' }]]);

  subscriptions.live()[0].sink.next({ campaignProgress: { moneyRaisedFen: 30000, matchedFen: 10000, totalFen: 40000, supporters: 3 } });
  assert.equal(page.data.view.totalText, '¥400.00');
  assert.equal(page.data.view.raisedText, '¥300.00');
  assert.equal(page.data.view.goalText, '¥1000.00');
  assert.equal(page.data.view.percent, 40);
  assert.equal(page.data.view.supporters, 3);
  assert.equal(page.data.view.theme, '中秋');
  page.onUnload();
  assert.equal(subscriptions.live().length, 0);
});

test('notifications page prepends NotificationReceived; partner inbox reloads the current tab', async () => {
  const state = { unreadCount: 1, items: [notifications.toNotificationItem({ id: 'n1', title: '旧', read: false })] };
  const next = notifications.prependNotification(state, { id: 'n2', title: '新', read: false, createdAt: '2026-11-02T08:00:00+08:00' });
  assert.deepEqual(next.items.map((i) => i.id), ['n2', 'n1']);
  assert.equal(next.unreadCount, 2);
  assert.equal(notifications.prependNotification(next, { id: 'n2', title: '新', read: false }).unreadCount, 2, 'a repeat is not counted twice');

  const shim = createWxShim();
  const client = createClient({ wx: shim.wx, config });
  const subscriptions = fakeSubscriptions();
  shim.on('MyNotifications', respond.data({ myNotifications: { unreadCount: 0, edges: [] } }));
  shim.on('PartnerInbox', respond.data({ partnerInbox: { edges: [] } }));
  const n = loadPage('pages/notifications/notifications.js', { wx: shim.wx, app: { client, subscriptions } }).page;
  await n.onShow();
  subscriptions.live()[0].sink.next({ notificationReceived: { id: 'n9', title: '已接单', read: false } });
  assert.deepEqual(n.data.items.map((i) => i.id), ['n9']);
  assert.equal(n.data.unreadCount, 1);
  n.onHide();

  const inbox = loadPage('pages/partner/inbox.js', { wx: shim.wx, app: { client, subscriptions } }).page;
  await inbox.onShow();
  inbox.setData({ filter: 'ACTIVE' });
  assert.equal(subscriptions.live().at(-1).operationName, 'PartnerInboxEvents');
  subscriptions.live().at(-1).sink.next({ partnerInbox: { kind: 'DISPATCHED', order: { id: 'o1' } } });
  await flush();
  assert.deepEqual(shim.requestsFor('PartnerInbox').map((r) => r.data.variables.filter), ['DISPATCHED', 'ACTIVE']);
  inbox.onUnload();
  assert.equal(subscriptions.live().length, 0);
});

test('vouchers show the server QR image when given, the payload text otherwise', () => {
  const png = 'data:image/png;base64,iVBORw0KGgo=';
  const withImage = vouchers.toVoucherItem({ id: 'v1', code: 'AB12', status: 'ISSUED', qrCodeDataUrl: png });
  assert.equal(withImage.qrImage, png);
  assert.equal(withImage.qr, 'linli:voucher:AB12');
  assert.equal(vouchers.toVoucherItem({ id: 'v2', code: 'AB12', status: 'ISSUED' }).qrImage, '');
  assert.equal(vouchers.toVoucherItem({ id: 'v3', code: 'AB12', status: 'ISSUED', qrCodeDataUrl: 'https://evil/x.png' }).qrImage, '');
  const wxml = require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'pages/timebank/vouchers.wxml'), 'utf8');
  assert.ok(wxml.indexOf('<image') >= 0 && wxml.indexOf('<image') < wxml.indexOf('class="code"'), 'image sits above the code');
  assert.match(wxml, /!item\.qrImage/);
});
