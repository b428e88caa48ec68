import { formatVerificationCode } from '@invigil/domain';
import PDFDocument from 'pdfkit';
import { toBuffer as qrPng } from 'qrcode';

export interface CertificateContent {
  certificateId: string;
  organizationName: string;
  candidateName: string;
  assessmentTitle: string;
  percent: number;
  issuedAt: Date;
  verificationCode: string;
  /** The public verification page the QR code opens. */
  verificationUrl: string;
}

const INK = '#1f2d3d';
const ACCENT = '#2f5d8a';
const MUTED = '#6b7785';

/** "66.7%", "100%": the one decimal the score carries, and none when it is whole. */
export function formatPercent(percent: number): string {
  return `${Math.round(percent * 10) / 10}%`;
}

/** "26 November 2026", in UTC so the same certificate always prints the same date. */
export function formatIssueDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** Renders a one-page A4 landscape certificate with pdfkit's built-in fonts (no font files to ship). */
export async function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  const qr = await qrPng(content.verificationUrl, { type: 'png', margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `Certificate — ${content.assessmentTitle}`,
      Author: content.organizationName,
      Subject: content.candidateName,
    },
  });
  const done = collect(doc);
  const { width, height } = doc.page;
  drawFrame(doc, width, height);
  const column = { x: 90, width: width - 180 };
  // Each line flows below the previous one, so a long name or title wraps instead of overlapping.
  const line = (text: string, gap: number, font: string, size: number, color: string) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(text, column.x, doc.y + gap, { width: column.width, align: 'center' });

  doc.y = 78;
  line(content.organizationName.toUpperCase(), 0, 'Helvetica-Bold', 13, ACCENT);
  line('Certificate of Achievement', 22, 'Times-Bold', 40, INK);
  line('This certifies that', 26, 'Helvetica', 14, MUTED);
  line(content.candidateName, 12, 'Times-BoldItalic', 34, INK);
  const ruleY = doc.y + 6;
  doc
    .moveTo(width / 2 - 180, ruleY)
    .lineTo(width / 2 + 180, ruleY)
    .lineWidth(0.75)
    .strokeColor(ACCENT)
    .stroke();
  line('has successfully passed the assessment', 22, 'Helvetica', 14, MUTED);
  line(content.assessmentTitle, 10, 'Helvetica-Bold', 20, INK);
  line(`with a score of ${formatPercent(content.percent)}`, 14, 'Helvetica', 16, INK);

  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(INK)
    .text(`Issued on ${formatIssueDate(content.issuedAt)}`, column.x, height - 118, {
      width: column.width,
      align: 'center',
    });
  doc
    .fontSize(9)
    .fillColor(MUTED)
    .text(`Certificate ID ${content.certificateId}`, column.x, height - 100, { width: column.width, align: 'center' });
  drawVerification(doc, qr, content, width, height);
  doc.end();
  return done;
}

/** The QR code in the bottom right corner, the code and the address beside it for those who type. */
function drawVerification(
  doc: PDFKit.PDFDocument,
  qr: Buffer,
  content: CertificateContent,
  width: number,
  height: number,
): void {
  const size = 78;
  doc.image(qr, width - 56 - size, height - 56 - size, { fit: [size, size] });
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(MUTED)
    .text(`Verification code ${formatVerificationCode(content.verificationCode)}`, 56, height - 84, {
      width: width - 2 * 56 - size - 12,
      align: 'right',
    })
    .text(`Verify at ${content.verificationUrl}`, 56, height - 72, {
      width: width - 2 * 56 - size - 12,
      align: 'right',
    });
}

function drawFrame(doc: PDFKit.PDFDocument, width: number, height: number): void {
  doc
    .rect(24, 24, width - 48, height - 48)
    .lineWidth(3)
    .strokeColor(ACCENT)
    .stroke();
  doc
    .rect(34, 34, width - 68, height - 68)
    .lineWidth(0.75)
    .strokeColor(ACCENT)
    .stroke();
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
