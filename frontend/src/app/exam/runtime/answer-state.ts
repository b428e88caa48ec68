import type { AnswerValue, ResultView } from '@invigil/contracts';
import { CertificateStatus } from '@invigil/contracts';

/** A result is final once its certificate is settled, or when there will be none (not passed). */
export function isFinal(result: ResultView | null): boolean {
  if (!result?.released) return false;
  if (!result.certificate) return !result.passed;
  return result.certificate.status !== CertificateStatus.Pending;
}

/** An empty text or an empty set of options counts as unanswered, for the count and the submit confirmation. */
export function isAnswered(answer: AnswerValue | undefined): boolean {
  if (!answer) return false;
  if (answer.text !== undefined) return answer.text.trim() !== '';
  if (answer.selectedOptions !== undefined) return answer.selectedOptions.length > 0;
  return true;
}
