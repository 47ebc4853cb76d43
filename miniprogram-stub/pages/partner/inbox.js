// 合伙人工作台：待接单 / 抢单 / 进行中（上拉加载更多、下拉刷新），接单、拒单、开始服务、完成服务。
const { askSubscribeConsent, positiveInt, showError, toast } = require('../../utils/common');
const { toOrderItem } = require('../../utils/order');
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { pickAndUpload, photoIdsOf, withoutPhoto } = require('../../utils/photos');
const { watchOnPage, unwatchOnPage } = require('../../utils/subscriptions');

const INBOX_TABS = [
  { value: 'DISPATCHED', label: '待接单' },
  { value: 'GRAB_OFFERS', label: '抢单' },
  { value: 'ACTIVE', label: '进行中' }
];

// 每张卡片能做的操作取决于订单状态。
function toInboxItem(order) {
  return Object.assign(toOrderItem(order), {
    contactPhone: order.contactPhone,
    canAccept: order.status === 'DISPATCHED',
    canDecline: order.status === 'DISPATCHED' && order.dispatchMode !== 'GRAB',
    canStart: order.status === 'ACCEPTED',
    canComplete: order.status === 'IN_SERVICE'
  });
}

// 一页订单：{ items, pageInfo }。
async function loadInbox(client, filter, paging) {
  const data = await client.request('PartnerInbox', Object.assign({ filter }, paging));
  return connectionPage(data.partnerInbox, toInboxItem);
}

const inbox = createPagedList({
  itemsKey: 'orders',
  fetch: (page, paging) => loadInbox(getApp().client, page.data.filter, paging)
});

// 接单前先请合伙人订阅“新派单”通知（下一单到来时才能提醒）。
async function acceptOrder(deps, orderId) {
  await askSubscribeConsent(deps.wx, deps.client, ['ORDER_DISPATCHED']);
  return (await deps.client.request('AcceptOrder', { input: { orderId } })).acceptOrder;
}

function validateDecline(reason) {
  return String(reason || '').trim() ? null : '请填写拒单原因';
}

// 返回 {input} 或 {error}。
function buildCompleteInput(orderId, form) {
  const minutes = positiveInt(form.minutesSpent);
  if (!minutes) return { error: '请填写服务用时（分钟）' };
  const input = { orderId, minutesSpent: minutes };
  const notes = String(form.notes || '').trim();
  if (notes) input.notes = notes;
  if (form.photos && form.photos.length) input.photoIds = photoIdsOf(form.photos);
  return { input };
}

const definition = {
  data: Object.assign({ tabs: INBOX_TABS, filter: 'DISPATCHED', forms: {}, busy: false, uploading: false }, inbox.initialData()),

  onShow() {
    // 有新派单、抢单或订单状态变化时重新加载当前标签页。
    watchOnPage(this, getApp().subscriptions, 'PartnerInboxEvents', {}, () => this.load());
    return this.load();
  },

  onHide() {
    unwatchOnPage(this);
  },

  onUnload() {
    unwatchOnPage(this);
  },

  // 切换标签、收到推送、操作之后都从第一页重新取：订单的状态和所在标签可能已经变了。
  load() {
    return inbox.reload(this, wx);
  },

  onReachBottom() {
    return inbox.loadMore(this, wx);
  },

  onPullDownRefresh() {
    return inbox.refresh(this, wx);
  },

  onTab(e) {
    this.setData({ filter: e.currentTarget.dataset.value });
    return this.load();
  },

  // 每张订单卡片上的输入：forms[orderId].reason / minutesSpent / notes / photos
  onInput(e) {
    const d = e.currentTarget.dataset;
    this.setData({ ['forms.' + d.id + '.' + d.field]: e.detail.value });
  },

  formOf(id) {
    return this.data.forms[id] || {};
  },

  async act(work, successText) {
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      await work();
      wx.showToast({ title: successText, icon: 'success' });
      await this.load();
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ busy: false });
  },

  onAccept(e) {
    const id = e.currentTarget.dataset.id;
    return this.act(() => acceptOrder({ wx, client: getApp().client }, id), '已接单');
  },

  onDecline(e) {
    const id = e.currentTarget.dataset.id;
    const reason = this.formOf(id).reason;
    const error = validateDecline(reason);
    if (error) return toast(wx, error);
    return this.act(() => getApp().client.request('DeclineOrder', { input: { orderId: id, reason: reason.trim() } }), '已拒单');
  },

  onStart(e) {
    const id = e.currentTarget.dataset.id;
    return this.act(() => getApp().client.request('StartOrder', { input: { orderId: id } }), '已开始');
  },

  // 完工照片：选好就上传，完成服务时随 photoIds 提交。
  async onChoosePhotos(e) {
    const id = e.currentTarget.dataset.id;
    if (this.data.uploading) return;
    this.setData({ uploading: true });
    const { photos, failures } = await pickAndUpload({ wx, client: getApp().client, privacy: getApp().privacy }, this.formOf(id).photos);
    this.setData({ ['forms.' + id + '.photos']: photos, uploading: false });
    if (failures.length) toast(wx, failures[0]);
  },

  onRemovePhoto(e) {
    const d = e.currentTarget.dataset;
    this.setData({ ['forms.' + d.id + '.photos']: withoutPhoto(this.formOf(d.id).photos, Number(d.index)) });
  },

  onComplete(e) {
    const id = e.currentTarget.dataset.id;
    if (this.data.uploading) return toast(wx, '照片正在上传，请稍候');
    const built = buildCompleteInput(id, this.formOf(id));
    if (built.error) return toast(wx, built.error);
    return this.act(() => getApp().client.request('CompleteOrder', { input: built.input }), '已完成');
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, inbox, INBOX_TABS, toInboxItem, loadInbox, acceptOrder, validateDecline, buildCompleteInput };
