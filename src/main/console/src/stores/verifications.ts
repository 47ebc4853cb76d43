import type { HouseholdRelation, VerificationRequestsToDecideResult, VerificationStatus } from '../generated/operations';

// 住户认证队列: labels and the reject form's rule, kept apart from the page for node tests.
export type VerificationItem = VerificationRequestsToDecideResult['verificationRequestsToDecide']['edges'][number]['node'];

export const RELATION_NAMES: Record<HouseholdRelation, string> = { HEAD: '户主', FAMILY: '家属', TENANT: '租户' };
export const VERIFICATION_STATUS_NAMES: Record<VerificationStatus, string> = {
  PENDING: '待审核', APPROVED: '已通过', REJECTED: '已驳回', WITHDRAWN: '已撤回',
};

/** The reason staff give when turning a request down: required, at most 200 characters (the server checks it too). */
export function rejectionReasonError(reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim();
  if (!text) return '请填写驳回原因';
  if (text.length > 200) return '驳回原因不能超过 200 个字';
  return null;
}

/** After a decision the request leaves the pending list (it is kept when the list shows every status). */
export function afterDecision(items: VerificationItem[], decided: VerificationItem, showingPendingOnly: boolean): VerificationItem[] {
  return showingPendingOnly ? items.filter((i) => i.id !== decided.id) : items.map((i) => (i.id === decided.id ? decided : i));
}
