// 投票结果：只有汇总——每项票数（排序投票另有 Borda 分）、参与率（总体与分小区）、是否通过；
// 投票进行中实时更新（BallotResultsUpdates）。任何人（包括社区工作者）都看不到某一户怎么投。
const { showError } = require('../../utils/common');
const { watchOnPage, unwatchOnPage } = require('../../utils/subscriptions');
const { toResultsView } = require('../../utils/ballot');

const definition = {
  data: { id: '', results: null },

  onLoad(query) {
    this.setData({ id: (query && query.id) || '' });
    return this.load();
  },

  onShow() {
    if (!this.data.id) return;
    watchOnPage(this, getApp().subscriptions, 'BallotResultsUpdates', { ballotId: this.data.id }, (data) => {
      if (data && data.ballotResults) this.setData({ results: toResultsView(data.ballotResults) });
    });
  },

  onHide() {
    unwatchOnPage(this);
  },

  onUnload() {
    unwatchOnPage(this);
  },

  async load() {
    try {
      const data = await getApp().client.request('BallotResults', { ballotId: this.data.id });
      this.setData({ results: toResultsView(data.ballotResults) });
    } catch (err) {
      showError(wx, err);
    }
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition };
