/**
 * Exam-view presence, shared by the gateway (which writes heartbeats) and the sessions service
 * (which sweeps out views that went silent). One Redis sorted set per deployment: member = one
 * socket connection of one attempt's view, score = when the gateway last saw it alive.
 */

/** How often each gateway replica refreshes the scores of its sockets. */
export const PRESENCE_REFRESH_MS = 2_000;

/**
 * A view unheard of for this long is disconnected. Covers a gateway replica that died without
 * saying goodbye; a socket that closes normally is reported at once by its gateway.
 */
export const PRESENCE_TIMEOUT_MS = 6_000;

/** The sorted set's key; the NATS subject prefix keeps test suites (and tenants) apart. */
export function presenceKey(subjectPrefix: string): string {
  return `invigil:${subjectPrefix}presence:views`;
}

export interface PresenceMember {
  orgId: string;
  attemptId: string;
  viewId: string;
  connectionId: string;
}

export function encodePresenceMember(member: PresenceMember): string {
  return [member.orgId, member.attemptId, member.viewId, member.connectionId].join('|');
}

export function decodePresenceMember(raw: string): PresenceMember | null {
  const [orgId, attemptId, viewId, connectionId, ...rest] = raw.split('|');
  if (!orgId || !attemptId || !viewId || !connectionId || rest.length > 0) return null;
  return { orgId, attemptId, viewId, connectionId };
}
