// 一户三票（issue 14）：投票方式的选择规则（单选、同意与否、最多选 N 项、排序）、提交前检查、结果显示，
// 以及三个页面对着假服务端的主流程：发出的变量、本户投票状态、服务端拒绝时的说明、实时结果。
const test = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, respond, loadPage } = require('./wx-shim');
const { createClient, STORAGE_KEYS } = require('../utils/graphql');
const ballots = require('../utils/ballot');

const config = { apiBaseUrl: 'http://localhost:8080', graphqlPath: '/graphql', sandbox: true };
const OPTIONS = [
  { id: 'o1', position: 1, label: '修路灯', subjectId: null },
  { id: 'o2', position: 2, label: '加装电梯', subjectId: null },
  { id: 'o3', position: 3, label: '增设车棚', subjectId: null }
];

const RESULTS = {
  ballotId: 'b1', status: 'OPEN', eligibleHouseholds: 10, votedHouseholds: 4, turnoutPercent: 40, turnoutMet: false,
  majorityMet: true, passed: false, leading: { option: { id: 'o2', label: '加装电梯' }, votes: 3, points: 3 },
  options: [
    { option: { id: 'o2', position: 2, label: '加装电梯' }, votes: 3, points: 3, sharePercent: 75 },
    { option: { id: 'o1', position: 1, label: '修路灯' }, votes: 1, points: 1, sharePercent: 25 },
    { option: { id: 'o3', position: 3, label: '增设车棚' }, votes: 0, points: 0, sharePercent: 0 }
  ],
  estates: [{ estateId: 'e1', estateName: '翠竹苑', eligibleHouseholds: 6, votedHouseholds: 3, turnoutPercent: 50 }]
};

const ballot = (over) => Object.assign({
  id: 'b1', communityId: 'c1', kind: 'NEEDS', pickMode: 'PICK_UP_TO_N', maxPicks: 2, title: '今年先办哪件事',
  description: '每户一票', subjectKind: null, subjectId: null, status: 'OPEN', opensAt: '2026-12-01T08:00:00Z',
  closesAt: '2026-12-08T08:00:00Z', remindHoursBefore: 24, minTurnoutPercent: 50, majorityPercent: 50,
  openedAt: '2026-12-01T08:00:00Z', closedAt: null, createdAt: '2026-11-30T08:00:00Z', options: OPTIONS,
  myHouseholds: [{ householdId: 'h1', householdLabel: '翠竹苑 1栋1单元101', canVote: true, voted: false, vote: null }],
  results: RESULTS
}, over);

function open(pagePath, answers) {
  const shim = createWxShim();
  shim.wx.setStorageSync(STORAGE_KEYS.accessToken, 'token-1');
  for (const [operation, answer] of Object.entries(answers || {})) {
    if (typeof answer === 'function') shim.on(operation, (r) => answer(r.data.variables, r));
    else shim.on(operation, answer && answer.statusCode ? answer : respond.data(answer));
  }
  const client = createClient({ wx: shim.wx, config });
  const listeners = [];
  const subscriptions = {
    subscribe(operation, variables, sink) {
      listeners.push({ operation, variables, sink });
      return () => {};
    }
  };
  const { page } = loadPage(pagePath + '.js', { wx: shim.wx, app: { client, subscriptions } });
  return { page, shim, listeners };
}

const sent = (shim, operation) => shim.requestsFor(operation).map((r) => r.data.variables);
const toasts = (shim) => shim.calls.showToast.filter((t) => t.icon === 'none').map((t) => t.title);
const tap = (dataset, value) => ({ currentTarget: { dataset }, detail: value === undefined ? {} : { value } });

// ---------------------------------------------------------------------------------------------
// the plain rules

test('single and approve: a tap replaces the choice, a second tap clears it', () => {
  const single = { pickMode: 'SINGLE', maxPicks: 1, options: OPTIONS };
  assert.deepEqual(ballots.toggle(single, [], 'o1').selection, ['o1']);
  assert.deepEqual(ballots.toggle(single, ['o1'], 'o2').selection, ['o2']);
  assert.deepEqual(ballots.toggle(single, ['o2'], 'o2').selection, []);
  const approve = { pickMode: 'APPROVE', maxPicks: 1, options: OPTIONS };
  assert.deepEqual(ballots.toggle(approve, ['o1'], 'o2').selection, ['o2']);
  assert.equal(ballots.modeHint(approve), '同意或不同意');
});

test('pick up to N: adds and removes, refuses the N+1th with a message', () => {
  const pick = { pickMode: 'PICK_UP_TO_N', maxPicks: 2, options: OPTIONS };
  let state = ballots.toggle(pick, [], 'o1');
  state = ballots.toggle(pick, state.selection, 'o3');
  assert.deepEqual(state.selection, ['o1', 'o3']);
  const refused = ballots.toggle(pick, state.selection, 'o2');
  assert.deepEqual(refused.selection, ['o1', 'o3']);
  assert.equal(refused.message, '最多选 2 项');
  assert.deepEqual(ballots.toggle(pick, state.selection, 'o1').selection, ['o3']);
  assert.equal(ballots.modeHint(pick), '最多选 2 项');
});

test('rank: taps append in order of preference, move up swaps, views show the rank', () => {
  const rank = { pickMode: 'RANK', maxPicks: 3, options: OPTIONS };
  let selection = ballots.toggle(rank, [], 'o3').selection;
  selection = ballots.toggle(rank, selection, 'o1').selection;
  assert.deepEqual(selection, ['o3', 'o1']);
  assert.deepEqual(ballots.moveUp(selection, 'o1'), ['o1', 'o3']);
  assert.deepEqual(ballots.moveUp(selection, 'o3'), ['o3', 'o1']);
  assert.deepEqual(ballots.optionViews(rank, selection).map((o) => [o.id, o.selected, o.rank]),
    [['o1', true, 2], ['o2', false, null], ['o3', true, 1]]);
});

test('validation mirrors the server: none, duplicates, unknown, too many', () => {
  const pick = { pickMode: 'PICK_UP_TO_N', maxPicks: 2, options: OPTIONS };
  assert.equal(ballots.validateSelection(pick, []), '请选择选项');
  assert.equal(ballots.validateSelection(pick, ['o1', 'o1']), '不能重复选择同一选项');
  assert.equal(ballots.validateSelection(pick, ['o9']), '所选选项不属于本次投票');
  assert.equal(ballots.validateSelection(pick, ['o1', 'o2', 'o3']), '本次投票最多选 2 项');
  assert.equal(ballots.validateSelection({ pickMode: 'SINGLE', maxPicks: 1, options: OPTIONS }, ['o1', 'o2']), '本次投票只能选一项');
  assert.equal(ballots.validateSelection(pick, ['o2', 'o1']), null);
});

test('household status lines and results views', () => {
  assert.equal(ballots.householdStatusText(null), '你还没有认证本社区的房屋，不能投票');
  assert.equal(ballots.householdStatusText({ canVote: true, voted: false }), '本户还没有投票');
  assert.equal(ballots.householdStatusText({ canVote: true, voted: true }), '本户已投票，截止前可以修改，以最后一次为准');
  assert.equal(ballots.householdStatusText({ canVote: false, voted: false }), '你在投票开始后才认证，不能参加本次投票');
  const view = ballots.toResultsView(RESULTS);
  assert.equal(view.turnoutText, '4 / 10 户（40.0%）');
  assert.equal(view.verdictText, '暂未达到通过条件');
  assert.deepEqual(view.options.map((o) => [o.label, o.votes, o.share, o.barWidth]),
    [['加装电梯', 3, '75.0%', '75%'], ['修路灯', 1, '25.0%', '25%'], ['增设车棚', 0, '0.0%', '0%']]);
  assert.deepEqual(view.estates.map((e) => [e.name, e.text]), [['翠竹苑', '3 / 6 户（50.0%）']]);
  assert.equal(ballots.toResultsView(Object.assign({}, RESULTS, { status: 'CLOSED' })).verdictText, '未通过');
  assert.equal(ballots.refusalText('VERIFIED_AFTER_BALLOT_OPENED'), '你在投票开始后才认证，不能参加本次投票');
});

// ---------------------------------------------------------------------------------------------
// pages

test('list: my community\'s ballots, open first, with my household\'s status; tabs reload', async () => {
  const { page, shim } = open('pages/ballot/list', {
    MyHouseholds: { me: { id: 'a1', households: [{ id: 'h1', label: '1栋101', community: { id: 'c1', name: '翠竹社区' }, members: [] }] } },
    Ballots: (v) => respond.data({ ballots: { edges: [{ cursor: 'x', node: ballot({ status: v.status[0] === 'CLOSED' ? 'CLOSED' : 'OPEN' }) }], pageInfo: { hasNextPage: false, endCursor: null } } })
  });
  await page.onShow();
  assert.deepEqual(page.data.ballots.map((b) => [b.title, b.statusText, b.votedText]), [['今年先办哪件事', '投票中', '本户未投']]);
  await page.onTab(tap({ index: 1 }));
  assert.deepEqual(sent(shim, 'Ballots').map((v) => [v.communityId, v.status]), [['c1', ['OPEN', 'SCHEDULED']], ['c1', ['CLOSED']]]);
  assert.equal(page.data.ballots[0].statusText, '已结束');
});

test('detail: picks, submits with household and idempotency key, reloads; live results apply', async () => {
  let current = ballot();
  const { page, shim, listeners } = open('pages/ballot/detail', {
    Ballot: () => respond.data({ ballot: current }),
    SubscribeTemplates: { subscribeTemplates: [] },
    CastBallotVote: (v) => {
      current = ballot({ myHouseholds: [{ householdId: 'h1', householdLabel: '翠竹苑 1栋1单元101', canVote: true, voted: true,
        vote: { ballotId: 'b1', householdId: 'h1', optionIds: v.input.optionIds, comment: null, version: 1, updatedAt: 'x' } }] });
      return respond.data({ castBallotVote: current.myHouseholds[0].vote });
    }
  });
  await page.onLoad({ id: 'b1' });
  page.onShow();
  assert.equal(page.data.view.statusLine, '本户还没有投票');

  await page.onSubmit();
  assert.deepEqual(toasts(shim), ['请选择选项']);
  page.onPick(tap({ id: 'o2' }));
  page.onPick(tap({ id: 'o1' }));
  page.onPick(tap({ id: 'o3' }));
  assert.deepEqual(toasts(shim), ['请选择选项', '最多选 2 项']);
  assert.ok(await page.onSubmit());
  const [input] = sent(shim, 'CastBallotVote').map((v) => v.input);
  assert.deepEqual([input.ballotId, input.householdId, input.optionIds], ['b1', 'h1', ['o2', 'o1']]);
  assert.ok(input.idempotencyKey.length >= 8);
  assert.equal(page.data.view.voted, true);
  assert.deepEqual(page.data.selection, ['o2', 'o1'], 'the household\'s current choice is shown selected');

  assert.deepEqual(listeners.map((l) => [l.operation, l.variables]), [['BallotResultsUpdates', { ballotId: 'b1' }]]);
  listeners[0].sink.next({ ballotResults: Object.assign({}, RESULTS, { votedHouseholds: 5, turnoutPercent: 50 }) });
  assert.equal(page.data.results.turnoutText, '5 / 10 户（50.0%）');
});

test('detail: a refusal is explained; a member verified after opening cannot vote', async () => {
  const { page, shim } = open('pages/ballot/detail', {
    Ballot: { ballot: ballot({ pickMode: 'SINGLE', maxPicks: 1 }) },
    SubscribeTemplates: { subscribeTemplates: [] },
    CastBallotVote: respond.error('BALLOT_CLOSED', '投票已结束')
  });
  await page.onLoad({ id: 'b1' });
  page.onPick(tap({ id: 'o1' }));
  assert.equal(await page.onSubmit(), false);
  assert.deepEqual(toasts(shim), ['投票已结束']);

  const late = open('pages/ballot/detail', {
    Ballot: { ballot: ballot({ myHouseholds: [{ householdId: 'h1', householdLabel: 'x', canVote: false, voted: false, vote: null }] }) }
  });
  await late.page.onLoad({ id: 'b1' });
  assert.equal(late.page.data.view.canVote, false);
  late.page.onPick(tap({ id: 'o1' }));
  assert.deepEqual(late.page.data.selection, []);
  assert.equal(await late.page.onSubmit(), false);
  assert.equal(late.shim.requestsFor('CastBallotVote').length, 0);
});

test('results: aggregated counts and turnout per estate, updated live', async () => {
  const { page, listeners } = open('pages/ballot/results', { BallotResults: { ballotResults: RESULTS } });
  await page.onLoad({ id: 'b1' });
  page.onShow();
  assert.equal(page.data.results.leading, '加装电梯');
  listeners[0].sink.next({ ballotResults: Object.assign({}, RESULTS, { status: 'CLOSED', passed: true }) });
  assert.equal(page.data.results.verdictText, '通过');
});
