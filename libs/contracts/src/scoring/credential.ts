import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { OrgScopedRequest } from '../scoped';

/** A JSON-LD document as served: a credential, an issuer profile, a key, a status list. */
export type JsonLdDocument = Record<string, unknown>;

/** Anyone holding a certificate's code may ask about it: the request names no organization. */
export class VerifyCertificateCodeRequest {
  /** Normalized by the gateway (`normalizeVerificationCode`); checked again here. */
  @IsString()
  @Length(12, 12)
  code!: string;
}

export type CredentialStatusWord = 'valid' | 'revoked';

/** What the public verification page shows: the certificate's facts and nothing else about the holder. */
export interface CertificateVerificationView {
  code: string;
  holderName: string;
  organizationName: string;
  assessmentTitle: string;
  issuedAt: string;
  percent: number;
  passed: boolean;
  status: CredentialStatusWord;
  revokedAt: string | null;
  revokedReason: string | null;
}

/** The holder's own credential (`userId` set) or, for staff of the organization, any (`userId` absent). */
export class GetCredentialRequest extends OrgScopedRequest {
  @IsUUID()
  certificateId!: string;

  @IsOptional()
  @IsUUID()
  userId?: string;
}

export interface CredentialFile {
  fileName: string;
  credential: JsonLdDocument;
}

export class CheckCredentialRequest {
  @IsObject()
  credential!: JsonLdDocument;
}

export type CredentialVerdict = 'valid' | 'invalid' | 'revoked';

export interface CredentialCheckView {
  verdict: CredentialVerdict;
  /** Why, in words a person can act on: which check failed, or when it was revoked. */
  reason: string;
  /** The certificate's facts when the credential is one this platform issued and its proof holds. */
  certificate: CertificateVerificationView | null;
}

export const ISSUER_DOCUMENTS = ['profile', 'key'] as const;
export type IssuerDocumentKind = (typeof ISSUER_DOCUMENTS)[number];

export class GetIssuerDocumentRequest extends OrgScopedRequest {
  @IsIn(ISSUER_DOCUMENTS)
  document!: IssuerDocumentKind;
}

export class GetStatusListRequest extends OrgScopedRequest {
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  page!: number;
}
