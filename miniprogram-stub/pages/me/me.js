// “我的”页：头像、昵称、脱敏手机号、角色、家庭；设置头像、绑定手机号与退出登录。
const { userMessage } = require('../../utils/graphql');

const LOGIN_URL = '/pages/login/login';
const PRIVACY_PAGE = '/pages/privacy/privacy';
const MY_DATA_PAGE = '/pages/privacy/mydata';
const DELETION_PAGE = '/pages/privacy/deletion';

const ROLE_LABELS = Object.freeze({
  RESIDENT: '居民',
  STAFF: '社区工作者',
  PARTNER: '红色合伙人',
  ADMIN: '管理员'
});

// Unknown roles show their code, so a role added on the server is still visible.
function roleLabel(role) {
  return ROLE_LABELS[role] || role;
}

function roleLabels(roles) {
  return (roles || []).map(roleLabel);
}

// 把服务端的 Account 转成页面直接渲染的数据。
function toProfile(account) {
  const households = (account.households || []).map((h) => ({
    id: h.id,
    label: h.label,
    communityName: h.community ? h.community.name : ''
  }));
  return {
    nickname: account.nickname || '未设置昵称',
    // 签名链接（1–2 小时有效），每次进入页面重新获取
    avatarUrl: account.avatarUrl || '',
    phoneBound: Boolean(account.phoneMasked),
    phone: account.phoneMasked || '未绑定',
    rolesText: roleLabels(account.roles).join('、') || '暂无',
    staffCommunityName: account.staffCommunity ? account.staffCommunity.name : '',
    households
  };
}

const definition = {
  data: {
    profile: null,
    // 绑定手机号前须已同意当前版本的隐私保护指引；未同意时按钮先打开指引页
    privacyAccepted: true,
    binding: false,
    savingAvatar: false
  },

  onShow() {
    return this.load();
  },

  async load() {
    const auth = getApp().auth;
    if (!auth.isLoggedIn()) {
      wx.reLaunch({ url: LOGIN_URL });
      return;
    }
    try {
      this.setData({ profile: toProfile(await auth.fetchMe()) });
      const privacy = getApp().privacy;
      if (privacy) this.setData({ privacyAccepted: (await privacy.status()).accepted });
    } catch (err) {
      if (err && err.code === 'UNAUTHENTICATED') {
        wx.reLaunch({ url: LOGIN_URL });
        return;
      }
      wx.showToast({ title: userMessage(err), icon: 'none' });
    }
  },

  onOpenPrivacy() {
    wx.navigateTo({ url: PRIVACY_PAGE });
  },

  onOpenMyData() {
    wx.navigateTo({ url: MY_DATA_PAGE });
  },

  onOpenDeletion() {
    wx.navigateTo({ url: DELETION_PAGE });
  },

  // 未同意隐私保护指引时，“绑定手机号”先打开指引；同意后换成 open-type="getPhoneNumber" 的按钮。
  async onReadPrivacy() {
    const accepted = await getApp().privacy.ensureConsent();
    this.setData({ privacyAccepted: accepted });
  },

  // bindgetphonenumber：用户拒绝授权时 detail 里没有 code。
  async onGetPhoneNumber(event) {
    const code = event && event.detail ? event.detail.code : null;
    if (!code) {
      wx.showToast({ title: '未获得手机号授权', icon: 'none' });
      return;
    }
    if (this.data.binding) return;
    this.setData({ binding: true });
    try {
      const account = await getApp().auth.bindPhone(code);
      this.setData({ profile: toProfile(account) });
      wx.showToast({ title: '绑定成功', icon: 'success' });
    } catch (err) {
      wx.showToast({ title: userMessage(err), icon: 'none' });
    }
    this.setData({ binding: false });
  },

  // <button open-type="chooseAvatar">：微信给的是本地临时文件，先上传成照片，再把照片 id 存为头像。
  async onChooseAvatar(event) {
    const path = event && event.detail ? event.detail.avatarUrl : null;
    if (!path || this.data.savingAvatar) return;
    this.setData({ savingAvatar: true });
    try {
      const client = getApp().client;
      const photo = await client.uploadPhoto(path);
      const data = await client.request('UpdateMyProfile', { input: { avatarPhotoId: photo.id } });
      this.setData({ profile: toProfile(data.updateMyProfile) });
      wx.showToast({ title: '头像已更新', icon: 'success' });
    } catch (err) {
      wx.showToast({ title: userMessage(err), icon: 'none' });
    }
    this.setData({ savingAvatar: false });
  },

  async onLogout() {
    await getApp().auth.logout();
    wx.reLaunch({ url: LOGIN_URL });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, ROLE_LABELS, roleLabel, roleLabels, toProfile, LOGIN_URL, PRIVACY_PAGE, MY_DATA_PAGE, DELETION_PAGE };
