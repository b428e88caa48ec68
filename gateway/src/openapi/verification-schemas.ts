import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { CertificateVerificationView, CredentialCheckView } from '@invigil/contracts';

type Schema = SchemaObject | { $ref: string };

/** Naming every property of T (`-?`): a field added to the contract without its schema does not compile. */
function object<T>(properties: { [K in keyof T]-?: Schema }): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties) };
}

const str: SchemaObject = { type: 'string' };
const time: SchemaObject = { type: 'string', format: 'date-time' };
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });

/** The public certificate verification's response schemas, merged into RESPONSE_SCHEMAS. */
export const VERIFICATION_SCHEMAS: Record<string, SchemaObject> = {
  CertificateVerificationView: object<CertificateVerificationView>({
    code: str,
    holderName: str,
    organizationName: str,
    assessmentTitle: str,
    issuedAt: time,
    percent: { type: 'number' },
    passed: { type: 'boolean' },
    status: { type: 'string', enum: ['valid', 'revoked'] },
    revokedAt: nullable(time),
    revokedReason: nullable(str),
  }),
  CredentialCheckView: object<CredentialCheckView>({
    verdict: { type: 'string', enum: ['valid', 'invalid', 'revoked'] },
    reason: str,
    certificate: { allOf: [{ $ref: '#/components/schemas/CertificateVerificationView' }], nullable: true },
  }),
  JsonLdDocument: { type: 'object', additionalProperties: true, description: 'A JSON-LD document' },
};
