// 小程序唯一的配置入口。服务端地址跟随小程序版本（wx.getAccountInfoSync().miniProgram.envVersion）：
// 开发版连本机，体验版、正式版各连自己的 HTTPS 服务端，上传体验版/正式版前不必再手改地址。

const ENVIRONMENTS = Object.freeze({
  // 开发版（开发者工具、真机调试）：本机的开发服务端。真机上 localhost 指手机自身，需改成电脑的局域网 IP。
  develop: Object.freeze({ apiBaseUrl: 'http://localhost:8080', sandbox: true }),
  // 体验版、正式版：占位地址，每次部署前改成该环境的 HTTPS 域名，并在小程序后台配置为 request / socket /
  // uploadFile / downloadFile 合法域名。用 .invalid 顶级域名，是为了忘记改时请求必然失败，而不是连到别人的服务器。
  trial: Object.freeze({ apiBaseUrl: 'https://trial-api.linli.invalid', sandbox: true }),
  release: Object.freeze({ apiBaseUrl: 'https://api.linli.invalid', sandbox: false })
});

const FALLBACK_ENV = 'develop';

// 取小程序版本；接口不存在（node 测试里的假 wx、过旧的基础库）、调用出错或给出未知值时按开发版处理。
function envVersionOf(wxApi) {
  try {
    const info = wxApi && typeof wxApi.getAccountInfoSync === 'function' ? wxApi.getAccountInfoSync() : null;
    const env = info && info.miniProgram && info.miniProgram.envVersion;
    return Object.prototype.hasOwnProperty.call(ENVIRONMENTS, env) ? env : FALLBACK_ENV;
  } catch (err) {
    return FALLBACK_ENV;
  }
}

// 某个 wx 下的完整配置。sandbox 为 true 时首页显示“开发沙箱环境”提示条，避免把测试数据当真。
function configFor(wxApi) {
  const envVersion = envVersionOf(wxApi);
  return Object.assign({ envVersion, graphqlPath: '/graphql' }, ENVIRONMENTS[envVersion]);
}

// 小程序里 wx 是全局对象；node 里直接 require 时没有 wx，按开发版。
module.exports = Object.assign(configFor(typeof wx === 'undefined' ? undefined : wx), { ENVIRONMENTS, envVersionOf, configFor });
