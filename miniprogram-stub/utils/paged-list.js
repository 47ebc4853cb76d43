// 连接（Connection）分页列表的共用逻辑：首屏 / 换筛选后重载、上拉加载更多、下拉刷新。
// 页面只说明“怎样取一页”；游标、防重复加载、到底、出错保留已加载内容都在这里，所以每个列表页表现一致。
//
// 页面 data 里除了列表本身，还有 paging = { loading, loadingMore, end }（一页上有两个列表时，第二个用
// options.pagingKey 另起一个名字，如 decidePaging）：
//   loading      正在取第一页（此时不显示“暂无…”）
//   loadingMore  正在取下一页（列表底部显示“加载中…”）
//   end          已到最后一页（列表不空时底部显示“没有更多了”）
const { nodesOf, showError } = require('./common');

// 服务端每页 1–100 条，默认 20；20 条卡片足以超过一屏，才能触发 onReachBottom。
const PAGE_SIZE = 20;

const idle = (end) => ({ loading: false, loadingMore: false, end });

// 连接 -> fetch 要返回的一页：{ items, pageInfo }。
function connectionPage(connection, toItem) {
  return { items: nodesOf(connection).map(toItem), pageInfo: connection ? connection.pageInfo : null };
}

// 追加下一页；跳过已在列表里的 id（实时推送插到前面的条目、翻页期间新增造成的重复），保证 wx:key 唯一。
function appendNew(existing, more) {
  const seen = new Set((existing || []).map((item) => item.id));
  return (existing || []).concat(more.filter((item) => item.id == null || !seen.has(item.id)));
}

/**
 * options.itemsKey  页面 data 里放列表的字段，如 'orders'
 * options.fetch(page, { first, after })  取一页，返回（或 resolve 为）{ items, pageInfo, patch }：
 *   items     已转换成页面要显示的条目
 *   pageInfo  连接的 { hasNextPage, endCursor }；服务端不分页的列表不给，视为只有这一页
 *   patch     随这一页一起写入 data 的其他字段（如未读数、余额），可省略
 * 每个方法的 wxApi 是页面里的 wx（工具模块里没有全局 wx）。
 */
function createPagedList(options) {
  const itemsKey = options.itemsKey;
  const pagingKey = options.pagingKey || 'paging';
  const pageSize = options.pageSize || PAGE_SIZE;
  // 游标、在途请求只和这个页面实例有关，不放进 data（不需要渲染）。
  const slot = '_paged_' + itemsKey;

  function stateOf(page) {
    if (!page[slot]) page[slot] = { generation: 0, running: null, cursor: null, end: false };
    return page[slot];
  }

  // 取一页写入页面。每次开始都换一代：较早开始、较晚返回的结果（如切换标签前的请求）直接丢弃。
  // 返回的 promise 不会 reject，错误已提示。
  function run(page, wxApi, firstPage) {
    const state = stateOf(page);
    const generation = ++state.generation;
    const after = firstPage ? undefined : state.cursor;
    page.setData({ [pagingKey]: { loading: firstPage, loadingMore: !firstPage, end: firstPage ? false : state.end } });
    const current = () => state.generation === generation;

    // 在 Promise 构造里调用：请求立即发出，fetch 同步抛错也走下面的出错分支。
    const promise = new Promise((resolve) => resolve(options.fetch(page, { first: pageSize, after })))
      .then(
        (result) => {
          if (!current()) return;
          const items = (result && result.items) || [];
          const pageInfo = (result && result.pageInfo) || {};
          state.cursor = pageInfo.endCursor || null;
          // 没有游标就无法接着取，也按到底处理，免得反复取第一页。
          state.end = !(pageInfo.hasNextPage && state.cursor);
          page.setData(Object.assign({}, result && result.patch, {
            [itemsKey]: firstPage ? items : appendNew(page.data[itemsKey], items),
            [pagingKey]: idle(state.end)
          }));
        },
        (err) => {
          if (!current()) return;
          // 游标不动、已加载的条目不动：再次上拉或下拉就是重试。
          page.setData({ [pagingKey]: idle(state.end) });
          showError(wxApi, err);
        }
      )
      .then(() => {
        if (current()) state.running = null;
      });
    state.running = { firstPage, promise };
    return promise;
  }

  return {
    itemsKey,
    pagingKey,

    /** 页面 data 的初始值：空列表，正在取第一页。 */
    initialData() {
      return { [itemsKey]: [], [pagingKey]: { loading: true, loadingMore: false, end: false } };
    },

    /** 重取第一页并替换列表：首次显示、换了筛选条件、或操作后数据已变时用；在途的旧请求作废。 */
    reload(page, wxApi) {
      return run(page, wxApi, true);
    },

    /** onReachBottom：取下一页追加。已有请求在途、已到底或还没有第一页时什么也不做，同一页不会同时取两次。 */
    loadMore(page, wxApi) {
      const state = stateOf(page);
      if (state.running || state.end || !state.cursor) return Promise.resolve();
      return run(page, wxApi, false);
    },

    /** onPullDownRefresh：重取第一页替换列表（第一页已在取时等它，不再发一次），结束后收起下拉动画。 */
    refresh(page, wxApi) {
      const state = stateOf(page);
      const pending = state.running && state.running.firstPage ? state.running.promise : run(page, wxApi, true);
      return pending.then(() => wxApi.stopPullDownRefresh());
    }
  };
}

module.exports = { createPagedList, connectionPage, appendNew, PAGE_SIZE };
