import type { InvitationRedemption, ParticipantView } from '@invigil/contracts';
import { Requests, RpcErrorCode, TimeLimitMode } from '@invigil/contracts';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import type { RawNats, RunningTestService } from '@invigil/server-testing';
import { SessionsPeer, uniqueTag } from '@invigil/server-testing';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { UserAccount } from '../src/accounts/user.entity';
import type { EnrollmentEnv } from '../src/config/env';
import { startEnrollment, stopEnrollment } from './support/enrollment-under-test';
import { first } from '@invigil/server-testing';
import { InvitationToken } from '../src/invitations/invitation-token.entity';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** Undoes quoted-printable soft breaks and escapes, enough to read the text part of a message. */
const decodeQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('email invitations over a real SMTP server (in-process smtp-server)', () => {
  const tag = uniqueTag();
  const inbox: Received[] = [];
  let smtp: SMTPServer;
  let service: RunningTestService<EnrollmentEnv>;
  let nats: RawNats;
  let sessions: SessionsPeer;
  const candidate = DEMO_USERS[2];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    ({ service, nats } = await startEnrollment(tag, {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Invigil Test <invigil@test.local>',
      PUBLIC_URL: 'http://exams.test',
    }));
    const em = service.app.get(EntityManager).fork();
    await em.nativeUpdate(UserAccount, { id: candidate.id }, { timeZone: 'America/New_York' });
    sessions = new SessionsPeer(nats);
  });

  afterAll(async () => {
    sessions?.stop();
    await stopEnrollment({ service, nats });
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it("mails the session, its time in the candidate's zone, the code and a one-time link that signs them in once", async () => {
    const session = sessions.put({
      name: 'Chemistry Final',
      scheduledAt: '2026-12-01T15:00:00.000Z',
      enrollmentCode: 'CHEM42',
      timeLimitMode: TimeLimitMode.Individual,
    });
    const added = await nats.request<ParticipantView[]>(
      Requests.addParticipants,
      {
        orgId: DEMO_ORG.id,
        actorId: DEMO_USERS[1].id,
        sessionId: session.id,
        entries: [{ userId: candidate.id, timeLimitMultiplier: 1.5 }],
        sendInvitation: true,
      },
      15_000,
    );
    expect(added.err).toBeUndefined();
    expect(first(added.response!).invitationSentAt).toEqual(expect.any(String));
    expect(inbox).toHaveLength(1);
    const mail = first(inbox);
    expect(mail.to).toEqual([candidate.email]);
    expect(mail.from).toBe('invigil@test.local');
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toMatch(/^Subject: Invitation: Chemistry Final$/m);
    expect(text).toContain('It starts Tuesday, 1 December 2026 at 10:00 (America/New_York).');
    expect(text).toContain('enrollment code: CHEM42');
    expect(text).toContain('Your time limit: 1 h 7 min 30 s.');
    const token = /http:\/\/exams\.test\/invite\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(token).toBeDefined();

    const stored = await service.app.get(EntityManager).fork().findOneOrFail(InvitationToken, { userId: candidate.id });
    expect(stored.tokenHash).not.toContain(token!);

    const redeemed = await nats.request<InvitationRedemption>(Requests.redeemInvitation, { token });
    expect(redeemed.response).toMatchObject({
      sessionId: session.id,
      user: { id: candidate.id, email: candidate.email, orgId: DEMO_ORG.id },
    });
    const again = await nats.request(Requests.redeemInvitation, { token });
    expect(again.err).toEqual({
      code: RpcErrorCode.Unauthenticated,
      message:
        'This invitation link has already been used. Sign in with your password, or ask your proctor to send a new one.',
    });
  });

  it("names no own limit when the session's limit is session-wide, as the clock then runs the duration", async () => {
    const session = sessions.put({ name: 'Session-wide', timeLimitMode: TimeLimitMode.SessionWide });
    const added = await nats.request<ParticipantView[]>(
      Requests.addParticipants,
      {
        orgId: DEMO_ORG.id,
        actorId: DEMO_USERS[1].id,
        sessionId: session.id,
        entries: [{ userId: DEMO_USERS[3].id, timeLimitMultiplier: 1.5 }],
        sendInvitation: true,
      },
      15_000,
    );
    expect(added.err).toBeUndefined();
    const text = decodeQuotedPrintable(inbox.at(-1)!.raw);
    expect(text).toMatch(/^Subject: Invitation: Session-wide$/m);
    expect(text).toContain('Duration: 45 min.');
    expect(text).not.toContain('Your time limit');
  });

  it('resends a fresh link to someone still Invited, and refuses once they joined', async () => {
    const session = sessions.put({ name: 'Resend' });
    const row = first(
      (
        await nats.request<ParticipantView[]>(Requests.addParticipants, {
          orgId: DEMO_ORG.id,
          actorId: DEMO_USERS[1].id,
          sessionId: session.id,
          entries: [{ userId: DEMO_USERS[4].id }],
          sendInvitation: false,
        })
      ).response!,
    );
    expect(row.invitationSentAt).toBeNull();
    const before = inbox.length;
    const command = { orgId: DEMO_ORG.id, actorId: DEMO_USERS[1].id, sessionId: session.id, participantId: row.id };
    const resent = await nats.request<ParticipantView>(Requests.resendInvitation, command, 15_000);
    expect(resent.response?.invitationSentAt).toEqual(expect.any(String));
    expect(inbox).toHaveLength(before + 1);
    expect(inbox.at(-1)!.to).toEqual([DEMO_USERS[4].email]);
    await nats.request(Requests.joinWithCode, {
      orgId: DEMO_ORG.id,
      userId: DEMO_USERS[4].id,
      code: session.enrollmentCode,
    });
    const refused = await nats.request(Requests.resendInvitation, command);
    expect(refused.err).toEqual({
      code: RpcErrorCode.Conflict,
      message: `${DEMO_USERS[4].displayName} has already joined; an invitation is only sent to someone still Invited.`,
    });
  });

  it('refuses an expired link and an unknown one', async () => {
    const session = sessions.put({});
    await nats.request(
      Requests.addParticipants,
      {
        orgId: DEMO_ORG.id,
        actorId: DEMO_USERS[1].id,
        sessionId: session.id,
        entries: [{ userId: DEMO_USERS[3].id }],
        sendInvitation: true,
      },
      15_000,
    );
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(decodeQuotedPrintable(inbox.at(-1)!.raw))![1];
    await service.app
      .get(EntityManager)
      .fork()
      .nativeUpdate(InvitationToken, { userId: DEMO_USERS[3].id }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await nats.request(Requests.redeemInvitation, { token });
    expect(expired.err?.message).toBe('This invitation link has expired. Ask your proctor to send a new one.');
    const unknown = await nats.request(Requests.redeemInvitation, { token: 'x'.repeat(43) });
    expect(unknown.err?.message).toBe('This invitation link is not valid. Ask your proctor to send a new one.');
  });
});
