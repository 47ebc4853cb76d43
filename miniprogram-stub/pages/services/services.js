// 服务目录：服务类别与本社区的服务项目，点选后去下单。
const { myCommunity, nodesOf, formatFen, showError } = require('../../utils/common');

// 价格文案：积分 / 元 / 免费。
function priceText(offering) {
  if (offering.priceKind === 'POINTS') return offering.pricePoints + ' 积分';
  if (offering.priceKind === 'CASH') return formatFen(offering.priceFen);
  return '免费';
}

function placeOrderUrl(choice) {
  const params = [];
  if (choice.categoryCode) params.push('categoryCode=' + encodeURIComponent(choice.categoryCode));
  if (choice.offeringId) params.push('offeringId=' + encodeURIComponent(choice.offeringId));
  return '/pages/order/place' + (params.length ? '?' + params.join('&') : '');
}

async function loadCatalogue(client) {
  const { communityId } = await myCommunity(client);
  const categories = (await client.request('ServiceCategories')).serviceCategories || [];
  let offerings = [];
  if (communityId) {
    const data = await client.request('Offerings', { communityId, first: 50 });
    offerings = nodesOf(data.offerings)
      .filter((o) => o.active !== false)
      .map((o) => ({
        id: o.id,
        title: o.title,
        categoryCode: o.category ? o.category.code : '',
        categoryName: o.category ? o.category.name : '',
        partnerName: o.partner ? o.partner.name : '',
        priceText: priceText(o),
        minutes: o.estimatedMinutes
      }));
  }
  return { communityId, categories, offerings };
}

const definition = {
  data: { categories: [], offerings: [], noCommunity: false, loading: true },

  onShow() {
    return this.load();
  },

  async load() {
    try {
      const c = await loadCatalogue(getApp().client);
      this.setData({ categories: c.categories, offerings: c.offerings, noCommunity: !c.communityId, loading: false });
    } catch (err) {
      this.setData({ loading: false });
      showError(wx, err);
    }
  },

  onPickCategory(e) {
    wx.navigateTo({ url: placeOrderUrl({ categoryCode: e.currentTarget.dataset.code }) });
  },

  onPickOffering(e) {
    const d = e.currentTarget.dataset;
    wx.navigateTo({ url: placeOrderUrl({ offeringId: d.id, categoryCode: d.code }) });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, priceText, placeOrderUrl, loadCatalogue };
