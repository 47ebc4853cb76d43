// 项目清单（issue 14）：项目与资源怎样显示（纯逻辑），项目列表按我的社区取、项目详情显示里程碑照片并能去满意度投票
// ——对着假服务端跑。
const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond, loadPage } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const projects = require('../utils/project');

const config = { apiBaseUrl: 'http://localhost:8080', graphqlPath: '/graphql', sandbox: true };
const AT = '2026-12-02T09:00:00Z';

const PROJECT = {
  id: 'p1', title: '加装电梯', goal: '为 1 栋加装电梯', budgetFen: 50000000, status: 'COMPLETED', statusName: '已完成',
  signOffCount: 1, satisfactionBallotId: 'b7', startedAt: AT, submittedAt: AT, completedAt: AT, cancelledAt: null,
  createdAt: AT, updatedAt: AT, community: { id: 'c1', name: '锦城社区' },
  needs: [{ id: 'n1', description: '老人上下楼困难', kindName: '要事', status: 'RESOLVED', statusName: '已解决', placeName: null, supporterCount: 3 }],
  resources: [{ id: 'r1', kind: 'MONEY', kindName: '资金', title: '加装电梯补贴', description: null, quantity: 2000000, unit: '分', offeredByName: '街道办事处', partnerId: null, status: 'USED', statusName: '已用于项目', projectId: 'p1', createdAt: AT }],
  milestones: [
    { id: 'm1', position: 1, title: '方案设计', dueOn: '2026-12-20', done: true, doneAt: AT, note: '方案已公示', photoUrls: ['https://x/1.jpg', 'https://x/2.jpg'] },
    { id: 'm2', position: 2, title: '施工安装', dueOn: '2027-01-20', done: false, doneAt: null, note: null, photoUrls: [] }
  ],
  signOffs: [{ accountId: 'a9', nickname: '李大爷', note: '质量不错', createdAt: AT }]
};

function open(pagePath, answers) {
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'token-1');
  for (const [operation, answer] of Object.entries(answers || {})) {
    shim.on(operation, typeof answer === 'function' ? (r) => answer(r.data.variables) : respond.data(answer));
  }
  const client = createClient({ wx: shim.wx, config });
  const { page } = loadPage(pagePath + '.js', { wx: shim.wx, app: { client } });
  return { page, shim };
}

test('progress, quantities and the project view', () => {
  assert.equal(projects.progressText([]), '尚未安排里程碑');
  assert.equal(projects.progressText(PROJECT.milestones), '已完成 1/2 个里程碑');
  assert.equal(projects.quantityText({ kind: 'MONEY', quantity: 2000000, unit: '分' }), '¥20000.00');
  assert.equal(projects.quantityText({ kind: 'VENUE', quantity: 1, unit: '间' }), '1 间');
  assert.equal(projects.statusLabel('AWAITING_SIGN_OFF'), '待监督委员会验收');
  const view = projects.toProjectView(PROJECT);
  assert.equal(view.budgetText, '¥500000.00');
  assert.equal(view.ballotId, 'b7');
  assert.deepEqual(view.milestones.map((m) => [m.title, m.done, m.photoUrls.length]), [['1. 方案设计', true, 2], ['2. 施工安装', false, 0]]);
  assert.equal(view.needs[0].text, '要事 · 已解决 · 3 户支持');
  assert.equal(view.resources[0].quantityText, '¥20000.00');
  assert.deepEqual(view.signOffs.map((s) => [s.who, s.note]), [['李大爷', '质量不错']]);
  const awaiting = projects.toProjectView(Object.assign({}, PROJECT, { status: 'AWAITING_SIGN_OFF', satisfactionBallotId: null }));
  assert.equal(awaiting.signOffText, '已有 1 位监督委员会成员验收');
  assert.equal(awaiting.ballotId, null);
});

test('detail: loads the project, previews a milestone photo, opens the satisfaction ballot', async () => {
  const { page, shim } = open('pages/project/detail', { Project: (variables) => respond.data({ project: Object.assign({}, PROJECT, { id: variables.id }) }) });
  await page.onLoad({ id: 'p1' });
  assert.deepEqual(shim.requestsFor('Project').map((r) => r.data.variables), [{ id: 'p1' }]);
  assert.equal(page.data.project.statusText, '已完成');
  const previews = [];
  shim.wx.previewImage = (options) => previews.push(options);
  page.onPreviewPhoto({ currentTarget: { dataset: { milestone: 0, index: 1 } } });
  assert.deepEqual(previews, [{ urls: ['https://x/1.jpg', 'https://x/2.jpg'], current: 'https://x/2.jpg' }]);
  page.onOpenBallot();
  assert.deepEqual(shim.calls.navigateTo.map((n) => n.url), ['/pages/ballot/detail?id=b7']);
});

test('detail: another community\'s project is refused and said so', async () => {
  const { page, shim } = open('pages/project/detail', { Project: () => respond.error('FORBIDDEN', '无权查看') });
  await page.onLoad({ id: 'p1' });
  assert.equal(page.data.project, null);
  assert.equal(shim.calls.showToast.length, 1);
});

test('list: my community\'s projects, and its resources one tap away', async () => {
  const HOUSEHOLDS = { me: { id: 'a1', households: [{ id: 'h1', label: '3栋 501', community: { id: 'c1', name: '锦城社区' }, members: [] }] } };
  const { page, shim } = open('pages/project/list', {
    MyHouseholds: HOUSEHOLDS,
    Projects: { projects: { edges: [{ cursor: 'x', node: PROJECT }], pageInfo: { hasNextPage: false, endCursor: 'x' } } }
  });
  await page.onShow();
  assert.deepEqual(page.data.projects.map((p) => [p.title, p.statusText, p.progressText, p.hasBallot]),
    [['加装电梯', '已完成', '已完成 1/2 个里程碑', true]]);
  page.onOpenResources();
  assert.deepEqual(shim.calls.navigateTo.map((n) => n.url), ['/pages/project/resources?communityId=c1']);
});
