// 小程序唯一的配置入口：换环境只改这里。
module.exports = {
  // 后端地址。真机预览时 localhost 指向手机自身，需要改成电脑的局域网 IP。
  apiBaseUrl: 'http://localhost:8080',
  graphqlPath: '/graphql',
  // 连接的是开发/沙箱环境时为 true，首页会显示提示条，避免把测试数据当真。
  sandbox: true
};
