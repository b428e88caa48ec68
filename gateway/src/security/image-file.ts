import { StreamableFile } from '@nestjs/common';

/** An image a service returned as base64, sent as its bytes; never cached by shared caches. */
export function imageFile(file: { contentType: string; base64: string }, name: string): StreamableFile {
  return new StreamableFile(Buffer.from(file.base64, 'base64'), {
    type: file.contentType,
    disposition: `inline; filename="${name}"`,
  });
}

/** Candidates' faces, IDs and screens: private to the proctor's browser, never stored on the way. */
export const PRIVATE_IMAGE_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;
