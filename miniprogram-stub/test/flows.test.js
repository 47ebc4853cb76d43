// 业务页面的纯函数与关键流程：下单（订阅授权 + 幂等重试）、众筹支付、兑换券、标签映射、操作名登记。
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { createWxShim, respond, loadPage, PROJECT_ROOT } = require('./wx-shim');
const { createClient } = require('../utils/graphql');
const documents = require('../api/documents');
const common = require('../utils/common');
const place = require('../pages/order/place');
const list = require('../pages/order/list');
const detail = require('../pages/order/detail');
const inbox = require('../pages/partner/inbox');
const verify = require('../pages/partner/verify');
const timebank = require('../pages/timebank/index');
const vouchers = require('../pages/timebank/vouchers');
const festival = require('../pages/festival/detail');
const ledger = require('../pages/festival/ledger');
const notifications = require('../pages/notifications/notifications');
const services = require('../pages/services/services');

const config = { apiBaseUrl: 'http://localhost:8080', graphqlPath: '/graphql', sandbox: true };

// The shim plus the wx APIs these flows use, each call recorded in order.
function setup() {
  const shim = createWxShim();
  const log = [];
  shim.subscribeAnswer = {};
  shim.paymentResult = { errMsg: 'requestPayment:ok' };
  shim.wx.requestSubscribeMessage = (options) => {
    log.push({ api: 'requestSubscribeMessage', tmplIds: options.tmplIds });
    Promise.resolve().then(() => options.success(Object.assign({ errMsg: 'requestSubscribeMessage:ok' }, shim.subscribeAnswer)));
  };
  shim.wx.requestPayment = (options) => {
    log.push({ api: 'requestPayment', options });
    Promise.resolve().then(() =>
      /fail/.test(shim.paymentResult.errMsg) ? options.fail(shim.paymentResult) : options.success(shim.paymentResult)
    );
  };
  const request = shim.wx.request;
  shim.wx.request = (options) => {
    log.push({ api: 'request', operationName: options.data.operationName });
    return request(options);
  };
  shim.wx.setStorageSync('linli.accessToken', 'token-1');
  const client = createClient({ wx: shim.wx, config });
  return { shim, log, client };
}

const TEMPLATES = [
  { kind: 'ORDER_DISPATCHED', templateId: 'tmpl-dispatched' },
  { kind: 'ORDER_ACCEPTED', templateId: 'tmpl-accepted' },
  { kind: 'ORDER_COMPLETED', templateId: 'tmpl-completed' }
];

function validForm(overrides) {
  return Object.assign(place.emptyForm(), {
    householdId: 'h1',
    categoryCode: 'REPAIR',
    description: '厨房水龙头漏水',
    urgency: 'URGENT',
    contactPhone: '138-0000-0000'
  }, overrides);
}

test('formatFen renders fen as yuan with two decimals', () => {
  assert.equal(common.formatFen(5000), '¥50.00');
  assert.equal(common.formatFen(0), '¥0.00');
  assert.equal(common.formatFen(1), '¥0.01');
  assert.equal(common.formatFen(123456), '¥1234.56');
  assert.equal(common.formatFen(-250), '-¥2.50');
  assert.equal(common.formatFen(null), '¥0.00');
  assert.equal(festival.formatFen, common.formatFen, 'the festival page exposes the same helper');
});

test('yuanToFen parses yuan input without float errors', () => {
  assert.equal(common.yuanToFen('50'), 5000);
  assert.equal(common.yuanToFen('0.1'), 10);
  assert.equal(common.yuanToFen('19.99'), 1999);
  assert.equal(common.yuanToFen(' 8.05 '), 805);
  for (const bad of ['', 'abc', '1.234', '-5', '1e3']) assert.equal(common.yuanToFen(bad), null, bad);
});

test('order status labels are Chinese', () => {
  assert.deepEqual(list.STATUS_LABELS, {
    SUBMITTED: '待派单',
    DISPATCHED: '待接单',
    ACCEPTED: '已接单',
    IN_SERVICE: '服务中',
    COMPLETED: '待确认',
    CONFIRMED: '已完成',
    CANCELLED: '已取消'
  });
  assert.equal(list.statusLabel('IN_SERVICE'), '服务中');
  assert.equal(list.statusLabel('SOMETHING_NEW'), 'SOMETHING_NEW');
  assert.deepEqual(list.STATUS_TABS[0], { value: '', label: '全部' });
  assert.deepEqual(place.URGENCY_OPTIONS, [
    { value: 'NORMAL', label: '一般' },
    { value: 'URGENT', label: '紧急' }
  ]);
});

test('contributor kind labels are Chinese', () => {
  assert.deepEqual(common.CONTRIBUTOR_KIND_LABELS, {
    RESIDENT: '居民',
    MERCHANT: '商家',
    ORGANISATION: '组织',
    COMMUNITY: '社区',
    GOVERNMENT: '政府'
  });
  assert.equal(common.contributorKindLabel('GOVERNMENT'), '政府');
  assert.deepEqual(festival.KIND_OPTIONS.map((k) => k.label), ['居民', '商家', '组织', '社区', '政府']);
});

test('validateOrderForm accepts a valid form', () => {
  assert.deepEqual(place.validateOrderForm(validForm()), []);
  assert.deepEqual(place.validateOrderForm(validForm({ categoryCode: '', offeringId: 'o1' })), []);
  assert.deepEqual(place.validateOrderForm(validForm({ description: 'x'.repeat(1000) })), []);
  assert.deepEqual(place.validateOrderForm(validForm({ preferredDate: '2026-12-01', fromTime: '09:00', toTime: '11:00' })), []);
});

test('validateOrderForm reports each violation in Chinese', () => {
  const only = (overrides) => place.validateOrderForm(validForm(overrides));
  assert.deepEqual(only({ description: '' }), [{ field: 'description', message: '请填写需求描述' }]);
  assert.deepEqual(only({ description: '   ' }), [{ field: 'description', message: '请填写需求描述' }]);
  assert.deepEqual(only({ description: 'x'.repeat(1001) }), [{ field: 'description', message: '需求描述不能超过1000字' }]);
  assert.deepEqual(only({ contactPhone: '' }), [{ field: 'contactPhone', message: '请填写正确的联系电话' }]);
  assert.deepEqual(only({ contactPhone: '1234' }), [{ field: 'contactPhone', message: '请填写正确的联系电话' }]);
  assert.deepEqual(only({ contactPhone: '138 0000 0000' }), [{ field: 'contactPhone', message: '请填写正确的联系电话' }]);
  assert.deepEqual(only({ contactPhone: '1'.repeat(21) }), [{ field: 'contactPhone', message: '请填写正确的联系电话' }]);
  assert.deepEqual(only({ householdId: '' }), [{ field: 'householdId', message: '请选择家庭' }]);
  assert.deepEqual(only({ categoryCode: '', offeringId: '' }), [{ field: 'categoryCode', message: '请选择服务类别或项目' }]);
  assert.deepEqual(only({ urgency: 'SOON' }), [{ field: 'urgency', message: '请选择紧急程度' }]);
  assert.deepEqual(only({ preferredDate: '2026-12-01', fromTime: '11:00', toTime: '09:00' }), [
    { field: 'toTime', message: '结束时间应晚于开始时间' }
  ]);
  const tenPhotos = Array.from({ length: 10 }, (_, i) => ({ path: 'wxfile://tmp/' + i + '.jpg', id: String(i + 1) }));
  assert.deepEqual(only({ photos: tenPhotos }), [{ field: 'photos', message: '最多上传9张照片' }]);
  const all = place.validateOrderForm({ urgency: 'NORMAL' });
  assert.deepEqual(all.map((e) => e.field), ['householdId', 'categoryCode', 'description', 'contactPhone']);
});

test('newIdempotencyKey is unique and 8–100 characters', () => {
  const keys = new Set();
  for (let i = 0; i < 1000; i++) {
    const key = place.newIdempotencyKey();
    assert.ok(key.length >= 8 && key.length <= 100, key);
    keys.add(key);
  }
  assert.equal(keys.size, 1000);
  assert.notEqual(place.emptyForm().idempotencyKey, place.emptyForm().idempotencyKey);
});

test('buildPlaceOrderInput sends only what the form holds, uploaded photos by id (never local paths)', () => {
  const photos = [{ path: 'wxfile://tmp/a.jpg', id: '11' }, { path: 'wxfile://tmp/b.jpg', id: '12' }];
  const form = validForm({ preferredDate: '2026-12-01', fromTime: '09:00', toTime: '11:30', photos });
  assert.deepEqual(place.buildPlaceOrderInput(form), {
    householdId: 'h1',
    categoryCode: 'REPAIR',
    description: '厨房水龙头漏水',
    urgency: 'URGENT',
    contactPhone: '138-0000-0000',
    idempotencyKey: form.idempotencyKey,
    photoIds: ['11', '12'],
    preferredFrom: '2026-12-01T09:00:00+08:00',
    preferredTo: '2026-12-01T11:30:00+08:00'
  });
});

test('place order: asks subscribe consent, records it, then sends PlaceOrder; a retry reuses the idempotency key', async () => {
  const { shim, log, client } = setup();
  shim.subscribeAnswer = { 'tmpl-accepted': 'accept', 'tmpl-completed': 'reject' };
  shim.on('SubscribeTemplates', respond.data({ subscribeTemplates: TEMPLATES }));
  shim.on('RecordSubscribeConsent', respond.data({ recordSubscribeConsent: { recorded: true } }));
  let attempts = 0;
  shim.on('PlaceOrder', () => {
    attempts += 1;
    return attempts === 1 ? respond.networkFailure() : respond.data({ placeOrder: { id: 'o1', status: 'SUBMITTED' } });
  });
  const form = validForm();

  await assert.rejects(place.submitOrder({ wx: shim.wx, client }, form), { code: 'NETWORK' });
  const order = await place.submitOrder({ wx: shim.wx, client }, form);
  assert.equal(order.id, 'o1');

  assert.deepEqual(log.slice(0, 4).map((e) => e.api + (e.operationName ? ':' + e.operationName : '')), [
    'request:SubscribeTemplates',
    'requestSubscribeMessage',
    'request:RecordSubscribeConsent',
    'request:PlaceOrder'
  ]);
  assert.deepEqual(log[1].tmplIds, ['tmpl-accepted', 'tmpl-completed']);
  assert.deepEqual(shim.requestsFor('RecordSubscribeConsent')[0].data.variables, {
    input: { accepted: ['tmpl-accepted'], rejected: ['tmpl-completed'] }
  });
  const sent = shim.requestsFor('PlaceOrder').map((r) => r.data.variables.input);
  assert.equal(sent.length, 2);
  assert.equal(sent[0].idempotencyKey, form.idempotencyKey);
  assert.equal(sent[1].idempotencyKey, form.idempotencyKey);
  assert.equal(sent[0].urgency, 'URGENT');
});

test('place order: an invalid form sends nothing and asks for nothing', async () => {
  const { shim, log, client } = setup();
  await assert.rejects(place.submitOrder({ wx: shim.wx, client }, validForm({ contactPhone: 'abc' })), (err) => {
    assert.equal(err.code, 'VALIDATION_FAILED');
    assert.equal(err.message, '请填写正确的联系电话');
    return true;
  });
  assert.deepEqual(log, []);
});

test('place order: a failed consent report does not block the order', async () => {
  const { shim, client } = setup();
  shim.subscribeAnswer = { 'tmpl-accepted': 'accept', 'tmpl-completed': 'accept' };
  shim.on('SubscribeTemplates', respond.data({ subscribeTemplates: TEMPLATES }));
  shim.on('RecordSubscribeConsent', respond.error('INTERNAL', '系统繁忙'));
  shim.on('PlaceOrder', respond.data({ placeOrder: { id: 'o2' } }));
  assert.equal((await place.submitOrder({ wx: shim.wx, client }, validForm())).id, 'o2');
});

test('place order page: onSubmit keeps the form key after a failure and redirects after success', async () => {
  const { shim, client } = setup();
  const redirects = [];
  shim.wx.redirectTo = (o) => redirects.push(o.url);
  shim.on('SubscribeTemplates', respond.data({ subscribeTemplates: [] }));
  let n = 0;
  shim.on('PlaceOrder', () => (++n === 1 ? respond.error('INTERNAL', '系统繁忙，请稍后再试') : respond.data({ placeOrder: { id: 'o9' } })));
  const { page } = loadPage('pages/order/place.js', { wx: shim.wx, app: { client } });
  page.setData({ form: validForm() });
  const key = page.data.form.idempotencyKey;

  await page.onSubmit();
  assert.equal(shim.calls.showToast.at(-1).title, '系统繁忙，请稍后再试');
  assert.equal(page.data.form.idempotencyKey, key);
  await page.onSubmit();
  assert.deepEqual(redirects, ['/pages/order/detail?id=o9']);
  assert.deepEqual(shim.requestsFor('PlaceOrder').map((r) => r.data.variables.input.idempotencyKey), [key, key]);
  assert.equal(page.data.submitting, false);
});

test('partner accept asks consent for ORDER_DISPATCHED before AcceptOrder', async () => {
  const { shim, log, client } = setup();
  shim.subscribeAnswer = { 'tmpl-dispatched': 'accept' };
  shim.on('SubscribeTemplates', respond.data({ subscribeTemplates: TEMPLATES }));
  shim.on('RecordSubscribeConsent', respond.data({ recordSubscribeConsent: { recorded: true } }));
  shim.on('AcceptOrder', respond.data({ acceptOrder: { id: 'o1', status: 'ACCEPTED' } }));
  const order = await inbox.acceptOrder({ wx: shim.wx, client }, 'o1');
  assert.equal(order.status, 'ACCEPTED');
  assert.deepEqual(log.find((e) => e.api === 'requestSubscribeMessage').tmplIds, ['tmpl-dispatched']);
  assert.deepEqual(log.filter((e) => e.api === 'request').map((e) => e.operationName), [
    'SubscribeTemplates',
    'RecordSubscribeConsent',
    'AcceptOrder'
  ]);
  assert.deepEqual(shim.requestsFor('AcceptOrder')[0].data.variables, { input: { orderId: 'o1' } });
});

test('partner inbox helpers: decline reason, completion minutes, card actions', () => {
  assert.equal(inbox.validateDecline('  '), '请填写拒单原因');
  assert.equal(inbox.validateDecline('人手不足'), null);
  assert.deepEqual(inbox.buildCompleteInput('o1', { minutesSpent: '0' }), { error: '请填写服务用时（分钟）' });
  assert.deepEqual(inbox.buildCompleteInput('o1', { minutesSpent: '1.5' }), { error: '请填写服务用时（分钟）' });
  assert.deepEqual(inbox.buildCompleteInput('o1', { minutesSpent: '45', notes: ' 已更换阀芯 ' }), {
    input: { orderId: 'o1', minutesSpent: 45, notes: '已更换阀芯' }
  });
  assert.deepEqual(inbox.buildCompleteInput('o1', { minutesSpent: '45', photos: [{ path: 'wxfile://tmp/done.jpg', id: '31' }] }), {
    input: { orderId: 'o1', minutesSpent: 45, photoIds: ['31'] }
  });
  const grab = inbox.toInboxItem({ id: 'o1', status: 'DISPATCHED', dispatchMode: 'GRAB', urgency: 'NORMAL' });
  assert.equal(grab.canAccept, true);
  assert.equal(grab.canDecline, false);
  const active = inbox.toInboxItem({ id: 'o2', status: 'IN_SERVICE', dispatchMode: 'ASSIGN', urgency: 'URGENT' });
  assert.equal(active.canComplete, true);
  assert.equal(active.urgent, true);
  assert.deepEqual(inbox.INBOX_TABS.map((t) => t.value), ['DISPATCHED', 'GRAB_OFFERS', 'ACTIVE']);
});

test('order detail: rating must be three 1–5 scores; confirm input and timeline view', () => {
  assert.deepEqual(detail.validateRating({ quality: 5, punctuality: 1, attitude: 3 }), []);
  assert.deepEqual(detail.validateRating({ quality: 0, punctuality: 6, attitude: 2.5 }).map((e) => e.field), [
    'quality',
    'punctuality',
    'attitude'
  ]);
  assert.deepEqual(detail.buildConfirmInput('o1', { quality: '4', punctuality: 5, attitude: 5, comment: ' 很好 ' }), {
    orderId: 'o1',
    quality: 4,
    punctuality: 5,
    attitude: 5,
    comment: '很好'
  });
  assert.equal(detail.buildConfirmInput('o1', { quality: 4, punctuality: 5, attitude: 5, comment: '' }).comment, undefined);
  const view = detail.toOrderView({
    id: 'o1',
    status: 'COMPLETED',
    urgency: 'NORMAL',
    category: { code: 'REPAIR', name: '维修' },
    timeline: [
      { id: 't1', at: '2026-11-20T09:00:00+08:00', actorKind: 'RESIDENT', actor: { id: 'a1', nickname: '张三' }, from: null, to: 'SUBMITTED' },
      { id: 't2', at: '2026-11-20T10:00:00+08:00', actorKind: 'PARTNER', actor: null, partner: { id: 'p1', name: '红星维修' }, from: 'IN_SERVICE', to: 'COMPLETED' }
    ]
  });
  assert.equal(view.statusText, '待确认');
  assert.equal(view.canConfirm, true);
  assert.equal(view.canCancel, false);
  assert.deepEqual(view.timeline.map((t) => t.text), ['待派单', '服务中 → 待确认']);
  assert.deepEqual(view.timeline.map((t) => t.who), ['张三', '红星维修']);
});

test('order detail page: confirm sends ConfirmOrder and cancel needs a reason', async () => {
  const { shim, client } = setup();
  shim.on('ConfirmOrder', respond.data({ confirmOrder: { id: 'o1', status: 'CONFIRMED', urgency: 'NORMAL', timeline: [] } }));
  const { page } = loadPage('pages/order/detail.js', { wx: shim.wx, app: { client } });
  page.setData({ id: 'o1', rating: { quality: 4, punctuality: 5, attitude: 3, comment: '' } });
  await page.onConfirm();
  assert.deepEqual(shim.requestsFor('ConfirmOrder')[0].data.variables.input, { orderId: 'o1', quality: 4, punctuality: 5, attitude: 3 });
  assert.equal(page.data.order.statusText, '已完成');

  await page.onCancel();
  assert.equal(shim.calls.showToast.at(-1).title, '请填写取消原因');
  assert.equal(shim.requestsFor('CancelOrder').length, 0);
});

test('pledge money passes payment.packageValue as package to wx.requestPayment', async () => {
  const { shim, log, client } = setup();
  const payment = { appId: 'wx1', timeStamp: '1700000000', nonceStr: 'n0nce', packageValue: 'prepay_id=wx123', signType: 'RSA', paySign: 'sig' };
  shim.on('PledgeMoney', respond.data({ pledgeMoney: { pledge: { id: 'pl1', status: 'PENDING' }, payment } }));
  const form = { amountYuan: '50', contributorKind: 'MERCHANT', anonymous: true, message: ' 加油 ', idempotencyKey: 'key-12345678' };

  const pledge = await festival.pledgeMoney({ wx: shim.wx, client }, 'c1', form);

  assert.equal(pledge.id, 'pl1');
  assert.deepEqual(shim.requestsFor('PledgeMoney')[0].data.variables.input, {
    campaignId: 'c1',
    amountFen: 5000,
    contributorKind: 'MERCHANT',
    anonymous: true,
    message: '加油',
    idempotencyKey: 'key-12345678'
  });
  const pay = log.find((e) => e.api === 'requestPayment').options;
  assert.equal(pay.package, 'prepay_id=wx123');
  assert.equal(pay.timeStamp, '1700000000');
  assert.equal(pay.nonceStr, 'n0nce');
  assert.equal(pay.signType, 'RSA');
  assert.equal(pay.paySign, 'sig');
  assert.equal('packageValue' in pay, false);
});

test('pledge money: a cancelled payment is reported in Chinese; bad amounts send nothing', async () => {
  const { shim, client } = setup();
  shim.paymentResult = { errMsg: 'requestPayment:fail cancel' };
  shim.on('PledgeMoney', respond.data({ pledgeMoney: { pledge: { id: 'pl1' }, payment: { timeStamp: '1', nonceStr: 'n', packageValue: 'p', signType: 'RSA', paySign: 's' } } }));
  await assert.rejects(festival.pledgeMoney({ wx: shim.wx, client }, 'c1', { amountYuan: '1', idempotencyKey: 'k-12345678' }), {
    code: 'PAYMENT_CANCELLED',
    message: '已取消支付'
  });
  await assert.rejects(festival.pledgeMoney({ wx: shim.wx, client }, 'c1', { amountYuan: '0', idempotencyKey: 'k-12345678' }), {
    message: '请输入正确的金额'
  });
  await assert.rejects(festival.pledgeMoney({ wx: shim.wx, client }, 'c1', { amountYuan: '50000.01', idempotencyKey: 'k-12345678' }), {
    message: '单笔不能超过5万元'
  });
  assert.equal(shim.requestsFor('PledgeMoney').length, 1);
});

test('campaign view shows money as yuan, progress, kinds and the supporters wall', () => {
  const view = festival.toCampaignView({
    id: 'c1',
    theme: '中秋邻里节',
    status: 'OPEN',
    moneyGoalFen: 100000,
    fundingRule: 'ALL_OR_NOTHING',
    branchVenues: ['A区', 'B区'],
    progress: {
      moneyRaisedFen: 40000,
      matchedFen: 10000,
      totalFen: 50000,
      moneyGoalFen: 100000,
      supporters: 12,
      items: [{ id: 'n1', name: '月饼', unit: '盒', quantityNeeded: 10, quantityPledged: 4, quantityReceived: 1 }],
      volunteers: [{ id: 'r1', name: '布置', count: 2, signedUp: 2, pointsReward: 10 }],
      byContributorKind: [{ contributorKind: 'MERCHANT', moneyFen: 30000, pledges: 2 }],
      supportersWall: [{ name: null, kind: 'MONEY', contributorKind: 'RESIDENT', amountFen: 5000, what: null, message: '节日快乐', at: '2026-09-01T10:00:00+08:00' }]
    }
  });
  assert.equal(view.totalText, '¥500.00');
  assert.equal(view.goalText, '¥1000.00');
  assert.equal(view.percent, 50);
  assert.equal(view.open, true);
  assert.equal(view.branchVenues, 'A区、B区');
  assert.equal(view.items[0].short, 6);
  assert.equal(view.volunteers[0].full, true);
  assert.deepEqual(view.byKind, [{ kind: 'MERCHANT', label: '商家', moneyText: '¥300.00', pledges: 2 }]);
  assert.equal(view.wall[0].name, '匿名邻居');
  assert.equal(view.wall[0].kindLabel, '居民');
  assert.equal(view.wall[0].what, '¥50.00');
});

test('campaign ledger view formats income, expenses and balance', () => {
  const view = ledger.toLedgerView({
    incomeFen: 50000,
    expensesFen: 20000,
    pendingExpensesFen: 500,
    balanceFen: 30000,
    income: [{ source: '居民出资', contributorKind: 'RESIDENT', amountFen: 50000, at: '2026-09-01T10:00:00+08:00' }],
    expenses: [{ id: 'e1', category: '场地布置', amountFen: 20000, receiptUrl: 'https://r/1.jpg', note: null, status: 'APPROVED', createdAt: '2026-09-02T10:00:00+08:00' }]
  });
  assert.equal(view.balanceText, '¥300.00');
  assert.equal(view.pendingText, '¥5.00');
  assert.equal(view.income[0].kindLabel, '居民');
  assert.equal(view.expenses[0].statusText, '已审批');
});

test('voucherQrPayload and voucher view; verify page strips the QR prefix', () => {
  assert.equal(vouchers.voucherQrPayload('AB12CD34'), 'linli:voucher:AB12CD34');
  const v = vouchers.toVoucherItem({ id: 'v1', code: 'AB12CD34', status: 'ISSUED', pointsPaid: 20, reward: { id: 'r1', title: '理发', supplier: { id: 'p1', name: '好剪' } } });
  assert.equal(v.qr, 'linli:voucher:AB12CD34');
  assert.equal(v.statusText, '未使用');
  assert.equal(v.usable, true);
  assert.equal(vouchers.toVoucherItem({ id: 'v2', code: 'X', status: 'USED' }).usable, false);
  assert.equal(verify.normaliseCode(' linli:voucher:ab12cd34 '), 'AB12CD34');
});

test('verify voucher sends the code and refuses an empty one', async () => {
  const { shim, client } = setup();
  shim.on('VerifyVoucher', respond.data({ verifyVoucher: { id: 'v1', code: 'AB12CD34', status: 'USED', reward: { title: '理发' } } }));
  await assert.rejects(verify.verifyVoucher(client, '  '), { message: '请输入券码' });
  const voucher = await verify.verifyVoucher(client, 'linli:voucher:AB12CD34');
  assert.equal(verify.toVerifiedView(voucher).statusText, '已核销');
  assert.deepEqual(shim.requestsFor('VerifyVoucher').map((r) => r.data.variables), [{ input: { code: 'AB12CD34' } }]);
});

test('time bank transfer and donate inputs are validated and keep the form key', () => {
  const key = 'key-abcdefgh';
  assert.deepEqual(timebank.buildTransferInput({ toAccountId: '', points: '5', idempotencyKey: key }, 10), { error: '请填写接收人账号' });
  assert.deepEqual(timebank.buildTransferInput({ toAccountId: 'a2', points: '-1', idempotencyKey: key }, 10), { error: '请填写转赠积分（正整数）' });
  assert.deepEqual(timebank.buildTransferInput({ toAccountId: 'a2', points: '11', idempotencyKey: key }, 10), { error: '积分余额不足' });
  assert.deepEqual(timebank.buildTransferInput({ toAccountId: ' a2 ', points: '5', note: '给妈妈', idempotencyKey: key }, 10), {
    input: { toAccountId: 'a2', points: 5, note: '给妈妈', idempotencyKey: key }
  });
  assert.deepEqual(timebank.buildDonateInput({ points: '3', idempotencyKey: key }, null, 10), { error: '尚未关联社区' });
  assert.deepEqual(timebank.buildDonateInput({ points: '3', idempotencyKey: key }, 'c1', 10), {
    input: { communityId: 'c1', points: 3, idempotencyKey: key }
  });
  const view = timebank.toTimeBankView({
    balance: 10,
    pendingHolds: 2,
    statement: { edges: [{ node: { id: 't1', points: 5, kind: 'EARN', description: '帮邻居修水管', at: '2026-11-01T10:00:00+08:00' } }, { node: { id: 't2', points: -3, kind: 'REDEEM', description: '', at: null } }] }
  });
  assert.deepEqual(view.statement.map((s) => s.pointsText), ['+5', '-3']);
  assert.equal(view.statement[1].description, 'REDEEM');
});

test('notifications: unread count, page links and mark-read input', async () => {
  const view = notifications.toInboxView({
    unreadCount: 1,
    edges: [{ node: { id: 'n1', kind: 'ORDER_ACCEPTED', title: '已接单', body: '师傅已接单', page: 'pages/order/detail?id=o1', read: false, createdAt: '2026-11-01T10:00:00+08:00' } }]
  });
  assert.equal(view.unreadCount, 1);
  assert.equal(view.items[0].at, '2026-11-01 10:00');
  assert.equal(notifications.pageUrl('pages/order/detail?id=o1'), '/pages/order/detail?id=o1');
  assert.equal(notifications.pageUrl('/pages/x'), '/pages/x');
  assert.equal(notifications.pageUrl(''), '');

  const { shim, client } = setup();
  shim.on('MarkNotificationsRead', respond.data({ markNotificationsRead: { marked: 3 } }));
  assert.equal(await notifications.markRead(client, []), 3);
  await notifications.markRead(client, ['n1']);
  assert.deepEqual(shim.requestsFor('MarkNotificationsRead').map((r) => r.data.variables.input), [{}, { ids: ['n1'] }]);
});

test('service catalogue loads offerings for the first household community', async () => {
  const { shim, client } = setup();
  shim.on('Me', respond.data({ me: { id: 'a1', households: [{ id: 'h1', label: '1-101', community: { id: 'c9', name: '幸福社区' } }] } }));
  shim.on('ServiceCategories', respond.data({ serviceCategories: [{ id: 'sc1', code: 'REPAIR', name: '维修' }] }));
  shim.on('Offerings', respond.data({
    offerings: { edges: [{ node: { id: 'of1', title: '换灯泡', priceKind: 'POINTS', pricePoints: 5, active: true, category: { code: 'REPAIR', name: '维修' }, partner: { id: 'p1', name: '红星' } } }] }
  }));
  const catalogue = await services.loadCatalogue(client, null, { first: 20 });
  assert.equal(catalogue.patch.communityId, 'c9');
  assert.equal(shim.requestsFor('Offerings')[0].data.variables.communityId, 'c9');
  assert.equal(catalogue.items[0].priceText, '5 积分');
  assert.equal(services.priceText({ priceKind: 'CASH', priceFen: 1500 }), '¥15.00');
  assert.equal(services.priceText({ priceKind: 'FREE' }), '免费');
  assert.equal(services.placeOrderUrl({ categoryCode: 'REPAIR', offeringId: 'of1' }), '/pages/order/place?categoryCode=REPAIR&offeringId=of1');
});

// ---- Operation names used by pages must be registered. ----

const ALLOWED = [
  'PlaceOrder', 'MyOrders', 'Order', 'ConfirmOrder', 'CancelOrder', 'ServiceCategories', 'Offerings', 'PartnerInbox',
  'AcceptOrder', 'DeclineOrder', 'StartOrder', 'CompleteOrder', 'VerifyVoucher', 'MyTimeBank', 'Rewards', 'RedeemReward',
  'MyVouchers', 'CancelVoucher', 'TransferPoints', 'DonatePoints', 'Campaigns', 'Campaign', 'CampaignLedger', 'PledgeMoney',
  'PledgeItems', 'SignUpVolunteer', 'MyNotifications', 'MarkNotificationsRead', 'SubscribeTemplates',
  'RecordSubscribeConsent', 'Me',
  // 我的房屋 / 房屋认证 (issue 12)
  'MyHouseholds', 'SearchCommunities', 'CommunityTree', 'RequestHouseholdVerification', 'MyVerificationRequests',
  'VerificationRequest', 'WithdrawVerificationRequest', 'VerificationRequestsToDecide', 'ApproveVerificationRequest',
  'RejectVerificationRequest', 'RemoveHouseholdMember', 'HandOverHouseholdHead', 'LeaveHousehold',
  // 合伙人申请与邀请 (issue 12)
  'ApplyAsPartner', 'MyPartnerApplications', 'WithdrawPartnerApplication', 'MyPartnerInvitations', 'AcceptPartnerInvitation',
  'DeclinePartnerInvitation', 'MyPartner', 'LeavePartner', 'PartnerApplications', 'ApprovePartnerApplication',
  'RejectPartnerApplication',
  // 需求清单 (issue 14)
  'SubmitNeed', 'MyNeeds', 'Need', 'SupportNeed',
  // 一户三票 (issue 14)
  'Ballots', 'Ballot', 'BallotResults', 'CastBallotVote',
  // 项目清单、资源清单 (issue 14)
  'Projects', 'Project', 'CommunityResources',
  // 扫码登录社区工作台 (issue 13)
  'ConfirmConsoleLogin',
  // 隐私保护指引 (issue 17)
  'PrivacyPolicy', 'AcceptPrivacyPolicy',
  // 我的个人信息、注销账号 (issue 17)
  'MyPersonalData', 'MyDataAccesses', 'MyAccountDeletion', 'RequestAccountDeletion', 'CancelAccountDeletion'
];

function jsFilesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsFilesUnder(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

// Names passed as the first argument to client.request(...) or to a page's
// own request wrappers (this.run / this.send), which forward to it.
function operationNamesIn(source) {
  return [...source.matchAll(/\b(?:request|run|send)\(\s*['"]([A-Z]\w*)['"]/g)].map((m) => m[1]);
}

test('every operation name any page sends is registered in api/documents.js', () => {
  const files = jsFilesUnder(path.join(PROJECT_ROOT, 'pages')).concat(jsFilesUnder(path.join(PROJECT_ROOT, 'utils')));
  const used = new Map();
  for (const file of files) {
    for (const name of operationNamesIn(fs.readFileSync(file, 'utf8'))) {
      if (!used.has(name)) used.set(name, path.relative(PROJECT_ROOT, file));
    }
  }
  for (const [name, file] of used) {
    assert.ok(Object.prototype.hasOwnProperty.call(documents, name), file + ' uses unregistered operation ' + name);
  }
  const newPages = [...used.entries()].filter(([, file]) => !/pages\/(me|login|index)\/|utils\/(auth|graphql)\.js/.test(file));
  for (const [name, file] of newPages) {
    assert.ok(ALLOWED.includes(name), file + ' uses ' + name + ', which is not one of the agreed operations');
  }
  // The scan really finds the calls (guards against a regex that matches nothing).
  for (const name of ALLOWED) assert.ok(used.has(name), name + ' is never sent by any page');
  assert.deepEqual(operationNamesIn("client.request('Me'); this.run('ConfirmOrder', x)"), ['Me', 'ConfirmOrder']);
});

test('every business page loads under the shim, calls Page() and wires its template handlers', () => {
  const app = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'app.json'), 'utf8'));
  for (const pagePath of app.pages) {
    const { definition } = loadPage(pagePath + '.js', { wx: createWxShim().wx, app: {} });
    const wxml = fs.readFileSync(path.join(PROJECT_ROOT, pagePath + '.wxml'), 'utf8');
    for (const m of wxml.matchAll(/\bbind[a-z]+="(\w+)"/g)) {
      assert.equal(typeof definition[m[1]], 'function', pagePath + '.wxml refers to missing handler ' + m[1]);
    }
  }
});
