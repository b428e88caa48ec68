import { Injectable } from '@nestjs/common';
import { Requests, RpcErrorCode } from '@invigil/contracts';
import { RemoteCallError, RpcClient } from '@invigil/server-platform';
import { createHash, timingSafeEqual } from 'node:crypto';

/** The header Safe Exam Browser sends on every request (Node lower-cases header names). */
export const SEB_CONFIG_KEY_HEADER = 'x-safeexambrowser-configkeyhash';

/** How long a session's allowed Config Keys are reused before asking the sessions service again. */
const CACHE_MS = 10_000;
const CACHE_MAX_SESSIONS = 5_000;

/**
 * What SEB sends in X-SafeExamBrowser-ConfigKeyHash: hex SHA-256 of the absolute request URL
 * without its fragment, followed by the Config Key
 * (https://safeexambrowser.org/developer/seb-config-key.html).
 */
export function configKeyHash(absoluteUrl: string, configKey: string): string {
  const url = absoluteUrl.split('#')[0];
  return createHash('sha256')
    .update(url + configKey.toLowerCase())
    .digest('hex');
}

/** Constant-time comparison of two hex digests (the header may come in either case). */
function sameDigest(expectedHex: string, received: string): boolean {
  const a = Buffer.from(expectedHex, 'utf8');
  const b = Buffer.from(received.trim().toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Safe Exam Browser, when a session asks for it (`security.safeExamBrowserConfigKeys`, absent or
 * empty: not required): every exam request must carry a Config Key hash matching one of the
 * session's allowed Config Keys. Used by the HTTP guard and by the socket handlers.
 */
@Injectable()
export class SafeExamBrowserCheck {
  private readonly cache = new Map<string, { keys: string[]; until: number }>();

  constructor(private readonly rpc: RpcClient) {}

  /** null when the request may go on, else a refusal message for the candidate. */
  async verify(
    orgId: string,
    sessionId: string,
    absoluteUrl: string,
    headerValue: string | undefined,
  ): Promise<string | null> {
    const keys = await this.allowedKeys(orgId, sessionId);
    if (keys.length === 0) return null;
    if (!headerValue) {
      return 'This exam must be taken in Safe Exam Browser: open it with the Safe Exam Browser configuration (.seb file) your proctor gave you.';
    }
    if (keys.some((key) => sameDigest(configKeyHash(absoluteUrl, key), headerValue))) return null;
    return 'Safe Exam Browser is not using a configuration this exam allows (its Config Key does not match): open the exam with the .seb file your proctor gave you, or ask your proctor.';
  }

  private async allowedKeys(orgId: string, sessionId: string): Promise<string[]> {
    const cacheKey = `${orgId}:${sessionId}`;
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.keys;
    let keys: string[];
    try {
      const session = await this.rpc.request(Requests.getSession, { orgId, sessionId });
      keys = session.security.safeExamBrowserConfigKeys ?? [];
    } catch (error) {
      // An unknown session asks for nothing here: the route itself answers that it does not exist.
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) return [];
      throw error;
    }
    this.remember(cacheKey, keys);
    return keys;
  }

  private remember(cacheKey: string, keys: string[]): void {
    if (this.cache.size >= CACHE_MAX_SESSIONS) {
      const now = Date.now();
      for (const [key, entry] of this.cache) if (entry.until <= now) this.cache.delete(key);
      // Still full: drop the oldest entry (a Map iterates in insertion order).
      if (this.cache.size >= CACHE_MAX_SESSIONS) this.cache.delete(this.cache.keys().next().value as string);
    }
    this.cache.set(cacheKey, { keys, until: Date.now() + CACHE_MS });
  }
}
