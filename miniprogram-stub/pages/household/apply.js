// 申请房屋认证：按名称搜社区 → 选小区 → 楼栋 → 单元 → 房间（CommunityTree），与房屋的关系（户主 / 家属 / 租户）、
// 真实姓名、可选的证明照片（房产证、租房合同等，选好即上传，提交照片 id），然后 RequestHouseholdVerification。
// 服务端指明字段的校验错误显示在该字段下；已有待审核的申请（VERIFICATION_ALREADY_PENDING）时给出去那份申请的链接。
const { showError, toast } = require('../../utils/common');
const { userMessage } = require('../../utils/graphql');
const { chooseImages, MAX_PHOTO_BYTES } = require('../../utils/photos');
const { RELATION_OPTIONS, serverFieldErrors, errorExtension, searchCommunities } = require('../../utils/onboarding');

const MAX_REAL_NAME = 32;

function emptyForm() {
  return { householdId: '', relation: '', realName: '', proof: null };
}

// 返回 [{field, message}]，空数组表示通过。
function validateApplyForm(form) {
  const errors = [];
  const realName = String(form.realName || '').trim();
  if (!form.householdId) errors.push({ field: 'householdId', message: '请选择房间' });
  if (!RELATION_OPTIONS.some((o) => o.value === form.relation)) errors.push({ field: 'relation', message: '请选择与房屋的关系' });
  if (!realName) errors.push({ field: 'realName', message: '请填写真实姓名' });
  else if (realName.length > MAX_REAL_NAME) errors.push({ field: 'realName', message: '真实姓名不能超过32字' });
  return errors;
}

function buildVerificationInput(form) {
  const input = { householdId: form.householdId, relation: form.relation, realName: String(form.realName).trim() };
  if (form.proof && form.proof.id) input.proofPhotoId = form.proof.id;
  return input;
}

function errorMap(errors) {
  const map = {};
  for (const e of errors || []) if (!map[e.field]) map[e.field] = e.message;
  return map;
}

// 房间在选择器里显示房号（没有时用整户标签）。
function roomsOf(unit) {
  return ((unit && unit.households) || []).map((h) => ({ id: h.id, name: h.room || h.label, label: h.label }));
}

const definition = {
  data: {
    search: '',
    searching: false,
    searched: false,
    communities: [],
    community: null,
    estates: [],
    buildings: [],
    units: [],
    rooms: [],
    estateIndex: -1,
    buildingIndex: -1,
    unitIndex: -1,
    roomIndex: -1,
    relationOptions: RELATION_OPTIONS,
    relationIndex: -1,
    form: emptyForm(),
    errors: {},
    pendingRequestId: '',
    uploading: false,
    submitting: false
  },

  onSearchInput(e) {
    this.setData({ search: e.detail.value });
  },

  async onSearch() {
    if (this.data.searching) return;
    this.setData({ searching: true });
    try {
      const communities = await searchCommunities(getApp().client, this.data.search);
      this.setData({ communities, searched: true });
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ searching: false });
  },

  // 选了社区就取它的楼栋树；换社区时已选的房间作废。
  async onPickCommunity(e) {
    const community = this.data.communities[Number(e.currentTarget.dataset.index)];
    if (!community) return;
    this.setData({
      community,
      estates: [],
      buildings: [],
      units: [],
      rooms: [],
      estateIndex: -1,
      buildingIndex: -1,
      unitIndex: -1,
      roomIndex: -1,
      'form.householdId': ''
    });
    try {
      const tree = (await getApp().client.request('CommunityTree', { id: community.id })).community;
      this.setData({ estates: (tree && tree.estates) || [] });
    } catch (err) {
      showError(wx, err);
    }
  },

  onEstateChange(e) {
    const i = Number(e.detail.value);
    const estate = this.data.estates[i];
    this.setData({ estateIndex: i, buildings: estate.buildings || [], buildingIndex: -1, units: [], unitIndex: -1, rooms: [], roomIndex: -1, 'form.householdId': '' });
  },

  onBuildingChange(e) {
    const i = Number(e.detail.value);
    const building = this.data.buildings[i];
    this.setData({ buildingIndex: i, units: building.units || [], unitIndex: -1, rooms: [], roomIndex: -1, 'form.householdId': '' });
  },

  onUnitChange(e) {
    const i = Number(e.detail.value);
    this.setData({ unitIndex: i, rooms: roomsOf(this.data.units[i]), roomIndex: -1, 'form.householdId': '' });
  },

  onRoomChange(e) {
    const i = Number(e.detail.value);
    this.setData({ roomIndex: i, 'form.householdId': this.data.rooms[i].id, 'errors.householdId': '' });
  },

  onRelationChange(e) {
    const i = Number(e.detail.value);
    this.setData({ relationIndex: i, 'form.relation': RELATION_OPTIONS[i].value, 'errors.relation': '' });
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field;
    this.setData({ ['form.' + field]: e.detail.value, ['errors.' + field]: '' });
  },

  // 证明照片只有一张：选好即上传，提交时只带照片 id。
  async onChooseProof() {
    if (this.data.uploading) return;
    this.setData({ uploading: true, 'errors.proofPhotoId': '' });
    // 证明照片是个人信息：选图前先取得隐私保护指引的同意
    const privacy = getApp().privacy;
    const [file] = privacy && !(await privacy.ensureConsent()) ? [] : await chooseImages(wx, 1);
    if (file) {
      if (file.size > MAX_PHOTO_BYTES) {
        this.setData({ 'errors.proofPhotoId': '图片不能超过5MB' });
      } else {
        try {
          const photo = await getApp().client.uploadPhoto(file.path);
          this.setData({ 'form.proof': { path: file.path, id: photo.id } });
        } catch (err) {
          this.setData({ 'errors.proofPhotoId': userMessage(err) });
        }
      }
    }
    this.setData({ uploading: false });
  },

  onRemoveProof() {
    this.setData({ 'form.proof': null });
  },

  async onSubmit() {
    if (this.data.submitting) return;
    if (this.data.uploading) return toast(wx, '照片正在上传，请稍候');
    const errors = validateApplyForm(this.data.form);
    this.setData({ errors: errorMap(errors), pendingRequestId: '' });
    if (errors.length) return toast(wx, errors[0].message);
    this.setData({ submitting: true });
    try {
      const data = await getApp().client.request('RequestHouseholdVerification', { input: buildVerificationInput(this.data.form) });
      wx.showToast({ title: '已提交', icon: 'success' });
      wx.redirectTo({ url: '/pages/household/request?id=' + data.requestHouseholdVerification.id });
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (err && err.code === 'VERIFICATION_ALREADY_PENDING') {
        this.setData({ pendingRequestId: errorExtension(err, 'verificationRequestId') || '', 'errors.form': userMessage(err) });
      } else if (Object.keys(fields).length) {
        this.setData({ errors: Object.assign({}, this.data.errors, fields) });
      } else {
        this.setData({ 'errors.form': userMessage(err) });
      }
      showError(wx, err);
    }
    this.setData({ submitting: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, emptyForm, validateApplyForm, buildVerificationInput, roomsOf };
