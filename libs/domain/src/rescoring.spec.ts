import { certificateAfterRescore, reopeningWithdrawsScore, submissionReplacesScore } from './rescoring';

describe('submissionReplacesScore', () => {
  const held = { submittedAt: new Date('2026-12-03T10:00:00Z') };

  it('keeps the score when the scored submission arrives again', () => {
    expect(submissionReplacesScore(held, new Date('2026-12-03T10:00:00Z'))).toBe(false);
  });

  it('keeps the score when an older submission arrives after its successor was scored', () => {
    expect(submissionReplacesScore(held, new Date('2026-12-03T09:59:00Z'))).toBe(false);
  });

  it('replaces the score with the later submission of a reopened attempt', () => {
    expect(submissionReplacesScore(held, new Date('2026-12-03T10:20:00Z'))).toBe(true);
  });
});

describe('reopeningWithdrawsScore', () => {
  const held = { submittedAt: new Date('2026-12-03T10:20:00Z') };

  it('withdraws the score when the attempt is reopened after the scored submission', () => {
    expect(reopeningWithdrawsScore(held, new Date('2026-12-03T10:25:00Z'))).toBe(true);
  });

  it('ignores a late redelivery of the reopening that came before the scored submission', () => {
    expect(reopeningWithdrawsScore(held, new Date('2026-12-03T10:05:00Z'))).toBe(false);
  });
});

describe('certificateAfterRescore', () => {
  it('awards, re-issues, revokes or leaves alone', () => {
    expect(certificateAfterRescore(true, false)).toBe('award');
    expect(certificateAfterRescore(true, true)).toBe('reissue');
    expect(certificateAfterRescore(false, true)).toBe('revoke');
    expect(certificateAfterRescore(false, false)).toBe('none');
  });
});
