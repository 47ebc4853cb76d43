// 注销账号：当前的注销申请（冷静期到期时间 dueAt、撤销），确认后申请注销；
// 服务端以 ACCOUNT_DELETION_BLOCKED 拒绝时，逐条显示 extensions.reasons 的中文原因和去处理的页面。
const { showError } = require('../../utils/common');
const { toDeletionView, deletionBlockersOf, confirmDeletion, COOLING_OFF_DAYS } = require('../../utils/mydata');

const definition = {
  data: {
    loaded: false,
    deletion: null,
    blockers: [],
    coolingOffDays: COOLING_OFF_DAYS,
    busy: false
  },

  onShow() {
    return this.load();
  },

  async load() {
    try {
      const data = await getApp().client.request('MyAccountDeletion');
      this.setData({ deletion: toDeletionView(data.myAccountDeletion), loaded: true });
    } catch (err) {
      this.setData({ loaded: true });
      showError(wx, err);
    }
  },

  async onRequest() {
    if (this.data.busy) return;
    if (!(await confirmDeletion(wx))) return;
    this.setData({ busy: true, blockers: [] });
    try {
      const data = await getApp().client.request('RequestAccountDeletion', { input: { confirm: true } });
      this.setData({ deletion: toDeletionView(data.requestAccountDeletion) });
      wx.showToast({ title: '已提交注销申请', icon: 'success' });
    } catch (err) {
      const blockers = deletionBlockersOf(err);
      if (blockers && blockers.length) this.setData({ blockers });
      else showError(wx, err);
    }
    this.setData({ busy: false });
  },

  async onCancel() {
    const deletion = this.data.deletion;
    if (this.data.busy || !deletion || !deletion.pending) return;
    this.setData({ busy: true });
    try {
      const data = await getApp().client.request('CancelAccountDeletion', { input: { deletionId: deletion.id } });
      this.setData({ deletion: toDeletionView(data.cancelAccountDeletion) });
      wx.showToast({ title: '已撤销注销', icon: 'success' });
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ busy: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition };
