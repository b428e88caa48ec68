import { RecordKind } from '@invigil/contracts';
import { csvField, recordCsv } from './record-csv';

describe('record CSV', () => {
  it('quotes every field, doubles quotes and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
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
