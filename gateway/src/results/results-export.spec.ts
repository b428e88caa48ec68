import type { SessionResultRow } from '@invigil/contracts';
import { Workbook } from 'exceljs';
import { resultsCsv, resultsXlsx } from './results-export';

const row = (over: Partial<SessionResultRow> = {}): SessionResultRow => ({
  resultId: 'r1',
  userId: 'u1',
  displayName: 'Ada Lovelace',
  email: 'ada@example.test',
  score: 5,
  maxScore: 6,
  percent: 83.3,
  passed: true,
  answersAwaitingReview: 0,
  submittedAt: '2026-12-04T10:00:00.000Z',
  certificateId: null,
  certificateStatus: null,
  ...over,
});

describe('results exports', () => {
  const rows = [row(), row({ displayName: '=HYPERLINK("x")', passed: false, answersAwaitingReview: 2, email: '+1@x' })];

  it('writes a CSV whose formula-looking cells are prefixed with a quote', () => {
    const lines = resultsCsv(rows).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      '"Candidate","Email","Score","Max score","Percent","Outcome","Review","Submitted","Certificate"',
    );
    expect(lines[1]).toBe(
      '"Ada Lovelace","ada@example.test","5","6","83.3","passed","final","2026-12-04T10:00:00.000Z",""',
    );
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")","'+1@x"`);
    expect(lines[2]).toContain('"pending","provisional, 2 answers awaiting review"');
  });

  it('writes an XLSX with the same cells, text kept as text and numbers as numbers', async () => {
    const workbook = new Workbook();
    const file = await resultsXlsx(rows);
    await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Results');
    expect(sheet?.getRow(3).getCell(1).value).toBe(`'=HYPERLINK("x")`);
    expect(sheet?.getRow(2).getCell(3).value).toBe(5);
  });
});
