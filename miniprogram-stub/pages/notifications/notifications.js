// 消息通知：未读数、列表；点开一条标记已读并跳转到相关页面，也可全部标为已读。
const { nodesOf, formatTime, showError } = require('../../utils/common');

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

// ids 为空表示全部标为已读。
async function markRead(client, ids) {
  const input = ids && ids.length ? { ids } : {};
  return (await client.request('MarkNotificationsRead', { input })).markNotificationsRead.marked;
}

const definition = {
  data: { unreadCount: 0, items: [], loading: true },

  onShow() {
    return this.load();
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

module.exports = { definition, toNotificationItem, toInboxView, pageUrl, markRead };
