// 社区工作者审核合伙人申请（通知里的链接 pages/staff/partner-application?id= 只显示那一份）：本社区的申请列表
// （PartnerApplications，上拉加载更多、下拉刷新），待审核的可以签合同通过（起止日期 + 同时接单上限），或填写原因驳回。
const { showError, toast, positiveInt } = require('../../utils/common');
const { userMessage } = require('../../utils/graphql');
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { toApplicationView, validateReason, serverFieldErrors } = require('../../utils/onboarding');

const MAX_PAGES_TO_FIND = 10;
const TABS = [
  { value: 'PENDING', label: '待审核' },
  { value: '', label: '全部' }
];

// 每张卡片只关心本社区那一栏。
function toStaffItem(application, communityId) {
  const view = toApplicationView(application);
  const mine = view.communities.find((c) => c.communityId === communityId) || null;
  return Object.assign(view, { mine, pending: Boolean(mine && mine.pending) });
}

/** 通过时签的合同：返回 { input } 或 { error }。 */
function buildApproveInput(applicationId, communityId, form) {
  const f = form || {};
  if (!f.validFrom) return { error: '请选择合同开始日期' };
  if (!f.validTo) return { error: '请选择合同结束日期' };
  if (f.validTo < f.validFrom) return { error: '合同结束日期不能早于开始日期' };
  const capacity = positiveInt(f.capacity);
  if (!capacity || capacity > 1000) return { error: '请填写同时接单上限（1–1000）' };
  return { input: { applicationId, communityId, validFrom: f.validFrom, validTo: f.validTo, capacity } };
}

const applications = createPagedList({
  itemsKey: 'applications',
  fetch: async (page, paging) => {
    const communityId = page.data.communityId;
    if (!communityId) return { items: [] };
    const data = await getApp().client.request(
      'PartnerApplications',
      Object.assign({ communityId, status: page.data.filter || null }, paging)
    );
    return connectionPage(data.partnerApplications, (a) => toStaffItem(a, communityId));
  }
});

const definition = {
  data: Object.assign(
    { tabs: TABS, filter: 'PENDING', focusId: '', notFound: false, communityId: '', communityName: '', notStaff: false, forms: {}, errors: {}, busy: false },
    applications.initialData()
  ),

  onLoad(query) {
    const focusId = (query && query.id) || '';
    // 从通知进来时那份申请可能已经处理过了：不按状态筛选。
    this.setData({ focusId, filter: focusId ? '' : 'PENDING' });
  },

  onShow() {
    return this.load();
  },

  async load() {
    if (!this.data.communityId) {
      try {
        const me = (await getApp().client.request('Me')).me;
        const community = me && me.staffCommunity;
        this.setData({ communityId: community ? community.id : '', communityName: community ? community.name : '', notStaff: !community });
      } catch (err) {
        showError(wx, err);
        return;
      }
    }
    await applications.reload(this, wx);
    await this.findFocused();
  },

  async findFocused() {
    const has = () => this.data.applications.some((a) => a.id === this.data.focusId);
    for (let i = 0; this.data.focusId && !has() && !this.data.paging.end && i < MAX_PAGES_TO_FIND; i++) {
      await applications.loadMore(this, wx);
    }
    this.setData({ notFound: Boolean(this.data.focusId) && !has() });
  },

  onReachBottom() {
    return applications.loadMore(this, wx);
  },

  async onPullDownRefresh() {
    await applications.refresh(this, wx);
    await this.findFocused();
  },

  onTab(e) {
    this.setData({ filter: e.currentTarget.dataset.value, focusId: '', notFound: false });
    return this.load();
  },

  onInput(e) {
    const d = e.currentTarget.dataset;
    this.setData({ ['forms.' + d.id + '.' + d.field]: e.detail.value, ['errors.' + d.id]: '' });
  },

  async send(operation, applicationId, input, successText) {
    if (this.data.busy) return;
    this.setData({ busy: true, ['errors.' + applicationId]: '' });
    try {
      await getApp().client.request(operation, { input });
      wx.showToast({ title: successText, icon: 'success' });
      await this.load();
    } catch (err) {
      const fields = serverFieldErrors(err);
      const first = Object.keys(fields)[0];
      this.setData({ ['errors.' + applicationId]: first ? fields[first] : userMessage(err) });
      showError(wx, err);
    }
    this.setData({ busy: false });
  },

  onApprove(e) {
    const id = e.currentTarget.dataset.id;
    const built = buildApproveInput(id, this.data.communityId, this.data.forms[id]);
    if (built.error) {
      this.setData({ ['errors.' + id]: built.error });
      return toast(wx, built.error);
    }
    return this.send('ApprovePartnerApplication', id, built.input, '已通过');
  },

  onReject(e) {
    const id = e.currentTarget.dataset.id;
    const reason = (this.data.forms[id] || {}).reason;
    const error = validateReason(reason);
    if (error) {
      this.setData({ ['errors.' + id]: error });
      return toast(wx, error);
    }
    return this.send('RejectPartnerApplication', id, { applicationId: id, communityId: this.data.communityId, reason: reason.trim() }, '已驳回');
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, buildApproveInput, toStaffItem };
