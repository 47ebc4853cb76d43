// 我的房屋：我所在的每一户及其成员；户主审核本户的认证申请（通过 / 驳回并说明原因）、移除成员、移交户主；
// 任何成员都可以退出（户主须先移交，服务端拒绝时把原因显示在这一户下面）。下面是我自己的认证申请，待审核时可撤回。
// 两个列表都用 utils/paged-list.js：我的申请随上拉加载更多，待我审核的用“加载更多”按钮。
const { showError, toast } = require('../../utils/common');
const { userMessage } = require('../../utils/graphql');
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { toHouseholdView, toRequestView, confirmAction, validateReason } = require('../../utils/onboarding');

const mine = createPagedList({
  itemsKey: 'myRequests',
  fetch: async (page, paging) =>
    connectionPage((await getApp().client.request('MyVerificationRequests', paging)).myVerificationRequests, toRequestView)
});

const toDecide = createPagedList({
  itemsKey: 'toDecide',
  pagingKey: 'decidePaging',
  fetch: async (page, paging) =>
    connectionPage(
      (await getApp().client.request('VerificationRequestsToDecide', Object.assign({ status: 'PENDING' }, paging))).verificationRequestsToDecide,
      toRequestView
    )
});

const definition = {
  data: Object.assign(
    { households: [], loaded: false, rejectReasons: {}, householdErrors: {}, busy: false },
    mine.initialData(),
    toDecide.initialData()
  ),

  onShow() {
    return this.load();
  },

  async loadHouseholds() {
    try {
      const me = (await getApp().client.request('MyHouseholds')).me;
      this.setData({ households: (me.households || []).map((h) => toHouseholdView(h, me.id)), loaded: true });
    } catch (err) {
      this.setData({ loaded: true });
      showError(wx, err);
    }
  },

  load() {
    return Promise.all([this.loadHouseholds(), toDecide.reload(this, wx), mine.reload(this, wx)]);
  },

  onReachBottom() {
    return mine.loadMore(this, wx);
  },

  onMoreToDecide() {
    return toDecide.loadMore(this, wx);
  },

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  onReasonInput(e) {
    this.setData({ ['rejectReasons.' + e.currentTarget.dataset.id]: e.detail.value });
  },

  // 操作成功后整页重取：成员、待审核和我的申请都可能变了。失败时 onError 决定怎样显示。
  async act(work, successText, onError) {
    if (this.data.busy) return false;
    this.setData({ busy: true });
    let ok = false;
    try {
      await work(getApp().client);
      ok = true;
    } catch (err) {
      if (onError) onError(err);
      else showError(wx, err);
    }
    this.setData({ busy: false });
    if (ok) {
      wx.showToast({ title: successText, icon: 'success' });
      await this.load();
    }
    return ok;
  },

  onApprove(e) {
    const requestId = e.currentTarget.dataset.id;
    return this.act((client) => client.request('ApproveVerificationRequest', { input: { requestId } }), '已通过');
  },

  onReject(e) {
    const requestId = e.currentTarget.dataset.id;
    const reason = this.data.rejectReasons[requestId];
    const error = validateReason(reason);
    if (error) return toast(wx, error);
    return this.act(
      (client) => client.request('RejectVerificationRequest', { input: { requestId, reason: reason.trim() } }),
      '已驳回'
    );
  },

  onWithdraw(e) {
    const requestId = e.currentTarget.dataset.id;
    return this.act((client) => client.request('WithdrawVerificationRequest', { input: { requestId } }), '已撤回');
  },

  // 户里的操作被拒绝（如 HEAD_MUST_HAND_OVER）时，原因显示在这一户下面，不只是一闪而过的提示。
  householdAct(householdId, work, successText) {
    this.setData({ ['householdErrors.' + householdId]: '' });
    return this.act(work, successText, (err) => {
      this.setData({ ['householdErrors.' + householdId]: userMessage(err) });
      showError(wx, err);
    });
  },

  async onRemoveMember(e) {
    const { household, account, name } = e.currentTarget.dataset;
    if (!(await confirmAction(wx, '将' + name + '移出本户？'))) return false;
    return this.householdAct(
      household,
      (client) => client.request('RemoveHouseholdMember', { input: { householdId: household, accountId: account } }),
      '已移除'
    );
  },

  async onHandOver(e) {
    const { household, account, name } = e.currentTarget.dataset;
    if (!(await confirmAction(wx, '把户主身份移交给' + name + '？移交后你将成为家属。'))) return false;
    return this.householdAct(
      household,
      (client) => client.request('HandOverHouseholdHead', { input: { householdId: household, toAccountId: account } }),
      '已移交'
    );
  },

  async onLeave(e) {
    const { household, label } = e.currentTarget.dataset;
    if (!(await confirmAction(wx, '退出' + label + '？'))) return false;
    return this.householdAct(household, (client) => client.request('LeaveHousehold', { input: { householdId: household } }), '已退出');
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition };
