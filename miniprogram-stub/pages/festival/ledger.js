// 邻里节收支公示：收入、支出、结余。
const { formatFen, contributorKindLabel, formatTime, showError } = require('../../utils/common');

const EXPENSE_STATUS_LABELS = Object.freeze({ PENDING: '待审批', APPROVED: '已审批' });

function toLedgerView(ledger) {
  return {
    incomeText: formatFen(ledger.incomeFen),
    expensesText: formatFen(ledger.expensesFen),
    pendingText: formatFen(ledger.pendingExpensesFen),
    balanceText: formatFen(ledger.balanceFen),
    income: (ledger.income || []).map((i, index) => ({
      key: index,
      source: i.source,
      kindLabel: contributorKindLabel(i.contributorKind),
      amountText: formatFen(i.amountFen),
      at: formatTime(i.at)
    })),
    expenses: (ledger.expenses || []).map((x) => ({
      id: x.id,
      category: x.category,
      note: x.note || '',
      amountText: formatFen(x.amountFen),
      statusText: EXPENSE_STATUS_LABELS[x.status] || x.status,
      receiptUrl: x.receiptUrl || '',
      at: formatTime(x.createdAt)
    }))
  };
}

const definition = {
  data: { id: '', ledger: null },

  onLoad(query) {
    this.setData({ id: (query && query.id) || '' });
    return this.load();
  },

  async load() {
    try {
      const data = await getApp().client.request('CampaignLedger', { campaignId: this.data.id });
      this.setData({ ledger: toLedgerView(data.campaignLedger) });
    } catch (err) {
      showError(wx, err);
    }
  },

  onReceipt(e) {
    const url = e.currentTarget.dataset.url;
    if (url) wx.previewImage({ urls: [url] });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, toLedgerView, EXPENSE_STATUS_LABELS };
