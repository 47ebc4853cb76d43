// 我的房屋、房屋认证与合伙人申请（issue 12）：每个页面的主流程对着假服务端跑——发出的变量、页面显示的状态——
// 以及服务端拒绝时页面怎样说明（字段错误、VERIFICATION_ALREADY_PENDING、HEAD_MUST_HAND_OVER、LAST_PARTNER_ADMIN …）。
const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond, loadPage } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const onboarding = require('../utils/onboarding');

const config = { apiBaseUrl: 'http://localhost:8080', graphqlPath: '/graphql', sandbox: true };
const COMMUNITY = { id: 'c1', name: '幸福社区' };
const AT = '2026-11-20T09:00:00+08:00';

/** A server error carrying extensions beyond the code (field, verificationRequestId …). */
const errorWith = (message, extensions) => ({ statusCode: 200, data: { data: null, errors: [{ message, extensions }] } });

const conn = (nodes, endCursor) => ({
  edges: nodes.map((node, i) => ({ cursor: 'e' + i, node })),
  pageInfo: { hasNextPage: Boolean(endCursor), endCursor: endCursor || null }
});

const request = (id, over) => Object.assign({
  id,
  relation: 'FAMILY',
  status: 'PENDING',
  realName: '李四',
  applicantId: 'a2',
  applicantNickname: '小李',
  applicantPhone: '13800000002',
  proofPhotoUrl: 'http://localhost:8080/photos/5?signature=x',
  rejectionReason: null,
  decidedAt: null,
  createdAt: AT,
  household: { id: 'h1', label: '3栋 2单元 501', community: COMMUNITY }
}, over);

const HOUSEHOLD = {
  id: 'h1',
  label: '3栋 2单元 501',
  community: COMMUNITY,
  members: [
    { id: 'a1', nickname: '张三', phoneMasked: '138****0001', isHead: true, relation: 'HEAD' },
    { id: 'a3', nickname: '王五', phoneMasked: null, isHead: false, relation: 'TENANT' }
  ]
};

/** A page under the shim with a real client; modal confirmations answer `confirm`, navigation is recorded. */
function open(pagePath, answers, options) {
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'token-1');
  const opts = Object.assign({ confirm: true }, options);
  shim.modals = [];
  shim.redirects = [];
  shim.wx.showModal = (o) => {
    shim.modals.push(o.content);
    Promise.resolve().then(() => o.success({ confirm: opts.confirm, cancel: !opts.confirm }));
  };
  shim.wx.redirectTo = (o) => shim.redirects.push(o.url);
  shim.chosen = [];
  shim.wx.chooseMedia = (o) => Promise.resolve().then(() => o.success({ tempFiles: shim.chosen.slice(0, o.count) }));
  for (const [operation, answer] of Object.entries(answers || {})) {
    // a function of the variables, a whole response (respond.error / errorWith), or the data to answer with
    if (typeof answer === 'function') shim.on(operation, (r) => answer(r.data.variables, r));
    else shim.on(operation, answer && answer.statusCode ? answer : respond.data(answer));
  }
  const client = createClient({ wx: shim.wx, config });
  const { page } = loadPage(pagePath + '.js', { wx: shim.wx, app: { client } });
  return { page, shim };
}

const sent = (shim, operation) => shim.requestsFor(operation).map((r) => r.data.variables);
const toasts = (shim) => shim.calls.showToast.filter((t) => t.icon === 'none').map((t) => t.title);
const tap = (dataset, value) => ({ currentTarget: { dataset }, detail: value === undefined ? {} : { value } });

// ---------------------------------------------------------------------------------------------
// helpers

test('onboarding labels are Chinese; server field errors map to form fields', () => {
  assert.deepEqual(onboarding.RELATION_OPTIONS.map((o) => o.label), ['户主', '家属', '租户']);
  assert.equal(onboarding.statusLabel('REJECTED'), '已驳回');
  assert.equal(onboarding.partnerKindLabel('CRAFTSMAN'), '社区匠人');
  const err = { graphQLErrors: [{ message: '姓名太长', extensions: { code: 'VALIDATION_FAILED', field: 'input.realName' } }] };
  assert.deepEqual(onboarding.serverFieldErrors(err), { realName: '姓名太长' });
  assert.deepEqual(onboarding.serverFieldErrors({ graphQLErrors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] }), {});
  assert.equal(onboarding.validateReason('  '), '请填写驳回原因');
  assert.equal(onboarding.validateReason('x'.repeat(201)), '驳回原因不能超过200字');
  assert.equal(onboarding.validateReason('材料不清楚'), null);
});

// ---------------------------------------------------------------------------------------------
// 我的房屋

function householdServer(over) {
  const state = { households: [HOUSEHOLD], toDecide: [request('r1')], mine: [request('r9', { status: 'REJECTED', rejectionReason: '不是本户', household: { id: 'h2', label: '5栋 101', community: COMMUNITY } })] };
  const answers = Object.assign({
    MyHouseholds: () => respond.data({ me: { id: 'a1', households: state.households } }),
    VerificationRequestsToDecide: () => respond.data({ verificationRequestsToDecide: conn(state.toDecide) }),
    MyVerificationRequests: () => respond.data({ myVerificationRequests: conn(state.mine) }),
    ApproveVerificationRequest: (v) => {
      state.toDecide = [];
      return respond.data({ approveVerificationRequest: request(v.input.requestId, { status: 'APPROVED' }) });
    },
    RejectVerificationRequest: (v) => {
      state.toDecide = [];
      return respond.data({ rejectVerificationRequest: request(v.input.requestId, { status: 'REJECTED', rejectionReason: v.input.reason }) });
    },
    WithdrawVerificationRequest: (v) => respond.data({ withdrawVerificationRequest: request(v.input.requestId, { status: 'WITHDRAWN' }) }),
    RemoveHouseholdMember: () => {
      state.households = [Object.assign({}, HOUSEHOLD, { members: [HOUSEHOLD.members[0]] })];
      return respond.data({ removeHouseholdMember: state.households[0] });
    },
    HandOverHouseholdHead: () => respond.data({ handOverHouseholdHead: HOUSEHOLD }),
    LeaveHousehold: () => respond.error('HEAD_MUST_HAND_OVER', '户主须先把户主身份移交给其他成员')
  }, over);
  return Object.assign(open('pages/household/index', answers), { state });
}

test('我的房屋: households with members, requests to decide and my own requests', async () => {
  const { page, shim } = householdServer();
  await page.onShow();
  assert.deepEqual(toasts(shim), []);
  const [home] = page.data.households;
  assert.equal(home.iAmHead, true);
  assert.deepEqual(home.members.map((m) => [m.name, m.relationText, m.isMe]), [['张三', '户主', true], ['王五', '租户', false]]);
  assert.deepEqual(page.data.toDecide.map((r) => [r.id, r.applicantName, r.relationText, r.applicantPhone]), [['r1', '小李', '家属', '13800000002']]);
  assert.deepEqual(page.data.myRequests.map((r) => [r.id, r.statusText, r.rejectionReason, r.pending]), [['r9', '已驳回', '不是本户', false]]);
  assert.deepEqual(sent(shim, 'VerificationRequestsToDecide'), [{ status: 'PENDING', first: 20 }]);
  assert.deepEqual(sent(shim, 'MyVerificationRequests'), [{ first: 20 }]);
});

test('我的房屋: the head approves; rejecting needs a reason and sends it trimmed', async () => {
  const { page, shim } = householdServer();
  await page.onShow();
  await page.onReject(tap({ id: 'r1' }));
  assert.deepEqual(toasts(shim), ['请填写驳回原因']);
  assert.equal(shim.requestsFor('RejectVerificationRequest').length, 0, 'nothing is sent without a reason');

  page.onReasonInput(tap({ id: 'r1' }, '  不认识此人 '));
  await page.onReject(tap({ id: 'r1' }));
  assert.deepEqual(sent(shim, 'RejectVerificationRequest'), [{ input: { requestId: 'r1', reason: '不认识此人' } }]);
  assert.deepEqual(page.data.toDecide, [], 'the list is reloaded after the decision');
  assert.equal(shim.requestsFor('MyHouseholds').length, 2);

  const other = householdServer();
  await other.page.onShow();
  await other.page.onApprove(tap({ id: 'r1' }));
  assert.deepEqual(sent(other.shim, 'ApproveVerificationRequest'), [{ input: { requestId: 'r1' } }]);
  assert.equal(other.shim.calls.showToast.at(-1).title, '已通过');
});

test('我的房屋: remove a member and hand over the head role after confirming; nothing sent when cancelled', async () => {
  const { page, shim } = householdServer();
  await page.onShow();
  await page.onRemoveMember(tap({ household: 'h1', account: 'a3', name: '王五' }));
  assert.deepEqual(shim.modals, ['将王五移出本户？']);
  assert.deepEqual(sent(shim, 'RemoveHouseholdMember'), [{ input: { householdId: 'h1', accountId: 'a3' } }]);
  assert.deepEqual(page.data.households[0].members.map((m) => m.name), ['张三']);

  await page.onHandOver(tap({ household: 'h1', account: 'a3', name: '王五' }));
  assert.deepEqual(sent(shim, 'HandOverHouseholdHead'), [{ input: { householdId: 'h1', toAccountId: 'a3' } }]);

  const cancelled = open('pages/household/index', {}, { confirm: false });
  await cancelled.page.onLeave(tap({ household: 'h1', label: '3栋 2单元 501' }));
  assert.equal(cancelled.shim.requestsFor('LeaveHousehold').length, 0);
});

test('我的房屋: leaving as head is refused: the server\'s reason is shown under that household', async () => {
  const { page, shim } = householdServer();
  await page.onShow();
  await page.onLeave(tap({ household: 'h1', label: '3栋 2单元 501' }));
  assert.deepEqual(sent(shim, 'LeaveHousehold'), [{ input: { householdId: 'h1' } }]);
  assert.equal(page.data.householdErrors.h1, '户主须先把户主身份移交给其他成员');
  assert.deepEqual(toasts(shim), ['户主须先把户主身份移交给其他成员']);
  assert.equal(page.data.busy, false);
});

test('我的房屋: withdraw my pending request', async () => {
  const { page, shim, state } = householdServer();
  state.mine = [request('r7')];
  await page.onShow();
  assert.equal(page.data.myRequests[0].pending, true);
  state.mine = [request('r7', { status: 'WITHDRAWN' })];
  await page.onWithdraw(tap({ id: 'r7' }));
  assert.deepEqual(sent(shim, 'WithdrawVerificationRequest'), [{ input: { requestId: 'r7' } }]);
  assert.equal(page.data.myRequests[0].statusText, '已撤回');
});

test('我的房屋: the second list (to decide) loads more with its own paging, leaving mine alone', async () => {
  const { page, shim } = householdServer({
    VerificationRequestsToDecide: (v) =>
      respond.data({ verificationRequestsToDecide: v.after ? conn([request('r2')]) : conn([request('r1')], 'cur-1') })
  });
  await page.onShow();
  assert.equal(page.data.decidePaging.end, false);
  assert.equal(page.data.paging.end, true);
  await page.onMoreToDecide();
  assert.deepEqual(page.data.toDecide.map((r) => r.id), ['r1', 'r2']);
  assert.equal(sent(shim, 'VerificationRequestsToDecide').at(-1).after, 'cur-1');
  assert.equal(page.data.decidePaging.end, true);
  assert.equal(shim.requestsFor('MyVerificationRequests').length, 1, 'my requests are not fetched again');
});

// ---------------------------------------------------------------------------------------------
// 申请房屋认证

const TREE = {
  community: {
    id: 'c1',
    name: '幸福社区',
    estates: [
      {
        id: 'e1',
        name: '幸福小区',
        buildings: [
          { id: 'b1', name: '3栋', units: [{ id: 'u1', name: '2单元', households: [{ id: 'h1', room: '501', label: '3栋 2单元 501', members: null }, { id: 'h2', room: '502', label: '3栋 2单元 502', members: null }] }] }
        ]
      }
    ]
  }
};

function applyServer(over) {
  return open('pages/household/apply', Object.assign({
    SearchCommunities: (v) => respond.data({ communities: conn(v.search === '幸福' ? [{ id: 'c1', name: '幸福社区', address: '幸福路1号', retiredAt: null, street: null }] : []) }),
    CommunityTree: TREE,
    RequestHouseholdVerification: (v) => respond.data({ requestHouseholdVerification: request('r5', { relation: v.input.relation }) })
  }, over));
}

async function fillApply(page, shim) {
  page.onSearchInput(tap({}, '幸福'));
  await page.onSearch();
  await page.onPickCommunity(tap({ index: 0 }));
  page.onEstateChange(tap({}, '0'));
  page.onBuildingChange(tap({}, '0'));
  page.onUnitChange(tap({}, '0'));
  page.onRoomChange(tap({}, '1'));
  page.onRelationChange(tap({}, '2'));
  page.onInput(tap({ field: 'realName' }, ' 李四 '));
  shim.chosen = [{ tempFilePath: 'wxfile://tmp/lease.jpg', size: 1000 }];
  shim.onUpload({ statusCode: 201, data: { id: '77', url: 'http://localhost:8080/photos/77' } });
  await page.onChooseProof();
}

test('申请房屋认证: search → estate → building → unit → room, relation, name, proof photo, then submit', async () => {
  const { page, shim } = applyServer();
  await fillApply(page, shim);
  assert.deepEqual(sent(shim, 'SearchCommunities'), [{ search: '幸福', first: 20 }]);
  assert.deepEqual(sent(shim, 'CommunityTree'), [{ id: 'c1' }]);
  assert.deepEqual(page.data.rooms.map((r) => r.name), ['501', '502']);
  assert.deepEqual(page.data.form.proof, { path: 'wxfile://tmp/lease.jpg', id: '77' });

  await page.onSubmit();
  assert.deepEqual(sent(shim, 'RequestHouseholdVerification'), [{ input: { householdId: 'h2', relation: 'TENANT', realName: '李四', proofPhotoId: '77' } }]);
  assert.deepEqual(shim.redirects, ['/pages/household/request?id=r5']);
  assert.deepEqual(toasts(shim), []);
});

test('申请房屋认证: changing the unit forgets the room; an incomplete form sends nothing and marks the fields', async () => {
  const { page, shim } = applyServer();
  await fillApply(page, shim);
  page.onUnitChange(tap({}, '0'));
  assert.equal(page.data.form.householdId, '');
  page.onInput(tap({ field: 'realName' }, ''));
  await page.onSubmit();
  assert.equal(shim.requestsFor('RequestHouseholdVerification').length, 0);
  assert.equal(page.data.errors.householdId, '请选择房间');
  assert.equal(page.data.errors.realName, '请填写真实姓名');
  assert.deepEqual(toasts(shim), ['请选择房间']);
});

test('申请房屋认证: a server validation error is shown next to its field (extensions.field)', async () => {
  const { page, shim } = applyServer({
    RequestHouseholdVerification: errorWith('姓名只能包含中文、字母和·', { code: 'VALIDATION_FAILED', field: 'input.realName' })
  });
  await fillApply(page, shim);
  await page.onSubmit();
  assert.equal(page.data.errors.realName, '姓名只能包含中文、字母和·');
  assert.equal(page.data.errors.form, undefined);
  assert.equal(shim.redirects.length, 0);
  assert.equal(page.data.submitting, false);
});

test('申请房屋认证: VERIFICATION_ALREADY_PENDING links to the pending request', async () => {
  const { page, shim } = applyServer({
    RequestHouseholdVerification: errorWith('你已提交过该房屋的认证申请，请等待审核', { code: 'VERIFICATION_ALREADY_PENDING', verificationRequestId: '42' })
  });
  await fillApply(page, shim);
  await page.onSubmit();
  assert.equal(page.data.pendingRequestId, '42');
  assert.equal(page.data.errors.form, '你已提交过该房屋的认证申请，请等待审核');
  assert.equal(shim.redirects.length, 0);
});

test('申请房屋认证: an oversized proof photo is not uploaded', async () => {
  const { page, shim } = applyServer();
  shim.chosen = [{ tempFilePath: 'wxfile://tmp/huge.jpg', size: 6 * 1024 * 1024 }];
  await page.onChooseProof();
  assert.equal(shim.uploads.length, 0);
  assert.equal(page.data.errors.proofPhotoId, '图片不能超过5MB');
  assert.equal(page.data.form.proof, null);
});

// ---------------------------------------------------------------------------------------------
// One request: status and withdraw; review: decide

test('认证申请: shows the status and withdraws while pending', async () => {
  let status = 'PENDING';
  const { page, shim } = open('pages/household/request', {
    VerificationRequest: (v) => respond.data({ verificationRequest: request(v.id, { status }) }),
    WithdrawVerificationRequest: (v) => {
      status = 'WITHDRAWN';
      return respond.data({ withdrawVerificationRequest: request(v.input.requestId, { status }) });
    }
  });
  await page.onLoad({ id: 'r3' });
  assert.deepEqual(sent(shim, 'VerificationRequest'), [{ id: 'r3' }]);
  assert.deepEqual([page.data.request.statusText, page.data.request.pending], ['待审核', true]);
  await page.onWithdraw();
  assert.deepEqual(sent(shim, 'WithdrawVerificationRequest'), [{ input: { requestId: 'r3' } }]);
  assert.deepEqual([page.data.request.statusText, page.data.request.pending], ['已撤回', false]);
});

test('认证申请: a request the viewer may not see says so instead of loading forever', async () => {
  const { page } = open('pages/household/request', { VerificationRequest: respond.error('FORBIDDEN', '没有权限') });
  await page.onLoad({ id: 'r3' });
  assert.equal(page.data.error, '没有权限');
  assert.equal(page.data.request, null);
});

test('审核认证申请: shows name, phone and photo; approving a HEAD request with a head shows the refusal', async () => {
  const { page, shim } = open('pages/household/review', {
    VerificationRequest: (v) => respond.data({ verificationRequest: request(v.id, { relation: 'HEAD' }) }),
    ApproveVerificationRequest: respond.error('HOUSEHOLD_HAS_HEAD', '该户已有户主，请户主先移交户主身份')
  });
  await page.onLoad({ id: 'r1' });
  const r = page.data.request;
  assert.deepEqual([r.applicantName, r.realName, r.applicantPhone, r.relationText], ['小李', '李四', '13800000002', '户主']);
  assert.equal(r.proofPhotoUrl, 'http://localhost:8080/photos/5?signature=x');

  await page.onApprove();
  assert.deepEqual(sent(shim, 'ApproveVerificationRequest'), [{ input: { requestId: 'r1' } }]);
  assert.equal(page.data.decideError, '该户已有户主，请户主先移交户主身份');
  assert.equal(page.data.request.pending, true, 'still pending, reloaded');
  assert.equal(shim.requestsFor('VerificationRequest').length, 2);
});

test('审核认证申请: reject needs a reason; with one the request shows as rejected', async () => {
  const { page, shim } = open('pages/household/review', {
    VerificationRequest: (v) => respond.data({ verificationRequest: request(v.id) }),
    RejectVerificationRequest: (v) => respond.data({ rejectVerificationRequest: request(v.input.requestId, { status: 'REJECTED', rejectionReason: v.input.reason }) })
  });
  await page.onLoad({ id: 'r1' });
  await page.onReject();
  assert.equal(shim.requestsFor('RejectVerificationRequest').length, 0);
  page.onReasonInput(tap({}, '照片看不清 '));
  await page.onReject();
  assert.deepEqual(sent(shim, 'RejectVerificationRequest'), [{ input: { requestId: 'r1', reason: '照片看不清' } }]);
  assert.deepEqual([page.data.request.statusText, page.data.request.rejectionReason], ['已驳回', '照片看不清']);
});

// ---------------------------------------------------------------------------------------------
// 合伙人

const CATEGORIES = [{ id: '1', code: 'HOME_REPAIR', name: '家电水电维修', dispatchMode: 'ASSIGN', earnsPoints: false }, { id: '2', code: 'ELDER_CARE', name: '助老', dispatchMode: 'GRAB', earnsPoints: true }];

const application = (id, over) => Object.assign({
  id,
  kind: 'CRAFTSMAN',
  name: '王师傅水电',
  description: null,
  categories: [{ code: 'HOME_REPAIR', name: '家电水电维修' }],
  contactName: '王师傅',
  contactPhone: '13900000000',
  licencePhotoUrls: ['http://localhost:8080/photos/8?signature=y'],
  communities: [{ community: COMMUNITY, status: 'PENDING', reason: null, decidedAt: null, validFrom: null, validTo: null, capacity: null }],
  partner: null,
  createdAt: AT
}, over);

function partnerApplyServer(over) {
  return open('pages/partner/apply', Object.assign({
    ServiceCategories: { serviceCategories: CATEGORIES },
    SearchCommunities: { communities: conn([{ id: 'c1', name: '幸福社区', address: '', retiredAt: null, street: null }, { id: 'c2', name: '和谐社区', address: '', retiredAt: null, street: null }]) },
    ApplyAsPartner: (v) => respond.data({ applyAsPartner: application('pa1', { name: v.input.name }) })
  }, over));
}

async function fillPartner(page, shim) {
  await page.onLoad();
  page.onKindChange(tap({}, '3'));
  page.onInput(tap({ field: 'name' }, ' 王师傅水电 '));
  page.onToggleCategory(tap({ code: 'ELDER_CARE' }));
  page.onToggleCategory(tap({ code: 'HOME_REPAIR' }));
  page.onSearchInput(tap({}, '社区'));
  await page.onSearch();
  page.onAddCommunity(tap({ index: 1 }));
  page.onAddCommunity(tap({ index: 0 }));
  page.onAddCommunity(tap({ index: 0 }));
  page.onInput(tap({ field: 'contactName' }, '王师傅'));
  page.onInput(tap({ field: 'contactPhone' }, '13900000000'));
  page.onInput(tap({ field: 'description' }, '二十年水电经验'));
  shim.chosen = [{ tempFilePath: 'wxfile://tmp/licence.jpg', size: 2000 }];
  shim.onUpload({ statusCode: 201, data: { id: '88', url: 'http://localhost:8080/photos/88' } });
  await page.onChoosePhotos();
}

test('申请成为合伙人: kind, name, categories, communities, contact, licence photos, description → ApplyAsPartner', async () => {
  const { page, shim } = partnerApplyServer();
  await fillPartner(page, shim);
  assert.deepEqual(page.data.categories.map((c) => c.selected), [true, true]);
  assert.deepEqual(page.data.form.communities.map((c) => c.name), ['和谐社区', '幸福社区'], 'a community is added once');
  assert.equal(page.data.maxPhotos, 9);
  await page.onSubmit();
  assert.deepEqual(sent(shim, 'ApplyAsPartner'), [{
    input: {
      kind: 'CRAFTSMAN',
      name: '王师傅水电',
      categoryCodes: ['HOME_REPAIR', 'ELDER_CARE'],
      communityIds: ['c2', 'c1'],
      contactName: '王师傅',
      contactPhone: '13900000000',
      description: '二十年水电经验',
      licencePhotoIds: ['88']
    }
  }]);
  assert.deepEqual(shim.redirects, ['/pages/partner/application?id=pa1']);
});

test('申请成为合伙人: missing fields are marked and nothing is sent', async () => {
  const { page, shim } = partnerApplyServer();
  await page.onLoad();
  await page.onSubmit();
  assert.equal(shim.requestsFor('ApplyAsPartner').length, 0);
  assert.deepEqual(Object.keys(page.data.errors), ['kind', 'name', 'categoryCodes', 'communityIds', 'contactName', 'contactPhone']);
});

test('申请成为合伙人: refusals — a field error by its field, a pending application and membership as links', async () => {
  const field = partnerApplyServer({ ApplyAsPartner: errorWith('所选社区已停用', { code: 'VALIDATION_FAILED', field: 'input.communityIds' }) });
  await fillPartner(field.page, field.shim);
  await field.page.onSubmit();
  assert.equal(field.page.data.errors.communityIds, '所选社区已停用');

  const pending = partnerApplyServer({ ApplyAsPartner: respond.error('PARTNER_APPLICATION_PENDING', '你已有一份待审核的合伙人申请') });
  await fillPartner(pending.page, pending.shim);
  await pending.page.onSubmit();
  assert.equal(pending.page.data.pendingApplication, true);
  assert.equal(pending.page.data.alreadyMember, false);
  assert.equal(pending.page.data.errors.form, '你已有一份待审核的合伙人申请');

  const member = partnerApplyServer({ ApplyAsPartner: respond.error('ALREADY_PARTNER_MEMBER', '该账号已是其他合伙人的成员') });
  await fillPartner(member.page, member.shim);
  await member.page.onSubmit();
  assert.equal(member.page.data.alreadyMember, true);
  assert.deepEqual(member.shim.redirects, []);
});

test('我的合伙人申请: opened with an id, pages on until it is found; withdraw while undecided', async () => {
  let withdrawn = false;
  const { page, shim } = open('pages/partner/application', {
    MyPartnerApplications: (v) => {
      const second = application('pa2', withdrawn ? { communities: [Object.assign({}, application('x').communities[0], { status: 'WITHDRAWN' })] } : {});
      return respond.data({ myPartnerApplications: v.after ? conn([second]) : conn([application('pa1', { communities: [{ community: COMMUNITY, status: 'APPROVED', reason: null, decidedAt: AT, validFrom: '2026-12-01', validTo: '2027-11-30', capacity: 5 }], partner: { id: 'p1', name: '王师傅水电' } })], 'cur-1') });
    },
    WithdrawPartnerApplication: () => {
      withdrawn = true;
      return respond.data({ withdrawPartnerApplication: application('pa2') });
    }
  });
  page.onLoad({ id: 'pa2' });
  await page.onShow();
  assert.deepEqual(sent(shim, 'MyPartnerApplications').map((v) => v.after), [undefined, 'cur-1']);
  assert.equal(page.data.notFound, false);
  const [approved, waiting] = page.data.applications;
  assert.equal(approved.communities[0].contract, '2026-12-01 至 2027-11-30 · 同时接单 5');
  assert.equal(approved.canWithdraw, false);
  assert.equal(waiting.canWithdraw, true);

  await page.onWithdraw(tap({ id: 'pa2' }));
  assert.deepEqual(sent(shim, 'WithdrawPartnerApplication'), [{ input: { applicationId: 'pa2' } }]);
  assert.equal(page.data.applications.find((a) => a.id === 'pa2').communities[0].statusText, '已撤回');
});

test('我的合伙人申请: an id that is not the viewer\'s says so', async () => {
  const { page } = open('pages/partner/application', { MyPartnerApplications: { myPartnerApplications: conn([application('pa1')]) } });
  page.onLoad({ id: 'nope' });
  await page.onShow();
  assert.equal(page.data.notFound, true);
});

test('合伙人邀请: accept joins and goes to the partner page; ALREADY_PARTNER_MEMBER is shown; decline reloads', async () => {
  const invitation = { id: 'i1', role: 'MEMBER', status: 'PENDING', createdAt: AT, partner: { id: 'p1', name: '红星维修', kind: 'MERCHANT' } };
  let list = [invitation];
  const { page, shim } = open('pages/partner/invitations', {
    MyPartnerInvitations: () => respond.data({ myPartnerInvitations: list }),
    AcceptPartnerInvitation: respond.error('ALREADY_PARTNER_MEMBER', '该账号已是其他合伙人的成员'),
    DeclinePartnerInvitation: () => {
      list = [];
      return respond.data({ declinePartnerInvitation: { id: 'i1', role: 'MEMBER', status: 'DECLINED', partner: invitation.partner } });
    }
  });
  await page.onShow();
  assert.deepEqual(page.data.invitations.map((i) => [i.partnerName, i.partnerKind, i.roleText]), [['红星维修', '商家', '成员']]);
  await page.onAccept(tap({ id: 'i1' }));
  assert.deepEqual(sent(shim, 'AcceptPartnerInvitation'), [{ input: { invitationId: 'i1' } }]);
  assert.equal(page.data.error, '该账号已是其他合伙人的成员');
  assert.deepEqual(shim.redirects, []);

  await page.onDecline(tap({ id: 'i1' }));
  assert.deepEqual(sent(shim, 'DeclinePartnerInvitation'), [{ input: { invitationId: 'i1' } }]);
  assert.deepEqual(page.data.invitations, []);

  const ok = open('pages/partner/invitations', {
    MyPartnerInvitations: { myPartnerInvitations: [invitation] },
    AcceptPartnerInvitation: { acceptPartnerInvitation: { id: 'p1', name: '红星维修' } }
  });
  await ok.page.onShow();
  await ok.page.onAccept(tap({ id: 'i1' }));
  assert.deepEqual(ok.shim.redirects, ['/pages/partner/index']);
});

const PARTNER = {
  id: 'p1',
  name: '红星维修',
  kind: 'MERCHANT',
  description: null,
  online: true,
  capacity: 5,
  activeOrders: 2,
  categories: [{ code: 'HOME_REPAIR', name: '家电水电维修' }],
  contracts: [{ id: 'k1', validFrom: '2026-01-01', validTo: '2026-12-31', community: COMMUNITY }],
  members: [{ id: 'a1', nickname: '张三', role: 'ADMIN' }, { id: 'a4', nickname: null, role: 'MEMBER' }],
  timeBankPoints: 0,
  scorecard: { completedOrders: 0, averageQuality: null, averagePunctuality: null, averageAttitude: null, onTimeRate: null }
};

test('合伙人首页: the partner, its contracts and members; leaving as the last admin shows the refusal', async () => {
  const { page, shim } = open('pages/partner/index', {
    MyPartner: { myPartner: PARTNER },
    LeavePartner: respond.error('LAST_PARTNER_ADMIN', '你是唯一的管理员，请先邀请其他管理员或移除其他成员')
  });
  await page.onShow();
  assert.equal(page.data.partner.load, '2 / 5');
  assert.deepEqual(page.data.partner.contracts.map((c) => [c.communityName, c.period]), [['幸福社区', '2026-01-01 至 2026-12-31']]);
  assert.deepEqual(page.data.partner.members.map((m) => [m.name, m.roleText]), [['张三', '管理员'], ['未设置昵称', '成员']]);
  await page.onLeave();
  assert.deepEqual(sent(shim, 'LeavePartner'), [{ input: { partnerId: 'p1' } }]);
  assert.equal(page.data.error, '你是唯一的管理员，请先邀请其他管理员或移除其他成员');
  assert.equal(page.data.partner.name, '红星维修', 'still a partner');

  let partner = PARTNER;
  const leaving = open('pages/partner/index', {
    MyPartner: () => respond.data({ myPartner: partner }),
    LeavePartner: () => {
      partner = null;
      return respond.data({ leavePartner: PARTNER });
    }
  });
  await leaving.page.onShow();
  await leaving.page.onLeave();
  assert.equal(leaving.page.data.partner, null, 'shows the not-a-partner links after leaving');
});

// ---------------------------------------------------------------------------------------------
// Staff

function staffServer(over) {
  return open('pages/staff/partner-application', Object.assign({
    Me: { me: { id: 's1', nickname: '社工', avatarUrl: null, phoneMasked: null, roles: ['STAFF'], staffCommunity: COMMUNITY, households: [] } },
    PartnerApplications: (v) => respond.data({ partnerApplications: conn(v.after ? [application('pa2')] : [application('pa1')], v.after ? null : 'cur-1') }),
    ApprovePartnerApplication: (v) => respond.data({ approvePartnerApplication: application(v.input.applicationId) })
  }, over));
}

test('staff: approve needs a contract period and capacity, then sends them for the staff\'s community', async () => {
  const { page, shim } = staffServer();
  page.onLoad({});
  await page.onShow();
  assert.deepEqual(sent(shim, 'PartnerApplications'), [{ communityId: 'c1', status: 'PENDING', first: 20 }]);
  assert.equal(page.data.applications[0].pending, true);

  await page.onApprove(tap({ id: 'pa1' }));
  assert.equal(page.data.errors.pa1, '请选择合同开始日期');
  page.onInput(tap({ id: 'pa1', field: 'validFrom' }, '2026-12-01'));
  page.onInput(tap({ id: 'pa1', field: 'validTo' }, '2027-11-30'));
  page.onInput(tap({ id: 'pa1', field: 'capacity' }, '0'));
  await page.onApprove(tap({ id: 'pa1' }));
  assert.equal(page.data.errors.pa1, '请填写同时接单上限（1–1000）');
  assert.equal(shim.requestsFor('ApprovePartnerApplication').length, 0);

  page.onInput(tap({ id: 'pa1', field: 'capacity' }, '5'));
  await page.onApprove(tap({ id: 'pa1' }));
  assert.deepEqual(sent(shim, 'ApprovePartnerApplication'), [{ input: { applicationId: 'pa1', communityId: 'c1', validFrom: '2026-12-01', validTo: '2027-11-30', capacity: 5 } }]);
  assert.equal(shim.calls.showToast.at(-1).title, '已通过');
});

test('staff: reject with a reason; the server\'s field error is shown on the card', async () => {
  const { page, shim } = staffServer({
    RejectPartnerApplication: errorWith('驳回原因太长', { code: 'VALIDATION_FAILED', field: 'input.reason' })
  });
  page.onLoad({});
  await page.onShow();
  await page.onReject(tap({ id: 'pa1' }));
  assert.equal(page.data.errors.pa1, '请填写驳回原因');
  page.onInput(tap({ id: 'pa1', field: 'reason' }, '资质不全'));
  await page.onReject(tap({ id: 'pa1' }));
  assert.deepEqual(sent(shim, 'RejectPartnerApplication'), [{ input: { applicationId: 'pa1', communityId: 'c1', reason: '资质不全' } }]);
  assert.equal(page.data.errors.pa1, '驳回原因太长');
});

test('staff: opened from a notice, looks in every status and pages on to the application', async () => {
  const { page, shim } = staffServer();
  page.onLoad({ id: 'pa2' });
  await page.onShow();
  assert.deepEqual(sent(shim, 'PartnerApplications').map((v) => [v.status, v.after]), [[null, undefined], [null, 'cur-1']]);
  assert.equal(page.data.notFound, false);

  const notStaff = open('pages/staff/partner-application', { Me: { me: { id: 'a1', roles: ['RESIDENT'], staffCommunity: null, households: [] } } });
  notStaff.page.onLoad({});
  await notStaff.page.onShow();
  assert.equal(notStaff.page.data.notStaff, true);
  assert.equal(notStaff.shim.requestsFor('PartnerApplications').length, 0);
});
