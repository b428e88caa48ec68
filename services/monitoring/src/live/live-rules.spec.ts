import { ParticipantStatus as S, SignalKind } from '@invigil/contracts';
import { ActivityText, who } from './activity-text';
import { progressApplies, progressIsMilestone, statusApplies } from './live-rules';

const t = (seconds: number) => new Date(Date.UTC(2026, 10, 26, 9, 0, seconds));

describe('live rules', () => {
  it('puts the first answer, half of the questions and all of them in the feed, nothing in between', () => {
    const lines = (total: number) =>
      Array.from({ length: total }, (_, i) => i + 1).filter((after) => progressIsMilestone(after - 1, after, total));
    expect(lines(10)).toEqual([1, 5, 10]);
    expect(lines(3)).toEqual([1, 2, 3]);
    expect(lines(1)).toEqual([1]);
    expect(progressIsMilestone(2, 7, 10)).toBe(true);
    expect(progressIsMilestone(6, 7, 10)).toBe(false);
    expect(progressIsMilestone(4, 4, 10)).toBe(false);
    expect(progressIsMilestone(5, 3, 10)).toBe(false);
  });

  it('lets a newer status replace an older one, and not the other way round', () => {
    expect(statusApplies(null, null, S.Waiting, t(1))).toBe(true);
    expect(statusApplies(S.Waiting, t(1), S.InSession, t(2))).toBe(true);
    expect(statusApplies(S.InSession, t(2), S.Waiting, t(1))).toBe(false);
    expect(statusApplies(S.Paused, t(3), S.InSession, t(3))).toBe(true);
  });

  it('never moves a participant out of Complete, and always into it', () => {
    expect(statusApplies(S.Complete, t(1), S.InSession, t(9))).toBe(false);
    expect(statusApplies(S.InSession, t(9), S.Complete, t(1))).toBe(true);
    expect(statusApplies(S.Complete, t(1), S.Complete, t(2))).toBe(false);
  });

  it('ignores progress older than what is shown', () => {
    expect(progressApplies(null, t(1))).toBe(true);
    expect(progressApplies(t(2), t(1))).toBe(false);
    expect(progressApplies(t(2), t(2))).toBe(true);
  });

  it('writes the feed as a person reads it', () => {
    expect(ActivityText.joined('Carla Candidate')).toBe('Carla Candidate joined');
    expect(ActivityText.status('Carla Candidate', S.InSession)).toBe('Carla Candidate is In Session');
    expect(ActivityText.progressed('Carla Candidate', 2, 3)).toBe('Carla Candidate answered 2/3');
    expect(ActivityText.scored('Carla Candidate', 66.7)).toBe('Carla Candidate scored 67%');
    expect(ActivityText.sessionStarted()).toBe('Session started');
    expect(who(null)).toBe('A participant');
  });

  it('tells proctors about connections, pauses and alerts in words', () => {
    expect(ActivityText.reconnected('Carla Candidate', 125)).toBe('Carla Candidate reconnected after 2 min 5 s');
    expect(ActivityText.extended('Carla Candidate', 1)).toBe('Carla Candidate was given 1 more minute');
    expect(ActivityText.alert('Carla Candidate', SignalKind.TabHidden)).toBe(
      'Alert: Carla Candidate switched to another tab',
    );
    expect(ActivityText.alert('Carla Candidate', SignalKind.ViewTakenOver)).toBe(
      'Alert: Carla Candidate opened the exam in another tab or on another device',
    );
  });
});
