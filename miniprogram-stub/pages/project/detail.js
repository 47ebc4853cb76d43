// 项目详情（对本社区居民公开）：目标、预算、状态、关联的需求、认领的资源、里程碑（完成说明和照片）、
// 监督委员会的验收；项目完成后可以去参加满意度投票（一户一票问效果）。
const { showError } = require('../../utils/common');
const { toProjectView } = require('../../utils/project');

const definition = {
  data: { id: '', project: null },

  onLoad(query) {
    this.setData({ id: (query && query.id) || '' });
    return this.load();
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh());
  },

  async load() {
    try {
      const data = await getApp().client.request('Project', { id: this.data.id });
      this.setData({ project: toProjectView(data.project) });
    } catch (err) {
      showError(wx, err);
    }
  },

  onOpenBallot() {
    if (this.data.project && this.data.project.ballotId) {
      wx.navigateTo({ url: '/pages/ballot/detail?id=' + this.data.project.ballotId });
    }
  },

  onPreviewPhoto(e) {
    const milestone = this.data.project.milestones[Number(e.currentTarget.dataset.milestone)];
    const urls = milestone.photoUrls;
    wx.previewImage({ urls, current: urls[Number(e.currentTarget.dataset.index)] });
  }
};

if (typeof Page === 'function') Page(definition);

module.exports = { definition };
