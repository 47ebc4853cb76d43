// 邻里节详情：筹款进度、物资、志愿岗位、四方贡献、支持者墙；出钱、出物、出力。
const {
  formatFen,
  yuanToFen,
  newIdempotencyKey,
  positiveInt,
  CONTRIBUTOR_KIND_LABELS,
  contributorKindLabel,
  formatTime,
  wxCall,
  askSubscribeConsent,
  showError,
  toast
} = require('../../utils/common');
const { watchOnPage, unwatchOnPage } = require('../../utils/subscriptions');

const KIND_OPTIONS = Object.keys(CONTRIBUTOR_KIND_LABELS).map((value) => ({ value, label: CONTRIBUTOR_KIND_LABELS[value] }));
const MAX_PLEDGE_FEN = 5000000;

function percent(raised, goal) {
  return goal ? Math.min(100, Math.floor((raised * 100) / goal)) : 0;
}

function toCampaignView(c) {
  const p = c.progress || {};
  const total = p.totalFen || 0;
  const goal = p.moneyGoalFen != null ? p.moneyGoalFen : c.moneyGoalFen;
  return {
    id: c.id,
    theme: c.theme,
    festivalDate: c.festivalDate,
    mainVenue: c.mainVenue,
    branchVenues: (c.branchVenues || []).join('、'),
    description: c.description || '',
    coverImageUrl: c.coverImageUrl || '',
    communityName: c.community ? c.community.name : '',
    deadline: formatTime(c.deadline),
    open: c.status === 'OPEN',
    allOrNothing: c.fundingRule === 'ALL_OR_NOTHING',
    matchingSponsor: c.matchingSponsor || '',
    matchingCapText: c.matchingCapFen ? formatFen(c.matchingCapFen) : '',
    raisedText: formatFen(p.moneyRaisedFen),
    matchedText: formatFen(p.matchedFen),
    totalText: formatFen(total),
    goalText: formatFen(goal),
    goalFen: goal,
    percent: percent(total, goal),
    supporters: p.supporters || 0,
    items: (p.items || []).map((i) => Object.assign({}, i, { short: Math.max(0, i.quantityNeeded - i.quantityPledged) })),
    volunteers: (p.volunteers || []).map((v) => Object.assign({}, v, { full: v.signedUp >= v.count })),
    byKind: (p.byContributorKind || []).map((k) => ({
      kind: k.contributorKind,
      label: contributorKindLabel(k.contributorKind),
      moneyText: formatFen(k.moneyFen),
      pledges: k.pledges
    })),
    wall: (p.supportersWall || []).map((s, index) => ({
      key: index,
      name: s.name || '匿名邻居',
      kindLabel: contributorKindLabel(s.contributorKind),
      what: s.amountFen ? formatFen(s.amountFen) : s.what || '',
      message: s.message || '',
      at: formatTime(s.at)
    }))
  };
}

// 实时推送的筹款进度（CampaignProgressUpdates）合并进已显示的详情。
function applyProgress(view, progress) {
  if (!view || !progress) return view;
  const total = progress.totalFen || 0;
  const goal = progress.moneyGoalFen != null ? progress.moneyGoalFen : null;
  const patch = {
    raisedText: formatFen(progress.moneyRaisedFen),
    matchedText: formatFen(progress.matchedFen),
    totalText: formatFen(total),
    supporters: progress.supporters || 0
  };
  if (goal != null) patch.goalText = formatFen(goal);
  // 目标未随推送给出时沿用原目标（以分计）重新算百分比。
  const goalFen = goal != null ? goal : view.goalFen;
  if (goal != null) patch.goalFen = goal;
  patch.percent = percent(total, goalFen);
  return Object.assign({}, view, patch);
}

// 返回 {input} 或 {error}。金额以元输入，提交分。
function buildPledgeMoneyInput(campaignId, form) {
  const amountFen = yuanToFen(form.amountYuan);
  if (!amountFen) return { error: '请输入正确的金额' };
  if (amountFen > MAX_PLEDGE_FEN) return { error: '单笔不能超过5万元' };
  const input = {
    campaignId,
    amountFen,
    contributorKind: form.contributorKind || 'RESIDENT',
    anonymous: Boolean(form.anonymous),
    idempotencyKey: form.idempotencyKey
  };
  const message = String(form.message || '').trim();
  if (message) input.message = message;
  return { input };
}

// 出钱前请求订阅“支付成功 / 退款”通知（未达目标全额退款时要能通知到）。
const PLEDGE_SUBSCRIBE_KINDS = ['PLEDGE_PAID', 'REFUND_MADE'];

/** 先请求订阅授权并上报，再 PledgeMoney 下单，最后用返回的支付参数拉起微信支付。 */
async function pledgeMoney(deps, campaignId, form) {
  const built = buildPledgeMoneyInput(campaignId, form);
  if (built.error) {
    const err = new Error(built.error);
    err.code = 'VALIDATION_FAILED';
    throw err;
  }
  await askSubscribeConsent(deps.wx, deps.client, PLEDGE_SUBSCRIBE_KINDS);
  const result = (await deps.client.request('PledgeMoney', { input: built.input })).pledgeMoney;
  const payment = result.payment;
  if (payment) {
    try {
      await wxCall(deps.wx, 'requestPayment', {
        timeStamp: payment.timeStamp,
        nonceStr: payment.nonceStr,
        package: payment.packageValue,
        signType: payment.signType,
        paySign: payment.paySign
      });
    } catch (res) {
      const cancelled = res && /cancel/.test(res.errMsg || '');
      const err = new Error(cancelled ? '已取消支付' : '支付未完成');
      err.code = cancelled ? 'PAYMENT_CANCELLED' : 'PAYMENT_FAILED';
      throw err;
    }
  }
  return result.pledge;
}

function buildPledgeItemsInput(campaignId, needId, form) {
  const quantity = positiveInt(form.quantity);
  if (!quantity) return { error: '请填写认捐数量' };
  const input = {
    campaignId,
    needId,
    quantity,
    contributorKind: form.contributorKind || 'RESIDENT',
    anonymous: Boolean(form.anonymous),
    idempotencyKey: form.idempotencyKey
  };
  const message = String(form.message || '').trim();
  if (message) input.message = message;
  return { input };
}

const newMoneyForm = () => ({ amountYuan: '', contributorKind: 'RESIDENT', anonymous: false, message: '', idempotencyKey: newIdempotencyKey() });
const newItemForm = () => ({ quantity: '', contributorKind: 'RESIDENT', anonymous: false, idempotencyKey: newIdempotencyKey() });

const definition = {
  data: { id: '', view: null, kindOptions: KIND_OPTIONS, kindIndex: 0, money: newMoneyForm(), itemForms: {}, busy: false },

  onLoad(query) {
    this.setData({ id: (query && query.id) || '' });
    return this.load();
  },

  onShow() {
    if (!this.data.id) return;
    watchOnPage(this, getApp().subscriptions, 'CampaignProgressUpdates', { campaignId: this.data.id }, (data) => {
      if (data && data.campaignProgress) this.setData({ view: applyProgress(this.data.view, data.campaignProgress) });
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
      const data = await getApp().client.request('Campaign', { id: this.data.id });
      this.setData({ view: data.campaign ? toCampaignView(data.campaign) : null });
    } catch (err) {
      showError(wx, err);
    }
  },

  onInput(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
  },

  onKindChange(e) {
    const i = Number(e.detail.value);
    this.setData({ kindIndex: i, 'money.contributorKind': KIND_OPTIONS[i].value });
  },

  onAnonymousChange(e) {
    this.setData({ 'money.anonymous': Boolean(e.detail.value) });
  },

  async busyRun(work, successText) {
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      await work();
      wx.showToast({ title: successText, icon: 'success' });
      await this.load();
    } catch (err) {
      if (err && /^PAYMENT_/.test(err.code)) toast(wx, err.message);
      else showError(wx, err);
    }
    this.setData({ busy: false });
  },

  onPledgeMoney() {
    const built = buildPledgeMoneyInput(this.data.id, this.data.money);
    if (built.error) return toast(wx, built.error);
    return this.busyRun(async () => {
      await pledgeMoney({ wx, client: getApp().client }, this.data.id, this.data.money);
      this.setData({ money: newMoneyForm(), kindIndex: 0 });
    }, '感谢支持');
  },

  onPledgeItems(e) {
    const needId = e.currentTarget.dataset.id;
    const form = Object.assign(newItemForm(), this.data.itemForms[needId]);
    const built = buildPledgeItemsInput(this.data.id, needId, form);
    if (built.error) return toast(wx, built.error);
    // 记住幂等键：失败重试不会重复认捐。
    this.setData({ ['itemForms.' + needId + '.idempotencyKey']: form.idempotencyKey });
    return this.busyRun(async () => {
      await getApp().client.request('PledgeItems', { input: built.input });
      this.setData({ ['itemForms.' + needId]: newItemForm() });
    }, '认捐成功');
  },

  onSignUp(e) {
    const roleId = e.currentTarget.dataset.id;
    return this.busyRun(
      () => getApp().client.request('SignUpVolunteer', { input: { campaignId: this.data.id, roleId } }),
      '报名成功'
    );
  },

  onLedger() {
    wx.navigateTo({ url: '/pages/festival/ledger?id=' + this.data.id });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = {
  definition,
  formatFen,
  toCampaignView,
  applyProgress,
  buildPledgeMoneyInput,
  buildPledgeItemsInput,
  pledgeMoney,
  PLEDGE_SUBSCRIBE_KINDS,
  KIND_OPTIONS
};
