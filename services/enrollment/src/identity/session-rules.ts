import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events, Requests, SessionView } from '@invigil/contracts';
import { EventConsumer, RpcClient } from '@invigil/server-platform';
import { SessionRule } from './session-rule.entity';

/**
 * Whether a session verifies identity. Sessions' created/updated events are the word on it; a
 * session fetched for a join or an addition fills a gap an event has not filled yet (the events
 * may still be on their way), and a session enrollment has never heard of is asked for once.
 */
@Injectable()
export class SessionRules implements OnModuleInit {
  constructor(
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

  /** Fills the rule from a session just fetched, unless an event already said it. */
  async remember(em: EntityManager, session: SessionView): Promise<void> {
    await em.execute(
      `insert into session_rule (session_id, org_id, identity_verification, updated_at) values (?, ?, ?, now()) on conflict do nothing`,
      [session.id, session.orgId, session.security.identityVerification],
    );
  }

  /** Whether each of the sessions verifies identity, by session id. */
  async identityRequired(
    em: EntityManager,
    sessions: { orgId: string; sessionId: string }[],
  ): Promise<Map<string, boolean>> {
    const orgOf = new Map(sessions.map((ref) => [ref.sessionId, ref.orgId]));
    const rules = orgOf.size === 0 ? [] : await em.find(SessionRule, { sessionId: { $in: [...orgOf.keys()] } });
    const required = new Map(rules.map((rule) => [rule.sessionId, rule.identityVerification]));
    for (const [sessionId, orgId] of [...orgOf].filter(([id]) => !required.has(id))) {
      // Participants from before identity checks existed: their session's rule was never recorded.
      const session = await this.rpc.request(Requests.getSession, { orgId, sessionId });
      await this.remember(em, session);
      required.set(sessionId, session.security.identityVerification);
    }
    return required;
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
