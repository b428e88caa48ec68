import { StreamableFile } from '@nestjs/common';
import type { CredentialFile } from '@invigil/contracts';

/** A credential as a download, byte for byte the signed JSON. */
export function credentialDownload(file: CredentialFile): StreamableFile {
  return new StreamableFile(Buffer.from(JSON.stringify(file.credential, null, 2)), {
    type: 'application/ld+json',
    disposition: `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  });
}
