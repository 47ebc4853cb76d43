import { describe, expect, it } from 'vitest';
import { afterDecision, rejectionReasonError, RELATION_NAMES, type VerificationItem } from '../src/stores/verifications';

const item = (id: string, status = 'PENDING') => ({ id, status } as VerificationItem);

describe('verification queue', () => {
  it('a rejection needs a reason of at most 200 characters', () => {
    expect(rejectionReasonError('  ')).toBe('请填写驳回原因');
    expect(rejectionReasonError('x'.repeat(201))).toBe('驳回原因不能超过 200 个字');
    expect(rejectionReasonError('证明材料不清楚')).toBeNull();
  });

  it('a decided request leaves the pending list, and is updated in the full one', () => {
    const decided = item('2', 'APPROVED');
    expect(afterDecision([item('1'), item('2')], decided, true).map((i) => i.id)).toEqual(['1']);
    expect(afterDecision([item('1'), item('2')], decided, false).map((i) => i.status)).toEqual(['PENDING', 'APPROVED']);
  });

  it('relations read in Chinese', () => {
    expect(Object.values(RELATION_NAMES)).toEqual(['户主', '家属', '租户']);
  });
});
