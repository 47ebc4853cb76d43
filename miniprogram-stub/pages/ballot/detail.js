// 投票详情：说明、选项与投票（单选 / 同意与否 / 最多选 N 项 / 排序，规则在 utils/ballot.js）、本户投票状态、
// 实时汇总结果（BallotResultsUpdates）。本户投过的选择预先选中，截止前可改，以最后一次为准。
// 提交带幂等键：网络重试不会多投；改了选择就换新键。首次投票时请用户订阅“投票即将截止”提醒。
const { showError, toast, newIdempotencyKey, askSubscribeConsent } = require('../../utils/common');
const { watchOnPage, unwatchOnPage } = require('../../utils/subscriptions');
const ballots = require('../../utils/ballot');

const definition = {
  data: { id: '', view: null, selection: [], optionViews: [], comment: '', results: null, busy: false, key: '' },

  onLoad(query) {
    this.setData({ id: (query && query.id) || '' });
    return this.load();
  },

  onShow() {
    if (!this.data.id) return;
    watchOnPage(this, getApp().subscriptions, 'BallotResultsUpdates', { ballotId: this.data.id }, (data) => {
      if (data && data.ballotResults) this.setData({ results: ballots.toResultsView(data.ballotResults) });
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
      const ballot = (await getApp().client.request('Ballot', { id: this.data.id })).ballot;
      const view = ballots.toBallotView(ballot);
      this.ballot = ballot;
      this.setData({
        view,
        selection: view.myChoice,
        optionViews: ballots.optionViews(ballot, view.myChoice),
        comment: view.myComment,
        results: ballot.results ? ballots.toResultsView(ballot.results) : null,
        key: newIdempotencyKey()
      });
    } catch (err) {
      showError(wx, err);
    }
  },

  select(selection) {
    this.setData({ selection, optionViews: ballots.optionViews(this.ballot, selection), key: newIdempotencyKey() });
  },

  onPick(e) {
    if (!this.data.view || !this.data.view.canVote) return;
    const { selection, message } = ballots.toggle(this.ballot, this.data.selection, e.currentTarget.dataset.id);
    if (message) return toast(wx, message);
    this.select(selection);
  },

  onMoveUp(e) {
    this.select(ballots.moveUp(this.data.selection, e.currentTarget.dataset.id));
  },

  onComment(e) {
    this.setData({ comment: e.detail.value, key: newIdempotencyKey() });
  },

  async onSubmit() {
    const view = this.data.view;
    if (!view || !view.canVote || this.data.busy) return false;
    const problem = ballots.validateSelection(this.ballot, this.data.selection);
    if (problem) {
      toast(wx, problem);
      return false;
    }
    const client = getApp().client;
    if (!view.voted) await askSubscribeConsent(wx, client, ['BALLOT_REMINDER']);
    const input = { ballotId: view.id, householdId: view.householdId, optionIds: this.data.selection, idempotencyKey: this.data.key };
    if (view.withComment && this.data.comment.trim()) input.comment = this.data.comment.trim();
    this.setData({ busy: true });
    let ok = false;
    try {
      await client.request('CastBallotVote', { input });
      ok = true;
    } catch (err) {
      const refusal = ballots.refusalText(err && err.code);
      if (refusal) toast(wx, refusal);
      else showError(wx, err);
    }
    this.setData({ busy: false });
    if (ok) {
      wx.showToast({ title: view.voted ? '已修改' : '已投票', icon: 'success' });
      await this.load();
    }
    return ok;
  },

  onResults() {
    wx.navigateTo({ url: '/pages/ballot/results?id=' + this.data.id });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition };
