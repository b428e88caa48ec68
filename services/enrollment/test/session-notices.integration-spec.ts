import type { ParticipantView } from '@invigil/contracts';
import { Events, Requests, SessionStatus } from '@invigil/contracts';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import type { RawNats, RunningTestService } from '@invigil/server-testing';
import { envelope, publishEnvelope, SessionsPeer, uniqueTag, waitUntilConsumed } from '@invigil/server-testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { UserAccount } from '../src/accounts/user.entity';
import type { EnrollmentEnv } from '../src/config/env';
import { startEnrollment, stopEnrollment } from './support/enrollment-under-test';
import { SmtpInbox } from './support/smtp-inbox';

/**
 * A session rescheduled while running: enrollment mails every participant on the roster (those
 * writing and the invited who have not joined) the new time in their own zone, through a real
 * SMTP server in the test process.
 */
describe('reschedule notices over a real SMTP server (in-process smtp-server)', () => {
  const tag = uniqueTag();
  const inbox = new SmtpInbox();
  let service: RunningTestService<EnrollmentEnv>;
  let nats: RawNats;
  let sessions: SessionsPeer;
  const [proctor, ada, bo] = [DEMO_USERS[1], DEMO_USERS[2], DEMO_USERS[3]];

  beforeAll(async () => {
    const smtpUrl = await inbox.start();
    ({ service, nats } = await startEnrollment(tag, {
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'Invigil Test <invigil@test.local>',
      PUBLIC_URL: 'http://exams.test',
    }));
    const em = service.app.get(EntityManager).fork();
    await em.nativeUpdate(UserAccount, { id: ada.id }, { timeZone: 'America/New_York' });
    await em.nativeUpdate(UserAccount, { id: bo.id }, { timeZone: 'Asia/Tokyo' });
    sessions = new SessionsPeer(nats);
  });

  afterAll(async () => {
    sessions?.stop();
    await stopEnrollment({ service, nats });
    await inbox.stop();
  });

  const rescheduled = (sessionId: string, whileRunning: boolean) =>
    envelope(Events.sessionRescheduled, {
      orgId: DEMO_ORG.id,
      sessionId,
      name: 'Chemistry Final',
      previousScheduledAt: null,
      previousStartedAt: '2026-12-03T09:00:00.000Z',
      scheduledAt: '2026-12-03T15:30:00.000Z',
      timeZone: 'Europe/Berlin',
      whileRunning,
      reason: 'Power cut',
      message: 'We continue after the repairs.',
      actorId: proctor.id,
    });

  it("mails every participant the new start in their own time zone with the proctor's message", async () => {
    const session = sessions.put({ name: 'Chemistry Final', status: SessionStatus.Paused });
    const added = await nats.request<ParticipantView[]>(Requests.addParticipants, {
      orgId: DEMO_ORG.id,
      actorId: proctor.id,
      sessionId: session.id,
      entries: [{ userId: ada.id }, { userId: bo.id }],
      sendInvitation: false,
    });
    expect(added.err).toBeUndefined();

    await publishEnvelope(nats, rescheduled(session.id, true));
    await waitUntilConsumed(nats, 'enrollment');

    const [toAda] = inbox.to(ada.email);
    expect(toAda).toMatch(
      /^Subject: Rescheduled: Chemistry Final now starts Thursday, 3 December 2026 at 10:30 \(America\/New_York\)$/m,
    );
    expect(toAda).toContain('has been rescheduled to Thursday, 3 December 2026 at 10:30 (America/New_York).');
    expect(toAda).toContain('We continue after the repairs.');
    expect(toAda).toContain(`http://exams.test/exam/${session.id}`);
    const [toBo] = inbox.to(bo.email);
    expect(toBo).toContain('rescheduled to Friday, 4 December 2026 at 00:30 (Asia/Tokyo).');
    expect(inbox.mails).toHaveLength(2);
  });

  it('mails nobody for a reschedule before the start (the settings edit; invitations carry the time)', async () => {
    const session = sessions.put({ name: 'Later', status: SessionStatus.Scheduled });
    await nats.request<ParticipantView[]>(Requests.addParticipants, {
      orgId: DEMO_ORG.id,
      actorId: proctor.id,
      sessionId: session.id,
      entries: [{ userId: ada.id }],
      sendInvitation: false,
    });
    const before = inbox.mails.length;
    await publishEnvelope(nats, rescheduled(session.id, false));
    await waitUntilConsumed(nats, 'enrollment');
    expect(inbox.mails).toHaveLength(before);
  });
});
