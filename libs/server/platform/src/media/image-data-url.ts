/** An image sent as a data URL (`data:image/jpeg;base64,...`), decoded and checked. */
export interface DecodedImage {
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: Buffer;
}

const DATA_URL = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/]+=*)$/;

/** What each format's file starts with: a data URL that says "png" but holds something else is refused. */
const SIGNATURES: Record<DecodedImage['contentType'], (bytes: Buffer) => boolean> = {
  'image/jpeg': (bytes) => bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  'image/png': (bytes) =>
    bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (bytes) =>
    bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP',
};

const FORMAT_NAMES: Record<DecodedImage['contentType'], string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};

/**
 * Decodes a JPEG, PNG or WebP data URL. Returns a message naming `field` and what to send instead
 * when it is not one (the contracts' pattern is checked again here: the bytes must match the type).
 */
export function decodeImageDataUrl(dataUrl: string, field: string): DecodedImage | { problem: string } {
  const [, type, base64] = DATA_URL.exec(dataUrl) ?? [];
  if (type === undefined || base64 === undefined)
    return { problem: `${field} must be a data URL of a JPEG, PNG or WebP image (data:image/jpeg;base64,...)` };
  const contentType = type as DecodedImage['contentType'];
  const bytes = Buffer.from(base64, 'base64');
  if (!SIGNATURES[contentType](bytes)) {
    return {
      problem: `${field} says it is a ${FORMAT_NAMES[contentType]} image but its data is not one; send the picture the camera produced`,
    };
  }
  return { contentType, bytes };
}

export function isDecodedImage(value: DecodedImage | { problem: string }): value is DecodedImage {
  return 'bytes' in value;
}
