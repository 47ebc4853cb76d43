// 我的合伙人申请（通知里的链接 pages/partner/application?id= 只显示那一份）：每个社区各自的状态、驳回原因、
// 签下的合同；还没有社区处理时可以撤回。列表用 utils/paged-list.js（上拉加载更多、下拉刷新）。
const { showError } = require('../../utils/common');
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { toApplicationView, confirmAction } = require('../../utils/onboarding');

// 带 id 打开时，那份申请可能不在第一页：最多再往后翻这么多页去找。
const MAX_PAGES_TO_FIND = 10;

const applications = createPagedList({
  itemsKey: 'applications',
  fetch: async (page, paging) =>
    connectionPage((await getApp().client.request('MyPartnerApplications', paging)).myPartnerApplications, toApplicationView)
});

const definition = {
  data: Object.assign({ focusId: '', notFound: false, busy: false }, applications.initialData()),

  onLoad(query) {
    this.setData({ focusId: (query && query.id) || '' });
  },

  onShow() {
    return this.load();
  },

  async findFocused() {
    const has = () => this.data.applications.some((a) => a.id === this.data.focusId);
    for (let i = 0; this.data.focusId && !has() && !this.data.paging.end && i < MAX_PAGES_TO_FIND; i++) {
      await applications.loadMore(this, wx);
    }
    this.setData({ notFound: Boolean(this.data.focusId) && !has() });
  },

  async load() {
    await applications.reload(this, wx);
    await this.findFocused();
  },

  onReachBottom() {
    return applications.loadMore(this, wx);
  },

  async onPullDownRefresh() {
    await applications.refresh(this, wx);
    await this.findFocused();
  },

  onShowAll() {
    this.setData({ focusId: '', notFound: false });
  },

  async onWithdraw(e) {
    const applicationId = e.currentTarget.dataset.id;
    if (this.data.busy) return;
    if (!(await confirmAction(wx, '撤回这份合伙人申请？'))) return;
    this.setData({ busy: true });
    try {
      await getApp().client.request('WithdrawPartnerApplication', { input: { applicationId } });
      wx.showToast({ title: '已撤回', icon: 'success' });
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ busy: false });
    await this.load();
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition };
