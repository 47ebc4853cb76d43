// 消息通知：未读数、列表（上拉加载更多、下拉刷新）；点开一条标记已读并跳转到相关页面，也可全部标为已读。
const { nodesOf, formatTime, showError } = require('../../utils/common');
const { createPagedList, connectionPage } = require('../../utils/paged-list');
const { watchOnPage, unwatchOnPage } = require('../../utils/subscriptions');

function toNotificationItem(n) {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, page: n.page || '', read: Boolean(n.read), at: formatTime(n.createdAt) };
}

function toInboxView(connection) {
  return {
    unreadCount: (connection && connection.unreadCount) || 0,
    items: nodesOf(connection).map(toNotificationItem)
  };
}

// 服务端给的页面路径要以 / 开头才能跳转。
function pageUrl(page) {
  if (!page) return '';
  return page.charAt(0) === '/' ? page : '/' + page;
}

// 实时收到的新通知放到最前面；已在列表中的（重复推送）只更新不重复。
function prependNotification(state, notification) {
  const item = toNotificationItem(notification);
  const rest = state.items.filter((i) => i.id !== item.id);
  const known = rest.length !== state.items.length;
  return {
    items: [item].concat(rest),
    unreadCount: state.unreadCount + (!known && !item.read ? 1 : 0)
  };
}

// 标记成功后就地改已读，不重新取第一页：已经上拉加载的后几页和滚动位置都保留。ids 为 null 表示全部。
function withRead(state, ids) {
  const items = state.items.map((i) => (!i.read && (!ids || ids.indexOf(i.id) >= 0) ? Object.assign({}, i, { read: true }) : i));
  const newlyRead = state.items.filter((i, n) => i !== items[n]).length;
  return { items, unreadCount: ids ? Math.max(0, state.unreadCount - newlyRead) : 0 };
}

// ids 为空表示全部标为已读。
async function markRead(client, ids) {
  const input = ids && ids.length ? { ids } : {};
  return (await client.request('MarkNotificationsRead', { input })).markNotificationsRead.marked;
}

// 每一页都带回最新的未读数。
const inbox = createPagedList({
  itemsKey: 'items',
  fetch: async (page, paging) => {
    const connection = (await getApp().client.request('MyNotifications', paging)).myNotifications;
    return Object.assign(connectionPage(connection, toNotificationItem), { patch: { unreadCount: toInboxView(connection).unreadCount } });
  }
});

const definition = {
  data: Object.assign({ unreadCount: 0 }, inbox.initialData()),

  onShow() {
    watchOnPage(this, getApp().subscriptions, 'NotificationReceived', {}, (data) => {
      if (data && data.notificationReceived) this.setData(prependNotification(this.data, data.notificationReceived));
    });
    return this.load();
  },

  onHide() {
    unwatchOnPage(this);
  },

  onUnload() {
    unwatchOnPage(this);
  },

  load() {
    return inbox.reload(this, wx);
  },

  onReachBottom() {
    return inbox.loadMore(this, wx);
  },

  onPullDownRefresh() {
    return inbox.refresh(this, wx);
  },

  async onOpen(e) {
    const item = this.data.items[Number(e.currentTarget.dataset.index)];
    if (!item) return;
    if (!item.read) {
      try {
        await markRead(getApp().client, [item.id]);
        this.setData(withRead(this.data, [item.id]));
      } catch (err) {
        // 标记失败不影响查看。
      }
    }
    const url = pageUrl(item.page);
    if (url) wx.navigateTo({ url });
  },

  async onMarkAll() {
    try {
      await markRead(getApp().client, []);
      this.setData(withRead(this.data, null));
    } catch (err) {
      showError(wx, err);
    }
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, inbox, toNotificationItem, toInboxView, prependNotification, withRead, pageUrl, markRead };
