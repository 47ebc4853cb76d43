// 服务目录：服务类别与本社区的服务项目（上拉加载更多、下拉刷新），点选后去下单。
const { myCommunity, formatFen } = require('../../utils/common');
const { createPagedList, connectionPage } = require('../../utils/paged-list');

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

function toOfferingItem(o) {
  return {
    id: o.id,
    title: o.title,
    categoryCode: o.category ? o.category.code : '',
    categoryName: o.category ? o.category.name : '',
    partnerName: o.partner ? o.partner.name : '',
    priceText: priceText(o),
    minutes: o.estimatedMinutes,
    active: o.active !== false
  };
}

// 一页服务项目：{ items, pageInfo, patch }。第一页连同服务类别和所在社区一起取，社区记在 data.communityId 里供后面几页用。
async function loadCatalogue(client, communityIdSoFar, paging) {
  if (paging.after) return offeringsPage(client, communityIdSoFar, paging);
  const { communityId } = await myCommunity(client);
  const categories = (await client.request('ServiceCategories')).serviceCategories || [];
  const page = communityId ? await offeringsPage(client, communityId, paging) : { items: [] };
  return Object.assign(page, { patch: { categories, communityId, noCommunity: !communityId } });
}

// 已下架的项目不显示（所以一页可能少于 first 条）。
async function offeringsPage(client, communityId, paging) {
  const data = await client.request('Offerings', Object.assign({ communityId }, paging));
  const page = connectionPage(data.offerings, toOfferingItem);
  page.items = page.items.filter((item) => item.active);
  return page;
}

const offerings = createPagedList({
  itemsKey: 'offerings',
  fetch: (page, paging) => loadCatalogue(getApp().client, page.data.communityId, paging)
});

const definition = {
  data: Object.assign({ categories: [], communityId: null, noCommunity: false }, offerings.initialData()),

  onShow() {
    return this.load();
  },

  load() {
    return offerings.reload(this, wx);
  },

  onReachBottom() {
    return offerings.loadMore(this, wx);
  },

  onPullDownRefresh() {
    return offerings.refresh(this, wx);
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

module.exports = { definition, offerings, toOfferingItem, priceText, placeOrderUrl, loadCatalogue };
