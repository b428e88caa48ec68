import { CertificateStatus } from '@invigil/contracts';
import { revocationOf } from './credential-status';
import { IssuerUrls } from './issuer-urls';

describe('credential revocation', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  const current = { revokedAt: null, revokedReason: null };
  const ready = { status: CertificateStatus.Ready, revokedAt: null, revokedReason: null };

  it('holds while neither the credential nor its certificate is revoked', () => {
    expect(revocationOf(current, ready)).toBeNull();
    expect(revocationOf(current, { ...ready, status: CertificateStatus.Pending })).toBeNull();
  });

  it("follows the certificate's revocation, with its date and reason", () => {
    const revoked = { status: CertificateStatus.Revoked, revokedAt: at, revokedReason: 'No longer passes.' };
    expect(revocationOf(current, revoked)).toEqual({ at, reason: 'No longer passes.' });
  });

  it('stays revoked once superseded, whatever the certificate does next', () => {
    const superseded = { revokedAt: at, revokedReason: 'Replaced.' };
    expect(revocationOf(superseded, ready)).toEqual({ at, reason: 'Replaced.' });
  });
});

describe('issuer urls', () => {
  const urls = new IssuerUrls('https://exams.example.com');
  const org = '0b6a4c1e-2f3d-4a5b-8c7d-9e0f11223344';

  it('name the documents a verifier resolves, under the public address', () => {
    expect(urls.key(org)).toBe(`https://exams.example.com/api/issuers/${org}/key`);
    expect(urls.statusList(org, 2)).toBe(`https://exams.example.com/api/issuers/${org}/status/2`);
    expect(urls.verifyPage('7K2M9QXD4RTA')).toBe('https://exams.example.com/verify/7K2M9QXD4RTA');
  });

  it('read the organization back only from ids of this platform', () => {
    expect(urls.orgOf(urls.issuer(org))).toBe(org);
    expect(urls.orgOf(`${urls.issuer(org)}#key`)).toBe(org);
    expect(urls.orgOf(`https://evil.example/api/issuers/${org}`)).toBeNull();
    expect(urls.orgOf('https://exams.example.com/api/issuers/../../x')).toBeNull();
  });
});
