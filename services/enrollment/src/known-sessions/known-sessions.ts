import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events, Requests, RpcErrorCode, SessionView } from '@invigil/contracts';
import { EventConsumer, RemoteCallError, RpcClient } from '@invigil/server-platform';
import { KnownSession } from './known-session.entity';

export interface SessionRef {
  orgId: string;
  sessionId: string;
}

/**
 * Enrollment's local copy of each session's identity-verification setting. Sessions'
 * created/updated events are the word on it; a session fetched for a join or an addition fills a
 * gap an event has not filled yet (the events may still be on their way), and a session
 * enrollment has never heard of is asked for once, by `learnMissing`, before any transaction
 * opens: reads inside a transaction (`identityRequired`) never call another service.
 */
@Injectable()
export class KnownSessions implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly consumer: EventConsumer,
    private readonly rpc: RpcClient,
  ) {}

  onModuleInit(): void {
    this.consumer.on(Events.sessionCreated, async (event, em) => {
      // Events stored before the setting existed carry no settings: such sessions do not verify.
      await this.apply(em, event.orgId, event.sessionId, event.settings?.identityVerification ?? false);
    });
    this.consumer.on(Events.sessionUpdated, async (event, em) => {
      await this.apply(em, event.orgId, event.sessionId, event.settings.identityVerification ?? false);
    });
  }

  /** Fills the setting from a session just fetched, unless an event already said it. */
  async remember(em: EntityManager, session: SessionView): Promise<void> {
    await em.execute(
      `insert into session_rule (session_id, org_id, identity_verification, updated_at) values (?, ?, ?, now()) on conflict do nothing`,
      [session.id, session.orgId, session.security.identityVerification],
    );
  }

  /**
   * Asks the sessions service about each session not recorded yet (participants from before
   * identity checks existed: their session's setting was never recorded). Call it before opening
   * a transaction; a session the sessions service does not know stays unrecorded.
   */
  async learnMissing(sessions: SessionRef[]): Promise<void> {
    const em = this.em.fork();
    const orgOf = new Map(sessions.map((ref) => [ref.sessionId, ref.orgId]));
    if (orgOf.size === 0) return;
    const known = await em.find(KnownSession, { sessionId: { $in: [...orgOf.keys()] } }, { fields: ['sessionId'] });
    const recorded = new Set(known.map((row) => row.sessionId));
    for (const [sessionId, orgId] of [...orgOf].filter(([id]) => !recorded.has(id))) {
      const session = await this.fetch(orgId, sessionId);
      if (session) await this.remember(em, session);
    }
  }

  /**
   * Whether each of the sessions verifies identity, by session id, from the local copy only (safe
   * inside a transaction). A session never recorded does not verify: `learnMissing` first.
   */
  async identityRequired(em: EntityManager, sessions: SessionRef[]): Promise<Map<string, boolean>> {
    const ids = [...new Set(sessions.map((ref) => ref.sessionId))];
    const rows = ids.length === 0 ? [] : await em.find(KnownSession, { sessionId: { $in: ids } });
    return new Map(rows.map((row) => [row.sessionId, row.identityVerification]));
  }

  private async fetch(orgId: string, sessionId: string): Promise<SessionView | null> {
    try {
      return await this.rpc.request(Requests.getSession, { orgId, sessionId });
    } catch (error) {
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) return null;
      throw error;
    }
  }

  private async apply(
    em: EntityManager,
    orgId: string,
    sessionId: string,
    identityVerification: boolean,
  ): Promise<void> {
    await em.execute(
      `insert into session_rule (session_id, org_id, identity_verification, updated_at) values (?, ?, ?, now())
       on conflict (session_id) do update set identity_verification = excluded.identity_verification, updated_at = now()`,
      [sessionId, orgId, identityVerification],
    );
  }
}
