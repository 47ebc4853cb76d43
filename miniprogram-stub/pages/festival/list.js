// 邻里节众筹列表。
const { myCommunity, nodesOf, formatFen, showError } = require('../../utils/common');

const CAMPAIGN_STATUS_LABELS = Object.freeze({ DRAFT: '筹备中', OPEN: '众筹中', FUNDED: '已达成', FAILED: '未达成', CLOSED: '已结束' });

function percent(raised, goal) {
  if (!goal) return 0;
  return Math.min(100, Math.floor((raised * 100) / goal));
}

function toCampaignItem(c) {
  const p = c.progress || {};
  const total = p.totalFen != null ? p.totalFen : p.moneyRaisedFen || 0;
  const goal = p.moneyGoalFen != null ? p.moneyGoalFen : c.moneyGoalFen;
  return {
    id: c.id,
    theme: c.theme,
    festivalDate: c.festivalDate,
    mainVenue: c.mainVenue,
    coverImageUrl: c.coverImageUrl || '',
    statusText: CAMPAIGN_STATUS_LABELS[c.status] || c.status,
    raisedText: formatFen(total),
    goalText: formatFen(goal),
    percent: percent(total, goal),
    supporters: p.supporters || 0
  };
}

async function loadCampaigns(client) {
  const { communityId } = await myCommunity(client);
  if (!communityId) return [];
  return nodesOf((await client.request('Campaigns', { communityId, first: 20 })).campaigns).map(toCampaignItem);
}

const definition = {
  data: { campaigns: [], loading: true },

  onShow() {
    return this.load();
  },

  async load() {
    try {
      this.setData({ campaigns: await loadCampaigns(getApp().client), loading: false });
    } catch (err) {
      this.setData({ loading: false });
      showError(wx, err);
    }
  },

  onOpen(e) {
    wx.navigateTo({ url: '/pages/festival/detail?id=' + e.currentTarget.dataset.id });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, CAMPAIGN_STATUS_LABELS, toCampaignItem, percent, loadCampaigns };
