// 项目清单与资源清单（issue 14）：把服务端的项目、里程碑、资源转成页面要显示的样子（纯逻辑，node 测试直接调用）。
// 项目进展对本社区居民公开：里程碑（含完成照片）、关联的需求、认领的资源、监督委员会的验收。
const { formatFen, formatTime } = require('./common');

const STATUS_LABELS = Object.freeze({
  PLANNED: '筹备中',
  IN_PROGRESS: '实施中',
  AWAITING_SIGN_OFF: '待监督委员会验收',
  COMPLETED: '已完成',
  CANCELLED: '已取消'
});
const RESOURCE_KIND_LABELS = Object.freeze({ VENUE: '场地', MONEY: '资金', SKILL: '技能', VOLUNTEER_HOURS: '志愿服务时长', MATERIALS: '物资' });
const RESOURCE_STATUS_LABELS = Object.freeze({ OFFERED: '可用', PLEDGED: '已认领到项目', USED: '已用于项目', WITHDRAWN: '已撤回' });

const statusLabel = (status) => STATUS_LABELS[status] || status || '';

/** 里程碑进度，如“已完成 1/3 个里程碑”；没有里程碑时“尚未安排里程碑”。 */
function progressText(milestones) {
  const all = milestones || [];
  if (all.length === 0) return '尚未安排里程碑';
  return '已完成 ' + all.filter((m) => m.done).length + '/' + all.length + ' 个里程碑';
}

/** 资源的数量：资金按分显示成元，其余“数量 + 单位”。 */
function quantityText(resource) {
  if (resource.kind === 'MONEY' && resource.unit === '分') return formatFen(resource.quantity);
  return resource.quantity + ' ' + resource.unit;
}

function toResourceItem(resource) {
  return {
    id: resource.id,
    title: resource.title,
    description: resource.description || '',
    kindText: RESOURCE_KIND_LABELS[resource.kind] || resource.kindName || resource.kind,
    statusText: RESOURCE_STATUS_LABELS[resource.status] || resource.statusName || resource.status,
    quantityText: quantityText(resource),
    offeredBy: resource.offeredByName,
    projectId: resource.projectId || null
  };
}

/** 列表里的一条项目。 */
function toListItem(project) {
  return {
    id: project.id,
    title: project.title,
    goal: project.goal,
    statusText: statusLabel(project.status),
    budgetText: formatFen(project.budgetFen),
    progressText: progressText(project.milestones),
    completed: project.status === 'COMPLETED',
    hasBallot: Boolean(project.satisfactionBallotId)
  };
}

/** 项目详情。 */
function toProjectView(project) {
  const milestones = (project.milestones || []).map((m) => ({
    id: m.id,
    title: m.position + '. ' + m.title,
    dueText: '计划 ' + m.dueOn + ' 完成',
    done: m.done,
    doneText: m.done ? '已完成 ' + formatTime(m.doneAt) : '进行中',
    note: m.note || '',
    photoUrls: m.photoUrls || []
  }));
  return {
    id: project.id,
    title: project.title,
    goal: project.goal,
    community: project.community ? project.community.name : '',
    status: project.status,
    statusText: statusLabel(project.status),
    budgetText: formatFen(project.budgetFen),
    progressText: progressText(project.milestones),
    milestones,
    needs: (project.needs || []).map((n) => ({
      id: n.id,
      description: n.description,
      text: [n.kindName, n.statusName, n.supporterCount + ' 户支持'].filter(Boolean).join(' · ')
    })),
    resources: (project.resources || []).map(toResourceItem),
    signOffs: (project.signOffs || []).map((s) => ({
      key: s.accountId,
      who: s.nickname || '监督委员会成员',
      at: formatTime(s.createdAt),
      note: s.note || ''
    })),
    signOffText: project.status === 'AWAITING_SIGN_OFF' ? '已有 ' + project.signOffCount + ' 位监督委员会成员验收' : '',
    ballotId: project.satisfactionBallotId || null,
    completedAt: formatTime(project.completedAt)
  };
}

module.exports = { STATUS_LABELS, statusLabel, progressText, quantityText, toResourceItem, toListItem, toProjectView };
