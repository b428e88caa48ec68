import { formatDuration, formatInZone } from '@invigil/domain';
/** What an invitation says; pure so it is unit-tested without a mail server. */
export interface InvitationMailInput {
  to: { email: string; displayName: string; timeZone: string };
  session: { name: string; scheduledAt: string | null; durationMinutes: number; enrollmentCode: string };
  /** The participant's own limit in seconds (`ownTimeLimitSeconds`): null when their clock runs the session's duration. */
  timeLimitSeconds: number | null;
  link: string;
  expiresAt: Date;
}

export interface InvitationMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

// One wording of a time in a reader's zone for invitations, notices and system messages (libs/domain).
export { formatInZone };

export const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// The pattern matches only characters in HTML_ENTITIES; the fallback keeps any other one as it is.
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);

export function composeInvitation(input: InvitationMailInput): InvitationMail {
  const when = input.session.scheduledAt
    ? `It starts ${formatInZone(new Date(input.session.scheduledAt), input.to.timeZone)}.`
    : 'It starts when your proctor starts it.';
  const limit =
    input.timeLimitSeconds !== null
      ? `Your time limit: ${formatDuration(input.timeLimitSeconds)}.`
      : `Duration: ${formatDuration(input.session.durationMinutes * 60)}.`;
  const lines = [
    `Hello ${input.to.displayName},`,
    '',
    `You are invited to the proctored session "${input.session.name}". ${when}`,
    limit,
    '',
    `Sign in with this link (it works once and expires ${formatInZone(input.expiresAt, input.to.timeZone)}):`,
    input.link,
    '',
    `Or sign in as usual and enter the enrollment code: ${input.session.enrollmentCode}`,
  ];
  const html = lines
    .map((line) => (line === input.link ? `<a href="${escapeHtml(line)}">${escapeHtml(line)}</a>` : escapeHtml(line)))
    .map((line) => `<p>${line}</p>`)
    .join('\n');
  return { to: input.to.email, subject: `Invitation: ${input.session.name}`, text: lines.join('\n'), html };
}
