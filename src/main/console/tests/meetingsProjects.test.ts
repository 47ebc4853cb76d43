import { describe, expect, it } from 'vitest';
import { meetingDraftError, ordered, resolutionError, undecided } from '../src/stores/meetings';
import {
  canEdit, canReport, canStart, canSubmit, emptyProjectDraft, fenToYuan, milestoneError, progressText, projectDraftError,
  projectInput, yuanToFen,
} from '../src/stores/projects';

describe('joint meetings', () => {
  it('checks the new meeting and the resolution with the server\'s words', () => {
    expect(meetingDraftError(' ', '2026-12-10')).toBe('请填写会议名称');
    expect(meetingDraftError('十二月联席会议', '')).toBe('请选择会议日期');
    expect(meetingDraftError('十二月联席会议', '2026-12-10')).toBeNull();
    expect(resolutionError('', '同意')).toBe('请选择会议结论');
    expect(resolutionError('RESOLVED', ' ')).toBe('请填写会议决议');
    expect(resolutionError('RESOLVED', 'x'.repeat(501))).toBe('会议决议不能超过 500 个字');
    expect(resolutionError('ESCALATED', '报街道协调')).toBeNull();
  });

  it('counts undecided items and lists upcoming meetings first', () => {
    const agenda = [{ outcome: null }, { outcome: 'RESOLVED' }, { outcome: null }] as any;
    expect(undecided({ agenda })).toBe(2);
    const list = [{ meetsOn: '2026-11-01' }, { meetsOn: '2026-12-20' }, { meetsOn: '2026-12-05' }, { meetsOn: '2026-10-01' }];
    expect(ordered(list, '2026-12-02').map((m) => m.meetsOn)).toEqual(['2026-12-05', '2026-12-20', '2026-11-01', '2026-10-01']);
  });
});

describe('projects', () => {
  it('money: 元 on screen, 分 on the wire', () => {
    expect(yuanToFen('1200.5')).toBe(120050);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('12.345')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(fenToYuan(120050)).toBe('1200.50');
  });

  it('checks a new project and builds its input from triaged needs', () => {
    expect(projectDraftError(emptyProjectDraft())).toBe('请填写项目名称');
    const draft = { title: '加装电梯', goal: '3栋加装电梯', budgetYuan: '500000', needIds: ['n1', 'n2'] };
    expect(projectDraftError({ ...draft, goal: '' })).toBe('请填写项目目标');
    expect(projectDraftError({ ...draft, budgetYuan: 'abc' })).toContain('项目预算');
    expect(projectDraftError(draft)).toBeNull();
    expect(projectInput('c1', draft)).toEqual({ communityId: 'c1', title: '加装电梯', goal: '3栋加装电梯', budgetFen: 50000000, needIds: ['n1', 'n2'] });
    expect(projectInput('c1', { ...draft, needIds: [] }).needIds).toBeNull();
    expect(milestoneError('', '2027-01-01')).toBe('请填写里程碑名称');
    expect(milestoneError('完成设计', null)).toBe('请选择计划完成日期');
  });

  it('what each status offers (as ProjectLifecycle)', () => {
    const planned = { status: 'PLANNED' as const, milestones: [{ done: false }] };
    const running = { status: 'IN_PROGRESS' as const, milestones: [{ done: true }, { done: false }] };
    expect([canStart(planned), canEdit(planned), canSubmit(planned)]).toEqual([true, true, false]);
    expect([canStart(running), canSubmit(running), canReport(running, running.milestones[1])]).toEqual([false, false, true]);
    expect(canSubmit({ ...running, milestones: [{ done: true }] })).toBe(true);
    expect(canSubmit({ ...running, milestones: [] })).toBe(false);
    expect(canEdit({ status: 'AWAITING_SIGN_OFF' })).toBe(false);
    expect(progressText(running)).toBe('1/2');
  });
});
