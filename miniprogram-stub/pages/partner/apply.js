// 申请成为合伙人：类型、名称、服务类别（ServiceCategories）、想服务的社区（按名称搜索，可选多个）、联系人与电话、
// 营业执照或资质照片（最多 9 张，选好即上传）、简介，然后 ApplyAsPartner。每个社区的工作者各自审核。
// 服务端指明字段的错误显示在该字段下；已有待审核的申请、已是合伙人成员时给出去相应页面的链接。
const { showError, toast } = require('../../utils/common');
const { userMessage } = require('../../utils/graphql');
const { MAX_PHOTOS, pickAndUpload, photoIdsOf, withoutPhoto } = require('../../utils/photos');
const { PARTNER_KIND_OPTIONS, serverFieldErrors, searchCommunities } = require('../../utils/onboarding');

const PHONE_PATTERN = /^[0-9-]{5,20}$/;

function emptyForm() {
  return { kind: '', name: '', description: '', categoryCodes: [], communities: [], contactName: '', contactPhone: '', photos: [] };
}

// 与服务端 ApplyAsPartnerInput 的限制一致；返回 [{field, message}]。
function validatePartnerForm(form) {
  const errors = [];
  const text = (v) => String(v || '').trim();
  if (!PARTNER_KIND_OPTIONS.some((o) => o.value === form.kind)) errors.push({ field: 'kind', message: '请选择合伙人类型' });
  if (!text(form.name)) errors.push({ field: 'name', message: '请填写名称' });
  else if (text(form.name).length > 60) errors.push({ field: 'name', message: '名称不能超过60字' });
  if (!form.categoryCodes.length) errors.push({ field: 'categoryCodes', message: '请至少选择一个服务类别' });
  else if (form.categoryCodes.length > 20) errors.push({ field: 'categoryCodes', message: '服务类别最多选20个' });
  if (!form.communities.length) errors.push({ field: 'communityIds', message: '请至少选择一个社区' });
  else if (form.communities.length > 10) errors.push({ field: 'communityIds', message: '社区最多选10个' });
  if (!text(form.contactName)) errors.push({ field: 'contactName', message: '请填写联系人' });
  else if (text(form.contactName).length > 30) errors.push({ field: 'contactName', message: '联系人不能超过30字' });
  if (!PHONE_PATTERN.test(String(form.contactPhone || ''))) errors.push({ field: 'contactPhone', message: '请填写正确的联系电话' });
  if (text(form.description).length > 500) errors.push({ field: 'description', message: '简介不能超过500字' });
  if (form.photos.length > MAX_PHOTOS) errors.push({ field: 'licencePhotoIds', message: '最多上传9张照片' });
  return errors;
}

function buildApplyInput(form) {
  const input = {
    kind: form.kind,
    name: form.name.trim(),
    categoryCodes: form.categoryCodes.slice(),
    communityIds: form.communities.map((c) => c.id),
    contactName: form.contactName.trim(),
    contactPhone: form.contactPhone
  };
  const description = String(form.description || '').trim();
  if (description) input.description = description;
  if (form.photos.length) input.licencePhotoIds = photoIdsOf(form.photos);
  return input;
}

function errorMap(errors) {
  const map = {};
  for (const e of errors || []) if (!map[e.field]) map[e.field] = e.message;
  return map;
}

const definition = {
  data: {
    kindOptions: PARTNER_KIND_OPTIONS,
    kindIndex: -1,
    categories: [],
    search: '',
    searching: false,
    results: [],
    form: emptyForm(),
    maxPhotos: MAX_PHOTOS,
    errors: {},
    pendingApplication: false,
    alreadyMember: false,
    uploading: false,
    submitting: false
  },

  async onLoad() {
    try {
      const categories = (await getApp().client.request('ServiceCategories')).serviceCategories || [];
      this.setData({ categories: categories.map((c) => ({ code: c.code, name: c.name, selected: false })) });
    } catch (err) {
      showError(wx, err);
    }
  },

  onKindChange(e) {
    const i = Number(e.detail.value);
    this.setData({ kindIndex: i, 'form.kind': PARTNER_KIND_OPTIONS[i].value, 'errors.kind': '' });
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field;
    this.setData({ ['form.' + field]: e.detail.value, ['errors.' + field]: '' });
  },

  onToggleCategory(e) {
    const code = e.currentTarget.dataset.code;
    const categories = this.data.categories.map((c) => (c.code === code ? Object.assign({}, c, { selected: !c.selected }) : c));
    this.setData({
      categories,
      'form.categoryCodes': categories.filter((c) => c.selected).map((c) => c.code),
      'errors.categoryCodes': ''
    });
  },

  onSearchInput(e) {
    this.setData({ search: e.detail.value });
  },

  async onSearch() {
    if (this.data.searching) return;
    this.setData({ searching: true });
    try {
      this.setData({ results: await searchCommunities(getApp().client, this.data.search) });
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ searching: false });
  },

  onAddCommunity(e) {
    const community = this.data.results[Number(e.currentTarget.dataset.index)];
    if (!community || this.data.form.communities.some((c) => c.id === community.id)) return;
    this.setData({ 'form.communities': this.data.form.communities.concat([{ id: community.id, name: community.name }]), 'errors.communityIds': '' });
  },

  onRemoveCommunity(e) {
    const id = e.currentTarget.dataset.id;
    this.setData({ 'form.communities': this.data.form.communities.filter((c) => c.id !== id) });
  },

  async onChoosePhotos() {
    if (this.data.uploading || this.data.form.photos.length >= MAX_PHOTOS) return;
    this.setData({ uploading: true });
    const { photos, failures } = await pickAndUpload({ wx, client: getApp().client, privacy: getApp().privacy }, this.data.form.photos);
    this.setData({ 'form.photos': photos, uploading: false, 'errors.licencePhotoIds': failures[0] || '' });
  },

  onRemovePhoto(e) {
    this.setData({ 'form.photos': withoutPhoto(this.data.form.photos, Number(e.currentTarget.dataset.index)) });
  },

  async onSubmit() {
    if (this.data.submitting) return;
    if (this.data.uploading) return toast(wx, '照片正在上传，请稍候');
    const errors = validatePartnerForm(this.data.form);
    this.setData({ errors: errorMap(errors), pendingApplication: false, alreadyMember: false });
    if (errors.length) return toast(wx, errors[0].message);
    this.setData({ submitting: true });
    try {
      const data = await getApp().client.request('ApplyAsPartner', { input: buildApplyInput(this.data.form) });
      wx.showToast({ title: '已提交', icon: 'success' });
      wx.redirectTo({ url: '/pages/partner/application?id=' + data.applyAsPartner.id });
    } catch (err) {
      const fields = serverFieldErrors(err);
      const patch = {
        pendingApplication: err && err.code === 'PARTNER_APPLICATION_PENDING',
        alreadyMember: err && err.code === 'ALREADY_PARTNER_MEMBER'
      };
      if (Object.keys(fields).length) patch.errors = Object.assign({}, this.data.errors, fields);
      else patch['errors.form'] = userMessage(err);
      this.setData(patch);
      showError(wx, err);
    }
    this.setData({ submitting: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, emptyForm, validatePartnerForm, buildApplyInput };
