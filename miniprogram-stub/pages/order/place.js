// 下单：选择家庭、服务、描述、紧急程度、期望时间、联系电话、照片。
// 提交前请用户订阅“已接单 / 已完成”通知，并把授权结果上报，再发 PlaceOrder。
const { newIdempotencyKey, myCommunity, askSubscribeConsent, showError, toast, nodesOf } = require('../../utils/common');
const { MAX_PHOTOS, pickAndUpload, photoIdsOf, withoutPhoto } = require('../../utils/photos');

const PHONE_PATTERN = /^[0-9-]{5,20}$/;
const MAX_DESCRIPTION = 1000;
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
    // 已上传的照片 [{ path, id }]：path 本地预览，id 提交给服务端
    photos: [],
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
  if ((form.photos || []).length > MAX_PHOTOS) errors.push({ field: 'photos', message: '最多上传9张照片' });
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
  if (form.photos && form.photos.length) input.photoIds = photoIdsOf(form.photos);
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
    uploading: false,
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

  // 选好就上传，用户填写其他内容时照片已在服务端。
  async onChoosePhotos() {
    if (this.data.uploading || this.data.form.photos.length >= MAX_PHOTOS) return;
    this.setData({ uploading: true });
    const { photos, failures } = await pickAndUpload({ wx, client: getApp().client, privacy: getApp().privacy }, this.data.form.photos);
    this.setData({ 'form.photos': photos, uploading: false });
    if (failures.length) toast(wx, failures[0]);
  },

  onRemovePhoto(e) {
    this.setData({ 'form.photos': withoutPhoto(this.data.form.photos, Number(e.currentTarget.dataset.index)) });
  },

  async onSubmit() {
    if (this.data.submitting) return;
    if (this.data.uploading) {
      toast(wx, '照片正在上传，请稍候');
      return;
    }
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
