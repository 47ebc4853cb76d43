// 积分兑换：本社区的奖励目录（上拉加载更多、下拉刷新），兑换后得到兑换券。
const { myCommunity, newIdempotencyKey, formatTime, showError } = require('../../utils/common');
const { createPagedList, connectionPage } = require('../../utils/paged-list');

const REWARD_KIND_LABELS = Object.freeze({ SERVICE: '换服务', GOODS: '换商品', DISCOUNT: '换折扣', MARKET_VOUCHER: '换市场' });

function toRewardItem(r) {
  return {
    id: r.id,
    title: r.title,
    description: r.description || '',
    kindText: REWARD_KIND_LABELS[r.kind] || r.kind,
    pointsPrice: r.pointsPrice,
    stock: r.stock,
    soldOut: r.stock != null && r.stock <= 0,
    supplierName: r.supplier ? r.supplier.name : '',
    validTo: formatTime(r.validTo)
  };
}

// 一页奖励：{ items, pageInfo, patch }。社区只在取第一页时查一次，记在 data.communityId 里供后面几页用。
async function loadRewards(client, communityIdSoFar, paging) {
  const communityId = paging.after ? communityIdSoFar : (await myCommunity(client)).communityId;
  if (!communityId) return { items: [], patch: { communityId } };
  const data = await client.request('Rewards', Object.assign({ communityId }, paging));
  return Object.assign(connectionPage(data.rewards, toRewardItem), { patch: { communityId } });
}

const rewards = createPagedList({
  itemsKey: 'rewards',
  fetch: (page, paging) => loadRewards(getApp().client, page.data.communityId, paging)
});

// 同一次兑换重试时带同一个幂等键；成功后换新键。
async function redeemReward(client, rewardId, idempotencyKey) {
  return (await client.request('RedeemReward', { input: { rewardId, quantity: 1, idempotencyKey } })).redeemReward;
}

const definition = {
  data: Object.assign({ communityId: null, keys: {}, busy: false }, rewards.initialData()),

  onShow() {
    return this.load();
  },

  // 兑换之后也从第一页重新取：库存变了。
  load() {
    return rewards.reload(this, wx);
  },

  onReachBottom() {
    return rewards.loadMore(this, wx);
  },

  onPullDownRefresh() {
    return rewards.refresh(this, wx);
  },

  async onRedeem(e) {
    const id = e.currentTarget.dataset.id;
    if (this.data.busy) return;
    const key = this.data.keys[id] || newIdempotencyKey();
    this.setData({ busy: true, ['keys.' + id]: key });
    try {
      const result = await redeemReward(getApp().client, id, key);
      this.setData({ ['keys.' + id]: '' });
      wx.showToast({ title: '兑换成功，余额 ' + result.balance, icon: 'none' });
      await this.load();
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ busy: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, rewards, REWARD_KIND_LABELS, toRewardItem, loadRewards, redeemReward };
