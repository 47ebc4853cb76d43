// 订单详情：状态、时间线；待确认时评价并确认，未开始服务前可取消。
const { formatTime, showError, toast } = require('../../utils/common');
const { statusLabel, toOrderItem } = require('../../utils/order');
const { watchOnPage, unwatchOnPage } = require('../../utils/subscriptions');

const ACTOR_LABELS = Object.freeze({ RESIDENT: '居民', STAFF: '社区', PARTNER: '合伙人', SYSTEM: '系统' });
const CANCELLABLE = ['SUBMITTED', 'DISPATCHED', 'ACCEPTED'];
const RATING_FIELDS = [
  { field: 'quality', label: '服务质量' },
  { field: 'punctuality', label: '准时' },
  { field: 'attitude', label: '服务态度' }
];

function timelineEntry(t) {
  const who = t.actor ? t.actor.nickname : t.partner ? t.partner.name : ACTOR_LABELS[t.actorKind] || '';
  return {
    id: t.id,
    at: formatTime(t.at),
    text: (t.from ? statusLabel(t.from) + ' → ' : '') + statusLabel(t.to),
    who,
    reason: t.reason || ''
  };
}

function toOrderView(order) {
  return Object.assign(toOrderItem(order), {
    // 服务端给的是签名链接（至少 1 小时有效），每次加载订单都会拿到新的
    photoUrls: order.photoUrls || [],
    completionPhotoUrls: order.completionPhotoUrls || [],
    contactPhone: order.contactPhone,
    preferred: order.preferredFrom ? formatTime(order.preferredFrom) + (order.preferredTo ? ' - ' + formatTime(order.preferredTo).slice(11) : '') : '',
    servingMember: order.servingMember ? order.servingMember.nickname : '',
    minutesSpent: order.minutesSpent,
    completionNotes: order.completionNotes || '',
    rating: order.rating,
    canConfirm: order.status === 'COMPLETED',
    canCancel: CANCELLABLE.indexOf(order.status) >= 0,
    timeline: (order.timeline || []).map(timelineEntry)
  });
}

// 三项评分都必须是 1–5 的整数；评语可选。返回 [{field, message}]。
function validateRating(rating) {
  const errors = [];
  for (const { field, label } of RATING_FIELDS) {
    const v = Number(rating[field]);
    if (!Number.isInteger(v) || v < 1 || v > 5) errors.push({ field, message: '请为“' + label + '”打1到5分' });
  }
  if (rating.comment && String(rating.comment).length > 500) errors.push({ field: 'comment', message: '评语不能超过500字' });
  return errors;
}

function buildConfirmInput(orderId, rating) {
  const input = {
    orderId,
    quality: Number(rating.quality),
    punctuality: Number(rating.punctuality),
    attitude: Number(rating.attitude)
  };
  const comment = String(rating.comment || '').trim();
  if (comment) input.comment = comment;
  return input;
}

const definition = {
  data: {
    id: '',
    order: null,
    ratingFields: RATING_FIELDS,
    stars: [1, 2, 3, 4, 5],
    rating: { quality: 5, punctuality: 5, attitude: 5, comment: '' },
    cancelReason: '',
    busy: false
  },

  onLoad(query) {
    this.setData({ id: (query && query.id) || '' });
    return this.load();
  },

  // 订单有变化（接单、开始、完成…）时重新拉取详情，时间线随之更新。
  onShow() {
    if (!this.data.id) return;
    watchOnPage(this, getApp().subscriptions, 'OrderUpdated', { orderId: this.data.id }, () => this.load());
  },

  onHide() {
    unwatchOnPage(this);
  },

  onUnload() {
    unwatchOnPage(this);
  },

  async load() {
    try {
      const data = await getApp().client.request('Order', { id: this.data.id });
      this.setData({ order: data.order ? toOrderView(data.order) : null });
    } catch (err) {
      showError(wx, err);
    }
  },

  // 点开大图：同一组照片左右滑动。
  onPreviewPhoto(e) {
    const d = e.currentTarget.dataset;
    const urls = d.group === 'completion' ? this.data.order.completionPhotoUrls : this.data.order.photoUrls;
    wx.previewImage({ current: urls[Number(d.index)], urls });
  },

  onStar(e) {
    const d = e.currentTarget.dataset;
    this.setData({ ['rating.' + d.field]: Number(d.value) });
  },

  onInput(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
  },

  async run(operation, input, successText) {
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      const data = await getApp().client.request(operation, { input });
      const key = operation.charAt(0).toLowerCase() + operation.slice(1);
      this.setData({ order: toOrderView(data[key]) });
      wx.showToast({ title: successText, icon: 'success' });
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ busy: false });
  },

  onConfirm() {
    const errors = validateRating(this.data.rating);
    if (errors.length) return toast(wx, errors[0].message);
    return this.run('ConfirmOrder', buildConfirmInput(this.data.id, this.data.rating), '已确认');
  },

  onCancel() {
    const reason = String(this.data.cancelReason || '').trim();
    if (!reason) return toast(wx, '请填写取消原因');
    return this.run('CancelOrder', { orderId: this.data.id, reason }, '已取消');
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, toOrderView, timelineEntry, validateRating, buildConfirmInput, RATING_FIELDS };
