import { formatIssueDate, formatPercent, renderCertificatePdf } from './certificate-pdf';

type PdfParse = (data: Uint8Array) => Promise<{ text: string; numpages: number; info: Record<string, unknown> }>;
// The package's main entry runs a debug script when required directly; its library file does not.
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as PdfParse;

describe('certificate PDF', () => {
  it('formats scores with at most one decimal and dates in UTC', () => {
    expect(formatPercent(66.66666)).toBe('66.7%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatIssueDate(new Date('2026-11-26T23:30:00Z'))).toBe('26 November 2026');
  });

  it('renders one landscape page naming the candidate, the assessment, the score, the certificate and its verification code', async () => {
    const pdf = await renderCertificatePdf({
      certificateId: '6f1c2a4e-8a3b-4c5d-9e0f-112233445566',
      organizationName: 'Demo Academy',
      candidateName: 'Carla Candidate',
      assessmentTitle: 'Safety Basics',
      percent: 66.7,
      issuedAt: new Date('2026-11-26T10:00:00Z'),
      verificationCode: '7K2M9QXD4RTA',
      verificationUrl: 'https://exams.example.com/verify/7K2M9QXD4RTA',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A copy with its own ArrayBuffer: pdf.js ignores the byte offset of Buffers cut from Node's shared pool.
    const parsed = await pdfParse(new Uint8Array(pdf));
    expect(parsed.numpages).toBe(1);
    for (const text of [
      'DEMO ACADEMY',
      'Certificate of Achievement',
      'Carla Candidate',
      'Safety Basics',
      'with a score of 66.7%',
      'Issued on 26 November 2026',
      'Certificate ID 6f1c2a4e-8a3b-4c5d-9e0f-112233445566',
      'Verification code 7K2M-9QXD-4RTA',
      'Verify at https://exams.example.com/verify/7K2M9QXD4RTA',
    ]) {
      expect(parsed.text).toContain(text);
    }
  });
});
