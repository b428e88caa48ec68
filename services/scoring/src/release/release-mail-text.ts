import type { OutgoingMail } from './mailer';

export interface ReleaseSummary {
  sessionName: string;
  candidates: number;
  passed: number;
  provisional: number;
  link: string;
}

/** The candidate's notice: the result is out, with a link to their exam page (no score in the mail). */
export function candidateReleaseMail(to: string, name: string, sessionName: string, link: string): OutgoingMail {
  return {
    to,
    subject: `Your result is available: ${sessionName}`,
    text: [
      `Hello ${name},`,
      '',
      `Your result for "${sessionName}" has been published by your proctor.`,
      `See it here: ${link}`,
      '',
      'Invigil',
    ].join('\n'),
  };
}

/** Pass rate of the decided results, in whole percent; "n/a" when nothing is decided. */
export function passRate(summary: ReleaseSummary): string {
  const decided = summary.candidates - summary.provisional;
  return decided === 0 ? 'n/a' : `${Math.round((summary.passed / decided) * 100)} %`;
}

/** The proctor's and admins' summary: counts, pass rate and the results table. */
export function staffReleaseMail(to: string, summary: ReleaseSummary): OutgoingMail {
  return {
    to,
    subject: `Results released: ${summary.sessionName}`,
    text: [
      `The results of "${summary.sessionName}" were released to ${summary.candidates} candidates.`,
      '',
      `Passed: ${summary.passed}`,
      `Not passed: ${summary.candidates - summary.passed - summary.provisional}`,
      `Provisional (answers awaiting review): ${summary.provisional}`,
      `Pass rate: ${passRate(summary)}`,
      '',
      `Results table: ${summary.link}`,
    ].join('\n'),
  };
}
