import type { RecordEntryView } from '@invigil/contracts';
import { RecordKind } from '@invigil/contracts';
import { exportPart } from './record-export';

const entry = (seq: number): RecordEntryView => ({
  sessionId: 's',
  seq,
  at: '2026-12-03T09:00:00.000Z',
  kind: RecordKind.AlertRaised,
  userId: null,
  actor: { type: 'system', userId: null, role: null },
  detail: { body: 'say "hi"' },
  prevHash: '0',
  hash: `h${seq}`,
});

const verification = { sessionId: 's', intact: true, entryCount: 3, brokenAt: null };

describe('record export parts', () => {
  it('makes one JSON document of parts appended in order', () => {
    const first = exportPart({
      sessionId: 's',
      format: 'json',
      entries: [entry(1), entry(2)],
      first: true,
      last: false,
      verification,
    });
    const last = exportPart({
      sessionId: 's',
      format: 'json',
      entries: [entry(3)],
      first: false,
      last: true,
      verification: null,
    });
    expect(first.nextCursor).toBe(2);
    expect(last.nextCursor).toBeNull();
    const document = JSON.parse(first.content + last.content) as { entries: RecordEntryView[]; verification: unknown };
    expect(document.entries.map((item) => item.seq)).toEqual([1, 2, 3]);
    expect(document.verification).toEqual(verification);
  });

  it('writes a whole document for an empty record', () => {
    const only = exportPart({ sessionId: 's', format: 'json', entries: [], first: true, last: true, verification });
    expect(JSON.parse(only.content)).toMatchObject({ sessionId: 's', entries: [] });
    expect(only.fileName).toBe('session-record-s.json');
  });
});
