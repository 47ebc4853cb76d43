// 消息通知：未读数、列表；点开一条标记已读并跳转到相关页面，也可全部标为已读。
const { nodesOf, formatTime, showError } = require('../../utils/common');
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

// ids 为空表示全部标为已读。
async function markRead(client, ids) {
  const input = ids && ids.length ? { ids } : {};
  return (await client.request('MarkNotificationsRead', { input })).markNotificationsRead.marked;
}

const definition = {
  data: { unreadCount: 0, items: [], loading: true },

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

  async load() {
    try {
      const data = await getApp().client.request('MyNotifications', { first: 50 });
      this.setData(Object.assign({ loading: false }, toInboxView(data.myNotifications)));
    } catch (err) {
      this.setData({ loading: false });
      showError(wx, err);
    }
  },

  async onOpen(e) {
    const item = this.data.items[Number(e.currentTarget.dataset.index)];
    if (!item) return;
    if (!item.read) {
      try {
        await markRead(getApp().client, [item.id]);
      } catch (err) {
        // 标记失败不影响查看。
      }
    }
    const url = pageUrl(item.page);
    if (url) wx.navigateTo({ url });
    else await this.load();
  },

  async onMarkAll() {
    try {
      await markRead(getApp().client, []);
      await this.load();
    } catch (err) {
      showError(wx, err);
    }
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, toNotificationItem, toInboxView, prependNotification, pageUrl, markRead };
