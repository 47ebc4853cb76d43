// 隐私保护：收集个人信息（绑定手机号 getPhoneNumber、选图 chooseMedia）之前，先让用户阅读并同意隐私保护指引。
// 两处都要同意：微信侧（wx.getPrivacySetting 说还需要授权时，用 <button open-type="agreePrivacyAuthorization">），
// 和服务端记录的当前版本（privacyPolicy.accepted / acceptPrivacyPolicy）；指引更新后服务端会再次要求同意。
const PRIVACY_PAGE = '/pages/privacy/privacy';

function createPrivacy(options) {
  const wx = options.wx;
  const client = options.client;

  // 基础库过低（没有 getPrivacySetting）或查询失败时，按“微信侧无需授权”处理，服务端的记录仍然把关。
  function weChatNeedsAuthorization() {
    return new Promise((resolve) => {
      if (typeof wx.getPrivacySetting !== 'function') {
        resolve(false);
        return;
      }
      wx.getPrivacySetting({
        success: (res) => resolve(Boolean(res && res.needAuthorization)),
        fail: () => resolve(false)
      });
    });
  }

  async function status() {
    const needsWeChat = await weChatNeedsAuthorization();
    const data = await client.request('PrivacyPolicy');
    const policy = data.privacyPolicy;
    return { policy, needsWeChat, accepted: Boolean(policy.accepted) && !needsWeChat };
  }

  async function accept(version) {
    const data = await client.request('AcceptPrivacyPolicy', { input: { version } });
    return data.acceptPrivacyPolicy;
  }

  // 已同意当前版本 → true；否则打开隐私页，用户同意后 true，不同意或直接返回 false。
  async function ensureConsent() {
    const current = await status();
    if (current.accepted) return true;
    return new Promise((resolve) => {
      wx.navigateTo({
        url: PRIVACY_PAGE,
        events: { answered: (result) => resolve(Boolean(result && result.accepted)) },
        fail: () => resolve(false)
      });
    });
  }

  return { status, accept, ensureConsent };
}

// Markdown 正文按行拆成段落，标题（## ）和列表项（- ）分开标记，wxml 里分别渲染。
function paragraphsOf(body) {
  return String(body || '').split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    if (line.startsWith('## ')) return { kind: 'heading', text: line.slice(3) };
    if (line.startsWith('- ')) return { kind: 'item', text: line.slice(2).replace(/\*\*/g, '') };
    return { kind: 'text', text: line.replace(/\*\*/g, '') };
  });
}

module.exports = { createPrivacy, paragraphsOf, PRIVACY_PAGE };
