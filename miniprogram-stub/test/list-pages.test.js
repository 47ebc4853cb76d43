// Every list page: reach-bottom loads the second page (after = the first page's endCursor) and appends it,
// stops at the end, and pull-down reloads the first page, replaces the list and stops the animation.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { createWxShim, respond, loadPage, PROJECT_ROOT } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const { PAGE_SIZE } = require('../utils/paged-list');

const config = { apiBaseUrl: 'http://localhost:8080', graphqlPath: '/graphql', sandbox: true };
const ME = { me: { id: 'a1', nickname: '张三', roles: ['RESIDENT'], households: [{ id: 'h1', label: '3栋 501', community: { id: 'c1', name: '幸福社区' } }] } };
const AT = '2026-11-20T09:00:00+08:00';

const COMMUNITY = { id: 'c1', name: '幸福社区' };
const verificationRequest = (id) => ({ id, relation: 'FAMILY', status: 'PENDING', realName: '李四', applicantId: 'a2', applicantNickname: null, applicantPhone: null, proofPhotoUrl: null, rejectionReason: null, decidedAt: null, createdAt: AT, household: { id: 'h1', label: '3栋 501', community: COMMUNITY } });
const partnerApplication = (id) => ({ id, kind: 'MERCHANT', name: '申请 ' + id, description: null, categories: [], contactName: '王', contactPhone: '13900000000', licencePhotoUrls: [], communities: [{ community: COMMUNITY, status: 'PENDING', reason: null, decidedAt: null, validFrom: null, validTo: null, capacity: null }], partner: null, createdAt: AT });
const order = (id) => ({ id, status: 'DISPATCHED', urgency: 'NORMAL', dispatchMode: 'ASSIGN', category: { code: 'REPAIR', name: '维修' }, household: { id: 'h1', label: '3栋 501' }, description: '单 ' + id, createdAt: AT });

/**
 * One list page: its server operation, how the connection sits in the answer, a node per id, the page data
 * key of its items, and other operations the page needs. `check` adds what only this page must get right.
 */
const LIST_PAGES = [
  {
    page: 'pages/privacy/mydata',
    operation: 'MyDataAccesses',
    others: { MyPersonalData: { myPersonalData: { generatedAt: AT, sections: [{ key: 'account', title: '账号', columns: ['昵称'], rows: [['张三']] }] } } },
    answer: (connection) => ({ myDataAccesses: connection }),
    node: (id) => ({ id, viewerNickname: '网格员', what: 'ORDER_CONTACT_PHONE', accessedAt: AT }),
    itemsKey: 'accesses',
    check: ({ page }) => assert.deepEqual(page.data.sections.map((s) => s.title), ['账号'], 'the personal data is reloaded with the list')
  },
  {
    page: 'pages/order/list',
    operation: 'MyOrders',
    answer: (connection) => ({ myOrders: connection }),
    node: order,
    itemsKey: 'orders',
    before: (page) => page.onTab({ currentTarget: { dataset: { value: 'DISPATCHED' } } }),
    check: ({ requests }) => assert.deepEqual(requests.map((v) => v.status), ['DISPATCHED', 'DISPATCHED', 'DISPATCHED'], 'the tab stays the filter')
  },
  {
    page: 'pages/partner/inbox',
    operation: 'PartnerInbox',
    answer: (connection) => ({ partnerInbox: connection }),
    node: order,
    itemsKey: 'orders',
    check: ({ requests }) => assert.deepEqual(requests.map((v) => v.filter), ['DISPATCHED', 'DISPATCHED', 'DISPATCHED'])
  },
  {
    page: 'pages/notifications/notifications',
    operation: 'MyNotifications',
    answer: (connection, after) => ({ myNotifications: Object.assign({ unreadCount: after ? 4 : 7 }, connection) }),
    node: (id) => ({ id, kind: 'ORDER_ACCEPTED', title: '通知 ' + id, body: '', page: null, read: false, createdAt: AT }),
    itemsKey: 'items',
    check: ({ page }) => assert.equal(page.data.unreadCount, 7, 'the unread count comes with the refreshed first page')
  },
  {
    page: 'pages/timebank/index',
    operation: 'MyTimeBank',
    others: { Me: ME },
    answer: (connection, after) => ({ myTimeBank: { balance: after ? 90 : 100, pendingHolds: 0, statement: connection } }),
    node: (id) => ({ id, points: 5, kind: 'EARN', description: '流水 ' + id, at: AT }),
    itemsKey: 'statement',
    check: ({ page, shim }) => {
      assert.deepEqual(page.data.view, { balance: 100, pendingHolds: 0 });
      assert.equal(page.data.communityId, 'c1', 'donating needs the community');
      assert.equal(shim.requestsFor('Me').length, 2, 'the community is looked up with each first page, not with later pages');
    }
  },
  {
    page: 'pages/timebank/rewards',
    operation: 'Rewards',
    others: { Me: ME },
    answer: (connection) => ({ rewards: connection }),
    node: (id) => ({ id, kind: 'SERVICE', title: '奖励 ' + id, pointsPrice: 10, stock: 5, supplier: { id: 's1', name: '街角理发' }, validTo: null }),
    itemsKey: 'rewards',
    check: ({ requests, shim }) => {
      assert.deepEqual(requests.map((v) => v.communityId), ['c1', 'c1', 'c1']);
      assert.equal(shim.requestsFor('Me').length, 2);
    }
  },
  {
    page: 'pages/festival/list',
    operation: 'Campaigns',
    others: { Me: ME },
    answer: (connection) => ({ campaigns: connection }),
    node: (id) => ({ id, theme: '邻里节 ' + id, status: 'OPEN', moneyGoalFen: 1000, progress: { totalFen: 500, supporters: 1 } }),
    itemsKey: 'campaigns',
    check: ({ requests, shim }) => {
      assert.deepEqual(requests.map((v) => v.communityId), ['c1', 'c1', 'c1']);
      assert.equal(shim.requestsFor('Me').length, 2);
    }
  },
  {
    page: 'pages/services/services',
    operation: 'Offerings',
    others: { Me: ME, ServiceCategories: { serviceCategories: [{ code: 'REPAIR', name: '维修' }] } },
    answer: (connection) => ({ offerings: connection }),
    node: (id) => ({ id, title: '项目 ' + id, active: true, priceKind: 'FREE', category: { code: 'REPAIR', name: '维修' }, partner: { id: 'p1', name: '红星' } }),
    itemsKey: 'offerings',
    check: ({ page, requests, shim }) => {
      assert.deepEqual(requests.map((v) => v.communityId), ['c1', 'c1', 'c1']);
      assert.deepEqual(page.data.categories, [{ code: 'REPAIR', name: '维修' }]);
      assert.equal(shim.requestsFor('ServiceCategories').length, 2, 'categories come with each first page only');
    }
  },
  {
    page: 'pages/household/index',
    operation: 'MyVerificationRequests',
    others: {
      MyHouseholds: { me: { id: 'a1', households: [] } },
      VerificationRequestsToDecide: { verificationRequestsToDecide: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } }
    },
    answer: (connection) => ({ myVerificationRequests: connection }),
    node: (id) => verificationRequest(id),
    itemsKey: 'myRequests',
    check: ({ page, shim }) => {
      assert.equal(shim.requestsFor('MyHouseholds').length, 2, 'pull-down reloads the households too');
      assert.equal(shim.requestsFor('VerificationRequestsToDecide').length, 2, 'and the requests to decide');
      assert.equal(page.data.myRequests[0].statusText, '待审核');
    }
  },
  {
    page: 'pages/partner/application',
    operation: 'MyPartnerApplications',
    answer: (connection) => ({ myPartnerApplications: connection }),
    node: (id) => partnerApplication(id),
    itemsKey: 'applications',
    check: ({ page }) => assert.equal(page.data.applications[0].communities[0].statusText, '待审核')
  },
  {
    page: 'pages/staff/partner-application',
    operation: 'PartnerApplications',
    others: { Me: { me: Object.assign({}, ME.me, { roles: ['STAFF'], staffCommunity: { id: 'c1', name: '幸福社区' } }) } },
    answer: (connection) => ({ partnerApplications: connection }),
    node: (id) => partnerApplication(id),
    itemsKey: 'applications',
    check: ({ requests, shim }) => {
      assert.deepEqual(requests.map((v) => [v.communityId, v.status]), [['c1', 'PENDING'], ['c1', 'PENDING'], ['c1', 'PENDING']]);
      assert.equal(shim.requestsFor('Me').length, 1, 'the staff community is looked up once');
    }
  },
  {
    page: 'pages/need/list',
    operation: 'MyNeeds',
    answer: (connection) => ({ myNeeds: connection }),
    node: (id) => ({ id, description: '需求 ' + id, status: 'SUBMITTED', statusName: '待分流', kind: null, kindName: null, level: null, supporterCount: 1, placeName: null, household: { id: 'h1', label: '3栋 501' }, createdAt: AT }),
    itemsKey: 'needs',
    check: ({ page }) => assert.equal(page.data.needs[0].statusText, '待分流')
  },
  {
    page: 'pages/ballot/list',
    operation: 'Ballots',
    others: { MyHouseholds: { me: { id: 'a1', households: [{ id: 'h1', label: '3栋 501', community: COMMUNITY, members: [] }] } } },
    answer: (connection) => ({ ballots: connection }),
    node: (id) => ({ id, kind: 'NEEDS', pickMode: 'RANK', title: '投票 ' + id, status: 'OPEN', opensAt: AT, closesAt: AT, myHouseholds: [] }),
    itemsKey: 'ballots',
    check: ({ requests }) => assert.deepEqual(requests.map((v) => v.communityId), ['c1', 'c1', 'c1'], 'my community is the filter')
  },
  {
    page: 'pages/project/list',
    operation: 'Projects',
    others: { MyHouseholds: { me: { id: 'a1', households: [{ id: 'h1', label: '3栋 501', community: COMMUNITY, members: [] }] } } },
    answer: (connection) => ({ projects: connection }),
    node: (id) => ({ id, title: '项目 ' + id, goal: '目标', budgetFen: 100, status: 'IN_PROGRESS', statusName: '实施中', signOffCount: 0, satisfactionBallotId: null, completedAt: null, createdAt: AT, milestones: [{ id: 'm1', done: true }] }),
    itemsKey: 'projects',
    check: ({ page, requests }) => {
      assert.deepEqual(requests.map((v) => v.communityId), ['c1', 'c1', 'c1'], 'my community is the filter');
      assert.equal(page.data.projects[0].progressText, '已完成 1/1 个里程碑');
    }
  },
  {
    page: 'pages/project/resources',
    before: (page) => {
      page.onLoad({ communityId: 'c1' });
      return page.onShow();
    },
    operation: 'CommunityResources',
    answer: (connection) => ({ communityResources: connection }),
    node: (id) => ({ id, kind: 'MONEY', kindName: '资金', title: '资源 ' + id, description: null, quantity: 250000, unit: '分', offeredByName: '街道办事处', partnerId: null, status: 'OFFERED', statusName: '可用', projectId: null, createdAt: AT }),
    itemsKey: 'resources',
    check: ({ page, requests }) => {
      assert.deepEqual(requests.map((v) => v.communityId), ['c1', 'c1', 'c1']);
      assert.equal(page.data.resources[0].quantityText, '¥2500.00');
    }
  }
];

/** A server holding two pages: first (cursor-1, more to come) and second (the end). */
function twoPageServer(spec) {
  const server = { first: ['p1-a', 'p1-b'], second: ['p2-a'] };
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'token-1');
  for (const [operation, data] of Object.entries(spec.others || {})) shim.on(operation, respond.data(data));
  shim.on(spec.operation, (record) => {
    const after = record.data.variables.after;
    if (after && after !== 'cursor-1') return respond.error('VALIDATION_FAILED', 'unknown cursor ' + after);
    const ids = after ? server.second : server.first;
    const connection = {
      edges: ids.map((id) => ({ cursor: 'e-' + id, node: spec.node(id) })),
      pageInfo: after ? { hasNextPage: false, endCursor: 'cursor-2' } : { hasNextPage: true, endCursor: 'cursor-1' }
    };
    return respond.data(spec.answer(connection, after));
  });
  const client = createClient({ wx: shim.wx, config });
  const { page } = loadPage(spec.page + '.js', { wx: shim.wx, app: { client } });
  return { server, shim, page };
}

describe('list pages load more on reach-bottom and refresh on pull-down', () => {
  for (const spec of LIST_PAGES) {
    it(spec.page, async () => {
      const { server, shim, page } = twoPageServer(spec);
      const ids = () => page.data[spec.itemsKey].map((item) => item.id);
      const sent = () => shim.requestsFor(spec.operation).map((r) => r.data.variables);

      await page.onShow();
      if (spec.before) await spec.before(page);
      const firstRequests = sent().length;
      assert.deepEqual(ids(), ['p1-a', 'p1-b']);
      assert.equal(sent().at(-1).first, PAGE_SIZE);
      assert.equal(sent().at(-1).after, undefined, 'the first page has no cursor');
      assert.equal(page.data.paging.end, false);

      await page.onReachBottom();
      assert.deepEqual(ids(), ['p1-a', 'p1-b', 'p2-a'], 'the second page is appended');
      assert.equal(sent().at(-1).after, 'cursor-1');
      assert.equal(page.data.paging.end, true);
      await page.onReachBottom();
      assert.equal(sent().length, firstRequests + 1, 'nothing more is asked for at the end');

      server.first = ['new-a'];
      await page.onPullDownRefresh();
      assert.deepEqual(ids(), ['new-a'], 'pull-down replaces the list with the first page');
      assert.equal(sent().at(-1).after, undefined);
      assert.equal(page.data.paging.end, false);
      assert.equal(shim.calls.stopPullDownRefresh, 1);
      assert.deepEqual(shim.calls.showToast, [], 'no error along the way');

      spec.check({ page, shim, requests: sent().slice(-3) });
    });
  }

  // The server's myVouchers is a plain list (its latest 200), not a connection: one page, then the end.
  it('pages/timebank/vouchers (not paged by the server)', async () => {
    const shim = createWxShim();
    shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'token-1');
    let codes = ['AAA111', 'BBB222'];
    shim.on('MyVouchers', () => respond.data({ myVouchers: codes.map((code) => ({ id: 'v-' + code, code, status: 'ISSUED', pointsPaid: 5 })) }));
    const { page } = loadPage('pages/timebank/vouchers.js', { wx: shim.wx, app: { client: createClient({ wx: shim.wx, config }) } });

    await page.onShow();
    assert.deepEqual(page.data.vouchers.map((v) => v.code), ['AAA111', 'BBB222']);
    assert.equal(page.data.paging.end, true, 'shows 没有更多了 at once');
    await page.onReachBottom();
    assert.equal(shim.requestsFor('MyVouchers').length, 1);

    codes = ['CCC333'];
    await page.onPullDownRefresh();
    assert.deepEqual(page.data.vouchers.map((v) => v.code), ['CCC333']);
    assert.equal(shim.calls.stopPullDownRefresh, 1);
  });
});

// ---- Wiring: every list page has both handlers, pull-down enabled in its json, and the end marker in its wxml.

const PAGED_PAGES = LIST_PAGES.map((spec) => spec.page).concat(['pages/timebank/vouchers']);

describe('list page wiring', () => {
  it('every paged page enables pull-down in its json and shows 加载中… / 没有更多了 in its wxml', () => {
    for (const pagePath of PAGED_PAGES) {
      const json = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, pagePath + '.json'), 'utf8'));
      assert.equal(json.enablePullDownRefresh, true, pagePath + '.json must enable pull-down refresh');
      const wxml = fs.readFileSync(path.join(PROJECT_ROOT, pagePath + '.wxml'), 'utf8');
      assert.match(wxml, /wx:if="\{\{paging\.loadingMore\}\}" class="list-footer">加载中…</, pagePath);
      assert.match(wxml, /wx:elif="\{\{paging\.end && \w+\.length > 0\}\}" class="list-footer">没有更多了</, pagePath);
    }
  });

  it('every page that reads a connection (pageInfo) loads more and refreshes, except the order form\'s picker', () => {
    const documents = require('../api/documents');
    const app = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'app.json'), 'utf8'));
    // A <picker> cannot scroll to load more; the order form asks for one page of the category's offerings.
    const notAList = ['pages/order/place'];
    const readsConnection = app.pages.filter((pagePath) => {
      const source = fs.readFileSync(path.join(PROJECT_ROOT, pagePath + '.js'), 'utf8');
      const names = [...source.matchAll(/\brequest\(\s*'([A-Z]\w*)'/g)].map((m) => m[1]);
      return names.some((name) => /\bpageInfo\b/.test(documents[name] || ''));
    });
    assert.ok(readsConnection.includes('pages/order/list'), 'the scan finds connection readers');
    const paged = app.pages.filter((pagePath) => {
      const { definition } = loadPage(pagePath + '.js', { wx: createWxShim().wx, app: {} });
      return typeof definition.onReachBottom === 'function' && typeof definition.onPullDownRefresh === 'function';
    });
    assert.deepEqual(readsConnection.filter((p) => !notAList.includes(p)).sort(), PAGED_PAGES.filter((p) => p !== 'pages/timebank/vouchers').sort());
    assert.deepEqual(paged.sort(), PAGED_PAGES.slice().sort());
  });
});
