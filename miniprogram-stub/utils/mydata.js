// 我的个人信息与注销账号（issue 17）：个人信息分节显示、导出 Excel（GET /exports/my-data.xlsx）、
// 谁查看过我的信息、注销申请的状态与被拒原因（ACCOUNT_DELETION_BLOCKED 的 extensions.reasons）。
const { clientError } = require('./graphql');
const { formatTime } = require('./common');

const EXPORT_PATH = '/exports/my-data.xlsx';
// 与服务端的注销冷静期一致；到期时间以服务端给的 dueAt 为准，这里只用于说明文字。
const COOLING_OFF_DAYS = 7;

// 服务端每一节是一张表：columns 是表头，rows 每行一格对一列（null 表示没有值）。
// 页面上每行显示成“列名：值”若干行，默认收起，点标题展开。
function toSection(section, expanded) {
  const columns = section.columns || [];
  const rows = (section.rows || []).map((row, i) => ({
    id: i,
    lines: columns.map((column, c) => column + '：' + (row[c] == null || row[c] === '' ? '—' : row[c]))
  }));
  return { key: section.key, title: section.title, count: rows.length, rows, expanded: Boolean(expanded) };
}

function toPersonalDataView(personalData) {
  const data = personalData || {};
  return { generatedAt: formatTime(data.generatedAt), sections: (data.sections || []).map((s) => toSection(s, false)) };
}

// 展开 / 收起第 index 节，返回新的数组（整个替换，不用路径 setData）。
function toggleSection(sections, index) {
  return (sections || []).map((s, i) => (i === index ? Object.assign({}, s, { expanded: !s.expanded }) : s));
}

const ACCESS_KIND_LABELS = Object.freeze({
  ORDER_CONTACT_PHONE: '订单联系电话',
  VERIFICATION_DETAILS: '房屋认证资料（实名、电话、证明照片）'
});

function toAccessItem(access) {
  return {
    id: access.id,
    viewer: access.viewerNickname || '未设置昵称的用户',
    what: ACCESS_KIND_LABELS[access.what] || access.what,
    at: formatTime(access.accessedAt)
  };
}

function exportUrl(config) {
  return String(config.apiBaseUrl).replace(/\/+$/, '') + EXPORT_PATH;
}

function download(wx, url, token) {
  return new Promise((resolve, reject) => {
    const header = {};
    if (token) header.Authorization = 'Bearer ' + token;
    wx.downloadFile({
      url,
      header,
      success: (res) => resolve(res),
      fail: () => reject(clientError('NETWORK'))
    });
  });
}

/**
 * 带访问令牌下载 my-data.xlsx 并用微信打开（可转发、存到手机）。令牌失效（401）时续期一次再下载。
 * deps = { wx, client, config }；失败时抛带中文 message 的错误，页面用 showError 提示。
 */
async function exportMyData(deps) {
  const { wx, client, config } = deps;
  const url = exportUrl(config);
  const token = client.tokens.getAccessToken();
  if (!token) throw clientError('UNAUTHENTICATED');
  let res = await download(wx, url, token);
  if (res.statusCode === 401) res = await download(wx, url, await client.renewSession(token));
  if (res.statusCode === 401) {
    client.tokens.clear();
    throw clientError('UNAUTHENTICATED');
  }
  if (res.statusCode !== 200 || !res.tempFilePath) throw clientError('INTERNAL', '导出失败，请稍后再试');
  await new Promise((resolve, reject) =>
    wx.openDocument({
      filePath: res.tempFilePath,
      fileType: 'xlsx',
      showMenu: true,
      success: resolve,
      fail: () => reject(clientError('INTERNAL', '无法打开导出的文件'))
    })
  );
  return res.tempFilePath;
}

const DELETION_STATUS_LABELS = Object.freeze({
  PENDING: '冷静期中，到期后注销',
  CANCELLED: '已撤销',
  PERFORMED: '已注销'
});

function toDeletionView(deletion) {
  if (!deletion) return null;
  return {
    id: deletion.id,
    status: deletion.status,
    statusText: DELETION_STATUS_LABELS[deletion.status] || deletion.status,
    pending: deletion.status === 'PENDING',
    requestedAt: formatTime(deletion.requestedAt),
    dueAt: formatTime(deletion.dueAt),
    cancelledAt: formatTime(deletion.cancelledAt)
  };
}

// 服务端拒绝注销的原因（cn.linli.privacy.DeletionBlocker），每条配一句该怎么办和一个去处理的页面。
const DELETION_BLOCKERS = Object.freeze({
  OPEN_ORDERS: { text: '你还有进行中的服务订单', hint: '请等订单完成或取消后再注销', url: '/pages/order/list', linkText: '查看我的订单' },
  UNSETTLED_PLEDGES: { text: '你还有未结清的节庆认捐（待支付、退款中、待交付或已报名）', hint: '请处理后再注销', url: '/pages/festival/list', linkText: '查看邻里节' },
  POINTS: { text: '你的时间银行还有积分', hint: '先把积分捐给社区积分池', url: '/pages/timebank/index', linkText: '去捐赠积分' },
  HEAD_OF_HOUSEHOLD: { text: '你是户主且该户还有其他成员', hint: '请先把户主身份移交给其他成员', url: '/pages/household/index', linkText: '去移交户主' }
});

function blockerView(reason) {
  const known = DELETION_BLOCKERS[reason];
  return Object.assign({ reason, hint: '', url: '', linkText: '' }, known || { text: String(reason) });
}

// ACCOUNT_DELETION_BLOCKED 的 extensions.reasons → 页面上的原因列表；其他错误返回 null。
function deletionBlockersOf(err) {
  if (!err || err.code !== 'ACCOUNT_DELETION_BLOCKED') return null;
  const first = err.graphQLErrors && err.graphQLErrors[0];
  const reasons = first && first.extensions && Array.isArray(first.extensions.reasons) ? first.extensions.reasons : [];
  return reasons.map(blockerView);
}

function confirmDeletion(wx) {
  return new Promise((resolve) =>
    wx.showModal({
      title: '确认注销账号',
      content: '提交后有 ' + COOLING_OFF_DAYS + ' 天冷静期，期间可随时撤销；到期后你在邻里的个人信息将被删除，无法恢复。',
      confirmText: '确认注销',
      confirmColor: '#e64340',
      success: (res) => resolve(Boolean(res && res.confirm)),
      fail: () => resolve(false)
    })
  );
}

module.exports = {
  EXPORT_PATH,
  COOLING_OFF_DAYS,
  toSection,
  toPersonalDataView,
  toggleSection,
  ACCESS_KIND_LABELS,
  toAccessItem,
  exportUrl,
  exportMyData,
  DELETION_STATUS_LABELS,
  toDeletionView,
  DELETION_BLOCKERS,
  blockerView,
  deletionBlockersOf,
  confirmDeletion
};
