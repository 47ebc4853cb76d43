import { describe, expect, it } from 'vitest';
import {
  applyResults, ballotDraftError, ballotInput, canCancel, canClose, canOpen, emptyBallotDraft, pickModesOf, verdict,
  withStatus, writesOptions, type Results,
} from '../src/stores/ballots';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const valid = { ...emptyBallotDraft(NOW), title: '明年先办哪件事', optionsText: '加装电梯\n 修缮停车棚 \n\n增设路灯' };

function results(over: Partial<Results> = {}): Results {
  return {
    ballotId: 'b1', status: 'OPEN', eligibleHouseholds: 10, votedHouseholds: 6, turnoutPercent: 60, turnoutMet: true,
    majorityMet: true, passed: true, leading: null, options: [], estates: [], ...over,
  } as Results;
}

describe('ballots store', () => {
  it('each kind offers the answer modes the API allows; fixed options need none written', () => {
    expect(pickModesOf('SATISFACTION')).toEqual(['SINGLE']);
    expect(pickModesOf('PROJECT')).toContain('APPROVE');
    expect(pickModesOf('NEEDS')).toContain('RANK');
    expect(writesOptions('SATISFACTION', 'SINGLE')).toBe(false);
    expect(writesOptions('PROJECT', 'APPROVE')).toBe(false);
    expect(writesOptions('PROJECT', 'SINGLE')).toBe(true);
  });

  it('checks a new ballot in the order of the form, with the server\'s words', () => {
    expect(ballotDraftError(emptyBallotDraft(NOW))).toBe('请填写投票标题');
    expect(ballotDraftError({ ...valid, title: 'x'.repeat(101) })).toBe('标题不能超过 100 个字');
    expect(ballotDraftError({ ...valid, closesAt: valid.opensAt })).toBe('截止时间须晚于开始时间');
    expect(ballotDraftError({ ...valid, optionsText: '只有一个' })).toBe('请至少填写 2 个选项（每行一个）');
    expect(ballotDraftError({ ...valid, kind: 'SATISFACTION', pickMode: 'SINGLE', optionsText: '' })).toBeNull();
    expect(ballotDraftError(valid)).toBeNull();
  });

  it('builds the input: needs ballots name the needs list, options one per line', () => {
    expect(ballotInput('c1', valid)).toMatchObject({
      communityId: 'c1', kind: 'NEEDS', pickMode: 'PICK_UP_TO_N', maxPicks: 3, subjectKind: 'NEED_LIST', subjectId: null,
      options: [{ label: '加装电梯' }, { label: '修缮停车棚' }, { label: '增设路灯' }], description: null,
    });
    const approve = ballotInput('c1', { ...valid, kind: 'PROJECT', pickMode: 'APPROVE', subjectId: 'p9' });
    expect(approve).toMatchObject({ subjectKind: 'PROJECT', subjectId: 'p9', options: null, maxPicks: null });
    expect(ballotInput('c1', { ...valid, kind: 'SATISFACTION', pickMode: 'RANK' })).toMatchObject({ pickMode: 'SINGLE', subjectKind: null });
  });

  it('which buttons each status offers', () => {
    expect([canOpen({ status: 'DRAFT' }), canClose({ status: 'DRAFT' }), canCancel({ status: 'DRAFT' })]).toEqual([true, false, true]);
    expect([canOpen({ status: 'OPEN' }), canClose({ status: 'OPEN' }), canCancel({ status: 'OPEN' })]).toEqual([false, true, true]);
    expect([canOpen({ status: 'CLOSED' }), canClose({ status: 'CLOSED' }), canCancel({ status: 'CLOSED' })]).toEqual([false, false, false]);
    expect(withStatus([{ id: '1', status: 'DRAFT' as const }, { id: '2', status: 'DRAFT' as const }], { id: '2', status: 'OPEN' })
      .map((b) => b.status)).toEqual(['DRAFT', 'OPEN']);
  });

  it('live results replace the shown ballot\'s, never another ballot\'s', () => {
    const shown = results();
    expect(applyResults(shown, results({ votedHouseholds: 7 }))?.votedHouseholds).toBe(7);
    expect(applyResults(shown, results({ ballotId: 'b2', votedHouseholds: 1 }))).toBe(shown);
    expect(applyResults(null, shown)).toBe(shown);
  });

  it('pass or fail in words, provisional while open', () => {
    expect(verdict(results())).toBe('目前：通过');
    expect(verdict(results({ status: 'CLOSED', passed: false, turnoutMet: false }))).toBe('未通过（参与率不足）');
    expect(verdict(results({ status: 'CLOSED', passed: false, majorityMet: false }))).toBe('未通过（未过半数）');
    expect(verdict(results({ status: 'DRAFT' }))).toBe('尚未开始');
  });
});
