// 合伙人邀请（通知里的链接 pages/partner/invitations）：等我答复的邀请，接受（成为该合伙人的成员）或婉拒。
// 服务端不分页（只给等待答复的几条），所以只有下拉刷新。
const { showError, formatTime } = require('../../utils/common');
const { userMessage } = require('../../utils/graphql');
const { partnerKindLabel } = require('../../utils/onboarding');

const ROLE_LABELS = { ADMIN: '管理员', MEMBER: '成员' };

function toInvitationView(i) {
  return {
    id: i.id,
    partnerName: i.partner ? i.partner.name : '',
    partnerKind: i.partner ? partnerKindLabel(i.partner.kind) : '',
    roleText: ROLE_LABELS[i.role] || i.role,
    pending: i.status === 'PENDING',
    createdAt: formatTime(i.createdAt)
  };
}

const definition = {
  data: { invitations: [], loaded: false, error: '', busy: false },

  onShow() {
    return this.load();
  },

  async load() {
    try {
      const list = (await getApp().client.request('MyPartnerInvitations')).myPartnerInvitations || [];
      this.setData({ invitations: list.map(toInvitationView), loaded: true });
    } catch (err) {
      this.setData({ loaded: true });
      showError(wx, err);
    }
  },

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  // send(操作名, …)：测试按这个名字找出页面发送的操作。
  async send(operation, invitationId, successText, next) {
    if (this.data.busy) return;
    this.setData({ busy: true, error: '' });
    let ok = false;
    try {
      await getApp().client.request(operation, { input: { invitationId } });
      ok = true;
    } catch (err) {
      // 如 ALREADY_PARTNER_MEMBER：已是其他合伙人的成员，须先退出那边。
      this.setData({ error: userMessage(err) });
      showError(wx, err);
    }
    this.setData({ busy: false });
    if (!ok) return;
    wx.showToast({ title: successText, icon: 'success' });
    if (next) wx.redirectTo({ url: next });
    else await this.load();
  },

  onAccept(e) {
    return this.send('AcceptPartnerInvitation', e.currentTarget.dataset.id, '已加入', '/pages/partner/index');
  },

  onDecline(e) {
    return this.send('DeclinePartnerInvitation', e.currentTarget.dataset.id, '已婉拒');
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, toInvitationView };
