// 需求清单（issue 14）：提交需求（含照片、幂等键）、我的需求列表分页、需求详情的进度与附议——对着假服务端跑。
const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond, loadPage } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const documents = require('../api/documents');
const { toNeedView } = require('../utils/need');

const config = { apiBaseUrl: 'http://localhost:8080', graphqlPath: '/graphql', sandbox: true };
const AT = '2026-12-02T09:00:00+08:00';
const HOUSEHOLD = { id: 'h1', label: '锦江苑 1栋1单元101', community: { id: 'c1', name: '锦城社区' } };
const ME = { me: { id: 'a1', nickname: '张阿姨', roles: ['RESIDENT'], households: [HOUSEHOLD] } };

const need = (id, over) => Object.assign({
  id,
  description: '楼道灯坏了 ' + id,
  placeName: null,
  photoUrls: [],
  status: 'TRIAGED',
  statusName: '处理中',
  kind: 'PRACTICAL',
  kindName: '实事',
  level: 'URGENT',
  levelName: '紧急',
  dueAt: '2026-12-04T09:00:00Z',
  overdue: false,
  escalated: false,
  escalatedAt: null,
  collectedByStaff: false,
  supporterCount: 2,
  mergedIntoId: null,
  orderId: null,
  createdAt: AT,
  updatedAt: AT,
  household: { id: 'h1', label: HOUSEHOLD.label },
  community: HOUSEHOLD.community,
  meeting: null,
  timeline: [
    { action: 'SUBMIT', actionName: '提交需求', actorKind: 'RESIDENT', actorName: '张阿姨', fromStatus: null, toStatus: 'SUBMITTED', note: null, createdAt: AT },
    { action: 'TRIAGE', actionName: '分流', actorKind: 'STAFF', actorName: null, fromStatus: 'SUBMITTED', toStatus: 'TRIAGED', note: '实事 · 紧急', createdAt: AT }
  ]
}, over);

function setup(pagePath, answers) {
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'token-1');
  shim.redirects = [];
  shim.wx.redirectTo = (o) => shim.redirects.push(o.url);
  shim.chosen = [];
  shim.wx.chooseMedia = (o) => Promise.resolve().then(() => o.success({ tempFiles: shim.chosen.slice(0, o.count) }));
  for (const [operation, answer] of Object.entries(answers || {})) {
    // a function of the variables (answering data or a whole response), a whole response, or the data to answer with
    if (typeof answer === 'function') {
      shim.on(operation, (r) => {
        const result = answer(r.data.variables, r);
        return result && result.statusCode ? result : respond.data(result);
      });
    }
    else shim.on(operation, answer && answer.statusCode ? answer : respond.data(answer));
  }
  const client = createClient({ wx: shim.wx, config });
  const { page, exports } = loadPage(pagePath + '.js', { wx: shim.wx, app: { client } });
  return { page, shim, exports };
}

const sent = (shim, operation) => shim.requestsFor(operation).map((r) => r.data.variables);
const toasts = (shim) => shim.calls.showToast.filter((t) => t.icon === 'none').map((t) => t.title);

test('every need operation the pages send is a trusted api/ document', () => {
  for (const operation of ['SubmitNeed', 'MyNeeds', 'Need', 'SupportNeed', 'TriageNeed', 'MergeNeeds', 'OrderFromNeed',
    'RecordCollectedNeed', 'CommunityNeeds', 'StreetEscalatedNeeds', 'CreateNeedMeeting', 'NeedMeetings',
    'AddNeedToAgenda', 'RecordAgendaResolution', 'ResolveNeed', 'NeedTriageRules', 'SetNeedTriageRule', 'OrderNeed']) {
    assert.ok(documents[operation] || (documents.documents && documents.documents[operation]), operation);
  }
});

test('submit: a need with a photo goes out with the household, trimmed text and one idempotency key, then opens its detail', async () => {
  const { page, shim } = setup('pages/need/submit', {
    Me: ME,
    SubmitNeed: (v) => ({ submitNeed: need('n9', { description: v.input.description, status: 'SUBMITTED' }) })
  });
  shim.onUpload({ statusCode: 201, data: { id: 'p7', url: 'http://localhost:8080/photos/7?signature=s' } });
  await page.onLoad();
  assert.equal(page.data.form.householdId, 'h1');
  page.onInput({ currentTarget: { dataset: { field: 'description' } }, detail: { value: '  楼道灯坏了  ' } });
  shim.chosen = [{ tempFilePath: 'wxfile://tmp/lamp.jpg', size: 1000 }];
  await page.onChoosePhotos();
  await page.onSubmit();

  const [variables] = sent(shim, 'SubmitNeed');
  assert.equal(variables.input.householdId, 'h1');
  assert.equal(variables.input.description, '楼道灯坏了');
  assert.deepEqual(variables.input.photoIds, ['p7']);
  assert.ok(variables.input.idempotencyKey.length >= 8);
  assert.deepEqual(shim.redirects, ['/pages/need/detail?id=n9']);
});

test('submit: an empty description is refused on the page; a server refusal keeps the form and its key for a retry', async () => {
  const { page, shim } = setup('pages/need/submit', {
    Me: ME,
    SubmitNeed: respond.error('FORBIDDEN', '没有权限')
  });
  await page.onLoad();
  await page.onSubmit();
  assert.equal(sent(shim, 'SubmitNeed').length, 0);
  assert.equal(page.data.errors.description, '请填写需求描述');

  page.onInput({ currentTarget: { dataset: { field: 'description' } }, detail: { value: '想加装电梯' } });
  const key = page.data.form.idempotencyKey;
  await page.onSubmit();
  await page.onSubmit();
  assert.deepEqual(sent(shim, 'SubmitNeed').map((v) => v.input.idempotencyKey), [key, key], 'a retry sends the same key');
  assert.equal(toasts(shim).at(-1), '没有权限');
  assert.equal(page.data.form.description, '想加装电梯');
});

test('submit: without a verified household the page asks for 房屋认证 first', async () => {
  const { page, shim } = setup('pages/need/submit', { Me: { me: Object.assign({}, ME.me, { households: [] }) } });
  await page.onLoad();
  page.onInput({ currentTarget: { dataset: { field: 'description' } }, detail: { value: '路灯' } });
  await page.onSubmit();
  assert.equal(sent(shim, 'SubmitNeed').length, 0);
  assert.match(page.data.errors.householdId, /房屋认证/);
});

test('my needs: pages through MyNeeds and shows status, kind and supporters', async () => {
  const { page, shim } = setup('pages/need/list', {
    MyNeeds: (v) => ({
      myNeeds: v.after
        ? { edges: [{ cursor: 'c3', node: need('n3', { status: 'RESOLVED', statusName: '已解决' }) }], pageInfo: { hasNextPage: false, endCursor: 'c3' } }
        : { edges: [{ cursor: 'c1', node: need('n1') }, { cursor: 'c2', node: need('n2', { kind: null, kindName: null, status: 'SUBMITTED', statusName: '待分流' }) }], pageInfo: { hasNextPage: true, endCursor: 'c2' } }
    })
  });
  await page.onShow();
  assert.deepEqual(page.data.needs.map((n) => [n.id, n.statusText, n.kindText]),
    [['n1', '处理中', '实事'], ['n2', '待分流', '']]);
  assert.equal(page.data.needs[0].supporterCount, 2);
  assert.equal(page.data.needs[0].urgent, true);
  await page.onReachBottom();
  assert.deepEqual(page.data.needs.map((n) => n.id), ['n1', 'n2', 'n3']);
  assert.equal(sent(shim, 'MyNeeds').at(-1).after, 'c2');
  page.onOpen({ currentTarget: { dataset: { id: 'n3' } } });
  assert.deepEqual(shim.calls.navigateTo.map((n) => n.url), ['/pages/need/detail?id=n3']);
});

test('detail: shows every step with who and the note, and supports (+1) once per household', async () => {
  let supporters = 2;
  const { page, shim } = setup('pages/need/detail', {
    Need: () => ({ need: need('n1', { supporterCount: supporters }) }),
    SupportNeed: (v) => {
      supporters = 3;
      return { supportNeed: { needId: v.input.needId, supporterCount: 3, added: true } };
    }
  });
  await page.onLoad({ id: 'n1' });
  assert.deepEqual(page.data.need.timeline.map((t) => [t.text, t.status, t.who, t.note]),
    [['提交需求', '待分流', '张阿姨', ''], ['分流', '处理中', '社区', '实事 · 紧急']]);
  assert.equal(page.data.need.open, true);
  await page.onSupport();
  assert.deepEqual(sent(shim, 'SupportNeed'), [{ input: { needId: 'n1' } }]);
  assert.equal(page.data.need.supporterCount, 3);
  assert.equal(toasts(shim).at(-1), '已附议');
});

test('detail view: an ordered need links its order; a resolved one is closed; an escalated one says so', () => {
  const ordered = toNeedView(need('n1', { status: 'ORDERED', statusName: '已转服务工单', orderId: 'o5' }));
  assert.equal(ordered.orderId, 'o5');
  assert.equal(toNeedView(need('n2', { status: 'RESOLVED', statusName: '已解决' })).open, false);
  const escalated = toNeedView(need('n3', { status: 'ESCALATED', statusName: null, meeting: { id: 'm1', title: '联席会议', meetsOn: '2026-12-10' } }));
  assert.equal(escalated.statusText, '已上报街道');
  assert.equal(escalated.meeting, '联席会议（2026-12-10）');
});
