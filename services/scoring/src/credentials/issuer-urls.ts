/**
 * The public addresses of an organization's issuer documents and of the verification page. They
 * are the ids inside every credential, so they are permanent once a credential is issued.
 */
export class IssuerUrls {
  constructor(private readonly publicUrl: string) {}

  issuer(orgId: string): string {
    return `${this.publicUrl}/api/issuers/${orgId}`;
  }

  key(orgId: string): string {
    return `${this.issuer(orgId)}/key`;
  }

  statusList(orgId: string, page: number): string {
    return `${this.issuer(orgId)}/status/${page}`;
  }

  verifyPage(code: string): string {
    return `${this.publicUrl}/verify/${code}`;
  }

  /** The organization an issuer or key id names, if it is one of this platform's. */
  orgOf(id: string): string | null {
    const prefix = `${this.publicUrl}/api/issuers/`;
    if (!id.startsWith(prefix)) return null;
    const orgId = id.slice(prefix.length).split(/[/#]/)[0] ?? '';
    return /^[0-9a-f-]{36}$/i.test(orgId) ? orgId : null;
  }
}
