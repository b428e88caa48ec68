import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import type { ReviewSettingsView } from '@invigil/contracts';
import { Requests } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { ReviewSettings } from '../results/review-settings.entity';
import type { RevealedNames } from './review-views';

/** The threshold a session has until someone sets it (the column's default too). */
const DEFAULT_THRESHOLD_PERCENT = 20;

export function settingsView(sessionId: string, settings: ReviewSettings | null): ReviewSettingsView {
  return {
    sessionId,
    identitiesRevealedAt: settings?.identitiesRevealedAt?.toISOString() ?? null,
    doubleMarking: settings?.doubleMarking ?? false,
    moderationThresholdPercent: settings?.moderationThresholdPercent ?? DEFAULT_THRESHOLD_PERCENT,
  };
}

/**
 * Names of candidates, for reviewers of a session whose identities are revealed. Scoring keeps no names:
 * enrollment is asked, once per candidate shown. Until the reveal nobody is asked and nothing is known.
 */
@Injectable()
export class ReviewIdentities {
  private readonly logger = new Logger(ReviewIdentities.name);

  constructor(private readonly rpc: RpcClient) {}

  async settingsOf(em: EntityManager, orgId: string, sessionId: string): Promise<ReviewSettings | null> {
    return em.findOne(ReviewSettings, { sessionId, orgId });
  }

  async namesFor(orgId: string, settings: ReviewSettings | null, userIds: string[]): Promise<RevealedNames> {
    if (!settings?.identitiesRevealedAt) return null;
    const names = new Map<string, string>();
    for (const userId of new Set(userIds)) {
      try {
        names.set(userId, (await this.rpc.request(Requests.getUser, { orgId, userId })).displayName);
      } catch (error) {
        // A name that cannot be fetched now leaves the pseudonym showing; the review itself goes on.
        this.logger.warn(`No name for candidate ${userId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return names;
  }
}
