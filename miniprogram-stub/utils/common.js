// 各业务页面共用的小工具：金额格式、幂等键、订阅消息授权、取当前社区、连接分页。
const { userMessage } = require('./graphql');

// 分 -> '¥50.00'，用整数运算避免浮点误差。
function formatFen(fen) {
  const n = Math.round(Number(fen) || 0);
  const abs = Math.abs(n);
  const cents = String(abs % 100).padStart(2, '0');
  return (n < 0 ? '-' : '') + '¥' + Math.floor(abs / 100) + '.' + cents;
}

// '50' / '50.5' / '50.05' 元 -> 分；不合法时返回 null。
function yuanToFen(text) {
  const s = String(text == null ? '' : text).trim();
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac] = s.split('.');
  return Number(whole) * 100 + Number((frac || '').padEnd(2, '0'));
}

// 客户端生成的幂等键（服务端要求 8–100 个字符）；同一张表单重试时复用同一个键。
function newIdempotencyKey() {
  let random = '';
  for (let i = 0; i < 16; i++) random += Math.floor(Math.random() * 16).toString(16);
  return 'mp-' + Date.now().toString(36) + '-' + random;
}

const CONTRIBUTOR_KIND_LABELS = Object.freeze({
  RESIDENT: '居民',
  MERCHANT: '商家',
  ORGANISATION: '组织',
  COMMUNITY: '社区',
  GOVERNMENT: '政府'
});

function contributorKindLabel(kind) {
  return CONTRIBUTOR_KIND_LABELS[kind] || kind;
}

// Connection -> node 数组。
function nodesOf(connection) {
  return connection && Array.isArray(connection.edges) ? connection.edges.map((e) => e.node) : [];
}

// 当前用户第一个家庭所在的社区。
async function myCommunity(client) {
  const data = await client.request('Me');
  const households = (data.me && data.me.households) || [];
  const first = households[0];
  return {
    me: data.me,
    households,
    communityId: first && first.community ? first.community.id : null
  };
}

function toast(wx, title) {
  wx.showToast({ title, icon: 'none' });
}

function showError(wx, err) {
  toast(wx, userMessage(err));
}

/**
 * 请用户授权订阅消息，并把结果上报给服务端。
 * kinds 是模板种类（如 ORDER_ACCEPTED），模板 id 来自 SubscribeTemplates。
 * 授权与上报失败都不应阻止主流程，所以这里不抛错。
 */
async function askSubscribeConsent(wx, client, kinds) {
  const result = { accepted: [], rejected: [] };
  let ids = [];
  try {
    const data = await client.request('SubscribeTemplates');
    ids = (data.subscribeTemplates || [])
      .filter((t) => kinds.indexOf(t.kind) >= 0)
      .map((t) => t.templateId);
  } catch (err) {
    return result;
  }
  if (ids.length === 0 || typeof wx.requestSubscribeMessage !== 'function') return result;
  const res = await new Promise((resolve) =>
    wx.requestSubscribeMessage({ tmplIds: ids, success: resolve, fail: () => resolve({}) })
  );
  for (const id of ids) {
    if (res[id] === 'accept') result.accepted.push(id);
    else if (res[id]) result.rejected.push(id); // 'reject' / 'ban' / 'filter'
  }
  if (result.accepted.length || result.rejected.length) {
    try {
      await client.request('RecordSubscribeConsent', { input: result });
    } catch (err) {
      // 上报失败只影响能否收到通知，不影响下单。
    }
  }
  return result;
}

// 把 wx 回调式 API 包成 Promise。
function wxCall(wx, name, options) {
  return new Promise((resolve, reject) =>
    wx[name](Object.assign({}, options, { success: resolve, fail: reject }))
  );
}

// 解析正整数；不合法返回 null。
function positiveInt(value) {
  const s = String(value == null ? '' : value).trim();
  return /^[1-9]\d*$/.test(s) ? Number(s) : null;
}

function formatTime(iso) {
  if (!iso) return '';
  return String(iso).replace('T', ' ').slice(0, 16);
}

module.exports = {
  formatFen,
  yuanToFen,
  newIdempotencyKey,
  CONTRIBUTOR_KIND_LABELS,
  contributorKindLabel,
  nodesOf,
  myCommunity,
  toast,
  showError,
  askSubscribeConsent,
  wxCall,
  positiveInt,
  formatTime
};
