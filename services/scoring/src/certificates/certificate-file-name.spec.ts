import { certificateFileName } from './certificate-file-name';

describe('certificateFileName', () => {
  it('turns a title into a short ASCII file name', () => {
    expect(certificateFileName('Safety Basics — Level 2')).toBe('certificate-safety-basics-level-2.pdf');
    expect(certificateFileName('Prüfung: Ärzte/Öl')).toBe('certificate-prufung-arzte-ol.pdf');
  });

  it('falls back to a plain name when nothing printable is left', () => {
    expect(certificateFileName('安全')).toBe('certificate.pdf');
  });

  it('keeps long titles short', () => {
    expect(certificateFileName('x'.repeat(300)).length).toBeLessThanOrEqual('certificate-.pdf'.length + 60);
  });
});
