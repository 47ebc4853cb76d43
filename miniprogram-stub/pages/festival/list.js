// 邻里节众筹列表：上拉加载更多、下拉刷新。
const { myCommunity, formatFen } = require('../../utils/common');
const { createPagedList, connectionPage } = require('../../utils/paged-list');

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

// 一页众筹：{ items, pageInfo, patch }。社区只在取第一页时查一次，记在 data.communityId 里供后面几页用。
async function loadCampaigns(client, communityIdSoFar, paging) {
  const communityId = paging.after ? communityIdSoFar : (await myCommunity(client)).communityId;
  if (!communityId) return { items: [], patch: { communityId } };
  const data = await client.request('Campaigns', Object.assign({ communityId }, paging));
  return Object.assign(connectionPage(data.campaigns, toCampaignItem), { patch: { communityId } });
}

const campaigns = createPagedList({
  itemsKey: 'campaigns',
  fetch: (page, paging) => loadCampaigns(getApp().client, page.data.communityId, paging)
});

const definition = {
  data: Object.assign({ communityId: null }, campaigns.initialData()),

  onShow() {
    return this.load();
  },

  load() {
    return campaigns.reload(this, wx);
  },

  onReachBottom() {
    return campaigns.loadMore(this, wx);
  },

  onPullDownRefresh() {
    return campaigns.refresh(this, wx);
  },

  onOpen(e) {
    wx.navigateTo({ url: '/pages/festival/detail?id=' + e.currentTarget.dataset.id });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, campaigns, CAMPAIGN_STATUS_LABELS, toCampaignItem, percent, loadCampaigns };
