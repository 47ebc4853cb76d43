// 照片上传：wx.uploadFile 到 POST /photos（令牌、续期一次、错误码），选图上传的页面逻辑。
const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond, loadPage } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const photos = require('../utils/photos');

const config = { apiBaseUrl: 'http://api.test/', graphqlPath: '/graphql', sandbox: true };

function setup() {
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'access-1');
  shim.wx.setStorageSync(STORAGE_KEYS.refreshToken, 'refresh-1');
  const client = createClient({ wx: shim.wx, config });
  return { shim, client };
}

const created = (id) => ({ statusCode: 201, data: { id, url: 'http://api.test/photos/' + id + '?expires=1&signature=s' } });
const failed = (statusCode, code, message) => ({ statusCode, data: { errors: [{ message, extensions: { code } }] } });

test('uploadPhoto sends the local file as multipart field "file" with the token and resolves to id and url', async () => {
  const { shim, client } = setup();
  shim.onUpload(created('41'));

  const uploaded = await client.uploadPhoto('wxfile://tmp/leak.jpg');

  assert.deepEqual(uploaded, { id: '41', url: 'http://api.test/photos/41?expires=1&signature=s' });
  assert.equal(shim.uploads.length, 1);
  assert.deepEqual(shim.uploads[0], {
    url: 'http://api.test/photos',
    filePath: 'wxfile://tmp/leak.jpg',
    name: 'file',
    header: { Authorization: 'Bearer access-1' }
  });
});

test('an expired token is refreshed once and the upload retried with the new token', async () => {
  const { shim, client } = setup();
  shim.onUpload((req) => (req.header.Authorization === 'Bearer access-2'
    ? created('42') : failed(401, 'UNAUTHENTICATED', '登录已失效，请重新登录')));
  shim.on('RefreshSession', respond.data({ refreshSession: { accessToken: 'access-2', refreshToken: 'refresh-2' } }));

  assert.equal((await client.uploadPhoto('wxfile://tmp/a.jpg')).id, '42');
  assert.deepEqual(shim.uploads.map((u) => u.header.Authorization), ['Bearer access-1', 'Bearer access-2']);
  assert.equal(shim.requestsFor('RefreshSession').length, 1);
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.accessToken), 'access-2');
});

test('a second refusal after refreshing ends the session instead of looping', async () => {
  const { shim, client } = setup();
  shim.onUpload(failed(401, 'UNAUTHENTICATED', '登录已失效，请重新登录'));
  shim.on('RefreshSession', respond.data({ refreshSession: { accessToken: 'access-2', refreshToken: 'refresh-2' } }));

  await assert.rejects(client.uploadPhoto('wxfile://tmp/a.jpg'), { code: 'UNAUTHENTICATED' });
  assert.equal(shim.uploads.length, 2);
  assert.equal(shim.wx.getStorageSync(STORAGE_KEYS.accessToken), '');
});

test('server refusals keep their code and Chinese message; transport failures are NETWORK', async () => {
  const { shim, client } = setup();
  const cases = [
    [failed(413, 'PAYLOAD_TOO_LARGE', '图片不能超过 5 MB'), 'PAYLOAD_TOO_LARGE', '图片不能超过 5 MB'],
    [failed(400, 'VALIDATION_FAILED', '仅支持 JPG、PNG、WebP 格式的图片'), 'VALIDATION_FAILED', '仅支持 JPG、PNG、WebP 格式的图片'],
    [failed(429, 'TOO_MANY_PHOTOS', '上传的图片太多，请先使用已上传的图片，或稍后再试'), 'TOO_MANY_PHOTOS', '上传的图片太多，请先使用已上传的图片，或稍后再试'],
    // a proxy's HTML error page: no contract, so no server text reaches the user
    [{ statusCode: 413, data: '<html>Request Entity Too Large</html>' }, 'PAYLOAD_TOO_LARGE', '图片太大了'],
    [{ statusCode: 502, data: '<html>Bad Gateway</html>' }, 'INTERNAL', '系统繁忙，请稍后再试'],
    [{ fail: 'timeout' }, 'NETWORK', '网络异常，请检查网络']
  ];
  for (const [answer, code, message] of cases) {
    shim.onUpload(answer);
    await assert.rejects(client.uploadPhoto('wxfile://tmp/a.jpg'), (err) => err.code === code && err.message === message);
  }
});

test('without a session nothing is sent', async () => {
  const shim = createWxShim();
  const client = createClient({ wx: shim.wx, config });
  await assert.rejects(client.uploadPhoto('wxfile://tmp/a.jpg'), { code: 'UNAUTHENTICATED' });
  assert.equal(shim.uploads.length, 0);
});

function withChooser(shim, files) {
  const calls = [];
  shim.wx.chooseMedia = (options) => {
    calls.push(options);
    Promise.resolve().then(() => (files ? options.success({ tempFiles: files }) : options.fail({ errMsg: 'chooseMedia:fail cancel' })));
  };
  return calls;
}

test('pickAndUpload asks for compressed images up to the room left, uploads each, and reports the ones that failed', async () => {
  const { shim, client } = setup();
  const current = [{ path: 'wxfile://tmp/old.jpg', id: '1' }];
  const calls = withChooser(shim, [
    { tempFilePath: 'wxfile://tmp/a.jpg', size: 200 * 1024 },
    { tempFilePath: 'wxfile://tmp/huge.jpg', size: photos.MAX_PHOTO_BYTES + 1 },
    { tempFilePath: 'wxfile://tmp/b.gif', size: 1024 },
    { tempFilePath: 'wxfile://tmp/c.jpg', size: 300 * 1024 }
  ]);
  let next = 50;
  shim.onUpload((req) => (req.filePath.endsWith('.gif')
    ? failed(400, 'VALIDATION_FAILED', '仅支持 JPG、PNG、WebP 格式的图片') : created(String(next++))));

  const result = await photos.pickAndUpload({ wx: shim.wx, client }, current);

  assert.equal(calls[0].count, 8);
  assert.deepEqual(calls[0].sizeType, ['compressed']);
  assert.deepEqual(calls[0].mediaType, ['image']);
  assert.deepEqual(result.photos, [
    { path: 'wxfile://tmp/old.jpg', id: '1' },
    { path: 'wxfile://tmp/a.jpg', id: '50' },
    { path: 'wxfile://tmp/c.jpg', id: '51' }
  ]);
  assert.deepEqual(result.failures, ['图片不能超过5MB', '仅支持 JPG、PNG、WebP 格式的图片']);
  assert.equal(shim.uploads.length, 3, 'the oversized file is never sent');
  assert.deepEqual(current, [{ path: 'wxfile://tmp/old.jpg', id: '1' }], 'the caller\'s list is not changed');
  assert.deepEqual(photos.photoIdsOf(result.photos), ['1', '50', '51']);
  assert.deepEqual(photos.withoutPhoto(result.photos, 1).map((p) => p.id), ['1', '51']);
});

test('pickAndUpload: a cancelled picker changes nothing, and a full set does not open it', async () => {
  const { shim, client } = setup();
  const calls = withChooser(shim, null);
  const current = [{ path: 'p', id: '1' }];
  assert.deepEqual(await photos.pickAndUpload({ wx: shim.wx, client }, current), { photos: current, failures: [] });
  const nine = Array.from({ length: 9 }, (_, i) => ({ path: 'p' + i, id: String(i) }));
  const full = await photos.pickAndUpload({ wx: shim.wx, client }, nine);
  assert.equal(full.photos.length, 9);
  assert.deepEqual(full.failures, ['最多上传9张照片']);
  assert.equal(calls.length, 1);
  assert.equal(shim.uploads.length, 0);
});

test('place order page: chosen photos are uploaded at once, shown from their local path, and submit waits for uploads', async () => {
  const { shim, client } = setup();
  withChooser(shim, [{ tempFilePath: 'wxfile://tmp/leak.jpg', size: 1000 }]);
  shim.onUpload(created('77'));
  const toasts = [];
  shim.wx.showToast = (options) => toasts.push(options.title);
  const { page } = loadPage('pages/order/place.js', { wx: shim.wx, app: { client } });
  page.setData({ form: Object.assign({}, page.data.form, { photos: [] }) });

  await page.onChoosePhotos();
  assert.deepEqual(page.data.form.photos, [{ path: 'wxfile://tmp/leak.jpg', id: '77' }]);
  assert.equal(page.data.uploading, false);

  page.setData({ uploading: true });
  await page.onSubmit();
  assert.deepEqual(toasts, ['照片正在上传，请稍候']);
  assert.equal(shim.requestsFor('PlaceOrder').length, 0);

  page.setData({ uploading: false });
  page.onRemovePhoto({ currentTarget: { dataset: { index: '0' } } });
  assert.deepEqual(page.data.form.photos, []);
});

test('partner inbox: completion photos are uploaded per order and sent as photoIds', async () => {
  const { shim, client } = setup();
  withChooser(shim, [{ tempFilePath: 'wxfile://tmp/done.jpg', size: 1000 }]);
  shim.onUpload(created('88'));
  const { page, exports } = loadPage('pages/partner/inbox.js', { wx: shim.wx, app: { client } });

  await page.onChoosePhotos({ currentTarget: { dataset: { id: 'o9' } } });
  const photosOfOrder = page.data.forms.o9.photos;
  assert.deepEqual(photosOfOrder, [{ path: 'wxfile://tmp/done.jpg', id: '88' }]);
  assert.deepEqual(exports.buildCompleteInput('o9', { minutesSpent: '60', photos: photosOfOrder }).input.photoIds, ['88']);
});
