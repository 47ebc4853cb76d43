// 核销兑换券：输入居民出示的券码。
const { showError, formatTime } = require('../../utils/common');

const VOUCHER_STATUS_LABELS = Object.freeze({ ISSUED: '未使用', USED: '已核销', CANCELLED: '已取消', EXPIRED: '已过期' });

function normaliseCode(text) {
  // 扫码得到的可能是二维码内容 linli:voucher:<code>。
  return String(text || '').trim().replace(/^linli:voucher:/, '').toUpperCase();
}

async function verifyVoucher(client, text) {
  const code = normaliseCode(text);
  if (!code) {
    const err = new Error('请输入券码');
    err.code = 'VALIDATION_FAILED';
    throw err;
  }
  return (await client.request('VerifyVoucher', { input: { code } })).verifyVoucher;
}

function toVerifiedView(v) {
  return {
    code: v.code,
    title: v.reward ? v.reward.title : '',
    statusText: VOUCHER_STATUS_LABELS[v.status] || v.status,
    usedAt: formatTime(v.usedAt)
  };
}

const definition = {
  data: { code: '', result: null, busy: false },

  onInput(e) {
    this.setData({ code: e.detail.value });
  },

  onScan() {
    wx.scanCode({ success: (res) => this.setData({ code: normaliseCode(res.result) }) });
  },

  async onVerify() {
    if (this.data.busy) return;
    this.setData({ busy: true, result: null });
    try {
      const voucher = await verifyVoucher(getApp().client, this.data.code);
      this.setData({ result: toVerifiedView(voucher), code: '' });
      wx.showToast({ title: '核销成功', icon: 'success' });
    } catch (err) {
      showError(wx, err);
    }
    this.setData({ busy: false });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition, normaliseCode, verifyVoucher, toVerifiedView, VOUCHER_STATUS_LABELS };
