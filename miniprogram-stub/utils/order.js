// 订单相关的中文标签与展示数据，用户端与合伙人端共用。
const { formatTime } = require('./common');

const STATUS_LABELS = Object.freeze({
  SUBMITTED: '待派单',
  DISPATCHED: '待接单',
  ACCEPTED: '已接单',
  IN_SERVICE: '服务中',
  COMPLETED: '待确认',
  CONFIRMED: '已完成',
  CANCELLED: '已取消'
});

const URGENCY_LABELS = Object.freeze({ NORMAL: '一般', URGENT: '紧急' });

function statusLabel(status) {
  return STATUS_LABELS[status] || status;
}

function urgencyLabel(urgency) {
  return URGENCY_LABELS[urgency] || urgency;
}

// 列表/卡片用的订单摘要。
function toOrderItem(order) {
  return {
    id: order.id,
    status: order.status,
    statusText: statusLabel(order.status),
    urgent: order.urgency === 'URGENT',
    urgencyText: urgencyLabel(order.urgency),
    title: (order.offering && order.offering.title) || (order.category && order.category.name) || '服务',
    description: order.description || '',
    householdLabel: order.household ? order.household.label : '',
    partnerName: order.partner ? order.partner.name : '',
    createdAt: formatTime(order.createdAt)
  };
}

module.exports = { STATUS_LABELS, URGENCY_LABELS, statusLabel, urgencyLabel, toOrderItem };
