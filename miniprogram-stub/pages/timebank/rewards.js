// 积分兑换：本社区的奖励目录，兑换后得到兑换券。
const { myCommunity, nodesOf, newIdempotencyKey, formatTime, showError } = require('../../utils/common');

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

async function loadRewards(client) {
  const { communityId } = await myCommunity(client);
  if (!communityId) return [];
  return nodesOf((await client.request('Rewards', { communityId, first: 50 })).rewards).map(toRewardItem);
}

// 同一次兑换重试时带同一个幂等键；成功后换新键。
async function redeemReward(client, rewardId, idempotencyKey) {
  return (await client.request('RedeemReward', { input: { rewardId, quantity: 1, idempotencyKey } })).redeemReward;
}

const definition = {
  data: { rewards: [], keys: {}, busy: false, loading: true },

  onShow() {
    return this.load();
  },

  async load() {
    try {
      this.setData({ rewards: await loadRewards(getApp().client), loading: false });
    } catch (err) {
      this.setData({ loading: false });
      showError(wx, err);
    }
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

module.exports = { definition, REWARD_KIND_LABELS, toRewardItem, loadRewards, redeemReward };
