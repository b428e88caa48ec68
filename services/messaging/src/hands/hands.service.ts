import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Events, HandView, ListHandsRequest, SetHandRequest } from '@invigil/contracts';
import { Outbox, RpcError } from '@invigil/server-platform';
import { SessionPeople } from '../people/session-people';
import { Hand } from './hand.entity';

/** Raised hands: a candidate raises or lowers their own; staff may lower one once they have helped. */
@Injectable()
export class HandsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly people: SessionPeople,
  ) {}

  async set(request: SetHandRequest): Promise<HandView> {
    if (request.viewerSide === 'candidate' && request.userId !== request.viewerId) {
      throw RpcError.forbidden('You can raise or lower only your own hand.');
    }
    if (request.viewerSide === 'staff' && request.raised) {
      throw RpcError.invalid('Only the candidate raises their hand; staff can lower it.', [
        'raised: staff may only set it to false',
      ]);
    }
    await this.people.assertCandidates(request.orgId, request.sessionId, [request.userId], 'userId');
    return this.outbox.transaction(async (em, emit) => {
      const at = new Date();
      const hand = await em.upsert(Hand, {
        sessionId: request.sessionId,
        userId: request.userId,
        orgId: request.orgId,
        raised: request.raised,
        at,
      });
      emit(Events.handRaised, {
        orgId: request.orgId,
        sessionId: request.sessionId,
        userId: request.userId,
        raised: request.raised,
        at: at.toISOString(),
        ...(request.viewerSide === 'staff' ? { actorId: request.viewerId } : {}),
      });
      return hand.toView();
    });
  }

  /** Staff: every hand of the session; a candidate: their own. */
  async list(request: ListHandsRequest): Promise<HandView[]> {
    const hands = await this.em.fork().find(
      Hand,
      {
        orgId: request.orgId,
        sessionId: request.sessionId,
        ...(request.viewerSide === 'candidate' ? { userId: request.viewerId } : {}),
      },
      { orderBy: { at: 'asc' } },
    );
    return hands.map((hand) => hand.toView());
  }
}
