// The whole product from the client's side: the real client module (utils/graphql.js, utils/auth.js) on a node
// wx shim, against a running Linli server with its WeChat sandbox. Run by the Java test MiniProgramJourneyE2ETest,
// which starts the server and passes LINLI_API_BASE_URL and LINLI_SANDBOX_URL.
//
// resident login → photo upload → order → staff dispatch → partner accept → start → complete → confirm → points earned →
// reward redeemed → voucher verified; festival pledge → sandbox payment → progress.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createClient } = require('../utils/graphql');
const { createAuth } = require('../utils/auth');

const API = process.env.LINLI_API_BASE_URL;
const SANDBOX = process.env.LINLI_SANDBOX_URL;
if (!API || !SANDBOX) {
  console.error('set LINLI_API_BASE_URL and LINLI_SANDBOX_URL');
  process.exit(2);
}

/** A wx for one person: wx.request and wx.uploadFile over fetch, storage in memory, wx.login answering with their code. */
function nodeWx(loginCode) {
  const storage = new Map();
  return {
    request({ url, method, data, header, success, fail }) {
      fetch(url, { method: method || 'POST', headers: header, body: JSON.stringify(data) })
        .then(async (res) => success({ statusCode: res.status, data: await res.text() }))
        .catch(() => fail && fail({ errMsg: 'request:fail' }));
    },
    uploadFile({ url, filePath, name, header, success, fail }) {
      const form = new FormData();
      form.append(name, new Blob([fs.readFileSync(filePath)]), path.basename(filePath));
      fetch(url, { method: 'POST', headers: header, body: form })
        .then(async (res) => success({ statusCode: res.status, data: await res.text() }))
        .catch(() => fail && fail({ errMsg: 'uploadFile:fail' }));
    },
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => storage.set(key, value),
    removeStorageSync: (key) => storage.delete(key),
    login: ({ success }) => success({ code: loginCode })
  };
}

async function person(code) {
  const wx = nodeWx(code);
  const client = createClient({ wx, config: { apiBaseUrl: API, graphqlPath: '/graphql' } });
  const auth = createAuth({ wx, client });
  const account = await auth.login();
  return { client, account };
}

// A real 1×1 PNG, as a phone camera would give a (much larger) JPEG.
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A PNG's width and height from its header (IHDR), and that it is a PNG at all. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function key(prefix) {
  return prefix + '-' + Date.now() + '-' + Math.random().toString(36).slice(2, 10);
}

async function main() {
  const resident = await person('demo-resident');
  const staff = await person('demo-staff');
  const partner = await person('demo-partner');
  const merchant = await person('demo-merchant');
  const household = resident.account.households[0];
  const community = household.community.id;

  // 居民拍照上传（wx.chooseMedia 给的是本地临时文件）→ 点单
  const photoFile = path.join(os.tmpdir(), key('journey-photo') + '.png');
  fs.writeFileSync(photoFile, Buffer.from(ONE_PIXEL_PNG, 'base64'));
  const photo = await resident.client.uploadPhoto(photoFile);
  const placed = (await resident.client.request('PlaceOrder', { input: {
    householdId: household.id, categoryCode: 'HOME_REPAIR', description: '厨房水龙头一直滴水', urgency: 'NORMAL',
    contactPhone: '13800000001', photoIds: [photo.id], idempotencyKey: key('journey-order') } })).placeOrder;
  assert.equal(placed.status, 'SUBMITTED');
  assert.equal(placed.photoUrls.length, 1);
  const shown = await fetch(placed.photoUrls[0]);
  assert.equal(shown.status, 200);
  // the server re-encodes every upload (dropping its metadata): the same picture, not the same bytes
  assert.deepEqual(pngSize(Buffer.from(await shown.arrayBuffer())), pngSize(fs.readFileSync(photoFile)),
    'the order shows the uploaded photo');
  fs.unlinkSync(photoFile);

  // 社区派单
  const candidates = (await staff.client.request('DispatchCandidates', { orderId: placed.id })).dispatchCandidates;
  const wang = candidates.find((c) => c.partner.name === '王师傅水电维修');
  assert.ok(wang, 'the demo partner is a candidate');
  const dispatched = (await staff.client.request('DispatchOrder', { input: { orderId: placed.id, partnerId: wang.partner.id } })).dispatchOrder;
  assert.equal(dispatched.status, 'DISPATCHED');

  // 合伙人接单 → 服务 → 完成
  const inbox = (await partner.client.request('PartnerInbox', { filter: 'DISPATCHED', first: 100 })).partnerInbox;
  assert.ok(inbox.edges.some((e) => e.node.id === placed.id), 'the order is in the partner inbox');
  assert.equal((await partner.client.request('AcceptOrder', { input: { orderId: placed.id } })).acceptOrder.status, 'ACCEPTED');
  assert.equal((await partner.client.request('StartOrder', { input: { orderId: placed.id } })).startOrder.status, 'IN_SERVICE');
  const before = (await partner.client.request('MyTimeBank', {})).myTimeBank.balance;
  assert.equal((await partner.client.request('CompleteOrder', { input: { orderId: placed.id, minutesSpent: 180 } }))
    .completeOrder.status, 'COMPLETED');

  // 居民确认并评价 → 合伙人获得积分
  const confirmed = (await resident.client.request('ConfirmOrder', { input: { orderId: placed.id, quality: 5,
    punctuality: 5, attitude: 5, comment: '修得很好' } })).confirmOrder;
  assert.equal(confirmed.status, 'CONFIRMED');
  assert.equal(confirmed.timeline.length, 6);
  const bank = (await partner.client.request('MyTimeBank', {})).myTimeBank;
  assert.equal(bank.balance, before + 30, '180 minutes at 10 points an hour');
  assert.equal(bank.statement.edges[0].node.kind, 'EARN_ORDER');

  // 积分兑换 → 商家核销
  const rewards = (await partner.client.request('Rewards', { communityId: community, kind: 'DISCOUNT' })).rewards;
  const redeemed = (await partner.client.request('RedeemReward', { input: { rewardId: rewards.edges[0].node.id, quantity: 1,
    idempotencyKey: key('journey-redeem') } })).redeemReward;
  const code = redeemed.vouchers[0].code;
  assert.equal((await merchant.client.request('VerifyVoucher', { input: { code } })).verifyVoucher.status, 'USED');
  await assert.rejects(merchant.client.request('VerifyVoucher', { input: { code } }), (err) => err.code === 'VOUCHER_ALREADY_USED');

  // 邻里节众筹：认捐 → 沙箱付款 → 进度变化
  const campaigns = (await resident.client.request('Campaigns', { communityId: community, first: 100 })).campaigns;
  const festival = campaigns.edges.map((e) => e.node).find((c) => c.status === 'OPEN');
  assert.ok(festival, 'an open festival');
  const raisedBefore = festival.progress.moneyRaisedFen;
  const pledged = (await resident.client.request('PledgeMoney', { input: { campaignId: festival.id, amountFen: 5000,
    contributorKind: 'RESIDENT', anonymous: false, message: '冬至快乐', idempotencyKey: key('journey-pledge') } })).pledgeMoney;
  assert.match(pledged.payment.packageValue, /^prepay_id=/);
  const outTradeNo = 'LLP' + String(pledged.pledge.id).padStart(13, '0');
  const paid = await fetch(SANDBOX + '/sandbox/pay/' + outTradeNo + '?result=SUCCESS', { method: 'POST' });
  assert.equal(paid.status, 200);
  const after = (await resident.client.request('Campaign', { id: festival.id })).campaign;
  assert.equal(after.progress.moneyRaisedFen, raisedBefore + 5000);

  console.log('JOURNEY OK');
}

main().catch((err) => {
  console.error('JOURNEY FAILED', err && (err.stack || err), err && err.graphQLErrors ? JSON.stringify(err.graphQLErrors) : '');
  process.exit(1);
});
