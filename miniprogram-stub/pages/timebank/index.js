// 时间银行：余额、冻结中积分、流水（上拉加载更多、下拉刷新）；转赠家人、捐给社区积分池。
const { myCommunity, nodesOf, newIdempotencyKey, positiveInt, formatTime, showError, toast } = require('../../utils/common');
const { createPagedList } = require('../../utils/paged-list');

function toStatementItem(tx) {
  return {
    id: tx.id,
    description: tx.description || tx.kind,
    pointsText: (tx.points > 0 ? '+' : '') + tx.points,
    income: tx.points > 0,
    at: formatTime(tx.at)
  };
}

function toTimeBankView(timeBank) {
  return {
    balance: timeBank.balance,
    pendingHolds: timeBank.pendingHolds,
    statement: nodesOf(timeBank.statement).map(toStatementItem)
  };
}

// 返回 {input} 或 {error}；幂等键来自表单，重试时不变。
function buildTransferInput(form, balance) {
  const toAccountId = String(form.toAccountId || '').trim();
  if (!toAccountId) return { error: '请填写接收人账号' };
  const points = positiveInt(form.points);
  if (!points) return { error: '请填写转赠积分（正整数）' };
  if (balance != null && points > balance) return { error: '积分余额不足' };
  const input = { toAccountId, points, idempotencyKey: form.idempotencyKey };
  const note = String(form.note || '').trim();
  if (note) input.note = note;
  return { input };
}

function buildDonateInput(form, communityId, balance) {
  if (!communityId) return { error: '尚未关联社区' };
  const points = positiveInt(form.points);
  if (!points) return { error: '请填写捐赠积分（正整数）' };
  if (balance != null && points > balance) return { error: '积分余额不足' };
  return { input: { communityId, points, idempotencyKey: form.idempotencyKey } };
}

// 一页流水：{ items, pageInfo, patch }；每页都带回最新的余额。社区只在取第一页时查一次（捐赠要用）。
async function loadStatement(client, paging) {
  const community = paging.after ? null : await myCommunity(client);
  const timeBank = (await client.request('MyTimeBank', paging)).myTimeBank;
  const view = toTimeBankView(timeBank);
  const patch = { view: { balance: view.balance, pendingHolds: view.pendingHolds } };
  if (community) patch.communityId = community.communityId;
  return { items: view.statement, pageInfo: timeBank.statement ? timeBank.statement.pageInfo : null, patch };
}

const statement = createPagedList({
  itemsKey: 'statement',
  fetch: (page, paging) => loadStatement(getApp().client, paging)
});

const newTransferForm = () => ({ toAccountId: '', points: '', note: '', idempotencyKey: newIdempotencyKey() });
const newDonateForm = () => ({ points: '', idempotencyKey: newIdempotencyKey() });

const definition = {
  data: Object.assign({ view: null, communityId: null, transfer: newTransferForm(), donate: newDonateForm(), busy: false }, statement.initialData()),

  onShow() {
    return this.load();
  },

  // 转赠、捐赠之后也从第一页重新取：余额和最新流水都变了。
  load() {
    return statement.reload(this, wx);
  },

  onReachBottom() {
    return statement.loadMore(this, wx);
  },

  onPullDownRefresh() {
    return statement.refresh(this, wx);
  },

  onInput(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
  },

  async send(operation, built, resetKey, resetForm) {
    if (built.error) return toast(wx, built.error);
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      await getApp().client.request(operation, { input: built.input });
      wx.showToast({ title: '操作成功', icon: 'success' });
      this.setData({ [resetKey]: resetForm() });
      await this.load();
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ busy: false });
  },

  onTransfer() {
    const balance = this.data.view ? this.data.view.balance : null;
    return this.send('TransferPoints', buildTransferInput(this.data.transfer, balance), 'transfer', newTransferForm);
  },

  onDonate() {
    const balance = this.data.view ? this.data.view.balance : null;
    return this.send('DonatePoints', buildDonateInput(this.data.donate, this.data.communityId, balance), 'donate', newDonateForm);
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, statement, loadStatement, toTimeBankView, toStatementItem, buildTransferInput, buildDonateInput };
