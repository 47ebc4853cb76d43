// 照片：从相册或相机选图 → 逐张上传到服务端（POST /photos）→ 得到照片 id，随下单 / 完成服务一起提交。
// 服务端只认自己保存的照片（按 id），所以本地临时路径不会被提交。
const { userMessage } = require('./graphql');

const MAX_PHOTOS = 9;
// 与服务端 linli.photos.max-size 一致；选图时用压缩图，一般只有几百 KB。
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

// 用户取消选图不算错误：返回空数组。
function chooseImages(wx, count) {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      success: (res) => resolve((res.tempFiles || []).map((f) => ({ path: f.tempFilePath, size: f.size }))),
      fail: () => resolve([])
    });
  });
}

/**
 * 选图并上传，返回 { photos, failures }：photos 是 current 加上这次传成功的 [{ path, id }]（path 用来预览），
 * failures 是没传上的中文原因。一张失败不影响其他几张。
 */
async function pickAndUpload(deps, current) {
  const photos = (current || []).slice();
  const failures = [];
  const room = MAX_PHOTOS - photos.length;
  if (room <= 0) return { photos, failures: ['最多上传9张照片'] };
  // 选图（chooseMedia）之前先取得隐私保护指引的同意；deps.privacy 来自 getApp().privacy
  if (deps.privacy && !(await deps.privacy.ensureConsent())) return { photos, failures: ['请先阅读并同意隐私保护指引'] };
  const files = await chooseImages(deps.wx, room);
  for (const file of files) {
    if (file.size > MAX_PHOTO_BYTES) {
      failures.push('图片不能超过5MB');
      continue;
    }
    try {
      const uploaded = await deps.client.uploadPhoto(file.path);
      photos.push({ path: file.path, id: uploaded.id });
    } catch (err) {
      failures.push(userMessage(err));
    }
  }
  return { photos: photos.slice(0, MAX_PHOTOS), failures };
}

function photoIdsOf(photos) {
  return (photos || []).map((p) => p.id);
}

function withoutPhoto(photos, index) {
  const rest = (photos || []).slice();
  rest.splice(index, 1);
  return rest;
}

module.exports = { MAX_PHOTOS, MAX_PHOTO_BYTES, chooseImages, pickAndUpload, photoIdsOf, withoutPhoto };
