import { Workbook } from 'exceljs';
import type { RosterFacts } from './roster-file';
import { ImportFileError, MAX_IMPORT_BYTES, readTable, templateCsv, templateXlsx, validateTable } from './roster-file';

const none: RosterFacts = { enrolled: new Set(), foreign: new Set(), placesLeft: null };
const csv = (text: string) => Buffer.from(text, 'utf8');
const report = async (text: string, facts = none) => validateTable(await readTable('roster.csv', csv(text)), facts);
const refusal = async (name: string, bytes: Buffer) => {
  try {
    validateTable(await readTable(name, bytes), none);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('roster import: reading the file', () => {
  it('reads the CSV template and accepts every row', async () => {
    const result = await report(templateCsv());
    expect(result.issues).toEqual([]);
    expect(result.valid).toEqual([
      {
        row: 2,
        email: 'ada@example.com',
        displayName: 'Ada Lovelace',
        timeLimitMinutes: null,
        timeLimitMultiplier: null,
      },
      {
        row: 3,
        email: 'alan@example.com',
        displayName: 'Alan Turing',
        timeLimitMinutes: 90,
        timeLimitMultiplier: null,
      },
      {
        row: 4,
        email: 'grace@example.com',
        displayName: 'Grace Hopper',
        timeLimitMinutes: null,
        timeLimitMultiplier: 1.5,
      },
    ]);
  });

  it('reads the XLSX template the same way', async () => {
    const result = validateTable(await readTable('roster.xlsx', await templateXlsx()), none);
    expect(result.issues).toEqual([]);
    expect(result.valid.map((row) => [row.email, row.timeLimitMinutes, row.timeLimitMultiplier])).toEqual([
      ['ada@example.com', null, null],
      ['alan@example.com', 90, null],
      ['grace@example.com', null, 1.5],
    ]);
  });

  it('accepts a header in another order, Windows line endings and a UTF-8 BOM', async () => {
    const result = await report('\uFEFFtimeLimitMultiplier,DisplayName,EMAIL\r\n2,Zoë Ñ,zoe@example.com\r\n\r\n');
    expect(result.issues).toEqual([]);
    expect(result.valid).toEqual([
      { row: 2, email: 'zoe@example.com', displayName: 'Zoë Ñ', timeLimitMinutes: null, timeLimitMultiplier: 2 },
    ]);
  });

  it('refuses an empty file, a header without rows, a missing email column', async () => {
    expect(await refusal('a.csv', Buffer.alloc(0))).toMatch(/^The file is empty/);
    expect(await refusal('a.csv', csv('\uFEFF \r\n'))).toMatch(/^The file is empty/);
    expect(await refusal('a.csv', csv('email,displayName\r\n'))).toBe('The file has a header row but no participants.');
    expect(await refusal('a.csv', csv('mail,name\na@b.co,A\n'))).toMatch(/^The header row has no email column/);
  });

  it('refuses a binary file renamed .csv, a workbook renamed .csv, a non-workbook named .xlsx, and other types', async () => {
    expect(
      await refusal('a.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
    ).toMatch(/contains binary data/);
    expect(await refusal('a.csv', await templateXlsx())).toMatch(/is a workbook or archive/);
    expect(await refusal('a.xlsx', csv(templateCsv()))).toMatch(/is not an Excel workbook/);
    expect(await refusal('a.txt', csv(templateCsv()))).toBe('Upload a .csv or .xlsx file (use the template).');
    expect(await refusal('a.csv', Buffer.from([0x61, 0xff, 0xfe, 0x61]))).toMatch(/not UTF-8/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    expect(await refusal('a.csv', Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61))).toBe(
      'The file is 5.0 MB; the import takes at most 5 MB.',
    );
  });
});

describe('roster import: the row-by-row report', () => {
  it('names the row, column and reason of every problem and keeps only good rows', async () => {
    const result = await report(
      [
        'email,displayName,timeLimitMinutes,timeLimitMultiplier,notes',
        'ok@example.com,Okay,,,x',
        'not-an-email,Bad,,,',
        'OK@example.com,Dupe,,,',
        'enrolled@example.com,Old,,,',
        'limit@example.com,Limit,0,,',
        'mult@example.com,Mult,,9,',
        'both@example.com,Both,30,1.5,',
        'other@rival.test,Rival,,,',
      ].join('\n'),
      { enrolled: new Set(['enrolled@example.com']), foreign: new Set(['other@rival.test']), placesLeft: null },
    );
    expect(result.totalRows).toBe(8);
    expect(result.valid.map((row) => row.email)).toEqual(['ok@example.com']);
    expect(result.issues).toEqual([
      {
        row: 1,
        column: 'notes',
        reason:
          'unknown column "notes" (ignored); the columns are email, displayName, timeLimitMinutes, timeLimitMultiplier',
      },
      { row: 3, column: 'email', reason: 'bad email "not-an-email"' },
      { row: 4, column: 'email', reason: 'duplicate in file: ok@example.com is already on row 2' },
      { row: 5, column: 'email', reason: "already enrolled: enrolled@example.com is on this session's roster" },
      { row: 6, column: 'timeLimitMinutes', reason: 'bad time limit "0": whole minutes from 1 to 1440' },
      {
        row: 7,
        column: 'timeLimitMultiplier',
        reason: 'bad time limit multiplier "9": a number from 1 to 5 such as 1.5',
      },
      {
        row: 8,
        column: 'timeLimitMinutes',
        reason: 'bad time limit: give timeLimitMinutes or timeLimitMultiplier, not both',
      },
      { row: 9, column: 'email', reason: 'other@rival.test belongs to an account of another organization' },
    ]);
  });

  it('refuses formula-like cells (=, +, -, @) and says so', async () => {
    const result = await report(
      'email,displayName\n=HYPERLINK("http://x"),A\nb@example.com,+SUM(A1)\nc@example.com,-2+3\nd@example.com,@cmd\n',
    );
    expect(result.valid).toEqual([]);
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.reason.slice(0, 34)])).toEqual([
      [2, 'email', 'refused: the value starts with "="'],
      [3, 'displayName', 'refused: the value starts with "+"'],
      [4, 'displayName', 'refused: the value starts with "-"'],
      [5, 'displayName', 'refused: the value starts with "@"'],
    ]);
  });

  it('refuses a formula cell in a workbook', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('x');
    sheet.addRow(['email', 'displayName']);
    sheet.addRow([{ formula: 'CONCAT("a","@b.co")' }, 'A']);
    const result = validateTable(await readTable('x.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())), none);
    expect(result.issues[0]).toMatchObject({ row: 2, column: 'email' });
    expect(result.issues[0]?.reason).toMatch(/formula/);
  });

  it('marks rows beyond the places left as over maximum users', async () => {
    const result = await report('email\na@example.com\nb@example.com\nc@example.com\n', { ...none, placesLeft: 2 });
    expect(result.valid).toHaveLength(2);
    expect(result.issues).toEqual([
      { row: 4, column: null, reason: 'over maximum users: the session has no places left for this row' },
    ]);
  });

  it('previews 10,000 rows quickly', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `user${i}@example.com,User ${i},,1.25`);
    const started = Date.now();
    const result = await report(`email,displayName,timeLimitMinutes,timeLimitMultiplier\n${rows.join('\n')}\n`);
    expect(result.valid).toHaveLength(10_000);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
