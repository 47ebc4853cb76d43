// 提交需求：选择家庭、描述问题、可选择所在小区、附照片；每张表单一个幂等键，网络重试不会重复提交。
const { newIdempotencyKey, myCommunity, showError, toast } = require('../../utils/common');
const { MAX_PHOTOS, pickAndUpload, photoIdsOf, withoutPhoto } = require('../../utils/photos');

const MAX_DESCRIPTION = 1000;

function emptyForm() {
  return { householdId: '', description: '', photos: [], idempotencyKey: newIdempotencyKey() };
}

// 返回 [{field, message}]，空数组表示通过。
function validateNeedForm(form) {
  const errors = [];
  const description = String(form.description || '').trim();
  if (!form.householdId) errors.push({ field: 'householdId', message: '请选择家庭（需先完成房屋认证）' });
  if (!description) errors.push({ field: 'description', message: '请填写需求描述' });
  else if (description.length > MAX_DESCRIPTION) errors.push({ field: 'description', message: '需求描述不能超过 1000 个字' });
  if ((form.photos || []).length > MAX_PHOTOS) errors.push({ field: 'photos', message: '最多上传9张照片' });
  return errors;
}

function buildSubmitNeedInput(form) {
  const input = {
    householdId: form.householdId,
    description: String(form.description).trim(),
    idempotencyKey: form.idempotencyKey
  };
  if (form.photos && form.photos.length) input.photoIds = photoIdsOf(form.photos);
  return input;
}

async function submitNeed(client, form) {
  const errors = validateNeedForm(form);
  if (errors.length) {
    const err = new Error(errors[0].message);
    err.code = 'VALIDATION_FAILED';
    err.errors = errors;
    throw err;
  }
  const data = await client.request('SubmitNeed', { input: buildSubmitNeedInput(form) });
  return data.submitNeed;
}

function errorMap(errors) {
  const map = {};
  for (const e of errors || []) if (!map[e.field]) map[e.field] = e.message;
  return map;
}

const definition = {
  data: { form: emptyForm(), errors: {}, households: [], householdIndex: 0, uploading: false, submitting: false },

  async onLoad() {
    try {
      const { households } = await myCommunity(getApp().client);
      this.setData({ households, 'form.householdId': households[0] ? households[0].id : '' });
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

  async onChoosePhotos() {
    if (this.data.uploading || this.data.form.photos.length >= MAX_PHOTOS) return;
    this.setData({ uploading: true });
    const { photos, failures } = await pickAndUpload({ wx, client: getApp().client }, this.data.form.photos);
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
    const errors = validateNeedForm(this.data.form);
    this.setData({ errors: errorMap(errors) });
    if (errors.length) {
      toast(wx, errors[0].message);
      return;
    }
    this.setData({ submitting: true });
    try {
      const need = await submitNeed(getApp().client, this.data.form);
      wx.showToast({ title: '已提交', icon: 'success' });
      wx.redirectTo({ url: '/pages/need/detail?id=' + need.id });
    } catch (err) {
      // 保留表单与幂等键，用户可以直接重试。
      showError(wx, err);
    }
    this.setData({ submitting: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, emptyForm, validateNeedForm, buildSubmitNeedInput, submitNeed };
