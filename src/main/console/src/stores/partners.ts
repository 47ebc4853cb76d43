import type { PartnerApplicationStatus, PartnerApplicationsResult, PartnerResult } from '../generated/operations';

// 合伙人: applications to this community (approve with a contract, reject with a reason) and each partner's card.
export type Application = PartnerApplicationsResult['partnerApplications']['edges'][number]['node'];
export type PartnerCard = NonNullable<PartnerResult['partner']>;

export const APPLICATION_STATUS_NAMES: Record<PartnerApplicationStatus, string> = {
  PENDING: '待审核', APPROVED: '已通过', REJECTED: '已驳回', WITHDRAWN: '已撤回',
};

/** This community's answer on an application (an application may ask several communities). */
export function answerFor(application: Application, communityId: string) {
  return application.communities.find((c) => c.community.id === communityId) ?? null;
}

export interface ContractForm { validFrom: string; validTo: string; capacity: number }

export function contractError(form: ContractForm): string | null {
  if (!form.validFrom || !form.validTo) return '请选择合同起止日期';
  if (form.validTo < form.validFrom) return '合同结束日期不能早于开始日期';
  if (!Number.isInteger(form.capacity) || form.capacity < 1 || form.capacity > 1000) return '同时接单上限须在 1 到 1000 之间';
  return null;
}

export function partnerReasonError(reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim();
  if (!text) return '请填写拒绝理由';
  if (text.length > 200) return '拒绝理由不能超过 200 个字';
  return null;
}

/**
 * Partners serving this community: those whose application it approved, and those whose offerings it lists (a partner
 * under a valid contract, including partners an administrator onboarded without an application) — each once.
 */
export function contractedPartnerIds(applications: Application[], communityId: string,
                                     offeringPartnerIds: string[] = []): string[] {
  const ids = applications.filter((a) => a.partner && answerFor(a, communityId)?.status === 'APPROVED').map((a) => a.partner!.id);
  return [...new Set([...ids, ...offeringPartnerIds])];
}

export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(1);
}
