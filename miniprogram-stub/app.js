// 应用入口：用全局 wx 创建唯一的 GraphQL 客户端和登录服务，页面通过 getApp() 取用。
const config = require('./config');
const { createClient } = require('./utils/graphql');
const { createAuth } = require('./utils/auth');

const client = createClient({ wx, config });
const auth = createAuth({ wx, client });

App({
  client,
  auth,
  config
});
