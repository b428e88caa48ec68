import type { SecurityOptions } from '@invigil/contracts';
import { IdentityStatus } from '@invigil/contracts';
import type { GateState } from './security-steps';
import { blockingStep, showsContent } from './security-steps';

const allOn: SecurityOptions = { browserLockdown: true, screenMonitoring: true, identityVerification: true };
const state = (overrides: Partial<GateState>): GateState => ({
  identityStatus: IdentityStatus.NotRequired,
  security: allOn,
  screen: 'idle',
  fullscreen: false,
  ...overrides,
});

describe('security steps', () => {
  it('asks for identity first, then the screen, then fullscreen, then opens the exam', () => {
    expect(blockingStep(state({ identityStatus: IdentityStatus.Missing }))).toBe('identity');
    expect(blockingStep(state({ identityStatus: IdentityStatus.Approved }))).toBe('screen');
    expect(blockingStep(state({ identityStatus: IdentityStatus.Approved, screen: 'sharing' }))).toBe('fullscreen');
    expect(
      blockingStep(state({ identityStatus: IdentityStatus.Approved, screen: 'sharing', fullscreen: true })),
    ).toBeNull();
  });

  it('keeps the candidate waiting while the proctor decides and after a rejection', () => {
    expect(blockingStep(state({ identityStatus: IdentityStatus.Submitted, screen: 'sharing', fullscreen: true }))).toBe(
      'identity',
    );
    expect(blockingStep(state({ identityStatus: IdentityStatus.Rejected, screen: 'sharing', fullscreen: true }))).toBe(
      'identity',
    );
  });

  it('blocks again when the candidate stops sharing or leaves fullscreen', () => {
    expect(blockingStep(state({ screen: 'stopped', fullscreen: true }))).toBe('screen');
    expect(blockingStep(state({ screen: 'sharing', fullscreen: false }))).toBe('fullscreen');
  });

  it('asks for nothing the session does not require', () => {
    const none: SecurityOptions = { browserLockdown: false, screenMonitoring: false, identityVerification: false };
    expect(blockingStep(state({ security: none }))).toBeNull();
    expect(blockingStep(state({ security: { ...none, browserLockdown: true }, fullscreen: true }))).toBeNull();
  });

  it('asks only for identity in the waiting room, and shows the waiting room beneath it', () => {
    expect(blockingStep(state({ security: null, identityStatus: IdentityStatus.Missing }))).toBe('identity');
    expect(blockingStep(state({ security: null }))).toBeNull();
    expect(showsContent('identity', false)).toBe(true);
    expect(showsContent('identity', true)).toBe(false);
    expect(showsContent('screen', true)).toBe(false);
    expect(showsContent(null, true)).toBe(true);
  });
});
