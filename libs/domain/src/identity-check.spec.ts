import { IdentityStatus } from '@invigil/contracts';
import {
  identityAllowsStart,
  identityDecisionRefusal,
  identityStatusOf,
  identitySubmissionRefusal,
} from './identity-check';

const S = IdentityStatus;

describe('identity checks', () => {
  it('reports not_required when the session does not verify, else the check or missing', () => {
    expect(identityStatusOf(false, S.Rejected)).toBe(S.NotRequired);
    expect(identityStatusOf(true, null)).toBe(S.Missing);
    expect(identityStatusOf(true, S.Submitted)).toBe(S.Submitted);
  });

  it('lets only approved candidates (or sessions without verification) start', () => {
    expect([S.NotRequired, S.Approved, S.Missing, S.Submitted, S.Rejected].map(identityAllowsStart)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('accepts new photos until an approval, which is final', () => {
    expect(identitySubmissionRefusal(null)).toBeNull();
    expect(identitySubmissionRefusal(S.Submitted)).toBeNull();
    expect(identitySubmissionRefusal(S.Rejected)).toBeNull();
    expect(identitySubmissionRefusal(S.Approved)).toMatch(/already been approved/);
  });

  it('decides only photos that wait for a decision, saying why not otherwise', () => {
    expect(identityDecisionRefusal(S.Submitted, 'Carla')).toBeNull();
    expect(identityDecisionRefusal(null, 'Carla')).toBe(
      'Carla has not sent identity photos yet; there is nothing to decide.',
    );
    expect(identityDecisionRefusal(S.Approved, 'Carla')).toBe("Carla's identity has already been approved.");
    expect(identityDecisionRefusal(S.Rejected, 'Carla')).toMatch(/wait for new photos/);
  });
});
