// 需求清单：状态、类别、级别的中文名，与列表/详情用的条目。
const { formatTime } = require('./common');

const NEED_STATUS_LABELS = Object.freeze({
  SUBMITTED: '待分流',
  TRIAGED: '处理中',
  ORDERED: '已转服务工单',
  ON_AGENDA: '待联席会议',
  ESCALATED: '已上报街道',
  RESOLVED: '已解决',
  MERGED: '已合并',
  IN_PROJECT: '已纳入项目'
});
const NEED_KIND_LABELS = Object.freeze({ MAJOR: '大事', PRACTICAL: '实事', IMPORTANT: '要事', URGENT: '急事', DIFFICULT: '难事' });
const ACTOR_LABELS = Object.freeze({ RESIDENT: '居民', STAFF: '社区', STREET_STAFF: '街道', SYSTEM: '系统' });
const OPEN = ['SUBMITTED', 'TRIAGED', 'ORDERED', 'ON_AGENDA', 'ESCALATED', 'IN_PROJECT'];

function needStatusLabel(status) {
  return NEED_STATUS_LABELS[status] || status || '';
}

function toNeedItem(need) {
  return {
    id: need.id,
    description: need.description,
    statusText: need.statusName || needStatusLabel(need.status),
    kindText: need.kindName || NEED_KIND_LABELS[need.kind] || '',
    urgent: need.level === 'URGENT',
    overdue: !!need.overdue,
    placeText: need.placeName || (need.household ? need.household.label : ''),
    supporterCount: need.supporterCount || 1,
    createdAt: formatTime(need.createdAt)
  };
}

function timelineEntry(event, index) {
  return {
    id: String(index),
    text: event.actionName,
    who: event.actorName || ACTOR_LABELS[event.actorKind] || '',
    at: formatTime(event.createdAt),
    status: needStatusLabel(event.toStatus),
    note: event.note || ''
  };
}

function toNeedView(need) {
  return Object.assign(toNeedItem(need), {
    status: need.status,
    photoUrls: need.photoUrls || [],
    dueAt: formatTime(need.dueAt),
    open: OPEN.indexOf(need.status) >= 0,
    orderId: need.orderId || '',
    mergedIntoId: need.mergedIntoId || '',
    meeting: need.meeting ? need.meeting.title + '（' + need.meeting.meetsOn + '）' : '',
    collectedByStaff: !!need.collectedByStaff,
    timeline: (need.timeline || []).map(timelineEntry)
  });
}

module.exports = { NEED_STATUS_LABELS, NEED_KIND_LABELS, needStatusLabel, toNeedItem, toNeedView, timelineEntry };
