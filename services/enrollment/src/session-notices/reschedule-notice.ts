import { formatInZone } from '@invigil/domain';
import type { InvitationMail } from '../invitations/invitation-mail';
import { escapeHtml } from '../invitations/invitation-mail';

/** What a live-reschedule notice says; pure so it is unit-tested without a mail server. */
export interface RescheduleNoticeInput {
  to: { email: string; displayName: string; timeZone: string };
  sessionName: string;
  /** The new start (UTC instant), shown in the reader's own time zone. */
  startsAt: Date;
  /** The proctor's message to the candidates, if they wrote one. */
  message?: string;
  /** The exam page, where the session continues. */
  link: string;
}

export function composeRescheduleNotice(input: RescheduleNoticeInput): InvitationMail {
  const when = formatInZone(input.startsAt, input.to.timeZone);
  const lines = [
    `Hello ${input.to.displayName},`,
    '',
    `The proctored session "${input.sessionName}" has been rescheduled to ${when}.`,
    'If you had started, your answers and your remaining time are kept: the exam continues where you left off.',
    ...(input.message ? ['', 'Message from your proctor:', input.message] : []),
    '',
    'Open your exam at the new time:',
    input.link,
  ];
  const html = lines
    .map((line) => (line === input.link ? `<a href="${escapeHtml(line)}">${escapeHtml(line)}</a>` : escapeHtml(line)))
    .map((line) => `<p>${line}</p>`)
    .join('\n');
  return {
    to: input.to.email,
    subject: `Rescheduled: ${input.sessionName} now starts ${when}`,
    text: lines.join('\n'),
    html,
  };
}
