// 下单：选择家庭、服务、描述、紧急程度、期望时间、联系电话、照片。
// 提交前请用户订阅“已接单 / 已完成”通知，并把授权结果上报，再发 PlaceOrder。
const { newIdempotencyKey, myCommunity, askSubscribeConsent, showError, toast, nodesOf } = require('../../utils/common');

const PHONE_PATTERN = /^[0-9-]{5,20}$/;
const MAX_DESCRIPTION = 1000;
const MAX_PHOTOS = 9;
const URGENCY_OPTIONS = [
  { value: 'NORMAL', label: '一般' },
  { value: 'URGENT', label: '紧急' }
];
const CONSENT_KINDS = ['ORDER_ACCEPTED', 'ORDER_COMPLETED'];

function emptyForm() {
  return {
    householdId: '',
    categoryCode: '',
    offeringId: '',
    description: '',
    urgency: 'NORMAL',
    preferredDate: '',
    fromTime: '',
    toTime: '',
    contactPhone: '',
    photoUrls: [],
    // 每张表单只生成一次：网络失败后重试不会重复下单。
    idempotencyKey: newIdempotencyKey()
  };
}

// 返回 [{field, message}]，空数组表示通过。
function validateOrderForm(form) {
  const errors = [];
  const description = String(form.description || '').trim();
  if (!form.householdId) errors.push({ field: 'householdId', message: '请选择家庭' });
  if (!form.categoryCode && !form.offeringId) errors.push({ field: 'categoryCode', message: '请选择服务类别或项目' });
  if (!description) errors.push({ field: 'description', message: '请填写需求描述' });
  else if (description.length > MAX_DESCRIPTION) errors.push({ field: 'description', message: '需求描述不能超过1000字' });
  if (form.urgency !== 'NORMAL' && form.urgency !== 'URGENT') errors.push({ field: 'urgency', message: '请选择紧急程度' });
  if (!PHONE_PATTERN.test(String(form.contactPhone || ''))) errors.push({ field: 'contactPhone', message: '请填写正确的联系电话' });
  if ((form.fromTime || form.toTime) && !form.preferredDate) errors.push({ field: 'preferredDate', message: '请选择期望日期' });
  if (form.fromTime && form.toTime && form.toTime <= form.fromTime) errors.push({ field: 'toTime', message: '结束时间应晚于开始时间' });
  if ((form.photoUrls || []).length > MAX_PHOTOS) errors.push({ field: 'photoUrls', message: '最多上传9张照片' });
  return errors;
}

// 北京时间的日期 + 时刻 -> DateTime。
function toDateTime(date, time) {
  return date && time ? date + 'T' + time + ':00+08:00' : null;
}

function buildPlaceOrderInput(form) {
  const input = {
    householdId: form.householdId,
    description: String(form.description).trim(),
    urgency: form.urgency,
    contactPhone: form.contactPhone,
    idempotencyKey: form.idempotencyKey
  };
  if (form.offeringId) input.offeringId = form.offeringId;
  if (form.categoryCode) input.categoryCode = form.categoryCode;
  // 上传不在本阶段范围：照片地址原样提交（服务端要求 https 地址）。
  if (form.photoUrls && form.photoUrls.length) input.photoUrls = form.photoUrls.slice();
  const from = toDateTime(form.preferredDate, form.fromTime);
  const to = toDateTime(form.preferredDate, form.toTime);
  if (from) input.preferredFrom = from;
  if (to) input.preferredTo = to;
  return input;
}

/** 订阅授权 -> 上报授权 -> PlaceOrder。校验失败时抛出带 errors 的 VALIDATION_FAILED。 */
async function submitOrder(deps, form) {
  const errors = validateOrderForm(form);
  if (errors.length) {
    const err = new Error(errors[0].message);
    err.code = 'VALIDATION_FAILED';
    err.errors = errors;
    throw err;
  }
  await askSubscribeConsent(deps.wx, deps.client, CONSENT_KINDS);
  const data = await deps.client.request('PlaceOrder', { input: buildPlaceOrderInput(form) });
  return data.placeOrder;
}

function errorMap(errors) {
  const map = {};
  for (const e of errors || []) if (!map[e.field]) map[e.field] = e.message;
  return map;
}

const definition = {
  data: {
    form: emptyForm(),
    errors: {},
    households: [],
    householdIndex: 0,
    categories: [],
    categoryIndex: -1,
    offeringTitle: '',
    urgencyOptions: URGENCY_OPTIONS,
    urgencyIndex: 0,
    submitting: false
  },

  async onLoad(query) {
    const q = query || {};
    const form = Object.assign(emptyForm(), {
      categoryCode: q.categoryCode || '',
      offeringId: q.offeringId || ''
    });
    this.setData({ form });
    try {
      const client = getApp().client;
      const { households, communityId } = await myCommunity(client);
      const categories = (await client.request('ServiceCategories')).serviceCategories || [];
      let offeringTitle = '';
      if (form.offeringId && communityId) {
        const offerings = nodesOf((await client.request('Offerings', { communityId, categoryCode: form.categoryCode || null, first: 50 })).offerings);
        const hit = offerings.find((o) => o.id === form.offeringId);
        offeringTitle = hit ? hit.title : '';
      }
      this.setData({
        households,
        categories,
        offeringTitle,
        categoryIndex: categories.findIndex((c) => c.code === form.categoryCode),
        'form.householdId': households[0] ? households[0].id : ''
      });
    } catch (err) {
      showError(wx, err);
    }
  },

  onInput(e) {
    this.setData({ ['form.' + e.currentTarget.dataset.field]: e.detail.value });
  },

  onHouseholdChange(e) {
    const i = Number(e.detail.value);
    this.setData({ householdIndex: i, 'form.householdId': this.data.households[i].id });
  },

  onCategoryChange(e) {
    const i = Number(e.detail.value);
    // 换了类别就不再绑定原来的服务项目。
    this.setData({ categoryIndex: i, 'form.categoryCode': this.data.categories[i].code, 'form.offeringId': '', offeringTitle: '' });
  },

  onUrgencyChange(e) {
    const i = Number(e.detail.value);
    this.setData({ urgencyIndex: i, 'form.urgency': URGENCY_OPTIONS[i].value });
  },

  onChoosePhotos() {
    const current = this.data.form.photoUrls;
    if (current.length >= MAX_PHOTOS) return;
    wx.chooseMedia({
      count: MAX_PHOTOS - current.length,
      mediaType: ['image'],
      success: (res) => {
        const urls = (res.tempFiles || []).map((f) => f.tempFilePath);
        this.setData({ 'form.photoUrls': current.concat(urls).slice(0, MAX_PHOTOS) });
      }
    });
  },

  onRemovePhoto(e) {
    const urls = this.data.form.photoUrls.slice();
    urls.splice(Number(e.currentTarget.dataset.index), 1);
    this.setData({ 'form.photoUrls': urls });
  },

  async onSubmit() {
    if (this.data.submitting) return;
    const errors = validateOrderForm(this.data.form);
    this.setData({ errors: errorMap(errors) });
    if (errors.length) {
      toast(wx, errors[0].message);
      return;
    }
    this.setData({ submitting: true });
    try {
      const order = await submitOrder({ wx, client: getApp().client }, this.data.form);
      wx.showToast({ title: '已提交', icon: 'success' });
      wx.redirectTo({ url: '/pages/order/detail?id=' + order.id });
    } catch (err) {
      // 保留表单与幂等键，用户可以直接重试。
      showError(wx, err);
    }
    this.setData({ submitting: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = {
  definition,
  newIdempotencyKey,
  validateOrderForm,
  buildPlaceOrderInput,
  submitOrder,
  emptyForm,
  toDateTime,
  CONSENT_KINDS,
  URGENCY_OPTIONS
};
