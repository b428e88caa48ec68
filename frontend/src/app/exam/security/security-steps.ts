import type { SecurityOptions } from '@invigil/contracts';
import { IdentityStatus } from '@invigil/contracts';
import type { ScreenShareState } from './screen-monitor';

/** The step that stands between the candidate and the questions, in the order they are asked; null: none. */
export type SecurityStep = 'identity' | 'screen' | 'fullscreen' | null;

export interface GateState {
  identityStatus: IdentityStatus | null;
  /** The attempt's security options; null before the session starts (the waiting room). */
  security: SecurityOptions | null;
  screen: ScreenShareState;
  fullscreen: boolean;
}

/** Photos missing, rejected, or not decided yet: the candidate cannot start. */
export function identityPending(status: IdentityStatus | null): boolean {
  return status === IdentityStatus.Missing || status === IdentityStatus.Rejected || status === IdentityStatus.Submitted;
}

export function blockingStep(state: GateState): SecurityStep {
  if (identityPending(state.identityStatus)) return 'identity';
  if (!state.security) return null;
  if (state.security.screenMonitoring && state.screen !== 'sharing') return 'screen';
  if (state.security.browserLockdown && !state.fullscreen) return 'fullscreen';
  return null;
}

/**
 * Whether the gate's content is shown. Before the start the content is the waiting room, which
 * reveals nothing: it stays visible under the identity step so the candidate sees the countdown.
 */
export function showsContent(step: SecurityStep, attemptStarted: boolean): boolean {
  return step === null || (step === 'identity' && !attemptStarted);
}
