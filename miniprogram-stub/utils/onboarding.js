// 房屋认证与合伙人申请页面共用：中文标签、服务端字段错误、把服务端对象转成页面直接渲染的数据。
const { formatTime, nodesOf } = require('./common');
const { userMessage } = require('./graphql');

const RELATION_OPTIONS = [
  { value: 'HEAD', label: '户主' },
  { value: 'FAMILY', label: '家属' },
  { value: 'TENANT', label: '租户' }
];

const VERIFICATION_STATUS_LABELS = Object.freeze({
  PENDING: '待审核',
  APPROVED: '已通过',
  REJECTED: '已驳回',
  WITHDRAWN: '已撤回'
});

// 合伙人申请在每个社区各有一个状态，文字与房屋认证一致。
const APPLICATION_STATUS_LABELS = VERIFICATION_STATUS_LABELS;

const PARTNER_KIND_OPTIONS = [
  { value: 'UNIT', label: '机关企事业单位' },
  { value: 'SOCIAL_ORGANISATION', label: '社会组织' },
  { value: 'MERCHANT', label: '商家' },
  { value: 'CRAFTSMAN', label: '社区匠人' }
];

const labelOf = (options, value) => {
  const hit = options.find((o) => o.value === value);
  return hit ? hit.label : value;
};

const relationLabel = (relation) => labelOf(RELATION_OPTIONS, relation);
const partnerKindLabel = (kind) => labelOf(PARTNER_KIND_OPTIONS, kind);
const statusLabel = (status) => VERIFICATION_STATUS_LABELS[status] || status;

/**
 * 服务端校验错误（VALIDATION_FAILED 等）在 extensions.field 里指明字段，如 'input.realName'：
 * 返回 { realName: '中文原因' }，页面把它显示在对应输入框下。没有字段的错误返回 {}。
 */
function serverFieldErrors(err) {
  const errors = {};
  for (const e of (err && err.graphQLErrors) || []) {
    const field = e && e.extensions && e.extensions.field;
    if (typeof field !== 'string' || !field) continue;
    const key = field.replace(/^input\./, '').replace(/\[\d+\]$/, '');
    if (!errors[key]) errors[key] = e.message || userMessage(err);
  }
  return errors;
}

/** 错误里 extensions 的某一项（如 VERIFICATION_ALREADY_PENDING 的 verificationRequestId）。 */
function errorExtension(err, name) {
  const first = err && err.graphQLErrors && err.graphQLErrors[0];
  const value = first && first.extensions ? first.extensions[name] : undefined;
  return value == null ? null : String(value);
}

function toRequestView(r) {
  const household = r.household || {};
  return {
    id: r.id,
    status: r.status,
    statusText: statusLabel(r.status),
    pending: r.status === 'PENDING',
    relation: r.relation,
    relationText: relationLabel(r.relation),
    realName: r.realName,
    applicantId: r.applicantId,
    applicantName: r.applicantNickname || r.realName,
    applicantPhone: r.applicantPhone || '',
    proofPhotoUrl: r.proofPhotoUrl || '',
    rejectionReason: r.rejectionReason || '',
    householdId: household.id,
    householdLabel: household.label || '',
    communityName: household.community ? household.community.name : '',
    createdAt: formatTime(r.createdAt),
    decidedAt: formatTime(r.decidedAt)
  };
}

/** 我的房屋里的一户：viewerId 是当前账号，决定能否管理（户主）以及“我”在成员里的哪一行。 */
function toHouseholdView(h, viewerId) {
  const members = (h.members || []).map((m) => ({
    id: m.id,
    name: m.nickname || '未设置昵称',
    phone: m.phoneMasked || '',
    isHead: Boolean(m.isHead),
    relationText: relationLabel(m.relation || (m.isHead ? 'HEAD' : 'FAMILY')),
    isMe: m.id === viewerId
  }));
  const me = members.find((m) => m.isMe);
  return {
    id: h.id,
    label: h.label,
    communityName: h.community ? h.community.name : '',
    iAmHead: Boolean(me && me.isHead),
    members
  };
}

function toApplicationView(a) {
  const communities = (a.communities || []).map((c) => ({
    communityId: c.community.id,
    communityName: c.community.name,
    status: c.status,
    statusText: statusLabel(c.status),
    pending: c.status === 'PENDING',
    reason: c.reason || '',
    contract: c.status === 'APPROVED' ? (c.validFrom || '') + ' 至 ' + (c.validTo || '') + ' · 同时接单 ' + c.capacity : ''
  }));
  return {
    id: a.id,
    name: a.name,
    kindText: partnerKindLabel(a.kind),
    description: a.description || '',
    categoriesText: (a.categories || []).map((c) => c.name).join('、'),
    contactName: a.contactName,
    contactPhone: a.contactPhone,
    licencePhotoUrls: a.licencePhotoUrls || [],
    communities,
    // 任何社区都还没决定时才能撤回（服务端 PARTNER_APPLICATION_DECIDED）
    canWithdraw: communities.length > 0 && communities.every((c) => c.pending),
    partnerName: a.partner ? a.partner.name : '',
    createdAt: formatTime(a.createdAt)
  };
}

/** 搜索社区（按名称的一部分），最多一页 20 个，供选择用。 */
async function searchCommunities(client, text) {
  const data = await client.request('SearchCommunities', { search: String(text || '').trim() || null, first: 20 });
  return nodesOf(data.communities).filter((c) => !c.retiredAt).map((c) => ({ id: c.id, name: c.name, address: c.address || '' }));
}

/** 驳回原因（房屋认证、合伙人申请）：1–200 字；返回错误文案或 null。 */
function validateReason(reason) {
  const text = String(reason || '').trim();
  if (!text) return '请填写驳回原因';
  if (text.length > 200) return '驳回原因不能超过200字';
  return null;
}

/** 确认对话框；用户取消返回 false。 */
function confirmAction(wx, content) {
  if (typeof wx.showModal !== 'function') return Promise.resolve(true);
  return new Promise((resolve) =>
    wx.showModal({ title: '请确认', content, success: (res) => resolve(Boolean(res && res.confirm)), fail: () => resolve(false) })
  );
}

module.exports = {
  RELATION_OPTIONS,
  VERIFICATION_STATUS_LABELS,
  APPLICATION_STATUS_LABELS,
  PARTNER_KIND_OPTIONS,
  relationLabel,
  partnerKindLabel,
  statusLabel,
  serverFieldErrors,
  errorExtension,
  toRequestView,
  toHouseholdView,
  toApplicationView,
  searchCommunities,
  validateReason,
  confirmAction
};
