/** "certificate-safety-basics.pdf": ASCII only, so every browser and file system keeps it as is. */
export function certificateFileName(assessmentTitle: string): string {
  const slug = assessmentTitle
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug ? `certificate-${slug}.pdf` : 'certificate.pdf';
}
