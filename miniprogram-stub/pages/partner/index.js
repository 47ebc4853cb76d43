// 合伙人首页（通知里的链接 pages/partner/index）：我服务的合伙人（类型、接单能力、签约社区、成员），
// 去工作台 / 核销兑换券，退出合伙人（唯一的管理员还有其他成员时服务端拒绝：LAST_PARTNER_ADMIN，原因显示在页面上）。
// 还不是合伙人时：申请成为合伙人、我的申请、合伙人邀请。
const { showError } = require('../../utils/common');
const { userMessage } = require('../../utils/graphql');
const { partnerKindLabel, confirmAction } = require('../../utils/onboarding');

const ROLE_LABELS = { ADMIN: '管理员', MEMBER: '成员' };

function toPartnerView(p) {
  return {
    id: p.id,
    name: p.name,
    kindText: partnerKindLabel(p.kind),
    online: Boolean(p.online),
    load: (p.activeOrders || 0) + ' / ' + (p.capacity || 0),
    categoriesText: (p.categories || []).map((c) => c.name).join('、'),
    contracts: (p.contracts || []).map((c) => ({ id: c.id, communityName: c.community ? c.community.name : '', period: c.validFrom + ' 至 ' + c.validTo })),
    members: (p.members || []).map((m) => ({ id: m.id, name: m.nickname || '未设置昵称', roleText: ROLE_LABELS[m.role] || m.role }))
  };
}

const definition = {
  data: { partner: null, loaded: false, error: '', busy: false },

  onShow() {
    return this.load();
  },

  async load() {
    try {
      const partner = (await getApp().client.request('MyPartner')).myPartner;
      this.setData({ partner: partner ? toPartnerView(partner) : null, loaded: true });
    } catch (err) {
      this.setData({ loaded: true });
      showError(wx, err);
    }
  },

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  async onLeave() {
    const partner = this.data.partner;
    if (!partner || this.data.busy) return;
    if (!(await confirmAction(wx, '退出' + partner.name + '？退出后不再接单。'))) return;
    this.setData({ busy: true, error: '' });
    try {
      await getApp().client.request('LeavePartner', { input: { partnerId: partner.id } });
      wx.showToast({ title: '已退出', icon: 'success' });
      await this.load();
    } catch (err) {
      this.setData({ error: userMessage(err) });
      showError(wx, err);
    }
    this.setData({ busy: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, toPartnerView };
