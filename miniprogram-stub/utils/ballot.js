// 一户三票：投票页面的纯逻辑（不依赖 wx，node 测试直接调用）。
// - 各种投票方式的选择规则：单选 / 同意与否（点一项即替换）、最多选 N 项（再点取消，超过 N 项不加并提示）、
//   排序（点选依次排到末尾，再点移出，可上移）；
// - 提交前检查（与服务端 INVALID_BALLOT_CHOICE 的规则一致，省一次往返）；
// - 把服务端的投票、本户投票状态和汇总结果转成页面要显示的样子。结果只有汇总数，从来没有别户怎么投。
const { formatTime } = require('./common');

const KIND_LABELS = Object.freeze({ NEEDS: '问需求', PROJECT: '问项目', SATISFACTION: '问效果' });
const STATUS_LABELS = Object.freeze({ DRAFT: '草稿', SCHEDULED: '待开始', OPEN: '投票中', CLOSED: '已结束', CANCELLED: '已取消' });
const MODE_HINTS = Object.freeze({
  SINGLE: '单选',
  APPROVE: '同意或不同意',
  PICK_UP_TO_N: '最多选 {n} 项',
  RANK: '按优先顺序依次点选，最多 {n} 项'
});

const kindLabel = (kind) => KIND_LABELS[kind] || kind;
const statusLabel = (status) => STATUS_LABELS[status] || status;

function maxPicksOf(ballot) {
  return ballot.pickMode === 'PICK_UP_TO_N' || ballot.pickMode === 'RANK' ? ballot.maxPicks : 1;
}

function modeHint(ballot) {
  return (MODE_HINTS[ballot.pickMode] || '').replace('{n}', String(maxPicksOf(ballot)));
}

/**
 * 点了一个选项之后的选择：返回 { selection, message }；message 非空时是要提示用户的话（选择不变）。
 * selection 是选项 id 的数组，RANK 时按优先顺序。
 */
function toggle(ballot, selection, optionId) {
  const current = (selection || []).slice();
  const at = current.indexOf(optionId);
  const max = maxPicksOf(ballot);
  if (max === 1) return { selection: at >= 0 ? [] : [optionId], message: null };
  if (at >= 0) {
    current.splice(at, 1);
    return { selection: current, message: null };
  }
  if (current.length >= max) return { selection: current, message: '最多选 ' + max + ' 项' };
  current.push(optionId);
  return { selection: current, message: null };
}

/** RANK：把一项上移一位（第一项不动）。 */
function moveUp(selection, optionId) {
  const current = (selection || []).slice();
  const at = current.indexOf(optionId);
  if (at > 0) {
    current[at] = current[at - 1];
    current[at - 1] = optionId;
  }
  return current;
}

/** 提交前检查；不通过时返回要提示的话，通过返回 null。 */
function validateSelection(ballot, selection) {
  const picks = selection || [];
  if (picks.length === 0) return '请选择选项';
  if (new Set(picks).size !== picks.length) return '不能重复选择同一选项';
  const known = new Set((ballot.options || []).map((o) => o.id));
  if (!picks.every((id) => known.has(id))) return '所选选项不属于本次投票';
  const max = maxPicksOf(ballot);
  if (picks.length > max) return max === 1 ? '本次投票只能选一项' : '本次投票最多选 ' + max + ' 项';
  return null;
}

/** 选项在页面上的样子：是否选中、排序时的名次。 */
function optionViews(ballot, selection) {
  const picks = selection || [];
  return (ballot.options || []).map((o) => {
    const at = picks.indexOf(o.id);
    return { id: o.id, label: o.label, selected: at >= 0, rank: ballot.pickMode === 'RANK' && at >= 0 ? at + 1 : null };
  });
}

/** 本户（可能是多户中的一户）的投票状态文字。 */
function householdStatusText(mine) {
  if (!mine) return '你还没有认证本社区的房屋，不能投票';
  if (!mine.canVote) return mine.voted ? '本户已投票（你在投票开始后才认证，不能投票）' : '你在投票开始后才认证，不能参加本次投票';
  return mine.voted ? '本户已投票，截止前可以修改，以最后一次为准' : '本户还没有投票';
}

/** 能代表投票的那一户（服务端会在多户时要求指明）；没有则取第一户用于显示状态。 */
function myHousehold(ballot) {
  const mine = ballot.myHouseholds || [];
  return mine.find((h) => h.canVote) || mine[0] || null;
}

function toBallotView(ballot) {
  const mine = myHousehold(ballot);
  return {
    id: ballot.id,
    title: ballot.title,
    description: ballot.description || '',
    kind: ballot.kind,
    kindText: kindLabel(ballot.kind),
    status: ballot.status,
    statusText: statusLabel(ballot.status),
    open: ballot.status === 'OPEN',
    pickMode: ballot.pickMode,
    maxPicks: ballot.maxPicks,
    modeHint: modeHint(ballot),
    withComment: ballot.kind === 'SATISFACTION',
    opensAt: formatTime(ballot.opensAt),
    closesAt: formatTime(ballot.closesAt),
    options: ballot.options || [],
    householdId: mine ? mine.householdId : null,
    householdLabel: mine ? mine.householdLabel || '' : '',
    canVote: Boolean(mine && mine.canVote && ballot.status === 'OPEN'),
    voted: Boolean(mine && mine.voted),
    statusLine: householdStatusText(mine),
    myChoice: mine && mine.vote ? mine.vote.optionIds.slice() : [],
    myComment: mine && mine.vote ? mine.vote.comment || '' : ''
  };
}

function toListItem(ballot) {
  const mine = myHousehold(ballot);
  return {
    id: ballot.id,
    title: ballot.title,
    kindText: kindLabel(ballot.kind),
    statusText: statusLabel(ballot.status),
    closesAt: formatTime(ballot.closesAt),
    votedText: !mine ? '' : mine.voted ? '本户已投' : mine.canVote && ballot.status === 'OPEN' ? '本户未投' : ''
  };
}

/** 汇总结果：每项的票数（排序投票另有 Borda 分）、参与率（总体与分小区）、是否通过。 */
function toResultsView(results) {
  const percent = (n) => (Math.round(Number(n) * 10) / 10).toFixed(1) + '%';
  return {
    statusText: statusLabel(results.status),
    final: results.status === 'CLOSED',
    turnoutText: results.votedHouseholds + ' / ' + results.eligibleHouseholds + ' 户（' + percent(results.turnoutPercent) + '）',
    verdictText: results.passed ? '通过' : results.status === 'CLOSED' ? '未通过' : '暂未达到通过条件',
    turnoutMet: results.turnoutMet,
    majorityMet: results.majorityMet,
    leading: results.leading ? results.leading.option.label : '',
    options: (results.options || []).map((r) => ({
      id: r.option.id,
      label: r.option.label,
      votes: r.votes,
      points: r.points,
      share: percent(r.sharePercent),
      barWidth: Math.max(0, Math.min(100, Number(r.sharePercent) || 0)) + '%'
    })),
    estates: (results.estates || []).map((e) => ({
      id: e.estateId,
      name: e.estateName,
      text: e.votedHouseholds + ' / ' + e.eligibleHouseholds + ' 户（' + percent(e.turnoutPercent) + '）'
    }))
  };
}

/** 服务端拒绝投票时的说明（错误码是稳定的，文案以这里为准）。 */
const REFUSALS = Object.freeze({
  BALLOT_NOT_OPEN: '投票尚未开始',
  BALLOT_CLOSED: '投票已结束',
  NOT_ELIGIBLE_TO_VOTE: '只有已认证房屋的成员才能投票',
  VERIFIED_AFTER_BALLOT_OPENED: '你在投票开始后才认证，不能参加本次投票',
  BALLOT_OTHER_COMMUNITY: '这是其他社区的投票',
  INVALID_BALLOT_CHOICE: '所选选项不符合本次投票的规则'
});

function refusalText(code) {
  return REFUSALS[code] || null;
}

module.exports = {
  kindLabel, statusLabel, maxPicksOf, modeHint, toggle, moveUp, validateSelection, optionViews,
  householdStatusText, toBallotView, toListItem, toResultsView, refusalText
};
