import { Injectable } from '@nestjs/common';
import { Requests, RpcErrorCode, ScoringKeyView } from '@invigil/contracts';
import { RemoteCallError, RpcClient } from '@invigil/server-platform';

/** Enough for every version being scored at once on one replica; the oldest entry goes first. */
const MAX_VERSIONS = 500;

/**
 * The scoring keys of assessment versions, kept in memory: a version never changes once written
 * (an edit makes a new version), so sessions is asked once per version and replica, not once per
 * submission, and a room submitting at the bell is scored without a remote call each.
 */
@Injectable()
export class ScoringKeys {
  private readonly keys = new Map<string, ScoringKeyView>();

  constructor(private readonly rpc: RpcClient) {}

  /**
   * Null when the key will never come (the version is unknown to sessions, or the request is
   * invalid): retrying would not help. Any other failure is thrown, so the caller retries later.
   */
  async of(orgId: string, assessmentVersionId: string): Promise<ScoringKeyView | null> {
    // Keyed by organization too: a version id of another organization must not find this one's key.
    const cacheKey = `${orgId}/${assessmentVersionId}`;
    const cached = this.keys.get(cacheKey);
    if (cached) return cached;
    const key = await this.ask(orgId, assessmentVersionId);
    if (!key) return null;
    if (this.keys.size >= MAX_VERSIONS) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(cacheKey, key);
    return key;
  }

  private async ask(orgId: string, assessmentVersionId: string): Promise<ScoringKeyView | null> {
    try {
      return await this.rpc.request(Requests.getScoringKey, { orgId, assessmentVersionId });
    } catch (error) {
      if (
        error instanceof RemoteCallError &&
        (error.body.code === RpcErrorCode.NotFound || error.body.code === RpcErrorCode.ValidationFailed)
      )
        return null;
      throw error;
    }
  }
}
