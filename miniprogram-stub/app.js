// 应用入口：用全局 wx 创建唯一的 GraphQL 客户端、订阅客户端和登录服务，页面通过 getApp() 取用。
const config = require('./config');
const { createClient } = require('./utils/graphql');
const { createAuth } = require('./utils/auth');
const { createSubscriptions } = require('./utils/subscriptions');
const { createPrivacy } = require('./utils/privacy');

const client = createClient({ wx, config });
const auth = createAuth({ wx, client });
// 隐私保护指引的同意：绑定手机号、选图之前先问（utils/privacy.js）。
const privacy = createPrivacy({ wx, client });
// 实时订阅与 HTTP 客户端共用同一个令牌存储。
// 连接因会话结束或令牌过期被 4401 关闭时，用同一个续期重连。
const subscriptions = createSubscriptions({ wx, config, tokens: client.tokens, renewSession: client.renewSession });

App({
  client,
  auth,
  privacy,
  subscriptions,
  config
});
