import { RecordKind } from '@invigil/contracts';
import { at } from '@invigil/server-testing';
import type { ChainedEntry, StoredEntry } from './record-chain';
import { canonicalJson, entryHash, findChainBreak, GENESIS_HASH } from './record-chain';

const session = '11111111-1111-4111-8111-111111111111';
const org = '22222222-2222-4222-8222-222222222222';

function chain(details: ChainedEntry['detail'][]): StoredEntry[] {
  let prevHash = GENESIS_HASH;
  return details.map((detail, index) => {
    const entry: ChainedEntry = {
      orgId: org,
      sessionId: session,
      seq: index + 1,
      at: new Date(Date.UTC(2026, 11, 3, 9, index)).toISOString(),
      kind: RecordKind.AttemptExtended,
      userId: null,
      actor: { type: 'staff', userId: org, role: null },
      detail,
      eventId: `event-${index}`,
    };
    const hash = entryHash(prevHash, entry);
    const stored = { ...entry, prevHash, hash };
    prevHash = hash;
    return stored;
  });
}

const head = (entries: StoredEntry[]) => ({ lastSeq: entries.length, lastHash: entries.at(-1)?.hash ?? GENESIS_HASH });

describe('session record chain', () => {
  it('serializes objects with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });

  it('gives the same hash whatever the order of the detail keys', () => {
    const first = at(chain([{ minutes: 5, reason: 'network' }]), 0);
    expect(entryHash(GENESIS_HASH, { ...first, detail: { reason: 'network', minutes: 5 } })).toBe(first.hash);
  });

  it('reports an untouched chain as intact', () => {
    const entries = chain([{ minutes: 5 }, { minutes: 10 }, { minutes: 1 }]);
    expect(findChainBreak(entries, head(entries))).toBeNull();
    expect(findChainBreak([], null)).toBeNull();
  });

  it('names the first entry whose content was changed, with the hash it should have', () => {
    const entries = chain([{ minutes: 5 }, { minutes: 10 }, { minutes: 1 }]);
    const altered = entries.map((entry) => (entry.seq === 2 ? { ...entry, detail: { minutes: 60 } } : entry));
    const found = findChainBreak(altered, head(entries));
    expect(found).toMatchObject({ seq: 2, storedHash: at(entries, 1).hash });
    expect(found?.expectedHash).toBe(entryHash(at(entries, 0).hash, { ...at(entries, 1), detail: { minutes: 60 } }));
    expect(found?.expectedHash).not.toBe(found?.storedHash);
  });

  it('detects an entry removed from the middle and one removed from the end', () => {
    const entries = chain([{ minutes: 5 }, { minutes: 10 }, { minutes: 1 }]);
    expect(findChainBreak([at(entries, 0), at(entries, 2)], head(entries))).toMatchObject({ seq: 2, storedHash: null });
    expect(findChainBreak(entries.slice(0, 2), head(entries))).toMatchObject({ seq: 3 });
  });

  it('detects an entry whose hash was recomputed after a change (its successor no longer links)', () => {
    const entries = chain([{ minutes: 5 }, { minutes: 10 }, { minutes: 1 }]);
    const forged = { ...at(entries, 1), detail: { minutes: 60 } };
    forged.hash = entryHash(forged.prevHash, forged);
    expect(findChainBreak([at(entries, 0), forged, at(entries, 2)], head(entries))).toMatchObject({ seq: 3 });
  });
});
