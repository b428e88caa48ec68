import { createHash } from 'node:crypto';
import type { RecordActor, RecordBreak, RecordDetail, RecordDetailValue, RecordKind } from '@invigil/contracts';

/** The predecessor of a session's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything an entry's hash covers: all it states, and where it sits in the chain. */
export interface ChainedEntry {
  orgId: string;
  sessionId: string;
  seq: number;
  at: string;
  kind: RecordKind;
  userId: string | null;
  actor: RecordActor;
  detail: RecordDetail;
  eventId: string;
}

export interface StoredEntry extends ChainedEntry {
  prevHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted at every level, so the same entry always serializes to the same
 * bytes, whatever order PostgreSQL's jsonb or a caller's object literal gives its keys.
 */
export function canonicalJson(value: RecordDetailValue | ChainedEntry | RecordActor): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const fields = Object.entries(value as Record<string, RecordDetailValue>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${fields.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** SHA-256 (hex) over the previous hash, a newline, and the entry's canonical serialization. */
export function entryHash(prevHash: string, entry: ChainedEntry): string {
  const chained: ChainedEntry = {
    orgId: entry.orgId,
    sessionId: entry.sessionId,
    seq: entry.seq,
    at: entry.at,
    kind: entry.kind,
    userId: entry.userId,
    actor: { type: entry.actor.type, userId: entry.actor.userId, role: entry.actor.role },
    detail: entry.detail,
    eventId: entry.eventId,
  };
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(chained)}`)
    .digest('hex');
}

/** Where the chain's head says it ends; an entry removed from the end shows as a shorter chain. */
export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/**
 * Recomputes a session's chain from its stored entries (in sequence order) and names the first
 * entry that does not verify: a changed entry, a missing or reordered one, or a cut-off end.
 * Null: the chain is intact.
 */
export function findChainBreak(entries: readonly StoredEntry[], head: ChainHead | null): RecordBreak | null {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    const expectedHash = entryHash(prevHash, entry);
    if (entry.seq !== expectedSeq)
      return { seq: expectedSeq, expectedHash, storedHash: null, reason: `entry ${expectedSeq} is missing` };
    if (entry.prevHash !== prevHash)
      return { seq: entry.seq, expectedHash, storedHash: entry.hash, reason: 'its link to the previous entry differs' };
    if (entry.hash !== expectedHash)
      return { seq: entry.seq, expectedHash, storedHash: entry.hash, reason: 'its content no longer matches its hash' };
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  const lastSeq = expectedSeq - 1;
  if (head && (head.lastSeq !== lastSeq || head.lastHash !== prevHash))
    return {
      seq: lastSeq + 1,
      expectedHash: head.lastHash,
      storedHash: null,
      reason: `the chain ends at entry ${lastSeq} but its head records ${head.lastSeq} entries`,
    };
  return null;
}
