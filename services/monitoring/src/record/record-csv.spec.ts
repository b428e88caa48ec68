import { RecordKind } from '@invigil/contracts';
import type { RecordEntryView } from '@invigil/contracts';
import { recordCsv } from './record-csv';

function entryWithCandidate(userId: string): RecordEntryView {
  return {
    sessionId: 's',
    seq: 2,
    at: '2026-12-03T09:00:00.000Z',
    kind: RecordKind.MessageSent,
    userId,
    actor: { type: 'system', userId: null, role: null },
    detail: {},
    prevHash: '0',
    hash: 'h',
  };
}

/** The fourth field (userId) of the only row, as written. */
const userIdField = (userId: string): string | undefined =>
  recordCsv([entryWithCandidate(userId)], false).split('","')[3];

describe('record CSV', () => {
  it('quotes every field, doubles quotes and defuses spreadsheet formulas', () => {
    expect(userIdField('plain')).toBe('plain');
    expect(userIdField('say "hi", then go')).toBe('say ""hi"", then go');
    expect(userIdField('=HYPERLINK("x")')).toBe('\'=HYPERLINK(""x"")');
    expect(userIdField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(recordCsv([entryWithCandidate('line\nbreak')], false)).toContain('"line\nbreak"');
  });

  it('writes a header and one row per entry with the detail as canonical JSON', () => {
    const csv = recordCsv([
      {
        sessionId: 's',
        seq: 1,
        at: '2026-12-03T09:00:00.000Z',
        kind: RecordKind.AttemptExtended,
        userId: 'u',
        actor: { type: 'staff', userId: 'p', role: null },
        detail: { reason: 'network', minutes: 5 },
        prevHash: '0',
        hash: 'h',
      },
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('"seq","at","kind","userId","actorType","actorId","actorRole","detail","prevHash","hash"');
    expect(row).toBe(
      '"1","2026-12-03T09:00:00.000Z","attempt_extended","u","staff","p","","{""minutes"":5,""reason"":""network""}","0","h"',
    );
  });

  it('leaves the header out of a later part of the export', () => {
    expect(recordCsv([], false)).toBe('');
    expect(recordCsv([])).toBe(
      '"seq","at","kind","userId","actorType","actorId","actorRole","detail","prevHash","hash"\r\n',
    );
  });
});
