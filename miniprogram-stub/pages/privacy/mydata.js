// 我的个人信息：邻里保存的关于我的全部信息（每类一节，默认收起，点标题展开），导出 Excel，
// 以及谁查看过我的信息（上拉加载更多、下拉刷新）。
const { showError } = require('../../utils/common');
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { toPersonalDataView, toggleSection, toAccessItem, exportMyData } = require('../../utils/mydata');

const accesses = createPagedList({
  itemsKey: 'accesses',
  fetch: async (page, paging) => connectionPage((await getApp().client.request('MyDataAccesses', paging)).myDataAccesses, toAccessItem)
});

function appConfig() {
  const app = getApp();
  return (app && app.config) || require('../../config');
}

const definition = {
  data: Object.assign({ generatedAt: '', sections: [], loadingData: true, exporting: false }, accesses.initialData()),

  // 只在第一次显示时加载：从打开的 Excel 返回时不收起已展开的节。
  onShow() {
    if (this.loaded) return Promise.resolve();
    this.loaded = true;
    return Promise.all([this.loadData(), accesses.reload(this, wx)]);
  },

  async loadData() {
    this.setData({ loadingData: true });
    try {
      const data = await getApp().client.request('MyPersonalData');
      this.setData(toPersonalDataView(data.myPersonalData));
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ loadingData: false });
  },

  onToggle(e) {
    this.setData({ sections: toggleSection(this.data.sections, Number(e.currentTarget.dataset.index)) });
  },

  async onExport() {
    if (this.data.exporting) return;
    this.setData({ exporting: true });
    try {
      await exportMyData({ wx, client: getApp().client, config: appConfig() });
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ exporting: false });
  },

  onReachBottom() {
    return accesses.loadMore(this, wx);
  },

  onPullDownRefresh() {
    return Promise.all([this.loadData(), accesses.refresh(this, wx)]);
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, accesses };
